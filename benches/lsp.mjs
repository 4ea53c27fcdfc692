// The language server's speed on a real repository (a bench, not a test):
//   node benches/lsp.mjs [REPOSITORY]     (default $STACKLINT_CORPUS, else the 2026-08 corpus)
// - first diagnostics: from the `initialize` request to the first publishDiagnostics of a
//   meta.yml opened right after `initialized` (the folder read, loaded and checked);
// - a keystroke: from didChange to its publishDiagnostics, less the debounce, in a meta.yml
//   of 50 entries (the largest manifest of the corpus, grown to 50 in the editor's buffer).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startClient } from '../tests/lsp/harness.mjs';

const root = path.resolve(process.argv[2] ?? process.env.STACKLINT_CORPUS ?? '/work/shared/corpus/openeuler-docker-images-2026-08');
const DEBOUNCE = 150;
const KEYSTROKES = 40;

const manifest = process.env.STACKLINT_BENCH_MANIFEST ?? 'Cloud/telegraf/meta.yml';
const original = readFileSync(path.join(root, manifest), 'utf8');
const keys = original.split('\n').filter((line) => /^[^\s#].*:\s*$/.test(line));
let grown = original.endsWith('\n') ? original : `${original}\n`;
for (let i = keys.length; i < 50; i++) grown += `9.${i}.0-oe2403lts:\n  path: 9.${i}.0/24.03-lts/Dockerfile\n`;

const started = performance.now();
const client = await startClient({ root, initializationOptions: { debounce: DEBOUNCE } });
const initialized = performance.now();
client.open(manifest, grown);
const first = await client.diagnostics(manifest, () => true, 60000);
console.log(`repository: ${root}`);
console.log(`initialize answered after ${(initialized - started).toFixed(0)} ms`);
console.log(`first diagnostics after initialize: ${(first.at - started).toFixed(0)} ms (${first.diagnostics.length} in ${manifest}, 50 entries)`);

/** @type {number[]} */
const latencies = [];
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
}
latencies.sort((a, b) => a - b);
const pick = (/** @type {number} */ q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))].toFixed(1);
console.log(`keystroke to published diagnostics, beyond the ${DEBOUNCE} ms debounce, over ${KEYSTROKES}: median ${pick(0.5)} ms, p90 ${pick(0.9)} ms, best ${pick(0)} ms`);
await client.shutdown();
