import assert from 'node:assert/strict';
import { test } from 'node:test';

import { annotationProperties, emitAnnotations } from './annotations.mjs';

/** @type {import('../../pkg/stacklint.js').Annotation} */
const oneLine = {
  level: 'error',
  file: 'sub/AI/demo/meta.yml',
  startLine: 3,
  endLine: 3,
  startColumn: 1,
  endColumn: 13,
  title: 'Y002 duplicate-tag',
  message: 'tag `1.0-oe2403lts` is declared 2 times\nhelp: remove one',
};

test('the properties are what @actions/core takes; columns only when the core gives them', () => {
  assert.deepEqual(annotationProperties(oneLine), { title: 'Y002 duplicate-tag', file: 'sub/AI/demo/meta.yml', startLine: 3, endLine: 3, startColumn: 1, endColumn: 13 });
  const { startColumn, endColumn, ...multi } = { ...oneLine, endLine: 5 };
  assert.deepEqual(annotationProperties(multi), { title: 'Y002 duplicate-tag', file: 'sub/AI/demo/meta.yml', startLine: 3, endLine: 5 });
});

test('emitAnnotations calls the level function with the core message and adds the omission notice', () => {
  /** @type {Array<[string, string, string]>} */
  const calls = [];
  /** @param {string} level */
  const record = (level) => (/** @type {string} */ message, /** @type {any} */ properties) => calls.push([level, message, properties.file ?? properties.title]);
  const core = { error: record('error'), warning: record('warning'), notice: record('notice') };
  emitAnnotations({ chosen: [{ annotation: oneLine }], omitted: 7 }, core);
  assert.deepEqual(calls, [
    ['error', oneLine.message, 'sub/AI/demo/meta.yml'],
    ['notice', '7 more findings not annotated — see the job summary', 'stacklint'],
  ]);
});
