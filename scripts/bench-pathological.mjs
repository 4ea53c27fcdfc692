// @ts-check
// The pathological-input bench: every input a hostile pull request can send that once made
// stacklint super-linear, each at 1x and at 4x its size (4x is the size the hardening issue
// measured, always under the 2 MiB file limit), through the native CLI (whole process, every
// output format) and through the WASM core the way the action uses it (read the folder, check
// once, render human text, annotations, SARIF and the job summary). Prints the times and
// the growth from 1x to 4x: linear work grows about 4x, quadratic work 16x.
//
//   bash scripts/build-wasm.sh && cargo build --release
//   node scripts/bench-pathological.mjs [--cli target/release/stacklint] [--only NAME]
//     [--timeout SECONDS] [--keep DIR]   (--keep: write the repositories under DIR and keep them)
//
// A bench, not a test: it asserts nothing and is not part of scripts/test.sh.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyze, loadCore } from '../js/action/wasm.mjs';
import { readRepository } from '../js/shared/repository.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS = ['human', 'json', 'github', 'sarif', 'markdown'];

/** @param {string} flag @param {string} fallback */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const cli = path.resolve(option('--cli', path.join(repoRoot, 'target/release/stacklint')));
const only = option('--only', '');
const timeoutSeconds = Number(option('--timeout', '300'));
const keep = option('--keep', '');

/** The clean parent every case's Dockerfiles may name. */
const BASE = {
  'AI/image-list.yml': 'images:\n  base: base\n  app: app\n',
  'AI/base/meta.yml': '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n',
  'AI/base/1.0/24.03-lts/Dockerfile': 'FROM openeuler/openeuler:24.03-lts\n',
};

/** @param {number} count @param {(i: number) => string} line */
function lines(count, line) {
  const parts = new Array(count);
  for (let i = 0; i < count; i++) parts[i] = line(i);
  return parts.join('');
}

/**
 * Each case: what it is, and its files at `scale` (1 or 4).
 * @type {Array<{name: string, what: string, files: (scale: number) => Record<string, string>}>}
 */
const CASES = [
  {
    name: 'duplicate-tags',
    what: 'meta.yml declaring one tag 10,000 times per 1x (human output quotes the file per finding)',
    files: (scale) => ({
      'AI/app/meta.yml': lines(10_000 * scale, () => '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n'),
      'AI/app/1.0/24.03-lts/Dockerfile': 'FROM openeuler/base:1.0-oe2403lts\n',
    }),
  },
  {
    name: 'dockerfile-stages',
    what: 'Dockerfile of `FROM a AS sN` lines, 512 KiB per 1x',
    files: (scale) => {
      let text = '';
      for (let i = 0; text.length < 512 * 1024 * scale - 64; i++) text += `FROM a AS s${i}\n`;
      return {
        'AI/app/meta.yml': '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n',
        'AI/app/1.0/24.03-lts/Dockerfile': text,
      };
    },
  },
  {
    name: 'missing-dockerfiles',
    what: '500 missing Dockerfiles beside 500 existing ones per 1x ("did you mean")',
    files: (scale) => {
      const count = 500 * scale;
      /** @type {Record<string, string>} */
      const files = {
        'AI/app/meta.yml': lines(count, (i) => `1.${i}-oe2403lts:\n  path: 1.${i}/24.03-lts/Dockerfile\n`),
      };
      for (let i = 0; i < count; i++) files[`AI/app/2.${i}/24.03-lts/Dockerfile`] = 'FROM openeuler/base:1.0-oe2403lts\n';
      return files;
    },
  },
  {
    name: 'missing-parent-tags',
    what: '500 Dockerfiles on undeclared parent tags of an image with 500 tags per 1x',
    files: (scale) => {
      const count = 500 * scale;
      /** @type {Record<string, string>} */
      const files = {
        'AI/base/meta.yml': lines(count, (i) => `1.${i}-oe2403lts:\n  path: 1.${i}/24.03-lts/Dockerfile\n`),
        'AI/app/meta.yml': lines(count, (i) => `3.${i}-oe2403lts:\n  path: 3.${i}/24.03-lts/Dockerfile\n`),
      };
      for (let i = 0; i < count; i++) {
        files[`AI/base/1.${i}/24.03-lts/Dockerfile`] = 'FROM openeuler/openeuler:24.03-lts\n';
        files[`AI/app/3.${i}/24.03-lts/Dockerfile`] = `FROM openeuler/base:2.${i}-oe2403lts\n`;
      }
      return files;
    },
  },
  {
    name: 'flow-line',
    what: '5,000 entries on one flow-style line per 1x (columns counted along the line)',
    files: (scale) => ({
      'AI/app/meta.yml': `{${lines(5_000 * scale, (i) => `${i ? ', ' : ''}é${i}-oe2403lts: {path: ${i}/24.03-lts/Dockerfile}`)}}\n`,
    }),
  },
  {
    name: 'suppression-codes',
    what: 'one suppression comment naming 75,000 codes per 1x',
    files: (scale) => ({
      ...BASE,
      'AI/app/meta.yml': `# stacklint: ignore[${lines(75_000 * scale, (i) => `${i ? ',' : ''}${['P001', 'T005', 'X9', 'Y002'][i % 4]}`)}]\n1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n`,
      'AI/app/1.0/24.03-lts/Dockerfile': 'FROM openeuler/base:1.0-oe2403lts\n',
    }),
  },
  {
    name: 'config-lists',
    what: '.stacklint.toml lists of 25,000 names per 1x',
    files: (scale) => ({
      ...BASE,
      '.stacklint.toml': `ignore = [${lines(25_000 * scale, (i) => `${i ? ',' : ''}"P00${i % 6 + 1}"`)}]\n[stack]\nframework_images = [${lines(25_000 * scale, (i) => `${i ? ',' : ''}"fw${i}"`)}]\n`,
    }),
  },
  {
    name: 'config-releases',
    what: '2,475 [[releases]] and 500 tags on unknown releases per 1x',
    files: (scale) => {
      const count = 500 * scale;
      return {
        ...BASE,
        '.stacklint.toml': lines(2_475 * scale, (i) => `[[releases]]\nsuffix = "${String(30 + (i % 60)).padStart(2, '0')}${String(1 + Math.floor(i / 60) % 12).padStart(2, '0')}sp${1 + Math.floor(i / 720)}"\n`),
        'AI/app/meta.yml': lines(count, (i) => `1.${i}-oe9909sp${i % 9 + 1}:\n  path: 1.${i}/99.09-lts-sp1/Dockerfile\n`),
      };
    },
  },
  {
    name: 'long-path',
    what: 'one `path` of 25 KiB per 1x (P001 and its suggestions)',
    files: (scale) => ({
      ...BASE,
      'AI/app/meta.yml': `1.0-oe2403lts:\n  path: ${'a/'.repeat(12_800 * scale)}Dockerfile\n`,
      'AI/app/1.0/24.03-lts/Dockerfile': 'FROM openeuler/base:1.0-oe2403lts\n',
    }),
  },
  {
    name: 'yaml-tab',
    what: 'meta.yml of 8,000 quoted entries per 1x and one tab at its end',
    files: (scale) => ({
      'AI/app/meta.yml': `${lines(8_000 * scale, (i) => `"t${i}-oe2403lts":\n  path: "${i}/24.03-lts/Dockerfile"\n`)}x:\t1\n`,
    }),
  },
];

/** @param {string} dir @param {Record<string, string>} files */
function writeRepository(dir, files) {
  for (const [relative, text] of Object.entries(files)) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}

/** Seconds of one CLI run per format, or null past the timeout. @param {string} dir */
function timeCli(dir) {
  /** @type {Record<string, number | null>} */
  const times = {};
  for (const format of FORMATS) {
    const started = process.hrtime.bigint();
    const result = spawnSync(cli, ['check', dir, '--format', format, '--color', 'never'], {
      stdio: ['ignore', 'ignore', 'ignore'],
      timeout: timeoutSeconds * 1000,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    times[format] = result.error || result.signal ? null : seconds;
  }
  return times;
}

/** Seconds of the action's core path in this process. @param {string} dir @param {ReturnType<typeof loadCore>} policy */
async function timeWasm(dir, policy) {
  const started = process.hrtime.bigint();
  const found = await readRepository(dir, policy);
  analyze(found, { color: true, sarif: true, summary: { maxBytes: 1024 * 1024, note: 'bench' } });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** @param {number | null} seconds */
function show(seconds) {
  if (seconds === null) return `>${timeoutSeconds}s`.padStart(9);
  return `${seconds < 10 ? seconds.toFixed(3) : seconds.toFixed(1)}s`.padStart(9);
}

/** @param {number | null} small @param {number | null} large */
function growth(small, large) {
  if (small === null || large === null) return '     ?';
  return `${(large / small).toFixed(1)}x`.padStart(6);
}

const policy = loadCore(readFileSync(path.join(repoRoot, 'pkg/stacklint_bg.wasm')));
const scratch = keep ? path.resolve(keep) : mkdtempSync(path.join(tmpdir(), 'stacklint-pathological-'));
console.log(`CLI: ${cli}\nWASM: pkg/stacklint_bg.wasm (core ${policy.version})\n`);
console.log(`${'case'.padEnd(20)} ${'shell'.padEnd(14)} ${'1x'.padStart(9)} ${'4x'.padStart(9)} growth`);
try {
  for (const item of CASES) {
    if (only && item.name !== only) continue;
    /** @type {Record<number, {cli: Record<string, number | null>, wasm: number}>} */
    const results = {};
    for (const scale of [1, 4]) {
      const dir = path.join(scratch, `${item.name}-${scale}x`);
      writeRepository(dir, item.files(scale));
      results[scale] = { cli: timeCli(dir), wasm: await timeWasm(dir, policy) };
      if (!keep) rmSync(dir, { recursive: true, force: true });
    }
    for (const format of FORMATS) {
      const [small, large] = [results[1].cli[format], results[4].cli[format]];
      console.log(`${item.name.padEnd(20)} ${`cli ${format}`.padEnd(14)} ${show(small)} ${show(large)} ${growth(small, large)}`);
    }
    console.log(`${item.name.padEnd(20)} ${'wasm (action)'.padEnd(14)} ${show(results[1].wasm)} ${show(results[4].wasm)} ${growth(results[1].wasm, results[4].wasm)}`);
    console.log(`${''.padEnd(20)} ${item.what}`);
  }
} finally {
  if (!keep) rmSync(scratch, { recursive: true, force: true });
}
