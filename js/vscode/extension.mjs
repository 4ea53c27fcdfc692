// @ts-check
// The VS Code extension: starts the bundled stacklint language server (dist/stacklint-lsp.mjs
// and its .wasm, the same for every platform) with VS Code's own Node, for the files stacklint
// reads, and hands it the `stacklint.*` settings.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';

/** @type {LanguageClient | undefined} */
let client;

/** The files stacklint has findings for. */
export const DOCUMENTS = [
  { scheme: 'file', pattern: '**/meta.yml' },
  { scheme: 'file', pattern: '**/image-list.yml' },
  { scheme: 'file', pattern: '**/.stacklint.toml' },
  { scheme: 'file', pattern: '**/{Dockerfile,Distrofile}*' },
  { scheme: 'file', language: 'dockerfile' },
];

/** The settings as the server reads them. */
function settings() {
  const config = vscode.workspace.getConfiguration('stacklint');
  return {
    ignore: config.get('ignore') ?? null,
    select: config.get('select') ?? null,
    configFile: config.get('configFile') || null,
    debounce: config.get('debounce'),
  };
}

/** @param {vscode.ExtensionContext} context */
export async function activate(context) {
  const server = context.asAbsolutePath('dist/stacklint-lsp.mjs');
  client = new LanguageClient(
    'stacklint',
    'stacklint',
    {
      run: { module: server, transport: TransportKind.stdio },
      debug: { module: server, transport: TransportKind.stdio },
    },
    {
      documentSelector: DOCUMENTS,
      initializationOptions: settings(),
      // The server asks for file events itself (dynamic registration).
      synchronize: { configurationSection: 'stacklint' },
    },
  );
  await client.start();
}

export async function deactivate() {
  await client?.stop();
  client = undefined;
}
