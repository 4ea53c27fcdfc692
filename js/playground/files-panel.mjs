// @ts-check
// File tabs of the virtual repository, with adding, renaming and deleting. A tab shows how
// many findings its file has, coloured by the worst one.
import { h } from "./dom.mjs";

/** @typedef {import("../../pkg/stacklint.js").Diagnostic} Diagnostic */

/** @type {Record<import("../../pkg/stacklint.js").Severity, number>} */
const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };

/** @param {Diagnostic[]} findings at least one */
function worst(findings) {
  return findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a)).severity;
}

/**
 * @param {string} path
 * @param {string | null} active
 * @param {Diagnostic[]} findings
 * @param {(path: string) => void} select
 */
function tab(path, active, findings, select) {
  const slash = path.lastIndexOf("/");
  return h(
    "li",
    { role: "presentation" },
    h(
      "button",
      {
        type: "button",
        role: "tab",
        class: "file-tab",
        "aria-selected": String(path === active),
        dataset: { path },
        title: path,
        onclick: () => select(path),
      },
      h(
        "span",
        { class: "tab-path" },
        slash >= 0 && h("span", { class: "tab-dir" }, path.slice(0, slash + 1)),
        h("span", { class: "tab-name" }, path.slice(slash + 1)),
      ),
      findings.length > 0 &&
        h("span", { class: `tab-count severity-${worst(findings)}`, "aria-label": `${findings.length} findings` }, String(findings.length)),
    ),
  );
}

/**
 * Wires the panel. `actions.add/rename/remove` throw an Error whose message is shown to the
 * user when the change is refused (invalid path, file exists). `where(typed)` says which
 * repository path a typed new path is (see new-path.mjs); the panel shows it while typing.
 * @param {{tabs: HTMLElement, addForm: HTMLFormElement, newPath: HTMLInputElement,
 *   preview: HTMLElement, renameForm: HTMLFormElement, activePath: HTMLInputElement,
 *   deleteButton: HTMLButtonElement, error: HTMLElement}} elements
 * @param {{select(path: string): void, add(path: string): void, rename(from: string, to: string): void,
 *   remove(path: string): void, where(typed: string): {path: string, base: string | null}}} actions
 */
export function createFilesPanel(elements, actions) {
  /** @type {string | null} */
  let active = null;
  const preview = () => {
    const typed = elements.newPath.value.trim();
    if (typed === "") {
      elements.preview.replaceChildren();
      return;
    }
    const { path, base } = actions.where(typed);
    elements.preview.replaceChildren(
      "creates ",
      h("code", {}, path),
      base === null ? "" : ` (in the image folder ${base}/; start with / for the repository root)`,
    );
  };
  elements.newPath.addEventListener("input", preview);
  /** @param {() => void} change */
  const attempt = (change) => {
    try {
      change();
      elements.error.textContent = "";
      return true;
    } catch (error) {
      elements.error.textContent = /** @type {Error} */ (error).message;
      return false;
    }
  };

  elements.addForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = elements.newPath.value.trim();
    const path = typed === "" ? "" : actions.where(typed).path;
    if (attempt(() => actions.add(path))) {
      elements.newPath.value = "";
      preview();
    }
  });
  elements.renameForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const from = active;
    const to = elements.activePath.value;
    if (from !== null && to !== from) attempt(() => actions.rename(from, to));
  });
  elements.deleteButton.addEventListener("click", () => {
    const path = active;
    if (path !== null) attempt(() => actions.remove(path));
  });

  return {
    /**
     * Redraws the tabs for the repository's paths, the active one, and findings per path.
     * @param {string[]} paths
     * @param {string | null} activePath
     * @param {Map<string, Diagnostic[]>} findingsByPath
     */
    render(paths, activePath, findingsByPath) {
      active = activePath;
      elements.tabs.replaceChildren(
        ...paths.map((path) => tab(path, activePath, findingsByPath.get(path) ?? [], actions.select)),
      );
      if (document.activeElement !== elements.activePath) elements.activePath.value = activePath ?? "";
      elements.deleteButton.disabled = activePath === null;
      preview();
    },
  };
}
