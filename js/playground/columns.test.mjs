import assert from "node:assert/strict";
import test from "node:test";

import { columnToOffset, offsetToColumn } from "./columns.mjs";

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
