// Real parts for the end-to-end tests: temporary git repositories made with the real `git`,
// a real-shaped pull_request event, and the committed bundle run under the Node 24 the
// action declares (`runs.using: node24`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const NODE24 = path.join(repoRoot, 'node_modules/node/bin/node');
export const ACTION = path.join(repoRoot, 'action/dist/index.js');

export function git(cwd, ...args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/** A scratch folder removed after the test. */
export function scratch(t) {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'stacklint-action-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function writeTree(dir, files) {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(dir, relative);
    if (content === null) {
      rmSync(file);
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

/**
 * A repository with a base commit on `main` and a pull-request commit on `feature`.
 * @returns {{dir: string, base: string, head: string}}
 */
export function pullRequestRepo(dir, baseFiles, changes) {
  mkdirSync(dir, { recursive: true });
  git(dir, '-c', 'init.defaultBranch=main', 'init', '-q');
  git(dir, 'config', 'user.name', 'Test Author');
  git(dir, 'config', 'user.email', 'author@example.com');
  writeTree(dir, baseFiles);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  const base = git(dir, 'rev-parse', 'HEAD');
  git(dir, 'checkout', '-qb', 'feature');
  writeTree(dir, changes);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'pull request', '--allow-empty');
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') };
}

/** The fields of a pull_request webhook payload the action reads, plus some it ignores. */
export function pullRequestEvent({ base, head, repository = 'octo/images' }) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: base, repo: { full_name: repository } },
      head: { ref: 'feature', sha: head, repo: { full_name: repository } },
    },
    repository: { full_name: repository, default_branch: 'main' },
  };
}

function parseOutputs(text) {
  const outputs = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (const [, name, , value] of text.matchAll(pattern)) outputs[name] = value;
  return outputs;
}

// ANSI colour escapes of the human log.
const ANSI = /\u001b\[[0-9;]*m/g;

/**
 * Runs action/dist/index.js like the runner does.
 * @param {object} options
 * @param {string} options.workspace GITHUB_WORKSPACE
 * @param {Record<string, string>} [options.inputs] input name -> value (as in the workflow)
 * @param {object} [options.event] payload for GITHUB_EVENT_PATH
 * @param {string} [options.eventName]
 */
export function runAction(t, { workspace, inputs = {}, event = {}, eventName = 'pull_request', sha = '' }) {
  const runnerDir = scratch(t);
  const files = {
    event: path.join(runnerDir, 'event.json'),
    output: path.join(runnerDir, 'output'),
    summary: path.join(runnerDir, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(event));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  // A clean environment: the tests may themselves run inside GitHub Actions.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_SHA: sha || event?.pull_request?.head?.sha || '0000000000000000000000000000000000000000',
    GITHUB_REPOSITORY: event?.repository?.full_name ?? 'octo/images',
    GITHUB_SERVER_URL: 'https://github.com',
    RUNNER_TEMP: runnerDir,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const result = spawnSync(NODE24, [ACTION], { cwd: workspace, env, encoding: 'utf8', timeout: 60_000 });
  const stdout = result.stdout.replace(ANSI, '');
  return {
    status: result.status,
    stdout,
    stderr: result.stderr,
    commands: workflowCommands(stdout),
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    runnerDir,
  };
}

/**
 * Workflow-command lines the runner would act on: those outside stop-commands blocks. Read as
 * the runner reads a step's output (actions/runner ProcessInvoker + ActionCommand): lines end
 * at `\n`, `\r\n` or a lone `\r` (.NET StreamReader.ReadLine); a line is a command when it
 * starts with `::` after leading whitespace, or holds the older `##[command]` anywhere.
 */
export function workflowCommands(stdout) {
  const commands = [];
  let stopToken = null;
  for (const line of stdout.split(/\r\n|\n|\r/)) {
    if (stopToken !== null) {
      if (line.trim() === `::${stopToken}::`) stopToken = null;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line.trimStart());
    if (stop) stopToken = stop[1];
    else if (line.trimStart().startsWith('::') || /##\[[^\]]*\]/.test(line)) commands.push(line);
  }
  return commands;
}

/** The annotation commands only (no debug lines), as [level, properties, message]. */
export function annotations(commands) {
  return commands
    .map((line) => /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line))
    .filter(Boolean)
    .map(([, level, properties = '', message]) => [level, properties, message]);
}

// A small scene in the repository's real layout: a scene folder with image-list.yml, image
// folders with meta.yml and <version>/<os-release>/Dockerfile.
export function manifest(tags) {
  return tags.map(([tag, dockerfile]) => `${tag}:\n  path: ${dockerfile}\n`).join('');
}

export function sceneFiles() {
  return {
    'AI/image-list.yml': 'images:\n  llm-demo: llm-demo\n  vision: vision\n',
    'AI/llm-demo/meta.yml': manifest([['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile']]),
    'AI/llm-demo/1.0/24.03-lts/Dockerfile': 'FROM openeuler/openeuler:24.03-lts\n',
    'AI/llm-demo/README.md': '# llm-demo\n',
    'AI/vision/meta.yml': manifest([['2.1-oe2203sp4', '2.1/22.03-lts-sp4/Dockerfile']]),
    'AI/vision/2.1/22.03-lts-sp4/Dockerfile': 'FROM openeuler/openeuler:22.03-lts-sp4\n',
  };
}
