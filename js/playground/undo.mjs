// @ts-check
// Undo for the edits the page makes itself (adding, renaming or deleting a file, creating a
// missing Dockerfile, a settings change, a fix, an import into the open repository). Typing is
// CodeMirror's own history; these are kept as the inverse of each change: the earlier text
// of every file it touched (null: the file did not exist) and the file that was open.

/** @typedef {{label: string, before: Map<string, string | null>, active: string | null}} Step */

/**
 * @param {{bar: HTMLElement, text: HTMLElement, button: HTMLButtonElement}} elements
 * @param {(step: Step) => void} restore puts the files of `step.before` back
 */
export function createUndo(elements, restore) {
  /** @type {Step[]} */
  const steps = [];
  const show = () => {
    const last = steps.at(-1);
    elements.bar.hidden = last === undefined;
    elements.text.textContent = last ? last.label : "";
  };
  elements.button.addEventListener("click", () => {
    const step = steps.pop();
    show();
    if (step) restore(step);
  });
  return {
    /** @param {Step} step */
    record(step) {
      steps.push(step);
      if (steps.length > 50) steps.shift();
      show();
    },
    /** A new repository: nothing before it can be undone. */
    clear() {
      steps.length = 0;
      show();
    },
    get size() {
      return steps.length;
    },
  };
}
