//! The report as GitHub-flavoured Markdown: the action's job summary, the playground's "Copy as
//! Markdown" and `--format markdown`. The findings table is one HTML block (GitHub renders HTML
//! in Markdown), so finding text is escaped once, as HTML, and Markdown never re-reads it.

use crate::render::{counts_text, plural, rule_help_uri};
use crate::report::{Diagnostic, LocatedFix, Report};
use crate::source::repo_path::join_dir;
use crate::text::visible::{defuse_commands, escape, Lines};
use crate::text::{edit, unified_diff, Span};

/// Where a finding's file can be opened: `<server>/<repository>/blob/<sha>/<path>#L<line>`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlobLinks {
    pub server_url: String,
    pub repository: String,
    pub sha: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownOptions {
    /// The checked folder relative to the repository root (`""` for the root): shown paths and
    /// links are repository paths.
    pub prefix: String,
    pub links: Option<BlobLinks>,
    /// One sentence after the counts (what was checked), as plain text.
    pub note: Option<String>,
    /// Stop adding rows before the text reaches this many bytes (GitHub rejects a step summary
    /// over 1 MiB); a closing line says how many were left out.
    pub max_bytes: Option<usize>,
    /// After the table, each fix as a `diff` block of the change it makes on its own.
    pub fixes: bool,
}

/// Room kept below `max_bytes` for the closing tags and the note on left-out rows.
const CLOSING_BYTES: usize = 64 * 1024;
/// Longer finding texts are cut: one runaway message must not fill the summary.
const MAX_CELL_CHARS: usize = 2000;

pub fn render(report: &Report, options: &MarkdownOptions) -> String {
    let summary = &report.summary;
    let mut head = format!(
        "## stacklint\n\n**{}** in {} ({} checked).",
        counts_text(summary),
        plural(summary.manifests, "manifest", "manifests"),
        plural(summary.entries, "entry", "entries"),
    );
    if let Some(note) = &options.note {
        head.push(' ');
        head.push_str(&escape_html(&escape(note, Lines::One)));
    }
    head.push_str("\n\n");
    let budget = options
        .max_bytes
        .map_or(usize::MAX, |max| max.saturating_sub(CLOSING_BYTES));
    let mut text = head;
    let mut hidden = 0;
    if report.diagnostics.is_empty() {
        text.push_str("No findings.\n");
    } else {
        hidden += table(&mut text, &report.diagnostics, options, budget);
    }
    if !report.existing.is_empty() {
        // Not counted, but a reviewer may want to see what was wrong before the change.
        text.push_str(&format!(
            "\n<details><summary>{}, not counted: the base of the change or the baseline had them already</summary>\n\n",
            plural(report.existing.len(), "existing finding", "existing findings")
        ));
        hidden += table(&mut text, &report.existing, options, budget);
        text.push_str("\n</details>\n");
    }
    if hidden > 0 {
        text.push_str(&format!(
            "\n{} not shown: the summary would pass GitHub's size limit. The log of this step lists every finding.\n",
            plural(hidden, "more finding", "more findings")
        ));
    }
    if options.fixes {
        push_fixes(report, options, budget, &mut text);
    }
    text
}

/// Appends the findings as one HTML table while the text stays within `budget` bytes;
/// returns how many rows did not fit.
fn table(
    text: &mut String,
    diagnostics: &[Diagnostic],
    options: &MarkdownOptions,
    budget: usize,
) -> usize {
    text.push_str(
        "<table>\n<tr><th>Level</th><th>Rule</th><th>Location</th><th>Message</th><th>Help</th></tr>\n",
    );
    let mut shown = 0;
    for diagnostic in diagnostics {
        let row = row(diagnostic, options);
        if text.len() + row.len() > budget {
            break;
        }
        text.push_str(&row);
        shown += 1;
    }
    text.push_str("</table>\n");
    diagnostics.len() - shown
}

/// The fixes section: one paragraph and one `diff` block per fix, within the budget.
fn push_fixes(report: &Report, options: &MarkdownOptions, budget: usize, text: &mut String) {
    let fixable: Vec<(&Diagnostic, &LocatedFix)> = report
        .diagnostics
        .iter()
        .filter_map(|d| Some((d, d.fix.as_ref()?)))
        .collect();
    if fixable.is_empty() {
        return;
    }
    text.push_str(
        "\n### Fixes\n\nEach change on its own. Safe fixes are what `stacklint check --fix` applies; review unsafe ones before applying them.\n\n",
    );
    let mut shown = 0;
    for (diagnostic, fix) in &fixable {
        let block = fix_block(report, diagnostic, fix, options);
        if text.len() + block.len() > budget {
            break;
        }
        text.push_str(&block);
        shown += 1;
    }
    let hidden = fixable.len() - shown;
    if hidden > 0 {
        text.push_str(&format!(
            "{} not shown: the summary would pass GitHub's size limit.\n",
            plural(hidden, "more fix", "more fixes")
        ));
    }
}

/// `<p>` naming the finding and the fix, then the unified diff of the fix's edits alone.
fn fix_block(
    report: &Report,
    diagnostic: &Diagnostic,
    fix: &LocatedFix,
    options: &MarkdownOptions,
) -> String {
    let mut paths: Vec<&str> = fix.edits.iter().map(|e| e.path.as_str()).collect();
    paths.dedup();
    let mut patch = String::new();
    for path in paths {
        let Some(file) = report.sources.get(path) else {
            continue;
        };
        let edits = fix
            .edits
            .iter()
            .filter(|e| e.path == path)
            .map(|e| (Span::new(e.start, e.end), e.replacement.as_str()));
        if let Some(after) = edit::apply(&file.text, edits) {
            patch.push_str(&unified_diff::unified(
                &join_dir(&options.prefix, path),
                &file.text,
                &after,
                1,
            ));
        }
    }
    // Repository text: hidden characters written visibly (a stray tab shows as `\t`), the
    // line ends of a CRLF file left out, and nothing the Actions runner would take for a
    // workflow command when the summary is printed to a log.
    let patch: String = patch
        .lines()
        .map(|line| format!("{}\n", defuse_commands(&escape(line, Lines::One))))
        .collect();
    let fence = "`".repeat(longest_backtick_run(&patch).max(2) + 1);
    format!(
        "<p><a href=\"{}\"><code>{}</code></a> {}: {} ({})</p>\n\n{fence}diff\n{patch}{fence}\n\n",
        escape_html(&rule_help_uri(diagnostic.code)),
        diagnostic.code,
        location(diagnostic, options),
        text_to_html(&fix.message),
        fix.applicability.as_str(),
    )
}

/// A fence longer than any run of backticks inside keeps the block closed (CommonMark).
fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// `path:line`, a link to the commit when `links` are given.
fn location(diagnostic: &Diagnostic, options: &MarkdownOptions) -> String {
    let path = join_dir(&options.prefix, &diagnostic.path);
    // Shown on one line: a line break in a path must not end the HTML block.
    let location = format!("{}:{}", escape(&path, Lines::One), diagnostic.line);
    match &options.links {
        Some(links) if !links.repository.is_empty() && !links.sha.is_empty() => format!(
            "<a href=\"{}\">{}</a>",
            escape_html(&blob_url(links, &path, diagnostic.line)),
            escape_html(&location)
        ),
        _ => escape_html(&location),
    }
}

fn row(diagnostic: &Diagnostic, options: &MarkdownOptions) -> String {
    let location = location(diagnostic, options);
    format!(
        "<tr><td>{}</td><td><a href=\"{}\"><code>{}</code></a> {}</td><td>{location}</td><td>{}</td><td>{}</td></tr>\n",
        diagnostic.severity.as_str(),
        escape_html(&rule_help_uri(diagnostic.code)),
        diagnostic.code,
        diagnostic.name,
        text_to_html(&diagnostic.message),
        diagnostic.help.as_deref().map(help_to_html).unwrap_or_default(),
    )
}

/// A help of several lines is a sentence and then text to write as-is (a YAML snippet): the
/// snippet keeps its indentation in a `<pre>`, its line breaks as `<br>` so the row stays one
/// line of the HTML block.
fn help_to_html(help: &str) -> String {
    match help.split_once('\n') {
        None => text_to_html(help),
        Some((sentence, snippet)) => format!(
            "{}<pre>{}</pre>",
            text_to_html(sentence),
            escape_html(snippet.trim_end())
                .replace("\r\n", "<br>")
                .replace('\n', "<br>")
        ),
    }
}

/// `https://github.com/o/r/blob/<sha>/<path>#L<line>`, each path segment percent-encoded.
pub fn blob_url(links: &BlobLinks, path: &str, line: usize) -> String {
    let encoded: Vec<String> = path.split('/').map(encode_uri_component).collect();
    format!(
        "{}/{}/blob/{}/{}#L{line}",
        links.server_url.trim_end_matches('/'),
        links.repository,
        encode_uri_component(&links.sha),
        encoded.join("/")
    )
}

/// JavaScript's `encodeURIComponent`: everything but `A-Z a-z 0-9 - _ . ! ~ * ' ( )`.
fn encode_uri_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Text as HTML: markup characters as entities, hidden characters as visible escapes (a lone
/// carriage return would end the HTML block), and the `[` of `##[` as `&#91;`, so that the
/// summary printed to a CI log (`--format markdown`) holds no workflow command.
pub fn escape_html(text: &str) -> String {
    let text = escape(text, Lines::Keep);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '[' if out.ends_with("##") => out.push_str("&#91;"),
            c => out.push(c),
        }
    }
    out
}

/// Finding text as HTML: `code` spans become `<code>`, line breaks `<br>`, the rest escaped.
fn text_to_html(text: &str) -> String {
    let clipped: String = match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    };
    let mut out = String::new();
    for (i, part) in clipped.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str(&format!("<code>{}</code>", escape_html(part)));
        } else {
            out.push_str(&escape_html(part));
        }
    }
    out.replace("\r\n", "<br>").replace('\n', "<br>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Summary;

    fn report(diagnostics: Vec<Diagnostic>) -> Report {
        Report {
            version: 1,
            summary: Summary {
                errors: diagnostics.len(),
                manifests: 1,
                entries: 2,
                ..Summary::default()
            },
            diagnostics,
            existing: Vec::new(),
            sources: Default::default(),
            change: None,
        }
    }

    fn finding(message: &str) -> Diagnostic {
        crate::report::example_diagnostic("AI/a b/meta.yml", 3, message)
    }

    fn links() -> BlobLinks {
        BlobLinks {
            server_url: "https://github.com".into(),
            repository: "octo/repo".into(),
            sha: "abc".into(),
        }
    }

    #[test]
    fn finding_text_is_escaped_as_html_with_code_spans_and_line_breaks() {
        assert_eq!(
            text_to_html("tag `<a>|b` & \"c\"\nnext"),
            "tag <code>&lt;a&gt;|b</code> &amp; &quot;c&quot;<br>next"
        );
    }

    #[test]
    fn a_help_snippet_keeps_its_indentation_in_one_line_of_html() {
        assert_eq!(
            help_to_html("indent this line under `a:`\na:\n  path: <version>/Dockerfile\n"),
            "indent this line under <code>a:</code><pre>a:<br>  path: &lt;version&gt;/Dockerfile</pre>"
        );
        assert_eq!(help_to_html("write `x`"), "write <code>x</code>");
    }

    #[test]
    fn links_point_at_the_commit_with_encoded_segments() {
        assert_eq!(
            blob_url(&links(), "sub/AI/a b/meta.yml", 3),
            "https://github.com/octo/repo/blob/abc/sub/AI/a%20b/meta.yml#L3"
        );
    }

    #[test]
    fn a_clean_report_says_so() {
        let options = MarkdownOptions {
            note: Some("Scope: every file.".into()),
            ..MarkdownOptions::default()
        };
        assert_eq!(
            render(&report(Vec::new()), &options),
            "## stacklint\n\n**0 errors, 0 warnings** in 1 manifest (2 entries checked). Scope: every file.\n\nNo findings.\n"
        );
    }

    #[test]
    fn one_row_per_finding_in_one_html_block() {
        let options = MarkdownOptions {
            prefix: "sub".into(),
            links: Some(links()),
            ..MarkdownOptions::default()
        };
        let text = render(&report(vec![finding("dup `<x>`")]), &options);
        assert!(text.contains("**1 error, 0 warnings**"), "{text}");
        assert!(text.contains(
            "<tr><td>error</td><td><a href=\"https://github.com/stacklint/stacklint/blob/main/docs/rules.md#y002\"><code>Y002</code></a> duplicate-tag</td>\
             <td><a href=\"https://github.com/octo/repo/blob/abc/sub/AI/a%20b/meta.yml#L3\">sub/AI/a b/meta.yml:3</a></td>\
             <td>dup <code>&lt;x&gt;</code></td><td>fix it</td></tr>\n"
        ), "{text}");
        // A blank line would end the HTML block and let Markdown re-read the rest.
        assert!(!text[text.find("<table>").unwrap_or(0)..].contains("\n\n"));
    }

    #[test]
    fn a_huge_report_stops_below_the_limit_with_a_note() {
        let many: Vec<Diagnostic> = (0..2000)
            .map(|i| finding(&format!("message {i} {}", "x".repeat(1500))))
            .collect();
        let limit = 1024 * 1024;
        let options = MarkdownOptions {
            max_bytes: Some(limit),
            ..MarkdownOptions::default()
        };
        let text = render(&report(many), &options);
        assert!(text.len() < limit);
        let rows = text.matches("<tr><td>error").count();
        assert!(rows > 100 && rows < 2000, "{rows}");
        assert!(text.ends_with(&format!(
            "\n{} more findings not shown: the summary would pass GitHub's size limit. The log of this step lists every finding.\n",
            2000 - rows
        )));
    }

    #[test]
    fn existing_findings_are_in_a_collapsed_section() {
        let mut with_existing = report(Vec::new());
        with_existing.existing = vec![finding("old")];
        with_existing.summary.existing = 1;
        let text = render(&with_existing, &MarkdownOptions::default());
        assert!(text.contains("No findings.\n\n<details><summary>1 existing finding, not counted: the base of the change or the baseline had them already</summary>\n\n<table>"), "{text}");
        assert!(text.ends_with("</table>\n\n</details>\n"), "{text}");
    }

    #[test]
    fn fixes_are_shown_as_diff_blocks_after_the_table() {
        let meta = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: amd64\n";
        let source = crate::MemorySource::new()
            .with("AI/x/meta.yml", meta)
            .with("AI/x/1.0/24.03-lts/Dockerfile", "FROM a\n");
        let report = crate::check(&source, &crate::CheckOptions::default());
        let options = MarkdownOptions {
            prefix: "images".into(),
            fixes: true,
            ..MarkdownOptions::default()
        };
        let text = render(&report, &options);
        let fixes = &text[text.find("### Fixes").expect("a fixes section")..];
        assert!(fixes.contains(
            "<code>A001</code></a> images/AI/x/meta.yml:3: write <code>x86_64</code> (safe)</p>\n\n```diff\n\
             --- a/images/AI/x/meta.yml\n+++ b/images/AI/x/meta.yml\n@@ -2,2 +2,2 @@\n   path: 1.0/24.03-lts/Dockerfile\n-  arch: amd64\n+  arch: x86_64\n```\n"
        ), "{fixes}");
        let without = render(&report, &MarkdownOptions::default());
        assert!(!without.contains("### Fixes"));
        assert_eq!(longest_backtick_run("a ``` b `` c"), 3);
    }

    #[test]
    fn a_single_enormous_message_is_clipped() {
        let text = render(
            &report(vec![finding(&"y".repeat(100_000))]),
            &MarkdownOptions::default(),
        );
        assert!(text.len() < 5000 && text.contains("y…"));
    }
}
