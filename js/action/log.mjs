// @ts-check
// Writes text that quotes repository content to the log. A line of a manifest could look like
// a workflow command (`::error::…`, `::add-mask::…`); between `::stop-commands::<token>` and
// `::<token>::` the runner treats every line as plain text.
import { randomUUID } from 'node:crypto';

/**
 * @param {{info(message: string): void}} core @actions/core, or anything with info
 * @param {string} text
 * @param {string} [token] ends the plain-text stretch; unguessable, so no quoted line can end it
 */
export function logUntrusted(core, text, token = randomUUID()) {
  core.info(`::stop-commands::${token}`);
  core.info(text.replace(/\n$/, ''));
  core.info(`::${token}::`);
}
