// @ts-check
// Reads and validates the action's inputs. Pure: the caller hands in how to read one input
// (core.getInput) and the pull-request event, so every rule here is unit-tested without a runner.

/** A mistake in the workflow file: reported as one clear error, never as a stack trace. */
export class InputError extends Error {
  name = 'InputError';
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

// The YAML 1.2 core schema booleans, as the runner's own getBooleanInput accepts them.
const TRUE_VALUES = new Set(['true', 'True', 'TRUE']);
const FALSE_VALUES = new Set(['false', 'False', 'FALSE']);

/**
 * `value` as one of the `allowed` words, which the rest of the action can then rely on.
 * @template {string} T
 * @param {string} name
 * @param {string} value
 * @param {readonly T[]} allowed
 * @returns {T}
 */
function oneOf(name, value, allowed) {
  const known = allowed.find((option) => option === value);
  if (known === undefined) {
    const list = allowed.map((v) => `\`${v}\``).join(', ');
    throw new InputError(`input \`${name}\` is \`${value}\`; expected one of ${list}`);
  }
  return known;
}

/**
 * @param {string} name
 * @param {string} value
 */
function boolean(name, value) {
  if (value === '') return true;
  if (TRUE_VALUES.has(value)) return true;
  if (FALSE_VALUES.has(value)) return false;
  throw new InputError(`input \`${name}\` is \`${value}\`; expected \`true\` or \`false\``);
}

/**
 * `select`/`ignore`: codes, names or prefixes separated by commas or new lines; null when unset.
 * @param {string} value
 */
function ruleList(value) {
  if (value === '') return null;
  return value.split(/[\s,]+/).filter((item) => item !== '');
}

/**
 * The base commit of a pull-request event; '' when the event has none. The payload is JSON
 * someone else wrote: a sha that is not a string is a clear error, not a crash.
 * @param {import('./github.mjs').GitHubEvent | null} event
 */
function baseOfEvent(event) {
  const sha = /** @type {unknown} */ (event?.pull_request?.base?.sha);
  if (sha === undefined || sha === null) return '';
  if (typeof sha !== 'string') {
    const found = Array.isArray(sha) ? 'a list' : typeof sha === 'object' ? 'an object' : `the ${typeof sha} ${String(sha).slice(0, 40)}`;
    throw new InputError(`the event's \`pull_request.base.sha\` is ${found}, not a commit sha: set the \`base\` input`);
  }
  return sha;
}

/**
 * The inputs, checked.
 * @typedef {ReturnType<typeof readInputs>} Inputs
 */

/**
 * @param {(name: string) => string} getInput trimmed input value, '' when unset
 * @param {{eventName: string, event: import('./github.mjs').GitHubEvent | null}} github
 */
export function readInputs(getInput, { eventName, event }) {
  const isPullRequest = PULL_REQUEST_EVENTS.has(eventName);
  const scopeInput = getInput('scope');
  const scope = scopeInput === '' ? (isPullRequest ? 'new' : 'all') : oneOf('scope', scopeInput, ['new', 'changed', 'all']);
  const policy = oneOf('policy', getInput('policy') || 'base', ['base', 'head']);
  const failOn = oneOf('fail-on', getInput('fail-on') || 'error', ['error', 'warning', 'never']);
  const path = getInput('path') || '.';
  if (path.includes('\0')) throw new InputError('input `path` contains a NUL character');

  let base = getInput('base');
  if (base === '') base = baseOfEvent(event);
  if (base.startsWith('-')) {
    // git would read it as an option.
    throw new InputError(`input \`base\` is \`${base}\`; expected a branch, tag or commit sha`);
  }
  if (scope !== 'all' && base === '') {
    throw new InputError(
      `\`scope: ${scope}\` needs a commit to compare with, and this \`${eventName || 'unknown'}\` event has no pull request: ` +
        'set the `base` input, or use `scope: all`',
    );
  }

  return {
    path,
    scope,
    base,
    policy,
    failOn,
    // Checked against the rule table by the core (it names the nearest code).
    select: ruleList(getInput('select')),
    ignore: ruleList(getInput('ignore')),
    sarifFile: getInput('sarif-file'),
    baseline: getInput('baseline'),
    /** `patch`: write the safe fixes as a unified diff; `none`: no fixes. */
    fix: oneOf('fix', getInput('fix') || 'none', ['none', 'patch']),
    annotations: boolean('annotations', getInput('annotations')),
    summary: boolean('summary', getInput('summary')),
  };
}
