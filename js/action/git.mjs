// @ts-check
// The base of a pull request, from the real `git` in the checkout: the commit the change is
// compared with, its tree (only the files the core reads, in one `git cat-file --batch`), and
// the paths the change touched. In a shallow clone the base commit is fetched first. Arguments
// always go to git as an array, never through a shell; no diff driver or textconv filter of
// the repository is run.
import { execFile, spawn } from 'node:child_process';

const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

// Settings a user's or repository's git config could change and the parsers below rely on.
const PINNED_CONFIG = ['-c', 'core.quotePath=false', '-c', 'diff.noprefix=false', '-c', 'diff.mnemonicPrefix=false'];
const DIFF_FLAGS = ['--no-renames', '--relative', '--no-color', '--no-ext-diff', '--no-textconv'];
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

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
    execFile('git', [...PINNED_CONFIG, ...args], { cwd, encoding: 'utf8', maxBuffer: MAX_OUTPUT_BYTES, env: GIT_ENV }, (error, stdout, stderr) => {
      if (error) {
        reject(Object.assign(error, { stderr }));
      } else {
        resolve(stdout);
      }
    });
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
 * The commit `candidate` names, or null.
 * @param {string} cwd
 * @param {string} candidate
 */
async function commitOf(cwd, candidate) {
  try {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`])).trim();
  } catch {
    return null;
  }
}

/**
 * Finds the base commit, fetching it into a shallow clone (actions/checkout's default keeps
 * only the commit under test); `base: main` also means `origin/main`, as actions/checkout
 * fetches branches.
 * @param {string} cwd
 * @param {string} base
 * @param {boolean} shallow
 * @returns {Promise<{sha: string, fetched: boolean} | {sha: null, reason: string}>}
 */
async function findBase(cwd, base, shallow) {
  for (const candidate of [base, `origin/${base}`]) {
    const sha = await commitOf(cwd, candidate);
    if (sha) return { sha, fetched: false };
  }
  if (!shallow) return { sha: null, reason: `the base \`${base}\` is not in this clone` };
  try {
    await git(cwd, ['fetch', '--depth=1', '--no-tags', '--no-recurse-submodules', '--quiet', 'origin', '--end-of-options', base]);
  } catch (error) {
    return { sha: null, reason: `the base \`${base}\` is not in this shallow clone and fetching it failed (${firstLine(error)})` };
  }
  const sha = await commitOf(cwd, 'FETCH_HEAD');
  return sha ? { sha, fetched: true } : { sha: null, reason: `fetching the base \`${base}\` brought no commit` };
}

/**
 * The commit whose tree the change is compared with: the base itself when HEAD is the pull
 * request's merge commit on it (what actions/checkout checks out), else the merge base of
 * the base and HEAD, so that later commits on the base branch do not look reverted.
 * @param {string} cwd
 * @param {string} baseSha
 * @returns {Promise<{commit: string, note: string}>}
 */
async function comparisonCommit(cwd, baseSha) {
  // The commit object names its parents even when a shallow clone lacks them.
  const head = await git(cwd, ['cat-file', 'commit', 'HEAD']);
  const parents = head.split('\n').filter((line) => line.startsWith('parent ')).map((line) => line.slice(7));
  if (parents.includes(baseSha)) return { commit: baseSha, note: '' };
  try {
    return { commit: (await git(cwd, ['merge-base', '--end-of-options', baseSha, 'HEAD'])).trim(), note: '' };
  } catch {
    return { commit: baseSha, note: ' (no common ancestor with HEAD in this clone: compared with the base commit itself)' };
  }
}

/**
 * Reads blobs with one `git cat-file --batch`: the bytes of each object, in order.
 * @param {string} cwd
 * @param {string[]} objects
 * @returns {Promise<Buffer[]>}
 */
function catBlobs(cwd, objects) {
  if (objects.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...PINNED_CONFIG, 'cat-file', '--batch'], { cwd, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const chunks = [];
    let stderr = '';
    child.stdout.on('data', (chunk) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(Object.assign(new Error(`git cat-file exited with ${code}`), { stderr }));
      const output = Buffer.concat(chunks);
      /** @type {Buffer[]} */
      const blobs = [];
      let at = 0;
      for (const object of objects) {
        const end = output.indexOf(10, at);
        const header = output.subarray(at, end).toString('latin1');
        const size = Number(header.split(' ')[2]);
        if (end < 0 || !Number.isSafeInteger(size)) return reject(Object.assign(new Error(`git cat-file could not read ${object}`), { stderr: header }));
        blobs.push(output.subarray(end + 1, end + 1 + size));
        at = end + 1 + size + 1;
      }
      resolve(blobs);
    });
    child.stdin.end(objects.map((object) => `${object}\n`).join(''));
  });
}

/**
 * @typedef {object} BaseTree
 * @property {true} ok
 * @property {Map<string, import('../shared/repository.mjs').Found>} files the base tree below `cwd`,
 *   as readRepository finds the head's
 * @property {string} commit the commit read
 * @property {string[]} changed the paths the change touched (relative to `cwd`), as git sees
 *   them: also files whose content the core does not read
 * @property {boolean} fetched the base was fetched into a shallow clone
 * @property {string} note what to say about the comparison, or ''
 */

/**
 * The base of a change of the checked folder `cwd`: the tree stacklint compares the head
 * with, read from git.
 * @param {string} cwd
 * @param {string} base a branch, tag or commit
 * @param {import('../shared/repository.mjs').ReadPolicy} policy which files the core reads
 * @returns {Promise<BaseTree | {ok: false, reason: string, shallow: boolean, checkout: boolean}>}
 */
export async function readBase(cwd, base, policy) {
  let shallow = false;
  try {
    shallow = (await git(cwd, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
  } catch (error) {
    return { ok: false, shallow, checkout: false, reason: `${cwd} is not a git checkout (${firstLine(error)})` };
  }
  const found = await findBase(cwd, base, shallow);
  if (found.sha === null) return { ok: false, shallow, checkout: true, reason: found.reason };
  try {
    const { commit, note } = await comparisonCommit(cwd, found.sha);
    const prefix = (await git(cwd, ['rev-parse', '--show-prefix'])).replace(/\n$/, '');
    const listing = await git(cwd, ['ls-tree', '-r', '-z', '-l', '--full-tree', '--end-of-options', commit]);
    /** @type {Map<string, import('../shared/repository.mjs').Found>} */
    const files = new Map();
    /** @type {Array<[string, string]>} */
    const wanted = [];
    for (const record of listing.split('\0')) {
      const tab = record.indexOf('\t');
      if (tab < 0) continue;
      const [mode, kind, object, size] = record.slice(0, tab).split(/ +/);
      const path = record.slice(tab + 1);
      if (kind !== 'blob' || !path.startsWith(prefix)) continue;
      const relative = path.slice(prefix.length);
      if (!policy.needsContent(relative)) files.set(relative, { kind: 'unread' });
      else if (mode === '120000') files.set(relative, { kind: 'unreadable', reason: 'io', detail: 'a symbolic link in the base commit' });
      else if (Number(size) > policy.maxFileBytes) files.set(relative, { kind: 'unreadable', reason: 'too-large', bytes: Number(size) });
      else wanted.push([relative, object]);
    }
    const blobs = await catBlobs(cwd, wanted.map(([, object]) => object));
    // The core decodes the bytes exactly as it decodes a file on disk.
    wanted.forEach(([relative], index) => files.set(relative, { kind: 'bytes', data: new Uint8Array(blobs[index]) }));
    const names = await git(cwd, ['diff', '--name-only', '-z', ...DIFF_FLAGS, commit, 'HEAD', '--']);
    const changed = names.split('\0').filter(Boolean).sort();
    return { ok: true, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), commit, changed, fetched: found.fetched, note };
  } catch (error) {
    return { ok: false, shallow, checkout: true, reason: `git could not read the base \`${base}\`: ${firstLine(error)}` };
  }
}
