// @ts-check
// Builds the language server into one file with the .wasm beside it: js/lsp/dist/ for the npm
// package `stacklint-lsp` (its bin), and the same two files inside the VS Code extension.
//
//   node js/lsp/build.mjs [--outdir DIR]    (default js/lsp/dist; run build-wasm.sh first)
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { build } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Bundles the server into `outdir`: stacklint-lsp.mjs and stacklint_bg.wasm.
 * @param {string} outdir
 */
export async function buildServer(outdir) {
  const wasm = path.join(repo, 'pkg/stacklint_bg.wasm');
  try {
    await stat(wasm);
  } catch {
    throw new Error(`${path.relative(repo, wasm)} is missing: run \`bash scripts/build-wasm.sh\` first`);
  }
  await mkdir(outdir, { recursive: true });
  await build({
    absWorkingDir: repo,
    entryPoints: ['js/lsp/bin.mjs'],
    outfile: path.join(outdir, 'stacklint-lsp.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    charset: 'utf8',
    legalComments: 'eof',
    logLevel: 'warning',
    // Bundled CommonJS code calls require() for Node built-ins; ESM has no require of its own.
    banner: { js: "import { createRequire as __stacklintCreateRequire } from 'node:module';\nconst require = __stacklintCreateRequire(import.meta.url);" },
  });
  await copyFile(wasm, path.join(outdir, 'stacklint_bg.wasm'));
  return [path.join(outdir, 'stacklint-lsp.mjs'), path.join(outdir, 'stacklint_bg.wasm')];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { outdir: { type: 'string', default: path.join(repo, 'js/lsp/dist') } } });
  const outdir = path.resolve(values.outdir);
  await rm(outdir, { recursive: true, force: true });
  try {
    for (const file of await buildServer(outdir)) console.log(`${path.relative(repo, file)}: ${(await stat(file)).size} bytes`);
  } catch (error) {
    console.error(`error: ${/** @type {Error} */ (error).message}`);
    process.exit(1);
  }
}
