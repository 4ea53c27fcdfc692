//! Applying fixes, shared by `check --fix`/`--diff` and the WASM `applyFixes`: check, apply
//! every fix that does not conflict with another, check again, until no fix is left (at most
//! [`MAX_ROUNDS`] rounds, like ruff). Everything happens on texts in memory; the CLI writes
//! the result (`source::write`), the WASM shell hands it back.
//!
//! A round keeps only fixes that leave the repository no worse: a YAML file that parsed
//! still parses, no file grows past what stacklint reads, each fix's finding is gone, and
//! there are not more findings than before. A fix can reveal what its finding hid (a legacy
//! entry becomes checkable and its Dockerfile turns out missing); such a fix is not applied
//! but reported in [`Fixed::skipped`], so the author fixes that entry by hand. Only a fix
//! that makes an unparseable YAML file parse may reveal findings: what was behind the syntax
//! error is then checked at last, which is the point.

use std::collections::BTreeMap;

use crate::check::{check, check_change, CheckOptions};
use crate::diagnostic::Applicability;
use crate::report::{Diagnostic, LocatedFix, Report};
use crate::source::patched::Patched;
use crate::source::repo_path::join_dir;
use crate::source::{FileSource, MAX_FILE_BYTES};
use crate::syntax::yaml;
use crate::text::{edit, unified_diff, Span};

/// Fixes that keep producing fixes stop here: each round applies at least one fix, so only a
/// rule whose fix re-creates its finding could get this far.
pub const MAX_ROUNDS: usize = 100;

/// Which fixes to apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FixMode {
    /// Also apply unsafe fixes (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

impl FixMode {
    pub fn applies(self, applicability: Applicability) -> bool {
        applicability == Applicability::Safe || self.unsafe_fixes
    }
}

/// One file the fixes changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub path: String,
    /// The text as it was read, before the first fix touched it: a writer compares the file
    /// with it and refuses to overwrite a file that changed since.
    pub before: String,
    pub after: String,
}

/// Why a fix was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// Its edits would make a YAML file that parses unparseable: a mistake in stacklint.
    InvalidYaml,
    /// The file would grow past the size stacklint reads.
    TooLarge,
    /// After it, its finding is still reported with the same fix: a mistake in stacklint.
    Unresolved,
    /// The repository would have more findings than before: the fix reveals what its
    /// finding hid.
    MoreFindings,
}

impl SkipReason {
    /// `invalid-yaml`, `too-large`, `more-findings`: the reason as the WASM API names it.
    pub fn name(self) -> &'static str {
        match self {
            SkipReason::InvalidYaml => "invalid-yaml",
            SkipReason::TooLarge => "too-large",
            SkipReason::Unresolved => "unresolved",
            SkipReason::MoreFindings => "more-findings",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            SkipReason::InvalidYaml => {
                "it would make the file invalid YAML; this is a bug in stacklint, please report it"
            }
            SkipReason::TooLarge => "the file would grow past the size stacklint reads",
            SkipReason::Unresolved => {
                "it does not resolve its finding; this is a bug in stacklint, please report it"
            }
            SkipReason::MoreFindings => {
                "applying it reports more findings than it removes; fix this one by hand"
            }
        }
    }
}

/// A fix that was not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub code: &'static str,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub reason: SkipReason,
}

/// One fix that was applied: its rule and the files it edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub code: &'static str,
    pub paths: Vec<String>,
}

/// What fixing did.
#[derive(Debug)]
pub struct Fixed {
    /// Every file whose text changed, sorted by path.
    pub files: Vec<Change>,
    /// The report on the fixed texts.
    pub report: Report,
    /// Every fix applied, in the order applied.
    pub applied: Vec<Applied>,
    pub skipped: Vec<Skipped>,
    /// Whether no applicable fix is left; false only when [`MAX_ROUNDS`] ran out.
    pub converged: bool,
}

impl Fixed {
    /// Fixes applied per rule code, sorted by code, leaving out those that edited a file in
    /// `unwritten` (files a writer refused).
    pub fn counts(&self, unwritten: &[String]) -> Vec<(&'static str, usize)> {
        let mut counts: Vec<(&'static str, usize)> = Vec::new();
        for applied in &self.applied {
            if applied.paths.iter().any(|path| unwritten.contains(path)) {
                continue;
            }
            match counts.binary_search_by(|(code, _)| code.cmp(&applied.code)) {
                Ok(at) => counts[at].1 += 1,
                Err(at) => counts.insert(at, (applied.code, 1)),
            }
        }
        counts
    }

    /// The change of the file at `path`, if the fixes changed it.
    pub fn change(&self, path: &str) -> Option<&Change> {
        self.files.iter().find(|change| change.path == path)
    }

    /// Every change as one unified diff, each path under `prefix` (the checked folder
    /// relative to where the patch is applied; `""` for that folder itself).
    pub fn patch(&self, prefix: &str) -> String {
        self.files
            .iter()
            .map(|change| {
                unified_diff::unified(
                    &join_dir(prefix, &change.path),
                    &change.before,
                    &change.after,
                    unified_diff::CONTEXT_LINES,
                )
            })
            .collect()
    }
}

/// `A001 ×2, P003 ×1`.
pub fn counts_text(counts: &[(&'static str, usize)]) -> String {
    counts
        .iter()
        .map(|(code, count)| format!("{code} ×{count}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A fix to try, from one diagnostic of the current report.
struct Candidate<'r> {
    diagnostic: &'r Diagnostic,
    fix: &'r LocatedFix,
}

impl Candidate<'_> {
    /// What the fix says and does, wherever it is.
    fn key(&self) -> String {
        let mut key = format!(
            "{}\0{}\0{}\0{}",
            self.diagnostic.code, self.diagnostic.path, self.diagnostic.message, self.fix.message
        );
        for edit in &self.fix.edits {
            key.push('\0');
            key.push_str(&edit.path);
            key.push('\0');
            key.push_str(&edit.replacement);
        }
        key
    }

    fn skipped(&self, reason: SkipReason) -> Skipped {
        Skipped {
            code: self.diagnostic.code,
            path: self.diagnostic.path.clone(),
            line: self.diagnostic.line,
            column: self.diagnostic.column,
            message: self.fix.message.clone(),
            reason,
        }
    }
}

/// A fix that was not applied, remembered where its finding is, so that it is not tried
/// again (while the same fix elsewhere still is).
struct Refused {
    key: String,
    path: String,
    offset: usize,
}

impl Refused {
    fn matches(&self, candidate: &Candidate) -> bool {
        self.offset == candidate.diagnostic.span.start
            && self.path == candidate.diagnostic.path
            && self.key == candidate.key()
    }
}

/// Checks `source` with `options` and applies the fixes `mode` allows, in rounds.
pub fn fix(source: &dyn FileSource, options: &CheckOptions, mode: FixMode) -> Fixed {
    fix_with(source, mode, &|patched| check(patched, options))
}

/// Like [`fix`], checking `head` as a change of `base` in every round: with the `new` scope
/// only the findings the change introduced are fixed, and a tag new in the change is renamed
/// as safely as the fix otherwise is ([`crate::policy::renames`]).
pub fn fix_change(
    head: &dyn FileSource,
    base: &dyn FileSource,
    options: &CheckOptions,
    mode: FixMode,
) -> Fixed {
    fix_with(head, mode, &|patched| check_change(patched, base, options))
}

/// How a round checks the patched texts.
type Checker<'c> = dyn Fn(&dyn FileSource) -> Report + 'c;

fn fix_with(source: &dyn FileSource, mode: FixMode, check: &Checker) -> Fixed {
    let mut texts: BTreeMap<String, String> = BTreeMap::new();
    let mut before: BTreeMap<String, String> = BTreeMap::new();
    let mut applied: Vec<Applied> = Vec::new();
    let mut skipped: Vec<Skipped> = Vec::new();
    let mut refused: Vec<Refused> = Vec::new();
    let mut report = check(&Patched::new(source, &texts));
    let mut converged = false;
    // Fixes that undo each other would bring back texts seen before: stop there.
    let mut seen: Vec<u64> = vec![state_hash(&texts)];
    for _ in 0..MAX_ROUNDS {
        let candidates: Vec<Candidate> = report
            .diagnostics
            .iter()
            .filter_map(|diagnostic| {
                let fix = diagnostic.fix.as_ref()?;
                let candidate = Candidate { diagnostic, fix };
                (mode.applies(fix.applicability) && !refused.iter().any(|r| r.matches(&candidate)))
                    .then_some(candidate)
            })
            .collect();
        if candidates.is_empty() {
            converged = true;
            break;
        }
        let (next_texts, next_report, progressed) = {
            let round = Round {
                source,
                check,
                base: &report,
                texts: &texts,
            };
            let chosen = round.compatible(candidates);
            let mut outcome = Outcome {
                accepted: Vec::new(),
                texts: texts.clone(),
                report: None,
                rejected: Vec::new(),
            };
            round.settle(&chosen, &mut outcome);
            for (candidate, reason) in &outcome.rejected {
                refused.push(Refused {
                    key: candidate.key(),
                    path: candidate.diagnostic.path.clone(),
                    offset: candidate.diagnostic.span.start,
                });
                skipped.push(candidate.skipped(*reason));
            }
            // Refusals move with this round's edits; one whose place was edited is forgotten
            // (its finding will be another one, if any).
            refused.retain_mut(|r| {
                let edits = edits_of(&outcome.accepted, &r.path);
                moved_offset(&edits, r.offset)
                    .map(|at| r.offset = at)
                    .is_some()
            });
            for candidate in &outcome.accepted {
                let mut paths: Vec<String> =
                    candidate.fix.edits.iter().map(|e| e.path.clone()).collect();
                paths.dedup();
                applied.push(Applied {
                    code: candidate.diagnostic.code,
                    paths,
                });
                for edit in &candidate.fix.edits {
                    if let Some(file) = report.sources.get(&edit.path) {
                        before
                            .entry(edit.path.clone())
                            .or_insert_with(|| file.text.clone());
                    }
                }
            }
            let progressed = !outcome.accepted.is_empty();
            (outcome.texts, outcome.report, progressed)
        };
        texts = next_texts;
        if let Some(next) = next_report {
            report = next;
        }
        if progressed {
            let state = state_hash(&texts);
            if seen.contains(&state) {
                break;
            }
            seen.push(state);
        }
    }
    let mut files = Vec::new();
    for (path, before) in before {
        if let Some(after) = texts.get(&path).filter(|after| **after != before) {
            let after = after.clone();
            files.push(Change {
                path,
                before,
                after,
            });
        }
    }
    Fixed {
        files,
        report,
        applied,
        skipped,
        converged,
    }
}

/// The edits of `fixes` in the file at `path`.
fn edits_of<'f>(fixes: &[&'f Candidate], path: &str) -> Vec<(Span, &'f str)> {
    fixes
        .iter()
        .flat_map(|candidate| &candidate.fix.edits)
        .filter(|e| e.path == path)
        .map(|e| (Span::new(e.start, e.end), e.replacement.as_str()))
        .collect()
}

/// Where `offset` is after `edits`; `None` when an edit replaced it.
fn moved_offset(edits: &[(Span, &str)], offset: usize) -> Option<usize> {
    let mut moved = offset as isize;
    for (span, replacement) in edits {
        if span.start <= offset && offset < span.end {
            return None;
        }
        if span.end <= offset {
            moved += replacement.len() as isize - (span.end - span.start) as isize;
        }
    }
    usize::try_from(moved).ok()
}

fn state_hash(texts: &BTreeMap<String, String>) -> u64 {
    let mut bytes = Vec::new();
    for (path, text) in texts {
        for part in [path, text] {
            bytes.extend_from_slice(part.as_bytes());
            bytes.push(0);
        }
    }
    crate::report::fnv1a64(&bytes)
}

/// One round: the report the fixes come from and the texts it was made of.
struct Round<'a> {
    source: &'a dyn FileSource,
    check: &'a Checker<'a>,
    base: &'a Report,
    /// The patched texts so far (files not in it are as the source has them).
    texts: &'a BTreeMap<String, String>,
}

/// What a trial is judged against: the state the round has accepted so far.
struct Baseline<'t> {
    findings: usize,
    /// The texts with the accepted fixes applied.
    texts: &'t BTreeMap<String, String>,
    /// The trial adds one fix: a syntax repair may then reveal findings.
    single: bool,
}

/// What a round accepted so far.
struct Outcome<'r> {
    accepted: Vec<&'r Candidate<'r>>,
    /// The texts with the accepted fixes applied.
    texts: BTreeMap<String, String>,
    /// The report on those texts, once a trial has made one.
    report: Option<Report>,
    rejected: Vec<(&'r Candidate<'r>, SkipReason)>,
}

impl<'a> Round<'a> {
    /// The candidates whose edits apply on their own, minus those conflicting with an earlier
    /// one (they come back in the next round, on the new text). A fix touching two files
    /// claims both.
    fn compatible<'r>(&self, candidates: Vec<Candidate<'r>>) -> Vec<Candidate<'r>> {
        let mut claimed: Vec<(&str, Span)> = Vec::new();
        let mut chosen = Vec::new();
        for candidate in candidates {
            let spans: Vec<(&str, Span)> = candidate
                .fix
                .edits
                .iter()
                .map(|e| (e.path.as_str(), Span::new(e.start, e.end)))
                .collect();
            let conflicts = spans.iter().any(|(path, span)| {
                claimed
                    .iter()
                    .any(|(taken_path, taken)| taken_path == path && edit::conflict(*taken, *span))
            });
            if conflicts {
                continue;
            }
            for (path, span) in spans {
                // Paths come from the report, which outlives the round.
                claimed.push((path, span));
            }
            chosen.push(candidate);
        }
        chosen
    }

    /// Accepts `fixes` on top of what `outcome` accepted when the result is acceptable, else
    /// halves them until each fix is judged on its own.
    fn settle<'r>(&self, fixes: &'r [Candidate<'r>], outcome: &mut Outcome<'r>) {
        if fixes.is_empty() {
            return;
        }
        let trial: Vec<&Candidate> = outcome.accepted.iter().copied().chain(fixes).collect();
        let baseline = Baseline {
            findings: outcome
                .report
                .as_ref()
                .unwrap_or(self.base)
                .diagnostics
                .len(),
            texts: &outcome.texts,
            single: fixes.len() == 1,
        };
        match self.try_fixes(&trial, &baseline) {
            Ok((texts, report)) => {
                outcome.accepted.extend(fixes);
                outcome.texts = texts;
                outcome.report = Some(report);
            }
            Err(reason) => match fixes {
                [single] => outcome.rejected.push((single, reason)),
                _ => {
                    let (left, right) = fixes.split_at(fixes.len() / 2);
                    self.settle(left, outcome);
                    self.settle(right, outcome);
                }
            },
        }
    }

    /// The texts and report with `fixes` applied on this round's texts, when the result is no
    /// worse than the baseline.
    fn try_fixes(
        &self,
        fixes: &[&Candidate],
        baseline: &Baseline,
    ) -> Result<(BTreeMap<String, String>, Report), SkipReason> {
        let mut paths: Vec<&str> = Vec::new();
        for e in fixes.iter().flat_map(|candidate| &candidate.fix.edits) {
            if !paths.contains(&e.path.as_str()) {
                paths.push(&e.path);
            }
        }
        let mut texts = self.texts.clone();
        // A fix that makes an unparseable file parse lets everything in it be checked: the
        // findings it reveals are not its doing.
        let mut repairs = false;
        for path in paths {
            let edits = edits_of(fixes, path);
            let Some(file) = self.base.sources.get(path) else {
                return Err(SkipReason::InvalidYaml);
            };
            let old = &file.text;
            let new = edit::apply(old, edits).ok_or(SkipReason::InvalidYaml)?;
            if new.len() > MAX_FILE_BYTES {
                return Err(SkipReason::TooLarge);
            }
            let is_yaml = path.ends_with(".yml") || path.ends_with(".yaml");
            if is_yaml {
                let parsed_before = yaml::parse(old).error.is_none();
                let parses = yaml::parse(&new).error.is_none();
                if parsed_before && !parses {
                    return Err(SkipReason::InvalidYaml);
                }
                let current = baseline.texts.get(path).unwrap_or(old);
                repairs |= parses && yaml::parse(current).error.is_some();
            }
            texts.insert(path.to_string(), new);
        }
        let report = (self.check)(&Patched::new(self.source, &texts));
        // Each fix must take its finding away: the same finding at the same place (moved by
        // the edits before it) would be fixed again and again.
        for candidate in fixes {
            let d = candidate.diagnostic;
            let moved = moved_offset(&edits_of(fixes, &d.path), d.span.start);
            let still = |at: usize| {
                report.diagnostics.iter().any(|r| {
                    r.span.start == at
                        && r.code == d.code
                        && r.path == d.path
                        && r.message == d.message
                })
            };
            if moved.is_some_and(still) {
                return Err(SkipReason::Unresolved);
            }
        }
        if report.diagnostics.len() > baseline.findings && !(repairs && baseline.single) {
            return Err(SkipReason::MoreFindings);
        }
        Ok((texts, report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemorySource;

    fn fixed(files: &[(&str, &str)], unsafe_fixes: bool) -> Fixed {
        let source: MemorySource = files.iter().copied().collect();
        fix(&source, &CheckOptions::default(), FixMode { unsafe_fixes })
    }

    const LIST: (&str, &str) = ("AI/image-list.yml", "images:\n  demo: demo\n");
    const DOCKERFILE: (&str, &str) = (
        "AI/demo/1.0/24.03-lts/Dockerfile",
        "FROM openeuler/openeuler:24.03-lts\n",
    );

    #[test]
    fn conflicting_fixes_of_one_value_are_applied_in_rounds() {
        let meta =
            "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: 'amd64, arm64,amd64'\n";
        let result = fixed(&[LIST, DOCKERFILE, ("AI/demo/meta.yml", meta)], false);
        assert!(result.converged);
        assert_eq!(
            result.change("AI/demo/meta.yml").expect("changed").after,
            "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: 'x86_64,aarch64'\n"
        );
        assert_eq!(
            result.change("AI/demo/meta.yml").expect("changed").before,
            meta
        );
        assert!(
            result.report.diagnostics.is_empty(),
            "{:#?}",
            result.report.diagnostics
        );
        assert_eq!(counts_text(&result.counts(&[])), "A001 ×4");
        assert_eq!(
            result.patch("repo"),
            format!(
                "--- a/repo/AI/demo/meta.yml\n+++ b/repo/AI/demo/meta.yml\n@@ -1,3 +1,3 @@\n 1.0-oe2403lts:\n   path: 1.0/24.03-lts/Dockerfile\n-  arch: 'amd64, arm64,amd64'\n+  arch: 'x86_64,aarch64'\n"
            )
        );
        let unwritten = ["AI/demo/meta.yml".to_string()];
        assert!(result.counts(&unwritten).is_empty());
    }

    #[test]
    fn unsafe_fixes_wait_for_the_flag() {
        let meta = "1.0-oe2403lts:\n  pth: 1.0/24.03-lts/Dockerfile\n";
        let files = [LIST, DOCKERFILE, ("AI/demo/meta.yml", meta)];
        let safe = fixed(&files, false);
        assert!(safe.files.is_empty() && safe.applied.is_empty());
        assert_eq!(safe.report.diagnostics[0].code, "Y005");
        let all = fixed(&files, true);
        assert_eq!(
            all.change("AI/demo/meta.yml").expect("changed").after,
            "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n"
        );
        assert!(all.report.diagnostics.is_empty());
    }

    #[test]
    fn a_fix_revealing_more_findings_than_it_removes_is_skipped() {
        // Written as a mapping, the legacy entry would be checked: its tag disagrees with the
        // Dockerfile's OS and version folders, which the first entry uses too.
        let meta = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n2.0-oe2203sp4: 1.0/24.03-lts/Dockerfile\n";
        let result = fixed(&[LIST, DOCKERFILE, ("AI/demo/meta.yml", meta)], true);
        assert!(result.files.is_empty());
        assert_eq!(result.skipped.len(), 1);
        assert_eq!(result.skipped[0].code, "Y004");
        assert_eq!(result.skipped[0].reason, SkipReason::MoreFindings);
        assert!(result.converged);
    }

    #[test]
    fn nothing_past_a_syntax_error_is_edited() {
        // Found by fuzzing: the `#` inside the quoted path after the tab's syntax error read as
        // a stale suppression, whose removal cut the string open.
        let meta = "1.0-oe2403lts:\n  path:\t1.0/24.03-lts/Dockerfile\n1.1-oe2403lts:\n  path: \"1.1 # stacklint: ignore[P001]/x\"\n";
        let result = fixed(&[LIST, DOCKERFILE, ("AI/demo/meta.yml", meta)], true);
        let after = &result
            .change("AI/demo/meta.yml")
            .expect("the tab is fixed")
            .after;
        assert!(
            after.contains("  path: \"1.1 # stacklint: ignore[P001]/x\"\n"),
            "{after}"
        );
        assert!(crate::syntax::yaml::parse(after).error.is_none());
    }

    #[test]
    fn nothing_to_fix_changes_nothing() {
        let meta = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n";
        let result = fixed(&[LIST, DOCKERFILE, ("AI/demo/meta.yml", meta)], true);
        assert!(result.converged && result.files.is_empty() && result.applied.is_empty());
    }
}
