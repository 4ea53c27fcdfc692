// pre-commit (from PyPI, installed by scripts/setup.sh) runs this repository's
// .pre-commit-hooks.yaml on a fixture repository with real git: the `stacklint-system` hook
// with the binary cargo builds. (The `language: rust` hook builds the same binary with
// `cargo install`; see the README's "Before you commit".)
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { REPO_ROOT } from '../lsp/harness.mjs';

const PRE_COMMIT = path.join(REPO_ROOT, 'target/pre-commit-venv/bin/pre-commit');

/** The binary the system hook runs, built as the test command builds it. */
function stacklintBin() {
  execFileSync('cargo', ['build', '--locked', '--quiet', '--bin', 'stacklint'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return path.join(REPO_ROOT, 'target/debug');
}

/** A git repository holding tests/lsp/repo, committed; pytorch has findings already. */
function repository(t) {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'stacklint-pre-commit-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(path.join(REPO_ROOT, 'tests/lsp/repo'), path.join(dir, 'repo'), { recursive: true });
  const repo = path.join(dir, 'repo');
  // An image nothing is built on, and that is built on nothing of the repository.
  const write = (/** @type {string} */ relative, /** @type {string} */ text) => {
    mkdirSync(path.dirname(path.join(repo, relative)), { recursive: true });
    writeFileSync(path.join(repo, relative), text);
  };
  write('Others/image-list.yml', 'images:\n  app: app\n');
  write('Others/app/meta.yml', '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n');
  write('Others/app/1.0/24.03-lts/Dockerfile', 'FROM openeuler/openeuler:24.03-lts\n');
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
  const git = (/** @type {string[]} */ ...args) => execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'the images');
  return { repo, git, home: path.join(dir, 'pre-commit-home'), env };
}

/**
 * `pre-commit try-repo <this repository> stacklint-system` on the staged files: the hook as this
 * checkout defines it, uncommitted changes included.
 * @param {{repo: string, home: string, env: NodeJS.ProcessEnv}} where
 */
function runHook({ repo, home, env }) {
  assert.ok(existsSync(PRE_COMMIT), 'pre-commit is missing: run scripts/setup.sh');
  const run = spawnSync(PRE_COMMIT, ['try-repo', REPO_ROOT, 'stacklint-system', '--verbose'], {
    cwd: repo,
    env: { ...env, PRE_COMMIT_HOME: home, PATH: `${stacklintBin()}${path.delimiter}${env.PATH}`, NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 240000,
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test('a staged change that breaks an image stops the commit, naming the finding', (t) => {
  const where = repository(t);
  writeFileSync(path.join(where.repo, 'AI/cann/meta.yml'), '8.0.RC1-oe2403lts:\n  path: 8.0.RC1/24.03-lts/Dockerfil\n');
  where.git('add', 'AI/cann/meta.yml');
  const { status, output } = runHook(where);
  assert.equal(status, 1, output);
  assert.match(output, /error\[P001\]: tag `8\.0\.RC1-oe2403lts` points at `8\.0\.RC1\/24\.03-lts\/Dockerfil`/);
  assert.match(output, /--> AI\/cann\/meta\.yml:2:9/);
});

test('a staged change to a clean image passes, whatever is wrong elsewhere', (t) => {
  const where = repository(t);
  writeFileSync(path.join(where.repo, 'Others/app/meta.yml'), '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n1.1-oe2403lts:\n  path: 1.1/24.03-lts/Dockerfile\n');
  mkdirSync(path.join(where.repo, 'Others/app/1.1/24.03-lts'), { recursive: true });
  writeFileSync(path.join(where.repo, 'Others/app/1.1/24.03-lts/Dockerfile'), 'FROM openeuler/openeuler:24.03-lts\n');
  where.git('add', 'Others');
  const { status, output } = runHook(where);
  assert.equal(status, 0, output);
  assert.match(output, /stacklint\.+Passed/);
  assert.match(output, /0 errors, 0 warnings/);
  assert.doesNotMatch(output, /AI\/pytorch/);
});
