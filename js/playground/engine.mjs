// The stacklint core, compiled to WebAssembly: loaded once, then checked synchronously.
import init, { check, rules, version } from "../../pkg/stacklint.js";

/**
 * Loads the core from `source`: a URL (fetched and compiled while it streams in) or the bytes
 * of stacklint_bg.wasm (Node tests).
 */
export async function loadEngine(source) {
  await init({ module_or_path: source });
  return {
    version: version(),
    rules: rules(),
    /** The JSON contract report for a `{path: text}` object, and how long the core took. */
    check(files) {
      const started = performance.now();
      const report = check(files, {});
      return { report, ms: performance.now() - started };
    },
  };
}
