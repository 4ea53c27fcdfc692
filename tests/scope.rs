//! Pull-request scope end to end: the same repository checked whole and with changed paths,
//! through the library and through `stacklint check --changed-from`.

use std::io::Write;
use std::process::{Command, Stdio};

use stacklint::{CheckOptions, MemorySource};

const DUPLICATE: &str = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n";

/// Two images with a finding each, in two scenes, and an unreadable file outside any image.
fn source() -> MemorySource {
    MemorySource::new()
        .with("AI/image-list.yml", "images:\n  a: a\n")
        .with("AI/a/meta.yml", DUPLICATE)
        .with(
            "AI/a/1.0/24.03-lts/Dockerfile",
            "FROM openeuler/openeuler:24.03-lts\n",
        )
        .with("Cloud/c/meta.yml", "")
        .with("docs/notes.bin", "a\0b")
}

fn check(changed: Option<&[&str]>) -> stacklint::Report {
    let options = CheckOptions {
        changed: changed.map(|paths| paths.iter().map(|p| p.to_string()).collect()),
        ..CheckOptions::default()
    };
    stacklint::check(&source(), &options)
}

fn codes_and_paths(report: &stacklint::Report) -> Vec<(&str, &str)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code, d.path.as_str()))
        .collect()
}

#[test]
fn without_a_scope_every_finding_is_reported() {
    let report = check(None);
    assert_eq!(
        codes_and_paths(&report),
        vec![("Y002", "AI/a/meta.yml"), ("Y003", "Cloud/c/meta.yml")]
    );
    assert_eq!(report.summary.errors, 2);
}

#[test]
fn a_changed_dockerfile_reports_only_its_image_and_recounts_the_summary() {
    let report = check(Some(&["AI/a/1.0/24.03-lts/Dockerfile"]));
    assert_eq!(codes_and_paths(&report), vec![("Y002", "AI/a/meta.yml")]);
    assert_eq!(report.summary.errors, 1);
    // The whole repository was still read.
    assert_eq!(report.summary.manifests, 2);
}

#[test]
fn a_change_to_a_meta_yml_alone_is_checked() {
    let report = check(Some(&["Cloud/c/meta.yml"]));
    assert_eq!(codes_and_paths(&report), vec![("Y003", "Cloud/c/meta.yml")]);
}

#[test]
fn an_unrelated_change_reports_nothing() {
    let report = check(Some(&["README.md"]));
    assert!(report.diagnostics.is_empty());
    assert_eq!(report.summary.errors, 0);
}

/// A repository on disk for the CLI: a duplicate tag in `AI/a`, an empty `Cloud/c/meta.yml`.
fn scratch_repo(name: &str) -> std::path::PathBuf {
    let repo = std::env::temp_dir().join(format!("stacklint-scope-{name}-{}", std::process::id()));
    let write = |path: &str, text: &str| {
        let path = repo.join(path);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("AI/a/meta.yml", DUPLICATE);
    write("AI/a/1.0/24.03-lts/Dockerfile", "FROM x\n");
    write("Cloud/c/meta.yml", "");
    repo
}

#[test]
fn cli_reads_the_changed_list_from_stdin_and_rejects_escaping_paths() {
    let repo = scratch_repo("stdin");
    let run = |list: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stacklint"))
            .args(["check", "--format", "json", "--changed-from", "-"])
            .arg(&repo)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(list.as_bytes())
            .expect("write stdin");
        child.wait_with_output().expect("finishes")
    };
    let scoped = run("Cloud/c/meta.yml\n");
    let json: serde_json::Value = serde_json::from_slice(&scoped.stdout).expect("json output");
    assert_eq!(json["summary"]["errors"], 1);
    assert_eq!(json["diagnostics"][0]["path"], "Cloud/c/meta.yml");
    assert_eq!(scoped.status.code(), Some(1));

    let rejected = run("../outside\n");
    assert_eq!(rejected.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&rejected.stderr);
    assert!(stderr.contains("`../outside`"), "{stderr}");
    let _ = std::fs::remove_dir_all(&repo);
}

#[test]
fn cli_takes_changed_paths_as_trailing_arguments_as_pre_commit_passes_them() {
    let repo = scratch_repo("args");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_stacklint"))
            .current_dir(&repo)
            .args(["check", "--format", "json", "--changed"])
            .args(args)
            .output()
            .expect("runs")
    };
    let scoped = run(&["Cloud/c/meta.yml", "README.md"]);
    let json: serde_json::Value = serde_json::from_slice(&scoped.stdout).expect("json output");
    let paths: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["path"].as_str())
        .collect();
    assert_eq!(paths, ["Cloud/c/meta.yml"]);
    assert_eq!(scoped.status.code(), Some(1));

    let unrelated = run(&["README.md"]);
    assert_eq!(unrelated.status.code(), Some(0));

    let rejected = run(&["/etc/passwd"]);
    assert_eq!(rejected.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&rejected.stderr);
    assert!(
        stderr.contains("`--changed`") && stderr.contains("`/etc/passwd`"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&repo);
}

/// cann -> pytorch, plus an `npmjs` image the AI list still names after its folder was deleted.
fn stack_source(cann_tag: &str) -> MemorySource {
    MemorySource::new()
        .with(
            "AI/image-list.yml",
            "images:\n  cann: cann\n  pytorch: pytorch\n  npmjs: npmjs\n  web: web\n",
        )
        .with(
            "AI/cann/meta.yml",
            &format!("{cann_tag}:\n  path: 8.0.RC1/22.03-lts-sp4/Dockerfile\n"),
        )
        .with(
            "AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile",
            "FROM openeuler/openeuler:22.03-lts-sp4\n",
        )
        .with(
            "AI/pytorch/meta.yml",
            "2.2.0-cann8.0.RC1-oe2203sp4:\n  path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n",
        )
        .with(
            "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile",
            "ARG BASE=openeuler/cann:8.0.RC1-oe2203sp4\nFROM ${BASE}\n",
        )
        .with(
            "AI/web/meta.yml",
            "1.0-oe2203sp4:\n  path: 1.0/22.03-lts-sp4/Dockerfile\n",
        )
        .with(
            "AI/web/1.0/22.03-lts-sp4/Dockerfile",
            "FROM openeuler/npmjs:latest\n",
        )
}

fn scoped_codes(source: &MemorySource, changed: &[&str]) -> Vec<(String, String)> {
    let options = CheckOptions {
        changed: Some(changed.iter().map(|p| p.to_string()).collect()),
        ..CheckOptions::default()
    };
    stacklint::check(source, &options)
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.path.clone()))
        .collect()
}

#[test]
fn renaming_a_parent_tag_reports_the_children_it_breaks() {
    // The change touches only cann's meta.yml; pytorch's FROM now dangles.
    let source = stack_source("8.0.RC2-oe2203sp4");
    let findings = scoped_codes(&source, &["AI/cann/meta.yml"]);
    assert!(
        findings.contains(&(
            "L003".into(),
            "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile".into()
        )),
        "{findings:?}"
    );
}

#[test]
fn deleting_a_listed_image_reports_the_images_built_on_it() {
    let source = stack_source("8.0.RC1-oe2203sp4");
    let findings = scoped_codes(&source, &["AI/npmjs/meta.yml"]);
    assert!(
        findings
            .iter()
            .any(|(code, path)| code == "L003" && path == "AI/web/1.0/22.03-lts-sp4/Dockerfile"),
        "{findings:?}"
    );
    // An unrelated image stays out of the report.
    assert!(
        findings
            .iter()
            .all(|(_, path)| !path.starts_with("AI/pytorch/")),
        "{findings:?}"
    );
}
