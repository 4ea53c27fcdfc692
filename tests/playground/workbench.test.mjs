// The playground as a workbench, in a real browser (Debian chromium, headless): the panels stay
// in the viewport, the findings filter, the page's own edits are undoable, the stack graph,
// the settings bound to .stacklint.toml, and URL import from a loopback Git host. Each test is
// the one that would have caught a defect of issue 11, or proves one of its features.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";

import { encodeFragment } from "../../js/playground/permalink.mjs";
import { FIXTURES, serveRepository } from "./fixture-host.mjs";
import { SCREENSHOTS, usePlayground } from "./harness.mjs";
import {
  activeFile,
  bigImage,
  checkedAfter,
  checks,
  colourAt,
  editorText,
  fileTabs,
  findingRows,
  goToEnd,
  openPlayground,
} from "./page.mjs";

const PYTORCH_META = "AI/pytorch/meta.yml";

const playground = usePlayground();
const { withPage } = playground;

/** The permalink fragment of a repository. */
const linkTo = (files, active) => encodeFragment(files, active);

test("defect 1: a 300-entry meta.yml keeps the page in the viewport; each panel scrolls on its own; findings filter", async () => {
  const files = bigImage(300, { broken: 3 });
  await withPage(async (page) => {
    await openPlayground(page, playground.url, linkTo(files, "Others/app/meta.yml"));
    const size = await page.evaluate(() => ({
      page: document.documentElement.scrollHeight,
      viewport: innerHeight,
      list: [document.querySelector(".results-body").scrollHeight, document.querySelector(".results-body").clientHeight],
      editor: [document.querySelector(".cm-scroller").scrollHeight, document.querySelector(".cm-scroller").clientHeight],
    }));
    assert.ok(size.page <= size.viewport, `the page is ${size.page}px tall in a ${size.viewport}px window`);
    assert.ok(size.list[0] > size.list[1] * 3, `the findings scroll inside their panel: ${size.list}`);
    assert.ok(size.editor[0] > size.editor[1] * 3, `the editor scrolls inside its panel: ${size.editor}`);
    // Scrolled to the bottom, the counts and filters are still on screen.
    await page.$eval(".results-body", (body) => body.scrollTo(0, body.scrollHeight));
    const head = await page.$eval(".results-head", (el) => el.getBoundingClientRect().top);
    assert.ok(head >= 0 && head < 200, `findings head at ${head}`);
    assert.match(await page.textContent("#counts"), /100 errors/);

    const total = (await findingRows(page)).length;
    await page.uncheck('#filters input[value="error"]');
    const warningsOnly = await findingRows(page);
    assert.ok(warningsOnly.length < total);
    assert.ok(warningsOnly.every((row) => row.code !== "P001"));
    assert.match(await page.textContent("#shown"), new RegExp(`showing ${warningsOnly.length} of ${total}`));
    await page.check('#filters input[value="error"]');
    await page.selectOption("#filter-rule", "P001");
    const p001 = await findingRows(page);
    assert.equal(p001.length, 100);
    assert.ok(p001.every((row) => row.code === "P001"));
    await page.selectOption("#filter-rule", "");
    await page.click('.file-tab[data-path="Others/image-list.yml"]');
    await page.selectOption("#filter-file", "@active");
    assert.deepEqual(await findingRows(page), []);
    await page.click('.file-tab[data-path="Others/app/meta.yml"]');
    assert.equal((await findingRows(page)).length, total);
    await page.screenshot({ path: join(SCREENSHOTS, "workbench-300-entries.png") });
  });
});

test("defect 2: the range a result selects is visible over the active line", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=yaml");
    await page.click('#findings li.finding[data-code="Y002"]');
    const tag = "2.2.0-cann8.0.RC1-oe2203sp4";
    assert.equal(await page.evaluate(() => document.getSelection().toString()), tag);
    // The selected text's background against the same line past its end.
    const spots = await page.evaluate(() => {
      const range = document.getSelection().getRangeAt(0).getBoundingClientRect();
      const line = document.querySelector(".cm-activeLine").getBoundingClientRect();
      return { selected: [range.left + 3, range.top + 2], rest: [line.right - 12, range.top + 2] };
    });
    const selected = await colourAt(page, ...spots.selected);
    const rest = await colourAt(page, ...spots.rest);
    const difference = selected.reduce((sum, value, i) => sum + Math.abs(value - rest[i]), 0);
    assert.ok(difference > 60, `selection ${selected} looks like the active line ${rest}`);
  });
});

test("defect 3: a path as the help writes it lands in the image folder; P001 creates its file, seeded from the implied parent; undo", async () => {
  const missing = "AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile";
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=paths");
    await page.fill("#new-path", "2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile");
    assert.match(await page.textContent("#new-path-preview"), new RegExp(`creates ${missing.replace(/\./g, "\\.")} \\(in the image folder AI/pytorch/`));
    await page.click('#add-file button[type="submit"]');
    await page.waitForFunction(() => !document.querySelector('#findings li.finding[data-code="P001"]'));
    assert.equal(await activeFile(page), missing);
    await page.click("#undo");
    await page.waitForSelector('#findings li.finding[data-code="P001"]');
    assert.ok(!(await fileTabs(page)).includes(missing));

    // The finding's own action: in the list, and in the hover card.
    await page.click('#findings li.finding[data-code="P001"] .actions button');
    await page.waitForFunction(() => !document.querySelector('#findings li.finding[data-code="P001"]'));
    assert.equal(await activeFile(page), missing);
    // pytorch 2.2.0 on cann 8.0.RC1 for 24.03 LTS SP1: its tag implies the cann layer.
    assert.equal(await editorText(page), "ARG BASE=openeuler/cann:8.0.RC1-oe2403sp1\nFROM ${BASE}\n");
    assert.match(await page.textContent("#undo-text"), /Created AI\/pytorch\/2\.2\.0-cann8\.0\.RC1\/24\.03-lts-sp1\/Dockerfile/);
    await page.click("#undo");
    await page.waitForSelector('#findings li.finding[data-code="P001"]');
    await page.click(`.file-tab[data-path="${PYTORCH_META}"]`);
    await page.hover(".cm-lintRange.finding-mark-P001");
    await page.click(".cm-tooltip .actions button");
    await page.waitForFunction((path) => document.querySelector('.file-tab[aria-selected="true"]')?.dataset.path === path, missing);
  });
});

test("defect 4: Enter after a tag indents, and a path: in column 1 gets one finding saying to indent it", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url);
    await goToEnd(page);
    await page.keyboard.type("2.3.1-cann8.0.RC1-oe2203sp4:");
    await page.keyboard.press("Enter");
    await page.keyboard.type("path: 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile");
    const lines = (await editorText(page)).split("\n");
    assert.deepEqual(lines.slice(-2), ["2.3.1-cann8.0.RC1-oe2203sp4:", "  path: 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile"]);

    // Typed without the indentation: one finding, and it gives the real fix.
    const before = await checks(page);
    // Home goes to the end of the indentation first, then to the start of the line.
    await page.keyboard.press("Home");
    await page.keyboard.press("Home");
    assert.match(await page.textContent("#cursor"), /, Col 1$/);
    await page.keyboard.press("Delete");
    await page.keyboard.press("Delete");
    await checkedAfter(page, before);
    await page.waitForSelector('#findings li.finding[data-code="Y004"]');
    const rows = (await findingRows(page)).filter((row) => row.location.startsWith(PYTORCH_META));
    assert.equal(rows.length, 1, JSON.stringify(rows));
    assert.match(rows[0].message, /^path: is not indented under tag 2\.3\.1-cann8\.0\.RC1-oe2203sp4/);
    assert.match(await page.textContent('#findings li.finding[data-code="Y004"] .help'), /help: indent this line under 2\.3\.1-cann8\.0\.RC1-oe2203sp4:/);
    // The help's YAML is shown as written, indentation kept.
    assert.equal(
      await page.textContent('#findings li.finding[data-code="Y004"] pre.snippet'),
      "2.3.1-cann8.0.RC1-oe2203sp4:\n  path: 2.3.1-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
    );
  });
});

test("defect 5: description, empty repository, delete undo, examples menu, long paths, hover card placement, Markdown", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=stack");
    assert.match(await page.textContent("#example-description"), /No findings\./);
    assert.equal(await page.inputValue("#examples"), "stack");
    await goToEnd(page);
    await page.keyboard.type("x");
    await page.waitForSelector('#findings li.finding');
    assert.equal(await page.textContent("#example-description"), "Edited from the example “Clean AI stack: cann → pytorch → llm”.");

    // Delete, then undo: the file is back with its text.
    const text = await editorText(page);
    await page.click("#delete-file");
    await page.waitForFunction((path) => !document.querySelector(`.file-tab[data-path="${path}"]`), PYTORCH_META);
    assert.equal(await page.textContent("#undo-text"), `Deleted ${PYTORCH_META}.`);
    await page.click("#undo");
    await page.waitForSelector(`.file-tab[data-path="${PYTORCH_META}"]`);
    assert.equal(await activeFile(page), PYTORCH_META);
    assert.equal(await editorText(page), text);
    assert.equal(await page.isHidden("#undo-bar"), true);
  });

  await withPage(async (page) => {
    await openPlayground(page, playground.url, linkTo({ "README.md": "# notes\n" }, "README.md"));
    assert.match(await page.textContent("#clean"), /^Nothing to check yet\. The repository has no meta\.yml/);
  });

  // The hover card opens below the line it explains.
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=yaml");
    await page.click(`.file-tab[data-path="${PYTORCH_META}"]`);
    await page.hover(".cm-lintRange.finding-mark-Y002");
    const card = await page.waitForSelector(".cm-tooltip .finding-card");
    const cardTop = (await card.boundingBox()).y;
    const mark = await (await page.$(".cm-lintRange.finding-mark-Y002")).boundingBox();
    assert.ok(cardTop >= mark.y + mark.height - 1, `card at ${cardTop}, line ends at ${mark.y + mark.height}`);
  });

  // On a phone, a long path keeps its OS folder and file name in view.
  await withPage(
    async (page) => {
      await openPlayground(page, playground.url, "#example=stack");
      const tab = ".file-tab[data-path='AI/llm/chatglm3_6b-pytorch2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile']";
      const visible = await page.$eval(tab, (button) => {
        const box = button.getBoundingClientRect();
        const text = button.querySelector(".tab-dir").firstChild;
        const range = document.createRange();
        const at = text.textContent.indexOf("22.03-lts-sp4");
        range.setStart(text, at);
        range.setEnd(text, at + "22.03-lts-sp4".length);
        const inside = (rect) => rect.left >= box.left && rect.right <= box.right + 0.5 && rect.bottom <= box.bottom + 0.5;
        const os = [...range.getClientRects()];
        const image = document.createRange();
        image.setStart(text, 0);
        image.setEnd(text, "AI/llm/".length);
        return {
          image: [...image.getClientRects()].every(inside),
          os: os.length > 0 && os.every(inside),
          name: inside(button.querySelector(".tab-name").getBoundingClientRect()),
          page: document.documentElement.scrollWidth <= innerWidth,
        };
      });
      assert.deepEqual(visible, { image: true, os: true, name: true, page: true });
    },
    { viewport: { width: 390, height: 844 } },
  );

  // Copy as Markdown: placeholders escaped for GitHub, every file in a collapsed section.
  await withPage(async (page) => {
    await openPlayground(page, playground.url, linkTo({ "AI/x/meta.yml": "1.0-oe2403lts: [a]\n" }, "AI/x/meta.yml"));
    await page.click("#copy-markdown");
    await page.waitForSelector("#copy-status:has-text('Markdown copied')");
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    assert.ok(markdown.includes("path: 1.0/24.03-lts/Dockerfile</pre>"), markdown);
    assert.ok(markdown.includes("<details><summary><code>AI/x/meta.yml</code></summary>\n\n```yaml\n1.0-oe2403lts: [a]\n```\n\n</details>"), markdown);
  });
  await withPage(async (page) => {
    await openPlayground(page, playground.url, linkTo({ "AI/x/meta.yml": "latest: x\n" }, "AI/x/meta.yml"));
    await page.click("#copy-markdown");
    await page.waitForSelector("#copy-status:has-text('Markdown copied')");
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    // GitHub shows `&lt;version&gt;` as <version>: the core escaped it, nothing is lost.
    assert.ok(markdown.includes("<pre>latest:<br>  path: &lt;version&gt;/&lt;os-release&gt;/Dockerfile</pre>"), markdown);
  });
});

test("settings: the rule list toggles rules in .stacklint.toml, whose C001 findings show inline; it travels in the link", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=parents");
    await page.waitForSelector('#findings li.finding[data-code="L006"]');
    await page.click("#view-settings");
    assert.match(await page.textContent("#settings-summary"), /No \.stacklint\.toml/);
    const rows = await page.$$eval("#rule-settings tr", (trs) => trs.map((tr) => tr.dataset.code));
    assert.ok(rows.includes("L006") && rows.includes("Y001") && rows.length > 30, rows.join());
    assert.match(await page.textContent('#rule-settings tr[data-code="L006"]'), /floating-base.*warning/);

    await page.uncheck('#rule-settings tr[data-code="L006"] input[type="checkbox"]');
    await page.waitForFunction(() => !document.querySelector('#findings li.finding[data-code="L006"]'));
    assert.ok((await fileTabs(page)).includes(".stacklint.toml"));
    assert.equal(await page.isChecked('#rule-settings tr[data-code="L006"] input[type="checkbox"]'), false);
    await page.selectOption('#rule-settings tr[data-code="L003"] select', "warning");
    await page.waitForSelector('#findings li.finding.severity-warning[data-code="L003"]');

    await page.click("#open-config");
    assert.equal(await activeFile(page), ".stacklint.toml");
    assert.match(await editorText(page), /\[severity\]\nL006 = "off"\nL003 = "warning"\n$/);
    // Undo through the editor's own history (Ctrl+Z) and through the page's bar.
    await page.click("#undo");
    await page.waitForSelector('#findings li.finding.severity-error[data-code="L003"]');

    // A mistake in the file is a C001 finding in the editor.
    const before = await checks(page);
    await goToEnd(page);
    await page.keyboard.type("\nL999 = \"off\"");
    await checkedAfter(page, before);
    await page.waitForSelector(".cm-lintRange.finding-mark-C001");
    await page.click("#copy-link");
    const link = page.url();
    assert.match(link, /#repo=/);

    await withPage(async (restored) => {
      await openPlayground(restored, link);
      assert.ok((await fileTabs(restored)).includes(".stacklint.toml"));
      assert.ok(!(await findingRows(restored)).some((row) => row.code === "L006"));
      assert.ok((await findingRows(restored)).some((row) => row.code === "C001"));
    });
  });
});

test("URL import: a tree URL of an image folder loads its meta.yml, Dockerfiles and image list from the host; failures are explained; nothing else is fetched", async () => {
  const host = await serveRepository(join(FIXTURES, "stack-clean", "repo"));
  try {
    await withPage(async (page) => {
      const requests = [];
      page.on("request", (request) => requests.push(request.url()));
      await openPlayground(page, playground.url, `?u=${encodeURIComponent(host.tree("AI/pytorch"))}`);
      assert.deepEqual((await fileTabs(page)).sort(), [
        "AI/image-list.yml",
        "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
        "AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile",
        "AI/pytorch/meta.yml",
      ]);
      assert.equal(await activeFile(page), "AI/pytorch/meta.yml");
      assert.match(await page.textContent("#example-description"), /^Imported from http:\/\/127\.0\.0\.1:\d+\/acme\/images\/tree\/main\/AI\/pytorch\. Only AI\/pytorch and its scene's image-list\.yml were read/);
      assert.equal(await page.isHidden("#notice"), true);
      // The address is a permalink again: reloading keeps what is on screen, not the import.
      assert.doesNotMatch(page.url(), /\?u=/);
      assert.match(await page.textContent("footer"), /The only network access this page makes beyond loading itself is URL import/);
      const elsewhere = requests.filter((url) => /^https?:/.test(url) && !url.startsWith(playground.url) && !url.startsWith(host.origin));
      assert.deepEqual(elsewhere, []);
      assert.deepEqual(
        host.requests.sort(),
        [
          "/acme/images/raw/main/AI/image-list.yml",
          "/acme/images/raw/main/AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
          "/acme/images/raw/main/AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts-sp1/Dockerfile",
          "/acme/images/raw/main/AI/pytorch/meta.yml",
        ],
      );

      // The box on the page, with a folder that has no meta.yml.
      await page.fill("#import-url", host.tree("AI/nothing"));
      await page.click('#import button[type="submit"]');
      await page.waitForSelector("#notice:has-text('Could not import')");
      assert.match(await page.textContent("#notice"), /does not exist \(404\).*is AI\/nothing an image folder/);
      assert.equal(await activeFile(page), "AI/pytorch/meta.yml");
      await page.fill("#import-url", "not a url");
      await page.click('#import button[type="submit"]');
      assert.match(await page.textContent("#notice"), /not a URL/);
    }, { expected: [/status of 404/] });
  } finally {
    await host.close();
  }
});

test("the stack graph draws the core's graph by layer, coloured by the worst finding; a click opens the meta.yml entry", async () => {
  await withPage(async (page) => {
    await openPlayground(page, playground.url, "#example=parents");
    await page.click("#view-graph");
    await page.waitForSelector("#graph svg");
    const titles = await page.$$eval(".graph-column-title", (texts) => texts.map((t) => t.textContent));
    assert.deepEqual(titles, ["outside the repository", "SDK", "framework", "LLM / application"]);
    const node = (image) => `.graph-node[data-image="${image}"]`;
    // llm builds on a pytorch tag no meta.yml declares (L003): an error, and a broken parent.
    assert.equal(await page.getAttribute(node("openeuler/llm:chatglm3_6b-pytorch2.2.0-cann8.0.RC1-oe2203sp4"), "data-severity"), "error");
    assert.equal(await page.getAttribute(node("openeuler/pytorch:2.1.0-cann8.0.RC1-oe2203sp4"), "data-kind"), "dangling");
    // cann builds on the floating openeuler/openeuler:22.03 (L006, a warning).
    assert.equal(await page.getAttribute(node("openeuler/cann:8.0.RC1-oe2203sp4"), "data-severity"), "warning");
    assert.equal(await page.getAttribute(node("openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4"), "data-severity"), "none");
    assert.match(await page.textContent("#graph-summary"), /^3 images, drawn in \d+ ms$/);
    await page.screenshot({ path: join(SCREENSHOTS, "workbench-graph.png") });

    await page.click(node("openeuler/cann:8.0.RC1-oe2203sp4"));
    assert.equal(await page.isVisible("#editor-view"), true);
    assert.equal(await activeFile(page), "AI/cann/meta.yml");
    assert.equal(await page.evaluate(() => document.getSelection().toString()), "8.0.RC1-oe2203sp4");
  });
});

test("the theme toggle overrides the system preference and is remembered", async () => {
  await withPage(async (page) => {
    await page.emulateMedia({ colorScheme: "light" });
    await openPlayground(page, playground.url);
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.click("#theme");
    assert.equal(await page.textContent("#theme"), "Theme: light");
    await page.click("#theme");
    assert.equal(await page.textContent("#theme"), "Theme: dark");
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.notEqual(dark, light);
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    assert.equal(await page.getAttribute("html", "data-theme"), "dark");
    await page.click("#theme");
    assert.equal(await page.textContent("#theme"), "Theme: system");
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), light);
  });
});
