import assert from 'node:assert/strict';
import { test } from 'node:test';

import { Documents } from './documents.mjs';

test('incremental changes land where the client means them, in either encoding', () => {
  for (const [encoding, character] of /** @type {const} */ ([['utf-16', 6], ['utf-32', 5]])) {
    const documents = new Documents(encoding);
    documents.opened('file:///m', 1, "a: '😀x'\nb: 1\n");
    const range = { start: { line: 0, character }, end: { line: 0, character: character + 1 } };
    const changed = documents.changed('file:///m', 2, [{ range, text: 'y' }, { range: { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } }, text: '2' }]);
    assert.equal(changed?.text, "a: '😀y'\nb: 2\n", encoding);
    assert.equal(changed?.version, 2);
  }
  const documents = new Documents('utf-16');
  documents.opened('file:///m', 1, 'x');
  assert.equal(documents.changed('file:///m', 2, [{ text: 'full' }])?.text, 'full');
  assert.equal(documents.lines('file:///m')?.text, 'full');
  assert.equal(documents.changed('file:///other', 1, [{ text: '' }]), null);
  documents.closed('file:///m');
  assert.equal(documents.get('file:///m'), null);
});
