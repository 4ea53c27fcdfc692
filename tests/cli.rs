//! The native command line as scripts use it: exit codes, streams, explain and rules.

use std::path::PathBuf;
use std::process::{Command, Output};

fn stacklint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stacklint"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn fixture(case: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
        .join("repo")
        .display()
        .to_string()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_clean_repository_exits_0_and_findings_exit_1() {
    let clean = stacklint(&["check", &fixture("clean-ai-stack")]);
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
    assert!(text(&clean.stdout).starts_with("0 errors, 0 warnings"));
    let broken = stacklint(&["check", &fixture("yaml-duplicate-tag")]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(text(&broken.stdout).contains("error[Y002]"));
    assert!(text(&broken.stderr).is_empty());
}

#[test]
fn usage_and_io_errors_exit_2_with_a_message() {
    let missing = stacklint(&["check", "/nonexistent/stacklint-repo"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot read `/nonexistent/stacklint-repo`"));
    let format = stacklint(&["check", "--format", "xml"]);
    assert_eq!(format.status.code(), Some(2));
    assert!(text(&format.stderr).contains("possible values"));
}

#[test]
fn a_folder_without_manifests_is_not_a_silent_pass() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let output = stacklint(&["check", &src.display().to_string()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        text(&output.stderr).contains("no meta.yml found below"),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn explain_prints_the_rule_doc_and_unknown_rules_exit_2() {
    let by_code = stacklint(&["explain", "p001"]);
    assert_eq!(by_code.status.code(), Some(0));
    assert!(text(&by_code.stdout).starts_with("P001 dockerfile-missing (error)"));
    let by_name = stacklint(&["explain", "dockerfile-missing"]);
    assert_eq!(text(&by_name.stdout), text(&by_code.stdout));
    let unknown = stacklint(&["explain", "Z999"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("stacklint rules"));
}

#[test]
fn json_output_is_the_versioned_contract() {
    let output = stacklint(&["check", "--format", "json", &fixture("yaml-duplicate-tag")]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["errors"], 1);
    let first = &report["diagnostics"][0];
    for key in [
        "code",
        "name",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "help",
        "related",
    ] {
        assert!(first.get(key).is_some(), "diagnostic lacks `{key}`");
    }
}
