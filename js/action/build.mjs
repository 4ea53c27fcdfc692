// @ts-check
// Builds the committed action bundle: action/dist/index.js (one ESM file, every dependency
// inlined) and the stacklint_bg.wasm it loads from its own folder. Deterministic: the same
// sources and pkg/ give the same bytes, which scripts/test.sh checks against the commit.
//
//   node js/action/build.mjs [--outdir DIR]    (default action/dist; run build-wasm.sh first)
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { outdir: { type: 'string', default: path.join(repo, 'action/dist') } } });
const outdir = path.resolve(values.outdir);
const wasm = path.join(repo, 'pkg/stacklint_bg.wasm');

try {
  await stat(wasm);
} catch {
  console.error(`error: ${path.relative(repo, wasm)} is missing: run \`bash scripts/build-wasm.sh\` first`);
  process.exit(1);
}

// @actions/core reaches the network only for OIDC tokens (http-client, 0.8 MB of undici) and
// for runner details (exec); stacklint uses neither, needs no token and runs no program but
// git. The stubs keep the bundle small and fail loudly if that ever changes.
const LEFT_OUT = ['@actions/http-client', '@actions/http-client/lib/auth', '@actions/exec'];
/** @type {import('esbuild').Plugin} */
const leaveOutUnusedModules = {
  name: 'leave-out-unused-modules',
  setup(context) {
    const filter = new RegExp(`^(${LEFT_OUT.map((name) => name.replace(/[/.]/g, '\\$&')).join('|')})$`);
    context.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'left-out' }));
    context.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
      contents: [
        `const missing = () => { throw new Error('stacklint: ${args.path} is not bundled'); };`,
        'export class HttpClient { constructor() { missing(); } }',
        'export class BearerCredentialHandler { constructor() { missing(); } }',
        'export const exec = missing;',
        'export const getExecOutput = missing;',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });
await build({
  absWorkingDir: repo,
  entryPoints: ['js/action/index.mjs'],
  outfile: path.join(outdir, 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  charset: 'utf8',
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [leaveOutUnusedModules],
  // Bundled CommonJS code calls require() for Node built-ins; ESM has no require of its own.
  banner: { js: "import { createRequire as __stacklintCreateRequire } from 'node:module';\nconst require = __stacklintCreateRequire(import.meta.url);" },
});
await copyFile(wasm, path.join(outdir, 'stacklint_bg.wasm'));

for (const name of ['index.js', 'stacklint_bg.wasm']) {
  const { size } = await stat(path.join(outdir, name));
  console.log(`${path.relative(repo, path.join(outdir, name)) || name}: ${size} bytes`);
}
