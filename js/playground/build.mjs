// @ts-check
// Builds the static playground into target/playground/: the bundled page script (esbuild,
// minified ESM), index.html, the stylesheet and the core's WebAssembly. `node build.mjs`
// runs it; tests import buildPlayground so a fresh clone needs no separate build step.
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { build } from "esbuild";

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, "../..");
export const OUT_DIR = join(REPO_ROOT, "target/playground");
const WASM = join(REPO_ROOT, "pkg/stacklint_bg.wasm");

/** @param {number} bytes */
function kilobytes(bytes) {
  return `${(bytes / 1024).toFixed(0)} kB`;
}

/**
 * @param {string} path
 * @returns {Promise<{raw: number, gzip: number}>}
 */
async function sizes(path) {
  const bytes = await readFile(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Builds the page into `outDir`; returns the output folder and the shipped sizes in bytes.
 * @param {{outDir?: string}} [options]
 */
export async function buildPlayground({ outDir = OUT_DIR } = {}) {
  try {
    await stat(WASM);
  } catch {
    throw new Error(`${WASM} is missing: run \`bash scripts/build-wasm.sh\` first`);
  }
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: [join(HERE, "main.mjs")],
    outfile: join(outDir, "main.js"),
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "warning",
  });
  await copyFile(WASM, join(outDir, "stacklint_bg.wasm"));
  await copyFile(join(HERE, "playground.css"), join(outDir, "playground.css"));

  const bundle = await sizes(join(outDir, "main.js"));
  const css = await sizes(join(outDir, "playground.css"));
  const wasm = await sizes(join(outDir, "stacklint_bg.wasm"));
  const html = (await readFile(join(HERE, "index.html"), "utf8")).replace(
    "<!--build:sizes-->",
    `The page loads ${kilobytes(bundle.gzip + css.gzip)} of script and style and a ${kilobytes(wasm.gzip)} checker (gzip; ${kilobytes(bundle.raw + css.raw)} and ${kilobytes(wasm.raw)} uncompressed), once.`,
  );
  await writeFile(join(outDir, "index.html"), html);
  return { outDir, sizes: { bundle, css, wasm } };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { outDir, sizes: shipped } = await buildPlayground();
  /**
   * @param {string} name
   * @param {{raw: number, gzip: number}} size
   */
  const line = (name, { raw, gzip }) => `  ${name.padEnd(18)} ${String(raw).padStart(8)} bytes raw, ${String(gzip).padStart(7)} gzip`;
  console.log(`playground built in ${outDir}`);
  console.log(line("main.js", shipped.bundle));
  console.log(line("playground.css", shipped.css));
  console.log(line("stacklint_bg.wasm", shipped.wasm));
}
