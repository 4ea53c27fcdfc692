import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { analyze, loadCore, toCoreFiles } from './wasm.mjs';
import { MAX_FILE_BYTES } from './workspace.mjs';

loadCore(readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)));

const dup = 'a-oe2403lts:\n  path: a/24.03-lts/Dockerfile\na-oe2403lts:\n  path: a/24.03-lts/Dockerfile\n';
const found = new Map([
  ['AI/one/meta.yml', { kind: 'text', text: dup }],
  ['AI/one/README.md', { kind: 'unread' }],
  ['AI/two/meta.yml', { kind: 'text', text: dup }],
]);

test('files become text, null, or a string the core rejects the same way', () => {
  const files = toCoreFiles(new Map([
    ['a', { kind: 'text', text: 'x' }],
    ['b', { kind: 'unread' }],
    ['c', { kind: 'unreadable', reason: 'not-utf8' }],
    ['d', { kind: 'unreadable', reason: 'too-large', bytes: 9e9 }],
  ]));
  assert.equal(files.a, 'x');
  assert.equal(files.b, null);
  assert.ok(files.c.includes('\u0000'));
  assert.equal(files.d.length, MAX_FILE_BYTES + 1);
});

test('one check gives the report, the human text and SARIF', () => {
  const { report, human, sarif } = analyze(found, { sarif: true });
  assert.equal(report.version, 1);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, d.path]), [['Y002', 'AI/one/meta.yml'], ['Y002', 'AI/two/meta.yml']]);
  assert.match(human, /error\[Y002\]/);
  assert.doesNotMatch(human, /\u001b\[/);
  const parsed = JSON.parse(sarif);
  assert.equal(parsed.version, '2.1.0');
  assert.equal(parsed.runs[0].results.length, 2);
});

test('the changed scope keeps only findings in affected images; no SARIF unless asked', () => {
  const { report, sarif } = analyze(found, { changed: ['AI/two/meta.yml'], color: true });
  assert.deepEqual(report.diagnostics.map((d) => d.path), ['AI/two/meta.yml']);
  assert.equal(sarif, null);
});

test('the core rejects what it cannot take, with a stacklint message', () => {
  assert.throws(() => analyze(new Map([['../x', { kind: 'unread' }]])), /stacklint: invalid path `\.\.\/x`/);
});
