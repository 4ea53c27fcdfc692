// @ts-check
// The action's steps, in order: inputs, workspace, scope, one check, then log, SARIF,
// outputs, summary, annotations and the verdict. Every failure ends in one `::error::` line.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { plural } from '../shared/text.mjs';
import { emitAnnotations } from './annotations.mjs';
import { planAnnotations } from './budget.mjs';
import { readBase } from './git.mjs';
import { readGitHubContext } from './github.mjs';
import { InputError, readInputs } from './inputs.mjs';
import { logUntrusted } from './log.mjs';
import { analyze, loadCore, visible } from './wasm.mjs';
import { readRepository, RepositoryError } from '../shared/repository.mjs';
import { readNamedFile, resolveRoot } from './workspace.mjs';

/** The step summary GitHub accepts. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/**
 * What the action uses of `@actions/core`; tests hand in a stand-in that records the calls.
 * @typedef {Pick<typeof import('@actions/core'), 'getInput' | 'info' | 'debug' | 'error' | 'warning' | 'notice' | 'setOutput' | 'setFailed'>} Core
 */

/**
 * Whether the findings reach the `fail-on` level.
 * @param {{errors: number, warnings: number}} summary
 * @param {import('./inputs.mjs').Inputs['failOn']} failOn
 */
export function reachesFailLevel(summary, failOn) {
  if (failOn === 'error') return summary.errors > 0;
  if (failOn === 'warning') return summary.errors + summary.warnings > 0;
  return false;
}

/**
 * What was thrown, read as an error: anything may be thrown, so its `message` and `stack`
 * are absent unless it is an object that has them.
 * @param {unknown} thrown
 * @returns {{message?: unknown, stack?: unknown}}
 */
function asThrown(thrown) {
  return typeof thrown === 'object' && thrown !== null ? thrown : {};
}

/**
 * One line for `::error::`: what went wrong and, for a crash, what to do.
 * @param {unknown} error anything that was thrown
 */
export function describeFailure(error) {
  const message = String(asThrown(error).message ?? error).replace(/^stacklint: /, '');
  if (error instanceof InputError || error instanceof RepositoryError) return `stacklint: ${message}`;
  if (error instanceof WebAssembly.RuntimeError) {
    return `stacklint: the checker crashed (${message}); this is a bug in stacklint, please report it with the files that trigger it`;
  }
  return `stacklint: ${message}`;
}

/**
 * @typedef {object} Comparison what the check compares the head with
 * @property {'all' | 'changed' | 'new'} scope what is reported
 * @property {Map<string, import('../shared/repository.mjs').Found> | null} base the base tree
 * @property {string[] | null} changed the paths the change touched, as git sees them
 * @property {string} note one sentence on what was checked, for the summary
 * @property {boolean} warned a warning annotation says the changes could not be computed
 */

/**
 * Reads the base of the change for the `new` and `changed` scopes and warns, with the fix,
 * when it cannot be had: then every file is checked and reported.
 * @param {Core} core
 * @param {import('./inputs.mjs').Inputs} inputs
 * @param {string} root the checked folder
 * @param {import('../shared/repository.mjs').ReadPolicy} policy what the core reads
 * @returns {Promise<Comparison>}
 */
async function compareWithBase(core, inputs, root, policy) {
  if (inputs.scope === 'all') return { scope: 'all', base: null, changed: null, note: 'Scope: every file.', warned: false };
  const base = await readBase(root, inputs.base, policy);
  if (base.ok) {
    const against = `\`${base.commit.slice(0, 12)}\`${base.note}`;
    const note =
      inputs.scope === 'new'
        ? `Scope: what this change introduced, compared with ${against}.`
        : `Scope: what the ${plural(base.changed.length, 'changed file')} since ${against} affect.`;
    if (base.fetched) core.info(`stacklint fetched the base commit ${base.commit} into the shallow clone`);
    return { scope: inputs.scope, base: base.files, changed: base.changed, note, warned: false };
  }
  const cause = base.shallow ? ' (the checkout is shallow)' : '';
  const fix = base.checkout
    ? 'set `fetch-depth: 0` on actions/checkout so the base commit is in the clone'
    : 'run actions/checkout before stacklint, or set `scope: all`';
  core.warning(
    `stacklint cannot tell what this change touched: ${base.reason}${cause}, so every file is checked. Fix: ${fix}.`,
    { title: 'stacklint checked every file' },
  );
  return { scope: 'all', base: null, changed: null, note: 'Scope: every file (the changes could not be computed).', warned: true };
}

/**
 * `fix: patch`: writes the safe fixes to `<folder>/stacklint-fixes.patch` and says what it
 * holds; returns its path, or '' when there is nothing to fix.
 * @param {Core} core
 * @param {{patch: string, applied: {code: string, count: number}[], counts: string, skipped: {code: string, path: string, line: number, message: string, description: string}[]}} fixed
 * @param {string} folder the runner's temporary folder
 */
async function writePatch(core, fixed, folder) {
  for (const skipped of fixed.skipped) {
    core.info(`stacklint did not put the ${skipped.code} fix at ${skipped.path}:${skipped.line} (${skipped.message}) in the patch: ${skipped.description}`);
  }
  if (fixed.patch === '') {
    core.info('stacklint found no safe fix to put in a patch');
    return '';
  }
  const file = path.join(folder, 'stacklint-fixes.patch');
  await mkdir(folder, { recursive: true });
  await writeFile(file, fixed.patch);
  const total = fixed.applied.reduce((sum, { count }) => sum + count, 0);
  core.info(`stacklint wrote ${plural(total, 'safe fix', 'safe fixes')} (${fixed.counts}) to ${file}; apply them with \`git apply ${file}\` at the repository root`);
  return file;
}

/**
 * @typedef {object} RunOptions
 * @property {Core} core the `@actions/core` module, or a stand-in with the same functions
 * @property {Record<string, string | undefined>} env
 * @property {URL | string} wasmPath where stacklint_bg.wasm is
 */

/** @param {RunOptions} options */
export async function run({ core, env, wasmPath }) {
  const github = await readGitHubContext(env);
  const inputs = readInputs((name) => core.getInput(name), github);
  const { root, prefix } = await resolveRoot(github.workspace, inputs.path);
  const { version, ...readPolicy } = loadCore(await readFile(wasmPath));
  const rules = Object.entries({ select: inputs.select, ignore: inputs.ignore })
    .flatMap(([name, list]) => (list === null ? [] : [`, ${name}: ${list.join(',')}`]));
  // The folder's real name (a symlinked `path:` resolved) comes from the repository.
  logUntrusted(core, `stacklint ${version}: checking ${visible(prefix || '.')} (scope: ${inputs.scope}, fail-on: ${inputs.failOn}${rules.join('')})`);

  const comparison = await compareWithBase(core, inputs, root, readPolicy);
  const found = await readRepository(root, readPolicy);
  const baseline = inputs.baseline ? await readNamedFile(root, inputs.baseline, 'baseline', readPolicy.maxFileBytes) : null;

  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const writeSummary = inputs.summary && Boolean(summaryFile);
  const links = { serverUrl: github.serverUrl, repository: github.repository, sha: github.headSha };
  const { report, human, annotations, sarif, summary: summaryText, fixed } = analyze(found, {
    base: comparison.base,
    scope: comparison.scope,
    changed: comparison.changed,
    policy: inputs.policy,
    baseline,
    select: inputs.select,
    ignore: inputs.ignore,
    color: true,
    prefix,
    sarif: Boolean(inputs.sarifFile),
    summary: writeSummary ? { links, note: comparison.note, maxBytes: SUMMARY_LIMIT_BYTES } : null,
    fixes: inputs.fix === 'patch',
  });
  logUntrusted(core, human);
  const patchPath = fixed ? await writePatch(core, fixed, env.RUNNER_TEMP || tmpdir()) : '';

  let sarifPath = '';
  if (inputs.sarifFile && sarif !== null) {
    sarifPath = path.resolve(github.workspace, inputs.sarifFile);
    await mkdir(path.dirname(sarifPath), { recursive: true });
    await writeFile(sarifPath, sarif);
    core.info(`stacklint wrote SARIF to ${sarifPath}`);
  }

  const { summary } = report;
  core.setOutput('errors', summary.errors);
  core.setOutput('warnings', summary.warnings);
  core.setOutput('findings', report.diagnostics.length);
  core.setOutput('existing', summary.existing);
  core.setOutput('sarif-file', sarifPath);
  if (fixed) core.setOutput('patch-file', patchPath);

  if (writeSummary && summaryFile && summaryText !== null) await appendFile(summaryFile, summaryText);

  const failing = reachesFailLevel(summary, inputs.failOn);
  if (inputs.annotations) {
    const reserved = { error: failing ? 1 : 0, warning: comparison.warned ? 1 : 0 };
    const plan = planAnnotations(annotations, { reserved });
    emitAnnotations(plan, core, { summaryWritten: writeSummary });
  }
  if (failing) {
    core.setFailed(
      `stacklint found ${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')} (fail-on: ${inputs.failOn})`,
    );
  }
  return report;
}

/**
 * Runs the action; any exception becomes one `::error::` line and a non-zero exit.
 * @param {RunOptions} options
 */
export async function main(options) {
  try {
    return await run(options);
  } catch (error) {
    // A mistake in the workflow needs no stack; a crash keeps one for step debug logging.
    if (!(error instanceof InputError)) options.core.debug(String(asThrown(error).stack ?? error));
    options.core.setFailed(describeFailure(error));
    return null;
  }
}
