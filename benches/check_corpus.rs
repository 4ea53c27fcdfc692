//! Times a full check (index, Dockerfile parents and every rule) of a synthetic repository
//! of the real repository's size, built in memory, and of `$STACKLINT_CORPUS` when set.
//! Run with `cargo bench --bench check_corpus`.

use std::time::{Duration, Instant};

use stacklint::source::dir::DirSource;
use stacklint::{CheckOptions, FileSource, MemorySource};

const RELEASES: [(&str, &str); 4] = [
    ("22.03-lts-sp4", "2203sp4"),
    ("24.03-lts", "2403lts"),
    ("24.03-lts-sp1", "2403sp1"),
    ("24.03-lts-sp4", "2403sp4"),
];
const SCENES: [&str; 8] = [
    "AI",
    "Bigdata",
    "Cloud",
    "Database",
    "Distroless",
    "HPC",
    "Others",
    "Storage",
];

/// ~450 manifests, ~1,700 entries, ~1,800 Dockerfiles, with a cann -> pytorch -> llm stack.
fn synthetic() -> MemorySource {
    let mut source = MemorySource::new();
    let mut lists: Vec<String> = SCENES.iter().map(|_| "images:\n".to_string()).collect();
    let mut add = |path: String, text: String| {
        source.insert(&path, Some(text));
    };
    for i in 0..440 {
        let scene = i % SCENES.len();
        let name = format!("image{i}");
        lists[scene].push_str(&format!("  {name}: {name}\n"));
        let mut meta = String::new();
        for v in 0..4 {
            let (dir, suffix) = RELEASES[(i + v) % RELEASES.len()];
            let version = format!("1.{v}.{i}");
            meta.push_str(&format!(
                "{version}-oe{suffix}:\n  path: {version}/{dir}/Dockerfile\n"
            ));
            add(
                format!("{}/{name}/{version}/{dir}/Dockerfile", SCENES[scene]),
                format!("ARG BASE=openeuler/openeuler:{dir}\nFROM ${{BASE}} AS build\nRUN make\nFROM build\n"),
            );
        }
        // An older version still on disk but no longer published.
        add(
            format!("{}/{name}/0.9/24.03-lts/Dockerfile", SCENES[scene]),
            "FROM openeuler/openeuler:24.03-lts\n".to_string(),
        );
        add(format!("{}/{name}/meta.yml", SCENES[scene]), meta);
    }
    for layer in ["cann", "pytorch", "llm"] {
        lists[0].push_str(&format!("  {layer}: {layer}\n"));
    }
    let (mut cann, mut pytorch, mut llm) = (String::new(), String::new(), String::new());
    for s in 0..8 {
        for (dir, suffix) in RELEASES {
            let sdk = format!("8.{s}.RC1");
            cann.push_str(&format!(
                "{sdk}-oe{suffix}:\n  path: {sdk}/{dir}/Dockerfile\n"
            ));
            add(
                format!("AI/cann/{sdk}/{dir}/Dockerfile"),
                format!("FROM openeuler/openeuler:{dir}\n"),
            );
            let fw = format!("2.{s}.0-cann{sdk}");
            pytorch.push_str(&format!(
                "{fw}-oe{suffix}:\n  path: {fw}/{dir}/Dockerfile\n"
            ));
            add(
                format!("AI/pytorch/{fw}/{dir}/Dockerfile"),
                format!("ARG BASE=openeuler/cann:{sdk}-oe{suffix}\nFROM $BASE\n"),
            );
            let app = format!("chat-pytorch2.{s}.0-cann{sdk}");
            llm.push_str(&format!(
                "{app}-oe{suffix}:\n  path: {app}/{dir}/Dockerfile\n"
            ));
            add(
                format!("AI/llm/{app}/{dir}/Dockerfile"),
                format!("FROM openeuler/pytorch:2.{s}.0-cann{sdk}-oe{suffix}\n"),
            );
        }
    }
    add("AI/cann/meta.yml".into(), cann);
    add("AI/pytorch/meta.yml".into(), pytorch);
    add("AI/llm/meta.yml".into(), llm);
    for (scene, list) in SCENES.iter().zip(lists) {
        add(format!("{scene}/image-list.yml"), list);
    }
    source
}

fn time(label: &str, source: &dyn FileSource) {
    let options = CheckOptions::default();
    let runs = 10;
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut report = None;
    for _ in 0..runs {
        let start = Instant::now();
        report = Some(stacklint::check(source, &options));
        let elapsed = start.elapsed();
        best = best.min(elapsed);
        total += elapsed;
    }
    let Some(report) = report else { return };
    println!(
        "{label}: {} manifests, {} entries, {} diagnostics; best {:.1} ms, mean {:.1} ms over {runs} runs",
        report.summary.manifests,
        report.summary.entries,
        report.diagnostics.len(),
        best.as_secs_f64() * 1e3,
        total.as_secs_f64() * 1e3 / f64::from(runs),
    );
}

fn main() {
    let source = synthetic();
    println!("synthetic repository: {} files", source.list().len());
    time("synthetic", &source);
    if let Some(dir) = std::env::var_os("STACKLINT_CORPUS") {
        match DirSource::open(std::path::Path::new(&dir)) {
            Ok(corpus) => time(
                &format!("{}", std::path::Path::new(&dir).display()),
                &corpus,
            ),
            Err(error) => eprintln!("cannot open STACKLINT_CORPUS: {error}"),
        }
    }
}
