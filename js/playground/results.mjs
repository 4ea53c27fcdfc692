// @ts-check
// The results panel: per-severity counts, how long the check took, filters (severity, rule,
// file), and one row per finding. Clicking a row (or pressing Enter on it) opens the file at
// the finding's range; a row's buttons are the finding's actions (a fix, creating a file).
import { countsText, plural } from "../shared/text.mjs";
import { h, helpBlock, withCode } from "./dom.mjs";
import { actionButton, actionLabel } from "./lint-marks.mjs";
import { ruleDocUrl } from "./rule-docs.mjs";

/**
 * @typedef {import("../../pkg/stacklint.js").Diagnostic} Diagnostic
 * @typedef {Diagnostic | import("../../pkg/stacklint.js").Related} Location a finding, or one of
 *   its related locations: both have path, line, column, end_line, end_column
 * @typedef {{counts: HTMLElement, timing: HTMLElement, list: HTMLElement, clean: HTMLElement,
 *   shown: HTMLElement, rule: HTMLSelectElement, file: HTMLSelectElement}} Elements
 * @typedef {{severities: Set<string>, rule: string, file: string}} Filter `file` is a path,
 *   `@active` for the file in the editor, or "" for every file; `rule` a code or ""
 * @typedef {import("./lint-marks.mjs").FindingAction} FindingAction
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
      // A link or a button inside the row does its own thing, not opening the finding.
      if (event.target instanceof Element && event.target.closest("a, button")) return;
      event.stopPropagation();
      handler();
    },
    /** @param {KeyboardEvent} event */
    onkeydown: (event) => {
      if (event.target !== event.currentTarget) return;
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
 * @param {FindingAction[]} actions
 */
function findingRow(finding, open, actions) {
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
    finding.help ? helpBlock(finding.help, "help") : null,
    related.length > 0 && h("ul", { class: "related-list" }, related),
    actions.length > 0 &&
      h(
        "div",
        { class: "actions" },
        actions.map((action) => actionButton(actionLabel(action), Boolean(action.unsafe), () => action.run())),
      ),
  );
}

/**
 * A successful check as the panel shows it: the report, how long the core took, and how many
 * files it was given.
 * @typedef {{report: import("../../pkg/stacklint.js").Report, ms: number, fileCount: number}} CheckResult
 */

/**
 * Whether the filter keeps `finding`.
 * @param {Filter} filter
 * @param {string | null} active the file in the editor
 * @returns {(finding: Diagnostic) => boolean}
 */
export function filterFindings(filter, active) {
  const file = filter.file === "@active" ? active : filter.file;
  return (finding) =>
    filter.severities.has(finding.severity) &&
    (filter.rule === "" || finding.code === filter.rule) &&
    (file === "" || finding.path === file);
}

/**
 * Keeps the rule and file menus to what the report has, keeping a choice that still applies.
 * @param {Elements} elements
 * @param {Diagnostic[]} diagnostics
 * @param {Filter} filter
 */
function refreshMenus(elements, diagnostics, filter) {
  /**
   * @param {HTMLSelectElement} menu
   * @param {HTMLOptionElement[]} fixed the options that are always there
   * @param {string[]} values
   * @param {string} chosen
   */
  const fill = (menu, fixed, values, chosen) => {
    const options = [...fixed, ...values.map((value) => new Option(value, value))];
    menu.replaceChildren(...options);
    menu.value = options.some((option) => option.value === chosen) ? chosen : "";
  };
  const codes = [...new Set(diagnostics.map((d) => d.code))].sort();
  fill(elements.rule, [new Option("every rule", "")], codes, filter.rule);
  const paths = [...new Set(diagnostics.map((d) => d.path))].sort();
  fill(elements.file, [new Option("every file", ""), new Option("this file", "@active")], paths, filter.file);
  filter.rule = elements.rule.value;
  filter.file = elements.file.value;
}

/**
 * Renders a check into the panel's elements. `open(location)` gets a finding or a related
 * location (both have path, line, column, end_line, end_column).
 * @param {Elements} elements
 * @param {CheckResult} check
 * @param {{open(location: Location): void, actionsFor(finding: Diagnostic): FindingAction[],
 *   filter: Filter, active: string | null}} view
 */
export function renderResults(elements, { report, ms, fileCount }, { open, actionsFor, filter, active }) {
  const { summary, diagnostics } = report;
  elements.counts.replaceChildren(
    h("span", { class: "count severity-error" }, plural(summary.errors, "error")),
    h("span", { class: "count severity-warning" }, plural(summary.warnings, "warning")),
    h("span", { class: "count severity-info" }, plural(summary.infos, "info")),
  );
  elements.counts.setAttribute("aria-label", countsText(summary));
  elements.timing.textContent = `${fileCount} files checked in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;
  refreshMenus(elements, diagnostics, filter);
  const shown = diagnostics.filter(filterFindings(filter, active));
  elements.list.replaceChildren(...shown.map((finding) => findingRow(finding, open, actionsFor(finding))));
  elements.shown.textContent =
    shown.length === diagnostics.length ? "" : `showing ${shown.length} of ${diagnostics.length}`;
  elements.clean.hidden = diagnostics.length > 0;
  elements.clean.classList.toggle("empty", summary.manifests === 0);
  if (diagnostics.length > 0) return;
  if (summary.manifests === 0) {
    elements.clean.replaceChildren(
      h("strong", {}, "Nothing to check yet."),
      " The repository has no ",
      h("code", {}, "meta.yml"),
      ": add one (e.g. ",
      h("code", {}, "AI/<image>/meta.yml"),
      "), import a folder, or load an example.",
    );
  } else {
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
  elements.shown.textContent = "";
  elements.list.replaceChildren(h("li", { class: "failure", role: "alert" }, message));
  elements.clean.hidden = true;
}
