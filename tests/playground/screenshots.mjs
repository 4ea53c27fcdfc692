// Screenshots of every view of the playground, light, dark and on a phone, for review (not a
// test, not committed): `node tests/playground/screenshots.mjs [folder]` (default
// /tmp/stacklint-screenshots).
import { mkdir } from "node:fs/promises";
import { join } from "node:path";

import { FIXTURES, serveRepository } from "./fixture-host.mjs";
import { startPlayground } from "./harness.mjs";
import { openPlayground } from "./page.mjs";

const folder = process.argv[2] ?? "/tmp/stacklint-screenshots";
await mkdir(folder, { recursive: true });
const playground = await startPlayground();
const host = await serveRepository(join(FIXTURES, "stack-clean", "repo"));
const shots = [];
try {
  const looks = [
    { name: "light", scheme: "light", viewport: { width: 1280, height: 800 } },
    { name: "dark", scheme: "dark", viewport: { width: 1280, height: 800 } },
    { name: "phone", scheme: "light", viewport: { width: 390, height: 844 } },
  ];
  for (const look of looks) {
    const page = await playground.context.newPage();
    await page.setViewportSize(look.viewport);
    await page.emulateMedia({ colorScheme: look.scheme });
    const shot = async (what, options = {}) => {
      const path = join(folder, `${what}-${look.name}.png`);
      await page.screenshot({ path, ...options });
      shots.push(path);
    };
    await openPlayground(page, playground.url, "#example=paths");
    await shot("findings", { fullPage: look.name === "phone" });
    await page.hover(".cm-lintRange.finding-mark-P001");
    await page.waitForSelector(".cm-tooltip .finding-card");
    await shot("hover-card");
    await page.mouse.move(0, 0);
    await page.click('#findings li.finding[data-code="P001"] .actions button');
    await page.waitForSelector("#undo-bar:not([hidden])");
    await shot("created-file-undo-bar");
    await openPlayground(page, playground.url, "#example=tags");
    await page.hover(".cm-lintRange.finding-mark-T002");
    await page.waitForSelector(".cm-tooltip .actions button.action-unsafe");
    await shot("unsafe-fix");
    await page.mouse.move(0, 0);
    await openPlayground(page, playground.url, "#example=arch");
    await page.click("#fix-all");
    await page.waitForSelector("#undo-bar:not([hidden])");
    await shot("fix-all", { fullPage: look.name === "phone" });
    await page.click("#view-graph");
    await page.waitForSelector("#graph svg");
    await shot("graph", { fullPage: look.name === "phone" });
    await page.click("#view-settings");
    await page.waitForSelector("#rule-settings tr");
    await page.uncheck('#rule-settings tr[data-code="P003"] input[type="checkbox"]');
    await page.waitForSelector("#rule-settings tr.off");
    await shot("settings", { fullPage: look.name === "phone" });
    await openPlayground(page, playground.url, `?u=${encodeURIComponent(host.tree("AI/pytorch"))}`);
    await shot("imported");
    await page.close();
  }
  console.log(shots.join("\n"));
} finally {
  await host.close();
  await playground.close();
}
