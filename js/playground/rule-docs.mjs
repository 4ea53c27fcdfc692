// The one place that knows where rule documentation lives.
export const RULE_DOCS_URL = "https://github.com/stacklint/stacklint/blob/main/docs/rules.md";

/** `https://…/docs/rules.md#p001` for `P001`. */
export function ruleDocUrl(code) {
  return `${RULE_DOCS_URL}#${code.toLowerCase()}`;
}
