import assert from 'node:assert/strict';
import { test } from 'node:test';

import { negotiate, TextLines } from './positions.mjs';

test('utf-32 is used when the client offers it, else utf-16', () => {
  assert.equal(negotiate({ general: { positionEncodings: ['utf-16', 'utf-32'] } }), 'utf-32');
  assert.equal(negotiate({ general: { positionEncodings: ['utf-8', 'utf-16'] } }), 'utf-16');
  assert.equal(negotiate({}), 'utf-16');
  assert.equal(negotiate(undefined), 'utf-16');
});

test('characters outside the basic plane are one core column, two UTF-16 units and one UTF-32 unit', () => {
  const text = "a: '😀x'  # é\nb: 1\n";
  const lines = new TextLines(text);
  const x = text.indexOf('x');
  // The core: `a` `:` ` ` `'` `😀` `x` -> x is column 6.
  assert.deepEqual(lines.toCore(x), { line: 1, column: 6 });
  assert.equal(lines.fromCore(1, 6), x);
  assert.deepEqual(lines.toLsp(x, 'utf-16'), { line: 0, character: 6 });
  assert.deepEqual(lines.toLsp(x, 'utf-32'), { line: 0, character: 5 });
  assert.equal(lines.fromLsp({ line: 0, character: 6 }, 'utf-16'), x);
  assert.equal(lines.fromLsp({ line: 0, character: 5 }, 'utf-32'), x);
  // Inside the pair: before it.
  assert.equal(lines.fromLsp({ line: 0, character: 5 }, 'utf-16'), text.indexOf('😀'));
  const range = { line: 1, column: 5, end_line: 1, end_column: 7 };
  assert.deepEqual(lines.rangeToLsp(range, 'utf-16'), { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } });
  assert.deepEqual(lines.rangeToLsp(range, 'utf-32'), { start: { line: 0, character: 4 }, end: { line: 0, character: 6 } });
});

test('every index goes to the core and back, and to LSP and back, in both encodings', () => {
  const text = 'é😀\r\n\tx😀😀y\n\nlast 😀';
  const lines = new TextLines(text);
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] === '\n')) continue;
    const core = lines.toCore(i);
    assert.equal(lines.fromCore(core.line, core.column), i, `core ${i}`);
    for (const encoding of /** @type {const} */ (['utf-16', 'utf-32'])) {
      assert.equal(lines.fromLsp(lines.toLsp(i, encoding), encoding), i, `${encoding} ${i}`);
    }
  }
});

test('line breaks: the core counts only \\n, LSP also a lonely \\r; columns past the end clamp', () => {
  const text = 'a\rb\r\nc\r';
  const lines = new TextLines(text);
  const c = text.indexOf('c');
  assert.deepEqual(lines.toCore(c), { line: 2, column: 1 });
  assert.deepEqual(lines.toLsp(c, 'utf-16'), { line: 2, character: 0 });
  assert.deepEqual(lines.toLsp(text.indexOf('b'), 'utf-16'), { line: 1, character: 0 });
  assert.deepEqual(lines.toCore(text.indexOf('b')), { line: 1, column: 3 });
  assert.equal(lines.fromCore(1, 99), text.indexOf('\r\n'));
  assert.equal(lines.fromCore(2, 99), c + 1, 'a final \\r is part of the line break');
  assert.equal(lines.fromCore(9, 1), text.length);
  assert.equal(lines.fromLsp({ line: 0, character: 99 }, 'utf-32'), 1);
  assert.equal(lines.fromLsp({ line: 9, character: 0 }, 'utf-16'), text.length);
});
