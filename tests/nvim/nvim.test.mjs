// Neovim, headless, with its built-in LSP client (a client nobody here wrote), runs
// tests/nvim/diagnostics.lua against the language server on the fixture repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { fixture, REPO_ROOT, SOURCE_SERVER } from '../lsp/harness.mjs';

test('Neovim shows the findings of a meta.yml, at the right bytes, and a hover', (t) => {
  const root = fixture(t);
  const scratch = mkdtempSync(path.join(tmpdir(), 'stacklint-nvim-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  const out = path.join(scratch, 'report.txt');
  const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(REPO_ROOT, 'tests/nvim/diagnostics.lua')}`], {
    env: { ...process.env, STACKLINT_LSP: SOURCE_SERVER, STACKLINT_ROOT: root, STACKLINT_OUT: out, HOME: scratch, XDG_STATE_HOME: scratch, XDG_CACHE_HOME: scratch },
    encoding: 'utf8',
    timeout: 90000,
  });
  assert.equal(run.error, undefined, `nvim could not run: ${run.error} (scripts/setup.sh installs it)`);
  const report = readFileSync(out, 'utf8');
  assert.equal(run.status, 0, `nvim failed:\n${report}\n${run.stderr}`);
  assert.match(report, /^P001 4:8-4:46 severity=1 source=stacklint$/m);
  assert.match(report, /^T001 5:28-5:32 severity=1 source=stacklint$/m);
  assert.match(report, /^hover ok$/m);
});
