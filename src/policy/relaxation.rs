//! C003: does a change's `.stacklint.toml` check less than its base's? The change is judged by
//! the base's policy; the relaxation is shown to the reviewer, and applies after merge.

use crate::diagnostic::Finding;
use crate::domain::layout::CONFIG_FILE_NAME;
use crate::model::change::Change;
use crate::model::Repo;
use crate::policy::selection::Selection;
use crate::rules::config::POLICY_RELAXED;
use crate::rules::{self, Rule};

/// How many rules a message names before "and N more".
const NAMED: usize = 8;

/// The C003 finding when `head` switches off or lowers rules that `base` checks; placed on the
/// first line of head's `.stacklint.toml` that the change touched.
pub fn check(
    base: &Selection,
    head: &Selection,
    head_repo: &Repo,
    change: &Change,
    applies_after_merge: bool,
) -> Option<Finding> {
    let mut off = Vec::new();
    let mut lowered = Vec::new();
    for rule in rules::all() {
        match (base.effective_severity(rule), head.effective_severity(rule)) {
            (Some(_), None) => off.push(rule),
            (Some(before), Some(now)) if now < before => lowered.push((rule, now)),
            _ => {}
        }
    }
    if off.is_empty() && lowered.is_empty() {
        return None;
    }
    let file = head_repo.file(CONFIG_FILE_NAME)?;
    let line = (1..=file.lines.line_count())
        .find(|&line| change.touches(CONFIG_FILE_NAME, line, line))
        .unwrap_or(1);
    let mut parts = Vec::new();
    if !off.is_empty() {
        parts.push(format!("switches off {}", named(&off)));
    }
    if !lowered.is_empty() {
        let lowered: Vec<String> = lowered
            .iter()
            .map(|(rule, severity)| format!("{} to {}", rule.code, severity.as_str()))
            .collect();
        parts.push(format!("lowers {}", lowered.join(", ")));
    }
    let when = if applies_after_merge {
        "this change is checked with the base's policy; the new one applies after merge"
    } else {
        "this change is checked with the new policy"
    };
    Some(
        Finding::new(
            &POLICY_RELAXED,
            CONFIG_FILE_NAME,
            file.line(line),
            format!(
                "`{CONFIG_FILE_NAME}` now checks less: it {}; {when}",
                parts.join(" and ")
            ),
        )
        .help("make sure the relaxation is meant; a reviewer approves the policy with the change"),
    )
}

/// The rules, a whole family as "the L rules", others by code.
fn named(rules: &[&'static Rule]) -> String {
    let all = rules::all();
    let mut parts: Vec<String> = Vec::new();
    let mut families: Vec<&str> = rules.iter().map(|rule| &rule.code[..1]).collect();
    families.dedup();
    for family in families {
        let off: Vec<&str> = rules
            .iter()
            .filter(|rule| rule.code.starts_with(family))
            .map(|rule| rule.code)
            .collect();
        let whole = all
            .iter()
            .filter(|rule| rule.code.starts_with(family))
            .count();
        if off.len() == whole && whole > 1 {
            parts.push(format!("the {family} rules"));
        } else {
            parts.extend(off.iter().map(|code| code.to_string()));
        }
    }
    let shown: Vec<&str> = parts.iter().take(NAMED).map(String::as_str).collect();
    match parts.len().saturating_sub(NAMED) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
