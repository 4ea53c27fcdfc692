// @ts-check
// A file's findings as CodeMirror lint diagnostics: underline, gutter marker, hover card.
import { h, withCode } from "./dom.mjs";
import { findingRange } from "./ranges.mjs";
import { ruleDocUrl } from "./rule-docs.mjs";

/**
 * The hover card: code (linking to the rule's documentation), name, message, help.
 * @param {import("../../pkg/stacklint.js").Diagnostic} finding
 */
export function findingCard(finding) {
  return h(
    "div",
    { class: "finding-card" },
    h(
      "div",
      { class: "finding-card-head" },
      h("a", { href: ruleDocUrl(finding.code), target: "_blank", rel: "noopener" }, finding.code),
      ` ${finding.name}`,
    ),
    h("p", {}, withCode(finding.message)),
    finding.help && h("p", { class: "finding-help" }, "help: ", withCode(finding.help)),
  );
}

/**
 * CodeMirror diagnostics for the findings of the file shown in `doc`.
 * @param {import("@codemirror/state").Text} doc
 * @param {import("../../pkg/stacklint.js").Diagnostic[]} findings
 * @returns {import("@codemirror/lint").Diagnostic[]}
 */
export function toEditorDiagnostics(doc, findings) {
  return findings.map((finding) => ({
    ...findingRange(doc, finding),
    severity: finding.severity,
    message: `${finding.code} ${finding.message}`,
    markClass: `finding-mark-${finding.code}`,
    renderMessage: () => findingCard(finding),
  }));
}
