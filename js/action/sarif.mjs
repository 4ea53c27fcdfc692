// The core writes SARIF locations relative to the folder it checked (`%SRCROOT%`). Code
// scanning resolves them against the repository root, so when the action checks a sub-folder
// (`path: images`) every artifact URI gets that folder in front.

function encodePrefix(prefix) {
  return prefix.split('/').map(encodeURIComponent).join('/');
}

function rebase(node, prefix) {
  if (Array.isArray(node)) {
    for (const item of node) rebase(item, prefix);
  } else if (node && typeof node === 'object') {
    const location = node.artifactLocation;
    if (location && typeof location.uri === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(location.uri)) {
      location.uri = `${prefix}/${location.uri}`;
    }
    for (const value of Object.values(node)) rebase(value, prefix);
  }
}

/** SARIF text with every relative artifact URI moved under `prefix` (repository-relative). */
export function rebaseSarif(text, prefix) {
  if (!prefix) return text;
  const sarif = JSON.parse(text);
  rebase(sarif, encodePrefix(prefix));
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
