// @ts-check
// Reads the repository the action checks, without ever leaving the workspace: the `path`
// input may not escape it, symlinks are not followed out of it, and no file is read past
// the size the core accepts. Only the files the core says it reads are opened; every other
// file is listed as "exists, not read".
//
// The walk and the reads are synchronous: one step, one repository, nothing else to wait
// for, and each file is read into a buffer of its own length (a 2 MiB buffer per file and an
// await per read made the action 39 times slower than the CLI). The bytes go to the core as
// they are; it decodes them exactly as the CLI decodes a file on disk.
import { closeSync, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

import { InputError } from './inputs.mjs';

const SKIPPED_NAMES = new Set(['.git', 'node_modules']);

/**
 * What the core reads, from the core itself (wasm.mjs `loadCore`).
 * @typedef {{needsContent: (path: string) => boolean, maxFileBytes: number}} ReadPolicy
 */

/**
 * What the walk found for one file:
 * - `{kind: 'bytes', data}`: a file the core reads, as it is on disk; the core judges it
 *   exactly as it judges a file the CLI reads (UTF-8, NUL bytes, size);
 * - `{kind: 'unread'}`: exists, its content is not needed;
 * - `{kind: 'unreadable', reason, bytes?, detail?}`: a file the core needs but cannot have,
 *   reason `too-large` (with its size) | `outside` | `broken-link` | `io` (with the cause).
 * @typedef {{kind: 'bytes', data: Uint8Array} | {kind: 'unread'}
 *   | {kind: 'unreadable', reason: 'too-large', bytes: number}
 *   | {kind: 'unreadable', reason: 'outside' | 'broken-link'}
 *   | {kind: 'unreadable', reason: 'io', detail: string}} Found
 */

/**
 * @param {string} child
 * @param {string} parent
 */
function isWithin(child, parent) {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** @param {string} relative */
function toPosix(relative) {
  return relative.split(path.sep).join('/');
}

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
 * Reads a file of at most `maxFileBytes`: into a buffer of its own length, one byte longer to
 * tell a file that grew since the stat.
 * @param {string} file
 * @param {number} maxFileBytes
 * @returns {Found}
 */
function readFile(file, maxFileBytes) {
  /** @type {number | undefined} */
  let fd;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > maxFileBytes) return { kind: 'unreadable', reason: 'too-large', bytes: size };
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxFileBytes) return { kind: 'unreadable', reason: 'too-large', bytes: length };
        // It grew: read on, up to one byte past the limit.
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxFileBytes + 1));
        buffer.copy(larger);
        buffer = larger;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxFileBytes) return { kind: 'unreadable', reason: 'too-large', bytes: length };
    return { kind: 'bytes', data: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (thrown) {
    const error = /** @type {NodeJS.ErrnoException} */ (thrown);
    return { kind: 'unreadable', reason: 'io', detail: error.code ?? error.message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  const found = readFile(real, maxFileBytes);
  /** @param {string} why */
  const cannot = (why) => new InputError(`input \`${name}\` is \`${input}\`, which cannot be read: ${why}`);
  if (found.kind === 'unreadable') {
    throw cannot(found.reason === 'too-large' ? `it is ${found.bytes} bytes, more than ${maxFileBytes}` : 'detail' in found ? found.detail : found.reason);
  }
  if (found.kind !== 'bytes') throw cannot('it is not a file');
  try {
    return { path: toPosix(path.relative(root, real)), text: new TextDecoder('utf-8', { fatal: true }).decode(found.data) };
  } catch {
    throw cannot('it is not UTF-8 text');
  }
}

/**
 * @param {string} absolute
 * @param {string} root
 * @param {string} relative
 * @param {ReadPolicy} policy
 * @returns {Promise<Found | null>}
 */
async function describeLink(absolute, root, relative, { needsContent, maxFileBytes }) {
  let target;
  try {
    target = await realpath(absolute);
  } catch {
    return needsContent(relative) ? { kind: 'unreadable', reason: 'broken-link' } : { kind: 'unread' };
  }
  // Linked folders are not walked: no escape, no cycles, no double counting.
  if (!(await stat(target)).isFile()) return null;
  if (!isWithin(target, root)) {
    return needsContent(relative) ? { kind: 'unreadable', reason: 'outside' } : { kind: 'unread' };
  }
  return needsContent(relative) ? readFile(target, maxFileBytes) : { kind: 'unread' };
}

/**
 * Walks `root` (a real path from resolveRoot) and returns every file, sorted by path.
 * @param {string} root
 * @param {ReadPolicy} policy which files the core reads, and how large they may be
 * @returns {Promise<Map<string, Found>>} repository path -> what was found
 */
export async function readRepository(root, policy) {
  /** @type {Map<string, Found>} */
  const files = new Map();
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch (error) {
      throw new InputError(`cannot read the folder \`${dir || '.'}\` of the repository: ${/** @type {NodeJS.ErrnoException} */ (error).message}`);
    }
    for (const entry of entries) {
      if (SKIPPED_NAMES.has(entry.name)) continue;
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      const absolute = path.join(root, relative);
      if (entry.isDirectory()) {
        pending.push(relative);
      } else if (entry.isFile()) {
        files.set(relative, policy.needsContent(relative) ? readFile(absolute, policy.maxFileBytes) : { kind: 'unread' });
      } else if (entry.isSymbolicLink()) {
        const found = await describeLink(absolute, root, relative, policy);
        if (found) files.set(relative, found);
      }
      // Sockets, FIFOs and devices are not files a build reads.
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
