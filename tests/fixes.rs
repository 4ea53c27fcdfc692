//! Fix fixtures: every folder `tests/fixes/<case>/` holds a repository in `before/`, the same
//! repository after fixing in `after/` (every file, byte for byte), and `expected.txt`, whose
//! first line `mode: safe` or `mode: unsafe` chooses the fixes and whose rest records what
//! fixing did (the fixes applied, those skipped, the findings left).
//!
//! Beyond matching, each case proves the fixes right: every fixed finding is gone from the
//! report on `after/`, that report holds nothing `before/` did not report already, and fixing
//! `after/` again changes nothing. `STACKLINT_BLESS=1` rewrites `after/` and `expected.txt`
//! (keeping the mode) after reviewing the change.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use stacklint::fix::{self, FixMode};
use stacklint::source::dir::DirSource;
use stacklint::source::FileSource;
use stacklint::{CheckOptions, Report};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixes");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/fixes exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("before").is_dir())
        .collect();
    cases.sort();
    cases
}

fn bless() -> bool {
    std::env::var_os("STACKLINT_BLESS").is_some()
}

/// Every file below `dir`, by repository path, as bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let source = DirSource::open(dir).expect("the folder opens");
    source
        .list()
        .into_iter()
        .map(|path| {
            let bytes = fs::read(dir.join(&path)).expect("readable");
            (path, bytes)
        })
        .collect()
}

fn mode_of(case: &Path) -> FixMode {
    let expected = fs::read_to_string(case.join("expected.txt")).unwrap_or_default();
    let first = expected.lines().next().unwrap_or_default();
    match first {
        "mode: unsafe" => FixMode { unsafe_fixes: true },
        "mode: safe" => FixMode::default(),
        other => panic!(
            "{}: expected.txt must start with `mode: safe` or `mode: unsafe`, not `{other}`",
            case.display()
        ),
    }
}

/// (code, path, message) of every finding, counted.
fn findings(report: &Report) -> BTreeMap<(String, String, String), usize> {
    let mut counts = BTreeMap::new();
    for d in &report.diagnostics {
        *counts
            .entry((d.code.to_string(), d.path.clone(), d.message.clone()))
            .or_default() += 1;
    }
    counts
}

fn describe(mode: FixMode, before: &Report, fixed: &fix::Fixed) -> String {
    let mut out = format!(
        "mode: {}\napplied: {}\n",
        if mode.unsafe_fixes { "unsafe" } else { "safe" },
        fix::counts_text(&fixed.counts(&[]))
    );
    out.push_str("fixable before:\n");
    for d in before.diagnostics.iter().filter(|d| d.fix.is_some()) {
        let fix = d
            .fix
            .as_ref()
            .map(|f| (f.applicability.as_str(), f.message.as_str()));
        if let Some((applicability, message)) = fix {
            out.push_str(&format!(
                "  {} {}:{} ({applicability}) {message}\n",
                d.code, d.path, d.line
            ));
        }
    }
    for skipped in &fixed.skipped {
        out.push_str(&format!(
            "skipped: {} {}:{} {}: {}\n",
            skipped.code,
            skipped.path,
            skipped.line,
            skipped.message,
            skipped.reason.describe()
        ));
    }
    out.push_str("remaining:\n");
    for d in &fixed.report.diagnostics {
        out.push_str(&format!(
            "  {} {}:{} {}\n",
            d.code, d.path, d.line, d.message
        ));
    }
    out
}

#[test]
fn every_fix_fixture_fixes_what_it_says_and_nothing_else() {
    let cases = cases();
    assert!(cases.len() >= 8, "only {} fix cases", cases.len());
    let options = CheckOptions::default();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.display();
        let mode = mode_of(case);
        let before_dir = case.join("before");
        let source = DirSource::open(&before_dir).expect("before/ opens");
        let before = stacklint::check(&source, &options);
        let fixed = fix::fix(&source, &options, mode);
        let mut expected_tree = tree(&before_dir);
        for change in &fixed.files {
            expected_tree.insert(change.path.clone(), change.after.clone().into_bytes());
        }
        let after_dir = case.join("after");
        let description = describe(mode, &before, &fixed);
        if bless() {
            let _ = fs::remove_dir_all(&after_dir);
            for (path, bytes) in &expected_tree {
                let file = after_dir.join(path);
                fs::create_dir_all(file.parent().expect("a folder")).expect("mkdir");
                fs::write(file, bytes).expect("write after/");
            }
            fs::write(case.join("expected.txt"), &description).expect("write expected.txt");
        }
        if fs::read_to_string(case.join("expected.txt")).unwrap_or_default() != description {
            failures.push(format!("{name}: expected.txt differs:\n{description}"));
        }
        if !after_dir.is_dir() || tree(&after_dir) != expected_tree {
            failures.push(format!(
                "{name}: after/ is not before/ with the fixes applied"
            ));
            continue;
        }
        if fixed.files.is_empty() {
            failures.push(format!("{name}: nothing was fixed"));
        }
        // The proof, on the files as written.
        let after_source = DirSource::open(&after_dir).expect("after/ opens");
        let after = stacklint::check(&after_source, &options);
        let (old, new) = (findings(&before), findings(&after));
        for (finding, count) in &new {
            if old.get(finding).is_none_or(|was| count > was) {
                failures.push(format!("{name}: a new finding after fixing: {finding:?}"));
            }
        }
        for d in before.diagnostics.iter().filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| mode.applies(f.applicability))
        }) {
            let key = (d.code.to_string(), d.path.clone(), d.message.clone());
            let skipped = fixed
                .skipped
                .iter()
                .any(|s| s.code == d.code && s.path == d.path && s.line == d.line);
            if !skipped && new.get(&key) >= old.get(&key) {
                failures.push(format!(
                    "{name}: {} at {}:{} is still reported",
                    d.code, d.path, d.line
                ));
            }
        }
        let again = fix::fix(&after_source, &options, mode);
        if !again.files.is_empty() {
            failures.push(format!(
                "{name}: fixing after/ again changes {:?}",
                again.files.iter().map(|c| &c.path).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
