import assert from "node:assert/strict";
import test from "node:test";

import { Text } from "@codemirror/state";

import { findingRange, offsetToPosition, positionToOffset } from "./ranges.mjs";

const doc = Text.of(["# 镜像 🐳", "2.2.0-oe2203sp4:", "  path: 🐳/Dockerfile"]);

test("a finding after an astral character covers the same text the core meant", () => {
  // The core says line 3, columns 11..21 cover "Dockerfile" (the whale is one character).
  const { from, to } = findingRange(doc, { line: 3, column: 11, end_line: 3, end_column: 21 });
  assert.equal(doc.sliceString(from, to), "Dockerfile");
});

test("a multi-line range spans lines", () => {
  const { from, to } = findingRange(doc, { line: 2, column: 1, end_line: 3, end_column: 7 });
  assert.equal(doc.sliceString(from, to), "2.2.0-oe2203sp4:\n  path");
});

test("positions outside the document clamp instead of throwing", () => {
  assert.equal(positionToOffset(doc, 0, 5), 0);
  assert.equal(positionToOffset(doc, 99, 1), doc.length);
  assert.equal(positionToOffset(doc, 1, 99), doc.line(1).to);
  const { from, to } = findingRange(doc, { line: 2, column: 5, end_line: 1, end_column: 1 });
  assert.equal(from, to);
});

test("offsetToPosition is the inverse in code points", () => {
  const offset = positionToOffset(doc, 3, 11);
  assert.deepEqual(offsetToPosition(doc, offset), { line: 3, column: 11 });
  assert.deepEqual(offsetToPosition(doc, 0), { line: 1, column: 1 });
  assert.deepEqual(offsetToPosition(doc, doc.length), { line: 3, column: 21 });
});
