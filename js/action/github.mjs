// @ts-check
// What the runner tells the action through its environment: the workspace, the event and
// where the head commit lives. Missing pieces get clear errors or harmless defaults.
import { readFile } from 'node:fs/promises';

import { InputError } from './inputs.mjs';

/**
 * The parts of the event's webhook payload the action reads. It is GitHub's JSON, so any part
 * may be missing, and the payload itself may be `null`.
 * @typedef {{repository?: {full_name?: string}, pull_request?: {base?: {sha?: string}, head?: {sha?: string}}}} GitHubEvent
 */

/**
 * The webhook payload of the event that started the workflow; `{}` when there is none.
 * @param {string | undefined} eventPath
 * @returns {Promise<GitHubEvent | null>}
 */
async function readEvent(eventPath) {
  if (!eventPath) return {};
  let text;
  try {
    text = await readFile(eventPath, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the event payload GITHUB_EVENT_PATH=${eventPath}: ${/** @type {Error} */ (error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`the event payload ${eventPath} is not JSON: ${/** @type {SyntaxError} */ (error).message}`);
  }
}

/** @param {Record<string, string | undefined>} env */
export async function readGitHubContext(env) {
  const workspace = env.GITHUB_WORKSPACE;
  if (!workspace) {
    throw new InputError('GITHUB_WORKSPACE is not set: run stacklint as a step of a GitHub Actions job');
  }
  const event = await readEvent(env.GITHUB_EVENT_PATH);
  return {
    workspace,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    event,
    repository: env.GITHUB_REPOSITORY || event?.repository?.full_name || '',
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    // On pull_request GITHUB_SHA is a merge commit nobody reads; link to what the author pushed.
    headSha: event?.pull_request?.head?.sha || env.GITHUB_SHA || '',
  };
}
