// Pull requests judged against their base, end to end: each history is built with the real
// `git` (a base commit on `main`, the change on `feature`), the committed bundle runs under
// Node 24 with a real pull_request event, and the annotations must land on lines the change
// touched.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { annotations, manifest, pullRequestEvent, pullRequestRepo, runAction, scratch } from './harness.mjs';

/** An AI stack: the cann SDK, pytorch on it, an application on pytorch; one old P003. */
function stack() {
  return {
    'AI/image-list.yml': 'images:\n  cann: cann\n  pytorch: pytorch\n  llm: llm\n',
    'AI/cann/meta.yml': manifest([['8.0.RC1-oe2203sp4', '8.0.RC1/22.03-lts-sp4/Dockerfile']]),
    'AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile': 'FROM openeuler/openeuler:22.03-lts-sp4\n',
    'AI/pytorch/meta.yml': manifest([['2.1.0-cann8.0.RC1-oe2203sp4', '2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile']]),
    'AI/pytorch/2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile': 'ARG BASE=openeuler/cann:8.0.RC1-oe2203sp4\nFROM ${BASE}\n',
    'AI/llm/meta.yml': manifest([['chat-pytorch2.1.0-cann8.0.RC1-oe2203sp4', 'AI/llm/chat-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile']]),
    'AI/llm/chat-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile': 'FROM openeuler/pytorch:2.1.0-cann8.0.RC1-oe2203sp4\n',
  };
}

/**
 * @param {import('node:test').TestContext} t
 * @param {Record<string, string | null>} changes
 * @param {Record<string, string>} [inputs]
 */
function review(t, changes, inputs = {}) {
  const repo = pullRequestRepo(path.join(scratch(t), 'repo'), stack(), changes);
  const result = runAction(t, { workspace: repo.dir, event: pullRequestEvent(repo), inputs });
  return { ...result, found: annotations(result.commands) };
}

/** [level, title, file:line] of each annotation. */
function where(found) {
  return found.map(([level, properties]) => {
    const title = /title=([^,]*)/.exec(properties)?.[1] ?? '';
    const file = /file=([^,]*)/.exec(properties)?.[1] ?? '';
    const line = /,line=(\d+)/.exec(properties)?.[1] ?? '';
    return [level, title, file ? `${file}:${line}` : ''];
  });
}

test('deleting the SDK image and its list line: H001 on the list where it was, the children as notes', (t) => {
  const result = review(t, {
    'AI/image-list.yml': 'images:\n  pytorch: pytorch\n  llm: llm\n',
    'AI/cann/meta.yml': null,
    'AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile': null,
  });
  assert.equal(result.status, 1);
  assert.deepEqual(where(result.found), [
    ['error', 'H001 removed-parent', 'AI/image-list.yml:1'],
    ['warning', 'H002 published-tag-removed', 'AI/image-list.yml:1'],
    ['error', '', ''],
  ]);
  assert.match(result.found[0][2], /^this change removes `openeuler\/cann:8\.0\.RC1-oe2203sp4`, but 1 image is still built on it: `pytorch:2\.1\.0-cann8\.0\.RC1-oe2203sp4`/);
  assert.match(result.found[0][2], /%0Anote: AI\/pytorch\/2\.1\.0-cann8\.0\.RC1\/22\.03-lts-sp4\/Dockerfile:1:10: `pytorch:2\.1\.0-cann8\.0\.RC1-oe2203sp4` is built on/);
  assert.deepEqual(result.outputs, { errors: '1', warnings: '1', findings: '2', existing: '0', 'sarif-file': '' });
});

test('renaming a parent tag: H001 on the renamed key, not on the untouched children', (t) => {
  const result = review(t, { 'AI/cann/meta.yml': manifest([['cann8.0.RC1-oe2203sp4', '8.0.RC1/22.03-lts-sp4/Dockerfile']]) });
  assert.equal(result.status, 1);
  const found = where(result.found);
  assert.deepEqual(found[0], ['error', 'H001 removed-parent', 'AI/cann/meta.yml:1']);
  assert.match(result.found[0][2], /^this change renames `openeuler\/cann:8\.0\.RC1-oe2203sp4`/);
  assert.match(result.found[0][2], /%0Ahelp: point their parent at `openeuler\/cann:cann8\.0\.RC1-oe2203sp4` in this change/);
  // One finding for one removal: H001 says the tag goes; no L003 at the untouched children.
  assert.deepEqual(found.slice(1), [['error', '', '']]);
});

test('a correct new tag in an image with an old mistake: green, the old finding counted aside', (t) => {
  const result = review(t, {
    'AI/llm/meta.yml': manifest([
      ['chat-pytorch2.1.0-cann8.0.RC1-oe2203sp4', 'AI/llm/chat-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile'],
      ['bot-pytorch2.1.0-cann8.0.RC1-oe2203sp4', 'bot-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile'],
    ]),
    'AI/llm/bot-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile': 'FROM openeuler/pytorch:2.1.0-cann8.0.RC1-oe2203sp4\n',
  });
  assert.equal(result.status, 0, result.stdout);
  assert.deepEqual(result.commands, []);
  assert.deepEqual(result.outputs, { errors: '0', warnings: '0', findings: '0', existing: '1', 'sarif-file': '' });
  assert.match(result.summary, /<summary>1 existing finding, not counted: the base of the change or the baseline had them already<\/summary>/);
  assert.match(result.summary, /<code>P003<\/code><\/a> root-relative-path/);
});

test('a new image folder missing from its scene list: R001 lands on the new meta.yml', (t) => {
  const result = review(t, {
    'AI/vision/meta.yml': manifest([['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile']]),
    'AI/vision/1.0/24.03-lts/Dockerfile': 'FROM openeuler/openeuler:24.03-lts\n',
  });
  assert.equal(result.status, 1);
  assert.deepEqual(where(result.found), [['error', 'R001 image-not-listed', 'AI/vision/meta.yml:1'], ['error', '', '']]);
  assert.match(result.found[0][2], /%0Anote: reported at AI\/image-list\.yml:1:1$/);
});

test('a withdrawn tag and a re-pointed tag are warnings at the change', (t) => {
  const result = review(t, {
    'AI/pytorch/meta.yml': manifest([['2.1.0-cann8.0.RC1-oe2203sp4', '2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile']]) + '  arch: aarch64\n',
    'AI/llm/meta.yml': '# nothing published here any more\n',
  }, { 'fail-on': 'never' });
  const found = where(result.found);
  assert.ok(found.some(([level, title, at]) => level === 'warning' && title === 'H003 published-tag-repointed' && at === 'AI/pytorch/meta.yml:3'), JSON.stringify(found));
  assert.ok(found.some(([level, title, at]) => level === 'warning' && title === 'H002 published-tag-removed' && at === 'AI/llm/meta.yml:1'), JSON.stringify(found));
});

test('a baseline for runs without a base: its findings are not reported, stale entries are', (t) => {
  const repo = pullRequestRepo(path.join(scratch(t), 'repo'), stack(), {});
  const push = { workspace: repo.dir, eventName: 'push', event: { ref: 'refs/heads/main', repository: { full_name: 'octo/images' } }, sha: repo.head };
  const first = runAction(t, { ...push, inputs: { 'fail-on': 'never' } });
  assert.deepEqual(where(annotations(first.commands)).map(([, title]) => title), ['P003 root-relative-path']);
  // The baseline as `stacklint check --write-baseline` writes it, with one entry gone stale.
  const fingerprint = /"fingerprint":"([0-9a-f]{16})"/;
  const entry = (code, fp, where, message) => `{"fingerprint":"${fp}","count":1,"code":"${code}","path":"${where}","message":"${message}"}`;
  const sarif = runAction(t, { ...push, inputs: { 'fail-on': 'never', 'sarif-file': 'out.sarif' } });
  const known = JSON.parse(readFileSync(path.join(repo.dir, 'out.sarif'), 'utf8')).runs[0].results[0].partialFingerprints['stacklint/v1'].split(':')[0];
  assert.match(`"fingerprint":"${known}"`, fingerprint);
  writeFileSync(
    path.join(repo.dir, 'known.baseline.json'),
    `{\n  "version": 1,\n  "findings": [\n    ${entry('P003', known, 'AI/llm/meta.yml', 'old')},\n    ${entry('P001', '00000000000000ff', 'AI/gone/meta.yml', 'fixed long ago')}\n  ]\n}\n`,
  );
  const result = runAction(t, { ...push, inputs: { baseline: 'known.baseline.json', 'fail-on': 'warning' } });
  assert.equal(result.status, 1);
  assert.deepEqual(where(annotations(result.commands)), [['warning', 'C005 stale-baseline-entry', 'known.baseline.json:5'], ['error', '', '']]);
  assert.equal(result.outputs.existing, '1');
  assert.equal(sarif.status, 0);
});

test('a pull request relaxing .stacklint.toml: C003 at the change, and the base policy still judges it', (t) => {
  // The change switches P003 off and adds a P003 mistake in the same breath.
  const changes = {
    '.stacklint.toml': 'ignore = ["P003", "L"]\n',
    'AI/cann/meta.yml': manifest([['8.0.RC1-oe2203sp4', 'AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile']]),
  };
  const result = review(t, changes, { 'fail-on': 'never' });
  const found = where(result.found);
  assert.deepEqual(found, [
    ['warning', 'C003 policy-relaxed', '.stacklint.toml:1'],
    ['warning', 'P003 root-relative-path', 'AI/cann/meta.yml:2'],
  ]);
  assert.match(result.found[0][2], /^`\.stacklint\.toml` now checks less: it switches off the L rules, P003; this change is checked with the base's policy; the new one applies after merge/);
  const head = review(t, changes, { 'fail-on': 'never', policy: 'head' });
  assert.deepEqual(where(head.found).map(([, title]) => title), ['C003 policy-relaxed'], 'policy: head applies the new one');
  assert.match(head.found[0][2], /this change is checked with the new policy/);
});
