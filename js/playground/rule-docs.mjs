// @ts-check
// Where each rule's documentation lives, as the core says (`rules()` gives every rule's
// `help_uri`); the page links codes to it.

/** @type {Map<string, string>} */
const urls = new Map();

/** @param {Array<{code: string, help_uri: string}>} rules the core's rule catalogue */
export function setRuleDocs(rules) {
  for (const rule of rules) urls.set(rule.code, rule.help_uri);
}

/**
 * The documentation URL of a rule code (`P001`), once the core is loaded.
 * @param {string} code
 */
export function ruleDocUrl(code) {
  return urls.get(code) ?? "#";
}
