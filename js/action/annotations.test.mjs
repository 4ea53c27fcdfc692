import assert from 'node:assert/strict';
import { test } from 'node:test';

import { emitAnnotations, toAnnotation } from './annotations.mjs';

const duplicate = {
  code: 'Y002',
  name: 'duplicate-tag',
  severity: 'error',
  path: 'AI/demo/meta.yml',
  line: 3,
  column: 1,
  end_line: 3,
  end_column: 14,
  message: 'tag `1.0-oe2403lts` is declared 2 times',
  help: 'remove one',
  related: [{ path: 'AI/demo/meta.yml', line: 1, column: 1, end_line: 1, end_column: 14, message: 'first declared here' }],
};

test('a one-line finding: title, repository path, inclusive end column, help and related notes', () => {
  assert.deepEqual(toAnnotation(duplicate, 'sub'), {
    message: 'tag `1.0-oe2403lts` is declared 2 times\nhelp: remove one\nnote: sub/AI/demo/meta.yml:1:1: first declared here',
    properties: { title: 'Y002 duplicate-tag', file: 'sub/AI/demo/meta.yml', startLine: 3, endLine: 3, startColumn: 1, endColumn: 13 },
  });
});

test('a multi-line finding has no columns; no help, no help line', () => {
  const { message, properties } = toAnnotation({ ...duplicate, end_line: 5, help: null, related: [] }, '');
  assert.equal(message, 'tag `1.0-oe2403lts` is declared 2 times');
  assert.deepEqual(properties, { title: 'Y002 duplicate-tag', file: 'AI/demo/meta.yml', startLine: 3, endLine: 5 });
});

test('emitAnnotations calls the level function and adds the omission notice', () => {
  const calls = [];
  const core = Object.fromEntries(['error', 'warning', 'notice'].map((level) => [level, (message, properties) => calls.push([level, message, properties.file ?? properties.title])]));
  emitAnnotations({ chosen: [{ diagnostic: duplicate, level: 'error' }], omitted: 7 }, '', core);
  assert.deepEqual(calls.map(([level, , where]) => [level, where]), [['error', 'AI/demo/meta.yml'], ['notice', 'stacklint']]);
  assert.equal(calls[1][1], '7 more findings not annotated — see the job summary');
});
