import assert from 'node:assert/strict';
import { test } from 'node:test';

import { planAnnotations } from './budget.mjs';

const LEVELS = { error: 'error', warning: 'warning', info: 'notice' };

/** A diagnostic and the annotation the core makes of it. */
function finding(severity, path, line, code = 'Y002') {
  return { diagnostic: { code, severity, path, line, end_line: line }, annotation: { level: LEVELS[severity], file: path, startLine: line, endLine: line, title: code, message: 'm' } };
}

/** planAnnotations over `findings`, each with its annotation. */
function plan(findings, options) {
  return planAnnotations(findings.map((f) => f.diagnostic), findings.map((f) => f.annotation), options);
}

test('everything fits: all chosen in rank order, nothing omitted', () => {
  const findings = [finding('info', 'a', 1), finding('warning', 'a', 2), finding('error', 'a', 3)];
  const result = plan(findings);
  assert.deepEqual(result.chosen.map((c) => c.annotation.level), ['error', 'warning', 'notice']);
  assert.equal(result.omitted, 0);
});

test('findings on changed lines go first within a level', () => {
  const findings = [finding('error', 'a', 1), finding('error', 'a', 5), finding('error', 'b', 9)];
  const changedLines = new Map([['a', [[4, 6]]]]);
  const result = plan(findings, { changedLines, limits: { error: 2, warning: 10, notice: 10 } });
  assert.deepEqual(result.chosen.map((c) => [c.diagnostic.line, c.onChangedLine]), [[5, true], [1, false]]);
  // The notice saying so fits: no notice finding had to give up its slot.
  assert.equal(result.omitted, 1);
});

test('at most 10 per level, and one notice slot kept for the omission notice', () => {
  const findings = [
    ...Array.from({ length: 25 }, (_, i) => finding('error', 'm', i + 1)),
    ...Array.from({ length: 3 }, (_, i) => finding('warning', 'm', i + 1)),
    ...Array.from({ length: 12 }, (_, i) => finding('info', 'm', i + 1)),
  ];
  const result = plan(findings);
  const count = (level) => result.chosen.filter((c) => c.annotation.level === level).length;
  assert.equal(count('error'), 10);
  assert.equal(count('warning'), 3);
  assert.equal(count('notice'), 9);
  assert.equal(result.omitted, 15 + 3);
});

test('reserved slots shrink a level', () => {
  const findings = Array.from({ length: 12 }, (_, i) => finding('error', 'm', i + 1));
  const result = plan(findings, { reserved: { error: 1 } });
  assert.equal(result.chosen.length, 9);
  assert.equal(result.omitted, 3);
});

test('a multi-line finding overlapping a changed range counts as changed', () => {
  const multi = { diagnostic: { severity: 'error', path: 'a', line: 2, end_line: 8 }, annotation: { level: 'error' } };
  const result = plan([multi], { changedLines: new Map([['a', [[8, 8]]]]) });
  assert.equal(result.chosen[0].onChangedLine, true);
});
