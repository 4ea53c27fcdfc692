// @ts-check
// Edits in several files as one WorkspaceEdit, on edits the real core made: no rule's single
// fix edits two files today, so the edits of a whole `Workspace.fix()` stand in for one fix
// that does (the shape a fix may have, docs/wasm-api.md).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import * as core from '../../pkg/stacklint.js';
import * as convert from './convert.mjs';
import { TextLines } from './positions.mjs';

core.initSync({ module: readFileSync(new URL('../../pkg/stacklint_bg.wasm', import.meta.url)) });

const DOCKERFILE = 'FROM openeuler/openeuler:24.03-lts\n';
const FILES = {
  'AI/image-list.yml': 'images:\n  a: a\n  b: b\n',
  'AI/a/meta.yml': '1.0-oe2403lts: {path: 1.0/24.03-lts/Dockerfile, arch: amd64}  # 😀\n',
  'AI/a/1.0/24.03-lts/Dockerfile': DOCKERFILE,
  // The emoji before the value: columns differ between the encodings.
  'AI/b/meta.yml': '# 😀😀\n1.0-oe2403lts: {path: 1.0/24.03-lts/Dockerfile, note: 😀, arch: arm64}\n',
  'AI/b/1.0/24.03-lts/Dockerfile': DOCKERFILE,
};

test('edits in two files: one entry per file, the open one with its version, each converted in its own text', () => {
  const workspace = new core.Workspace({ ignore: ['Y005'] });
  workspace.set(FILES);
  const { edits } = workspace.fix();
  workspace.free();
  assert.deepEqual([...new Set(edits.map((edit) => edit.path))], ['AI/a/meta.yml', 'AI/b/meta.yml']);
  for (const encoding of /** @type {const} */ (['utf-16', 'utf-32'])) {
    /** @type {convert.Positions} */
    const at = {
      encoding,
      lines: (relative) => new TextLines(FILES[/** @type {keyof typeof FILES} */ (relative)]),
      uri: (relative) => `file:///repo/${relative}`,
      version: (relative) => (relative === 'AI/b/meta.yml' ? 7 : null),
    };
    // `arm64` -> `aarch64`: `rm` becomes `arch`, after the emoji.
    const bCharacter = encoding === 'utf-16' ? 65 : 64;
    const b = { range: { start: { line: 1, character: bCharacter }, end: { line: 1, character: bCharacter + 2 } }, newText: 'arch' };
    const a = { range: { start: { line: 0, character: 54 }, end: { line: 0, character: 57 } }, newText: 'x86_' };
    assert.deepEqual(convert.fixEdit(edits, at, false), {
      changes: { 'file:///repo/AI/a/meta.yml': [a], 'file:///repo/AI/b/meta.yml': [b] },
    });
    assert.deepEqual(convert.fixEdit(edits, at, true), {
      documentChanges: [
        { textDocument: { uri: 'file:///repo/AI/a/meta.yml', version: null }, edits: [a] },
        { textDocument: { uri: 'file:///repo/AI/b/meta.yml', version: 7 }, edits: [b] },
      ],
    });
  }
});
