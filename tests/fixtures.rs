//! Fixture repositories: every folder `tests/fixtures/<case>/` holds a small repository in
//! `repo/` and the expected outputs `expected.json` and `expected.txt` (human, no colour).
//! A fixture may also pin other formats: `expected.github` (workflow commands) and
//! `expected.sarif`, compared when present.
//! Run with `STACKLINT_BLESS=1` to rewrite the expectations after reviewing the change.

use std::fs;
use std::path::{Path, PathBuf};

use stacklint::render::{self, human, json, Format};
use stacklint::source::dir::DirSource;
use stacklint::CheckOptions;

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.join("repo").is_dir())
        .collect();
    cases.sort();
    cases
}

fn compare(case: &Path, file: &str, actual: &str, failures: &mut Vec<String>) {
    let path = case.join(file);
    if std::env::var_os("STACKLINT_BLESS").is_some() {
        fs::write(&path, actual).expect("write expectation");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{}: output differs from {file}\n--- expected\n{expected}\n--- actual\n{actual}",
            case.display()
        ));
    }
}

#[test]
fn every_fixture_matches_its_expected_output() {
    let cases = cases();
    assert!(!cases.is_empty(), "no fixture cases found");
    let mut failures = Vec::new();
    for case in &cases {
        let source = DirSource::open(&case.join("repo")).expect("fixture repo opens");
        let report = stacklint::check(&source, &CheckOptions::default());
        compare(
            case,
            "expected.json",
            &(json::render(&report) + "\n"),
            &mut failures,
        );
        let text = human::render(
            &report,
            human::HumanOptions {
                color: false,
                snippets: None,
            },
        );
        compare(case, "expected.txt", &text, &mut failures);
        for (file, format) in [
            ("expected.github", Format::Github),
            ("expected.sarif", Format::Sarif),
        ] {
            if case.join(file).is_file() {
                let actual = render::render(&report, format, false);
                compare(case, file, &actual, &mut failures);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
