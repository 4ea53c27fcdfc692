// @ts-check
// The core's answers in LSP's shapes: diagnostics, hovers, locations, links and edits. Every
// position goes through positions.mjs; every word comes from the core.

const SEVERITIES = { error: 1, warning: 2, info: 3 };

/**
 * What a file's positions are converted with: its lines and the session's encoding.
 * @typedef {object} Positions
 * @property {(relative: string) => import('./positions.mjs').TextLines} lines
 * @property {(relative: string) => string} uri
 * @property {(relative: string) => number | null} version the open document's version, null for a file on disk
 * @property {import('./positions.mjs').Encoding} encoding
 */

/**
 * @param {import('../../pkg/stacklint.js').Diagnostic} finding
 * @param {Positions} at
 * @param {Map<string, string>} helpUris rule code -> its documentation
 * @returns {import('vscode-languageserver').Diagnostic}
 */
export function diagnostic(finding, at, helpUris) {
  const href = helpUris.get(finding.code);
  return {
    range: at.lines(finding.path).rangeToLsp(finding, at.encoding),
    severity: /** @type {1 | 2 | 3} */ (SEVERITIES[finding.severity]),
    code: finding.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'stacklint',
    message: finding.help ? `${finding.message}\nhelp: ${finding.help}` : finding.message,
    relatedInformation: finding.related.map((related) => ({
      location: location(related, at),
      message: related.message,
    })),
    // What a code action needs to find this finding again (its fix) and to write a
    // suppression for it.
    data: { code: finding.code, line: finding.line, column: finding.column, fingerprint: finding.fingerprint },
  };
}

/**
 * @param {import('../../pkg/stacklint.js').Location | import('../../pkg/stacklint.js').Related} place
 * @param {Positions} at
 * @returns {import('vscode-languageserver').Location}
 */
export function location(place, at) {
  return { uri: at.uri(place.path), range: at.lines(place.path).rangeToLsp(place, at.encoding) };
}

/**
 * @param {import('../../pkg/stacklint.js').Inspection} inspection
 * @param {Positions} at
 * @returns {import('vscode-languageserver').Hover}
 */
export function hover(inspection, at) {
  return {
    contents: { kind: 'markdown', value: inspection.hover },
    range: location(inspection.range, at).range,
  };
}

/**
 * @param {import('../../pkg/stacklint.js').Link} link
 * @param {Positions} at
 * @returns {import('vscode-languageserver').DocumentLink}
 */
export function documentLink(link, at) {
  return { range: location(link.range, at).range, target: at.uri(link.target), tooltip: link.target };
}

/**
 * @param {import('../../pkg/stacklint.js').TextEdit} edit
 * @param {Positions} at
 * @returns {import('vscode-languageserver').TextEdit}
 */
export function textEdit(edit, at) {
  return { range: location(edit.range, at).range, newText: edit.text };
}

/**
 * One edit of a fix (or of `Workspace.fix`), in the file it edits.
 * @param {import('../../pkg/stacklint.js').Edit} edit
 * @param {Positions} at
 * @returns {import('vscode-languageserver').TextEdit}
 */
export function edit(edit, at) {
  return { range: at.lines(edit.path).rangeToLsp(edit, at.encoding), newText: edit.replacement };
}

/**
 * Edits of the core, in however many files, as one WorkspaceEdit against the texts the core
 * checked (see `workspaceEdit`).
 * @param {import('../../pkg/stacklint.js').Edit[]} edits
 * @param {Positions} at
 * @param {boolean} versioned whether the client takes `documentChanges`
 */
export function fixEdit(edits, at, versioned) {
  /** @type {Map<string, import('vscode-languageserver').TextEdit[]>} */
  const byPath = new Map();
  for (const one of edits) {
    let list = byPath.get(one.path);
    if (!list) byPath.set(one.path, (list = []));
    list.push(edit(one, at));
  }
  return workspaceEdit(byPath, at, versioned);
}

/**
 * Each file's edits as one WorkspaceEdit: `documentChanges` naming each file's version (null
 * for a file not open) when the client supports them, so it refuses an edit of a text that
 * changed since; else `changes`.
 * @param {Map<string, import('vscode-languageserver').TextEdit[]>} byPath repository path -> its edits
 * @param {Positions} at
 * @param {boolean} versioned whether the client takes `documentChanges`
 * @returns {import('vscode-languageserver').WorkspaceEdit}
 */
export function workspaceEdit(byPath, at, versioned) {
  if (versioned) {
    return {
      documentChanges: [...byPath].map(([relative, textEdits]) => ({
        textDocument: { uri: at.uri(relative), version: at.version(relative) },
        edits: textEdits,
      })),
    };
  }
  return { changes: Object.fromEntries([...byPath].map(([relative, textEdits]) => [at.uri(relative), textEdits])) };
}
