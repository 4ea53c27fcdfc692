// @ts-check
// The stacklint core, compiled to WebAssembly: loaded once, then checked synchronously.
import init, { applyFixes, Checked, graph, policy, rules, setSeverity, version } from "../../pkg/stacklint.js";
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
    /**
     * Every safe fix applied in rounds, as `stacklint check --fix` applies them: the new text
     * of each changed file, what was applied per rule, what remains. Nothing else changes.
     * @param {Record<string, string | null>} files
     */
    applyFixes(files) {
      return applyFixes(files, {});
    },
    /** The last check as GitHub-flavoured Markdown, as the action's job summary shows it. */
    markdown() {
      return last ? last.markdown() : null;
    },
    /**
     * The image graph `stacklint graph --format json` prints for the same files.
     * @param {Record<string, string | null>} files
     */
    graph(files) {
      return graph(files);
    },
    /**
     * Every rule's severity under the repository's `.stacklint.toml`.
     * @param {Record<string, string | null>} files
     */
    policy(files) {
      return policy(files);
    },
    /**
     * `.stacklint.toml` with one rule's `[severity]` set (null removes it); throws why not.
     * @param {string} text
     * @param {string} code
     * @param {import("../../pkg/stacklint.js").Severity | "off" | null} severity
     */
    setSeverity(text, code, severity) {
      return setSeverity(text, code, severity);
    },
  };
}
