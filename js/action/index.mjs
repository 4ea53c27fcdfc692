// @ts-check
// Entry point of the bundle (action/dist/index.js); the .wasm file sits next to it.
import * as core from '@actions/core';

import { describeFailure, main } from './main.mjs';

/** @param {unknown} error */
function fail(error) {
  core.setFailed(describeFailure(error));
  process.exit(1);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

await main({ core, env: process.env, wasmPath: new URL('./stacklint_bg.wasm', import.meta.url) });
