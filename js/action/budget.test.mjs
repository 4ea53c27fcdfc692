import assert from 'node:assert/strict';
import { test } from 'node:test';

import { annotationLevel, planAnnotations } from './budget.mjs';

function finding(severity, path, line, code = 'Y002') {
  return { code, severity, path, line, end_line: line };
}

test('severities map to the three annotation commands', () => {
  assert.equal(annotationLevel('error'), 'error');
  assert.equal(annotationLevel('warning'), 'warning');
  assert.equal(annotationLevel('info'), 'notice');
});

test('everything fits: all chosen in rank order, nothing omitted', () => {
  const findings = [finding('info', 'a', 1), finding('warning', 'a', 2), finding('error', 'a', 3)];
  const plan = planAnnotations(findings);
  assert.deepEqual(plan.chosen.map((c) => c.level), ['error', 'warning', 'notice']);
  assert.equal(plan.omitted, 0);
});

test('findings on changed lines go first within a level', () => {
  const findings = [finding('error', 'a', 1), finding('error', 'a', 5), finding('error', 'b', 9)];
  const changedLines = new Map([['a', [[4, 6]]]]);
  const plan = planAnnotations(findings, { changedLines, limits: { error: 2, warning: 10, notice: 10 } });
  assert.deepEqual(plan.chosen.map((c) => [c.diagnostic.line, c.onChangedLine]), [[5, true], [1, false]]);
  // The notice saying so fits: no notice finding had to give up its slot.
  assert.equal(plan.omitted, 1);
});

test('at most 10 per level, and one notice slot kept for the omission notice', () => {
  const findings = [
    ...Array.from({ length: 25 }, (_, i) => finding('error', 'm', i + 1)),
    ...Array.from({ length: 3 }, (_, i) => finding('warning', 'm', i + 1)),
    ...Array.from({ length: 12 }, (_, i) => finding('info', 'm', i + 1)),
  ];
  const plan = planAnnotations(findings);
  const count = (level) => plan.chosen.filter((c) => c.level === level).length;
  assert.equal(count('error'), 10);
  assert.equal(count('warning'), 3);
  assert.equal(count('notice'), 9);
  assert.equal(plan.omitted, 15 + 3);
});

test('reserved slots shrink a level', () => {
  const findings = Array.from({ length: 12 }, (_, i) => finding('error', 'm', i + 1));
  const plan = planAnnotations(findings, { reserved: { error: 1 } });
  assert.equal(plan.chosen.length, 9);
  assert.equal(plan.omitted, 3);
});

test('a multi-line finding overlapping a changed range counts as changed', () => {
  const plan = planAnnotations([{ severity: 'error', path: 'a', line: 2, end_line: 8 }], { changedLines: new Map([['a', [[8, 8]]]]) });
  assert.equal(plan.chosen[0].onChangedLine, true);
});
