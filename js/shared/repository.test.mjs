import assert from 'node:assert/strict';
import { readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import * as core from '../../pkg/stacklint.js';
import { tree } from '../../tests/support/tree.mjs';
import { readEntry, readFile, readRepository, textOf } from './repository.mjs';

// What the core reads and how large a file may be come from the core itself.
core.initSync({ module: readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)) });
const { needsContent } = core;
const { maxFileBytes } = core.limits();
const policy = { needsContent, maxFileBytes };
const MAX_FILE_BYTES = maxFileBytes;
const bytes = (/** @type {string} */ text) => ({ kind: 'bytes', data: new Uint8Array(Buffer.from(text)) });


test('the core reads manifests, scene lists and build files, also misnamed ones', () => {
  for (const name of ['AI/a/meta.yml', 'AI/a/meta.yaml', 'AI/a/Meta.yml', 'AI/a/meta.yml.bak', 'AI/image-list.yml', 'AI/a/1/24.03-lts/Dockerfile', 'x/Dockerfile.arm64', 'x/dockerfile', 'x/Dcokerfile', 'x/Distrofile', '.stacklint.toml']) {
    assert.equal(needsContent(name), true, name);
  }
  for (const name of ['README.md', 'AI/a/entrypoint.sh', 'AI/a/metadata.yml', 'AI/.stacklint.toml', 'stacklint.toml', 'AI/a/image-list.yml']) {
    assert.equal(needsContent(name), false, name);
  }
});

test('readRepository lists every file sorted, reads only what the core needs, skips .git and node_modules', async (t) => {
  const { dir, write } = tree(t);
  write('AI/image-list.yml', 'images:\n  a: a\n');
  write('AI/a/meta.yml', '\ufeffx: 1\n');
  write('AI/a/README.md', 'hello');
  write('AI/a/1.0/24.03-lts/Dockerfile', 'FROM x\n');
  write('.git/config', '');
  write('node_modules/meta.yml', 'x: 1');
  write('.stacklint.toml', 'ignore = ["P003"]\n');
  write('AI/.stacklint.toml', 'ignore = ["P"]\n');
  const found = await readRepository(dir, policy);
  assert.deepEqual([...found], [
    ['.stacklint.toml', bytes('ignore = ["P003"]\n')],
    ['AI/.stacklint.toml', { kind: 'unread' }],
    ['AI/a/1.0/24.03-lts/Dockerfile', bytes('FROM x\n')],
    ['AI/a/README.md', { kind: 'unread' }],
    ['AI/a/meta.yml', bytes('\ufeffx: 1\n')],
    ['AI/image-list.yml', bytes('images:\n  a: a\n')],
  ]);
});

test('binary and non-UTF-8 files go to the core as bytes; oversized ones are not read whole', async (t) => {
  const { dir, write } = tree(t);
  write('a/meta.yml', Buffer.from([0x61, 0x00, 0x62]));
  write('b/meta.yml', Buffer.from([0x61, 0xff]));
  write('c/meta.yml', Buffer.alloc(MAX_FILE_BYTES + 10, 0x61));
  write('d/meta.yml', Buffer.alloc(MAX_FILE_BYTES, 0x61));
  const found = await readRepository(dir, policy);
  assert.deepEqual(found.get('a/meta.yml'), { kind: 'bytes', data: new Uint8Array([0x61, 0x00, 0x62]) });
  assert.deepEqual(found.get('b/meta.yml'), { kind: 'bytes', data: new Uint8Array([0x61, 0xff]) });
  assert.deepEqual(found.get('c/meta.yml'), { kind: 'unreadable', reason: 'too-large', bytes: MAX_FILE_BYTES + 10 });
  const limit = found.get('d/meta.yml');
  assert.equal(limit?.kind === 'bytes' && limit.data.length, MAX_FILE_BYTES);
});

test('symlinks are not followed out of the repository, nor into folders', async (t) => {
  const { dir, write } = tree(t);
  write('outside/secret.yml', 'password: x');
  write('repo/AI/real/meta.yml', 'x: 1\n');
  write('repo/AI/real/notes.txt', 'n');
  const repo = path.join(dir, 'repo');
  symlinkSync(path.join(dir, 'outside/secret.yml'), path.join(repo, 'AI/meta.yml'));
  symlinkSync('real/meta.yml', path.join(repo, 'AI/Meta.yaml'));
  symlinkSync('nowhere', path.join(repo, 'AI/Dockerfile'));
  symlinkSync(path.join(dir, 'outside'), path.join(repo, 'AI/outdir'));
  symlinkSync('real', path.join(repo, 'AI/again'));
  symlinkSync(path.join(dir, 'outside/secret.yml'), path.join(repo, 'AI/notes.txt'));
  const found = await readRepository(repo, policy);
  assert.deepEqual([...found], [
    ['AI/Dockerfile', { kind: 'unreadable', reason: 'broken-link' }],
    ['AI/Meta.yaml', bytes('x: 1\n')],
    ['AI/meta.yml', { kind: 'unreadable', reason: 'outside' }],
    ['AI/notes.txt', { kind: 'unread' }],
    ['AI/real/meta.yml', bytes('x: 1\n')],
    ['AI/real/notes.txt', { kind: 'unread' }],
  ]);
});

test('readEntry reads one file as the walk reads it, and nothing outside or behind a link', async (t) => {
  const { dir, write } = tree(t);
  write('outside/secret.yml', 'password: x');
  write('repo/AI/real/meta.yml', 'x: 1\n');
  write('repo/AI/real/notes.txt', 'n');
  write('repo/.git/meta.yml', 'x: 1\n');
  const repo = path.join(dir, 'repo');
  symlinkSync(path.join(dir, 'outside/secret.yml'), path.join(repo, 'AI/meta.yml'));
  symlinkSync(path.join(dir, 'outside'), path.join(repo, 'AI/outdir'));
  const walked = await readRepository(repo, policy);
  for (const relative of ['AI/real/meta.yml', 'AI/real/notes.txt', 'AI/meta.yml']) {
    assert.deepEqual(await readEntry(repo, relative, policy), walked.get(relative), relative);
  }
  assert.equal(await readEntry(repo, 'AI/outdir/secret.yml', policy), null, 'behind a linked folder');
  assert.equal(await readEntry(repo, '../outside/secret.yml', policy), null);
  assert.equal(await readEntry(repo, 'AI/gone/meta.yml', policy), null);
  assert.equal(await readEntry(repo, 'AI/real', policy), null);
  assert.equal(await readEntry(repo, '.git/meta.yml', policy), null);
});

test('readFile reads what the file holds, not what the size said, and stops past the limit', async (t) => {
  const { dir, write } = tree(t);
  write('small', 'abc');
  assert.deepEqual(await readFile(path.join(dir, 'small'), 2), { kind: 'unreadable', reason: 'too-large', bytes: 3 });
  assert.deepEqual(await readFile(path.join(dir, 'small'), 3), bytes('abc'));
  assert.deepEqual(await readFile(path.join(dir, 'missing'), 3), { kind: 'unreadable', reason: 'io', detail: 'ENOENT' });
});

test('textOf decodes what was read as the core does: a BOM kept, no text for binary or non-UTF-8 files', () => {
  assert.equal(textOf(bytes('\ufeffa: 1\n')), '\ufeffa: 1\n');
  assert.equal(textOf({ kind: 'bytes', data: new Uint8Array([0x61, 0xff]) }), null);
  assert.equal(textOf({ kind: 'bytes', data: new Uint8Array([0x61, 0x00]) }), null);
  assert.equal(textOf({ kind: 'unread' }), null);
  assert.equal(textOf({ kind: 'unreadable', reason: 'too-large', bytes: 9 }), null);
  assert.equal(textOf(null), null);
});
