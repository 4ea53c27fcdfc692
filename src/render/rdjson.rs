//! The Reviewdog Diagnostic Format (`rdjson`, the `DiagnosticResult` message of
//! reviewdog's `proto/rdf/reviewdog.proto`), so that `reviewdog -f=rdjson` posts findings as
//! review comments and each fix as a suggested change. Its columns count UTF-8 bytes, not
//! characters: they are computed here from the text that was read.

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::render::{message_with_help, rule_help_uri};
use crate::report::{Diagnostic, LocatedFix, Report};
use crate::source::repo_path::join_dir;
use crate::text::SourceFile;

#[derive(Serialize)]
struct DiagnosticResult {
    source: Source,
    diagnostics: Vec<RdDiagnostic>,
}

#[derive(Serialize)]
struct Source {
    name: &'static str,
    url: &'static str,
}

#[derive(Serialize)]
struct RdDiagnostic {
    message: String,
    location: Location,
    severity: &'static str,
    code: Code,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    suggestions: Vec<Suggestion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<RelatedLocation>,
}

#[derive(Serialize)]
struct Code {
    value: &'static str,
    url: String,
}

#[derive(Serialize)]
struct Location {
    path: String,
    range: Range,
}

#[derive(Serialize)]
struct RelatedLocation {
    message: String,
    location: Location,
}

/// `end` is exclusive, as in the rest of stacklint.
#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    /// 1-based, in UTF-8 bytes.
    column: usize,
}

#[derive(Serialize)]
struct Suggestion {
    range: Range,
    text: String,
}

fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "ERROR",
        Severity::Warning => "WARNING",
        Severity::Info => "INFO",
    }
}

/// The byte column of a character column on `line`, when the file's text is known.
fn byte_column(file: Option<&SourceFile>, line: usize, column: usize) -> usize {
    let Some(file) = file else {
        return column;
    };
    let (start, end) = file.lines.line_span(&file.text, line);
    let text = file.text.get(start..end).unwrap_or_default();
    text.char_indices()
        .nth(column.saturating_sub(1))
        .map_or(text.len(), |(at, _)| at)
        + 1
}

fn range(
    file: Option<&SourceFile>,
    (line, column, end_line, end_column): (usize, usize, usize, usize),
) -> Range {
    Range {
        start: Position {
            line,
            column: byte_column(file, line, column),
        },
        end: Position {
            line: end_line,
            column: byte_column(file, end_line, end_column),
        },
    }
}

/// The fix as suggestions on the diagnostic's own file; none when an edit is in another
/// file (a suggestion has no path, and half a fix is a wrong one).
fn suggestions(report: &Report, diagnostic: &Diagnostic, fix: &LocatedFix) -> Vec<Suggestion> {
    if fix.edits.iter().any(|edit| edit.path != diagnostic.path) {
        return Vec::new();
    }
    let file = report.sources.get(&diagnostic.path).map(|f| &**f);
    fix.edits
        .iter()
        .map(|edit| Suggestion {
            range: range(
                file,
                (edit.line, edit.column, edit.end_line, edit.end_column),
            ),
            text: edit.replacement.clone(),
        })
        .collect()
}

fn diagnostic(report: &Report, diagnostic: &Diagnostic, prefix: &str) -> RdDiagnostic {
    let file = report.sources.get(&diagnostic.path).map(|f| &**f);
    let mut message = message_with_help(diagnostic);
    if let Some(fix) = &diagnostic.fix {
        message.push_str(&format!(
            "\nfix ({}): {}",
            fix.applicability.as_str(),
            fix.message
        ));
    }
    RdDiagnostic {
        message,
        location: Location {
            path: join_dir(prefix, &diagnostic.path),
            range: range(
                file,
                (
                    diagnostic.line,
                    diagnostic.column,
                    diagnostic.end_line,
                    diagnostic.end_column,
                ),
            ),
        },
        severity: severity(diagnostic.severity),
        code: Code {
            value: diagnostic.code,
            url: rule_help_uri(diagnostic.code),
        },
        suggestions: diagnostic
            .fix
            .as_ref()
            .map(|fix| suggestions(report, diagnostic, fix))
            .unwrap_or_default(),
        related_locations: diagnostic
            .related
            .iter()
            .map(|related| RelatedLocation {
                message: related.message.clone(),
                location: Location {
                    path: join_dir(prefix, &related.path),
                    range: range(
                        report.sources.get(&related.path).map(|f| &**f),
                        (
                            related.line,
                            related.column,
                            related.end_line,
                            related.end_column,
                        ),
                    ),
                },
            })
            .collect(),
    }
}

/// The whole report as one rdjson document; `prefix` (the checked folder relative to the
/// repository root) goes in front of every path.
pub fn render(report: &Report, prefix: &str) -> String {
    let result = DiagnosticResult {
        source: Source {
            name: "stacklint",
            url: env!("CARGO_PKG_REPOSITORY"),
        },
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| diagnostic(report, d, prefix))
            .collect(),
    };
    // The JSON writer SARIF uses: safe to print to a CI log, decoded to the same strings.
    super::json::pretty(&result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckOptions, MemorySource};

    fn rdjson(files: &[(&str, &str)]) -> serde_json::Value {
        let source: MemorySource = files.iter().copied().collect();
        let report = crate::check(&source, &CheckOptions::default());
        serde_json::from_str(&render(&report, "")).expect("valid JSON")
    }

    #[test]
    fn fixes_become_suggestions_with_byte_columns() {
        let meta = "é-1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: amd64 # ü\n";
        let log = rdjson(&[
            ("AI/x/meta.yml", meta),
            ("AI/x/1.0/24.03-lts/Dockerfile", "FROM a\n"),
        ]);
        assert_eq!(log["source"]["name"], "stacklint");
        let a001 = log["diagnostics"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d["code"]["value"] == "A001"))
            .expect("A001");
        assert_eq!(a001["severity"], "ERROR");
        assert_eq!(
            a001["location"],
            serde_json::json!({"path": "AI/x/meta.yml", "range": {"start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 14}}})
        );
        assert_eq!(
            a001["suggestions"],
            serde_json::json!([{"range": {"start": {"line": 3, "column": 9}, "end": {"line": 3, "column": 14}}, "text": "x86_64"}])
        );
        assert!(a001["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("\nfix (safe): write `x86_64`")));
        assert!(a001["code"]["url"]
            .as_str()
            .is_some_and(|url| url.ends_with("docs/rules.md#a001")));
        // `é` is two bytes: the T001 finding on `-` after it starts at byte column 3.
        let t001 = log["diagnostics"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d["code"]["value"] == "T001"))
            .expect("T001");
        assert_eq!(t001["location"]["range"]["start"]["column"], 1);
        assert_eq!(t001["location"]["range"]["end"]["column"], 3);
    }

    /// A fix that also edits another file (the model allows it): no suggestion, as a
    /// suggestion has no path of its own and half a fix would be wrong.
    #[test]
    fn a_fix_editing_another_file_is_no_suggestion() {
        let meta = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: amd64\n";
        let source: MemorySource = [
            ("AI/x/meta.yml", meta),
            ("AI/x/1.0/24.03-lts/Dockerfile", "FROM a\n"),
        ]
        .into_iter()
        .collect();
        let mut report = crate::check(&source, &CheckOptions::default());
        report.diagnostics.retain(|d| d.code == "A001");
        let fix = report.diagnostics[0].fix.as_mut().expect("A001 has a fix");
        let mut elsewhere = fix.edits[0].clone();
        elsewhere.path = "AI/x/1.0/24.03-lts/Dockerfile".into();
        fix.edits.push(elsewhere);
        let log: serde_json::Value = serde_json::from_str(&render(&report, "")).expect("JSON");
        assert!(log["diagnostics"][0].get("suggestions").is_none());
        let sarif: serde_json::Value =
            serde_json::from_str(&crate::render::sarif::render(&report, "")).expect("JSON");
        let changes = &sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"];
        assert_eq!(
            changes.as_array().map(Vec::len),
            Some(2),
            "one change per file"
        );
    }

    #[test]
    fn related_locations_and_an_empty_report() {
        let duplicate = "1.0-oe2403lts:\n  path: a\n1.0-oe2403lts:\n  path: b\n";
        let log = rdjson(&[("AI/x/meta.yml", duplicate)]);
        let y002 = log["diagnostics"]
            .as_array()
            .and_then(|all| all.iter().find(|d| d["code"]["value"] == "Y002"))
            .expect("Y002");
        assert_eq!(
            y002["related_locations"][0]["location"]["range"]["start"]["line"],
            1
        );
        assert!(y002.get("suggestions").is_none());
        assert_eq!(rdjson(&[])["diagnostics"], serde_json::json!([]));
    }
}
