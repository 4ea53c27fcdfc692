// @ts-check
// One workspace folder: the repository read from disk as the action reads it (never outside
// the folder, no symlink out of it, the core's size limit), kept in the core's Workspace, with
// the editor's open buffers laid over the files on disk.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { toCoreContent, toCoreFiles } from '../shared/core-files.mjs';
import { isWithin, readEntry, readRepository, textOf, toPosix } from '../shared/repository.mjs';
import { TextLines } from './positions.mjs';

/** @typedef {typeof import('../../pkg/stacklint.js')} Core */
/** @typedef {import('../../pkg/stacklint.js').WorkspaceOptions} WorkspaceOptions */

export class Project {
  /**
   * Reads the folder and loads it into the core.
   * @param {Core} core
   * @param {string} folder the folder as the editor names it (absolute)
   * @param {WorkspaceOptions} options
   */
  static async open(core, folder, options) {
    const root = await realpath(folder);
    const policy = { needsContent: core.needsContent, maxFileBytes: core.limits().maxFileBytes };
    const found = await readRepository(root, policy);
    return new Project(core, folder, root, policy, found, options);
  }

  /**
   * @param {Core} core
   * @param {string} folder
   * @param {string} root the folder's real path
   * @param {import('../shared/repository.mjs').ReadPolicy} policy
   * @param {Map<string, import('../shared/repository.mjs').Found>} found
   * @param {WorkspaceOptions} options
   */
  constructor(core, folder, root, policy, found, options) {
    this.core = core;
    this.folder = path.resolve(folder);
    this.root = root;
    this.policy = policy;
    /** What is on disk, for the files the editor does not have open. */
    this.disk = found;
    /** @type {Map<string, string>} repository path -> the editor's text */
    this.buffers = new Map();
    this.workspace = new core.Workspace(options);
    this.workspace.set(toCoreFiles(found));
  }

  /**
   * Checks with other options (settings changed); throws what the core says is wrong with them.
   * @param {WorkspaceOptions} options
   */
  reconfigure(options) {
    const workspace = new this.core.Workspace(options);
    workspace.set(toCoreFiles(this.disk));
    for (const [relative, text] of this.buffers) workspace.set({ [relative]: text });
    this.workspace.free();
    this.workspace = workspace;
  }

  /**
   * The repository path of a file, or null when it is not inside this folder.
   * @param {string} file an absolute path
   */
  relative(file) {
    const absolute = path.resolve(file);
    for (const base of [this.folder, this.root]) {
      if (isWithin(absolute, base) && absolute !== base) return toPosix(path.relative(base, absolute));
    }
    return null;
  }

  /** @param {string} relative */
  uri(relative) {
    return pathToFileURL(path.join(this.folder, ...relative.split('/'))).href;
  }

  /** Whether the core reads this file, so it has findings to show. @param {string} relative */
  reads(relative) {
    return this.core.needsContent(relative);
  }

  /**
   * The editor's text of a file replaces what is on disk.
   * @param {string} relative
   * @param {string} text
   */
  setBuffer(relative, text) {
    this.buffers.set(relative, text);
    this.workspace.set({ [relative]: text });
  }

  /**
   * The editor closed a file: what is on disk counts again.
   * @param {string} relative
   */
  async closeBuffer(relative) {
    this.buffers.delete(relative);
    await this.reread(relative);
  }

  /**
   * A file changed, appeared or went away on disk; an open buffer still wins.
   * @param {string} relative
   */
  async diskChanged(relative) {
    if (this.buffers.has(relative)) {
      const found = await readEntry(this.root, relative, this.policy);
      if (found) this.disk.set(relative, found);
      else this.disk.delete(relative);
      return;
    }
    await this.reread(relative);
  }

  /** @param {string} relative */
  async reread(relative) {
    const found = await readEntry(this.root, relative, this.policy);
    if (found) {
      this.disk.set(relative, found);
      this.workspace.set({ [relative]: toCoreContent(found) });
    } else {
      this.disk.delete(relative);
      this.workspace.remove([relative]);
    }
  }

  /**
   * The text of a file as the core sees it: the buffer, else what is on disk.
   * @param {string} relative
   * @returns {string | null}
   */
  text(relative) {
    const buffer = this.buffers.get(relative);
    if (buffer !== undefined) return buffer;
    const found = this.disk.get(relative);
    return textOf(found);
  }

  /**
   * The lines of a file, to convert positions in it; an unread file has one empty line.
   * @param {string} relative
   */
  lines(relative) {
    return new TextLines(this.text(relative) ?? '');
  }

  /**
   * The findings in these files (the open ones).
   * @param {string[]} focus
   * @returns {import('../../pkg/stacklint.js').Report}
   */
  check(focus) {
    return this.workspace.check(focus);
  }

  dispose() {
    this.workspace.free();
  }
}
