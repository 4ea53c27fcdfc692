// @ts-check
// The server's settings, from `initializationOptions` or `workspace/didChangeConfiguration`
// (`{stacklint: {...}}`): which rules to turn off or run, a configuration file in place of the
// repository's `.stacklint.toml`, and how long to wait after a keystroke.

/**
 * @typedef {object} Settings
 * @property {string[] | null} ignore rules (codes, names, prefixes) not to run
 * @property {string[] | null} select rules to run, instead of every rule
 * @property {string | null} configFile a configuration file, relative to the workspace folder
 * @property {number} debounce milliseconds between the last keystroke and the check
 */

export const DEFAULT_DEBOUNCE_MS = 150;

/** @type {Settings} */
export const DEFAULTS = { ignore: null, select: null, configFile: null, debounce: DEFAULT_DEBOUNCE_MS };

/**
 * Reads settings; what is wrong is left at its default and named in `problems`.
 * @param {unknown} raw
 * @returns {{settings: Settings, problems: string[]}}
 */
export function readSettings(raw) {
  /** @type {Record<string, unknown>} */
  let given = raw && typeof raw === 'object' ? /** @type {Record<string, unknown>} */ (raw) : {};
  if (given.stacklint && typeof given.stacklint === 'object') given = /** @type {Record<string, unknown>} */ (given.stacklint);
  /** @type {string[]} */
  const problems = [];
  /** @param {string} key */
  const rules = (key) => {
    const value = given[key];
    if (value === undefined || value === null) return null;
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length === 0 && key === 'select' ? null : value;
    problems.push(`the setting \`stacklint.${key}\` must be a list of rule codes or names, e.g. ["P003"]`);
    return null;
  };
  let configFile = null;
  if (typeof given.configFile === 'string' && given.configFile !== '') configFile = given.configFile;
  else if (given.configFile !== undefined && given.configFile !== null && given.configFile !== '') problems.push('the setting `stacklint.configFile` must be a path relative to the workspace folder');
  let debounce = DEFAULT_DEBOUNCE_MS;
  if (typeof given.debounce === 'number' && Number.isFinite(given.debounce) && given.debounce >= 0 && given.debounce <= 10000) debounce = given.debounce;
  else if (given.debounce !== undefined && given.debounce !== null) problems.push('the setting `stacklint.debounce` must be a number of milliseconds from 0 to 10000');
  return { settings: { ignore: rules('ignore'), select: rules('select'), configFile, debounce }, problems };
}
