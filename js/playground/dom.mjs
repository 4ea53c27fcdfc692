// @ts-check
// A tiny element builder: the panels build their DOM with it instead of HTML strings, so
// file paths and messages can never inject markup.
import { codeSpans, helpParts } from "../shared/text.mjs";

/**
 * What `h` sets on an element: attributes (`true` for an empty one; `null`, `undefined` and
 * `false` leave one out), `dataset`, and `on<event>` listeners, whatever event they take.
 * @typedef {Record<string, string | boolean | null | undefined | DOMStringMap | ((event: never) => void)>} Props
 */

/**
 * A child of `h`; `null`, `undefined` and `false` are left out, so `cond && h(…)` works.
 * @typedef {Node | string | null | undefined | false} Child
 */

/**
 * `h("li", {class: "x", dataset: {code}}, child, "text")`
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Props} [props]
 * @param {...(Child | Child[])} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/**
 * Text with `backtick` spans as <code>: the core writes its messages in Markdown.
 * @param {string} text
 */
export function withCode(text) {
  return codeSpans(text)
    .map((part, index) => (index % 2 === 1 ? h("code", {}, part) : part))
    .filter((part) => part !== "");
}

/**
 * A finding's help: `help: <sentence>` in a `<p>`, and a snippet (YAML to write) kept as
 * written in a `<pre>`.
 * @param {string} help
 * @param {string} className the paragraph's class
 */
export function helpBlock(help, className) {
  const { sentence, snippet } = helpParts(help);
  return [
    h("p", { class: className }, "help: ", withCode(sentence)),
    snippet !== null && h("pre", { class: "snippet" }, snippet),
  ];
}
