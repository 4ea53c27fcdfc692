//! SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Always a complete log, also
//! without findings.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostic::{Applicability, Severity};
use crate::render::rule_help_uri;
use crate::report::{LocatedFix, Related, Report, Status};
use crate::rules;
use crate::source::repo_path::join_dir;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SARIF_VERSION: &str = "2.1.0";
/// The key of our fingerprint in `partialFingerprints`; bump the suffix if the inputs change.
const FINGERPRINT_KEY: &str = "stacklint/v1";

#[derive(Serialize)]
struct Log {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run {
    tool: Tool,
    /// Our columns count Unicode characters, not SARIF's default UTF-16 code units.
    column_kind: &'static str,
    results: Vec<SarifResult>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<RuleDescriptor>,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

impl Text {
    fn new(text: impl Into<String>) -> Text {
        Text { text: text.into() }
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleDescriptor {
    id: &'static str,
    name: &'static str,
    short_description: Text,
    full_description: Text,
    help_uri: String,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: BTreeMap<&'static str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix>,
    /// With a base: `new` or `unchanged` (SARIF's word for a finding the base had).
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
}

/// A proposed fix: the edits of each file it changes (never an empty `artifactChanges`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix {
    description: Text,
    artifact_changes: Vec<ArtifactChange>,
    properties: FixProperties,
}

#[derive(Serialize)]
struct FixProperties {
    /// `safe` or `unsafe`, as in stacklint's JSON.
    applicability: Applicability,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

/// Replace `deleted_region` (empty: insert there) with `inserted_content` (absent: delete).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    #[serde(skip_serializing_if = "Option::is_none")]
    inserted_content: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    /// Exclusive, like ours.
    end_column: usize,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A repository path as a relative URI reference: characters URIs reserve are percent-encoded.
fn path_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-._~!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn artifact(path: &str) -> ArtifactLocation {
    ArtifactLocation {
        uri: path_uri(path),
        uri_base_id: "%SRCROOT%",
    }
}

/// A fix with its edits grouped by file, in the log's column kind (Unicode code points).
fn sarif_fix(fix: &LocatedFix, prefix: &str) -> SarifFix {
    let mut changes: Vec<ArtifactChange> = Vec::new();
    for edit in &fix.edits {
        let path = join_dir(prefix, &edit.path);
        let uri = path_uri(&path);
        let replacement = Replacement {
            deleted_region: Region {
                start_line: edit.line,
                start_column: edit.column,
                end_line: edit.end_line,
                end_column: edit.end_column,
            },
            inserted_content: (!edit.replacement.is_empty())
                .then(|| Text::new(edit.replacement.clone())),
        };
        match changes.iter_mut().find(|c| c.artifact_location.uri == uri) {
            Some(change) => change.replacements.push(replacement),
            None => changes.push(ArtifactChange {
                artifact_location: artifact(&path),
                replacements: vec![replacement],
            }),
        }
    }
    SarifFix {
        description: Text::new(format!("{} ({})", fix.message, fix.applicability.as_str())),
        artifact_changes: changes,
        properties: FixProperties {
            applicability: fix.applicability,
        },
    }
}

fn physical(
    path: &str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: artifact(path),
        region: Region {
            start_line: line,
            start_column: column,
            end_line,
            end_column,
        },
    }
}

/// Our one fingerprint; inserted, as building a map from an array sorts it (more code in the
/// WASM build).
fn fingerprint_map(value: String) -> BTreeMap<&'static str, String> {
    let mut map = BTreeMap::new();
    map.insert(FINGERPRINT_KEY, value);
    map
}

fn related_location(index: usize, related: &Related, prefix: &str) -> Location {
    Location {
        id: Some(index),
        physical_location: physical(
            &join_dir(prefix, &related.path),
            related.line,
            related.column,
            related.end_line,
            related.end_column,
        ),
        message: Some(Text::new(related.message.clone())),
    }
}

fn log(report: &Report, prefix: &str) -> Log {
    let all_rules = rules::all();
    let descriptors = all_rules
        .iter()
        .map(|rule| RuleDescriptor {
            id: rule.code,
            name: rule.name,
            short_description: Text::new(rule.summary),
            full_description: Text::new(rules::doc_text(rule)),
            help_uri: rule_help_uri(rule.code),
            default_configuration: Configuration {
                level: level(rule.default_severity),
            },
        })
        .collect();
    // Identical findings (the same text flagged twice) get distinct fingerprints by order.
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    let results = report
        .diagnostics
        .iter()
        .map(|diagnostic| {
            let hash = diagnostic.fingerprint.as_str();
            let occurrence = seen.entry(hash).or_insert(0);
            *occurrence += 1;
            SarifResult {
                rule_id: diagnostic.code,
                // Every reported code is registered; 0 would only mislabel, never break the log.
                rule_index: all_rules
                    .iter()
                    .position(|rule| rule.code == diagnostic.code)
                    .unwrap_or(0),
                level: level(diagnostic.severity),
                message: Text::new(super::message_with_help(diagnostic)),
                locations: [Location {
                    id: None,
                    physical_location: physical(
                        &join_dir(prefix, &diagnostic.path),
                        diagnostic.line,
                        diagnostic.column,
                        diagnostic.end_line,
                        diagnostic.end_column,
                    ),
                    message: None,
                }],
                related_locations: diagnostic
                    .related
                    .iter()
                    .enumerate()
                    .map(|(index, related)| related_location(index, related, prefix))
                    .collect(),
                partial_fingerprints: fingerprint_map(format!("{hash}:{occurrence}")),
                fixes: diagnostic
                    .fix
                    .iter()
                    .map(|fix| sarif_fix(fix, prefix))
                    .collect(),
                baseline_state: diagnostic.status.map(|status| match status {
                    Status::New => "new",
                    Status::Existing => "unchanged",
                }),
            }
        })
        .collect();
    Log {
        schema: SCHEMA,
        version: SARIF_VERSION,
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "stacklint",
                    version: crate::VERSION,
                    information_uri: env!("CARGO_PKG_REPOSITORY"),
                    rules: descriptors,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    }
}

/// The SARIF log; `prefix` is the checked folder relative to the repository root (`""` for the
/// root), put in front of every path because code scanning resolves `%SRCROOT%` as the
/// repository.
pub fn render(report: &Report, prefix: &str) -> String {
    super::json::pretty(&log(report, prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CheckOptions, MemorySource};

    fn sarif(source: &MemorySource) -> serde_json::Value {
        let report = crate::check(source, &CheckOptions::default());
        serde_json::from_str(&render(&report, "")).expect("valid JSON")
    }

    const DUPLICATE: &str = "1.0-oe2403lts:\n  path: a\n1.0-oe2403lts:\n  path: b\n";

    /// The duplicate-tag result; other rules may report on the same small repository too.
    fn y002(log: &serde_json::Value) -> serde_json::Value {
        log["runs"][0]["results"]
            .as_array()
            .and_then(|results| results.iter().find(|r| r["ruleId"] == "Y002"))
            .cloned()
            .expect("a Y002 result")
    }

    #[test]
    fn an_empty_report_is_a_complete_log() {
        let log = sarif(&MemorySource::new());
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["runs"][0]["results"], serde_json::json!([]));
        assert_eq!(log["runs"][0]["tool"]["driver"]["name"], "stacklint");
        let rules = log["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules");
        assert_eq!(rules.len(), crate::rules::all().len());
        assert!(rules
            .iter()
            .all(|rule| rule["helpUri"]
                .as_str()
                .is_some_and(|uri| uri.ends_with(&format!(
                    "docs/rules.md#{}",
                    rule["id"].as_str().unwrap_or("?").to_ascii_lowercase()
                )))));
    }

    #[test]
    fn results_point_at_the_rule_and_the_exact_region() {
        let log = sarif(&MemorySource::new().with("AI/x/meta.yml", DUPLICATE));
        let result = &y002(&log);
        let index = result["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(
            log["runs"][0]["tool"]["driver"]["rules"][index]["id"],
            "Y002"
        );
        assert_eq!(result["ruleId"], "Y002");
        assert_eq!(result["level"], "error");
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "AI/x/meta.yml");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert_eq!(
            location["region"],
            serde_json::json!({"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 14})
        );
        assert!(result["message"]["text"]
            .as_str()
            .is_some_and(|text| text.contains("\nhelp: ")));
        assert_eq!(
            result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
            1
        );
    }

    #[test]
    fn fingerprints_survive_moved_lines_but_not_changed_text() {
        let print = |text: &str| {
            y002(&sarif(&MemorySource::new().with("AI/x/meta.yml", text)))["partialFingerprints"]
                [FINGERPRINT_KEY]
                .clone()
        };
        let original = print(DUPLICATE);
        let moved = print(&format!("0.9-oe2403lts:\n  path: c\n{DUPLICATE}"));
        assert!(original.is_string());
        assert_eq!(original, moved);
        assert_ne!(original, print(&DUPLICATE.replace("1.0", "2.0")));
    }

    #[test]
    fn a_prefix_puts_every_location_under_the_checked_folder() {
        let report = crate::check(
            &MemorySource::new().with("AI/x/meta.yml", DUPLICATE),
            &CheckOptions::default(),
        );
        let log: serde_json::Value =
            serde_json::from_str(&render(&report, "images/sub dir")).expect("valid JSON");
        let result = y002(&log);
        assert_eq!(
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "images/sub%20dir/AI/x/meta.yml"
        );
        assert_eq!(
            result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "images/sub%20dir/AI/x/meta.yml"
        );
    }

    #[test]
    fn fixes_carry_their_replacements_per_file() {
        let meta = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: amd64\n";
        let log = sarif(
            &MemorySource::new()
                .with("AI/x/meta.yml", meta)
                .with("AI/x/1.0/24.03-lts/Dockerfile", "FROM a\n"),
        );
        let result = log["runs"][0]["results"]
            .as_array()
            .and_then(|results| results.iter().find(|r| r["ruleId"] == "A001"))
            .expect("an A001 result");
        assert_eq!(
            result["fixes"],
            serde_json::json!([{
                "description": {"text": "write `x86_64` (safe)"},
                "artifactChanges": [{
                    "artifactLocation": {"uri": "AI/x/meta.yml", "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": {"startLine": 3, "startColumn": 9, "endLine": 3, "endColumn": 14},
                        "insertedContent": {"text": "x86_64"}
                    }]
                }],
                "properties": {"applicability": "safe"}
            }])
        );
        assert!(y002(&sarif(
            &MemorySource::new().with("AI/x/meta.yml", DUPLICATE)
        ))
        .get("fixes")
        .is_none());
    }

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(path_uri("AI/a b/100%/ü.yml"), "AI/a%20b/100%25/%C3%BC.yml");
    }
}
