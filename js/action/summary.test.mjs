import assert from 'node:assert/strict';
import { test } from 'node:test';

import { blobUrl, buildSummary, SUMMARY_LIMIT_BYTES, textToHtml } from './summary.mjs';

const report = (diagnostics) => ({
  version: 1,
  summary: { errors: diagnostics.length, warnings: 0, infos: 0, manifests: 1, entries: 2 },
  diagnostics,
});
const finding = (message, help = 'fix it') => ({
  code: 'Y002', name: 'duplicate-tag', severity: 'error', path: 'AI/a b/meta.yml', line: 3, column: 1, end_line: 3, end_column: 5, message, help, related: [],
});
const links = { serverUrl: 'https://github.com', repository: 'octo/repo', sha: 'abc' };

test('finding text is escaped as HTML, code spans kept, line breaks kept', () => {
  assert.equal(textToHtml('tag `<a>|b` & "c"\nnext'), 'tag <code>&lt;a&gt;|b</code> &amp; &quot;c&quot;<br>next');
});

test('links point at the head commit, path segments encoded', () => {
  assert.equal(blobUrl(links, 'sub/AI/a b/meta.yml', 3), 'https://github.com/octo/repo/blob/abc/sub/AI/a%20b/meta.yml#L3');
  assert.equal(blobUrl({ repository: '', sha: 'abc' }, 'x', 1), null);
});

test('a clean report says so', () => {
  const text = buildSummary(report([]), { scopeNote: 'Scope: every file.' });
  assert.equal(text, '## stacklint\n\n**0 errors, 0 warnings, 0 notes** in 1 manifest (2 entries checked). Scope: every file.\n\nNo findings.\n');
});

test('one row per finding with level, rule, linked location, message and help', () => {
  const text = buildSummary(report([finding('dup `<x>`')]), { prefix: 'sub', links });
  assert.match(text, /\*\*1 error, 0 warnings, 0 notes\*\*/);
  assert.ok(text.includes(
    '<tr><td>error</td><td><code>Y002</code> duplicate-tag</td>' +
      '<td><a href="https://github.com/octo/repo/blob/abc/sub/AI/a%20b/meta.yml#L3">sub/AI/a b/meta.yml:3</a></td>' +
      '<td>dup <code>&lt;x&gt;</code></td><td>fix it</td></tr>\n',
  ));
  // One HTML block: a blank line would end it and let Markdown re-read the rest.
  assert.ok(!text.slice(text.indexOf('<table>')).includes('\n\n'));
});

test('a huge report is cut below GitHub\'s 1 MiB with a note', () => {
  const many = Array.from({ length: 2000 }, (_, i) => finding(`message ${i} ${'x'.repeat(1500)}`));
  const text = buildSummary(report(many), { links });
  assert.ok(Buffer.byteLength(text) < SUMMARY_LIMIT_BYTES);
  const rows = text.split('<tr><td>error').length - 1;
  assert.ok(rows > 100 && rows < 2000);
  assert.ok(text.endsWith(`\n${2000 - rows} more findings not shown: the summary would pass GitHub's 1 MiB limit. The log of this step lists every finding.\n`));
});

test('a single enormous message is clipped', () => {
  const text = buildSummary(report([finding('y'.repeat(100000))]), {});
  assert.ok(text.length < 5000);
  assert.ok(text.includes('y…'));
});
