//! Human output: each finding as a source snippet with the span underlined (annotate-snippets),
//! then a one-line summary.

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

use crate::diagnostic::{Applicability, Severity};
use crate::render::{counts_text, plural};
use crate::report::{Diagnostic, Report};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HumanOptions {
    pub color: bool,
}

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

/// One diagnostic, rendered.
pub fn render_diagnostic(report: &Report, diagnostic: &Diagnostic, renderer: &Renderer) -> String {
    let title = level(diagnostic.severity)
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code);
    let source = report.sources.get(&diagnostic.path);
    let mut group = match source {
        Some(file) => {
            let mut snippet = Snippet::source(file.text.as_str())
                .path(diagnostic.path.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Primary
                        .span(diagnostic.span.start..diagnostic.span.end)
                        .label(diagnostic.name),
                );
            for related in diagnostic
                .related
                .iter()
                .filter(|r| r.path == diagnostic.path)
            {
                let (start, end) = byte_range(
                    file,
                    related.line,
                    related.column,
                    related.end_line,
                    related.end_column,
                );
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(start..end)
                        .label(related.message.as_str()),
                );
            }
            title.element(snippet)
        }
        None => title.element(
            Origin::path(diagnostic.path.as_str())
                .line(diagnostic.line)
                .char_column(diagnostic.column),
        ),
    };
    for related in diagnostic
        .related
        .iter()
        .filter(|r| r.path != diagnostic.path)
    {
        group = group.element(Level::NOTE.message(format!(
            "{}:{}:{}: {}",
            related.path, related.line, related.column, related.message
        )));
    }
    let mut groups = vec![group];
    if let Some(help) = &diagnostic.help {
        groups.push(Group::with_title(
            Level::HELP.secondary_title(help.as_str()),
        ));
    }
    renderer.render(&groups)
}

/// Byte range of a located range, for annotating related spans in the same file.
fn byte_range(
    file: &crate::text::SourceFile,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
) -> (usize, usize) {
    let offset = |line: usize, column: usize| {
        let (start, end) = file.lines.line_span(&file.text, line);
        let text = &file.text[start..end];
        start
            + text
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(text.len(), |(i, _)| i)
    };
    let start = offset(line, column);
    (start, offset(end_line, end_column).max(start))
}

pub fn render(report: &Report, options: HumanOptions) -> String {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for diagnostic in &report.diagnostics {
        out.push_str(&render_diagnostic(report, diagnostic, &renderer));
        out.push_str("\n\n");
    }
    out.push_str(&summary_line(report));
    out.push('\n');
    if let Some(line) = fixable_line(report) {
        out.push_str(&line);
        out.push('\n');
    }
    out
}
