import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { toCoreFiles } from '../shared/core-files.mjs';
import { analyze, loadCore } from './wasm.mjs';

loadCore(readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)));

const dup = 'a-oe2403lts:\n  path: a/24.03-lts/Dockerfile\na-oe2403lts:\n  path: a/24.03-lts/Dockerfile\n';
/** A file as the walk reads it. @param {string} text */
const bytes = (text) => ({ kind: 'bytes', data: new Uint8Array(Buffer.from(text)) });
const found = new Map([
  ['AI/one/meta.yml', bytes(dup)],
  ['AI/one/README.md', { kind: 'unread' }],
  ['AI/one/a/24.03-lts/Dockerfile', bytes('FROM openeuler/openeuler:24.03-lts\n')],
  ['AI/two/meta.yml', bytes(dup)],
  ['AI/two/a/24.03-lts/Dockerfile', bytes('FROM openeuler/openeuler:24.03-lts\n')],
]);

test('files become bytes, null, or the reason they could not be read', () => {
  const files = toCoreFiles(new Map([
    ['a', bytes('x')],
    ['b', { kind: 'unread' }],
    ['c', { kind: 'bytes', data: new Uint8Array([0x61, 0xff]) }],
    ['d', { kind: 'unreadable', reason: 'too-large', bytes: 9e9 }],
    ['e', { kind: 'unreadable', reason: 'outside' }],
    ['f', { kind: 'unreadable', reason: 'io', detail: 'EACCES' }],
  ]));
  assert.deepEqual(files.a, new Uint8Array([0x78]));
  assert.equal(files.b, null);
  assert.deepEqual(files.c, new Uint8Array([0x61, 0xff]));
  assert.deepEqual(files.d, { unreadable: 'too-large', bytes: 9e9 });
  assert.deepEqual(files.e, { unreadable: 'outside-root' });
  assert.deepEqual(files.f, { unreadable: 'io', message: 'EACCES' });
});

test('the core names the precise reason a file could not be checked', () => {
  const { report } = analyze(new Map([
    ['AI/a/meta.yml', { kind: 'bytes', data: new Uint8Array([0x61, 0x3a, 0xe9]) }],
    ['AI/b/meta.yml', { kind: 'unreadable', reason: 'too-large', bytes: 3000000 }],
    ['AI/c/meta.yml', { kind: 'unreadable', reason: 'outside' }],
  ]));
  assert.deepEqual(report.diagnostics.map((d) => [d.code, d.path, d.message]), [
    ['F001', 'AI/a/meta.yml', '`AI/a/meta.yml` could not be checked: the file is not valid UTF-8 (first bad byte at offset 2)'],
    ['F001', 'AI/b/meta.yml', '`AI/b/meta.yml` could not be checked: the file is 3000000 bytes, more than the 2097152 bytes stacklint reads'],
    ['F001', 'AI/c/meta.yml', '`AI/c/meta.yml` could not be checked: the path leads outside the repository'],
  ]);
});

test('loadCore tells the version and what the core reads', () => {
  const core = loadCore(readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)));
  assert.match(core.version, /^\d+\.\d+\.\d+/);
  assert.equal(core.maxFileBytes, 2 * 1024 * 1024);
  assert.equal(core.needsContent('AI/x/meta.yml'), true);
  assert.equal(core.needsContent('AI/x/README.md'), false);
});

test('one check gives the report, the human text, annotations, SARIF and the summary, all under the prefix', () => {
  const { report, human, sarif, annotations, summary } = analyze(found, { sarif: true, prefix: 'images', summary: { note: 'Scope: every file.' } });
  assert.equal(report.version, 1);
  assert.deepEqual(report.diagnostics.map((d) => [d.code, d.path]), [['Y002', 'AI/one/meta.yml'], ['Y002', 'AI/two/meta.yml']]);
  assert.match(human, /error\[Y002\]/);
  assert.doesNotMatch(human, /\u001b\[/);
  const parsed = JSON.parse(sarif);
  assert.equal(parsed.version, '2.1.0');
  assert.equal(parsed.runs[0].results.length, 2);
  assert.equal(parsed.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'images/AI/one/meta.yml');
  assert.deepEqual(annotations.map((a) => [a.level, a.file, a.title]), [['error', 'images/AI/one/meta.yml', 'Y002 duplicate-tag'], ['error', 'images/AI/two/meta.yml', 'Y002 duplicate-tag']]);
  assert.match(summary, /^## stacklint\n\n\*\*2 errors, 0 warnings\*\* in 2 manifests \(4 entries checked\)\. Scope: every file\./);
  assert.match(summary, /images\/AI\/one\/meta\.yml:3/);
});

test('the changed scope keeps only findings in affected images; no SARIF or summary unless asked', () => {
  const { report, sarif, summary } = analyze(found, { scope: 'changed', changed: ['AI/two/meta.yml'], color: true });
  assert.deepEqual(report.diagnostics.map((d) => d.path), ['AI/two/meta.yml']);
  assert.equal(sarif, null);
  assert.equal(summary, null);
});

test('select and ignore replace the lists of the repository config, which is honoured', () => {
  const configured = new Map([...found, ['.stacklint.toml', bytes('[severity]\nY002 = "warning"\n')]]);
  assert.equal(analyze(configured).report.summary.warnings, 2);
  assert.deepEqual(analyze(configured, { ignore: ['duplicate-tag'] }).report.diagnostics, []);
  assert.deepEqual(analyze(found, { select: ['P', 'T'] }).report.diagnostics, []);
  assert.equal(analyze(found, { select: ['Y'], ignore: [] }).report.diagnostics.length, 2);
});

test('an unknown code in select or ignore is a mistake in the inputs', () => {
  assert.throws(() => analyze(found, { ignore: ['Y0002'] }), {
    name: 'InputError',
    message: 'input `ignore`: no rule `Y0002`; did you mean `Y002`?',
  });
  assert.throws(() => analyze(found, { select: [] }), { name: 'InputError', message: /^input `select`: the list names no rule/ });
});

test('the core rejects what it cannot take, with a stacklint message', () => {
  assert.throws(() => analyze(new Map([['../x', { kind: 'unread' }]])), /stacklint: invalid path `\.\.\/x`/);
});

test('with a base: statuses, only new findings in the new scope, existing ones counted aside', () => {
  const base = new Map([...found].filter(([path]) => !path.startsWith('AI/two/')));
  const { report, annotations } = analyze(found, { base, scope: 'new', changed: ['AI/two/meta.yml'] });
  assert.deepEqual(report.diagnostics.map((d) => [d.path, d.status]), [['AI/two/meta.yml', 'new']]);
  assert.equal(annotations.length, 1);
  assert.equal(annotations[0].onChangedLine, true);
  const all = analyze(found, { base, scope: 'all' }).report;
  assert.deepEqual(all.diagnostics.map((d) => d.status), ['existing', 'new']);
});

test('every fixture repository gives its expected report through the shipped (wasm-opt) core', async () => {
  // pkg/ is what build-wasm.sh optimised and the action bundles: the Rust WASM tests run an
  // unoptimised build, so this is where the optimised module meets every fixture.
  const { readdirSync, existsSync } = await import('node:fs');
  const { readRepository } = await import('../shared/repository.mjs');
  const policy = loadCore(readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)));
  const fixtures = new URL('../../tests/fixtures/', import.meta.url);
  const cases = readdirSync(fixtures).filter((name) => existsSync(new URL(`${name}/repo`, fixtures)));
  assert.ok(cases.length > 30);
  for (const name of cases) {
    const found = await readRepository(new URL(`${name}/repo`, fixtures).pathname, policy);
    const { report } = analyze(found);
    const expected = JSON.parse(readFileSync(new URL(`${name}/expected.json`, fixtures), 'utf8'));
    assert.deepEqual(report, expected, name);
  }
});
