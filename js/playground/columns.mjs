// @ts-check
// The core counts columns in Unicode characters (code points) and fix edits in UTF-8 bytes;
// CodeMirror and the DOM count UTF-16 code units. Every position crossing that boundary goes
// through these functions, so an emoji or a CJK character before a finding never shifts its
// underline or its fix.

/** @param {number} code */
function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

/** @param {number} code */
function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Width in UTF-16 units of the character starting at `index`.
 * @param {string} text
 * @param {number} index
 */
function unitsAt(text, index) {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1))
    ? 2
    : 1;
}

/**
 * The UTF-16 offset inside `lineText` of 1-based code-point `column`. Columns past the end of
 * the line clamp to its end (an exclusive end may sit one past the last character).
 * @param {string} lineText
 * @param {number} column
 */
export function columnToOffset(lineText, column) {
  let offset = 0;
  for (let remaining = column - 1; remaining > 0 && offset < lineText.length; remaining -= 1) {
    offset += unitsAt(lineText, offset);
  }
  return offset;
}

/**
 * The 1-based code-point column of UTF-16 `offset` inside `lineText`. An offset inside a
 * surrogate pair rounds up to the end of that character.
 * @param {string} lineText
 * @param {number} offset
 */
export function offsetToColumn(lineText, offset) {
  const end = Math.min(offset, lineText.length);
  let column = 1;
  for (let index = 0; index < end; index += unitsAt(lineText, index)) {
    column += 1;
  }
  return column;
}

/**
 * UTF-8 bytes of the character starting at `index` and its width in UTF-16 units. A lone
 * surrogate is 3 bytes: the core receives it as U+FFFD, as TextEncoder writes it.
 * @param {string} text
 * @param {number} index
 */
function utf8At(text, index) {
  const code = text.charCodeAt(index);
  if (unitsAt(text, index) === 2) return { bytes: 4, units: 2 };
  return { bytes: code < 0x80 ? 1 : code < 0x800 ? 2 : 3, units: 1 };
}

/**
 * The UTF-16 offsets in `text` of UTF-8 byte `offsets` (a fix edit's `start` and `end`), in
 * the order given. The page's files have `\n` line breaks only (repo.mjs), so these are also
 * CodeMirror positions in the file's editor; in a `\r\n` text they count the `\r` like any
 * character, as string indexes do. Throws for an offset past the end or inside a character:
 * the edit was made for another text.
 * @param {string} text
 * @param {number[]} offsets
 * @returns {number[]}
 */
export function utf8ToUtf16(text, offsets) {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const result = new Array(offsets.length).fill(0);
  let byte = 0;
  let index = 0;
  for (const i of order) {
    const target = offsets[i];
    while (byte < target && index < text.length) {
      const { bytes, units } = utf8At(text, index);
      byte += bytes;
      index += units;
    }
    if (byte !== target) {
      throw new Error(
        byte < target
          ? `byte offset ${target} is past the end of the text (${byte} bytes)`
          : `byte offset ${target} is inside a character`,
      );
    }
    result[i] = index;
  }
  return result;
}
