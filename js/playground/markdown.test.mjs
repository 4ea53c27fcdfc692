import assert from "node:assert/strict";
import test from "node:test";

import { fileSection, withReproduction } from "./markdown.mjs";

test("the core's Markdown gets a reproduction link and the version", () => {
  assert.equal(
    withReproduction("## stacklint\n\nNo findings.\n", { version: "0.1.0", link: "https://x/#repo=abc" }),
    "## stacklint\n\nNo findings.\n\n[Reproduce in the playground](https://x/#repo=abc) (stacklint 0.1.0).\n",
  );
  assert.ok(withReproduction("x\n", { version: "0.1.0" }).endsWith("\nChecked in the playground (stacklint 0.1.0).\n"));
});

test("every file comes along, collapsed, in a fence its own backticks cannot close", () => {
  const markdown = withReproduction("## stacklint\n", {
    version: "0.1.0",
    files: { "AI/x/meta.yml": "a:\n  path: <version>/Dockerfile\n", "AI/x/README.md": "```sh\nrun\n```" },
  });
  assert.ok(markdown.includes("<details><summary><code>AI/x/meta.yml</code></summary>\n\n```yaml\na:\n  path: <version>/Dockerfile\n```\n\n</details>\n"), markdown);
  assert.ok(markdown.includes("````markdown\n```sh\nrun\n```\n````\n"), markdown);
  assert.equal(fileSection("a<b>/Dockerfile", "FROM x\n").split("\n")[0], "<details><summary><code>a&lt;b&gt;/Dockerfile</code></summary>");
});

test("files that would make the comment too long stay in the link", () => {
  const files = Object.fromEntries([...Array(20).keys()].map((i) => [`f${i}.yml`, "x".repeat(5000)]));
  const markdown = withReproduction("## stacklint\n", { version: "0.1.0", files });
  assert.ok(markdown.length < 65536);
  assert.match(markdown, /\n9 more files are only in the link/);
});
