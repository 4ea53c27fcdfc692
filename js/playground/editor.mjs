// @ts-check
// The editor for the active file. Each file keeps its own editor state (undo history,
// selection), so switching tabs does not lose work; edits the page makes (a fix, a settings
// change) go through the file's state too, so Ctrl+Z undoes them like typing.
import { yaml } from "@codemirror/lang-yaml";
import { indentService, indentUnit } from "@codemirror/language";
import { forEachDiagnostic, linter, lintGutter, setDiagnostics } from "@codemirror/lint";
import { Annotation, EditorSelection, EditorState } from "@codemirror/state";
import { EditorView, hoverTooltip } from "@codemirror/view";
import { editorSetup } from "./editor-setup.mjs";

import { h } from "./dom.mjs";
import { editorTheme } from "./editor-theme.mjs";
import { actionButton, toEditorDiagnostics } from "./lint-marks.mjs";
import { findingRange, offsetToPosition } from "./ranges.mjs";

/** @param {string} path */
const isYaml = (path) => /\.ya?ml$/i.test(path);

/** Marks the transactions the page makes, to tell them from typing. */
const pageEdit = Annotation.define();

/**
 * The indentation of a new line in YAML: one level deeper after a line ending in `:` (the
 * entry under `tag:`), else the previous line's.
 * @type {(context: import("@codemirror/language").IndentContext, pos: number) => number | null}
 */
function yamlIndentation(context, pos) {
  if (pos === 0) return 0;
  let line = context.simulatedBreak === pos ? context.lineAt(pos, -1) : context.lineAt(pos - 1, -1);
  while (line.text.trim() === "" && line.from > 0) line = context.lineAt(line.from - 1, -1);
  const indent = /^ */.exec(line.text)?.[0].length ?? 0;
  const code = line.text.replace(/(^|\s)#.*$/, "").trimEnd();
  return code.endsWith(":") ? indent + 2 : indent;
}

/**
 * The hover card under the hovered line (CodeMirror's own lint card opens above it and
 * covers the lines before): every finding there, with its actions.
 */
const findingHover = hoverTooltip(
  (view, pos, side) => {
    /** @type {{diagnostic: import("@codemirror/lint").Diagnostic, from: number, to: number}[]} */
    const found = [];
    forEachDiagnostic(view.state, (diagnostic, from, to) => {
      const inside = pos > from && pos < to;
      const atEdge = (pos === from && side > 0) || (pos === to && side < 0) || from === to;
      if (inside || (atEdge && pos >= from && pos <= to)) found.push({ diagnostic, from, to });
    });
    if (found.length === 0) return null;
    return {
      pos: Math.min(...found.map((f) => f.from)),
      end: Math.max(...found.map((f) => f.to)),
      above: false,
      create: () => ({
        dom: h(
          "div",
          { class: "finding-tooltip-body" },
          found.flatMap(({ diagnostic, from, to }) => [
            diagnostic.renderMessage ? diagnostic.renderMessage(view) : diagnostic.message,
            (diagnostic.actions ?? []).length > 0 &&
              h(
                "div",
                { class: "actions" },
                (diagnostic.actions ?? []).map((action) =>
                  actionButton(action.name, action.markClass === "action-unsafe", () => action.apply(view, from, to)),
                ),
              ),
          ]),
        ),
      }),
    };
  },
  { hoverTime: 250 },
);

/**
 * The change from `before` to `after` as one replacement of the part that differs, so the
 * cursor and the marks outside it stay where they are.
 * @param {string} before
 * @param {string} after
 */
function difference(before, after) {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end += 1;
  }
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

export class FileEditor {
  /**
   * @param {HTMLElement} parent
   * @param {{onEdit(path: string, text: string, how: "typed" | "pasted" | "page"): void,
   *          onCursor(position: {line: number, column: number}): void}} hooks
   */
  constructor(parent, hooks) {
    this.hooks = hooks;
    /** @type {Map<string, EditorState>} each file's editor state, by path */
    this.states = new Map();
    /** @type {string | null} the file shown, null for the empty editor */
    this.path = null;
    this.view = new EditorView({ parent });
  }

  /**
   * @param {string} path
   * @param {string} text
   */
  createState(path, text) {
    const listener = EditorView.updateListener.of((update) => {
      // The path is read when the edit happens: a rename keeps the state but changes it.
      if (update.docChanged && this.path !== null) {
        const how = update.transactions.some((tr) => tr.annotation(pageEdit))
          ? "page"
          : update.transactions.some((tr) => tr.isUserEvent("input.paste"))
            ? "pasted"
            : "typed";
        this.hooks.onEdit(this.path, update.state.doc.toString(), how);
      }
      if (update.docChanged || update.selectionSet) this.reportCursor();
    });
    return EditorState.create({
      doc: text,
      extensions: [
        editorSetup,
        isYaml(path) ? [yaml(), indentService.of(yamlIndentation), indentUnit.of("  ")] : [],
        lintGutter(),
        // The inline card is findingHover's; CodeMirror shows none when the filter gives null.
        linter(null, { tooltipFilter: () => /** @type {any} */ (null) }),
        findingHover,
        editorTheme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ "aria-label": `Contents of ${path}` }),
        listener,
      ],
    });
  }

  /**
   * Shows `path`, creating its editor state from `text` the first time.
   * @param {string} path
   * @param {string} text
   */
  open(path, text) {
    if (this.path !== null) this.states.set(this.path, this.view.state);
    let state = this.states.get(path);
    if (!state || state.doc.toString() !== text) state = this.createState(path, text);
    this.path = path;
    this.view.setState(state);
    this.reportCursor();
  }

  /**
   * Changes a file's text as one undoable step of its editor (a fix, a settings change).
   * Returns false when the file has no editor state yet: then the repository's text is what
   * the editor will open.
   * @param {string} path
   * @param {string} text
   */
  replaceText(path, text) {
    const current = path === this.path ? this.view.state : this.states.get(path);
    if (!current) return false;
    const before = current.doc.toString();
    if (before === text) return true;
    const spec = { changes: difference(before, text), annotations: pageEdit.of(true), userEvent: "input.page" };
    if (path === this.path) this.view.dispatch(spec);
    else this.states.set(path, current.update(spec).state);
    return true;
  }

  /**
   * @param {string} from
   * @param {string} to
   */
  renamed(from, to) {
    const state = this.states.get(from);
    if (state !== undefined) this.states.set(to, state);
    this.states.delete(from);
    if (this.path !== from) return;
    this.path = to;
    // The language follows the name: a meta.yml renamed to a Dockerfile loses YAML mode.
    if (isYaml(from) !== isYaml(to)) this.view.setState(this.createState(to, this.view.state.doc.toString()));
  }

  /** An empty, read-only editor for a repository without files. */
  showEmpty() {
    if (this.path !== null) this.states.set(this.path, this.view.state);
    this.path = null;
    this.view.setState(EditorState.create({ doc: "", extensions: [EditorState.readOnly.of(true), editorTheme] }));
  }

  /** Drops every file's state, for a new repository. */
  reset() {
    this.states.clear();
    this.path = null;
  }

  /** @param {string} path */
  forget(path) {
    this.states.delete(path);
  }

  /**
   * Draws the findings of the active file.
   * @param {import("../../pkg/stacklint.js").Diagnostic[]} findings
   * @param {Parameters<typeof toEditorDiagnostics>[2]} [actionsFor]
   */
  showFindings(findings, actionsFor) {
    const diagnostics = toEditorDiagnostics(this.view.state.doc, findings, actionsFor);
    this.view.dispatch(setDiagnostics(this.view.state, diagnostics));
  }

  /**
   * Selects a finding's range and scrolls it into view.
   * @param {import("./ranges.mjs").Span} finding a finding or a related location
   */
  select(finding) {
    const { from, to } = findingRange(this.view.state.doc, finding);
    this.view.dispatch({
      selection: EditorSelection.single(from, to),
      effects: EditorView.scrollIntoView(from, { y: "center" }),
    });
    this.view.focus();
  }

  reportCursor() {
    const { head } = this.view.state.selection.main;
    this.hooks.onCursor(offsetToPosition(this.view.state.doc, head));
  }
}
