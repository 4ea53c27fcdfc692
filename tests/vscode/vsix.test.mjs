// The VS Code extension packaged with @vscode/vsce (built, its contents listed, not
// published; no VS Code is downloaded): one VSIX for every platform, with the client, the
// bundled server and the .wasm, and the server inside it runs.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { REPO_ROOT } from '../lsp/harness.mjs';

const EXTENSION = path.join(REPO_ROOT, 'js/vscode');

/** The entries of a zip file (a VSIX), with Python's zipfile, which Debian always has. */
function entries(/** @type {string} */ zip) {
  const script = 'import json, sys, zipfile\nprint(json.dumps(zipfile.ZipFile(sys.argv[1]).namelist()))';
  return JSON.parse(execFileSync('python3', ['-c', script, zip], { encoding: 'utf8' }));
}

/** One entry's bytes. */
function extract(/** @type {string} */ zip, /** @type {string} */ name, /** @type {string} */ to) {
  const script = 'import sys, zipfile\nopen(sys.argv[3], "wb").write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))';
  execFileSync('python3', ['-c', script, zip, name, to]);
}

test('vsce packages one VSIX with the client, the server and the .wasm, and the server in it runs', (t) => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'stacklint-vsix-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  execFileSync(process.execPath, [path.join(EXTENSION, 'build.mjs')], { stdio: 'inherit' });
  const vsix = path.join(scratch, 'stacklint.vsix');
  execFileSync('npx', ['--no-install', 'vsce', 'package', '--no-dependencies', '--out', vsix], { cwd: EXTENSION, stdio: ['ignore', 'inherit', 'inherit'] });
  const names = entries(vsix).filter((/** @type {string} */ name) => name.startsWith('extension/')).sort();
  assert.deepEqual(names, [
    'extension/LICENSE.txt',
    'extension/dist/extension.cjs',
    'extension/dist/stacklint-lsp.mjs',
    'extension/dist/stacklint_bg.wasm',
    ...names.filter((/** @type {string} */ n) => n.startsWith('extension/images/')),
    'extension/package.json',
    'extension/readme.md',
  ].sort());
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION, 'package.json'), 'utf8'));
  assert.equal(manifest.main, './dist/extension.cjs');
  for (const setting of ['stacklint.ignore', 'stacklint.configFile']) assert.ok(manifest.contributes.configuration.properties[setting], setting);
  // The packaged client parses; the packaged server, alone in a folder with its .wasm, runs.
  extract(vsix, 'extension/dist/extension.cjs', path.join(scratch, 'extension.cjs'));
  execFileSync(process.execPath, ['--check', path.join(scratch, 'extension.cjs')]);
  extract(vsix, 'extension/dist/stacklint-lsp.mjs', path.join(scratch, 'stacklint-lsp.mjs'));
  extract(vsix, 'extension/dist/stacklint_bg.wasm', path.join(scratch, 'stacklint_bg.wasm'));
  assert.match(execFileSync(process.execPath, [path.join(scratch, 'stacklint-lsp.mjs'), '--version'], { encoding: 'utf8' }), /^stacklint-lsp \d/);
});
