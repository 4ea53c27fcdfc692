// @ts-check
// The virtual repository the page checks: repository-relative paths mapped to text. Paths
// follow the core's rules so `check` never rejects the tree the page built.

/**
 * Why `path` cannot name a file in the repository, or null when it can.
 * @param {string} path
 */
export function pathProblem(path) {
  if (path.trim() === "") return "enter a file path, e.g. AI/pytorch/meta.yml";
  if (path !== path.trim()) return "remove the spaces around the path";
  if (path.includes("\\")) return "use / between folders, not \\";
  if (path.startsWith("/")) return "paths are relative to the repository: remove the leading /";
  const segments = path.split("/");
  if (segments.includes("..")) return "`..` would leave the repository";
  if (segments.some((segment) => segment === "" || segment === ".")) {
    return "remove the empty or `.` folder from the path";
  }
  return null;
}

/**
 * Plain path order keeps files of one image folder together.
 * @param {string} a
 * @param {string} b
 */
function byPath(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class VirtualRepo {
  /** @param {Record<string, string>} files */
  constructor(files = {}) {
    /** @type {Map<string, string>} */
    this.files = new Map();
    for (const [path, text] of Object.entries(files)) this.add(path, text);
  }

  paths() {
    return [...this.files.keys()].sort(byPath);
  }

  /** @param {string} path */
  has(path) {
    return this.files.has(path);
  }

  /**
   * The text of `path`; undefined when the repository has no such file.
   * @param {string} path
   */
  read(path) {
    return this.files.get(path);
  }

  /**
   * @param {string} path
   * @param {string} text
   */
  write(path, text) {
    if (!this.files.has(path)) throw new Error(`no file \`${path}\` in the repository`);
    this.files.set(path, normalizeNewlines(text));
  }

  /**
   * @param {string} path
   * @param {string} [text]
   */
  add(path, text = "") {
    const problem = pathProblem(path) ?? (this.files.has(path) ? `\`${path}\` already exists` : null);
    if (problem) throw new Error(problem);
    this.files.set(path, normalizeNewlines(text));
  }

  /**
   * @param {string} from
   * @param {string} to
   */
  rename(from, to) {
    if (from === to) return;
    const text = this.files.get(from);
    if (text === undefined) throw new Error(`no file \`${from}\` in the repository`);
    this.add(to, text);
    this.files.delete(from);
  }

  /** @param {string} path */
  remove(path) {
    this.files.delete(path);
  }

  /**
   * The `files` argument of the core's `check`, in path order.
   * @returns {Record<string, string>}
   */
  toObject() {
    return Object.fromEntries([...this.files].sort(([a], [b]) => byPath(a, b)));
  }
}

/**
 * The editor only knows `\n`; pasted or linked text may carry `\r\n`.
 * @param {string} text
 */
function normalizeNewlines(text) {
  return String(text).replace(/\r\n?/g, "\n");
}
