// @ts-check
// The editor's look, in CSS custom properties only: playground.css switches them with the
// system's light or dark preference, so the editor follows without any JavaScript.
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { EditorView } from "@codemirror/view";
import { tags } from "@lezer/highlight";

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--editor-bg)", height: "100%" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--fg)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": {
    backgroundColor: "var(--selection)",
  },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-gutters": { backgroundColor: "var(--editor-bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  ".cm-tooltip": { backgroundColor: "var(--panel)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-panels": { backgroundColor: "var(--panel)", color: "var(--fg)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)" },
});

const highlight = HighlightStyle.define([
  { tag: [tags.definition(tags.propertyName), tags.propertyName], color: "var(--tok-key)" },
  { tag: [tags.string, tags.content], color: "var(--tok-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--tok-atom)" },
  { tag: [tags.keyword, tags.meta, tags.typeName, tags.labelName], color: "var(--tok-keyword)" },
  { tag: tags.comment, color: "var(--tok-comment)", fontStyle: "italic" },
  { tag: [tags.punctuation, tags.separator, tags.squareBracket, tags.brace], color: "var(--muted)" },
  { tag: tags.invalid, color: "var(--error)" },
]);

export const editorTheme = [theme, syntaxHighlighting(highlight)];
