// @ts-check
// Chooses which findings become annotations. GitHub shows at most 10 error, 10 warning and
// 10 notice annotations per step and silently drops the rest, so each level's slots go to the
// most useful ones: the core ranks them (new findings on the lines the change touched first,
// then the closest to the change; src/render/github.rs). One notice slot is kept for saying
// how many were left out.

export const GITHUB_ANNOTATION_LIMITS = Object.freeze({ error: 10, warning: 10, notice: 10 });

/** @typedef {'error' | 'warning' | 'notice'} Level */
/** @type {Record<Level, number>} */
const LEVEL_RANK = { error: 0, warning: 1, notice: 2 };

/**
 * @param {import('../../pkg/stacklint.js').Annotation[]} annotations the core's annotations,
 *   most useful first
 * @param {object} [options]
 * @param {Record<Level, number>} [options.limits]
 * @param {Partial<Record<Level, number>>} [options.reserved] slots other annotations of the
 *   same step use (e.g. the failure message)
 * @returns {{chosen: Array<{annotation: import('../../pkg/stacklint.js').Annotation}>, omitted: number}}
 */
export function planAnnotations(annotations, { limits = GITHUB_ANNOTATION_LIMITS, reserved = {} } = {}) {
  /** @param {Level} level */
  const room = (level) => Math.max(0, limits[level] - (reserved[level] ?? 0));
  /** @param {number} noticeRoom */
  const pick = (noticeRoom) => {
    const used = { error: 0, warning: 0, notice: 0 };
    const rooms = { error: room('error'), warning: room('warning'), notice: noticeRoom };
    return annotations.filter(({ level }) => used[level] < rooms[level] && ++used[level]);
  };
  let chosen = pick(room('notice'));
  if (chosen.length < annotations.length) {
    // The "N more findings" notice needs a notice slot of its own.
    chosen = pick(Math.max(0, room('notice') - 1));
  }
  // Emitted errors first, as GitHub lists them.
  chosen.sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  return { chosen: chosen.map((annotation) => ({ annotation })), omitted: annotations.length - chosen.length };
}
