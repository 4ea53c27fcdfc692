//! The public report (the JSON v1 contract every shell shares) and how findings become one:
//! located, sorted, counted.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostic::{Applicability, Finding, Fix, Severity};
use crate::model::change::Change;
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
    /// Identifies the finding across commits: rule, path, the flagged text and the message
    /// without line numbers, but not where in the file it is (16 hex digits). Two identical
    /// findings in one file share it.
    pub fingerprint: String,
    /// With a base to compare with: `new` when the change introduced the finding, `existing`
    /// when the base had it already; `null` without a base.
    pub status: Option<Status>,
    /// How to repair the finding, when a rule knows (`null` otherwise).
    pub fix: Option<LocatedFix>,
    /// Byte range in the file, kept for renderers that need the source text; not serialised.
    #[serde(skip)]
    pub span: Span,
    /// The rule family, path and flagged text, hashed: what a change check compares when the
    /// fingerprint differs only because the message did (a parent deleted elsewhere changes
    /// how an old problem at this line is worded).
    #[serde(skip)]
    pub anchor: u64,
}

/// Whether a finding is the change's doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    New,
    Existing,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub manifests: usize,
    pub entries: usize,
    /// Findings the base had already, in what the change touched, and not reported because
    /// only new findings are (the `new` scope); they are listed in `Report::existing`.
    pub existing: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub version: u32,
    pub summary: Summary,
    pub diagnostics: Vec<Diagnostic>,
    /// With the `new` scope: the findings the base had already in what the change touched,
    /// which are not counted; empty otherwise.
    pub existing: Vec<Diagnostic>,
    /// The text of every file a diagnostic or a fix points into, as it was read: for renderers
    /// that show source lines and for applying the fixes.
    #[serde(skip)]
    pub sources: BTreeMap<String, Rc<SourceFile>>,
    /// What the change touched, when the check compared with a base: annotations go to the
    /// changed lines.
    #[serde(skip)]
    pub change: Option<Change>,
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
pub fn locate(file: Option<&SourceFile>, span: Span) -> (usize, usize, usize, usize) {
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
        // Past a syntax error nothing was understood: no edit there can be trusted.
        let understood = file.parsed_to.is_none_or(|stop| edit.span.start <= stop);
        if !fits || !understood {
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
    crate::sort::sort_by(&mut edits, |a, b| {
        (&a.path, a.start, a.end).cmp(&(&b.path, b.start, b.end))
    });
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

/// The report of a check of `repo`: every finding located, sorted, fingerprinted, counted.
pub fn build(repo: &Repo, findings: Vec<Finding>) -> Report {
    let mut sources = BTreeMap::new();
    let diagnostics = located(repo, findings, &mut sources);
    assemble(repo, diagnostics, sources)
}

/// A report of located diagnostics, counted, with the texts they point into.
pub fn assemble(
    repo: &Repo,
    diagnostics: Vec<Diagnostic>,
    sources: BTreeMap<String, Rc<SourceFile>>,
) -> Report {
    let mut report = Report {
        version: REPORT_VERSION,
        summary: Summary {
            manifests: repo.manifests.len(),
            entries: repo.manifests.iter().map(|m| m.entries.len()).sum(),
            ..Summary::default()
        },
        diagnostics,
        existing: Vec::new(),
        sources,
        change: None,
    };
    report.recount();
    report
}

/// Findings located in lines and columns, sorted by path, line, column and code, duplicates
/// dropped; the texts they point into are added to `sources`.
pub fn located(
    repo: &Repo,
    findings: Vec<Finding>,
    sources: &mut BTreeMap<String, Rc<SourceFile>>,
) -> Vec<Diagnostic> {
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
            let flagged = file.as_deref().map_or("", |file| file.slice(finding.span));
            let family = &finding.rule.code[..1];
            let anchor = fnv1a64(format!("{family}\0{}\0{flagged}", finding.path).as_bytes());
            let fingerprint =
                fingerprint(finding.rule.code, &finding.path, flagged, &finding.message);
            let fix = finding.fix.and_then(|fix| locate_fix(fix, &mut file_for));
            Diagnostic {
                anchor,
                fingerprint,
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
                status: None,
                fix,
                span: finding.span,
            }
        })
        .collect();
    sort(&mut diagnostics);
    diagnostics
}

/// The report's order: by path, line, column, code and message; duplicates dropped.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    crate::sort::sort_by(diagnostics, |a, b| {
        (&a.path, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.path, b.line, b.column, b.code, &b.message))
    });
    diagnostics.dedup();
}

/// FNV-1a, 64 bit: small, stable across platforms and releases, no dependency.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// A finding's fingerprint: rule, path, flagged text and message without line numbers.
fn fingerprint(code: &str, path: &str, flagged: &str, message: &str) -> String {
    let message = without_line_numbers(message);
    let mut input = Vec::new();
    for part in [code, path, flagged, &message] {
        input.extend_from_slice(part.as_bytes());
        // A separator that cannot occur in text, so ("ab","c") and ("a","bc") differ.
        input.push(0);
    }
    format!("{:016x}", fnv1a64(&input))
}

/// Replaces the numbers after the word `line`/`lines` with `#` (a range `10-12` too), so that
/// a message naming another line ("first declared on line 3") keeps its fingerprint when lines
/// move.
fn without_line_numbers(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(index) = rest.find("line") {
        let at_word_start = !rest[..index]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let (before, after) = rest.split_at(index + "line".len());
        out.push_str(before);
        rest = after;
        if !at_word_start {
            continue;
        }
        let word_end = rest.strip_prefix('s').unwrap_or(rest);
        out.push_str(&rest[..rest.len() - word_end.len()]);
        rest = word_end;
        let Some(number) = rest
            .strip_prefix(' ')
            .filter(|tail| tail.starts_with(|c: char| c.is_ascii_digit()))
        else {
            continue;
        };
        out.push_str(" #");
        rest = number.trim_start_matches(|c: char| c.is_ascii_digit());
        if let Some(range_end) = rest
            .strip_prefix('-')
            .filter(|tail| tail.starts_with(|c: char| c.is_ascii_digit()))
        {
            out.push_str("-#");
            rest = range_end.trim_start_matches(|c: char| c.is_ascii_digit());
        }
    }
    out.push_str(rest);
    out
}

/// A Y002 finding at `path:line:1-5` with help "fix it", for the renderers' and policies'
/// tests to adjust with struct update syntax.
#[cfg(test)]
pub(crate) fn example_diagnostic(path: &str, line: usize, message: &str) -> Diagnostic {
    Diagnostic {
        code: "Y002",
        name: "duplicate-tag",
        severity: Severity::Error,
        path: path.into(),
        line,
        column: 1,
        end_line: line,
        end_column: 5,
        message: message.into(),
        help: Some("fix it".into()),
        related: Vec::new(),
        fingerprint: "0123456789abcdef".into(),
        status: None,
        fix: None,
        anchor: 0,
        span: Span::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn line_numbers_in_messages_do_not_count() {
        assert_eq!(
            without_line_numbers("declared 2 times (line 3, lines 10-12); outline 4"),
            "declared 2 times (line #, lines #-#); outline 4"
        );
        assert_eq!(without_line_numbers("line"), "line");
        assert_eq!(without_line_numbers("lines x"), "lines x");
        assert_eq!(without_line_numbers("line 7-oe"), "line #-oe");
    }

    #[test]
    fn fingerprints_ignore_where_but_not_what() {
        let a = fingerprint(
            "Y002",
            "a/meta.yml",
            "1.0-oe2403lts",
            "declared twice (first on line 1)",
        );
        let moved = fingerprint(
            "Y002",
            "a/meta.yml",
            "1.0-oe2403lts",
            "declared twice (first on line 7)",
        );
        let other = fingerprint(
            "Y002",
            "a/meta.yml",
            "2.0-oe2403lts",
            "declared twice (first on line 1)",
        );
        assert_eq!(a, moved);
        assert_ne!(a, other);
        assert_eq!(a.len(), 16);
    }
}
