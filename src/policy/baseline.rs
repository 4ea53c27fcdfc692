//! Baselines for whole-repository runs (the main branch, schedules, pre-commit): a file that
//! records today's findings by fingerprint, so that only new ones are reported. Entries that
//! match no finding any more are reported (C005), so the file shrinks as findings are fixed.
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"fingerprint": "af2d9a426e63ff98", "count": 1, "code": "Y002", "path": "AI/x/meta.yml", "message": "…"}
//!   ]
//! }
//! ```
//! One entry per line, sorted by path, code and fingerprint, so that diffs of the file stay
//! readable and stale entries can be pointed at.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Finding;
use crate::report::{Diagnostic, Status};
use crate::rules::config::{INVALID_BASELINE, STALE_BASELINE_ENTRY};
use crate::text::{SourceFile, Span};

/// The version of the file this stacklint writes and reads.
pub const BASELINE_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    fingerprint: String,
    count: usize,
    code: String,
    path: String,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// Checked before the shape is (a newer version may have another shape).
    #[serde(rename = "version")]
    _version: u64,
    findings: Vec<Entry>,
}

/// A baseline file, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Baseline {
    path: String,
    /// Each entry with where it is written.
    entries: Vec<(Entry, Span)>,
}

/// The baseline of these findings: the text `--write-baseline` writes.
pub fn write(diagnostics: &[&Diagnostic]) -> String {
    let mut counted: BTreeMap<(&str, &str, &str), (usize, &str)> = BTreeMap::new();
    for d in diagnostics {
        counted
            .entry((d.path.as_str(), d.code, d.fingerprint.as_str()))
            .or_insert((0, &d.message))
            .0 += 1;
    }
    let lines: Vec<String> = counted
        .into_iter()
        .map(|((path, code, fingerprint), (count, message))| {
            let entry = Entry {
                fingerprint: fingerprint.to_string(),
                count,
                code: code.to_string(),
                path: path.to_string(),
                message: message.to_string(),
            };
            // Plain strings and integers always serialise.
            format!("    {}", serde_json::to_string(&entry).unwrap_or_default())
        })
        .collect();
    format!(
        "{{\n  \"version\": {BASELINE_VERSION},\n  \"findings\": [\n{}\n  ]\n}}\n",
        lines.join(",\n")
    )
}

/// Reads a baseline; a file that cannot be used is a C004 finding in it.
pub fn read(file: &SourceFile) -> Result<Baseline, Box<Finding>> {
    let problem = |span: Span, message: String| {
        Box::new(Finding::new(&INVALID_BASELINE, &file.path, span, message).help(
            "write it again with `stacklint check --write-baseline FILE`; until then every finding is reported",
        ))
    };
    let value: serde_json::Value = serde_json::from_str(&file.text).map_err(|error| {
        let span = file.line(error.line().max(1));
        problem(span, format!("`{}` is not valid JSON: {error}", file.path))
    })?;
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version {
        Some(version) if version > BASELINE_VERSION => {
            return Err(problem(
                file.first_line(),
                format!(
                    "`{}` is a baseline of version {version}, written by a newer stacklint; this one reads version {BASELINE_VERSION}",
                    file.path
                ),
            ))
        }
        Some(_) => {}
        None => {
            return Err(problem(
                file.first_line(),
                format!("`{}` has no `\"version\": {BASELINE_VERSION}`: it is not a stacklint baseline", file.path),
            ))
        }
    }
    let parsed: File = serde_json::from_value(value).map_err(|error| {
        problem(
            file.first_line(),
            format!("`{}` is not a stacklint baseline: {error}", file.path),
        )
    })?;
    let entries = parsed
        .findings
        .into_iter()
        .map(|entry| {
            let needle = format!("\"{}\"", entry.fingerprint);
            let span = file
                .text
                .find(&needle)
                .map_or_else(|| file.first_line(), |at| file.line(file.line_of(at)));
            (entry, span)
        })
        .collect();
    Ok(Baseline {
        path: file.path.clone(),
        entries,
    })
}

impl Baseline {
    /// Splits `diagnostics` into those the baseline does not know (reported) and those it
    /// records (`existing`), and returns a C005 finding for every entry that matched less
    /// often than it records.
    pub fn apply(
        &self,
        diagnostics: Vec<Diagnostic>,
    ) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<Finding>) {
        let mut left: BTreeMap<&str, usize> = BTreeMap::new();
        for (entry, _) in &self.entries {
            *left.entry(entry.fingerprint.as_str()).or_default() += entry.count;
        }
        let (mut new, mut existing) = (Vec::new(), Vec::new());
        for mut diagnostic in diagnostics {
            match left.get_mut(diagnostic.fingerprint.as_str()) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    diagnostic.status = Some(Status::Existing);
                    existing.push(diagnostic);
                }
                _ => {
                    diagnostic.status = Some(Status::New);
                    new.push(diagnostic);
                }
            }
        }
        let stale = self
            .entries
            .iter()
            .filter_map(|(entry, span)| {
                let unmatched = left.get_mut(entry.fingerprint.as_str())?;
                let stale = (*unmatched).min(entry.count);
                if stale == 0 {
                    return None;
                }
                *unmatched -= stale;
                let times = if entry.count == 1 {
                    String::new()
                } else {
                    format!(" ({stale} of {} times)", entry.count)
                };
                Some(
                    Finding::new(
                        &STALE_BASELINE_ENTRY,
                        &self.path,
                        *span,
                        format!(
                            "the baseline records {} in `{}`{times}, which is no longer found: \"{}\"",
                            entry.code, entry.path, entry.message
                        ),
                    )
                    .help("remove the entry, or write the baseline again with `stacklint check --write-baseline FILE`"),
                )
            })
            .collect();
        (new, existing, stale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic(code: &'static str, path: &str, fingerprint: &str) -> Diagnostic {
        Diagnostic {
            code,
            name: "x",
            end_column: 2,
            help: None,
            fingerprint: fingerprint.into(),
            ..crate::report::example_diagnostic(path, 1, &format!("{code} in {path}"))
        }
    }

    fn file(text: &str) -> SourceFile {
        SourceFile::new(".stacklint-baseline.json", text.to_string())
    }

    #[test]
    fn a_written_baseline_reads_back_and_hides_exactly_its_findings() {
        let old = [
            diagnostic("P003", "b/meta.yml", "00000000000000bb"),
            diagnostic("Y002", "a/meta.yml", "00000000000000aa"),
            diagnostic("Y002", "a/meta.yml", "00000000000000aa"),
        ];
        let text = write(&old.iter().collect::<Vec<_>>());
        assert!(text.starts_with("{\n  \"version\": 1,\n  \"findings\": [\n    {\"fingerprint\":\"00000000000000aa\",\"count\":2,"), "{text}");
        let baseline = read(&file(&text)).expect("reads");
        let now = vec![
            diagnostic("Y002", "a/meta.yml", "00000000000000aa"),
            diagnostic("T001", "c/meta.yml", "00000000000000cc"),
        ];
        let (new, existing, stale) = baseline.apply(now);
        assert_eq!(new.iter().map(|d| d.code).collect::<Vec<_>>(), ["T001"]);
        assert_eq!(existing.len(), 1);
        let stale: Vec<(String, usize)> = stale
            .iter()
            .map(|f| (f.message.clone(), baseline_line(&text, f.span)))
            .collect();
        assert_eq!(stale.len(), 2, "{stale:?}");
        assert!(
            stale[0]
                .0
                .starts_with("the baseline records Y002 in `a/meta.yml` (1 of 2 times)"),
            "{stale:?}"
        );
        assert_eq!(stale[0].1, 4);
        assert!(
            stale[1]
                .0
                .starts_with("the baseline records P003 in `b/meta.yml`, which is no longer found"),
            "{stale:?}"
        );
        assert_eq!(stale[1].1, 5);
    }

    fn baseline_line(text: &str, span: Span) -> usize {
        text[..span.start].matches('\n').count() + 1
    }

    #[test]
    fn a_newer_version_and_broken_files_are_clear_errors() {
        let newer = read(&file("{\"version\": 2, \"findings\": []}")).expect_err("newer");
        assert_eq!(newer.rule.code, "C004");
        assert!(
            newer
                .message
                .contains("version 2, written by a newer stacklint; this one reads version 1"),
            "{}",
            newer.message
        );
        let broken = read(&file("{\n  \"version\": 1,\n  \"findings\": [\n")).expect_err("broken");
        assert!(
            broken.message.contains("is not valid JSON"),
            "{}",
            broken.message
        );
        let shape = read(&file("{\"version\": 1, \"finding\": []}")).expect_err("shape");
        assert!(
            shape.message.contains("is not a stacklint baseline"),
            "{}",
            shape.message
        );
    }
}
