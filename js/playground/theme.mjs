// @ts-check
// The theme toggle: system (follows prefers-color-scheme), light or dark, remembered in
// localStorage. index.html applies a stored choice before the first paint; this keeps the
// button and the `data-theme` attribute that playground.css reads in step.
const KEY = "stacklint-theme";
/** @typedef {"system" | "light" | "dark"} Theme */
/** @type {readonly Theme[]} */
const ORDER = ["system", "light", "dark"];

/** @returns {Theme} */
function stored() {
  try {
    const value = localStorage.getItem(KEY);
    return value === "light" || value === "dark" ? value : "system";
  } catch {
    return "system";
  }
}

/** @param {HTMLButtonElement} button */
export function setUpTheme(button) {
  const apply = (/** @type {Theme} */ theme) => {
    if (theme === "system") delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    button.textContent = `Theme: ${theme}`;
    button.setAttribute("aria-label", `Colour theme: ${theme}; click for ${ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length]}`);
  };
  let current = stored();
  apply(current);
  button.addEventListener("click", () => {
    current = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length];
    try {
      if (current === "system") localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, current);
    } catch {
      // Storage may be off (private windows): the choice then lasts for this page only.
    }
    apply(current);
  });
}
