// The language server driven by a scripted JSON-RPC client over stdio, as an editor drives it.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { applyEdits, fixture, startClient } from './harness.mjs';

const PYTORCH = 'AI/pytorch/meta.yml';
const CANN = 'AI/cann/meta.yml';
const DOCKERFILE = 'AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts/Dockerfile';
const LIST = 'AI/image-list.yml';

const codes = (/** @type {{diagnostics: any[]}} */ published) => published.diagnostics.map((d) => d.code);

test('initialize, diagnostics, ignore-here, diagnostics gone, hover, definition, links, shutdown', async (t) => {
  const root = fixture(t);
  const client = await startClient({ root });
  t.after(() => client.kill());
  const { capabilities, serverInfo } = client.init;
  assert.equal(serverInfo.name, 'stacklint-lsp');
  assert.equal(capabilities.positionEncoding, 'utf-16');
  assert.deepEqual(capabilities.codeActionProvider.codeActionKinds, ['quickfix', 'source.fixAll.stacklint']);

  client.open(PYTORCH);
  const first = await client.diagnostics(PYTORCH);
  assert.deepEqual(codes(first), ['P001', 'T002', 'T001', 'P006']);
  const p001 = first.diagnostics[0];
  assert.equal(p001.source, 'stacklint');
  assert.equal(p001.severity, 1);
  assert.deepEqual(p001.range, { start: { line: 4, character: 8 }, end: { line: 4, character: 46 } });
  assert.match(p001.message, /does not exist in `AI\/pytorch`\nhelp: /);
  assert.match(p001.codeDescription.href, /docs\/rules\.md#p001$/);
  // The related location of P006 is converted in the file it names.
  assert.equal(first.diagnostics[3].relatedInformation.length > 0, true);

  // "Ignore P001 here" writes the suppression; applied, the finding is gone.
  const actions = await client.request('textDocument/codeAction', {
    textDocument: { uri: client.uriOf(PYTORCH) },
    range: p001.range,
    context: { diagnostics: [p001] },
  });
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Ignore P001 here');
  assert.equal(actions[0].kind, 'quickfix');
  const edits = actions[0].edit.changes[client.uriOf(PYTORCH)];
  const text = readFileSync(path.join(root, PYTORCH), 'utf8');
  const fixed = applyEdits(text, edits);
  assert.match(fixed, /path: 2\.3\.0-cann8\.0\.RC1\/24\.03-lts\/Dockerfile # stacklint: ignore\[P001\]\n/);
  const version = client.change(PYTORCH, [{ text: fixed }]);
  const after = await client.diagnostics(PYTORCH, (p) => p.version === version);
  assert.deepEqual(codes(after), ['T002', 'T001', 'P006']);
  const fixAll = await client.request('textDocument/codeAction', {
    textDocument: { uri: client.uriOf(PYTORCH) },
    range: p001.range,
    context: { diagnostics: [], only: ['source.fixAll.stacklint'] },
  });
  assert.deepEqual(fixAll, []);

  // Hover on a tag key: its parts and the parent it implies.
  const hover = await client.request('textDocument/hover', { textDocument: { uri: client.uriOf(PYTORCH) }, position: { line: 1, character: 3 } });
  assert.equal(hover.contents.kind, 'markdown');
  assert.match(hover.contents.value, /\*\*`openeuler\/pytorch:2\.2\.0-cann8\.0\.RC1-oe2403lts`\*\* \(framework layer\)/);
  assert.match(hover.contents.value, /- SDK: `cann8\.0\.RC1`/);
  assert.match(hover.contents.value, /Implies the parent `openeuler\/cann:8\.0\.RC1-oe2403lts`/);
  assert.deepEqual(hover.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 27 } });

  // Definition from the tag to the parent's key, from a path to its file.
  const fromTag = await client.request('textDocument/definition', { textDocument: { uri: client.uriOf(PYTORCH) }, position: { line: 1, character: 3 } });
  assert.deepEqual(fromTag, [{ uri: client.uriOf(CANN), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 17 } } }]);
  const fromPath = await client.request('textDocument/definition', { textDocument: { uri: client.uriOf(PYTORCH) }, position: { line: 2, character: 12 } });
  assert.equal(fromPath[0].uri, client.uriOf(DOCKERFILE));

  // In the Dockerfile: FROM and the ARG it takes lead to cann's key.
  client.open(DOCKERFILE);
  const fromArg = await client.request('textDocument/definition', { textDocument: { uri: client.uriOf(DOCKERFILE) }, position: { line: 0, character: 15 } });
  assert.deepEqual(fromArg, fromTag);
  const fromHover = await client.request('textDocument/hover', { textDocument: { uri: client.uriOf(DOCKERFILE) }, position: { line: 1, character: 7 } });
  assert.match(fromHover.contents.value, /declared in `AI\/cann\/meta\.yml` line 1/);
  assert.equal(await client.request('textDocument/hover', { textDocument: { uri: client.uriOf(DOCKERFILE) }, position: { line: 2, character: 2 } }), null);

  // Document links: every existing path, every image-list folder.
  const links = await client.request('textDocument/documentLink', { textDocument: { uri: client.uriOf(PYTORCH) } });
  assert.deepEqual(links.map((/** @type {any} */ l) => [l.range.start.line, l.target]), [
    [2, client.uriOf(DOCKERFILE)],
    [6, client.uriOf(DOCKERFILE)],
  ]);
  client.open(LIST);
  const folders = await client.request('textDocument/documentLink', { textDocument: { uri: client.uriOf(LIST) } });
  assert.deepEqual(folders.map((/** @type {any} */ l) => l.target), [client.uriOf(CANN), client.uriOf(PYTORCH)]);

  assert.equal(await client.shutdown(), 0);
});

test('positions: utf-32 when the client offers it, utf-16 otherwise, right after a non-BMP character', async (t) => {
  const root = fixture(t);
  for (const [encodings, expected] of /** @type {const} */ ([
    [['utf-16'], { t002: 31, t001: [28, 30] }],
    [['utf-8', 'utf-32', 'utf-16'], { t002: 30, t001: [28, 29] }],
  ])) {
    const client = await startClient({ root, encodings: [...encodings] });
    t.after(() => client.kill());
    assert.equal(client.init.capabilities.positionEncoding, encodings.includes('utf-32') ? 'utf-32' : 'utf-16');
    client.open(PYTORCH);
    const published = await client.diagnostics(PYTORCH);
    const byCode = Object.fromEntries(published.diagnostics.map((d) => [d.code, d.range]));
    assert.equal(byCode.T002.end.character, expected.t002, encodings.join());
    assert.deepEqual([byCode.T001.start.character, byCode.T001.end.character], expected.t001, encodings.join());
    // An edit after the emoji, in the client's encoding: the tag loses the emoji.
    const emoji = { line: 5, character: expected.t001[0] };
    const end = { line: 5, character: expected.t001[1] };
    const version = client.change(PYTORCH, [{ range: { start: emoji, end }, text: '' }]);
    const fixed = await client.diagnostics(PYTORCH, (p) => p.version === version);
    // Without the emoji the tag is well-formed, and its version now disagrees with the folder.
    assert.deepEqual(codes(fixed), ['P001', 'T005', 'P006']);
    await client.shutdown();
  }
});

test('a parent changed in another file re-publishes the open child; closed and deleted files are cleared', async (t) => {
  const root = fixture(t);
  const client = await startClient({ root });
  t.after(() => client.kill());
  client.open(DOCKERFILE);
  const clean = await client.diagnostics(DOCKERFILE);
  assert.deepEqual(codes(clean), []);
  client.open(CANN);
  await client.diagnostics(CANN);
  const before = client.published.length;
  // cann's tag renamed in the editor, not saved: the child's FROM dangles.
  client.change(CANN, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, text: '9.9' }]);
  const dangling = await client.diagnostics(DOCKERFILE, (p) => client.published.indexOf(p) >= before && p.diagnostics.length > 0);
  // Both tags built from this Dockerfile lose their parent.
  assert.deepEqual(codes(dangling), ['L003', 'L003']);
  assert.equal(dangling.diagnostics[0].relatedInformation[0].location.uri, client.uriOf(PYTORCH));
  // Closed without saving: the file on disk counts again, the child is clean.
  const closing = client.published.length;
  client.close(CANN);
  const cleared = await client.diagnostics(CANN, (p) => client.published.indexOf(p) >= closing && p.diagnostics.length === 0);
  assert.deepEqual(cleared.diagnostics, []);
  const healed = await client.diagnostics(DOCKERFILE, (p) => client.published.indexOf(p) >= closing && p.diagnostics.length === 0);
  assert.deepEqual(healed.diagnostics, []);
  // The parent's Dockerfile's folder deleted on disk: cann's meta.yml is now wrong, and the
  // client says so through the watched files.
  const deleting = client.published.length;
  rmSync(path.join(root, 'AI/cann/8.0.RC1'), { recursive: true });
  client.open(CANN);
  client.filesChanged([['AI/cann/8.0.RC1/24.03-lts/Dockerfile', 3]]);
  const missing = await client.diagnostics(CANN, (p) => client.published.indexOf(p) >= deleting && p.diagnostics.length > 0);
  assert.deepEqual(codes(missing), ['P001']);
  // A file created on disk is seen too.
  writeFileSync(path.join(root, 'AI/pytorch/NOTES.md'), '');
  client.filesChanged([['AI/pytorch/NOTES.md', 1]]);
  assert.deepEqual(client.registrations.map((r) => r.method), ['workspace/didChangeWatchedFiles']);
  await client.shutdown();
});

test('settings point at a configuration file and turn rules off (as --ignore does); mistakes in them are said', async (t) => {
  const root = fixture(t);
  writeFileSync(path.join(root, 'ci-stacklint.toml'), 'ignore = ["P006", "T"]\n');
  const client = await startClient({ root, initializationOptions: { configFile: 'ci-stacklint.toml' } });
  t.after(() => client.kill());
  client.open(PYTORCH);
  const published = await client.diagnostics(PYTORCH);
  assert.deepEqual(codes(published), ['P001']);
  // `ignore` replaces the configuration's list, like `stacklint check --ignore`.
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { stacklint: { configFile: 'ci-stacklint.toml', ignore: ['T'] } } });
  const replaced = await client.diagnostics(PYTORCH, (p) => p.diagnostics.length === 2);
  assert.deepEqual(codes(replaced), ['P001', 'P006']);
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { stacklint: { ignore: ['P0001'] } } });
  await client.diagnostics(PYTORCH, () => client.messages.some((m) => /did you mean `P001`/.test(m)));
  client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { stacklint: { configFile: '../outside.toml', debounce: 'soon' } } });
  await client.diagnostics(PYTORCH, () => client.messages.some((m) => /`stacklint.debounce` must be a number/.test(m)));
  await client.diagnostics(PYTORCH, () => client.messages.some((m) => /`stacklint.configFile` is `..\/outside.toml`/.test(m)));
  const all = await client.diagnostics(PYTORCH, (p) => p.diagnostics.length === 4);
  assert.deepEqual(codes(all), ['P001', 'T002', 'T001', 'P006']);
  await client.shutdown();
});

test('a file outside every workspace folder gets no diagnostics', async (t) => {
  const root = fixture(t);
  const client = await startClient({ root: path.join(root, 'AI/cann') });
  t.after(() => client.kill());
  const version = client.open('../pytorch/meta.yml', readFileSync(path.join(root, PYTORCH), 'utf8'));
  assert.equal(version, 1);
  client.open('meta.yml');
  await client.diagnostics('meta.yml');
  assert.equal(client.published.some((p) => p.uri.endsWith('/pytorch/meta.yml')), false);
  await client.shutdown();
});
