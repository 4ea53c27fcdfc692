//! The change check: a head tree judged against its base, with MemorySource trees.

use stacklint::check::{check_change, ReportScope};
use stacklint::{CheckOptions, MemorySource, Report};

/// A three-layer AI stack with one old mistake (a P003 in `Others/tool`).
fn base() -> Vec<(&'static str, &'static str)> {
    vec![
        ("AI/image-list.yml", "images:\n  cann: cann\n  pytorch: pytorch\n  llm: llm\n"),
        ("AI/cann/meta.yml", "8.0.RC1-oe2203sp4:\n  path: 8.0.RC1/22.03-lts-sp4/Dockerfile\n"),
        ("AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile", "FROM openeuler/openeuler:22.03-lts-sp4\n"),
        ("AI/pytorch/meta.yml", "2.1.0-cann8.0.RC1-oe2203sp4:\n  path: 2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n"),
        ("AI/pytorch/2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile", "ARG BASE=openeuler/cann:8.0.RC1-oe2203sp4\nFROM ${BASE}\n"),
        ("AI/llm/meta.yml", "chat-pytorch2.1.0-cann8.0.RC1-oe2203sp4:\n  path: chat-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n"),
        ("AI/llm/chat-pytorch2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile", "FROM openeuler/pytorch:2.1.0-cann8.0.RC1-oe2203sp4\n"),
        ("Others/image-list.yml", "images:\n  tool: tool\n"),
        ("Others/tool/meta.yml", "1.0-oe2403lts:\n  path: Others/tool/1.0/24.03-lts/Dockerfile\n"),
        ("Others/tool/1.0/24.03-lts/Dockerfile", "FROM openeuler/openeuler:24.03-lts\n"),
    ]
}

fn tree(files: &[(&str, &str)]) -> MemorySource {
    files.iter().copied().collect()
}

/// The base with `changes` applied: `Some(text)` writes a file, `None` deletes it.
fn head(changes: &[(&str, Option<&str>)]) -> MemorySource {
    let mut files: Vec<(&str, &str)> = base();
    for (path, text) in changes {
        files.retain(|(p, _)| p != path);
        if let Some(text) = text {
            files.push((path, text));
        }
    }
    tree(&files)
}

fn run(changes: &[(&str, Option<&str>)], scope: ReportScope) -> Report {
    let options = CheckOptions {
        scope: Some(scope),
        ..CheckOptions::default()
    };
    check_change(&head(changes), &tree(&base()), &options)
}

/// (code, path, line, status) of every reported diagnostic.
fn summary(report: &Report) -> Vec<(String, String, usize, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.path.clone(),
                d.line,
                d.status
                    .map_or("-".into(), |s| format!("{s:?}").to_lowercase()),
            )
        })
        .collect()
}

#[test]
fn an_unchanged_tree_has_only_existing_findings() {
    let report = run(&[], ReportScope::All);
    assert_eq!(
        summary(&report),
        [(
            "P003".into(),
            "Others/tool/meta.yml".into(),
            2,
            "existing".into()
        )]
    );
    assert!(run(&[], ReportScope::New).diagnostics.is_empty());
}

#[test]
fn a_correct_change_in_an_image_with_an_old_mistake_is_green() {
    let meta = "1.0-oe2403lts:\n  path: Others/tool/1.0/24.03-lts/Dockerfile\n1.1-oe2403lts:\n  path: 1.1/24.03-lts/Dockerfile\n";
    let report = run(
        &[
            ("Others/tool/meta.yml", Some(meta)),
            (
                "Others/tool/1.1/24.03-lts/Dockerfile",
                Some("FROM openeuler/openeuler:24.03-lts\n"),
            ),
        ],
        ReportScope::New,
    );
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    assert_eq!(report.summary.existing, 1);
    assert_eq!(report.existing[0].code, "P003");
}

#[test]
fn deleting_a_parent_image_with_its_list_line_breaks_its_children_at_the_list_line() {
    let report = run(
        &[
            (
                "AI/image-list.yml",
                Some("images:\n  pytorch: pytorch\n  llm: llm\n"),
            ),
            ("AI/cann/meta.yml", None),
            ("AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile", None),
        ],
        ReportScope::New,
    );
    let found = summary(&report);
    assert_eq!(
        found[0],
        ("H001".into(), "AI/image-list.yml".into(), 1, "new".into()),
        "{found:#?}"
    );
    let h001 = &report.diagnostics[0];
    assert!(h001.message.contains("removes `openeuler/cann:8.0.RC1-oe2203sp4`, but 1 image is still built on it: `pytorch:2.1.0-cann8.0.RC1-oe2203sp4`"), "{}", h001.message);
    assert_eq!(
        h001.related[0].path,
        "AI/pytorch/2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile"
    );
    // Withdrawing the image is a problem of its own, beside the children it breaks.
    assert_eq!(
        found[1],
        ("H002".into(), "AI/image-list.yml".into(), 1, "new".into()),
        "{found:#?}"
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        report.diagnostics[1].message.contains(
            "deletes image `openeuler/cann` (`AI/cann`) and its published tag: `8.0.RC1-oe2203sp4`"
        ),
        "{}",
        report.diagnostics[1].message
    );
}

#[test]
fn renaming_a_parent_tag_lands_on_the_renamed_key() {
    let report = run(
        &[(
            "AI/cann/meta.yml",
            Some("cann8.0.RC1-oe2203sp4:\n  path: 8.0.RC1/22.03-lts-sp4/Dockerfile\n"),
        )],
        ReportScope::New,
    );
    let found = summary(&report);
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert!(codes.contains(&"H001"), "{found:#?}");
    assert!(
        !codes.contains(&"L003"),
        "the children's L003 is the H001: {found:#?}"
    );
    let h001 = report
        .diagnostics
        .iter()
        .find(|d| d.code == "H001")
        .expect("H001");
    assert_eq!((h001.path.as_str(), h001.line), ("AI/cann/meta.yml", 1));
    assert!(
        h001.message.contains("this change renames"),
        "{}",
        h001.message
    );
    assert_eq!(h001.help.as_deref(), Some("point their parent at `openeuler/cann:cann8.0.RC1-oe2203sp4` in this change, or keep the tag `8.0.RC1-oe2203sp4` until no image builds on it"));
}

#[test]
fn a_withdrawn_tag_and_a_repointed_tag_are_warnings_on_the_change() {
    let meta = "2.1.0-cann8.0.RC1-oe2203sp4:\n  path: 2.1.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n  arch: aarch64\n";
    let report = run(&[("AI/pytorch/meta.yml", Some(meta))], ReportScope::New);
    let h003 = report
        .diagnostics
        .iter()
        .find(|d| d.code == "H003")
        .expect("H003");
    assert_eq!(h003.line, 3);
    assert!(
        h003.message
            .contains("is now built for aarch64 (it was built for x86_64, aarch64)"),
        "{}",
        h003.message
    );
    let withdrawn = run(
        &[(
            "Others/tool/meta.yml",
            Some("1.1-oe2403lts:\n  path: Others/tool/1.0/24.03-lts/Dockerfile\n"),
        )],
        ReportScope::New,
    );
    let h002 = withdrawn
        .diagnostics
        .iter()
        .find(|d| d.code == "H002")
        .expect("H002");
    assert!(
        h002.message.contains("it looks renamed to `1.1-oe2403lts`"),
        "{}",
        h002.message
    );
    assert_eq!(h002.line, 1);
}

#[test]
fn a_relaxed_policy_is_reported_and_the_base_policy_applies() {
    let report = run(
        &[(".stacklint.toml", Some("ignore = [\"P003\"]\n"))],
        ReportScope::All,
    );
    let found = summary(&report);
    assert!(found.iter().any(|f| f.0 == "C003"), "{found:#?}");
    assert!(
        found.iter().any(|f| f.0 == "P003"),
        "the base policy still checks P003: {found:#?}"
    );
}

#[test]
fn a_new_unlisted_image_is_annotated_on_its_new_meta_yml() {
    let report = run(
        &[
            (
                "AI/vision/meta.yml",
                Some("1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n"),
            ),
            (
                "AI/vision/1.0/24.03-lts/Dockerfile",
                Some("FROM openeuler/openeuler:24.03-lts\n"),
            ),
        ],
        ReportScope::New,
    );
    let found = summary(&report);
    assert_eq!(
        found,
        [("R001".into(), "AI/image-list.yml".into(), 1, "new".into())]
    );
    let annotations = stacklint::render::github::annotations(&report, "");
    assert_eq!(
        (
            annotations[0].file.as_str(),
            annotations[0].start_line,
            annotations[0].on_changed_line
        ),
        ("AI/vision/meta.yml", 1, true)
    );
    assert!(
        annotations[0]
            .message
            .ends_with("\nnote: reported at AI/image-list.yml:1:1"),
        "{}",
        annotations[0].message
    );
}

#[test]
fn annotations_put_new_findings_on_changed_lines_first() {
    // Two new mistakes: one on the changed line, one in an untouched child (its parent's
    // release moved under it); and the old P003.
    let cann =
        "8.0.RC1-oe2203sp4:\n  path: 8.0.RC1/22.03-lts-sp4/Dockerfile\n  arch: x86_64,amd64\n";
    let report = run(&[("AI/cann/meta.yml", Some(cann))], ReportScope::All);
    let annotations = stacklint::render::github::annotations(&report, "");
    assert!(annotations[0].on_changed_line, "{annotations:#?}");
    assert_eq!(annotations[0].title, "A001 invalid-arch");
    let last = annotations.last().expect("annotations");
    assert_eq!(
        last.title, "P003 root-relative-path",
        "existing findings go last"
    );
}

/// (code, applicability) of every reported fix.
fn fixes(report: &Report) -> Vec<(&'static str, String)> {
    report
        .diagnostics
        .iter()
        .filter_map(|d| Some((d.code, d.fix.as_ref()?.applicability.as_str().to_string())))
        .collect()
}

#[test]
fn renaming_a_tag_new_in_the_change_is_safe_and_a_published_one_is_not() {
    // A new tag with a malformed suffix: nothing is published under it yet.
    let added = "1.0-oe2403lts:\n  path: Others/tool/1.0/24.03-lts/Dockerfile\n1.1-24.03-lts:\n  path: 1.1/24.03-lts/Dockerfile\n";
    let report = run(
        &[
            ("Others/tool/meta.yml", Some(added)),
            (
                "Others/tool/1.1/24.03-lts/Dockerfile",
                Some("FROM openeuler/openeuler:24.03-lts\n"),
            ),
        ],
        ReportScope::New,
    );
    assert_eq!(fixes(&report), [("T002", "safe".to_string())]);
    assert_eq!(
        report.diagnostics[0]
            .fix
            .as_ref()
            .and_then(|f| f.renames_tag.as_deref()),
        Some("1.1-24.03-lts")
    );
    // The same mistake already on the base: the tag may be published, the rename stays unsafe.
    let base_files: Vec<(&str, &str)> = base()
        .into_iter()
        .filter(|(path, _)| *path != "Others/tool/meta.yml")
        .chain([
            ("Others/tool/meta.yml", added),
            (
                "Others/tool/1.1/24.03-lts/Dockerfile",
                "FROM openeuler/openeuler:24.03-lts\n",
            ),
        ])
        .collect();
    let options = CheckOptions {
        scope: Some(ReportScope::All),
        ..CheckOptions::default()
    };
    let old = check_change(&tree(&base_files), &tree(&base_files), &options);
    let t002: Vec<(&str, String)> = fixes(&old)
        .into_iter()
        .filter(|(code, _)| *code == "T002")
        .collect();
    assert_eq!(t002, [("T002", "unsafe".to_string())]);
}
