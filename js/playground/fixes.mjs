// @ts-check
// A finding's fix (the core's edits, byte offsets into UTF-8 text) applied to the page's
// files, and how the page names it: the core's message, unsafe ones with their reason.
import { utf8ToUtf16 } from "./columns.mjs";

/**
 * @typedef {import("../../pkg/stacklint.js").Fix} Fix
 * @typedef {import("../../pkg/stacklint.js").Edit} Edit
 */

/**
 * The new text of every file `fix` edits, by path. All or nothing: throws, changing nothing,
 * when a file is missing or an edit does not fit its text (edits made for another text).
 * @param {(path: string) => string | undefined} read the current text of a file
 * @param {Fix} fix
 * @returns {Record<string, string>}
 */
export function applyFix(read, fix) {
  /** @type {Map<string, Edit[]>} */
  const byPath = new Map();
  for (const edit of fix.edits) {
    const edits = byPath.get(edit.path);
    if (edits) edits.push(edit);
    else byPath.set(edit.path, [edit]);
  }
  /** @type {Record<string, string>} */
  const changed = {};
  for (const [path, edits] of byPath) {
    const text = read(path);
    if (text === undefined) throw new Error(`the fix edits \`${path}\`, which the repository does not have`);
    const offsets = utf8ToUtf16(
      text,
      edits.flatMap((edit) => [edit.start, edit.end]),
    );
    const ranges = edits
      .map((edit, i) => ({ from: offsets[2 * i], to: offsets[2 * i + 1], insert: edit.replacement }))
      .sort((a, b) => a.from - b.from || a.to - b.to);
    let result = "";
    let at = 0;
    for (const { from, to, insert } of ranges) {
      if (from < at || to < from) throw new Error(`the fix's edits of \`${path}\` overlap`);
      result += text.slice(at, from) + insert;
      at = to;
    }
    changed[path] = result + text.slice(at);
  }
  return changed;
}

/**
 * Why a fix is unsafe, as its button says it; null for a safe one. A tag rename is named:
 * a tag on main may already be published, and renaming it withdraws an image.
 * @param {Fix} fix
 */
export function unsafeReason(fix) {
  if (fix.applicability === "safe") return null;
  return fix.renames_tag !== null ? `renames tag \`${fix.renames_tag}\`` : "a guess, review it";
}
