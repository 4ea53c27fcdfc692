// @ts-check
// The one place where positions are converted between the core and the editor. The core
// counts lines at `\n` (a `\r` before it belongs to the line break) and columns in Unicode
// characters, 1-based, end exclusive. LSP counts lines at `\r\n`, `\n` and `\r`, 0-based, and
// characters in the negotiated encoding: UTF-32 (Unicode characters) when the client offers
// it, else UTF-16 code units. Everything goes through an index into the JavaScript string.

/** @typedef {'utf-16' | 'utf-32'} Encoding */
/** @typedef {{line: number, character: number}} LspPosition */
/** @typedef {{start: LspPosition, end: LspPosition}} LspRange */
/** @typedef {{line: number, column: number, end_line: number, end_column: number}} CoreRange */

/**
 * The encoding to use: UTF-32 when the client offers it (nothing to convert), else UTF-16,
 * which every client supports.
 * @param {{general?: {positionEncodings?: string[]}} | undefined} capabilities
 * @returns {Encoding}
 */
export function negotiate(capabilities) {
  const offered = capabilities?.general?.positionEncodings ?? [];
  return offered.includes('utf-32') ? 'utf-32' : 'utf-16';
}

/**
 * @param {string} text
 * @param {boolean} lonelyReturns whether a `\r` alone ends a line (LSP) or not (the core)
 * @returns {number[]} the index where each line starts
 */
function lineStarts(text, lonelyReturns) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && lonelyReturns) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Whether index `i` is the second half of a surrogate pair.
 * @param {string} text
 * @param {number} i
 */
function insidePair(text, i) {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
}

/** One text's lines, by both the core's and LSP's rules. */
export class TextLines {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    this.core = lineStarts(text, false);
    this.lsp = lineStarts(text, true);
  }

  /**
   * Where a line's content ends (before its terminator).
   * @param {number[]} starts
   * @param {number} line 0-based
   * @param {boolean} lonelyReturns
   */
  lineEnd(starts, line, lonelyReturns) {
    const last = line + 1 >= starts.length;
    let end = last ? this.text.length : starts[line + 1];
    if (!last) {
      if (this.text.charCodeAt(end - 1) === 10) end--;
      if (end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    } else if (!lonelyReturns && end > starts[line] && this.text.charCodeAt(end - 1) === 13) {
      // The core takes a final `\r` for part of a line break.
      end--;
    }
    return end;
  }

  /**
   * A core position (1-based line, 1-based column in characters) as an index; a column past
   * the end of its line is the end of the line, a line past the end is the end of the text.
   * @param {number} line
   * @param {number} column
   */
  fromCore(line, column) {
    if (line > this.core.length) return this.text.length;
    const start = this.core[Math.max(line, 1) - 1];
    const end = this.lineEnd(this.core, Math.max(line, 1) - 1, false);
    let at = start;
    for (let left = column - 1; left > 0 && at < end; left--) at += insidePair(this.text, at + 1) ? 2 : 1;
    return Math.min(at, end);
  }

  /**
   * An index as an LSP position in `encoding`.
   * @param {number} index
   * @param {Encoding} encoding
   * @returns {LspPosition}
   */
  toLsp(index, encoding) {
    const at = Math.max(0, Math.min(index, this.text.length));
    let line = upperBound(this.lsp, at) - 1;
    const start = this.lsp[line];
    const end = this.lineEnd(this.lsp, line, true);
    const within = Math.min(at, end);
    if (encoding === 'utf-16') return { line, character: within - start };
    let character = 0;
    for (let i = start; i < within; i++) if (!insidePair(this.text, i)) character++;
    return { line, character };
  }

  /**
   * An LSP position in `encoding` as an index; past the end of a line is its end, inside a
   * surrogate pair is before it.
   * @param {LspPosition} position
   * @param {Encoding} encoding
   */
  fromLsp({ line, character }, encoding) {
    if (line >= this.lsp.length) return this.text.length;
    if (line < 0) return 0;
    const start = this.lsp[line];
    const end = this.lineEnd(this.lsp, line, true);
    if (encoding === 'utf-16') {
      const at = Math.min(start + Math.max(character, 0), end);
      return insidePair(this.text, at) ? at - 1 : at;
    }
    let at = start;
    for (let left = character; left > 0 && at < end; left--) at += insidePair(this.text, at + 1) ? 2 : 1;
    return Math.min(at, end);
  }

  /**
   * An index as a core position: 1-based line and column in characters.
   * @param {number} index
   */
  toCore(index) {
    const at = Math.max(0, Math.min(index, this.text.length));
    const line = upperBound(this.core, at) - 1;
    const start = this.core[line];
    const within = Math.min(at, this.lineEnd(this.core, line, false));
    let column = 1;
    for (let i = start; i < within; i++) if (!insidePair(this.text, i)) column++;
    return { line: line + 1, column };
  }

  /**
   * A core range as an LSP range.
   * @param {CoreRange} range
   * @param {Encoding} encoding
   * @returns {LspRange}
   */
  rangeToLsp(range, encoding) {
    return {
      start: this.toLsp(this.fromCore(range.line, range.column), encoding),
      end: this.toLsp(this.fromCore(range.end_line, range.end_column), encoding),
    };
  }
}

/**
 * The first index whose value is greater than `value` (the list is sorted).
 * @param {number[]} list
 * @param {number} value
 */
function upperBound(list, value) {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
