// The only module that knows the WebAssembly API (src/wasm.rs). Everything else works with
// the JSON contract object and plain strings, so an API change is adapted here alone.
import * as core from '../../pkg/stacklint.js';

import { MAX_FILE_BYTES } from './workspace.mjs';

/**
 * Instantiates the core from the `.wasm` bytes (the bundle reads them next to itself).
 * @returns {string} the core's version
 */
export function loadCore(bytes) {
  core.initSync({ module: bytes });
  return core.version();
}

/**
 * How a file the walk could not hand over as text reaches the core. The current API takes
 * only strings or null, so each case is mapped to a string the core rejects the same way it
 * would reject the real file: over 2 MiB (TooLarge), or containing NUL (Binary). The core
 * therefore reports a non-UTF-8 file, a symlink leading outside the workspace and an I/O
 * failure as "binary"; the action logs the precise reason next to it.
 */
function unreadableContent({ reason }) {
  return reason === 'too-large' ? ' '.repeat(MAX_FILE_BYTES + 1) : '\u0000';
}

/** The `files` argument of the API: repository path -> text, or null for "exists, not read". */
export function toCoreFiles(found) {
  const files = {};
  for (const [path, file] of found) {
    files[path] = file.kind === 'text' ? file.text : file.kind === 'unread' ? null : unreadableContent(file);
  }
  return files;
}

/**
 * Checks once and renders what the action needs from that one check.
 * @param {Map<string, object>} found from workspace.readRepository
 * @param {{changed?: string[] | null, color?: boolean, sarif?: boolean}} options `changed`
 *   limits the report to what those paths affect; null checks everything
 * @returns {{report: object, human: string, sarif: string | null}}
 */
export function analyze(found, { changed = null, color = false, sarif = false } = {}) {
  const checked = new core.Checked(toCoreFiles(found), changed === null ? null : { scope: changed });
  try {
    return {
      report: checked.report,
      human: checked.render('human', color),
      sarif: sarif ? checked.render('sarif', false) : null,
    };
  } finally {
    checked.free();
  }
}
