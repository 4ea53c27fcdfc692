// What the runner tells the action through its environment: the workspace, the event and
// where the head commit lives. Missing pieces get clear errors or harmless defaults.
import { readFile } from 'node:fs/promises';

import { InputError } from './inputs.mjs';

async function readEvent(eventPath) {
  if (!eventPath) return {};
  let text;
  try {
    text = await readFile(eventPath, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the event payload GITHUB_EVENT_PATH=${eventPath}: ${error.message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`the event payload ${eventPath} is not JSON: ${error.message}`);
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
