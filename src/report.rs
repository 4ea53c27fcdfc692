//! The public report (the JSON v1 contract every shell shares) and how findings become one:
//! located, sorted, counted.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::model::Repo;
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
}

/// One edit of a fix: replace the range with `replacement` (an empty range inserts). `start`
/// and `end` are byte offsets into the file's UTF-8 text (what an editor applies), the lines
/// and columns the same range as people see it (what SARIF and reviewdog take).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedEdit {
    pub path: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub replacement: String,
}

/// A fix in the public JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedFix {
    /// One line: what the edits do.
    pub message: String,
    /// `safe`: applied by `check --fix`; `unsafe`: only with `--unsafe-fixes`.
    pub applicability: Applicability,
    /// The tag of the diagnostic's manifest this fix renames, if it renames one.
    pub renames_tag: Option<String>,
    /// Never overlapping; sorted by path and offset.
    pub edits: Vec<LocatedEdit>,
}

/// A located finding: the public JSON contract shared by the CLI, the action and the playground.
/// Columns count Unicode scalar values, 1-based; `end_column` is exclusive.
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
    /// How to repair the finding, when a rule knows (`null` otherwise).
    pub fix: Option<LocatedFix>,
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
    /// The text of every file a diagnostic or a fix points into, as it was read: for renderers
    /// that show source lines and for applying the fixes.
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

/// A fix located in the files it edits; `None` when one of them was not read or an edit
/// does not fit its file (a rule's mistake, which a test run stops at).
fn locate_fix(
    fix: Fix,
    file_for: &mut impl FnMut(&str) -> Option<Rc<SourceFile>>,
) -> Option<LocatedFix> {
    let mut edits = Vec::with_capacity(fix.edits.len());
    for edit in fix.edits {
        let file = file_for(&edit.path)?;
        let fits = file.text.get(edit.span.start..edit.span.end).is_some();
        debug_assert!(fits, "an edit off its file: {edit:?}");
        if !fits {
            return None;
        }
        let (line, column, end_line, end_column) = locate(Some(&file), edit.span);
        edits.push(LocatedEdit {
            path: edit.path,
            start: edit.span.start,
            end: edit.span.end,
            line,
            column,
            end_line,
            end_column,
            replacement: edit.replacement,
        });
    }
    edits.sort_by(|a, b| (&a.path, a.start, a.end).cmp(&(&b.path, b.start, b.end)));
    let disjoint = edits.windows(2).all(|pair| {
        pair[0].path != pair[1].path
            || !crate::text::edit::conflict(
                Span::new(pair[0].start, pair[0].end),
                Span::new(pair[1].start, pair[1].end),
            )
    });
    debug_assert!(disjoint, "a fix whose edits overlap: {edits:?}");
    // A fix that changes nothing would be applied round after round.
    let changes = edits.iter().any(|edit| {
        file_for(&edit.path).is_some_and(|file| {
            file.text.get(edit.start..edit.end) != Some(edit.replacement.as_str())
        })
    });
    debug_assert!(changes, "a fix that changes nothing: {edits:?}");
    (disjoint && changes).then(|| LocatedFix {
        message: fix.message,
        applicability: fix.applicability,
        renames_tag: fix.renames_tag.map(|rename| rename.tag),
        edits,
    })
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
                        message: r.message,
                    }
                })
                .collect();
            let fix = finding.fix.and_then(|fix| locate_fix(fix, &mut file_for));
            Diagnostic {
                code: finding.rule.code,
                name: finding.rule.name,
                severity: finding.severity,
                path: finding.path,
                line,
                column,
                end_line,
                end_column,
                message: finding.message,
                help: finding.help,
                related,
                fix,
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
