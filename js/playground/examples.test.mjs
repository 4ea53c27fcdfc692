// Every example shows exactly the failures it claims, for every rule the core has today.
// Rules still being written (e.g. the L and R families) are skipped until they land; then
// this test holds the example to them too.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import test from "node:test";

import { loadEngine } from "./engine.mjs";
import { DEFAULT_EXAMPLE, EXAMPLES, findExample } from "./examples.mjs";
import { pathProblem } from "./repo.mjs";

const engine = await loadEngine(await readFile(new URL("../../pkg/stacklint_bg.wasm", import.meta.url)));
const known = new Set(engine.rules.map((rule) => rule.code));

test("the default example is the clean stack", () => {
  assert.equal(DEFAULT_EXAMPLE.id, "stack");
  assert.deepEqual(engine.check(DEFAULT_EXAMPLE.files).report.diagnostics, []);
});

test("examples have unique ids, valid paths and an existing active file", () => {
  assert.equal(new Set(EXAMPLES.map((example) => example.id)).size, EXAMPLES.length);
  for (const example of EXAMPLES) {
    assert.equal(findExample(example.id), example);
    assert.ok(example.files[example.active] !== undefined, `${example.id}: active file exists`);
    for (const path of Object.keys(example.files)) assert.equal(pathProblem(path), null, path);
  }
});

for (const example of EXAMPLES) {
  test(`example "${example.id}" reports ${example.expect.join(", ") || "nothing"}`, (t) => {
    const expected = example.expect.filter((code) => known.has(code));
    const missing = example.expect.filter((code) => !known.has(code));
    if (missing.length > 0) t.diagnostic(`not in this core yet: ${missing.join(", ")}`);
    const reported = [...new Set(engine.check(example.files).report.diagnostics.map((d) => d.code))];
    assert.deepEqual(reported.sort(), expected.sort());
  });
}

test("the rule families each example is for all exist or are announced", () => {
  const families = new Set(EXAMPLES.flatMap((example) => example.expect.map((code) => code[0])));
  for (const family of ["Y", "T", "P", "L"]) assert.ok(families.has(family), family);
});
