// @ts-check
// Emits the annotations the budget chose through @actions/core. The core wrote each one
// (src/render/github.rs): where it points, its title and its text; @actions/core escapes them.
import { plural } from '../shared/text.mjs';

/**
 * The properties argument of `core.error|warning|notice(message, properties)`.
 * @param {import('../../pkg/stacklint.js').Annotation} annotation
 */
export function annotationProperties({ title, file, startLine, endLine, startColumn, endColumn }) {
  /** @type {Record<string, string | number>} */
  const properties = { title, file, startLine, endLine };
  if (startColumn !== undefined && endColumn !== undefined) Object.assign(properties, { startColumn, endColumn });
  return properties;
}

/**
 * @param {{chosen: Array<{annotation: import('../../pkg/stacklint.js').Annotation}>, omitted: number}} plan
 *   from budget.mjs
 * @param {Record<'error' | 'warning' | 'notice', (message: string, properties: object) => void>} core
 *   the `@actions/core` module, or anything with error/warning/notice
 * @param {{summaryWritten?: boolean}} [options] where the omitted findings can be read
 */
export function emitAnnotations(plan, core, { summaryWritten = true } = {}) {
  for (const { annotation } of plan.chosen) {
    core[annotation.level](annotation.message, annotationProperties(annotation));
  }
  if (plan.omitted > 0) {
    const where = summaryWritten ? 'the job summary' : 'the log of this step';
    core.notice(`${plural(plan.omitted, 'more finding')} not annotated — see ${where}`, { title: 'stacklint' });
  }
}
