//! GitHub Actions workflow commands: one `::error|warning|notice file=…::message` line per
//! finding, which the runner turns into annotations on the pull request's diff.

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::model::change::Change;
use crate::report::{Diagnostic, Report, Status};
use crate::source::repo_path::join_dir;
use crate::text::visible::{escape, Lines};

/// Escapes a command's message (the part after `::`), as the runner unescapes it.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a property value (`file=`, `title=`): also `:` and `,`, which end a property.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// The annotation command a severity maps to.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One annotation as the runner takes it: `::<level> file=…,line=…::<message>`, or through
/// `@actions/core`'s `error(message, properties)` with the same fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    /// `error`, `warning` or `notice`.
    pub level: &'static str,
    /// The repository path (the checked folder's prefix in front).
    pub file: String,
    pub start_line: usize,
    pub end_line: usize,
    /// Only on one-line ranges: GitHub ignores columns on multi-line annotations.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_column: Option<usize>,
    /// Inclusive, as GitHub reads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<usize>,
    /// `P001 dockerfile-missing`.
    pub title: String,
    /// The finding, then its fix, then the other places it refers to (an annotation cannot
    /// point at a second location).
    pub message: String,
    /// Whether it points at a line the change touched (false without a change to compare).
    pub on_changed_line: bool,
}

/// Where an annotation points: a file and a line/column range.
struct Place<'d> {
    path: &'d str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

/// The annotation of one finding; `prefix` is the checked folder relative to the repository
/// root (`""` for the root), since annotations are placed by repository path. With a `change`,
/// a finding whose own location is not on a line the change touched but one of its related
/// locations is, is annotated there: GitHub shows annotations only in the diff.
pub fn annotation(diagnostic: &Diagnostic, prefix: &str, change: Option<&Change>) -> Annotation {
    let own = Place {
        path: &diagnostic.path,
        line: diagnostic.line,
        column: diagnostic.column,
        end_line: diagnostic.end_line,
        end_column: diagnostic.end_column,
    };
    let touched = |place: &Place| {
        change.is_some_and(|change| change.touches(place.path, place.line, place.end_line))
    };
    let moved = match change {
        Some(_) if !touched(&own) => diagnostic
            .related
            .iter()
            .map(|r| Place {
                path: &r.path,
                line: r.line,
                column: r.column,
                end_line: r.end_line,
                end_column: r.end_column,
            })
            .find(|place| touched(place)),
        _ => None,
    };
    let mut message = super::message_with_help(diagnostic);
    for related in &diagnostic.related {
        message.push_str(&format!(
            "\nnote: {}:{}:{}: {}",
            escape(&join_dir(prefix, &related.path), Lines::One),
            related.line,
            related.column,
            related.message
        ));
    }
    if moved.is_some() {
        message.push_str(&format!(
            "\nnote: reported at {}:{}:{}",
            join_dir(prefix, &diagnostic.path),
            diagnostic.line,
            diagnostic.column
        ));
    }
    let on_changed_line = moved.is_some() || touched(&own);
    let place = moved.unwrap_or(own);
    let one_line = place.line == place.end_line;
    Annotation {
        level: level(diagnostic.severity),
        file: join_dir(prefix, place.path),
        start_line: place.line,
        end_line: place.end_line,
        start_column: one_line.then_some(place.column),
        end_column: one_line.then(|| place.end_column.saturating_sub(1).max(place.column)),
        title: format!("{} {}", diagnostic.code, diagnostic.name),
        message,
        on_changed_line,
    }
}

/// Every finding's annotation, most useful first (GitHub shows only the first few of each
/// level): new findings on changed lines, then other new ones, then existing ones; within
/// each, errors before warnings before infos, then the closest to a changed line. Report order
/// breaks ties, never path order alone.
pub fn annotations(report: &Report, prefix: &str) -> Vec<Annotation> {
    let change = report.change.as_ref();
    let mut ranked: Vec<(usize, Annotation)> = report
        .diagnostics
        .iter()
        .enumerate()
        .map(|(index, diagnostic)| (index, annotation(diagnostic, prefix, change)))
        .collect();
    crate::sort::sort_by_key(&mut ranked, |(index, annotation)| {
        let diagnostic = &report.diagnostics[*index];
        let existing = diagnostic.status == Some(Status::Existing);
        let distance = change
            .and_then(|change| change.distance(&diagnostic.path, diagnostic.line))
            .unwrap_or(usize::MAX);
        (
            existing,
            !annotation.on_changed_line,
            std::cmp::Reverse(diagnostic.severity),
            distance,
            *index,
        )
    });
    ranked
        .into_iter()
        .map(|(_, annotation)| annotation)
        .collect()
}

/// One workflow command line, without the trailing newline.
pub fn command_line(diagnostic: &Diagnostic, change: Option<&Change>) -> String {
    let annotation = annotation(diagnostic, "", change);
    let mut properties = vec![
        format!("file={}", escape_property(&annotation.file)),
        format!("line={}", annotation.start_line),
        format!("endLine={}", annotation.end_line),
    ];
    if let (Some(column), Some(end_column)) = (annotation.start_column, annotation.end_column) {
        properties.push(format!("col={column}"));
        properties.push(format!("endColumn={end_column}"));
    }
    properties.push(format!("title={}", escape_property(&annotation.title)));
    format!(
        "::{} {}::{}",
        annotation.level,
        properties.join(","),
        escape_data(&annotation.message)
    )
}

/// Every finding as a workflow command, one per line; empty when there are none.
pub fn render(report: &Report) -> String {
    report
        .diagnostics
        .iter()
        .map(|diagnostic| command_line(diagnostic, report.change.as_ref()) + "\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Related;
    use crate::text::Span;

    fn diagnostic(severity: Severity, line: usize, end_line: usize) -> Diagnostic {
        Diagnostic {
            code: "P001",
            name: "dockerfile-missing",
            severity,
            column: 3,
            end_line,
            end_column: 9,
            help: Some("create it, or fix `path`".into()),
            ..crate::report::example_diagnostic(
                "AI/a,b:c/meta.yml",
                line,
                "100% missing\r\nsecond: line",
            )
        }
    }

    #[test]
    fn data_escapes_percent_first_and_line_breaks() {
        assert_eq!(escape_data("50%0A\r\n"), "50%250A%0D%0A");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(escape_data(""), "");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%d\ne"), "a%3Ab%2Cc%25d%0Ae");
        assert_eq!(escape_property("::"), "%3A%3A");
    }

    #[test]
    fn one_line_findings_carry_columns_with_an_inclusive_end() {
        let line = command_line(&diagnostic(Severity::Error, 4, 4), None);
        assert_eq!(
            line,
            "::error file=AI/a%2Cb%3Ac/meta.yml,line=4,endLine=4,col=3,endColumn=8,\
             title=P001 dockerfile-missing::100%25 missing%0D%0Asecond: line\
             %0Ahelp: create it, or fix `path`"
        );
    }

    #[test]
    fn multi_line_findings_omit_columns() {
        let line = command_line(&diagnostic(Severity::Warning, 4, 6), None);
        assert!(
            line.starts_with("::warning file=AI/a%2Cb%3Ac/meta.yml,line=4,endLine=6,title="),
            "{line}"
        );
        assert!(!line.contains("col="), "{line}");
    }

    #[test]
    fn info_is_a_notice_and_an_empty_span_keeps_its_column() {
        let mut finding = diagnostic(Severity::Info, 1, 1);
        finding.column = 1;
        finding.end_column = 1;
        finding.help = None;
        let line = command_line(&finding, None);
        assert!(line.starts_with("::notice "), "{line}");
        assert!(line.contains(",col=1,endColumn=1,"), "{line}");
        assert!(!line.contains("help"), "{line}");
    }

    #[test]
    fn related_locations_follow_the_help() {
        let mut finding = diagnostic(Severity::Error, 3, 3);
        finding.related.push(Related {
            path: "AI/x/meta.yml".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 5,
            message: "first declared here".into(),
            span: Span::default(),
        });
        assert!(command_line(&finding, None).ends_with(
            "%0Ahelp: create it, or fix `path`%0Anote: AI/x/meta.yml:1:1: first declared here"
        ));
    }

    #[test]
    fn annotation_objects_carry_the_prefix_and_inclusive_columns() {
        let mut finding = diagnostic(Severity::Error, 3, 3);
        finding.related.push(Related {
            path: "AI/x/meta.yml".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 5,
            message: "first declared here".into(),
            span: Span::default(),
        });
        let object = serde_json::to_value(annotation(&finding, "sub", None)).expect("serialises");
        assert_eq!(
            object,
            serde_json::json!({
                "level": "error",
                "file": "sub/AI/a,b:c/meta.yml",
                "startLine": 3,
                "endLine": 3,
                "startColumn": 3,
                "endColumn": 8,
                "title": "P001 dockerfile-missing",
                "message": "100% missing\r\nsecond: line\nhelp: create it, or fix `path`\nnote: sub/AI/x/meta.yml:1:1: first declared here",
                "onChangedLine": false,
            })
        );
        let multi = serde_json::to_value(annotation(&diagnostic(Severity::Info, 3, 5), "", None))
            .expect("serialises");
        assert_eq!(multi["level"], "notice");
        assert!(multi.get("startColumn").is_none() && multi.get("endColumn").is_none());
    }

    #[test]
    fn every_command_is_one_line() {
        let report = crate::check(
            &crate::MemorySource::new().with("a/meta.yml", "x: 1\nx: 2\n"),
            &crate::CheckOptions::default(),
        );
        let out = render(&report);
        assert_eq!(out.lines().count(), report.diagnostics.len());
        assert!(
            out.lines().all(|line| line.starts_with("::error ")),
            "{out}"
        );
    }
}
