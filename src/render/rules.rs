//! The rule reference: `docs/rules.md` and the README's rule table are generated from the
//! rules' own doc comments, so documentation cannot drift from the code.

use serde::Serialize;

use crate::diagnostic::{FixKind, Rule, Severity};
use crate::rules::{all, doc_text};

/// Where a rule's documentation lives: the one place that knows the URL (SARIF, Markdown and
/// the JS shells, through [`RuleInfo`], all link here).
pub fn help_uri(code: &str) -> String {
    format!(
        "{}/blob/main/docs/rules.md#{}",
        env!("CARGO_PKG_REPOSITORY"),
        code.to_ascii_lowercase()
    )
}

/// One rule as the WASM API's `rules()` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    pub summary: &'static str,
    pub help_uri: String,
    /// What the rule's fixes can be at best: `safe`, `unsafe` or `none`.
    pub fix: FixKind,
}

impl RuleInfo {
    pub fn of(rule: &Rule) -> RuleInfo {
        RuleInfo {
            code: rule.code,
            name: rule.name,
            default_severity: rule.default_severity,
            summary: rule.summary,
            help_uri: help_uri(rule.code),
            fix: rule.fix_kind(),
        }
    }
}

/// Every rule, sorted by code.
pub fn catalogue() -> Vec<RuleInfo> {
    all().into_iter().map(RuleInfo::of).collect()
}

/// `stacklint rules`: one line per rule with code, name, default severity, fix kind and
/// summary.
pub fn listing() -> String {
    let mut out = String::new();
    for rule in all() {
        out.push_str(&format!(
            "{:<5} {:<28} {:<8} {:<6} {}\n",
            rule.code,
            rule.name,
            rule.default_severity.as_str(),
            rule.fix_kind().as_str(),
            rule.summary
        ));
    }
    out
}

/// `stacklint explain CODE`: the rule's heading and its documentation.
pub fn explanation(rule: &Rule) -> String {
    format!(
        "{} {} ({})\n\n{}\n",
        rule.code,
        rule.name,
        rule.default_severity.as_str(),
        doc_text(rule)
    )
}

/// One Markdown table row per rule: code, name, default severity, fix kind, summary.
pub fn table() -> String {
    let mut out = String::from("| code | name | default | fix | what |\n|---|---|---|---|---|\n");
    for rule in all() {
        out.push_str(&format!(
            "| [{code}](docs/rules.md#{anchor}) | `{name}` | {severity} | {fix} | {summary} |\n",
            code = rule.code,
            anchor = rule.code.to_ascii_lowercase(),
            name = rule.name,
            severity = rule.default_severity.as_str(),
            fix = rule.fix_kind().as_str(),
            summary = rule.summary.replace('|', "\\|"),
        ));
    }
    out
}

/// The full reference page, one section per rule with a stable `#<code>` anchor.
pub fn reference() -> String {
    let mut out = String::from(
        "# stacklint rules\n\n\
         Generated from the rules' source by `stacklint rules --format markdown`; \
         `stacklint explain CODE` prints the same text.\n\n",
    );
    for rule in all() {
        out.push_str(&format!(
            "<a id=\"{anchor}\"></a>\n## {code} `{name}`\n\nDefault severity: **{severity}**; fix: **{fix}**. {summary}.\n\n{doc}\n\n",
            anchor = rule.code.to_ascii_lowercase(),
            code = rule.code,
            name = rule.name,
            severity = rule.default_severity.as_str(),
            fix = rule.fix_kind().as_str(),
            summary = capitalized(rule.summary),
            doc = doc_text(rule),
        ));
    }
    out
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
