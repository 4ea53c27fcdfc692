// @ts-check
// Where a finding of the JSON contract lands in a CodeMirror document.
import { columnToOffset, offsetToColumn } from "./columns.mjs";

/**
 * A range as the core writes it: 1-based lines and code-point columns, `end_*` exclusive. A
 * finding has one, and so has each of its related locations.
 * @typedef {Pick<import("../../pkg/stacklint.js").Diagnostic, "line" | "column" | "end_line" | "end_column">} Span
 */

/**
 * The document offset of a 1-based line and code-point column, clamped into the document.
 * @param {import("@codemirror/state").Text} doc
 * @param {number} line
 * @param {number} column
 */
export function positionToOffset(doc, line, column) {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const { from, text } = doc.line(line);
  return from + columnToOffset(text, Math.max(column, 1));
}

/**
 * `{from, to}` UTF-16 offsets of a finding's range (`end_*` exclusive).
 * @param {import("@codemirror/state").Text} doc
 * @param {Span} finding
 */
export function findingRange(doc, finding) {
  const from = positionToOffset(doc, finding.line, finding.column);
  const to = positionToOffset(doc, finding.end_line, finding.end_column);
  return { from, to: Math.max(from, to) };
}

/**
 * The 1-based line and code-point column of a document offset, as the core would say it.
 * @param {import("@codemirror/state").Text} doc
 * @param {number} offset
 */
export function offsetToPosition(doc, offset) {
  const line = doc.lineAt(Math.min(Math.max(offset, 0), doc.length));
  return { line: line.number, column: offsetToColumn(line.text, offset - line.from) };
}
