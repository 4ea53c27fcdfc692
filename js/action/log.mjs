// Writes text that quotes repository content to the log. A line of a manifest could look like
// a workflow command (`::error::…`, `::add-mask::…`); between `::stop-commands::<token>` and
// `::<token>::` the runner treats every line as plain text.
import { randomUUID } from 'node:crypto';

export function logUntrusted(core, text, token = randomUUID()) {
  core.info(`::stop-commands::${token}`);
  core.info(text.replace(/\n$/, ''));
  core.info(`::${token}::`);
}

const UNREADABLE_REASONS = {
  binary: 'it contains NUL bytes',
  'not-utf8': 'it is not valid UTF-8',
  'too-large': 'it is larger than 2 MiB',
  outside: 'it is a symlink leading outside the checked folder',
  'broken-link': 'it is a symlink to nothing',
  io: 'the operating system refused to read it',
};

/** The precise reason for each file the core received as unreadable (see wasm.mjs). */
export function describeUnreadable(found, prefix = '') {
  const lines = [];
  for (const [path, file] of found) {
    if (file.kind !== 'unreadable') continue;
    const shown = prefix ? `${prefix}/${path}` : path;
    const detail = file.detail ? ` (${file.detail})` : file.bytes ? ` (${file.bytes} bytes)` : '';
    lines.push(`stacklint did not read ${shown}: ${UNREADABLE_REASONS[file.reason] ?? file.reason}${detail}`);
  }
  return lines;
}
