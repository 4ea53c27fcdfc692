// The job summary: counts and one table row per finding, linked to the head commit. Written
// as one HTML block (GitHub renders HTML in summaries), so finding text is escaped once, as
// HTML, and Markdown never re-reads it. GitHub rejects a step summary over 1 MiB, so rows stop
// well below that with a note saying how many were left out.
import { repositoryPath } from './annotations.mjs';
import { plural } from './text.mjs';

export const SUMMARY_LIMIT_BYTES = 1024 * 1024;
// Room for the header, the closing tags and the truncation note.
const ROWS_BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 64 * 1024;
const MAX_CELL_CHARS = 2000;

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

function clip(text) {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS)}…` : text;
}

/** Finding text as HTML: `code` spans become <code>, line breaks <br>, the rest is escaped. */
export function textToHtml(text) {
  return clip(text)
    .split('`')
    .map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join('')
    .replace(/\r?\n/g, '<br>');
}

export function blobUrl({ serverUrl = 'https://github.com', repository, sha }, path, line) {
  if (!repository || !sha) return null;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return `${serverUrl}/${repository}/blob/${encodeURIComponent(sha)}/${encoded}#L${line}`;
}

function row(diagnostic, prefix, links) {
  const path = repositoryPath(prefix, diagnostic.path);
  const where = `${path}:${diagnostic.line}`;
  const url = blobUrl(links, path, diagnostic.line);
  const location = url ? `<a href="${escapeHtml(url)}">${escapeHtml(where)}</a>` : escapeHtml(where);
  return (
    `<tr><td>${escapeHtml(diagnostic.severity)}</td>` +
    `<td><code>${escapeHtml(diagnostic.code)}</code> ${escapeHtml(diagnostic.name)}</td>` +
    `<td>${location}</td><td>${textToHtml(diagnostic.message)}</td>` +
    `<td>${diagnostic.help ? textToHtml(diagnostic.help) : ''}</td></tr>\n`
  );
}

/**
 * @param {object} report the contract object
 * @param {object} context
 * @param {string} context.prefix checked folder relative to the workspace
 * @param {{serverUrl: string, repository: string, sha: string}} context.links
 * @param {string} [context.scopeNote] one sentence on what was checked
 */
export function buildSummary(report, { prefix = '', links = {}, scopeNote = '' } = {}) {
  const { errors, warnings, infos, manifests, entries } = report.summary;
  let head = '## stacklint\n\n';
  head += `**${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'note')}** `;
  head += `in ${plural(manifests, 'manifest')} (${plural(entries, 'entry', 'entries')} checked).`;
  if (scopeNote) head += ` ${escapeHtml(scopeNote)}`;
  head += '\n\n';
  if (report.diagnostics.length === 0) return `${head}No findings.\n`;

  let rows = '';
  let bytes = Buffer.byteLength(head);
  let shown = 0;
  for (const diagnostic of report.diagnostics) {
    const line = row(diagnostic, prefix, links);
    const size = Buffer.byteLength(line);
    if (bytes + size > ROWS_BUDGET_BYTES) break;
    rows += line;
    bytes += size;
    shown += 1;
  }
  let text = `${head}<table>\n<tr><th>Level</th><th>Rule</th><th>Location</th><th>Message</th><th>Help</th></tr>\n${rows}</table>\n`;
  const hidden = report.diagnostics.length - shown;
  if (hidden > 0) {
    text += `\n${plural(hidden, 'more finding')} not shown: the summary would pass GitHub's 1 MiB limit. The log of this step lists every finding.\n`;
  }
  return text;
}
