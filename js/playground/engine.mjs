// @ts-check
// The stacklint core, compiled to WebAssembly: loaded once, then checked synchronously.
import init, { Checked, rules, version } from "../../pkg/stacklint.js";
import { setRuleDocs } from "./rule-docs.mjs";

/** @typedef {Awaited<ReturnType<typeof loadEngine>>} Engine */

/**
 * Loads the core from `source`: a URL (fetched and compiled while it streams in) or the bytes
 * of stacklint_bg.wasm (Node tests).
 * @param {URL | BufferSource} source
 */
export async function loadEngine(source) {
  await init({ module_or_path: source });
  const catalogue = rules();
  setRuleDocs(catalogue);
  /** @type {Checked | null} the last check, kept for rendering it as Markdown */
  let last = null;
  return {
    version: version(),
    rules: catalogue,
    /**
     * The JSON contract report for a `{path: text}` object, and how long the core took.
     * @param {Record<string, string | null>} files
     */
    check(files) {
      const started = performance.now();
      const checked = new Checked(files, {});
      const report = checked.report;
      const ms = performance.now() - started;
      last?.free();
      last = checked;
      return { report, ms };
    },
    /** The last check as GitHub-flavoured Markdown, as the action's job summary shows it. */
    markdown() {
      return last ? last.markdown() : null;
    },
  };
}
