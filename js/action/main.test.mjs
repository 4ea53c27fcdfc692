import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { InputError } from './inputs.mjs';
import { describeFailure, main, reachesFailLevel } from './main.mjs';

const WASM = new URL('../../pkg/stacklint_bg.wasm', import.meta.url);

/** Records what the action tells the runner. */
function fakeCore(inputs = {}) {
  const calls = [];
  const record = (name) => (...args) => calls.push([name, ...args]);
  return {
    calls,
    getInput: (name) => inputs[name] ?? '',
    ...Object.fromEntries(['info', 'debug', 'error', 'warning', 'notice', 'setOutput', 'setFailed'].map((name) => [name, record(name)])),
  };
}

test('fail-on levels', () => {
  const summary = { errors: 0, warnings: 2 };
  assert.equal(reachesFailLevel(summary, 'error'), false);
  assert.equal(reachesFailLevel(summary, 'warning'), true);
  assert.equal(reachesFailLevel({ errors: 3, warnings: 0 }, 'never'), false);
});

test('failures read as one sentence', () => {
  assert.equal(describeFailure(new InputError('input `x` is bad')), 'stacklint: input `x` is bad');
  assert.equal(describeFailure(new Error('stacklint: invalid options: x')), 'stacklint: invalid options: x');
  assert.equal(
    describeFailure(new WebAssembly.RuntimeError('unreachable')),
    'stacklint: the checker crashed (unreachable); this is a bug in stacklint, please report it with the files that trigger it',
  );
});

test('a missing workspace fails clearly, without a stack in the error', async () => {
  const core = fakeCore();
  const result = await main({ core, env: { GITHUB_WORKSPACE: '/nonexistent/stacklint-ws' }, wasmPath: WASM });
  assert.equal(result, null);
  assert.deepEqual(core.calls.filter(([name]) => name === 'setFailed'), [
    ['setFailed', 'stacklint: cannot read the workspace /nonexistent/stacklint-ws: ENOENT: no such file or directory, realpath \'/nonexistent/stacklint-ws\''],
  ]);
  assert.deepEqual(core.calls.filter(([name]) => name === 'debug'), []);
});

test('a corrupt .wasm fails clearly; the stack goes to the debug log only', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-main-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const wasm = path.join(dir, 'stacklint_bg.wasm');
  writeFileSync(wasm, 'not wasm');
  const core = fakeCore();
  await main({ core, env: { GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: 'push' }, wasmPath: wasm });
  const failed = core.calls.filter(([name]) => name === 'setFailed');
  assert.equal(failed.length, 1);
  assert.match(failed[0][1], /^stacklint: WebAssembly\.Module\(\): expected magic word/);
  assert.equal(core.calls.filter(([name]) => name === 'debug').length, 1);
});

test('a real check of a small repository reports through the core functions', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-main-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'meta.yml'), 'a:\n  path: x\na:\n  path: x\n');
  const core = fakeCore({ summary: 'false', 'fail-on': 'never' });
  const report = await main({ core, env: { GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: 'push' }, wasmPath: WASM });
  assert.ok(report.diagnostics.some((d) => d.code === 'Y002'));
  assert.ok(core.calls.some(([name, , properties]) => name === 'error' && properties?.title === 'Y002 duplicate-tag'));
  assert.deepEqual(core.calls.filter(([name]) => name === 'setOutput').map(([, key]) => key), ['errors', 'warnings', 'findings', 'existing', 'sarif-file']);
  assert.deepEqual(core.calls.filter(([name]) => name === 'setFailed'), []);
});

test('changed scope outside a git checkout: a warning with the right fix, then every file', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-main-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'meta.yml'), '');
  const core = fakeCore({ base: 'main', scope: 'changed', summary: 'false' });
  const report = await main({ core, env: { GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: 'push' }, wasmPath: WASM });
  const [warning] = core.calls.filter(([name]) => name === 'warning');
  assert.match(warning[1], /is not a git checkout .*, so every file is checked\. Fix: run actions\/checkout before stacklint, or set `scope: all`\.$/);
  assert.deepEqual(report.diagnostics.map((d) => d.code), ['Y003']);
});
