import assert from 'node:assert/strict';
import { test } from 'node:test';

import { DEFAULTS, readSettings } from './settings.mjs';

test('settings are read from either shape, and mistakes are named, not guessed', () => {
  assert.deepEqual(readSettings(undefined), { settings: DEFAULTS, problems: [] });
  assert.deepEqual(readSettings({ stacklint: { ignore: ['P003'], configFile: 'ci/lint.toml', debounce: 0 } }).settings, { ignore: ['P003'], select: null, configFile: 'ci/lint.toml', debounce: 0 });
  assert.deepEqual(readSettings({ select: [] }).settings.select, null);
  const { settings, problems } = readSettings({ ignore: 'P003', debounce: -1, configFile: 3 });
  assert.deepEqual(settings, DEFAULTS);
  assert.equal(problems.length, 3);
  assert.ok(problems.some((p) => /`stacklint.ignore` must be a list/.test(p)), problems.join('\n'));
});
