// Findings as Markdown, for pasting into an issue or a pull-request comment.
import { ruleDocUrl } from "./rule-docs.mjs";

/** One table cell: no line breaks, no column-splitting pipes. */
function cell(text) {
  return String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function summaryLine(summary) {
  return [
    plural(summary.errors, "error"),
    plural(summary.warnings, "warning"),
    `${summary.infos} info`,
  ].join(", ");
}

/** A heading line, the findings as a table (or a clean verdict) and the reproduction link. */
export function reportToMarkdown(report, { version, link }) {
  const lines = [`**stacklint ${version}**: ${summaryLine(report.summary)}`, ""];
  if (report.diagnostics.length === 0) {
    lines.push("No findings.");
  } else {
    lines.push("| Severity | Rule | Location | Finding |", "| --- | --- | --- | --- |");
    for (const d of report.diagnostics) {
      const finding = d.help ? `${cell(d.message)}<br>help: ${cell(d.help)}` : cell(d.message);
      lines.push(
        `| ${d.severity} | [${d.code}](${ruleDocUrl(d.code)}) ${d.name} | \`${d.path}:${d.line}:${d.column}\` | ${finding} |`,
      );
    }
  }
  if (link) lines.push("", `[Reproduce in the playground](${link})`);
  return `${lines.join("\n")}\n`;
}
