import assert from 'node:assert/strict';
import { test } from 'node:test';

import { logUntrusted } from './log.mjs';

test('untrusted text is fenced by stop-commands with the token', () => {
  const lines = [];
  logUntrusted({ info: (line) => lines.push(line) }, '::error::fake\nsecond\n', 'tok');
  assert.deepEqual(lines, ['::stop-commands::tok', '::error::fake\nsecond', '::tok::']);
});
