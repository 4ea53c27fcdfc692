//! `stacklint check --base REV` and baselines against real git repositories made in a
//! temporary folder.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn stacklint(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stacklint"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let file = dir.join(path);
        fs::create_dir_all(file.parent().expect("a folder")).expect("folders");
        fs::write(file, text).expect("writes");
    }
}

/// A repository with one image and an old P003, committed on `main`, then a `feature` branch.
fn repository(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "stacklint-cli-change-{name}-{}",
        std::process::id()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    git(&dir, &["init", "-q", "-b", "main"]);
    write(
        &dir,
        &[
            ("AI/image-list.yml", "images:\n  tool: tool\n"),
            (
                "AI/tool/meta.yml",
                "1.0-oe2403lts:\n  path: AI/tool/1.0/24.03-lts/Dockerfile\n",
            ),
            (
                "AI/tool/1.0/24.03-lts/Dockerfile",
                "FROM openeuler/openeuler:24.03-lts\n",
            ),
        ],
    );
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-qm", "base"]);
    git(&dir, &["checkout", "-qb", "feature"]);
    dir
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn base_reports_only_what_the_change_introduced() {
    let dir = repository("base");
    write(&dir, &[("AI/tool/meta.yml", "1.0-oe2403lts:\n  path: AI/tool/1.0/24.03-lts/Dockerfile\n1.1-oe2403lts:\n  path: 1.1/24.03-lts/Dockerfile\n")]);
    let out = stacklint(&dir, &["check", ".", "--base", "main"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("error[P001]"), "{stdout}");
    assert!(
        !stdout.contains("P003"),
        "the old finding is not reported: {stdout}"
    );
    assert!(
        stdout.ends_with("1 existing finding not counted\n"),
        "{stdout}"
    );
    let all = stacklint(
        &dir,
        &[
            "check", ".", "--base", "main", "--scope", "all", "--format", "json",
        ],
    );
    let json = text(&all.stdout);
    assert!(
        json.contains("\"status\": \"existing\"") && json.contains("\"status\": \"new\""),
        "{json}"
    );
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn hostile_or_unknown_bases_are_usage_errors_that_run_nothing() {
    let dir = repository("hostile");
    for rev in [
        "--output=pwned",
        "$(touch pwned)",
        "main; touch pwned",
        "no-such-branch",
    ] {
        let out = stacklint(&dir, &["check", ".", &format!("--base={rev}")]);
        assert_eq!(out.status.code(), Some(2), "{rev}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).starts_with("error: the base `"),
            "{rev}: {}",
            text(&out.stderr)
        );
    }
    assert!(!dir.join("pwned").exists());
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn a_written_baseline_silences_todays_findings_and_reports_stale_entries() {
    let dir = repository("baseline");
    let written = stacklint(
        &dir,
        &["check", ".", "--write-baseline", ".stacklint-baseline.json"],
    );
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    assert!(text(&written.stderr).contains("stacklint wrote 1 findings to the baseline"));
    let clean = stacklint(
        &dir,
        &["check", ".", "--baseline", ".stacklint-baseline.json"],
    );
    assert_eq!(clean.status.code(), Some(0), "{}", text(&clean.stdout));
    assert!(
        text(&clean.stdout).starts_with("0 errors, 0 warnings"),
        "{}",
        text(&clean.stdout)
    );
    // Fixing the mistake makes the entry stale; the configuration key works like the flag.
    write(
        &dir,
        &[
            (
                "AI/tool/meta.yml",
                "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n",
            ),
            (
                ".stacklint.toml",
                "baseline = \".stacklint-baseline.json\"\n",
            ),
        ],
    );
    let stale = stacklint(&dir, &["check", "."]);
    let stdout = text(&stale.stdout);
    assert!(stdout.contains("warning[C005]: the baseline records P003 in `AI/tool/meta.yml`, which is no longer found"), "{stdout}");
    assert!(
        stdout.contains("--> .stacklint-baseline.json:4:"),
        "{stdout}"
    );
    let _ = fs::remove_dir_all(&dir);
}
