//! What the editor asks the core about a position (`Session::inspect`, `links`) and the inline
//! suppression it writes (`Session::silence`), on a small repository with a stack.

use stacklint::inspect::{Inspection, Kind, Location, TextEdit};
use stacklint::session::Session;
use stacklint::source::js::FileContent;
use stacklint::CheckOptions;

const LIST: &str = "AI/image-list.yml";
const CANN: &str = "AI/cann/meta.yml";
const PYTORCH: &str = "AI/pytorch/meta.yml";
const DOCKERFILE: &str = "AI/pytorch/2.2.0/24.03-lts/Dockerfile";

fn repo() -> Vec<(&'static str, &'static str)> {
    vec![
        (LIST, "images:\n  cann: cann\n  pytorch: pytorch\n"),
        (CANN, "8.0.RC1-oe2403lts:\n  path: 8.0.RC1/24.03-lts/Dockerfile\n"),
        (
            "AI/cann/8.0.RC1/24.03-lts/Dockerfile",
            "FROM openeuler/openeuler:24.03-lts\n",
        ),
        (
            PYTORCH,
            "# stacklint: ignore[P003]\n2.2.0-cann8.0.RC1-oe2403lts:\n  path: 2.2.0/24.03-lts/Dockerfile\n'😀x-oe2403lts':  # stacklint: ignore[P001]\n  path: none/Dockerfile\n",
        ),
        (
            DOCKERFILE,
            "ARG BASE=quay.io/openeuler/cann:8.0.RC1-oe2403lts\nFROM golang:1.22 AS build\nFROM ${BASE}\nCOPY --from=build /x /x\n",
        ),
    ]
}

fn session(files: &[(&str, &str)]) -> Session {
    let mut session = Session::new(CheckOptions::default());
    for (path, text) in files {
        session
            .set(path, FileContent::Text(text.to_string()))
            .expect("inside the repository");
    }
    session
}

fn at(session: &mut Session, path: &str, line: usize, column: usize) -> Inspection {
    session
        .inspect(path, line, column)
        .unwrap_or_else(|| panic!("something at {path}:{line}:{column}"))
}

fn lines(targets: &[Location]) -> Vec<(&str, usize)> {
    targets.iter().map(|t| (t.path.as_str(), t.line)).collect()
}

#[test]
fn a_tag_key_shows_its_parts_and_leads_to_the_parent_it_implies() {
    let mut session = session(&repo());
    let found = at(&mut session, PYTORCH, 2, 5);
    assert_eq!(found.kind, Kind::Tag);
    assert_eq!(
        (found.range.line, found.range.column, found.range.end_column),
        (2, 1, 28)
    );
    let parts = found.tag.expect("tag parts");
    assert_eq!(parts.image, "pytorch");
    assert_eq!(parts.layer, Some("framework"));
    assert_eq!(parts.version, "2.2.0");
    assert_eq!(parts.sdk.as_deref(), Some("cann8.0.RC1"));
    assert_eq!(parts.os, "openEuler 24.03 LTS");
    assert_eq!(parts.os_suffix, "oe2403lts");
    let implied = parts.implies.expect("a framework implies its SDK");
    assert_eq!(implied.image, "cann");
    assert_eq!(implied.tags[0], "8.0.RC1-oe2403lts");
    assert_eq!(lines(&found.targets), [(CANN, 1)]);
    assert!(
        found.hover.contains("- SDK: `cann8.0.RC1`"),
        "{}",
        found.hover
    );
    assert!(
        found
            .hover
            .contains("declared in `AI/cann/meta.yml` line 1"),
        "{}",
        found.hover
    );
    assert!(found.hover.contains("is built on `openeuler/cann:8.0.RC1-oe2403lts` (written `quay.io/openeuler/cann:8.0.RC1-oe2403lts`)"), "{}", found.hover);
}

#[test]
fn columns_count_characters_outside_the_basic_plane() {
    let mut session = session(&repo());
    // `'😀x-oe2403lts'`: the emoji is one column, as in every report.
    let found = at(&mut session, PYTORCH, 4, 3);
    assert_eq!(found.kind, Kind::Tag);
    assert_eq!((found.range.column, found.range.end_column), (1, 15));
    assert_eq!(found.tag.expect("parts").tag, "😀x-oe2403lts");
    let rule = at(&mut session, PYTORCH, 4, 41);
    assert_eq!(rule.kind, Kind::Rule);
    assert_eq!((rule.range.column, rule.range.end_column), (38, 42));
}

#[test]
fn a_path_leads_to_its_file_and_links_name_every_existing_one() {
    let mut session = session(&repo());
    let found = at(&mut session, PYTORCH, 3, 12);
    assert_eq!(found.kind, Kind::EntryPath);
    assert_eq!(lines(&found.targets), [(DOCKERFILE, 1)]);
    let missing = at(&mut session, PYTORCH, 5, 10);
    assert!(missing.targets.is_empty());
    assert!(missing
        .hover
        .contains("`AI/pytorch/none/Dockerfile` does not exist"));
    let links: Vec<(usize, String)> = session
        .links(PYTORCH)
        .into_iter()
        .map(|link| (link.range.line, link.target))
        .collect();
    assert_eq!(links, [(3, DOCKERFILE.to_string())]);
    let folders: Vec<String> = session.links(LIST).into_iter().map(|l| l.target).collect();
    assert_eq!(folders, [CANN, PYTORCH]);
}

#[test]
fn an_image_list_folder_leads_to_its_meta_yml() {
    let mut session = session(&repo());
    let found = at(&mut session, LIST, 3, 13);
    assert_eq!(found.kind, Kind::ImageFolder);
    assert_eq!(lines(&found.targets), [(PYTORCH, 1)]);
    assert!(found
        .hover
        .starts_with("`openeuler/pytorch` is published from `AI/pytorch`"));
}

#[test]
fn a_from_and_its_arg_default_lead_to_the_parent_declaration() {
    let mut session = session(&repo());
    for (line, column) in [(3, 8), (1, 15)] {
        let found = at(&mut session, DOCKERFILE, line, column);
        assert_eq!(found.kind, Kind::Parent);
        assert_eq!(found.parent.as_ref().map(|p| p.kind), Some("in-repo"));
        assert_eq!(lines(&found.targets), [(CANN, 1)]);
        assert!(
            found.hover.contains("the default of the `ARG` on line 1"),
            "{}",
            found.hover
        );
        assert!(
            found
                .hover
                .contains("This file builds `openeuler/pytorch:2.2.0-cann8.0.RC1-oe2403lts`"),
            "{}",
            found.hover
        );
    }
    let build = at(&mut session, DOCKERFILE, 2, 7);
    assert_eq!(build.parent.as_ref().map(|p| p.kind), Some("external"));
    assert!(build.targets.is_empty());
    assert!(
        !build.hover.contains("This file builds"),
        "only the final stage is the parent"
    );
    assert!(session.inspect(DOCKERFILE, 4, 3).is_none());
}

#[test]
fn a_code_in_a_suppression_shows_the_rules_documentation() {
    let mut session = session(&repo());
    let found = at(&mut session, PYTORCH, 1, 21);
    assert_eq!(found.kind, Kind::Rule);
    let rule = found.rule.expect("a rule");
    assert_eq!(rule.code, "P003");
    assert!(
        found.hover.starts_with("**P003** `root-relative-path`"),
        "{}",
        found.hover
    );
    assert!(found.hover.contains(&rule.help_uri));
    let mut typo = session_with(PYTORCH, "# stacklint: ignore[P0003]\n");
    let found = at(&mut typo, PYTORCH, 1, 22);
    assert!(found.rule.is_none());
    assert!(
        found.hover.contains("did you mean `P003`?"),
        "{}",
        found.hover
    );
}

fn session_with(path: &'static str, text: &'static str) -> Session {
    let mut files = repo();
    files.retain(|(p, _)| *p != path);
    files.push((path, text));
    session(&files)
}

fn apply(text: &str, session: &mut Session, path: &str, edit: &TextEdit) -> String {
    let _ = session;
    let index = stacklint::text::line_index::LineIndex::new(text);
    let start = index.offset(text, edit.range.line, edit.range.column);
    let end = index.offset(text, edit.range.end_line, edit.range.end_column);
    assert_eq!(edit.range.path, path);
    format!("{}{}{}", &text[..start], edit.text, &text[end..])
}

/// Silences the first finding of `code` in `path`, checks again, and returns the new text.
fn silence_and_check(
    files: &[(&'static str, &'static str)],
    path: &'static str,
    code: &str,
) -> String {
    let mut session = session(files);
    let before = session.check(None).diagnostics;
    let finding = before
        .iter()
        .find(|d| d.path == path && d.code == code)
        .unwrap_or_else(|| panic!("a {code} in {path}: {before:#?}"));
    let edit = session
        .silence(path, finding.line, code)
        .expect("a place for the suppression");
    let text = files
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, t)| *t)
        .unwrap_or_default();
    let fixed = apply(text, &mut session, path, &edit);
    session
        .set(path, FileContent::Text(fixed.clone()))
        .expect("inside the repository");
    let after = session.check(None).diagnostics;
    let codes = |diagnostics: &[stacklint::Diagnostic]| -> Vec<String> {
        diagnostics
            .iter()
            .map(|d| format!("{} {}", d.path, d.code))
            .collect()
    };
    let mut expected = codes(&before);
    let silenced = format!("{path} {code}");
    let at = expected
        .iter()
        .position(|c| *c == silenced)
        .expect("the finding");
    expected.remove(at);
    assert_eq!(codes(&after), expected, "{fixed}");
    fixed
}

#[test]
fn ignore_here_writes_a_yaml_comment_at_the_end_of_the_line() {
    let mut files = repo();
    files.push((
        "AI/x/meta.yml",
        "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile  \n",
    ));
    let fixed = silence_and_check(&files, "AI/x/meta.yml", "P001");
    assert_eq!(
        fixed,
        "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile # stacklint: ignore[P001]\n"
    );
}

#[test]
fn ignore_here_adds_the_code_to_a_suppression_that_covers_the_line() {
    let mut files = repo();
    files.push((
        "AI/x/meta.yml",
        "1.0-oe2403lts:\r\n  # stacklint: ignore[T001]\r\n  path: 1.0/24.03-lts/Dockerfile\r\n",
    ));
    let fixed = silence_and_check(&files, "AI/x/meta.yml", "P001");
    assert!(
        fixed.contains("# stacklint: ignore[T001, P001]\r\n"),
        "{fixed}"
    );
}

#[test]
fn ignore_here_writes_a_comment_line_above_where_the_line_ends_inside_a_value() {
    let mut files = repo();
    files.push((
        "AI/x/meta.yml",
        "1.0-oe2403lts:\n  path: \"1.0/24.03-lts/\n    Dockerfile\"\n",
    ));
    let fixed = silence_and_check(&files, "AI/x/meta.yml", "P001");
    assert!(
        fixed.starts_with("1.0-oe2403lts:\n  # stacklint: ignore[P001]\n  path: \"1.0"),
        "{fixed}"
    );
}

#[test]
fn ignore_here_writes_a_whole_comment_line_above_in_a_dockerfile() {
    let mut files = repo();
    files.retain(|(p, _)| *p != CANN);
    files.push((CANN, "8.0.RC1-oe2403lts:\n  path: 8.0.RC1/24.03-lts/Dockerfile\n9.0-oe2403lts:\n  path: 8.0.RC1/24.03-lts/Dockerfile\n"));
    files.retain(|(p, _)| *p != DOCKERFILE);
    files.push((
        DOCKERFILE,
        "ARG X=1\n  FROM openeuler/cann:7.0-oe2403lts # no comment here\n",
    ));
    let fixed = silence_and_check(&files, DOCKERFILE, "L003");
    assert_eq!(fixed, "ARG X=1\n  # stacklint: ignore[L003]\n  FROM openeuler/cann:7.0-oe2403lts # no comment here\n");
}

#[test]
fn ignore_here_is_offered_only_where_a_suppression_can_be_read() {
    let mut session = session(&repo());
    assert!(
        session.silence(PYTORCH, 2, "C002").is_none(),
        "C002 reports suppressions"
    );
    assert!(session.silence(".stacklint.toml", 1, "C001").is_none());
    assert!(session.silence(PYTORCH, 2, "X999").is_none());
    assert!(session.silence(PYTORCH, 99, "T001").is_none());
    assert!(
        session.silence(PYTORCH, 1, "P003").is_none(),
        "silenced already"
    );
    let mut block = session_with(PYTORCH, "a-oe2403lts:\n  path: |\n    x/Dockerfile\n");
    assert!(
        block.silence(PYTORCH, 3, "P001").is_none(),
        "inside a block scalar, nothing is a comment"
    );
}
