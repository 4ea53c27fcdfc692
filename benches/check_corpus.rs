//! Times a full check (index, Dockerfile parents and every rule) of a synthetic repository
//! of the real repository's size, built in memory, and of `$STACKLINT_CORPUS` when set; and
//! a pull request's check of base and head against the head-only check.
//! Run with `cargo bench --bench check_corpus`.

use std::time::{Duration, Instant};

use stacklint::check::check_change;
use stacklint::report::Status;
use stacklint::source::dir::DirSource;
use stacklint::{CheckOptions, FileSource, MemorySource, Report};

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

const RUNS: u32 = 10;

/// Best and mean of `RUNS` runs of `run`, and its last report.
fn measure(run: impl Fn() -> Report) -> (Duration, Duration, Report) {
    let mut best = Duration::MAX;
    let mut total = Duration::ZERO;
    let mut report = run();
    for _ in 0..RUNS {
        let start = Instant::now();
        report = run();
        let elapsed = start.elapsed();
        best = best.min(elapsed);
        total += elapsed;
    }
    (best, total / RUNS, report)
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

fn time(label: &str, source: &dyn FileSource) {
    let options = CheckOptions::default();
    let (best, mean, report) = measure(|| stacklint::check(source, &options));
    println!(
        "{label}: {} manifests, {} entries, {} diagnostics; best {:.1} ms, mean {:.1} ms over {RUNS} runs",
        report.summary.manifests,
        report.summary.entries,
        report.diagnostics.len(),
        ms(best),
        ms(mean),
    );
}

/// The repository read into memory, so that the change check is timed without disk reads.
fn in_memory(source: &dyn FileSource) -> MemorySource {
    let mut memory = MemorySource::new();
    for path in source.list() {
        let text = stacklint::domain::layout::needs_content(&path)
            .then(|| source.read(&path).ok())
            .flatten();
        memory.insert(&path, text);
    }
    memory
}

/// A pull request's base: the head with its first image's manifest one tag shorter and
/// one other image deleted, as a typical change of a few files.
fn base_of(head: &MemorySource) -> MemorySource {
    let mut base = MemorySource::new();
    let paths = head.list();
    let manifests: Vec<&String> = paths.iter().filter(|p| p.ends_with("/meta.yml")).collect();
    let (changed, deleted) = (manifests.first().copied(), manifests.get(1).copied());
    let deleted_root = deleted.map(|p| p.trim_end_matches("meta.yml").to_string());
    for path in &paths {
        if deleted_root
            .as_deref()
            .is_some_and(|root| path.starts_with(root))
        {
            continue;
        }
        let text = head.read(path).ok();
        let text = match (Some(path) == changed, text) {
            (true, Some(text)) => Some(text.lines().skip(2).map(|l| format!("{l}\n")).collect()),
            (_, text) => text,
        };
        base.insert(path, text);
    }
    base
}

/// A change check (base and head) against the head-only check of the same head, run in
/// turns so that a busy machine slows both alike; the best of each is compared.
fn time_change(label: &str, head: &MemorySource) {
    let base = base_of(head);
    let options = CheckOptions::default();
    let (mut head_only, mut change) = (Duration::MAX, Duration::MAX);
    let mut report = None;
    for _ in 0..2 * RUNS {
        let start = Instant::now();
        std::hint::black_box(stacklint::check(head, &options));
        head_only = head_only.min(start.elapsed());
        let start = Instant::now();
        report = Some(check_change(head, &base, &options));
        change = change.min(start.elapsed());
    }
    let Some(report) = report else { return };
    let new = report
        .diagnostics
        .iter()
        .filter(|d| d.status == Some(Status::New))
        .count();
    println!(
        "{label}: head only best {:.1} ms; base and head best {:.1} ms ({} diagnostics, {new} new): {:.2}x",
        ms(head_only),
        ms(change),
        report.diagnostics.len(),
        change.as_secs_f64() / head_only.as_secs_f64(),
    );
}

fn main() {
    let source = synthetic();
    println!("synthetic repository: {} files", source.list().len());
    time("synthetic", &source);
    time_change("synthetic, a change", &source);
    if let Some(dir) = std::env::var_os("STACKLINT_CORPUS") {
        match DirSource::open(std::path::Path::new(&dir)) {
            Ok(corpus) => {
                let label = format!("{}", std::path::Path::new(&dir).display());
                time(&label, &corpus);
                time_change(&format!("{label} in memory, a change"), &in_memory(&corpus));
            }
            Err(error) => eprintln!("cannot open STACKLINT_CORPUS: {error}"),
        }
    }
}
