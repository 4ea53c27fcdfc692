//! The public report (the JSON v1 contract every shell shares) and how findings become one:
//! located, sorted, counted.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostic::{Finding, Severity};
use crate::model::Repo;
use crate::text::visible::{shown, Lines};
use crate::text::SourceFile;
use crate::text::Span;

/// Version of the JSON contract. Bump only on incompatible changes.
pub const REPORT_VERSION: u32 = 1;

/// A related location in the public JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    /// Byte range in the file, for renderers that show the source; not serialised.
    #[serde(skip)]
    pub span: Span,
}

/// A located finding: the public JSON contract shared by the CLI, the action and the playground.
/// Columns count Unicode scalar values, 1-based; `end_column` is exclusive. `message`, `help`
/// and related messages are safe to show: control characters, line separators and
/// bidirectional overrides from the repository are written as escapes (`\u{1b}`), quoted
/// values longer than 200 characters are shortened, and only a help breaks lines. Paths are
/// the real paths.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<Related>,
    /// Byte range in the file, kept for renderers that need the source text; not serialised.
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub manifests: usize,
    pub entries: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub summary: Summary,
    pub diagnostics: Vec<Diagnostic>,
    /// The text of every file a diagnostic points into, for renderers that show source lines.
    #[serde(skip)]
    pub sources: BTreeMap<String, Rc<SourceFile>>,
}

impl Report {
    /// How many distinct files have findings.
    pub fn files_with_findings(&self) -> usize {
        let mut paths: Vec<&str> = self.diagnostics.iter().map(|d| d.path.as_str()).collect();
        paths.dedup();
        paths.len()
    }

    /// The highest severity present, if any.
    pub fn max_severity(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// Recounts the summary after diagnostics were filtered.
    pub fn recount(&mut self) {
        let count = |s| self.diagnostics.iter().filter(|d| d.severity == s).count();
        self.summary.errors = count(Severity::Error);
        self.summary.warnings = count(Severity::Warning);
        self.summary.infos = count(Severity::Info);
    }
}

/// 1-based line and column range of a span in a file; (1,1)-(1,1) when the text is unknown.
fn locate(file: Option<&SourceFile>, span: Span) -> (usize, usize, usize, usize) {
    match file {
        Some(file) => {
            let start = file.lines.position(&file.text, span.start);
            let end = file.lines.position(&file.text, span.end);
            (start.line, start.column, end.line, end.column)
        }
        None => (1, 1, 1, 1),
    }
}

pub fn build(repo: &Repo, findings: Vec<Finding>) -> Report {
    let mut sources = BTreeMap::new();
    let mut file_for = |path: &str| -> Option<Rc<SourceFile>> {
        let file = repo.file(path)?.clone();
        sources.insert(path.to_string(), file.clone());
        Some(file)
    };
    let mut diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .map(|finding| {
            let file = file_for(&finding.path);
            let (line, column, end_line, end_column) = locate(file.as_deref(), finding.span);
            let related = finding
                .related
                .into_iter()
                .map(|r| {
                    let file = file_for(&r.path);
                    let (line, column, end_line, end_column) = locate(file.as_deref(), r.span);
                    Related {
                        path: r.path,
                        line,
                        column,
                        end_line,
                        end_column,
                        message: shown(&r.message, Lines::One),
                        span: r.span,
                    }
                })
                .collect();
            Diagnostic {
                code: finding.rule.code,
                name: finding.rule.name,
                severity: finding.severity,
                path: finding.path,
                line,
                column,
                end_line,
                end_column,
                message: shown(&finding.message, Lines::One),
                // A help may show a YAML or TOML example over several lines.
                help: finding.help.as_deref().map(|help| shown(help, Lines::Keep)),
                related,
                span: finding.span,
            }
        })
        .collect();
    diagnostics.sort_by(|a, b| {
        (&a.path, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.code, &b.message))
    });
    diagnostics.dedup();
    let mut report = Report {
        version: REPORT_VERSION,
        summary: Summary {
            manifests: repo.manifests.len(),
            entries: repo.manifests.iter().map(|m| m.entries.len()).sum(),
            ..Summary::default()
        },
        diagnostics,
        sources,
    };
    report.recount();
    report
}
