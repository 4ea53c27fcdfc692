//! Every fixture repository of `tests/fixtures` checked by the core compiled to WASM, compared
//! with the same expected outputs as the native run (tests/fixtures.rs), and every fix fixture
//! of `tests/fixes` fixed in WASM into exactly its `after/` (tests/fixes.rs): the action and
//! the playground see and fix exactly what the CLI does. Runs in Node under wasm-bindgen-test, which lets
//! the test read the fixtures through Node's `fs`:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm_fixtures`
#![cfg(target_arch = "wasm32")]

use stacklint::fix::{self, FixMode};
use stacklint::render::{self, human, json, Format};
use stacklint::{CheckOptions, MemorySource};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen(module = "fs")]
extern "C" {
    #[wasm_bindgen(js_name = readdirSync)]
    fn read_dir(path: &str, options: &JsValue) -> js_sys::Array;
    /// Throws for a folder (EISDIR), which is how folders are told from files here.
    #[wasm_bindgen(catch, js_name = readFileSync)]
    fn read_file(path: &str) -> Result<js_sys::Uint8Array, JsValue>;
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
const FIXES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixes");

fn names(dir: &str, recursive: bool) -> Vec<String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"recursive".into(), &recursive.into()).expect("set");
    let mut names: Vec<String> = read_dir(dir, &options)
        .iter()
        .filter_map(|name| name.as_string())
        .collect();
    names.sort();
    names
}

fn text(path: &str) -> String {
    read_file(path)
        .map(|bytes| String::from_utf8_lossy(&bytes.to_vec()).into_owned())
        .unwrap_or_default()
}

/// The fixture repository as raw bytes, so binary and non-UTF-8 files reach the core unchanged.
fn repository(case: &str) -> MemorySource {
    folder(&format!("{FIXTURES}/{case}/repo"))
}

/// Every file below `root`, as raw bytes.
fn folder(root: &str) -> MemorySource {
    let mut source = MemorySource::new();
    for name in names(root, true) {
        if let Ok(bytes) = read_file(&format!("{root}/{name}")) {
            source.insert_bytes(&name, bytes.to_vec());
        }
    }
    source
}

#[wasm_bindgen_test]
fn every_fixture_matches_its_expected_output_in_wasm() {
    let cases: Vec<String> = names(FIXTURES, false)
        .into_iter()
        .filter(|case| read_file(&format!("{FIXTURES}/{case}/expected.json")).is_ok())
        .collect();
    assert!(
        cases.len() >= 30,
        "only {} fixture cases found",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let report = stacklint::check(&repository(case), &CheckOptions::default());
        let actual_json = json::render(&report) + "\n";
        let actual_text = human::render(
            &report,
            human::HumanOptions {
                color: false,
                snippets: None,
            },
        );
        if actual_json != text(&format!("{FIXTURES}/{case}/expected.json")) {
            failures.push(format!("{case}: JSON differs from the native run"));
        }
        if actual_text != text(&format!("{FIXTURES}/{case}/expected.txt")) {
            failures.push(format!("{case}: human output differs from the native run"));
        }
        for (file, format) in [
            ("expected.github", Format::Github),
            ("expected.sarif", Format::Sarif),
        ] {
            let Ok(bytes) = read_file(&format!("{FIXTURES}/{case}/{file}")) else {
                continue;
            };
            if render::render(&report, format, false) != String::from_utf8_lossy(&bytes.to_vec()) {
                failures.push(format!("{case}: {file} differs from the native run"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn every_fix_fixture_fixes_into_its_after_folder_in_wasm() {
    let cases: Vec<String> = names(FIXES, false)
        .into_iter()
        .filter(|case| read_file(&format!("{FIXES}/{case}/expected.txt")).is_ok())
        .collect();
    assert!(cases.len() >= 8, "only {} fix cases found", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let expected = text(&format!("{FIXES}/{case}/expected.txt"));
        let mode = FixMode {
            unsafe_fixes: expected.starts_with("mode: unsafe\n"),
        };
        let before = folder(&format!("{FIXES}/{case}/before"));
        let fixed = fix::fix(&before, &CheckOptions::default(), mode);
        for name in names(&format!("{FIXES}/{case}/before"), true) {
            let Ok(bytes) = read_file(&format!("{FIXES}/{case}/before/{name}")) else {
                continue;
            };
            let after = read_file(&format!("{FIXES}/{case}/after/{name}"))
                .map(|b| b.to_vec())
                .unwrap_or_default();
            let actual = fixed
                .change(&name)
                .map_or(bytes.to_vec(), |change| change.after.clone().into_bytes());
            if actual != after {
                failures.push(format!("{case}: `{name}` differs from after/ in WASM"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
