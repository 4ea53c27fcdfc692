// Turns chosen findings into workflow-command annotations. @actions/core escapes the
// message and properties; this module decides what they say and where they point.
import { plural } from './text.mjs';

/** Repository-root path of a finding: annotations are relative to GITHUB_WORKSPACE. */
export function repositoryPath(prefix, path) {
  return prefix ? `${prefix}/${path}` : path;
}

/**
 * @param {object} diagnostic contract shape (1-based lines, exclusive end column)
 * @param {string} prefix the checked folder relative to the workspace ('' for the workspace)
 * @returns {{message: string, properties: object}}
 */
export function toAnnotation(diagnostic, prefix) {
  const properties = {
    title: `${diagnostic.code} ${diagnostic.name}`,
    file: repositoryPath(prefix, diagnostic.path),
    startLine: diagnostic.line,
    endLine: diagnostic.end_line,
  };
  // GitHub accepts columns only on one-line ranges; its end column is inclusive.
  if (diagnostic.end_line === diagnostic.line) {
    properties.startColumn = diagnostic.column;
    properties.endColumn = Math.max(diagnostic.column, diagnostic.end_column - 1);
  }
  let message = diagnostic.message;
  if (diagnostic.help) message += `\nhelp: ${diagnostic.help}`;
  for (const related of diagnostic.related ?? []) {
    message += `\nnote: ${repositoryPath(prefix, related.path)}:${related.line}:${related.column}: ${related.message}`;
  }
  return { message, properties };
}

/**
 * Emits the plan from budget.mjs through @actions/core (or anything with error/warning/notice).
 * @param {{chosen: Array<{diagnostic: object, level: string}>, omitted: number}} plan
 */
export function emitAnnotations(plan, prefix, core, { summaryWritten = true } = {}) {
  for (const { diagnostic, level } of plan.chosen) {
    const { message, properties } = toAnnotation(diagnostic, prefix);
    core[level](message, properties);
  }
  if (plan.omitted > 0) {
    const where = summaryWritten ? 'the job summary' : 'the log of this step';
    core.notice(`${plural(plan.omitted, 'more finding')} not annotated — see ${where}`, { title: 'stacklint' });
  }
}
