//! The WASM API as JavaScript sees it, run under wasm-bindgen-test in Node:
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!  cargo test --target wasm32-unknown-unknown --no-default-features --test wasm`
#![cfg(target_arch = "wasm32")]

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{json, Value};
use stacklint::wasm::{self, Checked};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::wasm_bindgen_test;

const DUPLICATE: &str = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n";

/// A plain JS object, as the action and the playground pass it.
fn object<T: Serialize>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .expect("serialisable")
}

fn from_js(value: JsValue) -> Value {
    serde_wasm_bindgen::from_value(value).expect("plain JSON data")
}

fn error_message(error: JsError) -> String {
    js_sys::Error::from(JsValue::from(error))
        .message()
        .as_string()
        .unwrap_or_default()
}

fn repo() -> JsValue {
    object(&json!({
        "AI/image-list.yml": "images:\n  demo: demo\n",
        "AI/demo/meta.yml": DUPLICATE,
        "AI/demo/1.0/24.03-lts/Dockerfile": null,
        "Cloud/empty/meta.yml": "",
    }))
}

#[wasm_bindgen_test]
fn check_returns_the_json_contract_with_the_finding() {
    let report = from_js(wasm::check(repo(), None).expect("checks"));
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["errors"], 2);
    assert_eq!(report["summary"]["manifests"], 2);
    let first = &report["diagnostics"][0];
    assert_eq!(first["code"], "Y002");
    assert_eq!(first["path"], "AI/demo/meta.yml");
    assert_eq!(
        (
            &first["line"],
            &first["column"],
            &first["end_line"],
            &first["end_column"]
        ),
        (&json!(3), &json!(1), &json!(3), &json!(14))
    );
    assert!(first["help"].is_string());
    assert_eq!(first["related"][0]["line"], 1);
}

#[wasm_bindgen_test]
fn a_js_map_is_accepted_like_an_object() {
    let files: BTreeMap<&str, &str> = BTreeMap::from([("AI/demo/meta.yml", DUPLICATE)]);
    // The default serializer turns a map into a JS `Map`.
    let map = serde_wasm_bindgen::to_value(&files).expect("map");
    assert!(map.is_instance_of::<js_sys::Map>());
    let report = from_js(wasm::check(map, Some(JsValue::UNDEFINED)).expect("checks"));
    let codes: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| &d["code"])
        .collect();
    assert!(codes.contains(&&json!("Y002")), "{codes:?}");
}

#[wasm_bindgen_test]
fn scope_reports_only_the_affected_images() {
    let scoped = |scope: Value| {
        let options = object(&json!({ "scope": scope }));
        from_js(wasm::check(repo(), Some(options)).expect("checks"))
    };
    let only_cloud = scoped(json!(["Cloud/empty/meta.yml"]));
    assert_eq!(only_cloud["summary"]["errors"], 1);
    assert_eq!(only_cloud["diagnostics"][0]["code"], "Y003");
    let nothing = scoped(json!(["README.md"]));
    assert_eq!(nothing["diagnostics"], json!([]));
    assert_eq!(nothing["summary"]["errors"], 0);
    // null and an absent scope both mean the whole repository.
    let everything = scoped(Value::Null);
    assert_eq!(everything["summary"]["errors"], 2);
    let everything = from_js(wasm::check(repo(), Some(object(&json!({})))).expect("checks"));
    assert_eq!(everything["summary"]["errors"], 2);
}

#[wasm_bindgen_test]
fn invalid_paths_are_rejected_with_a_clear_error() {
    for path in ["../etc/passwd", "/abs/meta.yml", "a\\b"] {
        let files = object(&json!({ path: "x: 1\n" }));
        let error = error_message(wasm::check(files, None).expect_err("rejected"));
        assert!(error.contains(&format!("invalid path `{path}`")), "{error}");
    }
    let options = object(&json!({ "scope": ["../x"] }));
    let error = error_message(wasm::check(repo(), Some(options)).expect_err("rejected"));
    assert!(
        error.contains("`scope`") && error.contains("`../x`"),
        "{error}"
    );
    let error = error_message(wasm::check(object(&json!({ "a": 1 })), None).expect_err("rejected"));
    assert!(error.contains("`files` must map"), "{error}");
    let options = object(&json!({ "colour": true }));
    let error = error_message(wasm::check(repo(), Some(options)).expect_err("rejected"));
    assert!(
        error.contains("invalid options") && error.contains("`colour`"),
        "{error}"
    );
}

#[wasm_bindgen_test]
fn files_that_are_no_mapping_are_refused_not_checked_as_empty() {
    // Found hardening: an array of files checked nothing and reported no finding.
    let as_array = object(&json!([["AI/demo/meta.yml", DUPLICATE]]));
    for files in [
        as_array,
        object(&json!([])),
        JsValue::from_str("AI/demo/meta.yml"),
        JsValue::NULL,
    ] {
        let error = wasm::check(files, None).expect_err("refused");
        assert!(error_message(error).contains("`files` must map repository paths"));
    }
}

#[wasm_bindgen_test]
fn null_contents_mean_the_file_exists_but_is_not_read() {
    let files = object(&json!({ "AI/demo/meta.yml": null, "Cloud/x/meta.yml": "" }));
    let report = from_js(wasm::check(files, None).expect("checks"));
    // Not read: neither parsed (no Y003 for it) nor reported as unreadable.
    assert_eq!(report["summary"]["manifests"], 1);
    let paths: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| &d["path"])
        .collect();
    assert_eq!(paths, vec!["Cloud/x/meta.yml"]);
}

#[wasm_bindgen_test]
fn one_check_renders_every_format() {
    let checked = Checked::new(repo(), None).expect("checks");
    let report = from_js(checked.report().expect("report"));
    let direct = from_js(wasm::check(repo(), None).expect("checks"));
    assert_eq!(report, direct);

    let human = checked.render("human", None).expect("human");
    assert!(human.contains("error[Y002]"), "{human}");
    assert!(human.ends_with("2 errors, 0 warnings in 2 files (2 manifests, 2 entries checked)\n"));
    assert!(!human.contains('\u{1b}'));
    assert!(checked
        .render("human", Some(true))
        .expect("color")
        .contains('\u{1b}'));

    let github = checked.render("github", None).expect("github");
    assert!(
        github.starts_with("::error file=AI/demo/meta.yml,line=3,"),
        "{github}"
    );
    let sarif: Value = serde_json::from_str(&checked.render("sarif", None).expect("sarif"))
        .expect("SARIF is JSON");
    assert_eq!(sarif["runs"][0]["results"][0]["ruleId"], "Y002");
    let json: Value =
        serde_json::from_str(&checked.render("json", None).expect("json")).expect("JSON");
    assert_eq!(json, direct);

    let error = error_message(checked.render("xml", None).expect_err("unknown format"));
    assert!(error.contains("unknown format `xml`"), "{error}");
}

#[wasm_bindgen_test]
fn render_takes_the_format_from_the_options() {
    let options = object(&json!({ "format": "github", "scope": ["AI/demo/meta.yml"] }));
    let text = wasm::render(repo(), Some(options)).expect("renders");
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("title=Y002 duplicate-tag"), "{text}");
}

#[wasm_bindgen_test]
fn rules_and_version_describe_the_build() {
    let rules = from_js(wasm::rules().expect("rules"));
    let rules = rules.as_array().expect("array");
    assert_eq!(rules.len(), stacklint::rules::all().len());
    let y002 = rules
        .iter()
        .find(|rule| rule["code"] == "Y002")
        .expect("Y002 listed");
    assert_eq!(y002["name"], "duplicate-tag");
    assert_eq!(y002["default_severity"], "error");
    assert!(y002["summary"].as_str().is_some_and(|s| !s.is_empty()));
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn bytes_and_unreadable_markers_become_exact_f001_findings() {
    let files = js_sys::Object::new();
    let set = |path: &str, value: &JsValue| {
        js_sys::Reflect::set(&files, &JsValue::from_str(path), value).expect("set");
    };
    // Latin-1 `é`: not UTF-8, passed as raw bytes exactly as read from disk.
    set(
        "AI/a/meta.yml",
        &js_sys::Uint8Array::from(&b"1.0-oe2403lts:\n  path: caf\xe9\n"[..]).into(),
    );
    set(
        "AI/b/meta.yml",
        &object(&json!({ "unreadable": "too-large", "bytes": 3_000_000_000u64 })),
    );
    let report = from_js(wasm::check(files.into(), None).expect("checks"));
    let messages: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .filter(|d| d["code"] == "F001")
        .map(|d| {
            (
                d["path"].as_str().unwrap_or_default(),
                d["message"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].1.contains("not valid UTF-8"), "{messages:?}");
    assert!(messages[1].1.contains("3000000000 bytes"), "{messages:?}");
}

#[wasm_bindgen_test]
fn select_and_ignore_options_replace_the_repository_config() {
    let files = json!({
        ".stacklint.toml": "ignore = [\"Y002\"]\n[severity]\nY003 = \"warning\"\n",
        "AI/demo/meta.yml": DUPLICATE,
        "AI/demo/1.0/24.03-lts/Dockerfile": null,
        "Cloud/empty/meta.yml": "",
    });
    let codes = |options: Value| {
        let report = from_js(wasm::check(object(&files), Some(object(&options))).expect("checks"));
        let codes: Vec<String> = report["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                format!(
                    "{} {}",
                    d["code"].as_str().unwrap_or(""),
                    d["severity"].as_str().unwrap_or("")
                )
            })
            .collect();
        (
            report["summary"]["errors"].clone(),
            report["summary"]["warnings"].clone(),
            codes,
        )
    };
    // The file in `files` is honoured: Y002 ignored, Y003 downgraded.
    assert_eq!(
        codes(json!({})),
        (json!(0), json!(1), vec!["Y003 warning".to_string()])
    );
    // `ignore` replaces the file's list; the file's severities still apply.
    assert_eq!(
        codes(json!({ "ignore": ["Y003"] })),
        (json!(1), json!(0), vec!["Y002 error".to_string()])
    );
    assert_eq!(
        codes(json!({ "select": ["P"], "ignore": null })).2,
        Vec::<String>::new()
    );
    assert_eq!(
        codes(json!({ "select": ["duplicate-tag"], "ignore": [] })).2,
        vec!["Y002 error".to_string()]
    );
}

#[wasm_bindgen_test]
fn an_unknown_code_in_the_options_throws_with_a_suggestion() {
    let options = object(&json!({ "ignore": ["Y0002"] }));
    let error = error_message(wasm::check(repo(), Some(options)).expect_err("throws"));
    assert_eq!(
        error,
        "stacklint: `ignore`: no rule `Y0002`; did you mean `Y002`?"
    );
    let options = object(&json!({ "select": "Y" }));
    let error = error_message(wasm::check(repo(), Some(options)).expect_err("throws"));
    assert!(error.starts_with("stacklint: invalid options:"), "{error}");
}

#[wasm_bindgen_test]
fn annotations_sarif_and_markdown_come_with_the_checked_folder_in_front() {
    let checked = Checked::new(repo(), None).expect("checks");
    let annotations = from_js(
        checked
            .annotations(Some("images".into()))
            .expect("annotations"),
    );
    let first = &annotations[0];
    assert_eq!(first["level"], "error");
    assert_eq!(first["file"], "images/AI/demo/meta.yml");
    assert_eq!(first["title"], "Y002 duplicate-tag");
    assert_eq!(
        (&first["startColumn"], &first["endColumn"]),
        (&json!(1), &json!(13))
    );
    assert!(first["message"]
        .as_str()
        .is_some_and(|m| m.contains("\nnote: images/AI/demo/meta.yml:1:1: ")));
    let sarif: Value = serde_json::from_str(&checked.sarif(Some("images".into()))).expect("JSON");
    assert_eq!(
        sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
            ["uri"],
        "images/AI/demo/meta.yml"
    );
    let links = object(&json!({
        "prefix": "images",
        "links": {"serverUrl": "https://github.com", "repository": "o/r", "sha": "abc"},
        "note": "Scope: every file.",
        "maxBytes": 1048576,
    }));
    let markdown = checked.markdown(Some(links)).expect("markdown");
    assert!(
        markdown.starts_with("## stacklint\n\n**2 errors, 0 warnings** in 2 manifests"),
        "{markdown}"
    );
    assert!(
        markdown.contains("https://github.com/o/r/blob/abc/images/AI/demo/meta.yml#L3"),
        "{markdown}"
    );
    let error = checked
        .markdown(Some(object(&json!({"prefx": "x"}))))
        .map(|_| ())
        .map_err(error_message)
        .expect_err("misspelt option");
    assert!(error.contains("prefx"), "{error}");
}

#[wasm_bindgen_test]
fn the_core_says_which_files_it_reads_and_how_large_they_may_be() {
    assert!(wasm::needs_content("AI/x/meta.yml"));
    assert!(wasm::needs_content("AI/x/1.0/24.03-lts/Dockerfile"));
    assert!(wasm::needs_content("AI/x/meta.yaml"));
    assert!(!wasm::needs_content("AI/x/README.md"));
    let limits = from_js(wasm::limits().expect("limits"));
    assert_eq!(limits["maxFileBytes"], 2 * 1024 * 1024);
    let rules = from_js(wasm::rules().expect("rules"));
    assert_eq!(
        rules[0]["help_uri"],
        "https://github.com/stacklint/stacklint/blob/main/docs/rules.md#a001"
    );
}

/// A repository with one safe fix (`amd64`) and one unsafe one (`pth`).
fn fixable() -> JsValue {
    object(&json!({
        "AI/image-list.yml": "images:\n  demo: demo\n",
        "AI/demo/meta.yml": "1.0-oe2403lts:\r\n  path: 1.0/24.03-lts/Dockerfile\r\n  arch: amd64\r\n1.1-oe2403lts:\r\n  pth: 1.1/24.03-lts/Dockerfile\r\n",
        "AI/demo/1.0/24.03-lts/Dockerfile": "FROM openeuler/openeuler:24.03-lts\n",
        "AI/demo/1.1/24.03-lts/Dockerfile": "FROM openeuler/openeuler:24.03-lts\n",
    }))
}

#[wasm_bindgen_test]
fn check_results_carry_the_fixes_and_rules_their_fix_kind() {
    let report = from_js(wasm::check(fixable(), None).expect("checks"));
    let fixes: Vec<(&Value, &Value)> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| (&d["code"], &d["fix"]["applicability"]))
        .collect();
    assert_eq!(
        fixes,
        [
            (&json!("A001"), &json!("safe")),
            (&json!("Y005"), &json!("unsafe"))
        ]
    );
    let edit = &report["diagnostics"][0]["fix"]["edits"][0];
    assert_eq!(
        edit,
        &json!({"path": "AI/demo/meta.yml", "start": 58, "end": 63, "line": 3, "column": 9,
                "end_line": 3, "end_column": 14, "replacement": "x86_64"})
    );
    assert_eq!(report["diagnostics"][0]["fix"]["renames_tag"], Value::Null);
    let clean = from_js(wasm::check(repo(), None).expect("checks"));
    assert_eq!(clean["diagnostics"][0]["fix"], Value::Null);
    let rules = from_js(wasm::rules().expect("rules"));
    let kind = |code: &str| {
        rules
            .as_array()
            .and_then(|all| all.iter().find(|r| r["code"] == code))
            .map(|r| r["fix"].clone())
    };
    assert_eq!(kind("A001"), Some(json!("safe")));
    assert_eq!(kind("T002"), Some(json!("unsafe")));
    assert_eq!(kind("Y002"), Some(json!("none")));
}

#[wasm_bindgen_test]
fn apply_fixes_returns_the_new_texts_the_report_after_and_a_patch() {
    let safe = from_js(wasm::apply_fixes(fixable(), None).expect("fixes"));
    assert_eq!(
        safe["files"],
        json!({"AI/demo/meta.yml": "1.0-oe2403lts:\r\n  path: 1.0/24.03-lts/Dockerfile\r\n  arch: x86_64\r\n1.1-oe2403lts:\r\n  pth: 1.1/24.03-lts/Dockerfile\r\n"})
    );
    assert_eq!(safe["applied"], json!([{"code": "A001", "count": 1}]));
    assert_eq!(safe["skipped"], json!([]));
    assert_eq!(safe["converged"], true);
    assert_eq!(safe["report"]["diagnostics"][0]["code"], "Y005");
    assert!(safe["patch"]
        .as_str()
        .is_some_and(|p| p.starts_with("--- a/AI/demo/meta.yml\n")
            && p.contains("\n-  arch: amd64\r\n+  arch: x86_64\r\n")));

    let options = object(&json!({"unsafe": true, "prefix": "images", "select": ["A", "Y"]}));
    let all = from_js(wasm::apply_fixes(fixable(), Some(options)).expect("fixes"));
    assert_eq!(
        all["applied"],
        json!([{"code": "A001", "count": 1}, {"code": "Y005", "count": 1}])
    );
    assert_eq!(all["counts"], "A001 ×1, Y005 ×1");
    assert_eq!(all["report"]["diagnostics"], json!([]));
    assert!(all["patch"].as_str().is_some_and(
        |p| p.starts_with("--- a/images/AI/demo/meta.yml\n+++ b/images/AI/demo/meta.yml\n")
    ));

    let nothing = from_js(wasm::apply_fixes(repo(), None).expect("fixes"));
    assert_eq!(nothing["files"], json!({}));
    assert_eq!(nothing["patch"], "");
    let error = error_message(
        wasm::apply_fixes(fixable(), Some(object(&json!({"unsafe_fixes": true}))))
            .expect_err("misspelt option"),
    );
    assert!(
        error.contains("invalid options") && error.contains("unsafe_fixes"),
        "{error}"
    );
}

#[wasm_bindgen_test]
fn rdjson_and_the_markdown_fix_blocks_render_from_one_check() {
    let checked = Checked::new(fixable(), None).expect("checks");
    let rdjson: Value =
        serde_json::from_str(&checked.render("rdjson", None).expect("rdjson")).expect("JSON");
    assert_eq!(rdjson["diagnostics"][0]["suggestions"][0]["text"], "x86_64");
    let markdown = checked
        .markdown(Some(object(&json!({"fixes": true}))))
        .expect("markdown");
    assert!(markdown.contains("### Fixes"), "{markdown}");
    assert!(
        markdown.contains("```diff\n--- a/AI/demo/meta.yml\n"),
        "{markdown}"
    );
    assert!(!checked
        .markdown(None)
        .expect("markdown")
        .contains("### Fixes"));
}

#[wasm_bindgen_test]
fn a_base_tree_gives_statuses_and_the_new_scope_reports_only_new_findings() {
    let base = object(&json!({
        "AI/image-list.yml": "images:\n  demo: demo\n",
        "AI/demo/meta.yml": "1.0-oe2403lts:\n  path: AI/demo/1.0/24.03-lts/Dockerfile\n",
        "AI/demo/1.0/24.03-lts/Dockerfile": "FROM openeuler/openeuler:24.03-lts\n",
    }));
    let head = object(&json!({
        "AI/image-list.yml": "images:\n  demo: demo\n",
        "AI/demo/meta.yml": "1.0-oe2403lts:\n  path: AI/demo/1.0/24.03-lts/Dockerfile\n1.1-oe2403lts:\n  path: 1.1/24.03-lts/Dockerfile\n",
        "AI/demo/1.0/24.03-lts/Dockerfile": "FROM openeuler/openeuler:24.03-lts\n",
    }));
    let all = from_js(
        wasm::check(
            head.clone(),
            Some(object(&json!({"base": base_value(&base), "scope": "all"}))),
        )
        .expect("checks"),
    );
    let statuses: Vec<(String, String)> = all["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["status"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        [
            ("P003".to_string(), "existing".to_string()),
            ("P001".to_string(), "new".to_string())
        ]
    );
    let new = from_js(
        wasm::check(head, Some(object(&json!({"base": base_value(&base)})))).expect("checks"),
    );
    assert_eq!(new["diagnostics"].as_array().map(Vec::len), Some(1));
    assert_eq!(new["summary"]["existing"], 1);
    assert_eq!(new["existing"][0]["code"], "P003");
}

/// A JS value as JSON, to embed one object in another.
fn base_value(value: &JsValue) -> Value {
    from_js(value.clone())
}

#[wasm_bindgen_test]
fn scope_new_without_a_base_and_unknown_options_throw_clearly() {
    let error = wasm::check(repo(), Some(object(&json!({"scope": "new"}))))
        .map(|_| ())
        .map_err(error_message)
        .expect_err("no base");
    assert_eq!(
        error,
        "stacklint: `scope: \"new\"` needs `base`, the tree to compare with"
    );
    let error = wasm::check(repo(), Some(object(&json!({"bse": {}}))))
        .map(|_| ())
        .map_err(error_message)
        .expect_err("misspelt");
    assert!(
        error.contains("unknown option `bse`; did you mean `base`?"),
        "{error}"
    );
}

fn stack() -> JsValue {
    object(&json!({
        "AI/image-list.yml": "images:\n  cann: cann\n  pytorch: pytorch\n",
        "AI/cann/meta.yml": "8.0.RC1-oe2203sp4:\n  path: 8.0.RC1/22.03-lts-sp4/Dockerfile\n",
        "AI/cann/8.0.RC1/22.03-lts-sp4/Dockerfile": "FROM openeuler/openeuler:22.03-lts-sp4\n",
        "AI/pytorch/meta.yml": "# torch\n2.2.0-cann8.0.RC1-oe2203sp4:\n  path: 2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile\n  arch: aarch64\n",
    }))
}

#[wasm_bindgen_test]
fn graph_is_the_cli_graph_with_layers_and_where_each_tag_is_declared() {
    let graph = from_js(wasm::graph(stack()).expect("graph"));
    let images = graph["images"].as_array().expect("images");
    assert_eq!(images.len(), 2);
    assert_eq!(images[0]["image"], "openeuler/cann:8.0.RC1-oe2203sp4");
    assert_eq!(images[0]["layer"], "sdk");
    assert_eq!(images[0]["parent"]["kind"], "os-base");
    // Without its Dockerfile pytorch has no parent yet, only the one its tag implies.
    assert_eq!(images[0]["children"], json!([]));
    let torch = &images[1];
    assert_eq!(torch["layer"], "framework");
    assert_eq!(
        torch["declared"],
        json!({"line": 2, "column": 1, "end_line": 2, "end_column": 28, "last_line": 4})
    );
    assert_eq!(torch["dockerfile"], Value::Null);
    assert_eq!(
        torch["missing_dockerfile"],
        "AI/pytorch/2.2.0-cann8.0.RC1/22.03-lts-sp4/Dockerfile"
    );
    assert_eq!(torch["implied_parent"], "openeuler/cann:8.0.RC1-oe2203sp4");
    let error = wasm::graph(object(&json!({"../x/meta.yml": ""}))).expect_err("invalid path");
    assert!(error_message(error).starts_with("stacklint: "));
}

#[wasm_bindgen_test]
fn policy_says_what_each_rule_reports_at_and_set_severity_edits_the_file() {
    let files = |config: &str| {
        object(&json!({
            ".stacklint.toml": config,
            "AI/demo/meta.yml": DUPLICATE,
        }))
    };
    let setting = |policy: &Value, code: &str| {
        policy["rules"]
            .as_array()
            .and_then(|rules| rules.iter().find(|rule| rule["code"] == code))
            .cloned()
            .unwrap_or(Value::Null)
    };
    let config = "ignore = [\"P\"]\n\n[severity]\nY002 = \"warning\"\nY001 = \"off\"\n";
    let policy = from_js(wasm::policy(files(config)).expect("policy"));
    assert_eq!(policy["path"], ".stacklint.toml");
    assert_eq!(
        setting(&policy, "Y002"),
        json!({"code": "Y002", "severity": "warning", "configured": "warning"})
    );
    assert_eq!(setting(&policy, "Y001")["severity"], Value::Null);
    assert_eq!(setting(&policy, "Y001")["configured"], "off");
    assert_eq!(
        setting(&policy, "P001"),
        json!({"code": "P001", "severity": null, "configured": null})
    );
    assert_eq!(setting(&policy, "Y003")["severity"], "error");

    let on = wasm::set_severity(config, "Y001", None).expect("edits");
    assert_eq!(on, "ignore = [\"P\"]\n\n[severity]\nY002 = \"warning\"\n");
    let off = wasm::set_severity("", "L006", Some("off".into())).expect("edits");
    assert_eq!(off, "[severity]\nL006 = \"off\"\n");
    let error = wasm::set_severity("[severity", "L006", Some("off".into())).expect_err("invalid");
    assert!(error_message(error).starts_with("stacklint: `.stacklint.toml` is not valid TOML"));
}

#[wasm_bindgen_test]
fn a_workspace_checks_after_each_change_and_answers_positions() {
    let mut workspace = wasm::Workspace::new(None).expect("no options");
    workspace.set(repo()).expect("files");
    let report = from_js(workspace.check(None).expect("checks"));
    assert_eq!(report["summary"]["errors"], 2);
    let focused = from_js(
        workspace
            .check(Some(vec!["Cloud/empty/meta.yml".into()]))
            .expect("checks"),
    );
    let paths: Vec<&Value> = focused["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| &d["path"])
        .collect();
    assert!(
        paths.iter().all(|p| *p == "Cloud/empty/meta.yml"),
        "{paths:?}"
    );

    let fixed = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n";
    workspace
        .set(object(&json!({ "AI/demo/meta.yml": fixed })))
        .expect("files");
    let report = from_js(
        workspace
            .check(Some(vec!["AI/demo/meta.yml".into()]))
            .expect("checks"),
    );
    assert_eq!(report["diagnostics"], json!([]));

    let found = from_js(
        workspace
            .inspect("AI/demo/meta.yml", 2, 10)
            .expect("inspects"),
    );
    assert_eq!(found["kind"], "entry-path");
    assert_eq!(
        found["targets"][0]["path"],
        "AI/demo/1.0/24.03-lts/Dockerfile"
    );
    assert_eq!(
        from_js(
            workspace
                .inspect("AI/demo/meta.yml", 9, 1)
                .expect("inspects")
        ),
        Value::Null
    );
    let links = from_js(workspace.links("AI/image-list.yml").expect("links"));
    assert_eq!(links[0]["target"], "AI/demo/meta.yml");
    let edit = from_js(
        workspace
            .silence("AI/demo/meta.yml", 1, "T001")
            .expect("edit"),
    );
    assert_eq!(edit["text"], " # stacklint: ignore[T001]");
    assert_eq!(edit["range"]["line"], 1);

    workspace.remove(vec!["AI/demo/meta.yml".into()]);
    let report = from_js(workspace.check(None).expect("checks"));
    assert_eq!(report["summary"]["manifests"], 1);
}

#[wasm_bindgen_test]
fn a_workspace_takes_only_its_own_options() {
    let options = object(
        &json!({ "ignore": ["Y"], "config": { "path": "ci/lint.toml", "text": "ignore = [\"Y0\"]\n" } }),
    );
    let mut workspace = wasm::Workspace::new(Some(options)).expect("options");
    workspace.set(repo()).expect("files");
    let report = from_js(workspace.check(None).expect("checks"));
    assert!(report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .all(|d| d["code"] != "Y002"));
    let error = wasm::Workspace::new(Some(object(&json!({ "scope": "all" }))))
        .err()
        .map(error_message)
        .unwrap_or_default();
    assert!(error.contains("unknown option `scope`"), "{error}");
    let error = workspace
        .set(object(&json!({ "../x": "" })))
        .err()
        .map(error_message)
        .unwrap_or_default();
    assert!(error.starts_with("stacklint:"), "{error}");
}

#[wasm_bindgen_test]
fn a_config_file_can_be_given_in_place_of_the_repositorys() {
    let options =
        object(&json!({ "config": { "path": "ci/lint.toml", "text": "ignore = [\"Y002\"]\n" } }));
    let report = from_js(wasm::check(repo(), Some(options)).expect("checks"));
    assert!(report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .all(|d| d["code"] != "Y002"));
    let options =
        object(&json!({ "config": { "path": "ci/lint.toml", "text": "ignore = [\"Y0002\"]\n" } }));
    let report = from_js(wasm::check(repo(), Some(options)).expect("checks"));
    let c001 = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["code"] == "C001")
        .cloned()
        .unwrap_or_default();
    assert_eq!(c001["path"], "ci/lint.toml");
}
