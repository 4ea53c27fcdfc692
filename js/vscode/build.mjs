// @ts-check
// Builds the extension into js/vscode/dist: the client (extension.cjs, CommonJS as VS Code
// loads it, vscode-languageclient inlined) and the language server with its .wasm, built by
// js/lsp/build.mjs. `npx vsce package --no-dependencies` in js/vscode then makes the VSIX.
//
//   node js/vscode/build.mjs    (run build-wasm.sh first)
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

import { buildServer } from '../lsp/build.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');

await rm(dist, { recursive: true, force: true });
await build({
  entryPoints: [path.join(here, 'extension.mjs')],
  outfile: path.join(dist, 'extension.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  // Nobody reads the client in the VSIX; the server stays readable for its stack traces.
  minify: true,
  charset: 'utf8',
  legalComments: 'eof',
  logLevel: 'warning',
});
const files = [path.join(dist, 'extension.cjs'), ...(await buildServer(dist))];
for (const file of files) console.log(`${path.relative(path.join(here, '../..'), file)}: ${(await stat(file)).size} bytes`);
