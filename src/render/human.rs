//! Human output: each finding as a source snippet with the span underlined (annotate-snippets),
//! then a one-line summary.
//!
//! Each snippet is built from the lines its annotations cover, never from the whole file: a
//! file with 40,000 findings is not quoted 40,000 times. An excerpt that would still be large
//! (a 1 MB flow-style line, an annotation over thousands of lines) is shown as its location
//! and a short excerpt instead. Repository text is made visible (`␛`, `\u{1b}`) and the
//! output never holds a line the Actions runner would take for a workflow command.

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Applicability, Severity};
use crate::render::{counts_text, plural};
use crate::report::{Diagnostic, Related, Report};
use crate::text::visible::{defuse_commands, escape, picture, Lines};
use crate::text::{SourceFile, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanOptions {
    pub color: bool,
    /// How many findings are shown with their source snippet; the others follow one line
    /// each. `None`: every one. A CI log of 40,000 snippets is too long to read and most of
    /// the time of a WASM check; one line each, every finding is still there.
    pub snippets: Option<usize>,
}

/// Source lines a snippet may quote, in bytes; longer excerpts are shown as a location and a
/// short excerpt.
const MAX_SNIPPET_BYTES: usize = 4096;
/// Characters of context on each side of a short excerpt.
const EXCERPT_CHARS: usize = 40;

fn level(severity: Severity) -> Level<'static> {
    match severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    }
}

/// The closing line: `N errors, M warnings in K files (L manifests, E entries checked)`.
pub fn summary_line(report: &Report) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} in {} ({}, {} checked)",
        counts_text(s),
        plural(report.files_with_findings(), "file", "files"),
        plural(s.manifests, "manifest", "manifests"),
        plural(s.entries, "entry", "entries"),
    );
    if s.existing > 0 {
        line.push_str(&format!(
            "; {} not counted",
            plural(s.existing, "existing finding", "existing findings")
        ));
    }
    line
}

/// `2 fixable with `--fix` (1 more with `--fix --unsafe-fixes`)`, when any finding has a fix.
pub fn fixable_line(report: &Report) -> Option<String> {
    let count = |applicability| {
        report
            .diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability == applicability)
            })
            .count()
    };
    match (count(Applicability::Safe), count(Applicability::Unsafe)) {
        (0, 0) => None,
        (safe, 0) => Some(format!("{safe} fixable with `--fix`")),
        (0, guesses) => Some(format!(
            "{guesses} fixable with `--fix --unsafe-fixes` (review the changes: `--diff --unsafe-fixes` shows them)"
        )),
        (safe, guesses) => Some(format!(
            "{safe} fixable with `--fix` ({guesses} more with `--fix --unsafe-fixes`)"
        )),
    }
}

/// The whole lines around `spans` of `file`, as (byte range, first line number).
fn lines_around(file: &SourceFile, spans: &[Span]) -> (Span, usize) {
    let start = spans.iter().map(|s| s.start).min().unwrap_or(0);
    let end = spans.iter().map(|s| s.end).max().unwrap_or(0);
    let first = file.lines.line(start);
    let (from, _) = file.lines.line_span(&file.text, first);
    let (_, to) = file.lines.line_span(&file.text, file.lines.line(end));
    (Span::new(from, to.max(end.min(file.text.len()))), first)
}

/// A one-line excerpt of the source around `at`, for lines too long to quote whole.
fn excerpt(file: &SourceFile, at: usize) -> String {
    let text = &file.text;
    let at = (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let (line_start, line_end) = file.lines.line_span(text, file.lines.line(at));
    let before: String = {
        let mut chars: Vec<char> = text[line_start.min(at)..at]
            .chars()
            .rev()
            .take(EXCERPT_CHARS)
            .collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = text[at..line_end.max(at)]
        .chars()
        .take(EXCERPT_CHARS)
        .collect();
    let cut_before = at - line_start.min(at) > before.len();
    let cut_after = line_end.max(at) - at > after.len();
    format!(
        "{}{}{}{}",
        if cut_before { "…" } else { "" },
        escape(&before, Lines::One),
        escape(&after, Lines::One),
        if cut_after { "…" } else { "" }
    )
}

/// One diagnostic, rendered.
pub fn render_diagnostic(report: &Report, diagnostic: &Diagnostic, renderer: &Renderer) -> String {
    let title = level(diagnostic.severity)
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code);
    let path = escape(&diagnostic.path, Lines::One);
    let source = report.sources.get(&diagnostic.path);
    // Related places in the same file join the snippet when they are close enough to quote
    // along; the others are notes with their location.
    let (near, far): (Vec<&Related>, Vec<&Related>) = match source {
        Some(file) => diagnostic
            .related
            .iter()
            .filter(|r| r.path == diagnostic.path)
            .partition(|r| {
                let (window, _) = lines_around(file, &[diagnostic.span, r.span]);
                window.end - window.start <= MAX_SNIPPET_BYTES
            }),
        None => (Vec::new(), diagnostic.related.iter().collect()),
    };
    let mut notes: Vec<&Related> = far;
    notes.extend(
        diagnostic
            .related
            .iter()
            .filter(|r| r.path != diagnostic.path),
    );
    let mut group = match source {
        Some(file) => {
            let mut spans = vec![diagnostic.span];
            spans.extend(near.iter().map(|r| r.span));
            let (window, first_line) = lines_around(file, &spans);
            if window.end - window.start <= MAX_SNIPPET_BYTES {
                let at = |span: Span| {
                    span.start.clamp(window.start, window.end) - window.start
                        ..span.end.clamp(window.start, window.end) - window.start
                };
                let mut snippet = Snippet::source(file.slice(window))
                    .line_start(first_line)
                    .path(path.as_ref())
                    .fold(true)
                    .annotation(
                        AnnotationKind::Primary
                            .span(at(diagnostic.span))
                            .label(diagnostic.name),
                    );
                for related in &near {
                    snippet = snippet.annotation(
                        AnnotationKind::Context
                            .span(at(related.span))
                            .label(related.message.as_str()),
                    );
                }
                title.element(snippet)
            } else {
                notes.extend(near);
                title
                    .element(
                        Origin::path(path.as_ref())
                            .line(diagnostic.line)
                            .char_column(diagnostic.column),
                    )
                    .element(Level::NOTE.message(format!(
                        "too long to quote; at column {}: `{}`",
                        diagnostic.column,
                        excerpt(file, diagnostic.span.start)
                    )))
            }
        }
        None => title.element(
            Origin::path(path.as_ref())
                .line(diagnostic.line)
                .char_column(diagnostic.column),
        ),
    };
    for related in notes {
        group = group.element(Level::NOTE.message(format!(
            "{}:{}:{}: {}",
            escape(&related.path, Lines::One),
            related.line,
            related.column,
            related.message
        )));
    }
    let mut groups = vec![group];
    if let Some(help) = &diagnostic.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(help.as_str()),
        ));
    }
    let rendered = renderer.render(&groups);
    // The snippet renderer shows C0 controls and bidirectional overrides as pictures itself;
    // line separators and C1 controls are left to here.
    // Only DEL and non-ASCII characters can be such: most renders hold neither.
    let rendered: Cow<str> = if rendered.bytes().any(|b| b >= 0x7f)
        && rendered
            .chars()
            .any(|c| c > '\u{7e}' && picture(c).is_some())
    {
        Cow::Owned(
            rendered
                .chars()
                .map(|c| match picture(c) {
                    Some(shown) if c > '\u{7e}' => shown,
                    _ => c,
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(&rendered)
    };
    defuse_commands(&rendered).into_owned()
}

/// `path:line:column: severity[CODE]: message`, with the repository text made visible.
fn one_line(diagnostic: &Diagnostic) -> String {
    let line = format!(
        "{}:{}:{}: {}[{}]: {}",
        escape(&diagnostic.path, Lines::One),
        diagnostic.line,
        diagnostic.column,
        diagnostic.severity.as_str(),
        diagnostic.code,
        escape(&diagnostic.message, Lines::One)
    );
    defuse_commands(&line).into_owned()
}

pub fn render(report: &Report, options: HumanOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let shown = options.snippets.unwrap_or(usize::MAX);
    for diagnostic in report.diagnostics.iter().take(shown) {
        out.push_str(&render_diagnostic(report, diagnostic, &renderer));
        out.push_str("\n\n");
    }
    let rest = report.diagnostics.len().saturating_sub(shown);
    if rest > 0 {
        out.push_str(&format!(
            "the other {}, one line each:\n",
            plural(rest, "finding", "findings")
        ));
        for diagnostic in report.diagnostics.iter().skip(shown) {
            out.push_str(&one_line(diagnostic));
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    if let Some(line) = fixable_line(report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Summary;

    fn finding(path: &str, line: usize, message: &str) -> Diagnostic {
        crate::report::example_diagnostic(path, line, message)
    }

    #[test]
    fn findings_past_the_snippets_get_one_visible_line_each() {
        let diagnostics = vec![
            finding("AI/a\nb/meta.yml", 1, "first"),
            finding("AI/a\nb/meta.yml", 2, "second"),
            finding("::error::x/meta.yml", 3, "third\r::error::y"),
        ];
        let report = Report {
            version: 1,
            summary: Summary {
                errors: diagnostics.len(),
                ..Summary::default()
            },
            diagnostics,
            existing: Vec::new(),
            sources: Default::default(),
            change: None,
        };
        let options = |snippets| HumanOptions {
            color: false,
            snippets,
        };
        let all = render(&report, options(None));
        assert_eq!(render(&report, options(Some(3))), all);
        let capped = render(&report, options(Some(1)));
        let first = render_diagnostic(&report, &report.diagnostics[0], &Renderer::plain());
        assert_eq!(
            capped,
            format!(
                "{first}\n\nthe other 2 findings, one line each:\n\
                 AI/a\\nb/meta.yml:2:1: error[Y002]: second\n\
                 \\u{{3a}}:error::x/meta.yml:3:1: error[Y002]: third\\r::error::y\n\n{}\n",
                summary_line(&report)
            )
        );
        assert!(!capped
            .lines()
            .any(crate::text::visible::is_workflow_command));
    }
}
