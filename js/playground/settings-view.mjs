// @ts-check
// The settings view: every rule with its code, name, default severity and fix kind, and what
// the repository's `.stacklint.toml` makes of it. Switching a rule off or changing its
// severity writes `[severity]` of that file (the core makes the edit); the file itself is one
// click away, with its C001 findings in the editor like any other file's.
import { h } from "./dom.mjs";
import { ruleDocUrl } from "./rule-docs.mjs";

/**
 * @typedef {import("../../pkg/stacklint.js").RuleInfo} RuleInfo
 * @typedef {import("../../pkg/stacklint.js").Policy} Policy
 * @typedef {import("../../pkg/stacklint.js").Severity} Severity
 */

/**
 * @param {HTMLElement} body the table body
 * @param {{rules: RuleInfo[], policy: Policy}} state
 * @param {{set(code: string, severity: Severity | "off" | null): void}} actions `null` removes
 *   the rule's `[severity]` setting (its default)
 */
export function renderSettings(body, { rules, policy }, actions) {
  const settings = new Map(policy.rules.map((setting) => [setting.code, setting]));
  body.replaceChildren(
    ...rules.map((rule) => {
      const setting = settings.get(rule.code);
      const configured = setting?.configured ?? null;
      const on = setting ? setting.severity !== null : true;
      // Off through `select` or `ignore`: `[severity]` cannot switch it back on.
      const offByList = !on && configured !== "off";
      const toggle = h("input", {
        type: "checkbox",
        checked: on,
        disabled: offByList,
        "aria-label": `${rule.code} on`,
        onchange: () => actions.set(rule.code, toggle.checked ? null : "off"),
      });
      const severity = h(
        "select",
        {
          disabled: !on,
          "aria-label": `${rule.code} severity`,
          onchange: () => actions.set(rule.code, severity.value === "" ? null : /** @type {Severity} */ (severity.value)),
        },
        new Option(`default (${rule.default_severity})`, ""),
        ...["error", "warning", "info"].map((level) => new Option(level, level)),
      );
      severity.value = configured === null || configured === "off" ? "" : configured;
      return h(
        "tr",
        { class: on ? "on" : "off", dataset: { code: rule.code } },
        h("td", {}, toggle),
        h("td", {}, h("a", { class: "code", href: ruleDocUrl(rule.code), target: "_blank", rel: "noopener" }, rule.code)),
        h("td", { title: rule.summary }, rule.name, offByList && h("span", { class: "why" }, "off by select or ignore in .stacklint.toml")),
        h("td", { class: "wide-only" }, rule.default_severity),
        h("td", {}, severity),
        h("td", { class: `fix-${rule.fix}` }, rule.fix),
      );
    }),
  );
}
