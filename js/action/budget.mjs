// Chooses which findings become annotations. GitHub shows at most 10 error, 10 warning and
// 10 notice annotations per step and silently drops the rest, so the most useful ones go
// first: errors before warnings before notices, and within a level the findings on lines the
// pull request changed before older ones. One notice slot is kept for saying how many were
// left out.
import { touchesChangedLines } from './git.mjs';

export const GITHUB_ANNOTATION_LIMITS = Object.freeze({ error: 10, warning: 10, notice: 10 });

const LEVEL_OF_SEVERITY = { error: 'error', warning: 'warning', info: 'notice' };
const LEVEL_RANK = { error: 0, warning: 1, notice: 2 };

/** The annotation command a finding's severity maps to. */
export function annotationLevel(severity) {
  return LEVEL_OF_SEVERITY[severity] ?? 'notice';
}

/**
 * @param {Array<object>} diagnostics the report's diagnostics (contract shape)
 * @param {object} [options]
 * @param {Map<string, Array<[number, number]>>} [options.changedLines] from git.mjs
 * @param {{error: number, warning: number, notice: number}} [options.limits]
 * @param {{error?: number, warning?: number, notice?: number}} [options.reserved] slots other
 *   annotations of the same step use (e.g. the failure message)
 * @returns {{chosen: Array<{diagnostic: object, level: string, onChangedLine: boolean}>, omitted: number}}
 */
export function planAnnotations(diagnostics, { changedLines = new Map(), limits = GITHUB_ANNOTATION_LIMITS, reserved = {} } = {}) {
  const ranked = diagnostics
    .map((diagnostic, index) => ({
      diagnostic,
      index,
      level: annotationLevel(diagnostic.severity),
      onChangedLine: touchesChangedLines(changedLines, diagnostic.path, diagnostic.line, diagnostic.end_line ?? diagnostic.line),
    }))
    .sort(
      (a, b) =>
        LEVEL_RANK[a.level] - LEVEL_RANK[b.level] ||
        Number(b.onChangedLine) - Number(a.onChangedLine) ||
        a.index - b.index,
    );

  const room = (level) => Math.max(0, limits[level] - (reserved[level] ?? 0));
  const pick = (noticeRoom) => {
    const used = { error: 0, warning: 0, notice: 0 };
    const rooms = { error: room('error'), warning: room('warning'), notice: noticeRoom };
    return ranked.filter((item) => used[item.level] < rooms[item.level] && ++used[item.level]);
  };

  let chosen = pick(room('notice'));
  if (chosen.length < ranked.length) {
    // The "N more findings" notice needs a notice slot of its own.
    chosen = pick(Math.max(0, room('notice') - 1));
  }
  return {
    chosen: chosen.map(({ diagnostic, level, onChangedLine }) => ({ diagnostic, level, onChangedLine })),
    omitted: ranked.length - chosen.length,
  };
}
