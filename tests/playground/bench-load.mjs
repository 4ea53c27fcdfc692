// Benchmark, not a test: how fast the built playground becomes interactive on a local
// server, and how long checks take. `node tests/playground/bench-load.mjs [runs]`.
import { startPlayground } from "./harness.mjs";
import { goToEnd, openPlayground } from "./page.mjs";

const runs = Number(process.argv[2] ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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
  const ms = (value) => `${value.toFixed(1)} ms`;
  console.log(`cold loads (cache disabled), median of ${runs}:`);
  console.log(`  DOMContentLoaded          ${ms(median(domContentLoaded))}`);
  console.log(`  interactive (first check) ${ms(median(ready))}   (all: ${ready.map((v) => v.toFixed(0)).join(", ")})`);
  console.log(`  first check in the core   ${ms(median(firstCheck))}`);
  console.log(`check of the default example while typing, median of ${checks.length}: ${ms(median(checks))}`);
} finally {
  await playground.close();
}
