import assert from 'node:assert/strict';
import { test } from 'node:test';

import { planAnnotations } from './budget.mjs';

/** @typedef {import('../../pkg/stacklint.js').Annotation} Annotation */

/**
 * An annotation as the core makes it.
 * @param {Annotation['level']} level
 * @param {number} line
 * @returns {Annotation}
 */
function annotation(level, line, onChangedLine = false) {
  return { level, file: 'm', startLine: line, endLine: line, title: 'Y002 duplicate-tag', message: 'm', onChangedLine };
}

test('everything fits: all chosen, errors first, nothing omitted', () => {
  const plan = planAnnotations([annotation('notice', 1), annotation('warning', 2), annotation('error', 3)]);
  assert.deepEqual(plan.chosen.map((c) => c.annotation.level), ['error', 'warning', 'notice']);
  assert.equal(plan.omitted, 0);
});

test('each level takes its first annotations in the core order', () => {
  const ranked = [annotation('error', 5, true), annotation('error', 1), annotation('error', 9)];
  const plan = planAnnotations(ranked, { limits: { error: 2, warning: 10, notice: 10 } });
  assert.deepEqual(plan.chosen.map((c) => c.annotation.startLine), [5, 1]);
  assert.equal(plan.omitted, 1);
});

test('at most 10 per level, and one notice slot kept for the omission notice', () => {
  const plan = planAnnotations([
    ...Array.from({ length: 25 }, (_, i) => annotation('error', i + 1)),
    ...Array.from({ length: 3 }, (_, i) => annotation('warning', i + 1)),
    ...Array.from({ length: 12 }, (_, i) => annotation('notice', i + 1)),
  ]);
  /** @param {Annotation['level']} level */
  const count = (level) => plan.chosen.filter((c) => c.annotation.level === level).length;
  assert.deepEqual([count('error'), count('warning'), count('notice')], [10, 3, 9]);
  assert.equal(plan.omitted, 15 + 3);
});

test('reserved slots shrink a level', () => {
  const plan = planAnnotations(Array.from({ length: 12 }, (_, i) => annotation('error', i + 1)), { reserved: { error: 1 } });
  assert.equal(plan.chosen.length, 9);
  assert.equal(plan.omitted, 3);
});
