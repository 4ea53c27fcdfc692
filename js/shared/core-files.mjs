// @ts-check
// What a shell found in a repository (js/shared/repository.mjs) in the words of the core's
// API (`Files`, `FileContent` in pkg/stacklint.d.ts).

/**
 * Why the walk could not give the core a file, in the API's words.
 * @param {Extract<import('./repository.mjs').Found, {kind: 'unreadable'}>} file
 * @returns {import('../../pkg/stacklint.js').FileContent}
 */
function unreadableContent(file) {
  switch (file.reason) {
    case 'too-large':
      return { unreadable: 'too-large', bytes: file.bytes };
    case 'outside':
      return { unreadable: 'outside-root' };
    case 'broken-link':
      return { unreadable: 'io', message: 'it is a symlink to nothing' };
    case 'io':
      return { unreadable: 'io', message: file.detail };
  }
}

/**
 * One file as the API takes it (`FileContent` in the generated stacklint.d.ts).
 * @param {import('./repository.mjs').Found} file
 * @returns {import('../../pkg/stacklint.js').FileContent}
 */
export function toCoreContent(file) {
  switch (file.kind) {
    case 'bytes':
      return file.data;
    case 'unread':
      return null;
    case 'unreadable':
      return unreadableContent(file);
  }
}

/**
 * The `files` argument of the API: repository path -> content.
 * @param {Map<string, import('./repository.mjs').Found>} found
 * @returns {Record<string, import('../../pkg/stacklint.js').FileContent>}
 */
export function toCoreFiles(found) {
  /** @type {Record<string, import('../../pkg/stacklint.js').FileContent>} */
  const files = {};
  for (const [path, file] of found) files[path] = toCoreContent(file);
  return files;
}
