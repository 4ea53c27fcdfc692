// @ts-check
// `fix: patch` end to end: real git repositories, the committed bundle under Node 24, and the
// patch applied with the real `git apply`, after which the same check is clean.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { git, pullRequestEvent, pullRequestRepo, runAction, sceneFiles, scratch } from './harness.mjs';

/**
 * @param {import('node:test').TestContext} t
 * @param {Record<string, string>} baseFiles
 * @param {Record<string, string>} changes
 */
function pullRequest(t, baseFiles, changes) {
  const repo = pullRequestRepo(path.join(scratch(t), 'repo'), baseFiles, changes);
  return { ...repo, event: pullRequestEvent(repo) };
}

// An old mistake on main (a root-relative path), which the change does not introduce.
const OLD_MISTAKE = '2.1-oe2203sp4:\n  path: AI/vision/2.1/22.03-lts-sp4/Dockerfile\n';

/** The change: a new tag with a malformed suffix and a Docker arch name. */
function change() {
  return {
    'AI/vision/meta.yml': `${OLD_MISTAKE}2.2-22.03-lts-sp4:\n  path: 2.2/22.03-lts-sp4/Dockerfile\n  arch: amd64\n`,
    'AI/vision/2.2/22.03-lts-sp4/Dockerfile': 'FROM openeuler/openeuler:22.03-lts-sp4\n',
  };
}

function base() {
  return { ...sceneFiles(), 'AI/vision/meta.yml': OLD_MISTAKE };
}

test('fix: patch writes the safe fixes of what the change introduced; git applies it and the check is clean', (t) => {
  const { dir, event } = pullRequest(t, base(), change());
  const result = runAction(t, { workspace: dir, event, inputs: { fix: 'patch' } });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  const patchFile = result.outputs['patch-file'];
  assert.equal(patchFile, path.join(result.runnerDir, 'stacklint-fixes.patch'));
  const patch = readFileSync(patchFile, 'utf8');
  // The tag is new in the change, so renaming it is safe; the old P003 is not the change's.
  assert.equal(
    patch,
    '--- a/AI/vision/meta.yml\n+++ b/AI/vision/meta.yml\n@@ -1,5 +1,5 @@\n 2.1-oe2203sp4:\n   path: AI/vision/2.1/22.03-lts-sp4/Dockerfile\n' +
      '-2.2-22.03-lts-sp4:\n+2.2-oe2203sp4:\n   path: 2.2/22.03-lts-sp4/Dockerfile\n-  arch: amd64\n+  arch: x86_64\n',
  );
  assert.match(result.stdout, new RegExp(`^stacklint wrote 2 safe fixes \\(A001 ×1, T002 ×1\\) to ${patchFile.replace(/[.]/g, '\\.')}; apply them with`, 'm'));
  // The summary shows each fix as a diff block after the findings.
  assert.match(result.summary, /### Fixes/);
  assert.match(result.summary, /<code>T002<\/code><\/a> <a href="[^"]+">AI\/vision\/meta\.yml:3<\/a>: rename the tag to <code>2\.2-oe2203sp4<\/code> \(safe\)<\/p>\n\n```diff\n--- a\/AI\/vision\/meta\.yml\n/);
  // Fork-safe: no file in the checkout changed.
  assert.equal(git(dir, 'status', '--porcelain'), '');

  git(dir, 'apply', '--check', patchFile);
  git(dir, 'apply', patchFile);
  git(dir, 'commit', '-qam', 'apply the fixes');
  const again = runAction(t, { workspace: dir, event: pullRequestEvent({ base: event.pull_request.base.sha, head: git(dir, 'rev-parse', 'HEAD') }), inputs: { fix: 'patch' } });
  assert.equal(again.status, 0, again.stdout);
  assert.equal(again.outputs.findings, '0');
  assert.equal(again.outputs['patch-file'], '');
  assert.match(again.stdout, /^stacklint found no safe fix to put in a patch$/m);
});

test('without fix: patch there is no patch and no fix block; unsafe fixes never reach the patch', (t) => {
  const changes = change();
  const { dir, event } = pullRequest(t, base(), changes);
  const plain = runAction(t, { workspace: dir, event });
  assert.equal(plain.outputs['patch-file'], undefined);
  assert.doesNotMatch(plain.summary, /### Fixes/);

  // A key typo has only an unsafe fix: it is shown in the summary, not put in the patch.
  const typo = pullRequest(t, base(), {
    'AI/vision/meta.yml': `${OLD_MISTAKE}2.2-oe2203sp4:\n  pth: 2.2/22.03-lts-sp4/Dockerfile\n`,
    'AI/vision/2.2/22.03-lts-sp4/Dockerfile': 'FROM openeuler/openeuler:22.03-lts-sp4\n',
  });
  const result = runAction(t, { workspace: typo.dir, event: typo.event, inputs: { fix: 'patch' } });
  assert.equal(result.outputs['patch-file'], '');
  assert.ok(!existsSync(path.join(result.runnerDir, 'stacklint-fixes.patch')));
  assert.match(result.summary, /rename the key to <code>path<\/code> \(unsafe\)/);
});

test('fix: patch in a sub-folder: the patch paths start at the repository root', (t) => {
  const inFolder = (/** @type {Record<string, string>} */ files) =>
    Object.fromEntries(Object.entries(files).map(([p, c]) => [`images/${p}`, c]));
  const { dir, event } = pullRequest(t, inFolder(base()), inFolder(change()));
  const result = runAction(t, { workspace: dir, event, inputs: { fix: 'patch', path: 'images' } });
  const patch = readFileSync(result.outputs['patch-file'], 'utf8');
  assert.ok(patch.startsWith('--- a/images/AI/vision/meta.yml\n+++ b/images/AI/vision/meta.yml\n'), patch);
  const copy = path.join(scratch(t), 'patch');
  writeFileSync(copy, patch);
  git(dir, 'apply', '--check', copy);
});
