// @ts-check
// The playground page: wires the virtual repository, the editor, the core and the panels.
import { copyText } from "./clipboard.mjs";
import { FileEditor } from "./editor.mjs";
import { loadEngine } from "./engine.mjs";
import { DEFAULT_EXAMPLE, EXAMPLES, findExample } from "./examples.mjs";
import { createFilesPanel } from "./files-panel.mjs";
import { withReproduction } from "./markdown.mjs";
import { decodeFragment, encodeFragment, exampleFragment } from "./permalink.mjs";
import { VirtualRepo } from "./repo.mjs";
import { renderFailure, renderResults } from "./results.mjs";
import { createScheduler } from "./scheduler.mjs";
import { newFileText } from "./templates.mjs";

const CHECK_DELAY_MS = 200;

/**
 * An element of the page; index.html has every id the script asks for.
 * @param {string} id
 */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @typedef {object} App
 * @property {VirtualRepo} repo
 * @property {string | null} active the path in the editor
 * @property {import("./engine.mjs").Engine | null} engine null until the core is loaded
 * @property {import("./results.mjs").CheckResult | null} last
 * @property {Map<string, import("../../pkg/stacklint.js").Diagnostic[]>} findingsByPath
 * @property {string} fragment
 * @property {number} checks
 */

/** @type {App} */
const app = {
  repo: new VirtualRepo(),
  active: null,
  engine: null,
  /** The last successful check: {report, ms, fileCount}. */
  last: null,
  findingsByPath: new Map(),
  /** The fragment this page wrote last, to tell our own history entries from the user's. */
  fragment: "",
  checks: 0,
};

const results = { counts: $("counts"), timing: $("timing"), list: $("findings"), clean: $("clean") };

const editor = new FileEditor($("editor"), {
  onEdit(path, text, pasted) {
    app.repo.write(path, text);
    // A check dispatches into the editor, which is not allowed while it is still updating.
    if (pasted) queueMicrotask(() => scheduler.now());
    else scheduler.soon();
  },
  onCursor({ line, column }) {
    $("cursor").textContent = `Ln ${line}, Col ${column}`;
  },
});

const scheduler = createScheduler(runCheck, CHECK_DELAY_MS);

const filesPanel = createFilesPanel(
  {
    tabs: $("file-tabs"),
    addForm: /** @type {HTMLFormElement} */ ($("add-file")),
    newPath: /** @type {HTMLInputElement} */ ($("new-path")),
    renameForm: /** @type {HTMLFormElement} */ ($("rename-file")),
    activePath: /** @type {HTMLInputElement} */ ($("active-path")),
    deleteButton: /** @type {HTMLButtonElement} */ ($("delete-file")),
    error: $("file-error"),
  },
  {
    select: (path) => openFile(path),
    add(path) {
      app.repo.add(path, newFileText(path));
      openFile(path);
      scheduler.now();
    },
    rename(from, to) {
      app.repo.rename(from, to);
      editor.renamed(from, to);
      app.active = to;
      scheduler.now();
    },
    remove(path) {
      app.repo.remove(path);
      editor.forget(path);
      openFile(fileToShow(app.active));
      scheduler.now();
    },
  },
);

/** @param {import("../../pkg/stacklint.js").Diagnostic[]} diagnostics */
function groupByPath(diagnostics) {
  /** @type {Map<string, import("../../pkg/stacklint.js").Diagnostic[]>} */
  const byPath = new Map();
  for (const finding of diagnostics) {
    const findings = byPath.get(finding.path);
    if (findings) findings.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  return byPath;
}

function renderFiles() {
  filesPanel.render(app.repo.paths(), app.active, app.findingsByPath);
}

/**
 * `path` when the repository has that file, else its first file; null when it has none.
 * @param {string | null} path
 */
function fileToShow(path) {
  const paths = app.repo.paths();
  return path !== null && paths.includes(path) ? path : (paths[0] ?? null);
}

/** @param {string | null} path a file of the repository, or null for none */
function openFile(path) {
  app.active = path;
  if (path === null) editor.showEmpty();
  else editor.open(path, app.repo.read(path) ?? "");
  editor.showFindings(path === null ? [] : (app.findingsByPath.get(path) ?? []));
  renderFiles();
  rememberInUrl();
}

/**
 * Opens the file of a finding or related location and selects its range.
 * @param {import("./results.mjs").Location} location
 */
function reveal(location) {
  if (!app.repo.has(location.path)) return;
  if (location.path !== app.active) openFile(location.path);
  editor.select(location);
}

function runCheck() {
  if (!app.engine) return;
  const files = app.repo.toObject();
  try {
    const { report, ms } = app.engine.check(files);
    app.last = { report, ms, fileCount: Object.keys(files).length };
    app.findingsByPath = groupByPath(report.diagnostics);
    renderResults(results, app.last, reveal);
  } catch (error) {
    app.last = null;
    app.findingsByPath = new Map();
    renderFailure(results, error instanceof Error ? error.message : String(error));
  }
  if (app.active !== null) editor.showFindings(app.findingsByPath.get(app.active) ?? []);
  renderFiles();
  rememberInUrl();
  app.checks += 1;
  document.documentElement.dataset.checks = String(app.checks);
}

/** Keeps the address bar a permalink of what is on screen. */
function rememberInUrl() {
  const fragment = encodeFragment(app.repo.toObject(), app.active);
  if (fragment !== app.fragment) {
    app.fragment = fragment;
    history.replaceState(null, "", fragment);
  }
}

/**
 * @param {Record<string, string>} files
 * @param {string | null} active the file to show, when the repository has it
 * @param {string} [description]
 */
function loadRepo(files, active, description = "") {
  scheduler.cancel();
  app.repo = new VirtualRepo(files);
  app.findingsByPath = new Map();
  editor.reset();
  $("example-description").textContent = description;
  openFile(fileToShow(active));
  scheduler.now();
}

/** @param {import("./examples.mjs").Example} example */
function loadExample(example) {
  loadRepo(example.files, example.active, example.description);
}

/** @param {string} text */
function showNotice(text) {
  $("notice").textContent = text;
  $("notice").hidden = text === "";
}

/** Loads whatever the URL fragment asks for; the default example when it asks for nothing. */
function restoreFromLocation() {
  if (location.hash === app.fragment && app.fragment !== "") return;
  const request = decodeFragment(location.hash);
  showNotice("");
  if (request.kind === "repo") {
    loadRepo(request.files, request.active);
    return;
  }
  const example = request.kind === "example" ? findExample(request.id) : null;
  if (example) {
    loadExample(example);
    return;
  }
  if (request.kind === "example") showNotice(`There is no example "${request.id}"; showing the default one.`);
  if (request.kind === "invalid") showNotice(`This link could not be read (${request.reason}); showing the default example.`);
  loadExample(DEFAULT_EXAMPLE);
}

function setUpExamplesMenu() {
  const menu = /** @type {HTMLSelectElement} */ ($("examples"));
  for (const example of EXAMPLES) menu.append(new Option(example.title, example.id));
  menu.addEventListener("change", () => {
    const example = findExample(menu.value);
    menu.value = "";
    if (!example) return;
    // A new history entry: Back returns to the repository the example replaced.
    history.pushState(null, "", exampleFragment(example.id));
    app.fragment = location.hash;
    showNotice("");
    loadExample(example);
  });
}

/** @param {string} text */
function flash(text) {
  $("copy-status").textContent = text;
  setTimeout(() => {
    if ($("copy-status").textContent === text) $("copy-status").textContent = "";
  }, 2000);
}

function setUpSharing() {
  $("copy-link").addEventListener("click", async () => {
    rememberInUrl();
    flash((await copyText(location.href)) ? "Link copied" : "Copy failed: use the address bar");
  });
  $("copy-markdown").addEventListener("click", async () => {
    const { engine } = app;
    const checked = app.last && engine ? engine.markdown() : null;
    if (engine === null || checked === null) return flash("Nothing checked yet");
    rememberInUrl();
    const markdown = withReproduction(checked, { version: engine.version, link: location.href });
    flash((await copyText(markdown)) ? "Markdown copied" : "Copy failed");
  });
}

async function start() {
  setUpExamplesMenu();
  setUpSharing();
  restoreFromLocation();
  window.addEventListener("popstate", restoreFromLocation);
  window.addEventListener("hashchange", restoreFromLocation);
  try {
    app.engine = await loadEngine(new URL("stacklint_bg.wasm", document.baseURI));
  } catch (error) {
    renderFailure(results, `The checker could not be loaded: ${/** @type {Error} */ (error).message}`);
    return;
  }
  $("version").textContent = `stacklint ${app.engine.version}`;
  scheduler.now();
  const ready = performance.now();
  $("ready-time").textContent = `Ready ${Math.round(ready)} ms after the page started loading.`;
  performance.mark("playground-ready");
  document.documentElement.dataset.ready = "true";
}

start();
