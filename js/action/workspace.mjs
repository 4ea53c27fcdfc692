// @ts-check
// Where the action reads: the `path` input may not escape the workspace, and a file the
// workflow names (the `baseline` input) is read like every other. The repository itself is
// read by js/shared/repository.mjs, which the language server shares.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { isWithin, readFile, textOf, toPosix } from '../shared/repository.mjs';
import { InputError } from './inputs.mjs';

/**
 * Resolves the `path` input against the workspace.
 * @param {string} workspace
 * @param {string} input the `path` input
 * @returns {Promise<{root: string, prefix: string}>} the real directory to read, and its path
 *   relative to the workspace ('' for the workspace itself) that annotations need.
 */
export async function resolveRoot(workspace, input) {
  const lexical = path.resolve(workspace, input);
  if (!isWithin(lexical, path.resolve(workspace))) {
    throw new InputError(`input \`path\` is \`${input}\`, which leads outside the workspace ${workspace}`);
  }
  let realWorkspace;
  let root;
  try {
    realWorkspace = await realpath(workspace);
  } catch (error) {
    throw new InputError(`cannot read the workspace ${workspace}: ${/** @type {NodeJS.ErrnoException} */ (error).message}`);
  }
  try {
    root = await realpath(lexical);
  } catch (error) {
    throw new InputError(`input \`path\` is \`${input}\`, which cannot be read: ${/** @type {NodeJS.ErrnoException} */ (error).message}`);
  }
  if (!isWithin(root, realWorkspace)) {
    throw new InputError(`input \`path\` is \`${input}\`, a symlink leading outside the workspace to ${root}`);
  }
  if (!(await stat(root)).isDirectory()) {
    throw new InputError(`input \`path\` is \`${input}\`, which is not a directory`);
  }
  return { root, prefix: toPosix(path.relative(realWorkspace, root)) };
}

/**
 * The text of one file the workflow names (the `baseline` input), read like every other:
 * inside the checked folder, no symlink out of it, at most the core's size, UTF-8.
 * @param {string} root the checked folder (a real path from resolveRoot)
 * @param {string} input the path as the workflow gives it, relative to `root`
 * @param {string} name the input's name, for messages
 * @param {number} maxFileBytes
 * @returns {Promise<{path: string, text: string}>} the repository path and the text
 */
export async function readNamedFile(root, input, name, maxFileBytes) {
  const lexical = path.resolve(root, input);
  if (!isWithin(lexical, root)) throw new InputError(`input \`${name}\` is \`${input}\`, which leads outside the checked folder`);
  let real;
  try {
    real = await realpath(lexical);
  } catch (thrown) {
    throw new InputError(`input \`${name}\` is \`${input}\`, which cannot be read: ${/** @type {Error} */ (thrown).message}`);
  }
  if (!isWithin(real, root)) throw new InputError(`input \`${name}\` is \`${input}\`, a symlink leading outside the checked folder`);
  const found = await readFile(real, maxFileBytes);
  const text = textOf(found);
  if (text === null) {
    const why =
      found.kind !== 'unreadable'
        ? 'it is not UTF-8 text'
        : found.reason === 'too-large'
          ? `it is ${found.bytes} bytes, more than ${maxFileBytes}`
          : 'detail' in found
            ? found.detail
            : found.reason;
    throw new InputError(`input \`${name}\` is \`${input}\`, which cannot be read: ${why}`);
  }
  return { path: toPosix(path.relative(root, real)), text };
}
