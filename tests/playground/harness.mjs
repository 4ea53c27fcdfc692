// The real-browser harness: builds the playground, serves it on 127.0.0.1 (a free port), and
// drives Debian's chromium through playwright-core with a fresh profile. `close()` releases
// everything; call it from `after`, so a failing test still cleans up.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before } from "node:test";

import { chromium } from "playwright-core";

import { buildPlayground, REPO_ROOT } from "../../js/playground/build.mjs";
import { serve } from "../../js/playground/serve.mjs";
import { withPage } from "./page.mjs";

const CHROMIUM = "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export const SCREENSHOTS = join(REPO_ROOT, "tests/output/playground");

/** Installs Debian's chromium when it is missing (as root, or through passwordless sudo). */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const asRoot = process.getuid?.() === 0;
  const run = (args) =>
    execFileSync(asRoot ? args[0] : "sudo", asRoot ? args.slice(1) : ["-n", ...args], {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", "chromium"]);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is missing`);
}

/** Builds, serves and launches; returns `{url, context, close}`. */
export async function startPlayground() {
  ensureChromium();
  const cleanups = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };
  try {
    // A folder of its own: test files may run at the same time, each with its own server.
    const built = await mkdtemp(join(tmpdir(), "stacklint-playground-"));
    cleanups.push(() => rm(built, { recursive: true, force: true }));
    const { outDir } = await buildPlayground({ outDir: built });
    const server = await serve({ root: outDir, port: 0 });
    cleanups.push(() => server.close());
    const profile = await mkdtemp(join(tmpdir(), "stacklint-chromium-"));
    cleanups.push(() => rm(profile, { recursive: true, force: true }));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 800 },
    });
    cleanups.push(() => context.close());
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(server.url).origin });
    await mkdir(SCREENSHOTS, { recursive: true });
    return { url: server.url, context, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * One playground for the calling test file: started before its first test, closed after its
 * last (also when a test fails). `url` is the served page; `withPage(body, options)` runs
 * `body` on a fresh page that must log no error (see page.mjs).
 */
export function usePlayground() {
  /** @type {Awaited<ReturnType<typeof startPlayground>> | undefined} */
  let playground;
  before(async () => {
    playground = await startPlayground();
  });
  after(async () => {
    await playground?.close();
  });
  const started = () => {
    if (!playground) throw new Error("the playground is used before its `before` hook ran");
    return playground;
  };
  return {
    get url() {
      return started().url;
    },
    /** @type {(body: Parameters<typeof withPage>[1], options?: Parameters<typeof withPage>[2]) => Promise<void>} */
    withPage: (body, options) => withPage(started().context, body, options),
  };
}
