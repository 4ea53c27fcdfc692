// @ts-check
// The documents the editor has open: their text as the editor has it (not as on disk), kept
// up to date from full and incremental changes in the negotiated position encoding.
import { TextLines } from './positions.mjs';

/**
 * @typedef {object} Document
 * @property {string} uri
 * @property {number} version
 * @property {string} text
 */

/**
 * @typedef {{text: string} | {range: import('./positions.mjs').LspRange, text: string}} Change
 */

export class Documents {
  /** @param {import('./positions.mjs').Encoding} encoding */
  constructor(encoding) {
    this.encoding = encoding;
    /** @type {Map<string, Document & {lines?: TextLines}>} */
    this.open = new Map();
  }

  /**
   * @param {string} uri
   * @param {number} version
   * @param {string} text
   */
  opened(uri, version, text) {
    this.open.set(uri, { uri, version, text });
  }

  /**
   * Applies the changes in order; `null` for a document that is not open.
   * @param {string} uri
   * @param {number} version
   * @param {Change[]} changes
   * @returns {Document | null}
   */
  changed(uri, version, changes) {
    const document = this.open.get(uri);
    if (!document) return null;
    let text = document.text;
    for (const change of changes) {
      if (!('range' in change) || !change.range) {
        text = change.text;
        continue;
      }
      const lines = new TextLines(text);
      const start = lines.fromLsp(change.range.start, this.encoding);
      const end = Math.max(start, lines.fromLsp(change.range.end, this.encoding));
      text = text.slice(0, start) + change.text + text.slice(end);
    }
    const updated = { uri, version, text };
    this.open.set(uri, updated);
    return updated;
  }

  /** @param {string} uri */
  closed(uri) {
    this.open.delete(uri);
  }

  /** @param {string} uri */
  get(uri) {
    return this.open.get(uri) ?? null;
  }

  /**
   * The lines of an open document, computed once per version.
   * @param {string} uri
   * @returns {TextLines | null}
   */
  lines(uri) {
    const document = this.open.get(uri);
    if (!document) return null;
    document.lines ??= new TextLines(document.text);
    return document.lines;
  }
}
