// @ts-check
// The core's answers in LSP's shapes: diagnostics, hovers, locations, links and edits. Every
// position goes through positions.mjs; every word comes from the core.

const SEVERITIES = { error: 1, warning: 2, info: 3 };

/**
 * What a file's positions are converted with: its lines and the session's encoding.
 * @typedef {object} Positions
 * @property {(relative: string) => import('./positions.mjs').TextLines} lines
 * @property {(relative: string) => string} uri
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
    // What a code action needs to write a suppression for this finding.
    data: { code: finding.code, line: finding.line, fingerprint: finding.fingerprint },
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
