//! The editor's session (`stacklint::session`): a focused check reports for each file exactly
//! what a whole check reports for it, and after edits (read again in place, or loaded again
//! when files come and go) exactly what a fresh check of the edited repository reports.

use std::path::{Path, PathBuf};

use stacklint::domain::layout::needs_content;
use stacklint::session::Session;
use stacklint::source::dir::DirSource;
use stacklint::source::js::FileContent;
use stacklint::{CheckOptions, Diagnostic, FileSource, MemorySource};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("tests/fixtures exists")
        .filter_map(|entry| Some(entry.ok()?.path().join("repo")))
        .filter(|repo| repo.is_dir())
        .collect();
    cases.sort();
    cases
}

/// A fixture read as an editor's shell reads it: the text of what the core needs.
fn files_of(repo: &Path) -> Vec<(String, Option<String>)> {
    let source = DirSource::open(repo).expect("fixture opens");
    source
        .list()
        .into_iter()
        .map(|path| {
            let text = needs_content(&path)
                .then(|| source.read(&path).ok())
                .flatten();
            (path, text)
        })
        .collect()
}

fn content(text: &Option<String>) -> FileContent {
    text.clone()
        .map_or(FileContent::NotProvided, FileContent::Text)
}

fn session_of(files: &[(String, Option<String>)]) -> Session {
    let mut session = Session::new(CheckOptions::default());
    for (path, text) in files {
        session
            .set(path, content(text))
            .expect("inside the repository");
    }
    session
}

fn full_check(files: &[(String, Option<String>)]) -> Vec<Diagnostic> {
    let mut source = MemorySource::new();
    for (path, text) in files {
        source.insert(path, text.clone());
    }
    stacklint::check(&source, &CheckOptions::default()).diagnostics
}

fn in_files<'d>(diagnostics: &'d [Diagnostic], paths: &[String]) -> Vec<&'d Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| paths.contains(&d.path))
        .collect()
}

fn needed(files: &[(String, Option<String>)]) -> Vec<String> {
    files
        .iter()
        .filter(|(_, text)| text.is_some())
        .map(|(path, _)| path.clone())
        .collect()
}

#[test]
fn a_focused_check_reports_what_the_whole_check_reports_for_those_files() {
    for repo in fixtures() {
        let files = files_of(&repo);
        let expected = full_check(&files);
        let mut session = session_of(&files);
        assert_eq!(
            session.check(None).diagnostics,
            expected,
            "{}",
            repo.display()
        );
        for path in needed(&files) {
            let focus = vec![path.clone()];
            let focused = session.check(Some(&focus)).diagnostics;
            assert_eq!(
                focused.iter().collect::<Vec<_>>(),
                in_files(&expected, &focus),
                "{} focused on {path}",
                repo.display()
            );
        }
        // Two files of different images at once.
        let focus: Vec<String> = needed(&files).into_iter().step_by(3).collect();
        let focused = session.check(Some(&focus)).diagnostics;
        assert_eq!(
            focused.iter().collect::<Vec<_>>(),
            in_files(&expected, &focus)
        );
    }
}

/// Edits that break and mend each kind of file.
fn edited(path: &str, text: &str, round: usize) -> String {
    match round % 4 {
        0 => format!("{text}\n"),
        1 => text.replacen("-oe", "-0e", 1),
        2 => text.replacen("FROM ", "FROM openeuler/nothing:1-oe2403lts\nFROM ", 1),
        _ if path.ends_with("meta.yml") => {
            format!("{text}9.9-oe2403lts:\n  path: 9.9/24.03-lts/Dockerfile\n")
        }
        _ => text.replacen(':', "::", 1),
    }
}

#[test]
fn after_edits_in_place_the_session_checks_like_a_fresh_check() {
    for repo in fixtures() {
        let mut files = files_of(&repo);
        let mut session = session_of(&files);
        session.check(None);
        let paths = needed(&files);
        for (round, path) in paths.iter().enumerate() {
            let Some(slot) = files.iter_mut().find(|(p, _)| p == path) else {
                continue;
            };
            let text = edited(path, slot.1.as_deref().unwrap_or_default(), round);
            slot.1 = Some(text.clone());
            session
                .set(path, FileContent::Text(text))
                .expect("inside the repository");
            let expected = full_check(&files);
            let focus = vec![path.clone(), paths[0].clone()];
            assert_eq!(
                session
                    .check(Some(&focus))
                    .diagnostics
                    .iter()
                    .collect::<Vec<_>>(),
                in_files(&expected, &focus),
                "{} after editing {path}",
                repo.display()
            );
            assert_eq!(session.check(None).diagnostics, expected);
        }
    }
}

#[test]
fn files_that_come_and_go_are_checked_like_a_fresh_check() {
    let repo =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stack-layers-parents/repo");
    let mut files = files_of(&repo);
    let mut session = session_of(&files);
    session.check(None);

    let cann = "AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile".to_string();
    files.retain(|(path, _)| *path != cann);
    assert!(session.remove(&cann));
    assert_eq!(session.check(None).diagnostics, full_check(&files));

    let added = "AI/cann/9.0/22.03-lts-sp4/Dockerfile".to_string();
    let text = "FROM openeuler/openeuler:22.03-lts-sp4\n".to_string();
    files.push((added.clone(), Some(text.clone())));
    session
        .set(&added, FileContent::Text(text))
        .expect("inside the repository");
    assert_eq!(session.check(None).diagnostics, full_check(&files));

    let config = ".stacklint.toml".to_string();
    let policy = "ignore = [\"L\"]\n".to_string();
    files.push((config.clone(), Some(policy.clone())));
    session
        .set(&config, FileContent::Text(policy))
        .expect("inside the repository");
    let expected = full_check(&files);
    assert!(expected.iter().all(|d| !d.code.starts_with('L')));
    assert_eq!(session.check(None).diagnostics, expected);

    assert!(session.set("../outside", FileContent::NotProvided).is_err());
    assert!(!session.remove("AI/none"));
}
