// @ts-check
// The WASM check's own speed on a real repository, without Node start or module compile:
// the repository is read once (as the action reads it), then each round hands it to the core
// and takes what the action takes from one check (report, human text, annotations, SARIF,
// job summary). Prints the median and the spread of the rounds, per step: wall time, and the
// process's CPU time (user + system), which the other sessions' load on this shared machine
// disturbs far less.
//
//   bash scripts/build-wasm.sh
//   node scripts/bench-wasm.mjs DIR [--pkg pkg]... [--rounds 21]
//
// `--pkg` names a build's folder (stacklint.js and stacklint_bg.wasm; default pkg/). Given
// more than once, the builds run in the same process and take turns round by round, so that
// the load of this shared machine falls on each of them alike. One warm-up round per build is
// not counted (the engine compiles the hot functions again while it runs). A bench, not a
// test: it asserts nothing.
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { toCoreFiles } from '../js/shared/core-files.mjs';
import { readRepository } from '../js/shared/repository.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @param {string} flag @param {string} fallback */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

/** @param {string} flag */
function options(flag) {
  return process.argv.flatMap((arg, at) => (arg === flag && process.argv[at + 1] !== undefined ? [process.argv[at + 1]] : []));
}

const dir = process.argv[2];
if (!dir || dir.startsWith('--')) {
  console.error('usage: node scripts/bench-wasm.mjs DIR [--pkg pkg]... [--rounds 21]');
  process.exit(2);
}
const rounds = Number(option('--rounds', '21'));
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('--rounds must be a positive whole number');
  process.exit(2);
}

/**
 * One build, loaded from its folder: each folder's glue is a module instance of its own.
 * @param {string} folder
 */
async function load(folder) {
  const pkg = path.resolve(repoRoot, folder);
  /** @type {typeof import('../pkg/stacklint.js')} */
  const core = await import(pathToFileURL(path.join(pkg, 'stacklint.js')).href);
  const wasm = readFileSync(path.join(pkg, 'stacklint_bg.wasm'));
  core.initSync({ module: wasm });
  /** @type {Record<'check' | 'action' | 'checkCpu' | 'actionCpu', number[]>} */
  const times = { check: [], action: [], checkCpu: [], actionCpu: [] };
  return { name: path.relative(repoRoot, pkg) || '.', bytes: wasm.length, core, times, findings: 0 };
}

const builds = await Promise.all((options('--pkg').length ? options('--pkg') : ['pkg']).map(load));
// Every build reads the same files: the first one says which (they agree unless a build
// changed `needsContent`, which this bench is not for).
const first = builds[0].core;
const found = await readRepository(realpathSync(dir), { needsContent: first.needsContent, maxFileBytes: first.limits().maxFileBytes });

/** @param {(typeof builds)[number]} build @param {boolean} counted */
function round(build, counted) {
  const { core } = build;
  let started = process.hrtime.bigint();
  let cpu = process.cpuUsage();
  // The `files` argument is built per check, as js/action/wasm.mjs builds it from the walk.
  build.findings = core.check(toCoreFiles(found)).diagnostics.length;
  const check = Number(process.hrtime.bigint() - started) / 1e6;
  const checkCpu = cpuMs(process.cpuUsage(cpu));

  started = process.hrtime.bigint();
  cpu = process.cpuUsage();
  const checked = new core.Checked(toCoreFiles(found), null);
  try {
    void checked.report;
    checked.render('human', true);
    checked.annotations('');
    checked.sarif('');
    checked.markdown({ maxBytes: 1024 * 1024 });
  } finally {
    checked.free();
  }
  const action = Number(process.hrtime.bigint() - started) / 1e6;
  const actionCpu = cpuMs(process.cpuUsage(cpu));
  if (counted) {
    build.times.check.push(check);
    build.times.action.push(action);
    build.times.checkCpu.push(checkCpu);
    build.times.actionCpu.push(actionCpu);
  }
}

/** @param {NodeJS.CpuUsage} used */
function cpuMs(used) {
  return (used.user + used.system) / 1e3;
}

for (const build of builds) round(build, false);
for (let at = 0; at < rounds; at++) for (const build of builds) round(build, true);

/** @param {number[]} values @param {number} q */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
}

/** @param {number[]} values */
function spread(values) {
  return `median ${quantile(values, 0.5).toFixed(1)} ms (p10 ${quantile(values, 0.1).toFixed(1)}, p90 ${quantile(values, 0.9).toFixed(1)})`;
}

console.log(`${dir}: ${found.size} files; ${rounds} rounds per build`);
for (const build of builds) {
  console.log(`${build.name}: ${build.bytes} bytes, ${build.findings} findings`);
  console.log(`  check                  wall ${spread(build.times.check)}; cpu ${spread(build.times.checkCpu)}`);
  console.log(`  check+render (action)  wall ${spread(build.times.action)}; cpu ${spread(build.times.actionCpu)}`);
}
