// A scripted LSP client: spawns the real server (`stacklint-lsp --stdio`) and talks JSON-RPC
// to it with vscode-jsonrpc, as an editor would, on a copy of tests/lsp/repo.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SOURCE_SERVER = path.join(REPO_ROOT, 'js/lsp/bin.mjs');

/**
 * A fresh copy of the fixture repository, removed after the test.
 * @param {import('node:test').TestContext} t
 */
export function fixture(t) {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'stacklint-lsp-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(REPO_ROOT, 'tests/lsp/repo'), dir, { recursive: true });
  return dir;
}

/**
 * @param {object} options
 * @param {string} options.root the workspace folder
 * @param {string} [options.server] the server's entry point
 * @param {string[]} [options.encodings] the position encodings the client offers
 * @param {unknown} [options.initializationOptions]
 * @param {boolean} [options.watchFiles] whether the client watches files for the server
 * @param {'off' | 'messages' | 'verbose'} [options.trace] what the server is to trace
 */
export async function startClient({ root, server = SOURCE_SERVER, encodings = ['utf-16'], initializationOptions, watchFiles = true, trace = 'off' }) {
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** @type {{uri: string, version?: number, diagnostics: any[]}[]} */
  const published = [];
  /** @type {(() => void)[]} */
  let waiters = [];
  /** @type {string[]} */
  const messages = [];
  /** @type {any[]} */
  const registrations = [];
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    published.push({ ...params, at: performance.now() });
    const pending = waiters;
    waiters = [];
    for (const wake of pending) wake();
  });
  connection.onNotification('window/showMessage', (params) => messages.push(params.message));
  connection.onNotification('window/logMessage', (params) => messages.push(params.message));
  /** @type {{message: string, at: number}[]} */
  const traces = [];
  connection.onNotification('$/logTrace', (params) => traces.push({ message: params.message, at: performance.now() }));
  connection.onRequest('client/registerCapability', (params) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.listen();
  const uri = pathToFileURL(root).href;
  const init = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: path.basename(root) }],
    capabilities: {
      general: { positionEncodings: encodings },
      workspace: { didChangeWatchedFiles: { dynamicRegistration: watchFiles }, workspaceFolders: true },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
    },
    initializationOptions,
    trace,
  });
  connection.sendNotification('initialized', {});
  /** @type {Map<string, number>} */
  const versions = new Map();
  const uriOf = (/** @type {string} */ relative) => pathToFileURL(path.join(root, relative)).href;

  const client = {
    connection,
    init,
    messages,
    registrations,
    published,
    traces,
    uriOf,
    get stderr() {
      return stderr;
    },
    /** Opens a file of the repository with its text on disk (or `text`). */
    open(/** @type {string} */ relative, /** @type {string | undefined} */ text) {
      versions.set(relative, 1);
      const languageId = relative.endsWith('.yml') ? 'yaml' : relative.endsWith('.toml') ? 'toml' : 'dockerfile';
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uriOf(relative), languageId, version: 1, text: text ?? readFileSync(path.join(root, relative), 'utf8') },
      });
      return 1;
    },
    /** Sends changes (full text, or `{range, text}` edits); returns the new version. */
    change(/** @type {string} */ relative, /** @type {any[]} */ contentChanges) {
      const version = (versions.get(relative) ?? 0) + 1;
      versions.set(relative, version);
      connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(relative), version }, contentChanges });
      return version;
    },
    close(/** @type {string} */ relative) {
      connection.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(relative) } });
    },
    /** The watched files changed on disk (1 created, 2 changed, 3 deleted). */
    filesChanged(/** @type {[string, number][]} */ changes) {
      connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([relative, type]) => ({ uri: uriOf(relative), type })) });
    },
    /**
     * The first diagnostics published for `relative` (after `since` published ones) that
     * satisfy `accept`.
     * @param {string} relative
     * @param {(published: {uri: string, version?: number, diagnostics: any[], at: number}) => boolean} [accept]
     * @param {number} [timeout]
     */
    async diagnostics(relative, accept = () => true, timeout = 20000) {
      const target = uriOf(relative);
      const deadline = Date.now() + timeout;
      for (;;) {
        const found = published.find((p) => p.uri === target && accept(/** @type {any} */ (p)));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no diagnostics for ${relative} in ${timeout} ms; published: ${JSON.stringify(published.map((p) => [p.uri, p.version, p.diagnostics.map((d) => d.code)]))}\n${stderr}`);
        await new Promise((resolve) => {
          waiters.push(() => resolve(undefined));
          setTimeout(resolve, 200);
        });
      }
    },
    request(/** @type {string} */ method, /** @type {unknown} */ params) {
      return connection.sendRequest(method, params);
    },
    async shutdown() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      const code = await new Promise((resolve) => child.once('exit', resolve));
      connection.dispose();
      return code;
    },
    kill() {
      child.kill();
    },
  };
  return client;
}

/**
 * Applies LSP text edits to a text (positions in UTF-16, as the client negotiated).
 * @param {string} text
 * @param {{range: {start: {line: number, character: number}, end: {line: number, character: number}}, newText: string}[]} edits
 */
export function applyEdits(text, edits) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const index = (/** @type {{line: number, character: number}} */ p) => starts[p.line] + p.character;
  let result = text;
  for (const edit of [...edits].sort((a, b) => index(b.range.start) - index(a.range.start))) {
    result = result.slice(0, index(edit.range.start)) + edit.newText + result.slice(index(edit.range.end));
  }
  return result;
}
