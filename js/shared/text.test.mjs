import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import * as core from '../../pkg/stacklint.js';
import { codeSpans, countsText, helpParts, plural } from './text.mjs';

core.initSync({ module: readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)) });

test('plurals and code spans', () => {
  assert.equal(plural(1, 'entry', 'entries'), '1 entry');
  assert.equal(plural(2, 'entry', 'entries'), '2 entries');
  assert.deepEqual(codeSpans('tag `a` is `b`'), ['tag ', 'a', ' is ', 'b', '']);
});

test('the counts read exactly as the core writes them', () => {
  const files = {
    'AI/x/meta.yml': '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n',
    'AI/x/1.0/24.03-lts/Dockerfile': 'ARG B\nFROM ${B}\n',
    'AI/y/meta.yml': '',
  };
  const checked = new core.Checked(files);
  try {
    const { summary } = checked.report;
    assert.ok(summary.infos > 0 && summary.errors > 0, JSON.stringify(summary));
    assert.ok(checked.markdown().includes(`**${countsText(summary)}**`), checked.markdown());
    assert.ok(checked.render('human').includes(`\n${countsText(summary)} in `));
  } finally {
    checked.free();
  }
});

test('a multi-line help of the core splits into its sentence and its snippet', () => {
  const files = {
    'AI/x/meta.yml': '1.0-oe2403lts:\npath: 1.0/24.03-lts/Dockerfile\n',
    'AI/x/1.0/24.03-lts/Dockerfile': 'FROM openeuler/openeuler:24.03-lts\n',
  };
  const [finding] = core.check(files).diagnostics.filter((d) => d.code === 'Y004');
  assert.deepEqual(helpParts(finding.help), {
    sentence: 'indent this line under `1.0-oe2403lts:`',
    snippet: '1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile',
  });
  assert.deepEqual(helpParts('write `x`'), { sentence: 'write `x`', snippet: null });
});
