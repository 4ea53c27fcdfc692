import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { diffAgainstBase, parseChangedLines, touchesChangedLines, unquoteGitPath } from './git.mjs';

test('hunks give new-side ranges; a pure deletion marks its position; deleted files have none', () => {
  const patch = [
    'diff --git a/x/meta.yml b/x/meta.yml',
    '--- a/x/meta.yml',
    '+++ b/x/meta.yml',
    '@@ -3 +3 @@',
    '@@ -10,0 +11,4 @@ context',
    '@@ -20,2 +24,0 @@',
    'diff --git a/gone b/gone',
    '--- a/gone',
    '+++ /dev/null',
    '@@ -1,3 +0,0 @@',
  ].join('\n');
  assert.deepEqual([...parseChangedLines(patch)], [['x/meta.yml', [[3, 3], [11, 14], [24, 24]]]]);
});

test('quoted paths are decoded, octal escapes as UTF-8', () => {
  assert.equal(unquoteGitPath('"b/caf\\303\\251\\tx"'), 'b/café\tx');
  assert.equal(unquoteGitPath('b/plain'), 'b/plain');
  const patch = '+++ "b/a\\"b"\n@@ -0,0 +1 @@\n';
  assert.deepEqual([...parseChangedLines(patch)], [['a"b', [[1, 1]]]]);
});

test('touchesChangedLines checks overlap', () => {
  const lines = new Map([['a', [[5, 7]]]]);
  assert.equal(touchesChangedLines(lines, 'a', 7, 9), true);
  assert.equal(touchesChangedLines(lines, 'a', 8, 9), false);
  assert.equal(touchesChangedLines(lines, 'b', 5, 5), false);
});

function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function makeRepo() {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-git-'));
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  return dir;
}

test('diffAgainstBase lists changed paths relative to the checked folder and the changed lines', async (t) => {
  const dir = makeRepo();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'sub/AI'), { recursive: true });
  writeFileSync(path.join(dir, 'sub/AI/meta.yml'), 'a: 1\nb: 2\n');
  writeFileSync(path.join(dir, 'sub/old.txt'), 'x\n');
  writeFileSync(path.join(dir, 'outside.txt'), 'x\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD').trim();
  writeFileSync(path.join(dir, 'sub/AI/meta.yml'), 'a: 1\nb: 3\nc: 4\n');
  rmSync(path.join(dir, 'sub/old.txt'));
  writeFileSync(path.join(dir, 'outside.txt'), 'y\n');
  git(dir, 'commit', '-qam', 'change');

  const diff = await diffAgainstBase(path.join(dir, 'sub'), base);
  assert.equal(diff.ok, true);
  assert.deepEqual(diff.files, ['AI/meta.yml', 'old.txt']);
  assert.deepEqual([...diff.lines], [['AI/meta.yml', [[2, 3]]]]);
});

test('a branch name also resolves as origin/<name>, as actions/checkout fetches it', async (t) => {
  const dir = makeRepo();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'a'), 'x\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'update-ref', 'refs/remotes/origin/trunk', 'HEAD');
  writeFileSync(path.join(dir, 'b'), 'y\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'change');
  const diff = await diffAgainstBase(dir, 'trunk');
  assert.equal(diff.ok, true);
  assert.deepEqual(diff.files, ['b']);
});

test('an unknown base is reported, not thrown', async (t) => {
  const dir = makeRepo();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'f'), 'x\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'only');
  const diff = await diffAgainstBase(dir, '0123456789abcdef0123456789abcdef01234567');
  assert.deepEqual(diff, { ok: false, shallow: false, checkout: true, reason: 'the base `0123456789abcdef0123456789abcdef01234567` is not in this clone' });
});

test('a folder that is not a git checkout is reported', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'stacklint-nogit-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const diff = await diffAgainstBase(dir, 'main');
  assert.equal(diff.ok, false);
  assert.match(diff.reason, /is not a git checkout/);
  assert.equal(diff.checkout, false);
});
