import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { readBase } from './git.mjs';
import { loadCore } from './wasm.mjs';

const { needsContent, maxFileBytes } = loadCore(readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)));
const policy = { needsContent, maxFileBytes };

/**
 * @param {string} cwd
 * @param {...string} args
 */
function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** @param {import('node:test').TestContext} t */
function makeRepo(t) {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-git-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  return dir;
}

/**
 * @param {string} dir
 * @param {Record<string, string | null>} files
 * @param {string} message
 */
function commit(dir, files, message) {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    if (content === null) rmSync(file);
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message, '--allow-empty');
  return git(dir, 'rev-parse', 'HEAD');
}

test('the base tree below the checked folder, only needed files read, and the changed paths', async (t) => {
  const dir = makeRepo(t);
  const base = commit(dir, { 'sub/AI/a/meta.yml': 'a: 1\n', 'sub/AI/a/README.md': 'x', 'sub/old.txt': 'x', 'outside.txt': 'x' }, 'base');
  git(dir, 'checkout', '-qb', 'feature');
  commit(dir, { 'sub/AI/a/meta.yml': 'a: 2\n', 'sub/old.txt': null, 'outside.txt': 'y' }, 'change');
  const result = await readBase(path.join(dir, 'sub'), 'main', policy);
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.commit, base);
  assert.deepEqual([...result.files], [
    ['AI/a/README.md', { kind: 'unread' }],
    ['AI/a/meta.yml', { kind: 'bytes', data: new TextEncoder().encode('a: 1\n') }],
    ['old.txt', { kind: 'unread' }],
  ]);
  assert.deepEqual(result.changed, ['AI/a/meta.yml', 'old.txt']);
});

test('the merge base, not the base branch tip: later commits on main do not look reverted', async (t) => {
  const dir = makeRepo(t);
  const start = commit(dir, { 'meta.yml': 'a: 1\n' }, 'start');
  git(dir, 'checkout', '-qb', 'feature');
  commit(dir, { 'x/meta.yml': 'b: 1\n' }, 'feature');
  git(dir, 'checkout', '-q', 'main');
  commit(dir, { 'y/meta.yml': 'c: 1\n' }, 'later on main');
  git(dir, 'checkout', '-q', 'feature');
  const result = await readBase(dir, 'main', policy);
  assert.ok(result.ok);
  assert.equal(result.commit, start);
  assert.deepEqual(result.changed, ['x/meta.yml']);
});

test('binary, oversized and symlinked base files keep their reason', async (t) => {
  const dir = makeRepo(t);
  writeFileSync(path.join(dir, 'big'), '');
  mkdirSync(path.join(dir, 'a'));
  writeFileSync(path.join(dir, 'a/meta.yml'), Buffer.from([0x61, 0, 0x62]));
  writeFileSync(path.join(dir, 'a/Dockerfile'), Buffer.alloc(maxFileBytes + 1, 0x41));
  symlinkSync('../big', path.join(dir, 'a/Distrofile'));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const result = await readBase(dir, 'HEAD', policy);
  assert.ok(result.ok);
  assert.deepEqual(result.files.get('a/meta.yml'), { kind: 'bytes', data: new Uint8Array([0x61, 0, 0x62]) });
  assert.deepEqual(result.files.get('a/Dockerfile'), { kind: 'unreadable', reason: 'too-large', bytes: maxFileBytes + 1 });
  assert.deepEqual(result.files.get('a/Distrofile'), { kind: 'unreadable', reason: 'io', detail: 'a symbolic link in the base commit' });
});

test('an unknown base is reported, not thrown; refs with shell syntax run nothing', async (t) => {
  const dir = makeRepo(t);
  commit(dir, { f: 'x\n' }, 'only');
  const missing = await readBase(dir, '0123456789abcdef0123456789abcdef01234567', policy);
  assert.deepEqual(missing, { ok: false, shallow: false, checkout: true, reason: 'the base `0123456789abcdef0123456789abcdef01234567` is not in this clone' });
  for (const hostile of ['$(touch pwned)', 'main; touch pwned', '`touch pwned`', 'main --output=pwned']) {
    const result = await readBase(dir, hostile, policy);
    assert.equal(result.ok, false, hostile);
  }
  assert.equal(existsSync(path.join(dir, 'pwned')), false);
});

test('a shallow clone fetches its base from origin, then reads it', async (t) => {
  const origin = makeRepo(t);
  const base = commit(origin, { 'AI/a/meta.yml': 'a: 1\n' }, 'base');
  git(origin, 'checkout', '-qb', 'feature');
  commit(origin, { 'AI/a/meta.yml': 'a: 2\n' }, 'change');
  const clone = mkdtempSync(path.join(tmpdir(), 'stacklint-clone-'));
  t.after(() => rmSync(clone, { recursive: true, force: true }));
  git(tmpdir(), 'clone', '-q', '--depth=1', '--branch=feature', `file://${origin}`, clone);
  assert.equal(git(clone, 'rev-parse', '--is-shallow-repository'), 'true');
  const result = await readBase(clone, base, policy);
  assert.ok(result.ok, JSON.stringify(result));
  assert.equal(result.fetched, true);
  assert.deepEqual(result.files.get('AI/a/meta.yml'), { kind: 'bytes', data: new TextEncoder().encode('a: 1\n') });
});

test('a folder that is not a git checkout is reported', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-nogit-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const result = await readBase(dir, 'main', policy);
  assert.equal(result.ok, false);
  assert.ok(!result.ok && /is not a git checkout/.test(result.reason) && !result.checkout);
});
