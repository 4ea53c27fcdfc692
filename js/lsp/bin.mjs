#!/usr/bin/env node
// @ts-check
// `stacklint-lsp --stdio`: the language server over standard input and output (also
// `--node-ipc`, `--socket=PORT`, `--pipe=NAME`, as vscode-languageserver reads them).
import { existsSync, readFileSync } from 'node:fs';

import { createConnection } from 'vscode-languageserver/node';

import * as core from '../../pkg/stacklint.js';
import { startServer } from './server.mjs';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId='];
const USAGE = 'usage: stacklint-lsp --stdio\n\nThe stacklint language server: start it from your editor, which talks to it over standard input and output.';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
// The .wasm sits next to the bundle (dist/), or in pkg/ of the source tree.
const wasm = [new URL('./stacklint_bg.wasm', import.meta.url), new URL('../../pkg/stacklint_bg.wasm', import.meta.url)].find((url) => existsSync(url));
if (!wasm) {
  console.error('stacklint-lsp: stacklint_bg.wasm is missing next to the server; reinstall it (or run `bash scripts/build-wasm.sh` in the source tree)');
  process.exit(2);
}
core.initSync({ module: readFileSync(wasm) });
if (args.includes('--version')) {
  console.log(`stacklint-lsp ${core.version()}`);
  process.exit(0);
}
if (!args.some((arg) => TRANSPORTS.some((transport) => arg === transport || (transport.endsWith('=') && arg.startsWith(transport))))) {
  console.error(`stacklint-lsp: name how to talk to the editor, e.g. --stdio\n\n${USAGE}`);
  process.exit(2);
}
// A bug must not end the session silently: say it where the editor logs the server.
process.on('unhandledRejection', (error) => console.error(`stacklint-lsp: ${/** @type {Error} */ (error)?.stack ?? error}`));
startServer(createConnection(), core);
