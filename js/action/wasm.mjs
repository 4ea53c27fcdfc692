// The only module that knows the WebAssembly API (src/wasm.rs). Everything else works with
// the JSON contract object and plain strings, so an API change is adapted here alone.
import * as core from '../../pkg/stacklint.js';
import { InputError } from './inputs.mjs';

/**
 * Instantiates the core from the `.wasm` bytes (the bundle reads them next to itself).
 * @returns {string} the core's version
 */
export function loadCore(bytes) {
  core.initSync({ module: bytes });
  return core.version();
}

const UNREADABLE = {
  'too-large': ({ bytes }) => ({ unreadable: 'too-large', bytes }),
  outside: () => ({ unreadable: 'outside-root' }),
  'broken-link': () => ({ unreadable: 'io', message: 'it is a symlink to nothing' }),
  io: ({ detail }) => ({ unreadable: 'io', message: detail }),
};

/** One file as the API takes it (`FileContent` in the generated stacklint.d.ts). */
function toCoreContent(file) {
  switch (file.kind) {
    case 'text':
      return file.text;
    case 'bytes':
      return file.data;
    case 'unread':
      return null;
    default:
      return UNREADABLE[file.reason](file);
  }
}

/** The `files` argument of the API: repository path -> content. */
export function toCoreFiles(found) {
  const files = {};
  for (const [path, file] of found) files[path] = toCoreContent(file);
  return files;
}

// The core names the option; the workflow author knows it as an input.
const RULE_OPTION_ERROR = /^stacklint: `(select|ignore)`: /;

function check(files, options) {
  try {
    return new core.Checked(files, options);
  } catch (error) {
    const message = String(error?.message ?? error);
    if (RULE_OPTION_ERROR.test(message)) throw new InputError(message.replace(RULE_OPTION_ERROR, 'input `$1`: '));
    throw error;
  }
}

/**
 * Checks once and renders what the action needs from that one check.
 * @param {Map<string, object>} found from workspace.readRepository
 * @param {{changed?: string[] | null, select?: string[] | null, ignore?: string[] | null,
 *   color?: boolean, sarif?: boolean}} options `changed` limits the report to what those
 *   paths affect (null checks everything); `select`/`ignore` replace the lists of the
 *   repository's .stacklint.toml (null keeps them)
 * @returns {{report: object, human: string, sarif: string | null}}
 */
export function analyze(found, { changed = null, select = null, ignore = null, color = false, sarif = false } = {}) {
  const checked = check(toCoreFiles(found), { scope: changed, select, ignore });
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
