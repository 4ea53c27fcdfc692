// @ts-check
// The core counts columns in Unicode characters (code points); CodeMirror and the DOM count
// UTF-16 code units. Every position crossing that boundary goes through these two functions,
// so an emoji or a CJK character before a finding never shifts its underline.

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
