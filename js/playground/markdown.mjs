// @ts-check
// "Copy as Markdown": the core's Markdown report (the same as the action's job summary), the
// files checked, each in a collapsed <details>, and a line saying where it came from, for
// pasting into an issue or a pull-request comment. The core escapes the report as HTML, so
// `<placeholders>` in messages survive GitHub; file contents sit in code fences, read as-is.

/** GitHub refuses a comment over 65,536 characters; the files stop before that. */
const MAX_CHARS = 60000;

/** @param {string} path */
function language(path) {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (/\.ya?ml$/i.test(name)) return "yaml";
  if (/\.toml$/i.test(name)) return "toml";
  if (/^(Dockerfile|Distrofile)/.test(name)) return "dockerfile";
  if (/\.md$/i.test(name)) return "markdown";
  return "";
}

/**
 * One file as a collapsed section; the fence is longer than any run of backticks inside.
 * @param {string} path
 * @param {string} text
 */
export function fileSection(path, text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const summary = path.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = text.endsWith("\n") || text === "" ? text : `${text}\n`;
  return `<details><summary><code>${summary}</code></summary>\n\n${fence}${language(path)}\n${body}${fence}\n\n</details>\n`;
}

/**
 * @param {string} markdown the core's Markdown of the check
 * @param {{version: string, link?: string, files?: Record<string, string>}} origin
 */
export function withReproduction(markdown, { version, link, files = {} }) {
  const source = link ? `[Reproduce in the playground](${link})` : "Checked in the playground";
  let text = markdown;
  const entries = Object.entries(files);
  if (entries.length > 0) {
    text += "\n**Files checked**\n\n";
    let left = 0;
    for (const [path, content] of entries) {
      const section = fileSection(path, content);
      if (text.length + section.length > MAX_CHARS) left += 1;
      else text += section;
    }
    if (left > 0) text += `\n${left} more ${left === 1 ? "file is" : "files are"} only in the link: a comment this long would not fit.\n`;
  }
  return `${text}\n${source} (stacklint ${version}).\n`;
}
