// The action's steps, in order: inputs, workspace, scope, one check, then log, SARIF,
// outputs, summary, annotations and the verdict. Every failure ends in one `::error::` line.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

import { plural } from '../shared/text.mjs';
import { emitAnnotations } from './annotations.mjs';
import { planAnnotations } from './budget.mjs';
import { diffAgainstBase } from './git.mjs';
import { readGitHubContext } from './github.mjs';
import { InputError, readInputs } from './inputs.mjs';
import { logUntrusted } from './log.mjs';
import { analyze, loadCore } from './wasm.mjs';
import { readRepository, resolveRoot } from './workspace.mjs';

/** The step summary GitHub accepts. */
const SUMMARY_LIMIT_BYTES = 1024 * 1024;

/** Whether the findings reach the `fail-on` level. */
export function reachesFailLevel(summary, failOn) {
  if (failOn === 'error') return summary.errors > 0;
  if (failOn === 'warning') return summary.errors + summary.warnings > 0;
  return false;
}

/** One line for `::error::`: what went wrong and, for a crash, what to do. */
export function describeFailure(error) {
  const message = String(error?.message ?? error).replace(/^stacklint: /, '');
  if (error instanceof InputError) return `stacklint: ${message}`;
  if (error instanceof WebAssembly.RuntimeError) {
    return `stacklint: the checker crashed (${message}); this is a bug in stacklint, please report it with the files that trigger it`;
  }
  return `stacklint: ${message}`;
}

/** Decides the scope and warns, with the fix, when the changes cannot be computed. */
async function resolveScope(core, inputs, root) {
  if (inputs.scope === 'all') return { changed: null, lines: new Map(), note: 'Scope: every file.', warned: false };
  const diff = await diffAgainstBase(root, inputs.base);
  if (diff.ok) {
    const note = `Scope: what the ${plural(diff.files.length, 'changed file')} since \`${inputs.base.slice(0, 12)}\` affect.`;
    return { changed: diff.files, lines: diff.lines, note, warned: false };
  }
  const cause = diff.shallow ? ' (the checkout is shallow)' : '';
  const fix = diff.checkout
    ? 'set `fetch-depth: 0` on actions/checkout so the base commit is in the clone'
    : 'run actions/checkout before stacklint, or set `scope: all`';
  core.warning(
    `stacklint cannot tell what this change touched: ${diff.reason}${cause}, so every file is checked. Fix: ${fix}.`,
    { title: 'stacklint checked every file' },
  );
  return { changed: null, lines: new Map(), note: 'Scope: every file (the changes could not be computed).', warned: true };
}

/**
 * @param {object} options
 * @param {object} options.core @actions/core, or a stand-in with the same functions
 * @param {Record<string, string | undefined>} options.env
 * @param {URL | string} options.wasmPath where stacklint_bg.wasm is
 */
export async function run({ core, env, wasmPath }) {
  const github = await readGitHubContext(env);
  const inputs = readInputs((name) => core.getInput(name), github);
  const { root, prefix } = await resolveRoot(github.workspace, inputs.path);
  const { version, ...readPolicy } = loadCore(await readFile(wasmPath));
  const rules = ['select', 'ignore'].filter((name) => inputs[name] !== null).map((name) => `, ${name}: ${inputs[name].join(',')}`);
  core.info(`stacklint ${version}: checking ${prefix || '.'} (scope: ${inputs.scope}, fail-on: ${inputs.failOn}${rules.join('')})`);

  const scope = await resolveScope(core, inputs, root);
  const found = await readRepository(root, readPolicy);

  const summaryFile = env.GITHUB_STEP_SUMMARY;
  const writeSummary = inputs.summary && Boolean(summaryFile);
  const links = { serverUrl: github.serverUrl, repository: github.repository, sha: github.headSha };
  const { report, human, annotations, sarif, summary: summaryText } = analyze(found, {
    changed: scope.changed,
    select: inputs.select,
    ignore: inputs.ignore,
    color: true,
    prefix,
    sarif: Boolean(inputs.sarifFile),
    summary: writeSummary ? { links, note: scope.note, maxBytes: SUMMARY_LIMIT_BYTES } : null,
  });
  logUntrusted(core, human);

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
  core.setOutput('sarif-file', sarifPath);

  if (writeSummary && summaryFile && summaryText !== null) await appendFile(summaryFile, summaryText);

  const failing = reachesFailLevel(summary, inputs.failOn);
  if (inputs.annotations) {
    const reserved = { error: failing ? 1 : 0, warning: scope.warned ? 1 : 0 };
    const plan = planAnnotations(report.diagnostics, annotations, { changedLines: scope.lines, reserved });
    emitAnnotations(plan, core, { summaryWritten: writeSummary });
  }
  if (failing) {
    core.setFailed(
      `stacklint found ${plural(summary.errors, 'error')} and ${plural(summary.warnings, 'warning')} (fail-on: ${inputs.failOn})`,
    );
  }
  return report;
}

/** Runs the action; any exception becomes one `::error::` line and a non-zero exit. */
export async function main(options) {
  try {
    return await run(options);
  } catch (error) {
    // A mistake in the workflow needs no stack; a crash keeps one for step debug logging.
    if (!(error instanceof InputError)) options.core.debug(String(error?.stack ?? error));
    options.core.setFailed(describeFailure(error));
    return null;
  }
}
