// @ts-check
// Wording both front-ends (the action and the playground) use; it follows the core's own
// (src/render/mod.rs `counts_text`), and a test holds the two to the same words.

/**
 * `1 error`, `2 errors`; `many` for irregular plurals (`entries`).
 * @param {number} count
 * @param {string} one
 * @param {string} [many]
 */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * `2 errors, 1 warning, 3 infos`: infos only when there are some, as the core writes it.
 * @param {{errors: number, warnings: number, infos: number}} summary
 */
export function countsText(summary) {
  const counts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos > 0) counts.push(plural(summary.infos, 'info'));
  return counts.join(', ');
}

/**
 * The core writes its messages with `backtick` code spans: the text split into plain parts
 * (even indexes) and code parts (odd indexes).
 * @param {string} text
 * @returns {string[]}
 */
export function codeSpans(text) {
  return String(text).split('`');
}

/**
 * A help of several lines is a sentence and then text to write as it is (a YAML snippet), as
 * the core writes it: `{sentence, snippet}`, `snippet` null for a one-line help.
 * @param {string} help
 * @returns {{sentence: string, snippet: string | null}}
 */
export function helpParts(help) {
  const text = String(help);
  const newline = text.indexOf('\n');
  if (newline < 0) return { sentence: text, snippet: null };
  return { sentence: text.slice(0, newline), snippet: text.slice(newline + 1).replace(/\s+$/, '') };
}
