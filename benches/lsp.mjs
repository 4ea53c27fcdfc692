// The language server's speed on a real repository (a bench, not a test):
//   node benches/lsp.mjs [REPOSITORY]     (default $STACKLINT_CORPUS, else the 2026-08 corpus)
// It runs the bundled server (js/lsp/dist, what the npm package and the VSIX ship; `npm run
// build:lsp`) when it is built, else the sources.
// - first diagnostics: from the `initialize` request to the first publishDiagnostics of a
//   meta.yml opened right after `initialized` (the folder read, loaded and checked);
// - a keystroke: from didChange to its publishDiagnostics, less the debounce, in a meta.yml
//   of 50 entries (the largest manifest of the corpus, grown to 50 in the editor's buffer).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT, SOURCE_SERVER, startClient } from '../tests/lsp/harness.mjs';

const bundled = path.join(REPO_ROOT, 'js/lsp/dist/stacklint-lsp.mjs');
const server = existsSync(bundled) ? bundled : SOURCE_SERVER;

const root = path.resolve(process.argv[2] ?? process.env.STACKLINT_CORPUS ?? '/work/shared/corpus/openeuler-docker-images-2026-08');
const DEBOUNCE = 150;
const KEYSTROKES = 40;

const manifest = process.env.STACKLINT_BENCH_MANIFEST ?? 'Cloud/telegraf/meta.yml';
const original = readFileSync(path.join(root, manifest), 'utf8');
const keys = original.split('\n').filter((line) => /^[^\s#].*:\s*$/.test(line));
let grown = original.endsWith('\n') ? original : `${original}\n`;
// More tags of the versions it has, built from the same Dockerfiles (as a manifest grows).
const entries = [...original.matchAll(/^([^\s#][^:\n]*)-(oe[0-9a-z]+):\s*\n\s+path:\s*(\S+)/gm)];
for (let i = keys.length; i < 50; i++) {
  const [, version, os, dockerfile] = entries[i % entries.length];
  grown += `${version}.${i}-${os}:\n  path: ${dockerfile}\n`;
}

const started = performance.now();
const client = await startClient({ root, server, initializationOptions: { debounce: DEBOUNCE }, trace: 'messages' });
const initialized = performance.now();
client.open(manifest, grown);
const first = await client.diagnostics(manifest, () => true, 60000);
console.log(`repository: ${root}\nserver: ${path.relative(REPO_ROOT, server)}`);
console.log(`initialize answered after ${(initialized - started).toFixed(0)} ms`);
console.log(`first diagnostics after initialize: ${(first.at - started).toFixed(0)} ms (${first.diagnostics.length} in ${manifest}, 50 entries)`);

/** @type {number[]} */
const latencies = [];
/** @type {number[]} */
const checks = [];
const line = grown.split('\n').findIndex((l) => /^[^\s#].*:\s*$/.test(l));
for (let i = 0; i < KEYSTROKES; i++) {
  // Type a character into the first tag, then take it out again.
  const change = i % 2 === 0
    ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }
    : { range: { start: { line, character: 0 }, end: { line, character: 1 } }, text: '' };
  const sent = performance.now();
  const version = client.change(manifest, [change]);
  const published = await client.diagnostics(manifest, (p) => p.version === version, 60000);
  latencies.push(published.at - sent - DEBOUNCE);
  const trace = client.traces.at(-1)?.message.match(/in ([0-9.]+) ms/);
  if (trace) checks.push(Number(trace[1]));
}
/** Median, 90th percentile and best of a list of milliseconds. */
function summary(/** @type {number[]} */ list) {
  const sorted = [...list].sort((a, b) => a - b);
  const pick = (/** @type {number} */ q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return `median ${pick(0.5)} ms, p90 ${pick(0.9)} ms, best ${pick(0)} ms`;
}
console.log(`keystroke to published diagnostics, beyond the ${DEBOUNCE} ms debounce, over ${KEYSTROKES}: ${summary(latencies)}`);
if (checks.length > 0) console.log(`  of which the server's check and conversion (its $/logTrace): ${summary(checks)}`);
await client.shutdown();
