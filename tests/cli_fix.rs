//! `check --fix`, `--unsafe-fixes` and `--diff` as people use them: on copies of the fix
//! fixtures (`tests/fixes/<case>/before`), compared byte for byte with `after/`, with the exit
//! codes, the counts line and the refusals (a symlink, a file changed meanwhile).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stacklint::fix::{self, FixMode};
use stacklint::source::dir::DirSource;
use stacklint::source::write::{replace_file, WriteError};
use stacklint::CheckOptions;

fn stacklint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stacklint"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixes")
        .join(name)
}

/// A scratch folder removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("stacklint-cli-fix-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir.canonicalize().expect("canonical"))
    }

    /// A copy of a fix fixture's `before/`.
    fn with_case(name: &str) -> Scratch {
        let scratch = Scratch::new(name);
        copy_tree(&case(name).join("before"), &scratch.0);
        scratch
    }

    fn arg(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in fs::read_dir(from).expect("readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file below `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .expect("inside")
                    .display()
                    .to_string();
                files.push((relative, fs::read(&path).expect("read")));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn fix_writes_the_safe_fixes_reports_what_remains_and_a_second_run_changes_nothing() {
    let repo = Scratch::with_case("a001-arch-spellings");
    let first = stacklint(&["check", "--fix", &repo.arg()]);
    assert_eq!(
        first.status.code(),
        Some(1),
        "the unknown `sparc` remains an error"
    );
    assert_eq!(text(&first.stderr), "7 fixes applied (A001 ×7)\n");
    let stdout = text(&first.stdout);
    assert!(stdout.contains("unknown architecture `sparc`"), "{stdout}");
    assert!(stdout.contains("1 error, 0 warnings in 1 file"), "{stdout}");
    assert_eq!(
        tree(&repo.0),
        tree(&case("a001-arch-spellings").join("after"))
    );

    let second = stacklint(&["check", "--fix", &repo.arg()]);
    assert_eq!(text(&second.stderr), "no fixes applied\n");
    assert_eq!(
        tree(&repo.0),
        tree(&case("a001-arch-spellings").join("after"))
    );
}

#[test]
fn crlf_a_byte_order_mark_and_a_missing_final_newline_survive_byte_for_byte() {
    let repo = Scratch::with_case("p003-crlf-bom-no-final-newline");
    let output = stacklint(&["check", "--fix", &repo.arg()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    assert_eq!(text(&output.stderr), "2 fixes applied (P003 ×2)\n");
    let fixed = fs::read(repo.0.join("Bigdata/spark/meta.yml")).expect("read");
    assert!(fixed.starts_with("\u{feff}# spark".as_bytes()));
    assert!(fixed.ends_with(b"\r\n  arch: x86_64"));
    assert_eq!(
        tree(&repo.0),
        tree(&case("p003-crlf-bom-no-final-newline").join("after"))
    );
}

#[test]
fn unsafe_fixes_need_the_flag() {
    let repo = Scratch::with_case("unsafe-tag-renames");
    let safe = stacklint(&["check", "--fix", &repo.arg()]);
    assert_eq!(text(&safe.stderr), "no fixes applied\n");
    assert!(text(&safe.stdout).contains("fixable with `--fix --unsafe-fixes`"));
    assert_eq!(
        tree(&repo.0),
        tree(&case("unsafe-tag-renames").join("before"))
    );
    let all = stacklint(&["check", "--fix", "--unsafe-fixes", &repo.arg()]);
    assert_eq!(all.status.code(), Some(0), "{}", text(&all.stdout));
    assert_eq!(
        text(&all.stderr),
        "5 fixes applied (T001 ×1, T002 ×2, T003 ×1, Y006 ×1)\n"
    );
    assert_eq!(
        tree(&repo.0),
        tree(&case("unsafe-tag-renames").join("after"))
    );
}

#[test]
fn diff_prints_a_patch_that_applies_and_exits_1_only_when_something_would_change() {
    let repo = Scratch::with_case("r001-sorted-list");
    let output = stacklint(&["check", "--diff", &repo.arg()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stdout),
        "--- a/AI/image-list.yml\n+++ b/AI/image-list.yml\n@@ -1,4 +1,5 @@\n images:\n     cann: cann\n+    mindie: mindie\n     # serving\n     vllm: vllm\n"
    );
    assert_eq!(text(&output.stderr), "1 fix would be applied (R001 ×1)\n");
    assert_eq!(
        tree(&repo.0),
        tree(&case("r001-sorted-list").join("before")),
        "--diff writes nothing"
    );
    // The patch is what --fix writes.
    let patch = repo.0.join("fix.patch");
    fs::write(&patch, &output.stdout).expect("write the patch");
    let applied = Command::new("patch")
        .args(["-p1", "-s", "-i"])
        .arg(&patch)
        .current_dir(&repo.0)
        .status();
    if let Ok(status) = applied {
        assert!(status.success());
        fs::remove_file(&patch).expect("remove the patch");
        assert_eq!(tree(&repo.0), tree(&case("r001-sorted-list").join("after")));
    }
    let clean = stacklint(&["check", "--diff", &repo.arg()]);
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(text(&clean.stdout), "");
    assert_eq!(text(&clean.stderr), "no fixes to apply\n");
}

#[test]
fn machine_formats_stay_clean_after_fixing() {
    let repo = Scratch::with_case("safe-mode-keeps-guesses");
    let output = stacklint(&["check", "--fix", "--format", "json", &repo.arg()]);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    let codes: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["T002", "Y005"]);
    assert_eq!(report["diagnostics"][1]["fix"]["applicability"], "unsafe");
    assert_eq!(text(&output.stderr), "2 fixes applied (A001 ×1, P003 ×1)\n");
}

#[test]
fn misused_flags_are_usage_errors() {
    let repo = Scratch::with_case("r001-sorted-list");
    let lonely = stacklint(&["check", "--unsafe-fixes", &repo.arg()]);
    assert_eq!(lonely.status.code(), Some(2));
    assert!(text(&lonely.stderr).contains("`--unsafe-fixes` applies with `--fix` or `--diff`"));
    let both = stacklint(&["check", "--fix", "--diff", &repo.arg()]);
    assert_eq!(both.status.code(), Some(2));
    assert!(
        text(&both.stderr).contains("cannot be used with"),
        "{}",
        text(&both.stderr)
    );
    assert_eq!(
        tree(&repo.0),
        tree(&case("r001-sorted-list").join("before"))
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_meta_yml_is_not_written_and_its_finding_remains() {
    let repo = Scratch::new("symlink");
    let files = [
        ("Cloud/image-list.yml", "images:\n  kube: kube\n"),
        (
            "Cloud/kube/1.0/24.03-lts/Dockerfile",
            "FROM openeuler/openeuler:24.03-lts\n",
        ),
        (
            "shared/kube-meta.txt",
            "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: amd64\n",
        ),
    ];
    for (path, content) in files {
        let full = repo.0.join(path);
        fs::create_dir_all(full.parent().expect("folder")).expect("mkdir");
        fs::write(full, content).expect("write");
    }
    std::os::unix::fs::symlink(
        "../../shared/kube-meta.txt",
        repo.0.join("Cloud/kube/meta.yml"),
    )
    .expect("link");
    let output = stacklint(&["check", "--fix", &repo.arg()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        text(&output.stderr),
        "error: not writing `Cloud/kube/meta.yml`: `Cloud/kube/meta.yml` is a symlink; stacklint does not write through symlinks (fix the file it points to)\nno fixes applied\n"
    );
    assert!(text(&output.stdout).contains("error[A001]"));
    assert_eq!(
        fs::read_to_string(repo.0.join("shared/kube-meta.txt")).expect("read"),
        files[2].1
    );
}

#[test]
fn a_file_edited_between_the_check_and_the_write_is_left_alone() {
    let repo = Scratch::with_case("a001-arch-spellings");
    let source = DirSource::open(&repo.0).expect("opens");
    let fixed = fix::fix(&source, &CheckOptions::default(), FixMode::default());
    let change = fixed.files.first().expect("a change");
    let path = &change.path;
    let edited = format!("{}# edited meanwhile\n", change.before);
    fs::write(repo.0.join(path), &edited).expect("edit");
    assert_eq!(
        replace_file(source.root(), path, &change.before, &change.after),
        Err(WriteError::Changed)
    );
    assert_eq!(fs::read_to_string(repo.0.join(path)).expect("read"), edited);
}

#[test]
fn with_a_base_only_what_the_change_introduced_is_fixed_and_a_new_tag_may_be_renamed() {
    let write = |dir: &Path, files: &[(&str, &str)]| {
        for (path, content) in files {
            let full = dir.join(path);
            fs::create_dir_all(full.parent().expect("folder")).expect("mkdir");
            fs::write(full, content).expect("write");
        }
    };
    let dockerfile = "FROM openeuler/openeuler:22.03-lts\n";
    let old = "1.16-oe2203lts:\n  path: Bigdata/flink/1.16/22.03-lts/Dockerfile\n";
    let common = [
        ("Bigdata/image-list.yml", "images:\n  flink: flink\n"),
        ("Bigdata/flink/1.16/22.03-lts/Dockerfile", dockerfile),
        ("Bigdata/flink/1.17/22.03-lts/Dockerfile", dockerfile),
    ];
    let base = Scratch::new("base");
    write(&base.0, &common);
    write(&base.0, &[("Bigdata/flink/meta.yml", old)]);
    let head = Scratch::new("head");
    write(&head.0, &common);
    let added = format!("{old}1.17-22.03-lts:\n  path: 1.17/22.03-lts/Dockerfile\n");
    write(&head.0, &[("Bigdata/flink/meta.yml", &added)]);
    let output = stacklint(&["check", "--fix", "--base-dir", &base.arg(), &head.arg()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stdout));
    // The new tag's suffix is fixed (safe: it was never published); the old P003 is left.
    assert_eq!(text(&output.stderr), "1 fix applied (T002 ×1)\n");
    assert_eq!(
        fs::read_to_string(head.0.join("Bigdata/flink/meta.yml")).expect("read"),
        format!("{old}1.17-oe2203lts:\n  path: 1.17/22.03-lts/Dockerfile\n")
    );
}
