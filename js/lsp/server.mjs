// @ts-check
// The stacklint language server: the WASM core's findings for meta.yml, image-list.yml,
// Dockerfiles and .stacklint.toml as the editor types, with hovers, definitions, links and
// code actions from the same core. One Project per workspace folder; the open documents'
// text lies over the files on disk; every change re-checks every open document of its folder
// after a pause (the debounce), so a child is re-published when its parent changes.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CodeActionKind, DidChangeWatchedFilesNotification, MessageType, ShowMessageNotification, TextDocumentSyncKind } from 'vscode-languageserver/node';

import { readEntry, textOf, toPosix } from '../shared/repository.mjs';
import * as convert from './convert.mjs';
import { Documents } from './documents.mjs';
import { negotiate } from './positions.mjs';
import { Project } from './project.mjs';
import { readSettings } from './settings.mjs';

export const FIX_ALL = 'source.fixAll.stacklint';

/**
 * @param {string} uri
 * @returns {string | null}
 */
function filePath(uri) {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : null;
  } catch {
    return null;
  }
}

/**
 * @param {unknown} error
 */
function messageOf(error) {
  return String(/** @type {Error} */ (error)?.message ?? error).replace(/^stacklint: /, '');
}

/**
 * Serves one client on `connection` with the core `core` (initialised).
 * @param {import('vscode-languageserver').Connection} connection
 * @param {import('./project.mjs').Core} core
 */
export function startServer(connection, core) {
  /** @type {import('./positions.mjs').Encoding} */
  let encoding = 'utf-16';
  let documents = new Documents(encoding);
  /** @type {string[]} */
  let folders = [];
  /** @type {Map<string, Promise<Project | null>>} folder -> its project, once read */
  const projects = new Map();
  let { settings, problems } = readSettings(undefined);
  let watchFiles = false;
  /** @type {Map<string, NodeJS.Timeout>} */
  const timers = new Map();
  /** @type {Set<string>} documents that have diagnostics published */
  const published = new Set();
  const helpUris = new Map(core.rules().map((rule) => [rule.code, rule.help_uri]));

  // A notification, not a request: the server waits for no answer, and a client that shows
  // no messages still gets it.
  const warn = (/** @type {string} */ message) =>
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `stacklint: ${message}` });

  /**
   * The options of a folder's checks: the settings, with the configuration file read from
   * inside the folder as every other file is.
   * @param {string} folder
   * @returns {Promise<import('./project.mjs').WorkspaceOptions>}
   */
  async function optionsFor(folder) {
    /** @type {import('./project.mjs').WorkspaceOptions} */
    const options = { ignore: settings.ignore, select: settings.select };
    if (!settings.configFile) return options;
    const root = await realpath(folder);
    const relative = toPosix(path.normalize(settings.configFile));
    const policy = { needsContent: () => true, maxFileBytes: core.limits().maxFileBytes };
    const found = path.isAbsolute(settings.configFile) || relative.startsWith('..') ? null : await readEntry(root, relative, policy);
    const text = textOf(found);
    if (text === null) {
      warn(`the setting \`stacklint.configFile\` is \`${settings.configFile}\`, which is no readable text file inside ${folder}; using the repository's .stacklint.toml`);
      return options;
    }
    return { ...options, config: { path: relative, text } };
  }

  /**
   * @param {string} folder
   * @returns {Promise<Project | null>}
   */
  function projectOf(folder) {
    let project = projects.get(folder);
    if (!project) {
      project = (async () => {
        try {
          const options = await optionsFor(folder);
          try {
            return await Project.open(core, folder, options);
          } catch (error) {
            if (!/^stacklint: `(ignore|select)`/.test(String(/** @type {Error} */ (error)?.message))) throw error;
            warn(`${messageOf(error)} (in the settings); checking with every rule`);
            return await Project.open(core, folder, {});
          }
        } catch (error) {
          connection.console.error(`stacklint: cannot read the workspace folder ${folder}: ${messageOf(error)}`);
          return null;
        }
      })();
      projects.set(folder, project);
      void project.then((loaded) => loaded && schedule(folder, 0));
    }
    return project;
  }

  /**
   * The folder a file belongs to: the innermost one that holds it.
   * @param {string} file
   */
  function folderOf(file) {
    const holding = folders.filter((folder) => {
      const relative = path.relative(folder, file);
      return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
    return holding.sort((a, b) => b.length - a.length)[0] ?? null;
  }

  /**
   * The project and repository path of a document, once its folder is read.
   * @param {string} uri
   * @returns {Promise<{project: Project, relative: string, folder: string} | null>}
   */
  async function locate(uri) {
    const file = filePath(uri);
    const folder = file && folderOf(file);
    if (!file || !folder) return null;
    const project = await projectOf(folder);
    const relative = project?.relative(file);
    return project && relative ? { project, relative, folder } : null;
  }

  /**
   * How positions of a project's files are converted: open documents by their text and URI.
   * @param {Project} project
   * @returns {convert.Positions}
   */
  function positions(project) {
    /** @type {Map<string, string>} */
    const openUris = new Map();
    for (const document of documents.open.values()) {
      const file = filePath(document.uri);
      const relative = file && project.relative(file);
      if (relative) openUris.set(relative, document.uri);
    }
    /** @type {Map<string, import('./positions.mjs').TextLines>} */
    const closed = new Map();
    return {
      encoding,
      uri: (relative) => openUris.get(relative) ?? project.uri(relative),
      lines: (relative) => {
        const uri = openUris.get(relative);
        const open = uri && documents.lines(uri);
        if (open) return open;
        let lines = closed.get(relative);
        if (!lines) closed.set(relative, (lines = project.lines(relative)));
        return lines;
      },
    };
  }

  /**
   * Checks a folder's open documents after the pause.
   * @param {string} folder
   * @param {number} [delay]
   */
  function schedule(folder, delay = settings.debounce) {
    clearTimeout(timers.get(folder));
    timers.set(folder, setTimeout(() => void publish(folder), delay));
  }

  /** @param {string} folder */
  async function publish(folder) {
    timers.delete(folder);
    const project = await projectOf(folder);
    if (!project) return;
    /** @type {Map<string, import('./documents.mjs').Document>} */
    const open = new Map();
    for (const document of documents.open.values()) {
      const file = filePath(document.uri);
      const relative = file && folderOf(file) === folder ? project.relative(file) : null;
      if (relative && project.reads(relative)) open.set(relative, document);
    }
    if (open.size === 0) return;
    let report;
    const started = performance.now();
    try {
      report = project.check([...open.keys()]);
    } catch (error) {
      connection.console.error(`stacklint: the check failed: ${messageOf(error)}`);
      return;
    }
    const at = positions(project);
    /** @type {Map<string, import('vscode-languageserver').Diagnostic[]>} */
    const byPath = new Map([...open.keys()].map((relative) => [relative, []]));
    for (const finding of report.diagnostics) byPath.get(finding.path)?.push(convert.diagnostic(finding, at, helpUris));
    for (const [relative, diagnostics] of byPath) {
      const document = open.get(relative);
      if (!document) continue;
      published.add(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    }
    // Only with `trace` set by the client (`$/logTrace`): what a keystroke costs.
    connection.tracer.log(`stacklint checked ${open.size} open files in ${(performance.now() - started).toFixed(1)} ms`);
  }

  /** @param {string} uri */
  function clear(uri) {
    if (published.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  connection.onInitialize((params) => {
    encoding = negotiate(params.capabilities);
    documents = new Documents(encoding);
    const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    folders = uris.map(filePath).filter((folder) => folder !== null).map((folder) => path.resolve(folder));
    ({ settings, problems } = readSettings(params.initializationOptions));
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Reading the folders starts now: the client opens its documents right after.
    for (const folder of folders) void projectOf(folder);
    return {
      capabilities: {
        positionEncoding: encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'stacklint-lsp', version: core.version() },
    };
  });

  connection.onInitialized(() => {
    for (const problem of problems) warn(problem);
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] });
    }
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const removed of event.removed) {
        const folder = filePath(removed.uri);
        if (!folder) continue;
        folders = folders.filter((f) => f !== path.resolve(folder));
        void projects.get(path.resolve(folder))?.then((project) => project?.dispose());
        projects.delete(path.resolve(folder));
      }
      for (const added of event.added) {
        const folder = filePath(added.uri);
        if (folder && !folders.includes(path.resolve(folder))) {
          folders.push(path.resolve(folder));
          void projectOf(path.resolve(folder));
        }
      }
    });
  });

  connection.onDidChangeConfiguration(async (change) => {
    const read = readSettings(change.settings);
    for (const problem of read.problems) warn(problem);
    settings = read.settings;
    for (const folder of folders) {
      const project = await projects.get(folder);
      if (!project) continue;
      try {
        project.reconfigure(await optionsFor(folder));
      } catch (error) {
        warn(`${messageOf(error)} (in the settings); keeping the previous ones`);
      }
      schedule(folder, 0);
    }
  });

  connection.onDidOpenTextDocument(async ({ textDocument }) => {
    documents.opened(textDocument.uri, textDocument.version, textDocument.text);
    const found = await locate(textDocument.uri);
    if (!found) return;
    const current = documents.get(textDocument.uri);
    if (current) found.project.setBuffer(found.relative, current.text);
    schedule(found.folder, 0);
  });

  connection.onDidChangeTextDocument(async ({ textDocument, contentChanges }) => {
    const changed = documents.changed(textDocument.uri, textDocument.version, contentChanges);
    if (!changed) return;
    const found = await locate(textDocument.uri);
    if (!found) return;
    // The latest text, also when an earlier change waited for the folder to be read.
    const current = documents.get(textDocument.uri);
    if (current) found.project.setBuffer(found.relative, current.text);
    schedule(found.folder);
  });

  connection.onDidCloseTextDocument(async ({ textDocument }) => {
    documents.closed(textDocument.uri);
    clear(textDocument.uri);
    const found = await locate(textDocument.uri);
    if (!found) return;
    await found.project.closeBuffer(found.relative);
    schedule(found.folder);
  });

  connection.onDidChangeWatchedFiles(async ({ changes }) => {
    /** @type {Set<string>} */
    const touched = new Set();
    for (const change of changes) {
      const found = await locate(change.uri);
      if (!found) continue;
      await found.project.diskChanged(found.relative);
      touched.add(found.folder);
    }
    for (const folder of touched) schedule(folder);
  });

  /**
   * What is at a position of an open document.
   * @param {import('vscode-languageserver').TextDocumentPositionParams} params
   */
  async function inspect({ textDocument, position }) {
    const found = await locate(textDocument.uri);
    const lines = documents.lines(textDocument.uri);
    if (!found || !lines) return null;
    const { line, column } = lines.toCore(lines.fromLsp(position, encoding));
    const inspection = found.project.workspace.inspect(found.relative, line, column);
    return inspection ? { inspection, at: positions(found.project) } : null;
  }

  connection.onHover(async (params) => {
    const found = await inspect(params);
    return found ? convert.hover(found.inspection, found.at) : null;
  });

  connection.onDefinition(async (params) => {
    const found = await inspect(params);
    if (!found || found.inspection.targets.length === 0) return null;
    return found.inspection.targets.map((target) => convert.location(target, found.at));
  });

  connection.onDocumentLinks(async ({ textDocument }) => {
    const found = await locate(textDocument.uri);
    if (!found) return [];
    const at = positions(found.project);
    return found.project.workspace.links(found.relative).map((link) => convert.documentLink(link, at));
  });

  connection.onCodeAction(async ({ textDocument, context }) => {
    const found = await locate(textDocument.uri);
    if (!found) return [];
    const wantsQuickFix = !context.only || context.only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix));
    if (!wantsQuickFix) return [];
    const at = positions(found.project);
    /** @type {import('vscode-languageserver').CodeAction[]} */
    const actions = [];
    for (const diagnostic of context.diagnostics) {
      const data = /** @type {{code?: unknown, line?: unknown} | undefined} */ (diagnostic.data);
      if (diagnostic.source !== 'stacklint' || typeof data?.code !== 'string' || typeof data.line !== 'number') continue;
      const edit = found.project.workspace.silence(found.relative, data.line, data.code);
      if (!edit) continue;
      actions.push({
        title: `Ignore ${data.code} here`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [textDocument.uri]: [convert.textEdit(edit, at)] } },
      });
    }
    return actions;
  });

  connection.onShutdown(async () => {
    for (const timer of timers.values()) clearTimeout(timer);
    for (const project of projects.values()) (await project)?.dispose();
    projects.clear();
  });

  connection.listen();
}
