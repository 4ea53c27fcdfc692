// @ts-check
// What the pull request changed, from the real `git` in the checkout: the changed paths (the
// core's scope) and the changed line ranges (annotation ranking). Arguments always go to git
// as an array, never through a shell, and no diff driver or textconv filter of the repository
// is run.
import { execFile } from 'node:child_process';

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

// Settings a user's or repository's git config could change and the parsers below rely on.
const PINNED_CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false'];
const DIFF_FLAGS = ['--no-renames', '--relative', '--no-color', '--no-ext-diff', '--no-textconv'];

/**
 * A failed git run: Node's error with what git wrote to stderr.
 * @typedef {import('node:child_process').ExecFileException & {stderr?: string}} GitError
 */

/**
 * Runs git in `cwd`; resolves to its stdout, rejects with a {@link GitError}.
 * @param {string} cwd
 * @param {string[]} args
 * @returns {Promise<string>}
 */
function git(cwd, args) {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...PINNED_CONFIG, ...args],
      { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => {
        if (error) {
          reject(Object.assign(error, { stderr }));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/** @param {unknown} rejection what {@link git} rejected with */
function firstLine(rejection) {
  const error = /** @type {GitError} */ (rejection);
  if (error.code === 'ENOENT') return 'git is not installed';
  const text = (error.stderr || error.message || '').trim();
  return text.split('\n')[0];
}

/**
 * Decodes a path git wrote as a C-style quoted string ("a\tb", "\303\251").
 * @param {string} text
 */
export function unquoteGitPath(text) {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  /** @type {Record<string, number | undefined>} */
  const escapes = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };
  /** @type {number[]} */
  const bytes = [];
  const body = Buffer.from(text.slice(1, -1), 'utf8');
  for (let i = 0; i < body.length; i++) {
    if (body[i] !== 92 || i + 1 >= body.length) {
      bytes.push(body[i]);
      continue;
    }
    const next = String.fromCharCode(body[i + 1]);
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.subarray(i + 1, i + 4).toString('latin1'), 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? body[i + 1]);
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The new-side line ranges of a `git diff --unified=0` patch, per path.
 * A pure deletion marks the line after which lines were removed.
 * @param {string} patch
 * @returns {Map<string, Array<[number, number]>>} path -> inclusive 1-based [start, end] ranges
 */
export function parseChangedLines(patch) {
  /** @type {Map<string, Array<[number, number]>>} */
  const changed = new Map();
  /** @type {string | null} the file the following hunks belong to */
  let current = null;
  for (const line of patch.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = unquoteGitPath(line.slice(4));
      current = target === '/dev/null' ? null : target.replace(/^b\//, '');
      if (current !== null && !changed.has(current)) changed.set(current, []);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current !== null) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      changed.get(current)?.push(count === 0 ? [Math.max(start, 1), Math.max(start, 1)] : [start, start + count - 1]);
    }
  }
  return changed;
}

/**
 * Whether lines [start, end] of `path` overlap what the change touched.
 * @param {Map<string, Array<[number, number]>>} changedLines from parseChangedLines
 * @param {string} path
 * @param {number} start
 * @param {number} end
 */
export function touchesChangedLines(changedLines, path, start, end) {
  const ranges = changedLines.get(path);
  return ranges !== undefined && ranges.some(([from, to]) => start <= to && end >= from);
}

/**
 * Compares HEAD with the merge base of `base`, in the repository at `cwd`. Paths are relative
 * to `cwd` (files outside it are left out).
 * @param {string} cwd
 * @param {string} base a branch, tag or commit
 * @returns {Promise<{ok: true, files: string[], lines: Map<string, Array<[number, number]>>}
 *   | {ok: false, reason: string, shallow: boolean, checkout: boolean}>}
 */
export async function diffAgainstBase(cwd, base) {
  let shallow = false;
  try {
    shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  } catch (error) {
    return { ok: false, shallow, checkout: false, reason: `${cwd} is not a git checkout (${firstLine(error)})` };
  }
  // actions/checkout fetches branches as origin/<name> only: `base: main` means origin/main.
  let found = null;
  for (const candidate of [base, `origin/${base}`]) {
    try {
      await git(cwd, ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`]);
      found = candidate;
      break;
    } catch {
      // Try the next spelling.
    }
  }
  if (found === null) return { ok: false, shallow, checkout: true, reason: `the base \`${base}\` is not in this clone` };
  try {
    await git(cwd, ['merge-base', found, 'HEAD']);
  } catch {
    return { ok: false, shallow, checkout: true, reason: `git cannot find a common ancestor of \`${base}\` and HEAD` };
  }
  const range = `${found}...HEAD`;
  try {
    const names = await git(cwd, ['diff', '--name-only', '-z', ...DIFF_FLAGS, range, '--']);
    const patch = await git(cwd, ['diff', '--unified=0', '--src-prefix=a/', '--dst-prefix=b/', ...DIFF_FLAGS, range, '--']);
    return { ok: true, files: names.split('\0').filter(Boolean).sort(), lines: parseChangedLines(patch) };
  } catch (error) {
    return { ok: false, shallow, checkout: true, reason: `git diff ${range} failed: ${firstLine(error)}` };
  }
}
