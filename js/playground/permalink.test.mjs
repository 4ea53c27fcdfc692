import assert from "node:assert/strict";
import test from "node:test";

import LZString from "lz-string";

import { decodeFragment, encodeFragment, exampleFragment } from "./permalink.mjs";

test("a repository survives the round trip, non-ASCII and all", () => {
  const files = { "AI/x/meta.yml": "# 镜像 🐳\n1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n", "AI/x/1.0/24.03-lts/Dockerfile": "" };
  const hash = encodeFragment(files, "AI/x/meta.yml");
  assert.match(hash, /^#repo=[A-Za-z0-9+\-$]+$/);
  assert.deepEqual(decodeFragment(hash), { kind: "repo", files, active: "AI/x/meta.yml" });
});

test("example links and empty fragments", () => {
  assert.deepEqual(decodeFragment(exampleFragment("paths")), { kind: "example", id: "paths" });
  assert.deepEqual(decodeFragment(""), { kind: "none" });
  assert.deepEqual(decodeFragment("#"), { kind: "none" });
  assert.deepEqual(decodeFragment("#results"), { kind: "none" });
});

test("damaged links say so instead of loading garbage", () => {
  const hash = encodeFragment({ a: "b" }, "a");
  assert.equal(decodeFragment(hash.slice(0, 12)).kind, "invalid");
  assert.equal(decodeFragment("#repo=!!!").kind, "invalid");
});

test("a link of another format version is refused", () => {
  assert.equal(decodeFragment(handMadeFragment({ v: 1, files: {} })).kind, "repo");
  assert.match(decodeFragment(handMadeFragment({ v: 2, files: {} })).reason, /format 2/);
});

test("files must be text", () => {
  assert.match(decodeFragment(handMadeFragment({ v: 1, files: { a: 3 } })).reason, /`a` has no text/);
});

function handMadeFragment(payload) {
  return `#repo=${LZString.compressToEncodedURIComponent(JSON.stringify(payload))}`;
}

test("paths the repository would refuse make the link invalid", () => {
  assert.match(decodeFragment(handMadeFragment({ v: 1, files: { "../x": "" } })).reason, /`\.\.\/x` is not usable/);
});
