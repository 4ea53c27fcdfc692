//! The command line's rule selection: `--select`, `--ignore`, `--config`, `--no-config`, and
//! their exit codes (1 for error findings, 2 for a mistake on the command line).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
        .join("repo")
}

fn check(case: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stacklint"))
        .arg("check")
        .arg(fixture(case))
        .args(["--format", "json"])
        .args(args)
        .output()
        .expect("stacklint runs")
}

/// Exit code and the reported codes, in report order.
fn codes(output: &Output) -> (i32, Vec<String>) {
    let status = output.status.code().expect("exit code");
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).unwrap_or(serde_json::Value::Null);
    let codes = report["diagnostics"]
        .as_array()
        .map(|diagnostics| {
            diagnostics
                .iter()
                .map(|d| d["code"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    (status, codes)
}

const CASE: &str = "config-ignore-and-severity";

#[test]
fn the_repository_config_applies_and_the_command_line_replaces_its_lists() {
    // The file ignores P003, raises P005 to error, turns P006 off, adds the 26.03 LTS release.
    assert_eq!(codes(&check(CASE, &[])), (1, vec!["P005".to_string()]));
    // `--ignore` replaces the file's `ignore`: P003 is back; the severities still apply.
    assert_eq!(
        codes(&check(CASE, &["--ignore", "P005"])),
        (0, vec!["P003".to_string()])
    );
    assert_eq!(
        codes(&check(CASE, &["--select", "Y,T", "--select=L"])),
        (0, vec![])
    );
    assert_eq!(
        codes(&check(
            CASE,
            &["--select", "P", "--ignore", "orphan-dockerfile,P003"]
        )),
        (0, vec![])
    );
}

#[test]
fn no_config_runs_every_rule_with_the_defaults() {
    let (status, codes) = codes(&check(CASE, &["--no-config"]));
    assert_eq!(status, 1);
    for code in ["L003", "P003", "P005", "P006", "T003"] {
        assert!(codes.iter().any(|c| c == code), "{code} in {codes:?}");
    }
}

#[test]
fn an_explicit_config_file_replaces_the_repository_one() {
    let dir = std::env::temp_dir().join(format!("stacklint-cli-config-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("strict.toml");
    std::fs::write(&file, "ignore = [\"P\", \"L003\", \"T003\"]\n").expect("write config");
    let output = check(CASE, &["--config", file.to_str().expect("utf-8 path")]);
    assert_eq!(codes(&output), (0, vec![]));

    std::fs::write(&file, "ignore = [\"P00X\"]\n").expect("write config");
    let output = check(
        CASE,
        &[
            "--config",
            file.to_str().expect("utf-8 path"),
            "--select",
            "C",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(report["diagnostics"][0]["code"], "C001");
    assert_eq!(report["diagnostics"][0]["path"], file.display().to_string());
    assert_eq!(report["diagnostics"][0]["column"], 11, "points at the code");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn mistakes_on_the_command_line_exit_2_with_a_suggestion() {
    let output = check(CASE, &["--select", "Y0001"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim_end(),
        "error: `--select`: no rule `Y0001`; did you mean `Y001`?"
    );
    assert!(output.stdout.is_empty());

    let output = check(CASE, &["--ignore", "orphan-dockerfil"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `orphan-dockerfile`?"));

    assert_eq!(check(CASE, &["--select", ","]).status.code(), Some(2));
    assert_eq!(
        check(CASE, &["--no-config", "--config", "x.toml"])
            .status
            .code(),
        Some(2)
    );
    let missing = check(CASE, &["--config", "/nonexistent/stacklint.toml"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr)
        .starts_with("error: cannot read the configuration file `/nonexistent/stacklint.toml`"));
}

#[cfg(unix)]
#[test]
fn an_endless_config_file_is_refused_at_the_size_limit() {
    // Found hardening: `--config /dev/zero` read until memory ran out.
    let started = std::time::Instant::now();
    let output = check(CASE, &["--config", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.trim_end(),
        "error: cannot read the configuration file `/dev/zero`: the file is more than the 2097152 bytes stacklint reads"
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}
