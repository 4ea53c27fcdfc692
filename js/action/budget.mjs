// @ts-check
// Chooses which findings become annotations. GitHub shows at most 10 error, 10 warning and
// 10 notice annotations per step and silently drops the rest, so the most useful ones go
// first: errors before warnings before notices, and within a level the findings on lines the
// pull request changed before older ones. One notice slot is kept for saying how many were
// left out.
import { touchesChangedLines } from './git.mjs';

export const GITHUB_ANNOTATION_LIMITS = Object.freeze({ error: 10, warning: 10, notice: 10 });

/** @typedef {'error' | 'warning' | 'notice'} Level */
/** @type {Record<Level, number>} */
const LEVEL_RANK = { error: 0, warning: 1, notice: 2 };

/**
 * @typedef {object} Planned
 * @property {import('../../pkg/stacklint.js').Diagnostic} diagnostic
 * @property {import('../../pkg/stacklint.js').Annotation} annotation
 * @property {boolean} onChangedLine
 */

/**
 * @param {import('../../pkg/stacklint.js').Diagnostic[]} diagnostics the report's diagnostics
 * @param {import('../../pkg/stacklint.js').Annotation[]} annotations the core's annotation of
 *   each, in the same order
 * @param {object} [options]
 * @param {Map<string, Array<[number, number]>>} [options.changedLines] from git.mjs, by path
 *   relative to the checked folder
 * @param {Record<Level, number>} [options.limits]
 * @param {Partial<Record<Level, number>>} [options.reserved] slots other annotations of the
 *   same step use (e.g. the failure message)
 * @returns {{chosen: Planned[], omitted: number}}
 */
export function planAnnotations(diagnostics, annotations, { changedLines = new Map(), limits = GITHUB_ANNOTATION_LIMITS, reserved = {} } = {}) {
  const ranked = diagnostics
    .map((diagnostic, index) => ({
      diagnostic,
      annotation: annotations[index],
      index,
      onChangedLine: touchesChangedLines(changedLines, diagnostic.path, diagnostic.line, diagnostic.end_line),
    }))
    .sort(
      (a, b) =>
        LEVEL_RANK[a.annotation.level] - LEVEL_RANK[b.annotation.level] ||
        Number(b.onChangedLine) - Number(a.onChangedLine) ||
        a.index - b.index,
    );
  /** @param {Level} level */
  const room = (level) => Math.max(0, limits[level] - (reserved[level] ?? 0));
  /** @param {number} noticeRoom */
  const pick = (noticeRoom) => {
    const used = { error: 0, warning: 0, notice: 0 };
    const rooms = { error: room('error'), warning: room('warning'), notice: noticeRoom };
    return ranked.filter(({ annotation: { level } }) => used[level] < rooms[level] && ++used[level]);
  };
  let chosen = pick(room('notice'));
  if (chosen.length < ranked.length) {
    // The "N more findings" notice needs a notice slot of its own.
    chosen = pick(Math.max(0, room('notice') - 1));
  }
  return {
    chosen: chosen.map(({ diagnostic, annotation, onChangedLine }) => ({ diagnostic, annotation, onChangedLine })),
    omitted: ranked.length - chosen.length,
  };
}
