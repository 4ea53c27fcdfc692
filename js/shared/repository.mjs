// @ts-check
// Reads a repository for the core, the same way in every shell (the action, the language
// server): never outside the root, no symlink followed out of it, no file read past the size
// the core accepts. Only the files the core says it reads are opened; every other file is
// listed as "exists, not read".
import { closeSync, fstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

const SKIPPED_NAMES = new Set(['.git', 'node_modules']);

/** A repository that cannot be read at all (a folder that cannot be listed). */
export class RepositoryError extends Error {
  name = 'RepositoryError';
}

/**
 * What the core reads, from the core itself (`needsContent`, `limits().maxFileBytes`).
 * @typedef {{needsContent: (path: string) => boolean, maxFileBytes: number}} ReadPolicy
 */

/**
 * What was found for one file:
 * - `{kind: 'bytes', data}`: a file the core reads, as it is on disk; the core decodes and
 *   judges it exactly as it judges a file the CLI reads (UTF-8, BOM, NUL bytes, size);
 * - `{kind: 'unread'}`: exists, its content is not needed;
 * - `{kind: 'unreadable', reason, bytes?, detail?}`: a file the core needs but cannot have,
 *   reason `too-large` (with its size) | `outside` | `broken-link` | `io` (with the cause).
 * @typedef {{kind: 'bytes', data: Uint8Array} | {kind: 'unread'}
 *   | {kind: 'unreadable', reason: 'too-large', bytes: number}
 *   | {kind: 'unreadable', reason: 'outside' | 'broken-link'}
 *   | {kind: 'unreadable', reason: 'io', detail: string}} Found
 */

/**
 * Whether `child` is `parent` or lies below it (both absolute).
 * @param {string} child
 * @param {string} parent
 */
export function isWithin(child, parent) {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * A path relative to the root as the core names it: `/` separators.
 * @param {string} relative
 */
export function toPosix(relative) {
  return relative.split(path.sep).join('/');
}

/**
 * A file's bytes, at most `maxFileBytes` of them: a larger file is reported, not read. The
 * buffer is the file's own length (a 2 MiB buffer per file made the action many times slower
 * than the CLI), one byte longer to tell a file that grew since the stat.
 * @param {string} file
 * @param {number} maxFileBytes
 * @returns {Promise<Found>}
 */
export async function readFile(file, maxFileBytes) {
  return readFileNow(file, maxFileBytes);
}

/**
 * {@link readFile}, synchronously: the walk reads thousands of small files, and each await
 * of an asynchronous open, stat, read and close is a round trip through Node's thread pool
 * that costs more than the read itself.
 * @param {string} file
 * @param {number} maxFileBytes
 * @returns {Found}
 */
function readFileNow(file, maxFileBytes) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const { size } = fstatSync(fd);
    if (size > maxFileBytes) return { kind: 'unreadable', reason: 'too-large', bytes: size };
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxFileBytes) break;
        // It grew: read on, up to one byte past the limit.
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxFileBytes + 1));
        buffer.copy(grown);
        buffer = grown;
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
 * The text of what was read, for a shell that needs it itself (positions in an editor, a
 * named configuration file): UTF-8 with a BOM kept, as the core reads it; `null` for a file
 * that is not UTF-8 text or was not read.
 * @param {Found | null | undefined} found
 * @returns {string | null}
 */
export function textOf(found) {
  if (found?.kind !== 'bytes' || found.data.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(found.data);
  } catch {
    return null;
  }
}

/**
 * @param {string} absolute
 * @param {string} root
 * @param {string} relative
 * @param {ReadPolicy} policy
 * @returns {Promise<Found | null>}
 */
async function describeLink(absolute, root, relative, policy) {
  return describeLinkNow(absolute, root, relative, policy);
}

/**
 * {@link describeLink}, synchronously (see {@link readFileNow}).
 * @param {string} absolute
 * @param {string} root
 * @param {string} relative
 * @param {ReadPolicy} policy
 * @returns {Found | null}
 */
function describeLinkNow(absolute, root, relative, { needsContent, maxFileBytes }) {
  let target;
  try {
    target = realpathSync(absolute);
  } catch {
    return needsContent(relative) ? { kind: 'unreadable', reason: 'broken-link' } : { kind: 'unread' };
  }
  // Linked folders are not walked: no escape, no cycles, no double counting.
  if (!statSync(target).isFile()) return null;
  if (!isWithin(target, root)) {
    return needsContent(relative) ? { kind: 'unreadable', reason: 'outside' } : { kind: 'unread' };
  }
  return needsContent(relative) ? readFileNow(target, maxFileBytes) : { kind: 'unread' };
}

/**
 * One file of the repository, read as the walk reads it: `null` when there is no file at
 * `relative` (it was deleted, it is a folder, a socket, a link to a folder) or the path
 * leaves the root.
 * @param {string} root a real path
 * @param {string} relative the repository path (`/` separators)
 * @param {ReadPolicy} policy
 * @returns {Promise<Found | null>}
 */
export async function readEntry(root, relative, policy) {
  const absolute = path.resolve(root, ...relative.split('/'));
  if (!isWithin(absolute, root) || absolute === root) return null;
  if (relative.split('/').some((segment) => SKIPPED_NAMES.has(segment))) return null;
  let entry;
  try {
    entry = await lstat(absolute);
    // A folder on the way that is a link leads elsewhere: the walk does not go there either.
    const parent = await realpath(path.dirname(absolute));
    if (parent !== path.dirname(absolute)) return null;
  } catch {
    return null;
  }
  if (entry.isFile()) return policy.needsContent(relative) ? readFile(absolute, policy.maxFileBytes) : { kind: 'unread' };
  if (entry.isSymbolicLink()) {
    try {
      return await describeLink(absolute, root, relative, policy);
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Walks `root` (a real path) and returns every file, sorted by path.
 * @param {string} root
 * @param {ReadPolicy} policy which files the core reads, and how large they may be
 * @returns {Promise<Map<string, Found>>} repository path -> what was found
 */
export async function readRepository(root, policy) {
  // Synchronous throughout: one process reading one tree, like the CLI. Thousands of awaited
  // folder listings and file reads cost a thread-pool round trip each, several times the
  // work itself (the real repository: 3,300 folders, 2,200 files read).
  /** @type {Map<string, Found>} */
  const files = new Map();
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    let entries;
    try {
      entries = readdirSync(path.join(root, dir), { withFileTypes: true });
    } catch (error) {
      throw new RepositoryError(`cannot read the folder \`${dir || '.'}\` of the repository: ${/** @type {NodeJS.ErrnoException} */ (error).message}`);
    }
    for (const entry of entries) {
      if (SKIPPED_NAMES.has(entry.name)) continue;
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        pending.push(relative);
      } else if (entry.isFile()) {
        files.set(relative, policy.needsContent(relative) ? readFileNow(path.join(root, relative), policy.maxFileBytes) : { kind: 'unread' });
      } else if (entry.isSymbolicLink()) {
        const found = describeLinkNow(path.join(root, relative), root, relative, policy);
        if (found) files.set(relative, found);
      }
      // Sockets, FIFOs and devices are not files a build reads.
    }
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
