//! Bad input of any kind gets a clear diagnostic, never a panic or a silent pass.
//!
//! `generated_inputs_keep_every_invariant` mutates realistic seeds with a fixed-seed PRNG and
//! runs every parser, the full check and every renderer on each result (see
//! `support/harness.rs`). Longer local runs: `STACKLINT_FUZZ_ITERATIONS=1000000
//! STACKLINT_FUZZ_SEED=7 cargo test --release --test robustness generated`, or the
//! coverage-guided target in `tests/fuzz/` (`cargo +nightly fuzz run --fuzz-dir tests/fuzz check`).

#[path = "support/harness.rs"]
mod harness;

use harness::{mutate, run, Rng, SEEDS, SLOTS};

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn generated_inputs_keep_every_invariant() {
    let iterations = env_number("STACKLINT_FUZZ_ITERATIONS", 1200);
    let mut rng = Rng::new(env_number("STACKLINT_FUZZ_SEED", 0x5eed_57ac_1147));
    let mut input = Vec::new();
    for i in 0..iterations {
        // Mostly keep mutating the previous input (deep edits), sometimes restart from a seed.
        if i % 16 == 0 || input.len() > 64 * 1024 {
            input = SEEDS[rng.below(SEEDS.len())].as_bytes().to_vec();
        }
        mutate(&mut rng, &mut input);
        run(rng.below(SLOTS.len()) as u8, &input);
    }
}

#[test]
fn every_seed_is_clean_where_it_belongs() {
    for (slot, seed) in SLOTS.iter().enumerate() {
        let _ = seed;
        for text in SEEDS {
            run(slot as u8, text.as_bytes());
        }
    }
}

// Pathological inputs: each gets a sensible diagnostic or a clean pass, in bounded time. The
// time is printed (run with `--nocapture`), never asserted.

use std::time::Instant;

use stacklint::{CheckOptions, MemorySource, Report};

/// Checks the harness repository with `slot` replaced by `bytes`, keeping every invariant.
fn check_slot(what: &str, slot: &str, bytes: Vec<u8>) -> Report {
    let started = Instant::now();
    let selector = SLOTS.iter().position(|s| *s == slot).expect("a slot") as u8;
    let report = run(selector, &bytes);
    eprintln!("{what}: {:?}", started.elapsed());
    report
}

fn codes_at(report: &Report, path: &str) -> Vec<&'static str> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.path == path)
        .map(|d| d.code)
        .collect()
}

fn message_of<'a>(report: &'a Report, path: &str, code: &str) -> &'a str {
    report
        .diagnostics
        .iter()
        .find(|d| d.path == path && d.code == code)
        .map(|d| d.message.as_str())
        .unwrap_or_else(|| panic!("no {code} on {path}: {:#?}", report.diagnostics))
}

#[test]
fn a_single_two_mebibyte_line_is_read() {
    let size = stacklint::source::MAX_FILE_BYTES;
    let head = "2.2.0-cann8.0.RC1-oe2403lts:\n  path: ";
    let line = format!("{head}{}", "x".repeat(size - head.len()));
    let report = check_slot("2 MiB path", harness::META, line.into_bytes());
    assert!(codes_at(&report, harness::META).contains(&"P001"));
    // A plain key longer than 1024 characters is not a key in YAML (nor for PyYAML).
    let key = format!("{}:", "x".repeat(size - 1));
    let report = check_slot("2 MiB key", harness::META, key.into_bytes());
    assert!(codes_at(&report, harness::META).contains(&"Y001"));
    let mut too_big = "#".repeat(size);
    too_big.push('\n');
    let report = check_slot("2 MiB + 1", harness::META, too_big.into_bytes());
    assert!(message_of(&report, harness::META, "F001").contains("more than"));
}

#[test]
fn deep_flow_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let text = format!("a: {}", "[".repeat(100_000));
    let report = check_slot("100k [", harness::META, text.into_bytes());
    // saphyr-parser stops flow nesting itself, before our own limit.
    assert!(codes_at(&report, harness::META).contains(&"Y001"));
    let text = format!("{}{}", "{a: ".repeat(50_000), "}".repeat(50_000));
    let report = check_slot("50k {a:", harness::IMAGE_LIST, text.into_bytes());
    assert!(codes_at(&report, harness::IMAGE_LIST).contains(&"Y001"));
}

#[test]
fn deep_block_nesting_is_a_syntax_error_not_a_stack_overflow() {
    let text = format!("{}x\n", "- ".repeat(100_000));
    let report = check_slot("100k '- '", harness::META, text.into_bytes());
    assert!(message_of(&report, harness::META, "Y001").contains("deep"));
    let mut text = String::new();
    for depth in 0..2000 {
        text.push_str(&" ".repeat(depth));
        text.push_str("a:\n");
    }
    let report = check_slot("2000 indented keys", harness::META, text.into_bytes());
    assert!(codes_at(&report, harness::META).contains(&"Y001"));
}

#[test]
fn carriage_returns_only() {
    let report = check_slot("only \\r", harness::META, vec![b'\r'; 1000]);
    assert_eq!(codes_at(&report, harness::META), ["Y003"]);
    check_slot("only \\r", harness::DOCKERFILE, vec![b'\r'; 1000]);
}

#[test]
fn a_byte_order_mark_is_ignored() {
    let bom = "\u{feff}";
    let meta = format!("{bom}{}", REPO_FILE(harness::META));
    let clean = check_slot("clean", harness::META, REPO_FILE(harness::META).into());
    let report = check_slot("BOM meta.yml", harness::META, meta.into_bytes());
    assert_eq!(report.diagnostics, clean.diagnostics);
    let dockerfile = format!("{bom}{}", REPO_FILE(harness::DOCKERFILE));
    let report = check_slot(
        "BOM Dockerfile",
        harness::DOCKERFILE,
        dockerfile.into_bytes(),
    );
    assert_eq!(report.diagnostics, clean.diagnostics);
}

#[allow(non_snake_case)]
fn REPO_FILE(path: &str) -> &'static str {
    harness::REPO
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, text)| *text)
        .expect("a repository file")
}

#[test]
fn utf16_files_are_named_as_such() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in REPO_FILE(harness::META).encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let report = check_slot("UTF-16 meta.yml", harness::META, bytes);
    assert!(message_of(&report, harness::META, "F001").contains("UTF-16"));
}

#[test]
fn ten_thousand_continuation_lines() {
    let mut text = String::from("ARG BASE=openeuler/cann:8.0.RC1-oe2403lts\nFROM \\\n");
    for _ in 0..10_000 {
        text.push_str("  \\\n");
    }
    text.push_str("  ${BASE}\nRUN a \\\n");
    for i in 0..10_000 {
        text.push_str(&format!("  && echo {i} \\\n"));
    }
    text.push_str("  && true\n");
    let report = check_slot("10k continuations", harness::DOCKERFILE, text.into_bytes());
    assert!(codes_at(&report, harness::DOCKERFILE).is_empty());
}

#[test]
fn self_referencing_and_exploding_args() {
    let report = check_slot(
        "ARG A=$A",
        harness::DOCKERFILE,
        b"ARG A=$A\nFROM $A\n".to_vec(),
    );
    assert!(!codes_at(&report, harness::DOCKERFILE).is_empty());
    // Each ARG doubles the previous one: 2^64 bytes if expanded naively.
    let mut text = String::from("ARG A0=openeuler/cann:8.0.RC1-oe2403lts\n");
    for i in 1..=64 {
        text.push_str(&format!("ARG A{i}=${{A{}}}${{A{}}}\n", i - 1, i - 1));
    }
    text.push_str("FROM ${A64}\n");
    let report = check_slot("doubling ARG chain", harness::DOCKERFILE, text.into_bytes());
    assert!(!codes_at(&report, harness::DOCKERFILE).is_empty());
    let mut text = String::from("ARG A0=x\n");
    for i in 1..=10_000 {
        text.push_str(&format!("ARG A{i}=${{A{}:-${{B:-${{C}}}}}}\n", i - 1));
    }
    text.push_str("FROM openeuler/cann:8.0.RC1-oe2403lts\n");
    let report = check_slot("10k ARG chain", harness::DOCKERFILE, text.into_bytes());
    assert!(codes_at(&report, harness::DOCKERFILE).is_empty());
}

#[test]
fn ten_thousand_stages_referring_to_each_other() {
    let mut text = String::from("FROM openeuler/cann:8.0.RC1-oe2403lts AS s0\n");
    for i in 1..10_000 {
        // Each stage names the next one too: a cycle if names were looked up forwards.
        text.push_str(&format!(
            "FROM s{} AS s{}\nCOPY --from=s{} / /\n",
            i - 1,
            i,
            i + 1
        ));
    }
    text.push_str("FROM s9999 AS s0\n");
    let report = check_slot("10k stages", harness::DOCKERFILE, text.into_bytes());
    assert!(codes_at(&report, harness::DOCKERFILE).is_empty());
}

#[test]
fn a_ten_thousand_character_path() {
    let path = "a/".repeat(5_000);
    let text = format!("2.2.0-cann8.0.RC1-oe2403lts:\n  path: {path}\n  arch: aarch64\n");
    let report = check_slot("10k path", harness::META, text.into_bytes());
    assert!(codes_at(&report, harness::META).contains(&"P001"));
}

#[cfg(unix)]
mod on_disk {
    use std::fs;
    use std::path::PathBuf;

    use stacklint::source::dir::DirSource;
    use stacklint::CheckOptions;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "stacklint-robustness-{name}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        for (path, text) in super::harness::REPO {
            let full = dir.join(path);
            fs::create_dir_all(full.parent().expect("a parent")).expect("mkdir");
            fs::write(full, text).expect("write");
        }
        dir
    }

    #[test]
    fn symlink_loops_are_skipped() {
        let dir = scratch("loop");
        std::os::unix::fs::symlink("b", dir.join("AI/a")).expect("symlink");
        std::os::unix::fs::symlink("a", dir.join("AI/b")).expect("symlink");
        std::os::unix::fs::symlink(".", dir.join("AI/cann/self")).expect("symlink");
        std::os::unix::fs::symlink("meta.yml", dir.join("AI/pytorch/meta.yml.lnk"))
            .expect("symlink");
        let source = DirSource::open(&dir).expect("opens");
        let report = stacklint::check(&source, &CheckOptions::default());
        super::harness::check_report(&report).expect("invariants");
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn manifests_that_link_out_of_the_repository_are_reported_as_the_action_reports_them() {
        // Found hardening: the walk dropped such links, so the CLI checked nothing and said
        // nothing, while the action reported F001.
        let dir = scratch("outside");
        let outside = dir.with_extension("outside");
        fs::create_dir_all(&outside).expect("mkdir");
        fs::write(outside.join("meta.yml"), "x: 1\n").expect("write");
        fs::write(outside.join("image-list.yml"), "images: {}\n").expect("write");
        let manifest = dir.join(super::harness::META);
        fs::remove_file(&manifest).expect("rm");
        std::os::unix::fs::symlink(outside.join("meta.yml"), &manifest).expect("symlink");
        let list = dir.join(super::harness::IMAGE_LIST);
        fs::remove_file(&list).expect("rm");
        std::os::unix::fs::symlink(outside.join("image-list.yml"), &list).expect("symlink");
        std::os::unix::fs::symlink("nothing-here", dir.join("AI/cann/1.0-meta-link"))
            .expect("symlink");
        fs::remove_file(dir.join("AI/cann/meta.yml")).expect("rm");
        std::os::unix::fs::symlink("gone.yml", dir.join("AI/cann/meta.yml")).expect("symlink");
        let source = DirSource::open(&dir).expect("opens");
        let report = stacklint::check(&source, &CheckOptions::default());
        super::harness::check_report(&report).expect("invariants");
        let f001: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .filter(|d| d.code == "F001")
            .map(|d| (d.path.as_str(), d.message.as_str()))
            .collect();
        for (path, why) in [
            (super::harness::META, "leads outside the repository"),
            (super::harness::IMAGE_LIST, "leads outside the repository"),
            ("AI/cann/meta.yml", "symlink to nothing"),
        ] {
            assert!(
                f001.iter().any(|(p, m)| *p == path && m.contains(why)),
                "no F001 on {path}: {f001:?}"
            );
        }
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::remove_dir_all(&outside);
    }

    #[test]
    fn a_meta_yml_directory_is_reported() {
        let dir = scratch("metadir");
        fs::remove_file(dir.join(super::harness::META)).expect("rm");
        fs::create_dir_all(dir.join(super::harness::META).join("x")).expect("mkdir");
        fs::write(dir.join(super::harness::META).join("x/y"), "z").expect("write");
        let source = DirSource::open(&dir).expect("opens");
        let report = stacklint::check(&source, &CheckOptions::default());
        super::harness::check_report(&report).expect("invariants");
        // R002: the image list names `pytorch`, whose folder has no meta.yml file.
        assert!(
            report
                .diagnostics
                .iter()
                .any(|d| d.code == "R002" && d.message.contains("AI/pytorch")),
            "{:#?}",
            report.diagnostics
        );
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn a_memory_source_with_odd_paths() {
    let mut source = MemorySource::new();
    for (path, text) in harness::REPO {
        source.insert(path, Some(text.to_string()));
    }
    source.insert(
        &format!("AI/{}/meta.yml", "é".repeat(5000)),
        Some("x: 1\n".into()),
    );
    let report = stacklint::check(&source, &CheckOptions::default());
    harness::check_report(&report).expect("invariants");
}
