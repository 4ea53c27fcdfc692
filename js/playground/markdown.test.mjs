import assert from "node:assert/strict";
import test from "node:test";

import { withReproduction } from "./markdown.mjs";

test("the core's Markdown gets a reproduction link and the version", () => {
  assert.equal(
    withReproduction("## stacklint\n\nNo findings.\n", { version: "0.1.0", link: "https://x/#repo=abc" }),
    "## stacklint\n\nNo findings.\n\n[Reproduce in the playground](https://x/#repo=abc) (stacklint 0.1.0).\n",
  );
  assert.ok(withReproduction("x\n", { version: "0.1.0" }).endsWith("\nChecked in the playground (stacklint 0.1.0).\n"));
});
