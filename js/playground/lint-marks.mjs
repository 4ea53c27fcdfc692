// @ts-check
// A file's findings as CodeMirror lint diagnostics: underline, gutter marker, hover card, and
// the actions a finding offers (CodeMirror lint actions: buttons in the card and the list).
import { h, helpBlock, withCode } from "./dom.mjs";
import { findingRange } from "./ranges.mjs";
import { ruleDocUrl } from "./rule-docs.mjs";

/**
 * Something the page can do about a finding: create the file it misses, apply its fix. An
 * `unsafe` action says why (a guess, a tag rename): the author must review the result.
 * `name` may hold `backtick` code spans, as the core writes its messages.
 * @typedef {{name: string, unsafe?: string | null, run(): void}} FindingAction
 */

/**
 * The hover card: code (linking to the rule's documentation), name, message, help.
 * @param {import("../../pkg/stacklint.js").Diagnostic} finding
 */
export function findingCard(finding) {
  return h(
    "div",
    { class: "finding-card", dataset: { code: finding.code } },
    h(
      "div",
      { class: "finding-card-head" },
      h("a", { href: ruleDocUrl(finding.code), target: "_blank", rel: "noopener" }, finding.code),
      ` ${finding.name}`,
    ),
    h("p", {}, withCode(finding.message)),
    finding.help ? helpBlock(finding.help, "finding-help") : null,
  );
}

/**
 * The label of an action's button: unsafe ones say so, and why.
 * @param {FindingAction} action
 */
export function actionLabel(action) {
  return action.unsafe ? `${action.name} (unsafe: ${action.unsafe})` : action.name;
}

/**
 * An action's button, in the hover card and in the findings list alike: its label with code
 * spans, marked when unsafe.
 * @param {string} label see actionLabel
 * @param {boolean} unsafe
 * @param {() => void} onclick
 */
export function actionButton(label, unsafe, onclick) {
  return h("button", { type: "button", class: unsafe ? "action-unsafe" : "action-safe", onclick }, withCode(label));
}

/**
 * CodeMirror diagnostics for the findings of the file shown in `doc`.
 * @param {import("@codemirror/state").Text} doc
 * @param {import("../../pkg/stacklint.js").Diagnostic[]} findings
 * @param {(finding: import("../../pkg/stacklint.js").Diagnostic) => FindingAction[]} actionsFor
 * @returns {import("@codemirror/lint").Diagnostic[]}
 */
export function toEditorDiagnostics(doc, findings, actionsFor = () => []) {
  return findings.map((finding) => ({
    ...findingRange(doc, finding),
    severity: finding.severity,
    message: `${finding.code} ${finding.message}`,
    markClass: `finding-mark-${finding.code}`,
    renderMessage: () => findingCard(finding),
    actions: actionsFor(finding).map((action) => ({
      name: actionLabel(action),
      markClass: action.unsafe ? "action-unsafe" : "action-safe",
      apply: () => action.run(),
    })),
  }));
}
