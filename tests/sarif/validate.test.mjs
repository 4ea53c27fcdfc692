// Validates stacklint's SARIF output against the official SARIF 2.1.0 JSON schema
// (tests/resources/sarif-schema-2.1.0.json, see tests/resources/README.md), using the WASM
// build in pkg/ (scripts/build-wasm.sh builds it before npm test runs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("../../", import.meta.url);
const wasmPath = new URL("pkg/stacklint_bg.wasm", root);
assert.ok(
  existsSync(wasmPath),
  "pkg/stacklint_bg.wasm is missing: run `bash scripts/build-wasm.sh` first",
);
const stacklint = await import(new URL("pkg/stacklint.js", root).href);
stacklint.initSync({ module: await readFile(wasmPath) });

const schema = JSON.parse(
  await readFile(new URL("tests/resources/sarif-schema-2.1.0.json", root), "utf8"),
);
// strict: false because strict mode lints the schema itself, and the official one trips it
// (`required` inside `anyOf`); the data is validated in full either way.
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function sarif(files, options) {
  const checked = new stacklint.Checked(files, options);
  try {
    return JSON.parse(checked.render("sarif"));
  } finally {
    checked.free();
  }
}

function assertValid(log) {
  const valid = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
}

const duplicate = "1.0-oe2403lts:\n  path: a\n1.0-oe2403lts:\n  path: b\n";

test("a log with findings, related locations and unusual paths is valid SARIF 2.1.0", () => {
  const log = sarif({
    "AI/demo/meta.yml": duplicate,
    "AI/with space/ü/meta.yml": duplicate,
    "Cloud/empty/meta.yml": "",
    "Cloud/tabs/meta.yml": "a:\n\tpath: x\n",
    "Cloud/binary/meta.yml": "a\u0000b",
  });
  assertValid(log);
  const results = log.runs[0].results;
  assert.ok(results.length >= 5, `expected findings, got ${results.length}`);
  assert.ok(results.some((r) => r.relatedLocations?.length > 0));
  const uris = results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
  assert.ok(uris.includes("AI/with%20space/%C3%BC/meta.yml"), uris.join(", "));
});

test("a log without findings is valid and has an empty results array", () => {
  for (const log of [sarif({}), sarif({ "AI/demo/meta.yml": duplicate }, { scope: ["README.md"] })]) {
    assertValid(log);
    assert.deepEqual(log.runs[0].results, []);
    assert.ok(log.runs[0].tool.driver.rules.length > 0);
  }
});

test("the validator rejects a log that breaks the schema", () => {
  const log = sarif({ "AI/demo/meta.yml": duplicate });
  log.runs[0].results[0].level = "fatal";
  assert.equal(validate(log), false);
  const noVersion = sarif({});
  delete noVersion.version;
  assert.equal(validate(noVersion), false);
});

test("with a base, results carry baselineState and stay valid", () => {
  const base = { "AI/demo/meta.yml": duplicate };
  const head = { "AI/demo/meta.yml": duplicate, "AI/new/meta.yml": duplicate };
  const log = sarif(head, { base, scope: "all" });
  assertValid(log);
  const states = log.runs[0].results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.baselineState]);
  assert.ok(states.some(([uri, state]) => uri === "AI/demo/meta.yml" && state === "unchanged"), JSON.stringify(states));
  assert.ok(states.some(([uri, state]) => uri === "AI/new/meta.yml" && state === "new"), JSON.stringify(states));
});

test("fixes are valid SARIF: replacements per file, insertions and deletions, never an empty artifactChanges", () => {
  const dockerfile = "FROM openeuler/openeuler:24.03-lts\n";
  const log = sarif({
    // Replacement in place (A001), a deletion (a stale suppression, C002) and a rename (T002).
    "AI/image-list.yml": "images:\n  demo: demo\n",
    "AI/demo/meta.yml":
      "# stacklint: ignore[Y002]\n1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: amd64\n1.1-24.03-lts:\n  path: 1.1/24.03-lts/Dockerfile\n",
    "AI/demo/1.0/24.03-lts/Dockerfile": dockerfile,
    "AI/demo/1.1/24.03-lts/Dockerfile": dockerfile,
    // An insertion into another file (R001 adds the unlisted image to its scene's list).
    "AI/extra/meta.yml": "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n",
    "AI/extra/1.0/24.03-lts/Dockerfile": dockerfile,
  });
  assertValid(log);
  const fixed = log.runs[0].results.filter((r) => r.fixes);
  assert.deepEqual(fixed.map((r) => r.ruleId).sort(), ["A001", "C002", "R001", "T002"]);
  for (const result of fixed) {
    for (const fix of result.fixes) {
      assert.ok(fix.artifactChanges.length > 0);
      for (const change of fix.artifactChanges) assert.ok(change.replacements.length > 0);
      assert.ok(["safe", "unsafe"].includes(fix.properties.applicability));
    }
  }
  const deletion = fixed.find((r) => r.ruleId === "C002").fixes[0].artifactChanges[0].replacements[0];
  assert.equal(deletion.insertedContent, undefined);
  const insertion = fixed.find((r) => r.ruleId === "R001").fixes[0].artifactChanges[0].replacements[0];
  assert.deepEqual(
    [insertion.deletedRegion.startColumn, insertion.deletedRegion.endColumn],
    [insertion.deletedRegion.endColumn, insertion.deletedRegion.startColumn],
  );
  // A log that breaks the schema in a fix is refused, so the check above can fail.
  const broken = structuredClone(log);
  broken.runs[0].results.find((r) => r.fixes).fixes[0].artifactChanges[0].replacements[0].deletedRegion.startLine = 0;
  assert.equal(validate(broken), false);
});
