// @ts-check
// The editor for the active file. Each file keeps its own editor state (undo history,
// selection), so switching tabs does not lose work.
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { basicSetup } from "codemirror";

import { editorTheme } from "./editor-theme.mjs";
import { toEditorDiagnostics } from "./lint-marks.mjs";
import { findingRange, offsetToPosition } from "./ranges.mjs";

/** @param {string} path */
const isYaml = (path) => /\.ya?ml$/i.test(path);

export class FileEditor {
  /**
   * @param {HTMLElement} parent
   * @param {{onEdit(path: string, text: string, pasted: boolean): void,
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
        const pasted = update.transactions.some((tr) => tr.isUserEvent("input.paste"));
        this.hooks.onEdit(this.path, update.state.doc.toString(), pasted);
      }
      if (update.docChanged || update.selectionSet) this.reportCursor();
    });
    return EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        isYaml(path) ? yaml() : [],
        lintGutter(),
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
   */
  showFindings(findings) {
    const diagnostics = toEditorDiagnostics(this.view.state.doc, findings);
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
