// The server as it ships: one bundled file and the .wasm (the npm package's bin and what the
// VS Code extension carries), driven by the same client.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { buildServer } from '../../js/lsp/build.mjs';
import { fixture, REPO_ROOT, startClient } from './harness.mjs';

test('the bundled server checks, hovers and shuts down like the sources', async (t) => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'stacklint-lsp-dist-'));
  t.after(() => rmSync(outdir, { recursive: true, force: true }));
  const [server] = await buildServer(outdir);
  assert.match(execFileSync(process.execPath, [server, '--version'], { encoding: 'utf8' }), /^stacklint-lsp \d+\.\d+\.\d+\n$/);
  const root = fixture(t);
  const client = await startClient({ root, server });
  t.after(() => client.kill());
  client.open('AI/pytorch/meta.yml');
  const published = await client.diagnostics('AI/pytorch/meta.yml');
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['P001', 'T002', 'T001', 'P006']);
  const hover = await client.request('textDocument/hover', { textDocument: { uri: client.uriOf('AI/pytorch/meta.yml') }, position: { line: 1, character: 3 } });
  assert.match(hover.contents.value, /framework layer/);
  assert.equal(await client.shutdown(), 0);
});

test('the npm package holds the bin, the .wasm and the README, nothing else', () => {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts=false'], { cwd: path.join(REPO_ROOT, 'js/lsp'), encoding: 'utf8' });
  const [pack] = JSON.parse(output.slice(output.indexOf('[')));
  assert.equal(pack.name, 'stacklint-lsp');
  assert.deepEqual(pack.files.map((/** @type {{path: string}} */ f) => f.path).sort(), ['README.md', 'dist/stacklint-lsp.mjs', 'dist/stacklint_bg.wasm', 'package.json']);
});
