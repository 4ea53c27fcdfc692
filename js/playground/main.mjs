// @ts-check
// The playground page: wires the virtual repository, the editor, the core and the panels.
import { plural } from "../shared/text.mjs";
import { copyText } from "./clipboard.mjs";
import { FileEditor } from "./editor.mjs";
import { loadEngine } from "./engine.mjs";
import { DEFAULT_EXAMPLE, EXAMPLES, findExample } from "./examples.mjs";
import { createFilesPanel } from "./files-panel.mjs";
import { applyFix, unsafeReason } from "./fixes.mjs";
import { drawGraph } from "./graph-view.mjs";
import { withReproduction } from "./markdown.mjs";
import { resolveNewPath } from "./new-path.mjs";
import { decodeFragment, encodeFragment, exampleFragment } from "./permalink.mjs";
import { pathProblem, VirtualRepo } from "./repo.mjs";
import { renderFailure, renderResults } from "./results.mjs";
import { createScheduler } from "./scheduler.mjs";
import { renderSettings } from "./settings-view.mjs";
import { CONFIG_FILE, CONFIG_TEMPLATE, newFileText } from "./templates.mjs";
import { setUpTheme } from "./theme.mjs";
import { createUndo } from "./undo.mjs";
import { importFrom } from "./url-import.mjs";

const CHECK_DELAY_MS = 200;

/**
 * An element of the page; index.html has every id the script asks for.
 * @param {string} id
 */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * @typedef {import("../../pkg/stacklint.js").Diagnostic} Diagnostic
 * @typedef {"editor" | "graph" | "settings"} View
 * @typedef {object} App
 * @property {VirtualRepo} repo
 * @property {string | null} active the path in the editor
 * @property {import("./engine.mjs").Engine | null} engine null until the core is loaded
 * @property {import("./results.mjs").CheckResult | null} last
 * @property {Record<string, string>} checked the files the last check saw: a fix's offsets are
 *   into these texts
 * @property {Map<string, Diagnostic[]>} findingsByPath
 * @property {string} fragment
 * @property {number} checks
 * @property {{example: import("./examples.mjs").Example, files: string} | {text: string} | null} origin
 *   what the repository was loaded from: an example (and its files, to tell an edited one)
 *   or a described source such as an import
 * @property {import("./results.mjs").Filter} filter
 * @property {View} view
 */

/** @type {App} */
const app = {
  repo: new VirtualRepo(),
  active: null,
  engine: null,
  last: null,
  checked: {},
  findingsByPath: new Map(),
  /** The fragment this page wrote last, to tell our own history entries from the user's. */
  fragment: "",
  checks: 0,
  origin: null,
  filter: { severities: new Set(["error", "warning", "info"]), rule: "", file: "" },
  view: "editor",
};

const results = {
  counts: $("counts"),
  timing: $("timing"),
  list: $("findings"),
  clean: $("clean"),
  shown: $("shown"),
  rule: /** @type {HTMLSelectElement} */ ($("filter-rule")),
  file: /** @type {HTMLSelectElement} */ ($("filter-file")),
};

const editor = new FileEditor($("editor"), {
  onEdit(path, text, how) {
    app.repo.write(path, text);
    // The page runs its own edits' check; a check dispatches into the editor, which is not
    // allowed while it is still updating.
    if (how === "pasted") queueMicrotask(() => scheduler.now());
    else if (how === "typed") scheduler.soon();
  },
  onCursor({ line, column }) {
    $("cursor").textContent = `Ln ${line}, Col ${column}`;
  },
});

const scheduler = createScheduler(runCheck, CHECK_DELAY_MS);

const undo = createUndo(
  { bar: $("undo-bar"), text: $("undo-text"), button: /** @type {HTMLButtonElement} */ ($("undo")) },
  (step) => {
    writeFiles(step.before);
    // Show what came back: the open file if the step touched it, else a file it restored.
    const restored = [...step.before].filter(([, text]) => text !== null).map(([path]) => path);
    openFile(fileToShow(restored.includes(app.active ?? "") ? app.active : (restored[0] ?? step.active)));
    scheduler.now();
  },
);

/**
 * Writes `changes` into the repository (null deletes a file). A file with an editor state
 * changes through it, so its own Ctrl+Z undoes the change too.
 * @param {Map<string, string | null>} changes
 */
function writeFiles(changes) {
  for (const [path, text] of changes) {
    if (text === null) {
      app.repo.remove(path);
      editor.forget(path);
    } else if (app.repo.has(path)) {
      app.repo.write(path, text);
      if (!editor.replaceText(path, text)) editor.forget(path);
    } else {
      app.repo.add(path, text);
    }
  }
}

/**
 * An edit the page makes, undoable from the bar at the bottom: `changes` maps paths to their
 * new text (null deletes); `active` is the file to show afterwards.
 * @param {string} label what the undo bar says, e.g. "Deleted AI/x/meta.yml."
 * @param {Record<string, string | null>} changes
 * @param {string | null} [active]
 */
function pageEdit(label, changes, active = app.active) {
  const entries = Object.entries(changes);
  for (const [path, text] of entries) {
    if (text !== null && !app.repo.has(path)) {
      const problem = pathProblem(path);
      if (problem) throw new Error(problem);
    }
  }
  const before = new Map(entries.map(([path]) => [path, app.repo.read(path) ?? null]));
  writeFiles(new Map(entries));
  undo.record({ label, before, active: app.active });
  openFile(fileToShow(active));
  scheduler.now();
}

const filesPanel = createFilesPanel(
  {
    tabs: $("file-tabs"),
    addForm: /** @type {HTMLFormElement} */ ($("add-file")),
    newPath: /** @type {HTMLInputElement} */ ($("new-path")),
    preview: $("new-path-preview"),
    renameForm: /** @type {HTMLFormElement} */ ($("rename-file")),
    activePath: /** @type {HTMLInputElement} */ ($("active-path")),
    deleteButton: /** @type {HTMLButtonElement} */ ($("delete-file")),
    error: $("file-error"),
  },
  {
    select: (path) => openFile(path),
    where: (typed) => resolveNewPath(typed, { active: app.active, paths: app.repo.paths() }),
    add(path) {
      if (app.repo.has(path)) throw new Error(`\`${path}\` already exists`);
      pageEdit(`Added ${path}.`, { [path]: newFileText(path) }, path);
    },
    rename(from, to) {
      const text = app.repo.read(from) ?? "";
      app.repo.rename(from, to);
      editor.renamed(from, to);
      undo.record({ label: `Renamed ${from} to ${to}.`, before: new Map([[from, text], [to, null]]), active: from });
      app.active = to;
      scheduler.now();
    },
    remove(path) {
      const rest = app.repo.paths().filter((p) => p !== path);
      pageEdit(`Deleted ${path}.`, { [path]: null }, rest.includes(app.active ?? "") ? app.active : (rest[0] ?? null));
    },
  },
);

/** @param {Diagnostic[]} diagnostics */
function groupByPath(diagnostics) {
  /** @type {Map<string, Diagnostic[]>} */
  const byPath = new Map();
  for (const finding of diagnostics) {
    const findings = byPath.get(finding.path);
    if (findings) findings.push(finding);
    else byPath.set(finding.path, [finding]);
  }
  return byPath;
}

/**
 * The graph image a finding in a meta.yml entry is about.
 * @param {Diagnostic} finding
 */
function imageOf(finding) {
  if (!app.engine) return null;
  return (
    app.engine
      .graph(app.repo.toObject())
      .images.find(
        (image) =>
          image.manifest === finding.path && finding.line >= image.declared.line && finding.line <= image.declared.last_line,
      ) ?? null
  );
}

/**
 * The finding's fix for the files as they are now. Its offsets are into the files its check
 * saw, and typing reaches the repository before the check that follows it: when they differ,
 * the page checks again and takes the same finding's fix (its fingerprint survives moving in
 * the file), if it still has one.
 * @param {Diagnostic} finding
 * @param {Record<string, string>} seen the files the finding's check saw
 */
function currentFix(finding, seen) {
  const { fix } = finding;
  if (!fix) return null;
  if (fix.edits.every((edit) => app.repo.read(edit.path) === seen[edit.path])) return fix;
  scheduler.now();
  const again = app.last?.report.diagnostics.find(
    (d) => d.code === finding.code && d.fingerprint === finding.fingerprint && d.fix?.message === fix.message,
  );
  return again?.fix ?? null;
}

/**
 * Applies a finding's fix as one page edit (one undo step, whichever files it edits); shows
 * the file it changed when that is not the open one.
 * @param {Diagnostic} finding
 * @param {Record<string, string>} seen the files the finding's check saw
 */
function applyFindingFix(finding, seen) {
  const fix = currentFix(finding, seen);
  if (!fix) {
    showNotice(`The ${finding.code} fix no longer applies: the file changed since it was checked.`);
    return;
  }
  let changes;
  try {
    changes = applyFix((path) => app.repo.read(path), fix);
  } catch (error) {
    showNotice(`The ${finding.code} fix could not be applied (a bug in stacklint: please report it): ${/** @type {Error} */ (error).message}`);
    return;
  }
  const paths = Object.keys(changes);
  showNotice("");
  pageEdit(`Fixed ${finding.code}: ${fix.message}.`, changes, paths.includes(app.active ?? "") ? app.active : paths[0]);
}

/**
 * What the page can do about a finding: apply its fix (the core's edits); and for P001,
 * which knows the file it misses, create it (seeded from the parent the tag implies, else
 * the release's base image).
 * @param {Diagnostic} finding
 * @returns {import("./lint-marks.mjs").FindingAction[]}
 */
function actionsFor(finding) {
  /** @type {import("./lint-marks.mjs").FindingAction[]} */
  const actions = [];
  const { fix } = finding;
  // Findings come from the last check, and so do the files it saw.
  const seen = app.checked;
  if (fix) actions.push({ name: fix.message, unsafe: unsafeReason(fix), run: () => applyFindingFix(finding, seen) });
  if (finding.code !== "P001") return actions;
  actions.push({
    name: "Create this file",
    run() {
      const image = imageOf(finding);
      const path = image?.missing_dockerfile;
      if (!image || !path) {
        showNotice(`stacklint cannot tell which file this entry misses; add it with "Add file".`);
        return;
      }
      pageEdit(`Created ${path}.`, { [path]: newFileText(path, image.implied_parent) }, path);
    },
  });
  return actions;
}

/**
 * "Fix all safe": every safe fix of the repository, in rounds as `stacklint check --fix`
 * applies them, as one page edit; says what it applied in the CLI's words, or that there was
 * nothing to fix.
 */
function fixAllSafe() {
  const { engine } = app;
  if (!engine) return;
  let result;
  try {
    result = engine.applyFixes(app.repo.toObject());
  } catch (error) {
    showNotice(`The fixes could not be applied: ${/** @type {Error} */ (error).message}`);
    return;
  }
  const applied = result.applied.reduce((sum, rule) => sum + rule.count, 0);
  const unsafe = result.report.diagnostics.filter((d) => d.fix?.applicability === "unsafe").length;
  const toReview = unsafe > 0 ? ` ${plural(unsafe, "unsafe fix", "unsafe fixes")} left to review one by one in the findings.` : "";
  // Only a bug in stacklint, or a fix that would reveal more than it removes, skips one; an
  // earlier notice (an import's) stays otherwise.
  if (result.skipped.length > 0) {
    showNotice(
      result.skipped
        .map((s) => `Fix not applied: ${s.code} at ${s.path}:${s.line}:${s.column} (${s.message}): ${s.description}.`)
        .join(" "),
    );
  }
  if (applied === 0) {
    flash(`No safe fixes to apply.${toReview}`, 6000);
    return;
  }
  pageEdit(`${plural(applied, "fix", "fixes")} applied (${result.counts}).${toReview}`, result.files);
}

/** What the file list showed last: redrawing hundreds of tabs per keystroke is not free. */
let filesShown = "";

function renderFiles() {
  const paths = app.repo.paths();
  const shown = JSON.stringify([
    app.active,
    paths.map((path) => (app.findingsByPath.get(path) ?? []).map((f) => f.severity[0]).join("")),
    paths,
  ]);
  if (shown === filesShown) return;
  filesShown = shown;
  filesPanel.render(paths, app.active, app.findingsByPath);
}

function renderList() {
  if (!app.last) return;
  renderResults(results, app.last, { open: reveal, actionsFor, filter: app.filter, active: app.active });
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
  const changed = path !== app.active;
  app.active = path;
  if (path === null) editor.showEmpty();
  else editor.open(path, app.repo.read(path) ?? "");
  editor.showFindings(path === null ? [] : (app.findingsByPath.get(path) ?? []), actionsFor);
  renderFiles();
  if (changed && app.filter.file === "@active") renderList();
  rememberInUrl();
}

/**
 * Opens the file of a finding or related location and selects its range.
 * @param {import("./results.mjs").Location} location
 */
function reveal(location) {
  if (!app.repo.has(location.path)) return;
  setView("editor");
  if (location.path !== app.active) openFile(location.path);
  editor.select(location);
}

function runCheck() {
  if (!app.engine) return;
  const files = app.repo.toObject();
  try {
    const { report, ms } = app.engine.check(files);
    app.last = { report, ms, fileCount: Object.keys(files).length };
    app.checked = files;
    app.findingsByPath = groupByPath(report.diagnostics);
    renderList();
  } catch (error) {
    app.last = null;
    app.checked = {};
    app.findingsByPath = new Map();
    renderFailure(results, error instanceof Error ? error.message : String(error));
  }
  if (app.active !== null) editor.showFindings(app.findingsByPath.get(app.active) ?? [], actionsFor);
  renderFiles();
  rememberSoon();
  describeOrigin(files);
  renderView();
  app.checks += 1;
  document.documentElement.dataset.checkedAt = String(performance.now());
  document.documentElement.dataset.checks = String(app.checks);
}

/**
 * The line under the header: an example's description while it is unchanged, else where the
 * repository came from; the examples menu shows the example it was loaded from.
 * @param {Record<string, string>} files
 */
function describeOrigin(files) {
  const menu = /** @type {HTMLSelectElement} */ ($("examples"));
  const { origin } = app;
  if (origin === null) {
    $("example-description").textContent = "";
    menu.value = "";
  } else if ("example" in origin) {
    const edited = JSON.stringify(files) !== origin.files;
    $("example-description").textContent = edited
      ? `Edited from the example “${origin.example.title}”.`
      : origin.example.description;
    menu.value = origin.example.id;
  } else {
    $("example-description").textContent = origin.text;
    menu.value = "";
  }
}

/** @type {number | null} */
let remembering = null;

/**
 * The permalink after a check, once the browser is idle: compressing a large repository into
 * the fragment would otherwise delay the marks of every keystroke.
 */
function rememberSoon() {
  if (remembering !== null) return;
  remembering = requestIdleCallback(() => rememberInUrl(), { timeout: 500 });
}

/** Keeps the address bar a permalink of what is on screen. */
function rememberInUrl() {
  if (remembering !== null) cancelIdleCallback(remembering);
  remembering = null;
  const fragment = encodeFragment(app.repo.toObject(), app.active);
  if (fragment !== app.fragment) {
    app.fragment = fragment;
    history.replaceState(null, "", `${location.pathname}${fragment}`);
  }
}

/**
 * @param {Record<string, string>} files
 * @param {string | null} active the file to show, when the repository has it
 * @param {App["origin"]} [origin]
 */
function loadRepo(files, active, origin = null) {
  scheduler.cancel();
  app.repo = new VirtualRepo(files);
  app.findingsByPath = new Map();
  app.origin = origin;
  undo.clear();
  editor.reset();
  openFile(fileToShow(active));
  scheduler.now();
}

/** @param {import("./examples.mjs").Example} example */
function loadExample(example) {
  const files = new VirtualRepo(example.files).toObject();
  loadRepo(example.files, example.active, { example, files: JSON.stringify(files) });
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
    if (!example) return;
    // A new history entry: Back returns to the repository the example replaced.
    history.pushState(null, "", exampleFragment(example.id));
    app.fragment = location.hash;
    showNotice("");
    loadExample(example);
  });
}

/**
 * A short-lived status beside the toolbar's buttons.
 * @param {string} text
 * @param {number} [ms] how long it stays
 */
function flash(text, ms = 2000) {
  $("copy-status").textContent = text;
  setTimeout(() => {
    if ($("copy-status").textContent === text) $("copy-status").textContent = "";
  }, ms);
}

function setUpSharing() {
  $("fix-all").addEventListener("click", fixAllSafe);
  $("copy-link").addEventListener("click", async () => {
    rememberInUrl();
    flash((await copyText(location.href)) ? "Link copied" : "Copy failed: use the address bar");
  });
  $("copy-markdown").addEventListener("click", async () => {
    const { engine } = app;
    const checked = app.last && engine ? engine.markdown() : null;
    if (engine === null || checked === null) return flash("Nothing checked yet");
    rememberInUrl();
    const markdown = withReproduction(checked, { version: engine.version, link: location.href, files: app.repo.toObject() });
    flash((await copyText(markdown)) ? "Markdown copied" : "Copy failed");
  });
}

function setUpFilters() {
  for (const box of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('#filters input[name="severity"]'))) {
    box.addEventListener("change", () => {
      if (box.checked) app.filter.severities.add(box.value);
      else app.filter.severities.delete(box.value);
      renderList();
    });
  }
  results.rule.addEventListener("change", () => {
    app.filter.rule = results.rule.value;
    renderList();
  });
  results.file.addEventListener("change", () => {
    app.filter.file = results.file.value;
    renderList();
  });
}

/** @param {View} view */
function setView(view) {
  app.view = view;
  for (const name of /** @type {View[]} */ (["editor", "graph", "settings"])) {
    $(`view-${name}`).setAttribute("aria-selected", String(name === view));
    $(`${name}-view`).hidden = name !== view;
  }
  renderView();
}

/** Draws the graph or the settings when they are on screen. */
function renderView() {
  if (!app.engine) return;
  const files = app.repo.toObject();
  if (app.view === "graph") {
    const started = performance.now();
    let graph;
    try {
      graph = app.engine.graph(files);
    } catch (error) {
      $("graph").textContent = /** @type {Error} */ (error).message;
      return;
    }
    const count = drawGraph($("graph"), graph, app.findingsByPath, (image) => reveal({ path: image.manifest, ...image.declared, message: "" }));
    const ms = performance.now() - started;
    $("graph-summary").textContent = `${count} ${count === 1 ? "image" : "images"}, drawn in ${Math.round(ms)} ms`;
    document.documentElement.dataset.graphMs = ms.toFixed(1);
  } else if (app.view === "settings") {
    const problems = (app.findingsByPath.get(CONFIG_FILE) ?? []).filter((f) => f.code === "C001").length;
    $("settings-summary").textContent = app.repo.has(CONFIG_FILE)
      ? problems > 0
        ? `${CONFIG_FILE} has ${problems} ${problems === 1 ? "problem" : "problems"} (C001): open it to see where.`
        : `Rules as ${CONFIG_FILE} sets them.`
      : `No ${CONFIG_FILE}: every rule at its default. A change here creates the file.`;
    $("open-config").textContent = app.repo.has(CONFIG_FILE) ? `Open ${CONFIG_FILE}` : `Create ${CONFIG_FILE}`;
    renderSettings($("rule-settings"), { rules: app.engine.rules, policy: app.engine.policy(files) }, { set: setRule });
  }
}

/**
 * @param {string} code
 * @param {import("../../pkg/stacklint.js").Severity | "off" | null} severity
 */
function setRule(code, severity) {
  if (!app.engine) return;
  $("settings-error").textContent = "";
  try {
    const text = app.engine.setSeverity(app.repo.read(CONFIG_FILE) ?? "", code, severity);
    const what = severity === null ? "back to its default" : severity === "off" ? "off" : `set to ${severity}`;
    pageEdit(`${code} ${what} in ${CONFIG_FILE}.`, { [CONFIG_FILE]: text });
  } catch (error) {
    $("settings-error").textContent = /** @type {Error} */ (error).message.replace(/^stacklint: /, "");
    renderView();
  }
}

function setUpViews() {
  for (const name of /** @type {View[]} */ (["editor", "graph", "settings"])) {
    $(`view-${name}`).addEventListener("click", () => setView(name));
  }
  $("open-config").addEventListener("click", () => {
    if (!app.repo.has(CONFIG_FILE)) pageEdit(`Created ${CONFIG_FILE}.`, { [CONFIG_FILE]: CONFIG_TEMPLATE }, CONFIG_FILE);
    setView("editor");
    openFile(CONFIG_FILE);
  });
}

/**
 * Imports a URL as a new repository (Back returns to the one before).
 * @param {string} url
 */
async function importUrl(url) {
  const { engine } = app;
  if (!engine) return;
  showNotice(`Importing ${url}…`);
  try {
    const imported = await importFrom(url, { fetch: (...args) => fetch(...args), graph: (files) => engine.graph(files) });
    history.pushState(null, "", location.pathname);
    const scope = imported.folder
      ? ` Only ${imported.folder} and its scene's image-list.yml were read: a finding about another image may be about a file not imported.`
      : "";
    loadRepo(imported.files, imported.active, { text: `Imported from ${url}.${scope}` });
    showNotice(imported.failed.length > 0 ? `Imported, but not everything could be read: ${imported.failed.join("; ")}` : "");
  } catch (error) {
    showNotice(`Could not import ${url}: ${/** @type {Error} */ (error).message}`);
  }
}

function setUpImport() {
  const form = /** @type {HTMLFormElement} */ ($("import"));
  const input = /** @type {HTMLInputElement} */ ($("import-url"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim() !== "") importUrl(input.value.trim());
  });
}

async function start() {
  // The checker compiles off the main thread while the page sets itself up.
  const loading = loadEngine(new URL("stacklint_bg.wasm", document.baseURI));
  loading.catch(() => {});
  setUpTheme(/** @type {HTMLButtonElement} */ ($("theme")));
  setUpExamplesMenu();
  setUpSharing();
  setUpFilters();
  setUpViews();
  setUpImport();
  const imported = new URLSearchParams(location.search).get("u");
  if (imported === null) restoreFromLocation();
  window.addEventListener("pagehide", () => rememberInUrl());
  window.addEventListener("popstate", restoreFromLocation);
  window.addEventListener("hashchange", restoreFromLocation);
  try {
    app.engine = await loading;
  } catch (error) {
    renderFailure(results, `The checker could not be loaded: ${/** @type {Error} */ (error).message}`);
    return;
  }
  $("version").textContent = `stacklint ${app.engine.version}`;
  if (imported !== null) await importUrl(imported);
  else scheduler.now();
  const ready = performance.now();
  $("ready-time").textContent = `Ready ${Math.round(ready)} ms after the page started loading.`;
  performance.mark("playground-ready");
  document.documentElement.dataset.ready = "true";
}

start();
