// A scratch folder for a test, removed after it, and a way to write files into it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * @param {import('node:test').TestContext} t
 * @returns {{dir: string, write: (relative: string, content: string | Uint8Array) => void}}
 */
export function tree(t) {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'stacklint-ws-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const write = (/** @type {string} */ relative, /** @type {string | Uint8Array} */ content) => {
    mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    writeFileSync(path.join(dir, relative), content);
  };
  return { dir, write };
}
