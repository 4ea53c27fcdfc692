// Quick fixes in a real browser (Debian chromium, headless): a finding's fix from the hover
// card and from the findings list, unsafe ones marked with their reason, a fix in a file
// that is not open, a fix offered before the last keystroke was checked, "Fix all safe" on
// a repository with fixable findings in three files, undo (the page's bar and Ctrl+Z)
// back to the exact bytes, and the settings' fix kinds. Every fix is the real core's.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";

import { loadEngine } from "../../js/playground/engine.mjs";
import { findExample } from "../../js/playground/examples.mjs";
import { encodeFragment } from "../../js/playground/permalink.mjs";
import { SCREENSHOTS, usePlayground } from "./harness.mjs";
import { activeFile, checks, editorText, findingRows, openPlayground, repositoryFiles } from "./page.mjs";

const PYTORCH_META = "AI/pytorch/meta.yml";
const LIST = "AI/image-list.yml";
const LLM_META = "AI/llm/meta.yml";
const STACK = /** @type {import("../../js/playground/examples.mjs").Example} */ (findExample("stack")).files;

/**
 * The clean stack with five fixable findings in three files: R001 (llm not listed), A001
 * (`arm64`), C002 (a stale suppression), P003 (a path from the repository root) are safe;
 * T002 (`oe22.03sp4`) renames a tag, so it is unsafe. A comment in CJK and an emoji comes
 * before the edits: the core's byte offsets are not the page's string offsets there.
 */
const FIXABLE = {
  ...STACK,
  [LIST]: "images:\n  cann: cann\n  pytorch: pytorch\n",
  [LLM_META]: `${STACK[LLM_META]}  arch: arm64\n`,
  [PYTORCH_META]:
    "# 镜像 🐳 pytorch\n" +
    "2.2.0-cann8.0.RC1-oe2203sp4:  # stacklint: ignore[Y002]\n" +
    "  path: AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n" +
    "2.3.1-cann8.0.RC1-oe22.03sp4:\n" +
    "  path: 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n",
  "AI/pytorch/2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile": STACK["AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile"],
};

/** What each safe fix makes of its file. */
const FIXED = {
  P003: FIXABLE[PYTORCH_META].replace("path: AI/pytorch/2.2.0", "path: 2.2.0"),
  C002: FIXABLE[PYTORCH_META].replace("  # stacklint: ignore[Y002]", ""),
  T002: FIXABLE[PYTORCH_META].replace("oe22.03sp4:", "oe2203sp4:"),
  R001: "images:\n  cann: cann\n  llm: llm\n  pytorch: pytorch\n",
  A001: FIXABLE[LLM_META].replace("arm64", "aarch64"),
};

const P003_FIX = "write path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile";
const T002_FIX = "rename the tag to 2.3.1-cann8.0.RC1-oe2203sp4 (unsafe: renames tag 2.3.1-cann8.0.RC1-oe22.03sp4)";

const playground = usePlayground();
const { withPage } = playground;

/** @param {import("playwright-core").Page} page */
const openFixable = (page, active = PYTORCH_META) => openPlayground(page, playground.url, encodeFragment(FIXABLE, active));

/** @param {import("playwright-core").Page} page @param {string} code */
const gone = (page, code) => page.waitForFunction((c) => !document.querySelector(`#findings li.finding[data-code="${c}"]`), code);

/** The hover card of rule `code`'s underline, once open. */
async function hoverCard(page, code) {
  await page.hover(`.cm-lintRange.finding-mark-${code}`);
  return page.waitForSelector(`.cm-tooltip:has(.finding-card[data-code="${code}"])`);
}

test("a safe fix from the hover card: the finding goes, the file is exactly the fixed text; the undo bar and Ctrl+Z restore every byte", async () => {
  await withPage(async (page) => {
    await openFixable(page);
    const card = await hoverCard(page, "P003");
    const button = await card.waitForSelector(`.actions button:has-text("${P003_FIX}")`);
    assert.equal(await button.textContent(), P003_FIX);
    assert.equal(await button.getAttribute("class"), "action-safe");
    await page.screenshot({ path: join(SCREENSHOTS, "fixes-hover.png") });
    await button.click();
    await gone(page, "P003");
    // The card closes with the edit: no stale button is left to click.
    assert.equal(await button.isVisible(), false);
    assert.deepEqual(await repositoryFiles(page), { ...FIXABLE, [PYTORCH_META]: FIXED.P003 });
    assert.equal(await activeFile(page), PYTORCH_META);
    assert.equal(await page.textContent("#undo-text"), `Fixed P003: write \`path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\`.`);

    await page.click("#undo");
    await page.waitForSelector('#findings li.finding[data-code="P003"]');
    assert.deepEqual(await repositoryFiles(page), FIXABLE);
    assert.equal(await page.isHidden("#undo-bar"), true);

    // The fix is a step of the file's own history too.
    await (await (await hoverCard(page, "P003")).waitForSelector(`.actions button:has-text("${P003_FIX}")`)).click();
    await gone(page, "P003");
    await page.click(".cm-content");
    const before = await checks(page);
    await page.keyboard.press("Control+z");
    await page.waitForFunction((n) => Number(document.documentElement.dataset.checks) > n, before);
    await page.waitForSelector('#findings li.finding[data-code="P003"]');
    assert.deepEqual(await repositoryFiles(page), FIXABLE);
  });
});

test("a safe fix from the findings list in a file that is not open (R001 in the image list): it opens that file, fixed; undo", async () => {
  await withPage(async (page) => {
    await openFixable(page, LLM_META);
    const button = await page.waitForSelector('#findings li.finding[data-code="R001"] .actions button');
    assert.equal(await button.textContent(), "add llm: llm to AI/image-list.yml");
    await button.click();
    await gone(page, "R001");
    assert.equal(await activeFile(page), LIST);
    assert.equal(await editorText(page), FIXED.R001);
    assert.deepEqual(await repositoryFiles(page), { ...FIXABLE, [LIST]: FIXED.R001 });
    assert.equal(await page.textContent("#undo-text"), "Fixed R001: add `llm: llm` to `AI/image-list.yml`.");
    await page.click("#undo");
    await page.waitForSelector('#findings li.finding[data-code="R001"]');
    assert.deepEqual(await repositoryFiles(page), FIXABLE);
  });
});

test("an unsafe fix is marked, saying why (a tag rename, a guess), in the list and the hover card; applying it renames the tag; P001 offers its guess beside creating the file", async () => {
  await withPage(async (page) => {
    await openFixable(page);
    const inList = await page.waitForSelector('#findings li.finding[data-code="T002"] .actions button');
    assert.equal(await inList.textContent(), T002_FIX);
    assert.equal(await inList.getAttribute("class"), "action-unsafe");
    // Marked apart from the safe buttons by more than its words.
    const safe = await page.$eval('#findings li.finding[data-code="P003"] .actions button', (b) => getComputedStyle(b).borderStyle);
    assert.equal(await inList.evaluate((b) => getComputedStyle(b).borderStyle), "dashed");
    assert.notEqual(safe, "dashed");

    const card = await hoverCard(page, "T002");
    const inCard = await card.waitForSelector(".actions button.action-unsafe");
    assert.equal(await inCard.textContent(), T002_FIX);
    await inCard.click();
    await gone(page, "T002");
    assert.deepEqual(await repositoryFiles(page), { ...FIXABLE, [PYTORCH_META]: FIXED.T002 });
  });

  // P001 with one Dockerfile near the name it misspells: its guess beside creating the file.
  await withPage(async (page) => {
    const files = {
      "Others/image-list.yml": "images:\n  app: app\n",
      "Others/app/meta.yml": "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfil\n",
      "Others/app/1.0/24.03-lts/Dockerfile": "FROM openeuler/openeuler:24.03-lts\n",
    };
    await openPlayground(page, playground.url, encodeFragment(files, "Others/app/meta.yml"));
    const buttons = await page.$$eval('#findings li.finding[data-code="P001"] .actions button', (all) =>
      all.map((b) => [b.textContent, b.className]),
    );
    assert.deepEqual(buttons, [
      ["write path: 1.0/24.03-lts/Dockerfile (unsafe: a guess, review it)", "action-unsafe"],
      ["Create this file", "action-safe"],
    ]);
    await page.click('#findings li.finding[data-code="P001"] .actions button.action-unsafe');
    await gone(page, "P001");
    assert.deepEqual(await repositoryFiles(page), { ...files, "Others/app/meta.yml": "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n" });
  });

  // A guess: L006 suggests the newest release of a floating base.
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=parents");
    const button = await page.waitForSelector('#findings li.finding[data-code="L006"] .actions button');
    assert.equal(await button.textContent(), "build on openeuler/openeuler:22.03-lts-sp4 (unsafe: a guess, review it)");
    assert.equal(await button.getAttribute("class"), "action-unsafe");
  });
});

test("a fix clicked before the last keystroke was checked applies to the text as it is now", async () => {
  await withPage(async (page) => {
    await openFixable(page);
    await page.click(".cm-content");
    await page.keyboard.press("Control+Home");
    const before = await checks(page);
    // One keystroke at the top (the comment stays a comment) moves every byte offset of the
    // last check by one, and the check waits for a pause in typing: the list still offers
    // the fix from before it.
    await page.keyboard.type("#");
    const stale = await page.evaluate((n) => {
      const unchecked = Number(document.documentElement.dataset.checks) === n;
      /** @type {HTMLButtonElement} */ (document.querySelector('#findings li.finding[data-code="P003"] .actions button')).click();
      return unchecked;
    }, before);
    assert.ok(stale, "the keystroke was checked before the click: this test did not click a stale fix");
    await gone(page, "P003");
    assert.deepEqual(await repositoryFiles(page), { ...FIXABLE, [PYTORCH_META]: `#${FIXED.P003}` });
  });
});

test("Fix all safe applies the safe fixes of three files as one undoable edit and says what it did in the CLI's words", async () => {
  await withPage(async (page) => {
    await openFixable(page);
    const codes = (await findingRows(page)).map((row) => row.code).sort();
    assert.deepEqual(codes, ["A001", "C002", "P003", "R001", "T002"]);
    await page.click("#fix-all");
    await page.waitForFunction(() => document.querySelectorAll("#findings li.finding").length === 1);
    assert.deepEqual((await findingRows(page)).map((row) => row.code), ["T002"]);
    assert.equal(
      await page.textContent("#undo-text"),
      "4 fixes applied (A001 ×1, C002 ×1, P003 ×1, R001 ×1). 1 unsafe fix left to review one by one in the findings.",
    );
    const both = FIXED.C002.replace("path: AI/pytorch/2.2.0", "path: 2.2.0");
    assert.deepEqual(await repositoryFiles(page), { ...FIXABLE, [PYTORCH_META]: both, [LIST]: FIXED.R001, [LLM_META]: FIXED.A001 });
    assert.equal(await editorText(page), both);
    await page.screenshot({ path: join(SCREENSHOTS, "fixes-fix-all.png") });

    // Nothing left that is safe: it says so and changes nothing.
    await page.click("#fix-all");
    assert.equal(await page.textContent("#copy-status"), "No safe fixes to apply. 1 unsafe fix left to review one by one in the findings.");
    assert.equal(await page.textContent("#undo-text"), "4 fixes applied (A001 ×1, C002 ×1, P003 ×1, R001 ×1). 1 unsafe fix left to review one by one in the findings.");

    // One step back restores all three files.
    await page.click("#undo");
    await page.waitForFunction(() => document.querySelectorAll("#findings li.finding").length === 5);
    assert.deepEqual(await repositoryFiles(page), FIXABLE);
    assert.equal(await page.isHidden("#undo-bar"), true);
  });

  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=stack");
    await page.click("#fix-all");
    assert.equal(await page.textContent("#copy-status"), "No safe fixes to apply.");
    assert.equal(await page.isHidden("#undo-bar"), true);
  });
});

test("the settings' rule list shows each rule's fix kind as the core declares it", async () => {
  const engine = await loadEngine(await readFile(new URL("../../pkg/stacklint_bg.wasm", import.meta.url)));
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await page.click("#view-settings");
    assert.deepEqual(await page.$$eval(".settings-table thead th", (ths) => ths.map((th) => th.textContent)), [
      "On",
      "Rule",
      "Name",
      "Default",
      "Severity",
      "Fix",
    ]);
    const shown = await page.$$eval("#rule-settings tr", (rows) => rows.map((row) => [row.dataset.code, row.lastElementChild?.textContent]));
    assert.deepEqual(shown, engine.rules.map((rule) => [rule.code, rule.fix]));
    const kinds = new Map(shown);
    assert.deepEqual([kinds.get("A001"), kinds.get("T002"), kinds.get("Y002")], ["safe", "unsafe", "none"]);
  });
});
