// Benchmark, not a test: how fast the built playground becomes interactive on a local
// server, how long checks take, how long a keystroke in a 300-entry meta.yml takes to reach
// the marks, and how long the stack graph of a 300-image repository takes to draw.
// `node tests/playground/bench-load.mjs [runs]`.
import { encodeFragment } from "../../js/playground/permalink.mjs";
import { startPlayground } from "./harness.mjs";
import { bigImage, goToEnd, openPlayground } from "./page.mjs";

const CHECK_DELAY_MS = 200;
const runs = Number(process.argv[2] ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(1)} ms`;

/** 300 image folders, ten chains of 30 images each built on the one before. */
function bigRepository() {
  const files = { "Others/image-list.yml": "images:\n" };
  for (let i = 0; i < 300; i += 1) {
    files["Others/image-list.yml"] += `  app${i}: app${i}\n`;
    files[`Others/app${i}/meta.yml`] = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n";
    const base = i < 10 ? "openeuler/openeuler:24.03-lts" : `openeuler/app${i - 10}:1.0-oe2403lts`;
    files[`Others/app${i}/1.0/24.03-lts/Dockerfile`] = `FROM ${base}\n`;
  }
  return files;
}

const playground = await startPlayground();
try {
  const ready = [];
  const domContentLoaded = [];
  const firstCheck = [];
  for (let run = 0; run < runs; run += 1) {
    const page = await playground.context.newPage();
    const cdp = await playground.context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await openPlayground(page, playground.url);
    const timing = await page.evaluate(() => ({
      ready: performance.getEntriesByName("playground-ready")[0].startTime,
      domContentLoaded: performance.getEntriesByType("navigation")[0].domContentLoadedEventEnd,
      timing: document.getElementById("timing").textContent,
    }));
    ready.push(timing.ready);
    domContentLoaded.push(timing.domContentLoaded);
    firstCheck.push(Number(timing.timing.match(/in ([\d.]+) ms/)[1]));
    await page.close();
  }

  const page = await playground.context.newPage();
  await openPlayground(page, playground.url);
  const checks = [];
  for (let edit = 0; edit < 20; edit += 1) {
    await goToEnd(page);
    await page.keyboard.type(`# edit ${edit}`);
    await page.waitForFunction((count) => Number(document.documentElement.dataset.checks) > count, edit + 1);
    checks.push(Number((await page.textContent("#timing")).match(/in ([\d.]+) ms/)[1]));
  }
  await page.close();

  // A keystroke in a 300-entry meta.yml, with every Dockerfile and with 30 of them missing:
  // from the key to the check drawn (marks, list, tabs), less the typing pause.
  const keystroke = async (files) => {
    const big = await playground.context.newPage();
    await openPlayground(big, playground.url, encodeFragment(files, "Others/app/meta.yml"));
    await big.evaluate(() => {
      document.addEventListener("keydown", () => (window.lastKey = performance.now()), { capture: true });
    });
    const total = [];
    const core = [];
    for (let edit = 0; edit < 15; edit += 1) {
      const before = Number(await big.getAttribute("html", "data-checks"));
      await goToEnd(big);
      await big.keyboard.type("x");
      await big.waitForFunction((count) => Number(document.documentElement.dataset.checks) > count, before);
      const { drawn, key } = await big.evaluate(
        () =>
          new Promise((resolve) =>
            // The next frame after the check: what the check changed has been laid out.
            requestAnimationFrame(() => resolve({ drawn: Number(document.documentElement.dataset.checkedAt), key: window.lastKey })),
          ),
      );
      total.push(drawn - key - CHECK_DELAY_MS);
      core.push(Number((await big.textContent("#timing")).match(/in ([\d.]+) ms/)[1]));
      await big.keyboard.press("Backspace");
      await big.waitForFunction((count) => Number(document.documentElement.dataset.checks) > count, before + 1);
    }
    await big.close();
    return { total: median(total), core: median(core) };
  };
  const clean = await keystroke(bigImage(300));
  const missing = await keystroke(bigImage(300, { broken: 10 }));

  // The stack graph of 300 images: the core's graph, the layout and the SVG.
  const graphs = [];
  for (let run = 0; run < runs; run += 1) {
    const graphPage = await playground.context.newPage();
    await openPlayground(graphPage, playground.url, encodeFragment(bigRepository(), "Others/app0/meta.yml"));
    await graphPage.click("#view-graph");
    await graphPage.waitForSelector("#graph svg");
    graphs.push(Number(await graphPage.getAttribute("html", "data-graph-ms")));
    await graphPage.close();
  }

  console.log(`cold loads (cache disabled), median of ${runs}:`);
  console.log(`  DOMContentLoaded          ${ms(median(domContentLoaded))}`);
  console.log(`  interactive (first check) ${ms(median(ready))}   (all: ${ready.map((v) => v.toFixed(0)).join(", ")})`);
  console.log(`  first check in the core   ${ms(median(firstCheck))}`);
  console.log(`check of the default example while typing, median of ${checks.length}: ${ms(median(checks))}`);
  for (const [what, { total, core }] of [["every Dockerfile there", clean], ["30 Dockerfiles missing", missing]]) {
    console.log(`keystroke in a 300-entry meta.yml (${what}) to drawn marks, beyond the ${CHECK_DELAY_MS} ms pause, median of 15: ${ms(total)} (the core: ${ms(core)})`);
  }
  console.log(`stack graph of 300 images drawn, median of ${runs}: ${ms(median(graphs))}   (all: ${graphs.map((v) => v.toFixed(0)).join(", ")})`);
} finally {
  await playground.close();
}
