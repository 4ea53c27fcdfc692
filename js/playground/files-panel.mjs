// File tabs of the virtual repository, with adding, renaming and deleting. A tab shows how
// many findings its file has, coloured by the worst one.
import { h } from "./dom.mjs";

const SEVERITY_RANK = { info: 1, warning: 2, error: 3 };

function worst(findings) {
  return findings.reduce((a, b) => (SEVERITY_RANK[b.severity] > SEVERITY_RANK[a.severity] ? b : a)).severity;
}

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
      h("span", { class: "tab-dir" }, path.slice(0, slash + 1)),
      h("span", { class: "tab-name" }, path.slice(slash + 1)),
      findings.length > 0 &&
        h("span", { class: `tab-count severity-${worst(findings)}`, "aria-label": `${findings.length} findings` }, String(findings.length)),
    ),
  );
}

/**
 * Wires the panel. `actions.add/rename/remove` throw an Error whose message is shown to the
 * user when the change is refused (invalid path, file exists).
 */
export function createFilesPanel(elements, actions) {
  let active = null;
  const attempt = (change) => {
    try {
      change();
      elements.error.textContent = "";
      return true;
    } catch (error) {
      elements.error.textContent = error.message;
      return false;
    }
  };

  elements.addForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const path = elements.newPath.value.trim();
    if (attempt(() => actions.add(path))) elements.newPath.value = "";
  });
  elements.renameForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const to = elements.activePath.value;
    if (active !== null && to !== active) attempt(() => actions.rename(active, to));
  });
  elements.deleteButton.addEventListener("click", () => {
    if (active !== null) attempt(() => actions.remove(active));
  });

  return {
    /** Redraws the tabs for the repository's paths, the active one, and findings per path. */
    render(paths, activePath, findingsByPath) {
      active = activePath;
      elements.tabs.replaceChildren(
        ...paths.map((path) => tab(path, activePath, findingsByPath.get(path) ?? [], actions.select)),
      );
      if (document.activeElement !== elements.activePath) elements.activePath.value = activePath ?? "";
      elements.deleteButton.disabled = activePath === null;
    },
  };
}
