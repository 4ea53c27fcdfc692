import assert from "node:assert/strict";
import test from "node:test";

import { reportToMarkdown } from "./markdown.mjs";

const finding = {
  code: "Y002",
  name: "duplicate-tag",
  severity: "error",
  path: "AI/pytorch/meta.yml",
  line: 3,
  column: 1,
  end_line: 3,
  end_column: 28,
  message: "tag `a|b` is declared 2 times",
  help: "remove one\nentry",
  related: [],
};

test("findings become a table with rule links and locations", () => {
  const text = reportToMarkdown(
    { summary: { errors: 1, warnings: 0, infos: 0 }, diagnostics: [finding] },
    { version: "0.1.0", link: "https://x/#repo=abc" },
  );
  assert.equal(
    text,
    [
      "**stacklint 0.1.0**: 1 error, 0 warnings, 0 info",
      "",
      "| Severity | Rule | Location | Finding |",
      "| --- | --- | --- | --- |",
      "| error | [Y002](https://github.com/stacklint/stacklint/blob/main/docs/rules.md#y002) duplicate-tag | `AI/pytorch/meta.yml:3:1` | tag `a\\|b` is declared 2 times<br>help: remove one<br>entry |",
      "",
      "[Reproduce in the playground](https://x/#repo=abc)",
      "",
    ].join("\n"),
  );
});

test("a clean report says so", () => {
  const text = reportToMarkdown({ summary: { errors: 0, warnings: 0, infos: 0 }, diagnostics: [] }, { version: "0.1.0" });
  assert.equal(text, "**stacklint 0.1.0**: 0 errors, 0 warnings, 0 info\n\nNo findings.\n");
});
