// @ts-check
// The only module that knows the WebAssembly API (src/wasm/). Everything else works with
// the JSON contract object, annotation objects and plain strings, so an API change is adapted
// here alone.
import * as core from '../../pkg/stacklint.js';
import { toCoreFiles } from '../shared/core-files.mjs';
import { InputError } from './inputs.mjs';

/**
 * Instantiates the core from the `.wasm` bytes (the bundle reads them next to itself).
 * @param {BufferSource} bytes
 * @returns {{version: string, maxFileBytes: number, needsContent: (path: string) => boolean}}
 *   the core's version, and what it reads: the walk reads exactly these files
 */
export function loadCore(bytes) {
  core.initSync({ module: bytes });
  return { version: core.version(), maxFileBytes: core.limits().maxFileBytes, needsContent: core.needsContent };
}

/**
 * Repository text as the core shows it, on one line with its hidden characters escaped.
 * @param {string} text
 */
export function visible(text) {
  return core.visible(text);
}

// Findings the log quotes from their source; the others get one line each (all are listed).
const LOG_SNIPPETS = 1000;

// The core names the option; the workflow author knows it as an input.
const RULE_OPTION_ERROR = /^stacklint: `(select|ignore)`: /;

/**
 * @param {Record<string, import('../../pkg/stacklint.js').FileContent>} files
 * @param {import('../../pkg/stacklint.js').CheckOptions} options
 */
function check(files, options) {
  try {
    return new core.Checked(files, options);
  } catch (error) {
    const message = String(/** @type {Error} */ (error)?.message ?? error);
    if (RULE_OPTION_ERROR.test(message)) throw new InputError(message.replace(RULE_OPTION_ERROR, 'input `$1`: '));
    throw error;
  }
}

/**
 * The safe fixes of the reported findings, applied in memory by the core.
 * @param {Record<string, import('../../pkg/stacklint.js').FileContent>} files
 * @param {import('../../pkg/stacklint.js').CheckOptions} options the check's options
 * @param {string} prefix the checked folder relative to the workspace
 * @returns {{patch: string, applied: {code: string, count: number}[], counts: string, skipped: import('../../pkg/stacklint.js').SkippedFix[]}}
 */
function safeFixes(files, options, prefix) {
  const { patch, applied, counts, skipped } = core.applyFixes(files, { ...options, unsafe: false, prefix });
  return { patch, applied, counts, skipped };
}

/**
 * @typedef {object} AnalyzeOptions
 * @property {Map<string, import('../shared/repository.mjs').Found> | null} [base] the base tree of the
 *   change (null: no comparison)
 * @property {'all' | 'changed' | 'new'} [scope] what is reported; `new` and `changed` need a base
 * @property {string[] | null} [changed] paths git says the change touched
 * @property {'base' | 'head'} [policy] whose .stacklint.toml judges the change
 * @property {{path: string, text: string} | null} [baseline] findings not to report (runs
 *   without a base)
 * @property {string[] | null} [select] replaces `select` of the repository's .stacklint.toml
 * @property {string[] | null} [ignore] replaces `ignore` of the repository's .stacklint.toml
 * @property {boolean} [color] ANSI colours in the human text
 * @property {string} [prefix] the checked folder relative to the workspace: annotations,
 *   SARIF and the summary use repository paths
 * @property {boolean} [sarif] also render SARIF
 * @property {import('../../pkg/stacklint.js').MarkdownOptions | null} [summary] also render
 *   the job summary with these options
 * @property {boolean} [fixes] also apply the safe fixes (the patch) and show every fix in the
 *   summary
 */

/**
 * Checks once and renders what the action needs from that one check.
 * @param {Map<string, import('../shared/repository.mjs').Found>} found from readRepository (js/shared/repository.mjs)
 * @param {AnalyzeOptions} [options]
 */
export function analyze(found, { base = null, scope = 'all', changed = null, policy = 'base', baseline = null, select = null, ignore = null, color = false, prefix = '', sarif = false, summary = null, fixes = false } = {}) {
  /** @type {import('../../pkg/stacklint.js').CheckOptions} */
  const options = base === null ? { scope: scope === 'changed' ? changed : null, baseline, select, ignore } : { base: toCoreFiles(base), scope, changed, policy, select, ignore };
  const files = toCoreFiles(found);
  const checked = check(files, options);
  try {
    return {
      /** @type {import('../../pkg/stacklint.js').Report} */
      report: checked.report,
      human: checked.human(color, LOG_SNIPPETS),
      /** @type {import('../../pkg/stacklint.js').Annotation[]} */
      annotations: checked.annotations(prefix),
      sarif: sarif ? checked.sarif(prefix) : null,
      summary: summary ? checked.markdown({ ...summary, prefix, fixes }) : null,
      fixed: fixes ? safeFixes(files, options, prefix) : null,
    };
  } finally {
    checked.free();
  }
}
