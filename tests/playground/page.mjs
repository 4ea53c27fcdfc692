// What the browser tests read from and do to the playground page, in the user's terms.
import assert from "node:assert/strict";

import { decodeFragment } from "../../js/playground/permalink.mjs";

/**
 * Runs `body` on a fresh page of `context`, fails if the page logged an error (other than
 * the `expected` ones), and always closes it.
 */
export async function withPage(context, body, { viewport, expected = [] } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  try {
    await body(page);
    const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
    assert.deepEqual(unexpected, [], "the page logged errors");
  } finally {
    await page.close();
  }
}

/** Opens the page (optionally at a fragment) and waits until the first check is drawn. */
export async function openPlayground(page, url, fragment = "") {
  await page.goto(`${url}${fragment}`);
  await page.waitForSelector("html[data-ready=true]");
}

/** The results panel's rows as `{code, location, message}`. */
export function findingRows(page) {
  return page.$$eval("#findings li.finding", (rows) =>
    rows.map((row) => ({
      code: row.dataset.code,
      location: row.querySelector(".finding-head .location").textContent,
      message: row.querySelector(".message").textContent,
    })),
  );
}

export function activeFile(page) {
  return page.$eval('.file-tab[aria-selected="true"]', (tab) => tab.dataset.path);
}

export function fileTabs(page) {
  return page.$$eval(".file-tab", (tabs) => tabs.map((tab) => tab.dataset.path));
}

/**
 * Every file of the page's repository, byte for byte, read from the permalink "Copy link"
 * puts in the address bar (the page's own record of the repository).
 */
export async function repositoryFiles(page) {
  await page.click("#copy-link");
  const request = decodeFragment(new URL(page.url()).hash);
  assert.equal(request.kind, "repo", `the address is no repository link: ${page.url()}`);
  return request.files;
}

export function editorText(page) {
  return page.$$eval(".cm-content > .cm-line", (lines) => lines.map((line) => line.textContent).join("\n"));
}

/**
 * The underline drawn for rule `code`: its text, its 1-based editor line, and where it starts
 * in that line in UTF-16 units, measured in the DOM (independent of the page's own mapping).
 */
export function underline(page, code) {
  return page.$$eval(`.cm-lintRange.finding-mark-${code}`, (marks) => {
    if (marks.length === 0) return null;
    const line = marks[0].closest(".cm-line");
    const before = document.createRange();
    before.setStart(line, 0);
    before.setEndBefore(marks[0]);
    const lines = [...document.querySelectorAll(".cm-content > .cm-line")];
    return {
      text: marks.map((mark) => mark.textContent).join(""),
      line: lines.indexOf(line) + 1,
      offsetInLine: before.toString().length,
      severityClass: [...marks[0].classList].find((name) => name.startsWith("cm-lintRange-")),
    };
  });
}

/** Moves the cursor to the end of the active file. */
export async function goToEnd(page) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+End");
}

/** Replaces the whole active file with `text`, as a paste would. */
export async function replaceText(page, text) {
  await page.click(".cm-content");
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/**
 * The colour the page shows at viewport point (x, y), as `[r, g, b]`: a one-pixel screenshot
 * decoded by the browser itself, so the test sees what a person sees.
 */
export async function colourAt(page, x, y) {
  const png = await page.screenshot({ clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 } });
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext("2d");
    context.drawImage(bitmap, 0, 0);
    return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
  }, png.toString("base64"));
}

/** Waits until the page has run `count` more checks than `before`. */
export async function checkedAfter(page, before, count = 1) {
  await page.waitForFunction((n) => Number(document.documentElement.dataset.checks) >= n, before + count);
}

export async function checks(page) {
  return Number(await page.getAttribute("html", "data-checks"));
}

/** A `meta.yml` of `count` entries, each with its Dockerfile, as files of an image folder. */
export function bigImage(count, { folder = "Others/app", broken = 0 } = {}) {
  const files = { "Others/image-list.yml": "images:\n  app: app\n" };
  let meta = "";
  for (let i = 0; i < count; i += 1) {
    const version = `1.${i}`;
    // Every `broken`-th entry names a Dockerfile that is not there (P001).
    const missing = broken > 0 && i % broken === 0;
    meta += `${version}-oe2403lts:\n  path: ${version}/24.03-lts/Dockerfile\n`;
    if (!missing) files[`${folder}/${version}/24.03-lts/Dockerfile`] = "FROM openeuler/openeuler:24.03-lts\n";
  }
  files[`${folder}/meta.yml`] = meta;
  return files;
}
