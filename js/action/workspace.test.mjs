import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { tree } from '../../tests/support/tree.mjs';
import { readNamedFile, resolveRoot } from './workspace.mjs';


test('resolveRoot keeps the path inside the workspace', async (t) => {
  const { dir, write } = tree(t);
  write('ws/repo/x', '');
  write('secret/x', '');
  const workspace = path.join(dir, 'ws');
  symlinkSync(path.join(dir, 'secret'), path.join(workspace, 'link'));
  assert.deepEqual(await resolveRoot(workspace, '.'), { root: workspace, prefix: '' });
  assert.deepEqual(await resolveRoot(workspace, 'repo/'), { root: path.join(workspace, 'repo'), prefix: 'repo' });
  await assert.rejects(resolveRoot(workspace, '../secret'), /leads outside the workspace/);
  await assert.rejects(resolveRoot(workspace, '/etc'), /leads outside the workspace/);
  await assert.rejects(resolveRoot(workspace, 'link'), /a symlink leading outside the workspace/);
  await assert.rejects(resolveRoot(workspace, 'missing'), /cannot be read/);
  await assert.rejects(resolveRoot(workspace, 'repo/x'), /not a directory/);
});

test('readNamedFile reads a named file inside the checked folder only', async (t) => {
  const { dir, write } = tree(t);
  write('repo/ci/stacklint-baseline.json', '{}');
  write('secret.json', '{}');
  const repo = path.join(dir, 'repo');
  symlinkSync(path.join(dir, 'secret.json'), path.join(repo, 'link.json'));
  assert.deepEqual(await readNamedFile(repo, 'ci/stacklint-baseline.json', 'baseline', 100), { path: 'ci/stacklint-baseline.json', text: '{}' });
  await assert.rejects(readNamedFile(repo, '../secret.json', 'baseline', 100), /leads outside the checked folder/);
  await assert.rejects(readNamedFile(repo, 'link.json', 'baseline', 100), /a symlink leading outside/);
  await assert.rejects(readNamedFile(repo, 'ci/stacklint-baseline.json', 'baseline', 1), /2 bytes, more than 1/);
});
