// The playground in a real browser (Debian chromium, headless) against the built page.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";

import { SCREENSHOTS, usePlayground } from "./harness.mjs";
import {
  activeFile,
  editorText,
  fileTabs,
  findingRows,
  goToEnd,
  openPlayground,
  replaceText,
  underline,
} from "./page.mjs";

const PYTORCH_META = "AI/pytorch/meta.yml";
const TAG = "2.2.0-cann8.0.RC1-oe2203sp4";

const playground = usePlayground();
const { withPage } = playground;

test("loads, fetches the checker once, and finds nothing wrong with the default example", async () => {
  await withPage(async (page) => {
    const wasmRequests = [];
    page.on("response", (response) => {
      if (response.url().endsWith(".wasm")) wasmRequests.push(response.headers()["content-type"]);
    });
    await openPlayground(page, playground.url);
    assert.deepEqual(await findingRows(page), []);
    assert.equal(await page.isVisible("#clean"), true);
    assert.match(await page.textContent("#clean"), /All clean\. 3 manifests and 3 tags/);
    assert.match(await page.textContent("#counts"), /0 errors.*0 warnings.*0 info/);
    assert.match(await page.textContent("#timing"), /^7 files checked in [\d.]+ ms$/);
    assert.match(await page.textContent("#version"), /^stacklint \d+\.\d+\.\d+/);
    assert.equal(await activeFile(page), PYTORCH_META);
    assert.deepEqual(await fileTabs(page), [
      "AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile",
      "AI/cann/meta.yml",
      "AI/image-list.yml",
      "AI/llm/chatglm3_6b-pytorch2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
      "AI/llm/meta.yml",
      "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
      PYTORCH_META,
    ]);
    assert.deepEqual(wasmRequests, ["application/wasm"]);
    await page.screenshot({ path: join(SCREENSHOTS, "light-clean.png") });
  });
});

test("typing a duplicate tag underlines it and lists it within a second; hover explains it", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await goToEnd(page);
    await page.keyboard.type(`${TAG}: {path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile}`);
    await page.waitForSelector('#findings li.finding[data-code="Y002"]', { timeout: 1000 });
    const row = (await findingRows(page)).find((r) => r.code === "Y002");
    assert.equal(row.location, `${PYTORCH_META}:3:1`);
    assert.ok(row.message.startsWith(`tag ${TAG} is declared 2 times`), row.message);
    assert.equal(await page.textContent('#findings li[data-code="Y002"] .message code'), TAG);
    assert.deepEqual(await underline(page, "Y002"), {
      text: TAG,
      line: 3,
      offsetInLine: 0,
      severityClass: "cm-lintRange-error",
    });
    assert.equal(await page.getAttribute('.file-tab[aria-selected="true"] .tab-count', "class"), "tab-count severity-error");

    await page.hover(".cm-lintRange.finding-mark-Y002");
    const card = await page.waitForSelector(".cm-tooltip .finding-card", { timeout: 2000 });
    const cardText = await card.textContent();
    assert.match(cardText, /^Y002 duplicate-tag/);
    assert.match(cardText, /declared 2 times/);
    assert.match(cardText, /help: /);
    assert.equal(
      await page.getAttribute(".cm-tooltip .finding-card a", "href"),
      "https://github.com/stacklint/stacklint/blob/main/docs/rules.md#y002",
    );
  });
});

test("pasting checks at once, without waiting for the typing pause", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    const checks = Number(await page.getAttribute("html", "data-checks"));
    await page.evaluate((text) => navigator.clipboard.writeText(text), `${TAG}: {path: x/22.03-lts-sp4/Dockerfile}\n`);
    await goToEnd(page);
    await page.keyboard.press("Control+V");
    // Read in the same breath as the paste: a debounced check would still be 200 ms away.
    assert.equal(Number(await page.getAttribute("html", "data-checks")), checks + 1);
    assert.ok((await findingRows(page)).some((row) => row.code === "Y002"));
  });
});

test("clicking a result opens its file and selects the finding's range", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await page.selectOption("#examples", "yaml");
    await page.waitForSelector('#findings li.finding[data-code="Y001"]');
    // The menu shows which example is loaded.
    assert.equal(await page.inputValue("#examples"), "yaml");

    await page.click('#findings li.finding[data-code="Y001"]');
    assert.equal(await activeFile(page), "AI/llm/meta.yml");
    // The cursor sits at the end of the selected range.
    assert.equal(await page.textContent("#cursor"), "Ln 2, Col 2");
    assert.equal(await page.evaluate(() => document.getSelection().toString()), "\t");

    await page.click('#findings li.finding[data-code="Y002"]');
    assert.equal(await activeFile(page), PYTORCH_META);
    assert.equal(await page.textContent("#cursor"), "Ln 3, Col 28");
    assert.equal(await page.evaluate(() => document.getSelection().toString()), TAG);
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains("cm-content")), true);

    // Loading an example made a history entry: Back returns to the clean stack.
    await page.goBack();
    await page.waitForSelector("#clean:not([hidden])");
    assert.equal((await fileTabs(page)).length, 7);
  });
});

test("adding the Dockerfile a manifest names clears its P001", async () => {
  const missing = "AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile";
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=paths");
    const before = await findingRows(page);
    const p001 = before.find((row) => row.code === "P001");
    assert.ok(p001, `P001 expected in ${JSON.stringify(before)}`);
    assert.match(p001.message, /24\.03-lts-sp1\/Dockerfile/);

    await page.fill("#new-path", missing);
    await page.click('#add-file button[type="submit"]');
    await page.waitForFunction(() => !document.querySelector('#findings li.finding[data-code="P001"]'));
    assert.equal(await activeFile(page), missing);
    assert.equal(await editorText(page), "ARG BASE=openeuler/openeuler:24.03-lts-sp1\nFROM ${BASE}\n");
    assert.equal(await page.inputValue("#new-path"), "");
    // The new file's template builds on the OS base image, so the parent rules may now speak
    // about its FROM; everything reported before, except the P001, must still be there.
    const after = (await findingRows(page)).map((row) => row.code);
    for (const code of before.map((row) => row.code).filter((code) => code !== "P001")) {
      assert.ok(after.includes(code), `${code} vanished: ${JSON.stringify(after)}`);
    }
    assert.ok(!after.includes("P001"));

    await page.fill("#new-path", missing);
    await page.click('#add-file button[type="submit"]');
    assert.match(await page.textContent("#file-error"), /already exists/);
    await page.fill("#new-path", "AI/../etc/passwd");
    await page.click('#add-file button[type="submit"]');
    assert.match(await page.textContent("#file-error"), /leave the repository/);
  });
});

test("renaming and deleting files changes what is checked", async () => {
  const dockerfile = "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile";
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await page.click(`.file-tab[data-path="${dockerfile}"]`);
    await page.fill("#active-path", "AI/pytorch/2.2.0-cann8.0.RC1/22.03-LTS-SP4/Dockerfile");
    await page.press("#active-path", "Enter");
    await page.waitForSelector('#findings li.finding[data-code="P001"]');
    assert.equal(await activeFile(page), "AI/pytorch/2.2.0-cann8.0.RC1/22.03-LTS-SP4/Dockerfile");

    await page.click("#delete-file");
    await page.waitForFunction(() => !document.querySelector('.file-tab[data-path$="22.03-LTS-SP4/Dockerfile"]'));
    assert.equal((await fileTabs(page)).length, 6);
    assert.ok((await findingRows(page)).some((row) => row.code === "P001"));
  });
});

test("a permalink and the Markdown report restore and describe the repository", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await goToEnd(page);
    await page.keyboard.type(`${TAG}: {path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile}`);
    await page.fill("#new-path", "AI/pytorch/README.md");
    await page.click('#add-file button[type="submit"]');
    await page.keyboard.type("# PyTorch 镜像 🐳");
    await page.waitForSelector('#findings li.finding[data-code="Y002"]');
    await page.click("#copy-link");
    await page.waitForSelector("#copy-status:has-text('Link copied')");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, page.url());
    assert.match(link, /#repo=/);
    await page.click("#copy-markdown");
    await page.waitForSelector("#copy-status:has-text('Markdown copied')");
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(markdown, /^## stacklint\n\n\*\*\d+ errors?, /);
    assert.ok(
      markdown.includes(
        `<a href="https://github.com/stacklint/stacklint/blob/main/docs/rules.md#y002"><code>Y002</code></a> duplicate-tag</td><td>${PYTORCH_META}:3</td>`,
      ),
      markdown,
    );
    assert.ok(markdown.includes(`\n[Reproduce in the playground](${link}) (stacklint `), markdown);
    assert.match(markdown, /\(stacklint \d+\.\d+\.\d+\)\.\n$/);
    const tabs = await fileTabs(page);
    const rows = await findingRows(page);
    const readme = await editorText(page);

    await withPage(async (restored) => {
      await openPlayground(restored, link);
      assert.deepEqual(await fileTabs(restored), tabs);
      assert.equal(await activeFile(restored), "AI/pytorch/README.md");
      assert.equal(await editorText(restored), readme);
      assert.deepEqual(await findingRows(restored), rows);
      await restored.click(`.file-tab[data-path="${PYTORCH_META}"]`);
      assert.equal((await underline(restored, "Y002")).line, 3);
    });
  });
});

test("non-ASCII text before a finding keeps underline, location and selection aligned", async () => {
  const key = '"镜像🐳𝄞-oe2203sp4"';
  const line = `{${key}: {path: a/22.03-lts-sp4/Dockerfile}, ${key}: {path: b/22.03-lts-sp4/Dockerfile}}`;
  const utf16 = line.indexOf(key, 1 + key.length);
  const column = [...line.slice(0, utf16)].length + 1;
  assert.notEqual(column, utf16 + 1, "the line must contain characters outside the BMP");
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await replaceText(page, `# 镜像清单 🐳\n${line}\n`);
    await page.waitForSelector('#findings li.finding[data-code="Y002"]');
    const row = (await findingRows(page)).find((r) => r.code === "Y002");
    assert.equal(row.location, `${PYTORCH_META}:2:${column}`);
    const mark = await underline(page, "Y002");
    assert.equal(mark.line, 2);
    assert.equal(mark.offsetInLine, utf16);
    assert.equal(mark.text, key);

    await page.click('#findings li.finding[data-code="Y002"]');
    assert.equal(await page.evaluate(() => document.getSelection().toString()), key);
    assert.equal(await page.textContent("#cursor"), `Ln 2, Col ${column + [...key].length}`);
  });
});

test("follows the dark preference and fits a phone; screenshots for review", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=paths");
    const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.screenshot({ path: join(SCREENSHOTS, "light-findings.png") });

    await page.emulateMedia({ colorScheme: "dark" });
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(darkBackground, lightBackground);
    const editorBackground = await page.evaluate(() => getComputedStyle(document.querySelector(".cm-editor")).backgroundColor);
    assert.notEqual(editorBackground, "rgb(255, 255, 255)");
    await page.screenshot({ path: join(SCREENSHOTS, "dark-findings.png") });
    await page.hover(".cm-lintRange.finding-mark-P001");
    await page.waitForSelector(".cm-tooltip .finding-card");
    await page.screenshot({ path: join(SCREENSHOTS, "dark-hover.png") });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, "dark-phone.png"), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone`);
    await page.emulateMedia({ colorScheme: "light" });
    await page.screenshot({ path: join(SCREENSHOTS, "light-phone.png"), fullPage: true });
  });
});
