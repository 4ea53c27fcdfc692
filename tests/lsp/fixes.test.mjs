// The findings' fixes as code actions, driven by the scripted JSON-RPC client: a quick fix
// applied to the buffer clears its diagnostic, unsafe ones say so, and `source.fixAll.stacklint`
// writes exactly what `stacklint check --fix` writes.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { applyEdits, fixture, startClient, stacklintBin } from './harness.mjs';

const CANN = 'AI/cann/meta.yml';
// Five safe A001 fixes, three of them in one value (applied in rounds), and on the last line
// an emoji before the value to fix (a character outside the BMP: two UTF-16 units, one UTF-32).
const FIXABLE = `# CANN, the SDK layer
8.0.RC1-oe2403lts:
  path: 8.0.RC1/24.03-lts/Dockerfile
  arch: amd64, arm64,amd64
# and one with an emoji
8.0.RC1-oe2403lts-😀: {path: 8.0.RC1/24.03-lts/Dockerfile, arch: amd64}
`;

/** @param {{diagnostics: any[]}} published */
const codes = (published) => published.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);

/**
 * A fixture whose cann meta.yml has the fixable text, and a client on it.
 * @param {import('node:test').TestContext} t
 * @param {Parameters<typeof startClient>[0] extends infer O ? Omit<O, 'root'> : never} [options]
 */
async function fixableClient(t, options = {}) {
  const root = fixture(t);
  writeFileSync(path.join(root, CANN), FIXABLE);
  const client = await startClient({ root, ...options });
  t.after(() => client.kill());
  client.open(CANN);
  const published = await client.diagnostics(CANN);
  return { root, client, published };
}

/**
 * @param {Awaited<ReturnType<typeof startClient>>} client
 * @param {any[]} diagnostics
 * @param {string[]} [only]
 * @returns {Promise<any[]>}
 */
function codeActions(client, diagnostics, only) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return /** @type {Promise<any[]>} */ (
    client.request('textDocument/codeAction', {
      textDocument: { uri: client.uriOf(CANN) },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    })
  );
}

for (const encoding of /** @type {const} */ (['utf-16', 'utf-32'])) {
  test(`a quick fix after a non-BMP character (${encoding}): applied, its diagnostic is gone and nothing new appears`, async (t) => {
    const { client, published } = await fixableClient(t, { encodings: [encoding] });
    assert.equal(client.init.capabilities.positionEncoding, encoding);
    // The value after the emoji: `arch: amd64` at UTF-16 unit 65 (UTF-32 character 64).
    const after = encoding === 'utf-16' ? 65 : 64;
    const target = published.diagnostics.find((d) => d.code === 'A001' && d.range.start.line === 5);
    assert.ok(target, codes(published).join());
    assert.deepEqual(target.range, { start: { line: 5, character: after }, end: { line: 5, character: after + 5 } });
    const actions = await codeActions(client, [target]);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['write `x86_64`', 'quickfix', true],
      ['Ignore A001 here', 'quickfix', undefined],
    ]);
    const edits = actions[0].edit.changes[client.uriOf(CANN)];
    assert.deepEqual(Object.keys(actions[0].edit.changes), [client.uriOf(CANN)]);
    assert.deepEqual(edits, [{ range: target.range, newText: 'x86_64' }]);
    const fixed = applyEdits(FIXABLE, edits, encoding);
    assert.equal(fixed.split('\n')[5], '8.0.RC1-oe2403lts-😀: {path: 8.0.RC1/24.03-lts/Dockerfile, arch: x86_64}');
    const version = client.change(CANN, [{ text: fixed }]);
    const next = await client.diagnostics(CANN, (p) => p.version === version);
    const expected = codes(published).filter((c) => c !== `A001@5:${after}`);
    assert.deepEqual(codes(next), expected);
    await client.shutdown();
  });
}

test('an unsafe fix says so and is not preferred; equal findings on one line each get their own fix', async (t) => {
  const { client, published } = await fixableClient(t);
  const t001 = published.diagnostics.find((d) => d.code === 'T001');
  const actions = await codeActions(client, [t001]);
  assert.equal(actions[0].title, 'rename the tag to `8.0.RC1-oe2403lts-_` (unsafe)');
  assert.equal(actions[0].isPreferred, undefined);
  assert.equal(actions[0].kind, 'quickfix');
  // The edit covers the emoji, whose two UTF-16 units end at 20.
  assert.deepEqual(actions[0].edit.changes[client.uriOf(CANN)], [
    { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 20 } }, newText: '8.0.RC1-oe2403lts-_' },
  ]);
  // `amd64, arm64,amd64`: the two `amd64` have one fingerprint; each action edits its own.
  const line3 = published.diagnostics.filter((d) => d.code === 'A001' && d.range.start.line === 3);
  assert.equal(line3.length, 3);
  const both = await codeActions(client, [line3[0], line3[2]]);
  const fixes = both.filter((a) => a.isPreferred).map((a) => a.edit.changes[client.uriOf(CANN)][0].range.start.character);
  assert.deepEqual(fixes, [8, 21]);
  // Asked for other kinds only: nothing.
  assert.deepEqual(await codeActions(client, [t001], ['refactor']), []);
  await client.shutdown();
});

test('source.fixAll.stacklint writes exactly what `stacklint check --fix` writes, with versioned edits', async (t) => {
  const { root, client, published } = await fixableClient(t, { documentChanges: true });
  // What the CLI writes, on a copy of the same tree.
  const copy = realpathSync(mkdtempSync(path.join(tmpdir(), 'stacklint-lsp-cli-')));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(root, copy, { recursive: true });
  const cli = (() => {
    try {
      return execFileSync(stacklintBin(), ['check', '--fix', copy], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      // Exit 1: errors remain (the unsafe ones).
      return /** @type {{stdout: string}} */ (error).stdout;
    }
  })();
  const expected = readFileSync(path.join(copy, CANN), 'utf8');
  assert.notEqual(expected, FIXABLE, cli);

  // A lightbulb (no `only`) gets no fix-all; on save (`source.fixAll`) and from the source
  // action menu (`source`) it comes.
  const lightbulb = await codeActions(client, []);
  assert.deepEqual(lightbulb, []);
  for (const only of [['source.fixAll'], ['source'], ['source.fixAll.stacklint']]) {
    const actions = await codeActions(client, [], only);
    assert.equal(actions.length, 1, only.join());
    assert.equal(actions[0].kind, 'source.fixAll.stacklint');
    assert.equal(actions[0].title, 'Apply 5 safe stacklint fixes (A001 ×5)');
  }
  // Each kind only where asked for: with a diagnostic, `quickfix` gets no fix-all and
  // `source.fixAll` no quick fix.
  const a001 = published.diagnostics.find((d) => d.code === 'A001');
  const quick = await codeActions(client, [a001], ['quickfix']);
  assert.deepEqual(quick.map((a) => a.kind), ['quickfix', 'quickfix']);
  // The fix and "Ignore A001 here" both name the version they were made for.
  assert.deepEqual(quick.map((a) => a.edit.documentChanges.map((/** @type {any} */ c) => c.textDocument)), [
    [{ uri: client.uriOf(CANN), version: 1 }],
    [{ uri: client.uriOf(CANN), version: 1 }],
  ]);
  assert.deepEqual((await codeActions(client, [a001], ['source.fixAll'])).map((a) => a.kind), ['source.fixAll.stacklint']);
  assert.deepEqual(await codeActions(client, [a001], ['source.organizeImports']), []);
  const [action] = await codeActions(client, [], ['source.fixAll']);
  // One document changed, named with the version the server checked.
  assert.equal(action.edit.documentChanges.length, 1);
  const [change] = action.edit.documentChanges;
  assert.deepEqual(change.textDocument, { uri: client.uriOf(CANN), version: 1 });
  // Small edits, not the whole document: the line of three fixes and the emoji line.
  assert.deepEqual(change.edits.map((/** @type {any} */ e) => [e.range.start.line, e.range.end.line]), [[3, 3], [5, 5]]);
  const fixed = applyEdits(FIXABLE, change.edits);
  assert.equal(fixed, expected);

  const version = client.change(CANN, [{ text: fixed }]);
  const next = await client.diagnostics(CANN, (p) => p.version === version);
  assert.deepEqual(
    next.diagnostics.map((d) => d.code),
    published.diagnostics.map((d) => d.code).filter((code) => code !== 'A001'),
  );
  // Nothing safe is left to fix.
  assert.deepEqual(await codeActions(client, [], ['source.fixAll']), []);
  await client.shutdown();
});

test('fix-all and quick fixes are against the buffer, not the file on disk', async (t) => {
  const { root, client } = await fixableClient(t);
  // The buffer moves the fixable line down; the disk keeps the old text.
  const edited = `# a comment the disk does not have\n${FIXABLE}`;
  const version = client.change(CANN, [{ text: edited }]);
  // Asked right away, before the debounced check: the server checks the text it has now.
  const [action] = await codeActions(client, [], ['source.fixAll']);
  assert.equal(readFileSync(path.join(root, CANN), 'utf8'), FIXABLE);
  const edits = action.edit.changes[client.uriOf(CANN)];
  assert.deepEqual(edits.map((/** @type {any} */ e) => e.range.start.line), [4, 6]);
  assert.equal(applyEdits(edited, edits), `# a comment the disk does not have\n${FIXABLE.replace('amd64, arm64,amd64', 'x86_64,aarch64').replace('arch: amd64}', 'arch: x86_64}')}`);
  const published = await client.diagnostics(CANN, (p) => p.version === version);
  const emojiLine = published.diagnostics.find((d) => d.code === 'A001' && d.range.start.line === 6);
  const [quick] = await codeActions(client, [emojiLine]);
  assert.equal(quick.edit.changes[client.uriOf(CANN)][0].range.start.line, 6);
  await client.shutdown();
});
