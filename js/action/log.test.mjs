import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeUnreadable, logUntrusted } from './log.mjs';

test('untrusted text is fenced by stop-commands with the token', () => {
  const lines = [];
  logUntrusted({ info: (line) => lines.push(line) }, '::error::fake\nsecond\n', 'tok');
  assert.deepEqual(lines, ['::stop-commands::tok', '::error::fake\nsecond', '::tok::']);
});

test('each unreadable file gets its precise reason', () => {
  const found = new Map([
    ['a/meta.yml', { kind: 'unreadable', reason: 'too-large', bytes: 3000000 }],
    ['b/meta.yml', { kind: 'text', text: '' }],
    ['c/Dockerfile', { kind: 'unreadable', reason: 'outside' }],
  ]);
  assert.deepEqual(describeUnreadable(found, 'repo'), [
    'stacklint did not read repo/a/meta.yml: it is larger than 2 MiB (3000000 bytes)',
    'stacklint did not read repo/c/Dockerfile: it is a symlink leading outside the checked folder',
  ]);
});
