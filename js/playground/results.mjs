// @ts-check
// The results panel: per-severity counts, how long the check took, and one row per finding.
// Clicking a row (or pressing Enter on it) opens the file at the finding's range.
import { countsText, plural } from "../shared/text.mjs";
import { h, withCode } from "./dom.mjs";
import { ruleDocUrl } from "./rule-docs.mjs";

/**
 * @typedef {import("../../pkg/stacklint.js").Diagnostic} Diagnostic
 * @typedef {Diagnostic | import("../../pkg/stacklint.js").Related} Location a finding, or one of
 *   its related locations: both have path, line, column, end_line, end_column
 * @typedef {{counts: HTMLElement, timing: HTMLElement, list: HTMLElement, clean: HTMLElement}} Elements
 */

/** @param {Location} item */
function location(item) {
  return `${item.path}:${item.line}:${item.column}`;
}

/**
 * Props that make an element act as a button.
 * @param {() => void} handler
 */
function activate(handler) {
  return {
    tabindex: "0",
    role: "button",
    /** @param {MouseEvent} event */
    onclick: (event) => {
      // A link inside the row opens the rule's documentation, not the finding.
      if (event.target instanceof Element && event.target.closest("a")) return;
      event.stopPropagation();
      handler();
    },
    /** @param {KeyboardEvent} event */
    onkeydown: (event) => {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();
        handler();
      }
    },
  };
}

/**
 * @param {Diagnostic} finding
 * @param {(location: Location) => void} open
 */
function findingRow(finding, open) {
  const related = finding.related.map((item) =>
    h(
      "li",
      { class: "related", ...activate(() => open(item)) },
      h("span", { class: "location" }, location(item)),
      " ",
      withCode(item.message),
    ),
  );
  return h(
    "li",
    {
      class: `finding severity-${finding.severity}`,
      dataset: { code: finding.code, path: finding.path },
      ...activate(() => open(finding)),
    },
    h(
      "div",
      { class: "finding-head" },
      h("span", { class: "badge" }, finding.severity),
      h("a", { class: "code", href: ruleDocUrl(finding.code), target: "_blank", rel: "noopener" }, finding.code),
      h("span", { class: "rule-name" }, finding.name),
      h("span", { class: "location" }, location(finding)),
    ),
    h("p", { class: "message" }, withCode(finding.message)),
    finding.help && h("p", { class: "help" }, "help: ", withCode(finding.help)),
    related.length > 0 && h("ul", { class: "related-list" }, related),
  );
}

/**
 * A successful check as the panel shows it: the report, how long the core took, and how many
 * files it was given.
 * @typedef {{report: import("../../pkg/stacklint.js").Report, ms: number, fileCount: number}} CheckResult
 */

/**
 * Renders a check into the panel's elements. `open(location)` gets a finding or a related
 * location (both have path, line, column, end_line, end_column).
 * @param {Elements} elements
 * @param {CheckResult} check
 * @param {(location: Location) => void} open
 */
export function renderResults(elements, { report, ms, fileCount }, open) {
  const { summary, diagnostics } = report;
  elements.counts.replaceChildren(
    h("span", { class: "count severity-error" }, plural(summary.errors, "error")),
    h("span", { class: "count severity-warning" }, plural(summary.warnings, "warning")),
    h("span", { class: "count severity-info" }, plural(summary.infos, "info")),
  );
  elements.counts.setAttribute("aria-label", countsText(summary));
  elements.timing.textContent = `${fileCount} files checked in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  elements.list.replaceChildren(...diagnostics.map((finding) => findingRow(finding, open)));
  elements.clean.hidden = diagnostics.length > 0;
  if (diagnostics.length === 0) {
    elements.clean.replaceChildren(
      h("strong", {}, "All clean."),
      ` ${plural(summary.manifests, "manifest")} and ${plural(summary.entries, "tag")} pass every rule.`,
    );
  }
}

/**
 * The core rejected the input (e.g. an invalid path): say why instead of stale results.
 * @param {Elements} elements
 * @param {string} message
 */
export function renderFailure(elements, message) {
  elements.counts.replaceChildren(h("span", { class: "count severity-error" }, "check failed"));
  elements.timing.textContent = "";
  elements.list.replaceChildren(h("li", { class: "failure", role: "alert" }, message));
  elements.clean.hidden = true;
}
