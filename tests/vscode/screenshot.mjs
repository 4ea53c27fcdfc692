// Makes the pictures of js/vscode/README.md from a scripted client: the real language server
// on tests/lsp/repo, its diagnostics, a hover and a code action drawn as an editor would, and
// a screenshot by Debian's chromium. Run by hand after a change that shows:
//   node tests/vscode/screenshot.mjs     (writes js/vscode/images/*.png)
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import { REPO_ROOT, startClient } from '../lsp/harness.mjs';

const OUT = path.join(REPO_ROOT, 'js/vscode/images');
const FILE = 'AI/pytorch/meta.yml';

const escape = (/** @type {string} */ text) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
const code = (/** @type {string} */ text) => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>').replace(/\n/g, '<br>');

const root = await mkdtemp(path.join(tmpdir(), 'stacklint-shot-'));
const { cpSync } = await import('node:fs');
cpSync(path.join(REPO_ROOT, 'tests/lsp/repo'), root, { recursive: true });
const client = await startClient({ root });
const text = readFileSync(path.join(root, FILE), 'utf8');
client.open(FILE);
const { diagnostics } = await client.diagnostics(FILE);
const hover = await client.request('textDocument/hover', { textDocument: { uri: client.uriOf(FILE) }, position: { line: 1, character: 3 } });
const actions = await client.request('textDocument/codeAction', { textDocument: { uri: client.uriOf(FILE) }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
await client.shutdown();
await rm(root, { recursive: true, force: true });

const lines = text.split('\n');
const body = lines.map((line, n) => {
  // Underline each diagnostic's part of the line (UTF-16 offsets, as JavaScript strings are).
  const marks = diagnostics.filter((d) => d.range.start.line <= n && n <= d.range.end.line);
  let html = '';
  for (let i = 0; i < line.length; ) {
    const mark = marks.find((d) => (d.range.start.line < n || d.range.start.character <= i) && (d.range.end.line > n || i < d.range.end.character));
    let j = i + 1;
    while (j < line.length && marks.find((d) => (d.range.start.line < n || d.range.start.character <= j) && (d.range.end.line > n || j < d.range.end.character)) === mark) j++;
    const part = escape(line.slice(i, j));
    html += mark ? `<span class="sev${mark.severity}">${part}</span>` : part;
    i = j;
  }
  return `<div class="line"><span class="no">${n + 1}</span>${html || '&nbsp;'}</div>`;
}).join('');
const problems = diagnostics.map((d) => `<div class="problem"><span class="icon sev${d.severity}">●</span> ${code(d.message.split('\n')[0])} <span class="dim">stacklint(${d.code}) [Ln ${d.range.start.line + 1}, Col ${d.range.start.character + 1}]</span></div>`).join('');
const page = `<!doctype html><meta charset="utf-8"><style>
body{margin:0;background:#1e1e1e;color:#d4d4d4;font:14px/1.5 "DejaVu Sans Mono",monospace}
.tab{background:#252526;color:#fff;padding:6px 14px;font-family:"DejaVu Sans",sans-serif;font-size:13px}
.editor{padding:8px 0;position:relative}.line{white-space:pre;height:21px}.no{display:inline-block;width:44px;color:#858585;text-align:right;margin-right:18px}
.sev1{text-decoration:underline wavy #f14c4c;text-underline-offset:3px}.sev2{text-decoration:underline wavy #cca700;text-underline-offset:3px}.sev3{text-decoration:underline wavy #3794ff}
.icon.sev1{color:#f14c4c;text-decoration:none}.icon.sev2{color:#cca700;text-decoration:none}
.hover{position:absolute;width:660px;background:#252526;border:1px solid #454545;padding:10px 14px;font-family:"DejaVu Sans",sans-serif;font-size:13px;box-shadow:0 4px 12px #000a}
.fix{position:absolute;background:#252526;border:1px solid #454545;padding:4px 0;font-family:"DejaVu Sans",sans-serif;font-size:13px}.fix div{padding:3px 14px}.fix .on{background:#04395e}
code{background:#ffffff14;padding:0 3px;border-radius:3px}.panel{border-top:1px solid #454545;padding:6px 14px;font-family:"DejaVu Sans",sans-serif;font-size:13px}.dim{color:#8a8a8a}
.title{color:#bbb;text-transform:uppercase;font-size:11px;margin-bottom:4px}
</style><div class="tab">meta.yml — AI/pytorch</div><div class="editor">${body}
OVERLAY</div>
<div class="panel"><div class="title">Problems</div>${problems}</div>`;
const overlays = {
  // The quick fix under the P001 line, as the light bulb opens it.
  'editor.png': `<div class="fix" style="left:150px;top:118px">${actions.map((a, i) => `<div class="${i === 0 ? 'on' : ''}">${escape(a.title)}</div>`).join('')}</div>`,
  // The hover on the first tag.
  'hover.png': `<div class="hover" style="left:230px;top:40px">${code(hover.contents.value).replace(/<br>- /g, '<br>• ')}</div>`,
};

await mkdir(OUT, { recursive: true });
const profile = await mkdtemp(path.join(tmpdir(), 'stacklint-chromium-'));
const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'], viewport: { width: 1040, height: 400 } });
const tab = await context.newPage();
for (const [name, overlay] of Object.entries(overlays)) {
  await tab.setContent(page.replace('OVERLAY', overlay));
  await tab.screenshot({ path: path.join(OUT, name) });
  console.log(`wrote ${path.relative(REPO_ROOT, path.join(OUT, name))}`);
}
await context.close();
await rm(profile, { recursive: true, force: true });
