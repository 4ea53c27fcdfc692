// A finding's fix applied by the page (fixes.mjs) gives exactly the text the core gives when
// it applies the same fix itself (applyFixes), for files with characters of every UTF-8
// width before the edit and with CRLF line breaks. The fixes are the real core's.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import test from "node:test";

import { loadEngine } from "./engine.mjs";
import { applyFix, unsafeReason } from "./fixes.mjs";
import { applyFixes } from "../../pkg/stacklint.js";

const engine = await loadEngine(await readFile(new URL("../../pkg/stacklint_bg.wasm", import.meta.url)));

const DOCKERFILE = "FROM openeuler/openeuler:24.03-lts\n";

/**
 * The one fix `files` has, applied by the page and by the core.
 * @param {Record<string, string>} files
 * @param {string} code
 */
function bothWays(files, code) {
  const fixes = engine.check(files).report.diagnostics.filter((d) => d.fix !== null);
  assert.deepEqual(fixes.map((d) => d.code), [code], JSON.stringify(fixes, null, 1));
  const fix = /** @type {import("../../pkg/stacklint.js").Fix} */ (fixes[0].fix);
  const page = applyFix((path) => files[path], fix);
  const core = applyFixes(files, { unsafe: true }).files;
  return { fix, page, core };
}

for (const eol of ["\n", "\r\n"]) {
  const name = eol === "\n" ? "LF" : "CRLF";

  test(`A001 after a comment in four UTF-8 widths (${name}): the page writes what the core writes`, () => {
    const meta = ["# é 镜像 🐳 app", "1.0-oe2403lts:", "  path: 1.0/24.03-lts/Dockerfile", "  arch: amd64", ""].join(eol);
    const files = {
      "Others/image-list.yml": "images:\n  app: app\n",
      "Others/app/meta.yml": meta,
      "Others/app/1.0/24.03-lts/Dockerfile": DOCKERFILE,
    };
    const { fix, page, core } = bothWays(files, "A001");
    assert.equal(fix.applicability, "safe");
    assert.deepEqual(page, core);
    assert.equal(page["Others/app/meta.yml"], meta.replace("amd64", "x86_64"));
  });

  test(`R001 into an image list with a CJK comment (${name}): the same line in the same place`, () => {
    const list = ["images:", "  # 应用 🐳", "  app: app", "  zeta: zeta", ""].join(eol);
    const files = {
      "Others/image-list.yml": list,
      "Others/app/meta.yml": "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n",
      "Others/app/1.0/24.03-lts/Dockerfile": DOCKERFILE,
      "Others/mid/meta.yml": "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n",
      "Others/mid/1.0/24.03-lts/Dockerfile": DOCKERFILE,
      "Others/zeta/meta.yml": "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n",
      "Others/zeta/1.0/24.03-lts/Dockerfile": DOCKERFILE,
    };
    const { page, core } = bothWays(files, "R001");
    assert.deepEqual(page, core);
    assert.equal(page["Others/image-list.yml"], ["images:", "  # 应用 🐳", "  app: app", "  mid: mid", "  zeta: zeta", ""].join(eol));
  });
}

test("a tag rename is unsafe and says which tag; a guess says it is one", () => {
  const files = {
    "AI/image-list.yml": "images:\n  pytorch: pytorch\n",
    "AI/pytorch/meta.yml": "# 🐳\n2.3.1-oe22.03sp4:\n  path: 2.3.1/22.03-lts-sp4/Dockerfile\n",
    "AI/pytorch/2.3.1/22.03-lts-sp4/Dockerfile": "FROM openeuler/openeuler:22.03-lts-sp4\n",
  };
  const { fix, page, core } = bothWays(files, "T002");
  assert.deepEqual(page, core);
  assert.equal(unsafeReason(fix), "renames tag `2.3.1-oe22.03sp4`");
  assert.equal(unsafeReason({ ...fix, renames_tag: null }), "a guess, review it");
  assert.equal(unsafeReason({ ...fix, applicability: "safe", renames_tag: null }), null);
});

test("a fix over two files changes both or neither", () => {
  const files = { "a.yml": "x: 1\n", "b.yml": "y: é\n" };
  /** @param {string} path @param {number} start @param {number} end @param {string} replacement */
  const edit = (path, start, end, replacement) => ({ path, start, end, line: 1, column: 1, end_line: 1, end_column: 1, replacement });
  const fix = { message: "m", applicability: /** @type {const} */ ("safe"), renames_tag: null, edits: [edit("b.yml", 3, 5, "e"), edit("a.yml", 3, 4, "2")] };
  assert.deepEqual(applyFix((path) => files[path], fix), { "a.yml": "x: 2\n", "b.yml": "y: e\n" });
  const broken = { ...fix, edits: [edit("a.yml", 3, 4, "2"), edit("b.yml", 4, 5, "e")] };
  assert.throws(() => applyFix((path) => files[path], broken), /inside a character/);
  assert.throws(() => applyFix((path) => files[path], { ...fix, edits: [edit("c.yml", 0, 0, "")] }), /does not have/);
  const overlapping = { ...fix, edits: [edit("a.yml", 0, 3, ""), edit("a.yml", 2, 4, "")] };
  assert.throws(() => applyFix((path) => files[path], overlapping), /overlap/);
});
