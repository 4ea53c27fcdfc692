//! Snapshots of `stacklint graph` on the clean three-layer fixture, in every format.
//! `STACKLINT_BLESS=1` rewrites `tests/fixtures/<case>/expected-graph.*` after review.

use std::fs;
use std::path::Path;

use stacklint::render::graph::{self, GraphFormat};
use stacklint::source::dir::DirSource;
use stacklint::CheckOptions;

fn render(case: &str, image: Option<&str>, format: GraphFormat) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case);
    let source = DirSource::open(&root.join("repo")).expect("fixture repo opens");
    let graph =
        stacklint::check::graph(&source, &CheckOptions::default(), image).expect("image exists");
    graph::render(&graph, format)
}

fn compare(case: &str, file: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
        .join(file);
    if std::env::var_os("STACKLINT_BLESS").is_some() {
        fs::write(&path, actual).expect("write expectation");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(expected, actual, "{} differs", path.display());
}

#[test]
fn graph_snapshots_in_every_format() {
    for (format, ext) in [
        (GraphFormat::Text, "txt"),
        (GraphFormat::Dot, "dot"),
        (GraphFormat::Mermaid, "mmd"),
        (GraphFormat::Json, "json"),
    ] {
        let actual = render("stack-clean", None, format);
        compare("stack-clean", &format!("expected-graph.{ext}"), &actual);
    }
}

#[test]
fn narrowing_keeps_ancestors_and_descendants_only() {
    let text = render(
        "stack-clean",
        Some("cann:8.0.RC1-oe2203sp4"),
        GraphFormat::Text,
    );
    compare("stack-clean", "expected-graph-cann.txt", &text);
    assert!(text.contains("openeuler/llm:fastchat-pytorch2.2.0-cann8.0.RC1-oe2203sp4\n"));
    assert!(!text.contains("oe2403sp1\n"), "{text}");
}

#[test]
fn an_unknown_image_is_an_error() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stack-clean/repo");
    let source = DirSource::open(&root).expect("fixture repo opens");
    let error = stacklint::check::graph(&source, &CheckOptions::default(), Some("nope:1"))
        .expect_err("unknown image");
    assert!(error.contains("openeuler/nope:1"), "{error}");
}

/// The graph shows what the publisher builds: the same entries and Dockerfiles as `check`.
#[test]
fn graph_snapshots_of_misplaced_manifests_and_paths_into_other_images() {
    for case in [
        "yaml-y007-misplaced",
        "yaml-y007-misplaced-stack",
        "paths-p001-path-into-other-image",
    ] {
        let actual = render(case, None, GraphFormat::Text);
        compare(case, "expected-graph.txt", &actual);
    }
}
