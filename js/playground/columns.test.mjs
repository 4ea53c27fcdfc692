import assert from "node:assert/strict";
import test from "node:test";

import { columnToOffset, offsetToColumn, utf8ToUtf16 } from "./columns.mjs";

test("ASCII columns and offsets differ by one", () => {
  assert.equal(columnToOffset("path: a", 1), 0);
  assert.equal(columnToOffset("path: a", 7), 6);
  assert.equal(offsetToColumn("path: a", 6), 7);
});

test("a character outside the BMP is one column but two UTF-16 units", () => {
  const line = "# 🐳 tag: x";
  // "x" is the 11th character and sits at UTF-16 offset 11 (the whale takes two units).
  assert.equal(columnToOffset(line, 11), 11);
  assert.equal(columnToOffset(line, 4), 4);
  assert.equal(offsetToColumn(line, 11), 11);
  assert.equal(offsetToColumn(line, 4), 4);
  assert.equal(line.slice(columnToOffset(line, 3), columnToOffset(line, 4)), "🐳");
});

test("BMP non-ASCII characters are one unit and one column", () => {
  const line = "描述: 镜像";
  assert.equal(columnToOffset(line, 5), 4);
  assert.equal(offsetToColumn(line, 4), 5);
});

test("columns past the end clamp to the line end", () => {
  assert.equal(columnToOffset("ab", 3), 2);
  assert.equal(columnToOffset("ab", 40), 2);
  assert.equal(columnToOffset("", 1), 0);
  assert.equal(offsetToColumn("ab", 9), 3);
});

test("round trip over mixed text", () => {
  const line = "a😀b€c𝄞d";
  for (let column = 1; column <= 8; column += 1) {
    assert.equal(offsetToColumn(line, columnToOffset(line, column)), column);
  }
});

test("an offset inside a surrogate pair rounds up to the end of that character", () => {
  const line = "😀x";
  assert.equal(offsetToColumn(line, 1), 2);
});

test("a lone surrogate counts as one character", () => {
  const line = "\ud800x";
  assert.equal(columnToOffset(line, 2), 1);
  assert.equal(offsetToColumn(line, 1), 2);
});

test("UTF-8 byte offsets become UTF-16 offsets across 1-, 2-, 3- and 4-byte characters", () => {
  const text = "a é 镜 🐳 z";
  const bytes = new TextEncoder().encode(text);
  // Every character boundary the encoder sees maps onto the same boundary in the string.
  const boundaries = [];
  for (let index = 0, byte = 0; index <= text.length; ) {
    boundaries.push([byte, index]);
    if (index === text.length) break;
    const char = String.fromCodePoint(/** @type {number} */ (text.codePointAt(index)));
    byte += new TextEncoder().encode(char).length;
    index += char.length;
  }
  assert.equal(boundaries.at(-1)?.[0], bytes.length);
  assert.deepEqual(
    utf8ToUtf16(text, boundaries.map(([byte]) => byte)),
    boundaries.map(([, index]) => index),
  );
  // In the order given, not sorted.
  assert.deepEqual(utf8ToUtf16(text, [bytes.length, 0, 1]), [text.length, 0, 1]);
  assert.equal(text.slice(...utf8ToUtf16(text, [bytes.length - 1, bytes.length])), "z");
});

test("a CRLF text keeps its \\r: the offsets are string offsets, line breaks two units", () => {
  const text = "# 镜像\r\narch: amd64\r\n";
  const start = new TextEncoder().encode("# 镜像\r\narch: ").length;
  const [from, to] = utf8ToUtf16(text, [start, start + 5]);
  assert.equal(text.slice(from, to), "amd64");
  assert.equal(from, "# 镜像\r\narch: ".length);
});

test("a byte offset inside a character or past the end throws instead of cutting text", () => {
  assert.throws(() => utf8ToUtf16("é", [1]), /inside a character/);
  assert.throws(() => utf8ToUtf16("🐳", [2]), /inside a character/);
  assert.throws(() => utf8ToUtf16("ab", [3]), /past the end/);
  // A lone surrogate reaches the core as U+FFFD, three bytes.
  assert.deepEqual(utf8ToUtf16("\ud800x", [3, 4]), [1, 2]);
});
