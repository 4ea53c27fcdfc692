// A tiny element builder: the panels build their DOM with it instead of HTML strings, so
// file paths and messages can never inject markup.
import { codeSpans } from "../shared/text.mjs";

/** `h("li", {class: "x", dataset: {code}}, child, "text")` */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "dataset") Object.assign(element.dataset, value);
    else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Text with `backtick` spans as <code>: the core writes its messages in Markdown. */
export function withCode(text) {
  return codeSpans(text)
    .map((part, index) => (index % 2 === 1 ? h("code", {}, part) : part))
    .filter((part) => part !== "");
}
