// End to end: real git repositories, a real event payload, the committed bundle under Node 24.
// Exact workflow command lines are asserted for a few findings so escaping and positions are
// pinned; the fixture repositories are otherwise clean under every rule.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { annotations, git, manifest, pullRequestEvent, pullRequestRepo, runAction, sceneFiles, scratch } from './harness.mjs';

const Y002_HELP = 'help: remove the entry that should not be published, or rename its tag';
const codes = (result) => annotations(result.commands).map(([level, properties]) => `${level} ${/title=([A-Z]\d{3}) /.exec(properties)?.[1] ?? '-'}`);

function pullRequest(t, baseFiles, changes) {
  const repo = pullRequestRepo(path.join(scratch(t), 'repo'), baseFiles, changes);
  return { ...repo, event: pullRequestEvent(repo) };
}

test('a clean change: no annotation, exit 0, zero outputs, summary says no findings', (t) => {
  const { dir, base, event } = pullRequest(t, sceneFiles(), {
    'AI/llm-demo/meta.yml': manifest([['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile'], ['1.1-oe2403lts', '1.1/24.03-lts/Dockerfile']]),
    'AI/llm-demo/1.1/24.03-lts/Dockerfile': 'FROM openeuler/openeuler:24.03-lts\n',
  });
  const result = runAction(t, { workspace: dir, event });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.deepEqual(result.commands, []);
  assert.deepEqual(result.outputs, { errors: '0', warnings: '0', findings: '0', existing: '0', 'sarif-file': '' });
  assert.equal(
    result.summary,
    `## stacklint\n\n**0 errors, 0 warnings** in 2 manifests (3 entries checked). Scope: what this change introduced, compared with \`${base.slice(0, 12)}\`.\n\nNo findings.\n`,
  );
  assert.match(result.stdout, /^stacklint \d+\.\d+\.\d+: checking \. \(scope: new, fail-on: error\)$/m);
  assert.equal(result.stderr, '');
});

test('a change adding a duplicate tag: one exact annotation, the failure line, a linked summary row', (t) => {
  const { dir, head, event } = pullRequest(t, sceneFiles(), {
    'AI/llm-demo/meta.yml': manifest([['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile'], ['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile']]),
  });
  const result = runAction(t, { workspace: dir, event });
  assert.equal(result.status, 1);
  assert.deepEqual(result.commands, [
    '::error title=Y002 duplicate-tag,file=AI/llm-demo/meta.yml,line=3,endLine=3,col=1,endColumn=13::' +
      'tag `1.0-oe2403lts` is declared 2 times (first on line 1); this last declaration is the one the publisher keeps' +
      `%0A${Y002_HELP}%0Anote: AI/llm-demo/meta.yml:1:1: \`1.0-oe2403lts\` first declared here`,
    '::error::stacklint found 1 error and 0 warnings (fail-on: error)',
  ]);
  assert.deepEqual(result.outputs, { errors: '1', warnings: '0', findings: '1', existing: '0', 'sarif-file': '' });
  assert.ok(result.summary.includes(`<a href="https://github.com/octo/images/blob/${head}/AI/llm-demo/meta.yml#L3">AI/llm-demo/meta.yml:3</a>`));
  // The human rendering of every finding is in the log, fenced from command parsing.
  assert.match(result.stdout, /::stop-commands::[0-9a-f-]{36}\nerror\[Y002\]: tag `1\.0-oe2403lts` is declared 2 times/);
  assert.match(result.stdout, /--> AI\/llm-demo\/meta\.yml:3:1/);
});

test('a change breaking a meta.yml: scope new and changed report it alone, scope all also the old finding', (t) => {
  const files = sceneFiles();
  // An old mistake on main, in an image the pull request does not touch.
  files['AI/vision/meta.yml'] += files['AI/vision/meta.yml'];
  const { dir, event } = pullRequest(t, files, { 'AI/llm-demo/meta.yml': '1.0-oe2403lts:\n\tpath: 1.0/24.03-lts/Dockerfile\n' });

  for (const scope of ['new', 'changed']) {
    const result = runAction(t, { workspace: dir, event, inputs: { scope } });
    assert.equal(result.status, 1);
    // The tag is unreadable, not withdrawn: Y001 is the one finding.
    assert.deepEqual(codes(result), ['error Y001', 'error -'], scope);
    assert.match(annotations(result.commands)[0][1], /^title=Y001 yaml-syntax,file=AI\/llm-demo\/meta\.yml,line=2,/);
    assert.equal(result.outputs.findings, '1');
  }

  const all = runAction(t, { workspace: dir, event, inputs: { scope: 'all' } });
  assert.equal(all.status, 1);
  assert.deepEqual(codes(all), ['error Y001', 'error Y002', 'error -']);
  assert.deepEqual(all.outputs, { errors: '2', warnings: '0', findings: '2', existing: '0', 'sarif-file': '' });
  assert.match(all.summary, /Scope: every file\./);
});

test('an emptied meta.yml is reported, and so are the published tags it withdraws', (t) => {
  const { dir, event } = pullRequest(t, sceneFiles(), { 'AI/vision/meta.yml': '' });
  const result = runAction(t, { workspace: dir, event, inputs: { 'fail-on': 'never' } });
  assert.equal(result.status, 0);
  assert.deepEqual(codes(result), ['error Y003', 'warning H002']);
  assert.match(annotations(result.commands)[0][1], /file=AI\/vision\/meta\.yml,line=1,/);
  assert.match(annotations(result.commands)[1][2], /^this change removes the published tag `openeuler\/vision:2\.1-oe2203sp4`/);
});

test('more than 30 findings: only the 15 new ones count, the budget takes 9 of them, then one notice', (t) => {
  const versions = (from, to) => Array.from({ length: to - from }, (_, i) => `${from + i}.0`);
  const pairs = (from, to) => versions(from, to).flatMap((v) => [[`${v}-oe2403lts`, `${v}/24.03-lts/Dockerfile`], [`${v}-oe2403lts`, `${v}/24.03-lts/Dockerfile`]]);
  const dockerfiles = Object.fromEntries(versions(1, 36).map((v) => [`AI/llm-demo/${v}/24.03-lts/Dockerfile`, 'FROM openeuler/openeuler:24.03-lts\n']));
  const files = { ...sceneFiles(), ...dockerfiles, 'AI/llm-demo/meta.yml': manifest(pairs(1, 21)) };
  const baseLines = 20 * 2 * 2;
  const { dir, event } = pullRequest(t, files, { 'AI/llm-demo/meta.yml': manifest([...pairs(1, 21), ...pairs(21, 36)]) });

  const result = runAction(t, { workspace: dir, event });
  assert.equal(result.status, 1);
  assert.deepEqual(result.outputs, { errors: '15', warnings: '0', findings: '15', existing: '20', 'sarif-file': '' });
  const found = annotations(result.commands);
  // 9 findings + the failure line fill the 10 error annotations of a step.
  assert.deepEqual(codes(result), [...Array(9).fill('error Y002'), 'notice -', 'error -']);
  for (const [, properties] of found.slice(0, 9)) {
    const line = Number(/,line=(\d+),/.exec(properties)?.[1]);
    assert.ok(line > baseLines, `line ${line} was not changed by the pull request`);
  }
  assert.deepEqual(found[9], ['notice', 'title=stacklint', '6 more findings not annotated — see the job summary']);
  // The 20 old ones are listed apart, collapsed, and not counted.
  const [counted, existing] = result.summary.split('<details>');
  assert.equal(counted.split('<tr><td>error').length - 1, 15);
  assert.match(existing, /^<summary>20 existing findings, not counted: the base of the change or the baseline had them already<\/summary>/);
  assert.equal(existing.split('<tr><td>error').length - 1, 20);

  // In the changed scope the old ones count too; the budget still goes to the new ones.
  const changed = runAction(t, { workspace: dir, event, inputs: { scope: 'changed', 'fail-on': 'never' } });
  assert.equal(changed.status, 0);
  assert.equal(changed.outputs.findings, '35');
  assert.deepEqual(codes(changed), [...Array(10).fill('error Y002'), 'notice -']);
  for (const [, properties] of annotations(changed.commands).slice(0, 10)) {
    assert.ok(Number(/,line=(\d+),/.exec(properties)?.[1]) > baseLines, properties);
  }
  assert.equal(annotations(changed.commands)[10][2], '25 more findings not annotated — see the job summary');
});

test('a shallow clone: the base commit is fetched from origin, not skipped', (t) => {
  const files = sceneFiles();
  files['AI/vision/meta.yml'] += files['AI/vision/meta.yml'];
  const { dir, base, event } = pullRequest(t, files, { 'AI/llm-demo/README.md': '# llm-demo\n\nNow with docs.\n' });
  const clone = path.join(scratch(t), 'clone');
  git(path.dirname(dir), 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${dir}`, clone);

  const result = runAction(t, { workspace: clone, event });
  assert.equal(result.status, 0, result.stdout);
  assert.deepEqual(result.commands, []);
  assert.ok(result.stdout.includes(`stacklint fetched the base commit ${base} into the shallow clone`), result.stdout);
  assert.deepEqual(result.outputs, { errors: '0', warnings: '0', findings: '0', existing: '0', 'sarif-file': '' });
});

test('a base sha that does not exist: a warning with the fix, then every file is checked', (t) => {
  const files = sceneFiles();
  files['AI/vision/meta.yml'] += files['AI/vision/meta.yml'];
  const { dir, head } = pullRequest(t, files, { 'AI/llm-demo/README.md': '# docs\n' });
  const missing = 'f'.repeat(40);
  const result = runAction(t, { workspace: dir, event: pullRequestEvent({ base: missing, head }) });
  assert.equal(result.status, 1);
  assert.equal(
    result.commands[0],
    `::warning title=stacklint checked every file::stacklint cannot tell what this change touched: the base \`${missing}\` is not in this clone, so every file is checked. Fix: set \`fetch-depth: 0\` on actions/checkout so the base commit is in the clone.`,
  );
  assert.deepEqual(codes(result), ['warning -', 'error Y002', 'error -']);
  assert.match(result.summary, /Scope: every file \(the changes could not be computed\)\./);
});

test('a base with shell metacharacters runs no command and no option', (t) => {
  const { dir, event } = pullRequest(t, sceneFiles(), { 'AI/llm-demo/README.md': '# docs\n' });
  for (const base of ['$(touch pwned)', 'main;touch pwned', '`touch pwned`', 'main --upload-pack=touch']) {
    const result = runAction(t, { workspace: dir, event, inputs: { base } });
    assert.equal(result.status, 0, `${base}: ${result.stdout}`);
    assert.match(result.commands[0], /^::warning title=stacklint checked every file::stacklint cannot tell what this change touched: the base `/);
  }
  const option = runAction(t, { workspace: dir, event, inputs: { base: '--output=pwned' } });
  assert.equal(option.status, 1);
  assert.match(option.commands[0], /^::error::stacklint: input `base` is `--output=pwned`; expected a branch, tag or commit sha$/);
  assert.equal(existsSync(path.join(dir, 'pwned')), false);
});

test('a bad input value: one clear error line, exit 1, no stack trace', (t) => {
  const { dir, event } = pullRequest(t, sceneFiles(), {});
  const result = runAction(t, { workspace: dir, event, inputs: { 'fail-on': 'sometimes' } });
  assert.equal(result.status, 1);
  assert.deepEqual(result.commands, ['::error::stacklint: input `fail-on` is `sometimes`; expected one of `error`, `warning`, `never`']);
  assert.equal(result.stderr, '');
  assert.doesNotMatch(result.stdout, /\n\s+at /);
  assert.deepEqual(result.outputs, {});
});

test('a path leaving the workspace is refused', (t) => {
  const { dir, event } = pullRequest(t, sceneFiles(), {});
  const result = runAction(t, { workspace: dir, event, inputs: { path: '../' } });
  assert.equal(result.status, 1);
  assert.deepEqual(result.commands, [`::error::stacklint: input \`path\` is \`../\`, which leads outside the workspace ${dir}`]);
});

test('a `path` that is a symlink to a folder with a hostile name: its real name is logged without a command', (t) => {
  // Found hardening: the first log line printed the resolved folder name outside the fence.
  const hostile = 'x\n::error file=evil.yml::injected\r::add-mask::v ##[add-mask]w \u001b[31m';
  const files = Object.fromEntries(Object.entries(sceneFiles()).map(([p, c]) => [`${hostile}/${p}`, c]));
  files[`${hostile}/AI/vision/meta.yml`] += files[`${hostile}/AI/vision/meta.yml`];
  const { dir, event } = pullRequest(t, files, {});
  symlinkSync(hostile, path.join(dir, 'images'));
  const result = runAction(t, { workspace: dir, event, inputs: { path: 'images', scope: 'all' } });
  assert.equal(result.status, 1, result.stdout + result.stderr);
  // Only the finding's annotation and the failure line: nothing the folder name says.
  assert.deepEqual(codes(result), ['error Y002', 'error -']);
  assert.match(result.stdout, /^stacklint \d+\.\d+\.\d+: checking x\\n::error file=evil\.yml::injected\\r::add-mask::v ##\[add-mask\]w \\u\{1b\}\[31m \(scope: all/m);
});

test('a repository in a sub-folder: annotations and links are relative to the workspace', (t) => {
  const files = Object.fromEntries(Object.entries(sceneFiles()).map(([p, c]) => [`images/${p}`, c]));
  const { dir, event } = pullRequest(t, files, {
    'images/AI/vision/meta.yml': files['images/AI/vision/meta.yml'] + files['images/AI/vision/meta.yml'],
  });
  const result = runAction(t, { workspace: dir, event, inputs: { path: 'images', annotations: 'true' } });
  assert.equal(result.status, 1);
  assert.match(annotations(result.commands)[0][1], /^title=Y002 duplicate-tag,file=images\/AI\/vision\/meta\.yml,line=3,/);
  assert.match(annotations(result.commands)[0][2], /%0Anote: images\/AI\/vision\/meta\.yml:1:1: /);
  assert.match(result.summary, /blob\/[0-9a-f]{40}\/images\/AI\/vision\/meta\.yml#L3/);
});

test('a push event checks every file; annotations and summary can be switched off', (t) => {
  const files = sceneFiles();
  files['AI/vision/meta.yml'] += files['AI/vision/meta.yml'];
  const { dir, head } = pullRequest(t, files, {});
  const result = runAction(t, {
    workspace: dir,
    eventName: 'push',
    event: { ref: 'refs/heads/feature', repository: { full_name: 'octo/images' } },
    sha: head,
    inputs: { annotations: 'false', summary: 'false', 'fail-on': 'warning' },
  });
  assert.equal(result.status, 1);
  assert.deepEqual(result.commands, ['::error::stacklint found 1 error and 0 warnings (fail-on: warning)']);
  assert.equal(result.summary, '');
  assert.match(result.stdout, /scope: all/);
});

test('a file that is not text is reported, with the precise reason in the log', (t) => {
  const { dir, event } = pullRequest(t, sceneFiles(), { 'AI/vision/meta.yml': Buffer.from([0x31, 0x3a, 0xff, 0x0a]) });
  const result = runAction(t, { workspace: dir, event, inputs: { 'fail-on': 'never' } });
  assert.equal(result.status, 0);
  // The tag is unreadable, not withdrawn: F001 is the one finding.
  assert.deepEqual(codes(result), ['error F001']);
  assert.match(result.stdout, /^error\[F001\]: `AI\/vision\/meta\.yml` could not be checked: the file is not valid UTF-8 \(first bad byte at offset 2\)$/m);
  assert.equal(readFileSync(path.join(dir, 'AI/vision/meta.yml')).length, 4);
});

test('sarif-file: SARIF of the reported findings, paths relative to the repository root', (t) => {
  const files = Object.fromEntries(Object.entries(sceneFiles()).map(([p, c]) => [`images/${p}`, c]));
  const { dir, event } = pullRequest(t, files, {
    'images/AI/vision/meta.yml': files['images/AI/vision/meta.yml'] + files['images/AI/vision/meta.yml'],
  });
  const result = runAction(t, { workspace: dir, event, inputs: { path: 'images', 'sarif-file': 'out/stacklint.sarif', 'fail-on': 'never' } });
  assert.equal(result.status, 0, result.stdout);
  const sarifPath = path.join(dir, 'out/stacklint.sarif');
  assert.equal(result.outputs['sarif-file'], sarifPath);
  const sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
  assert.equal(sarif.version, '2.1.0');
  const [finding] = sarif.runs[0].results;
  assert.equal(sarif.runs[0].results.length, 1);
  assert.equal(finding.ruleId, 'Y002');
  assert.equal(finding.locations[0].physicalLocation.artifactLocation.uri, 'images/AI/vision/meta.yml');
  assert.equal(finding.locations[0].physicalLocation.region.startLine, 3);
});

test('select and ignore inputs: `ignore: Y002` lets a duplicate-tag change pass; an unknown code is an input error', (t) => {
  const duplicate = manifest([['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile'], ['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile']]);
  const { dir, event } = pullRequest(t, sceneFiles(), { 'AI/llm-demo/meta.yml': duplicate });

  const ignored = runAction(t, { workspace: dir, event, inputs: { ignore: 'Y002, P003' } });
  assert.equal(ignored.status, 0, ignored.stdout + ignored.stderr);
  assert.deepEqual(ignored.commands, []);
  assert.deepEqual(ignored.outputs, { errors: '0', warnings: '0', findings: '0', existing: '0', 'sarif-file': '' });
  assert.match(ignored.stdout, /^stacklint \d+\.\d+\.\d+: checking \. \(scope: new, fail-on: error, ignore: Y002,P003\)$/m);

  const selected = runAction(t, { workspace: dir, event, inputs: { select: 'P,T' } });
  assert.equal(selected.status, 0);
  assert.equal(selected.outputs.findings, '0');

  const typo = runAction(t, { workspace: dir, event, inputs: { ignore: 'Y0002' } });
  assert.equal(typo.status, 1);
  assert.deepEqual(typo.commands, ['::error::stacklint: input `ignore`: no rule `Y0002`; did you mean `Y002`?']);
  assert.deepEqual(typo.outputs, {});
});

test('the repository .stacklint.toml and inline suppressions are honoured; a stale suppression is annotated', (t) => {
  const files = { ...sceneFiles(), '.stacklint.toml': '[severity]\nY002 = "warning"\n' };
  const { dir, event } = pullRequest(t, files, {
    'AI/llm-demo/meta.yml': manifest([['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile'], ['1.0-oe2403lts', '1.0/24.03-lts/Dockerfile']]),
    'AI/vision/meta.yml': `# stacklint: ignore[Y002]\n${files['AI/vision/meta.yml']}`,
  });
  const result = runAction(t, { workspace: dir, event });
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.deepEqual(codes(result), ['warning Y002', 'warning C002']);
  assert.match(annotations(result.commands)[1][1], /^title=C002 unused-suppression,file=AI\/vision\/meta\.yml,line=1,endLine=1,col=21,endColumn=24$/);
  assert.deepEqual(result.outputs, { errors: '0', warnings: '2', findings: '2', existing: '0', 'sarif-file': '' });

  // The configuration is read through the same reader: a mistake in it is annotated at its line.
  const broken = pullRequest(t, files, { '.stacklint.toml': '[severity]\nY002 = "warn"\n' });
  const fails = runAction(t, { workspace: broken.dir, event: broken.event });
  assert.equal(fails.status, 1);
  assert.match(annotations(fails.commands)[0][1], /^title=C001 invalid-config,file=\.stacklint\.toml,line=2,endLine=2,col=8,endColumn=13$/);
  assert.match(annotations(fails.commands)[0][2], /did you mean `warning`\?/);
});
