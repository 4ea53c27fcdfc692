//! Which rules report and at what severity: `select`, `ignore` and `[severity]` from
//! `.stacklint.toml`, where `--select`/`--ignore` (CLI) or the `select`/`ignore` options (WASM)
//! replace the file's lists.

use std::collections::HashSet;
use std::fmt;

use crate::diagnostic::{Finding, Severity};
use crate::rules::{self, config::INVALID_CONFIG, Rule};
use crate::text::suggest;

/// One item of a `select` or `ignore` list: a whole rule (by code or name) or a code prefix
/// (`P`, `P00`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulePattern {
    Rule(&'static Rule),
    /// Upper-case, and the prefix of at least one rule's code.
    Prefix(String),
}

impl RulePattern {
    /// Reads a code (`P001`), a name (`dockerfile-missing`) or a code prefix (`P`), ignoring case.
    pub fn parse(text: &str) -> Result<RulePattern, UnknownRule> {
        let text = text.trim();
        if let Some(rule) = rules::find(text) {
            return Ok(RulePattern::Rule(rule));
        }
        let upper = text.to_ascii_uppercase();
        if !upper.is_empty() && rules::each().any(|r| r.code.starts_with(&upper)) {
            return Ok(RulePattern::Prefix(upper));
        }
        Err(UnknownRule::new(text))
    }

    /// What tells two patterns apart: the code, or the prefix.
    fn key(&self) -> &str {
        match self {
            RulePattern::Rule(rule) => rule.code,
            RulePattern::Prefix(prefix) => prefix,
        }
    }

    fn matches(&self, rule: &Rule) -> bool {
        match self {
            RulePattern::Rule(one) => one.code == rule.code,
            RulePattern::Prefix(prefix) => rule.code.starts_with(prefix.as_str()),
        }
    }

    /// A whole rule is more specific than any prefix, a longer prefix more than a shorter one.
    fn specificity(&self) -> usize {
        match self {
            RulePattern::Rule(rule) => rule.code.len() + 1,
            RulePattern::Prefix(prefix) => prefix.len(),
        }
    }
}

/// A code or name that names no rule, with the nearest code or name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRule {
    pub text: String,
    pub suggestions: Vec<&'static str>,
}

impl UnknownRule {
    pub fn new(text: &str) -> UnknownRule {
        let all = rules::all();
        let candidates = all.iter().flat_map(|rule| [rule.code, rule.name]);
        UnknownRule {
            text: text.to_string(),
            suggestions: suggest::nearest(text, candidates, 1),
        }
    }

    /// "did you mean `P001`?", or where to find the rules.
    pub fn help(&self) -> String {
        match self.suggestions.first() {
            None => "`stacklint rules` lists every rule code and name".to_string(),
            Some(best) => format!("did you mean `{best}`?"),
        }
    }
}

impl fmt::Display for UnknownRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no rule `{}`; {}", self.text, self.help())
    }
}

/// Each pattern once, in the order first given: every finding is matched against the lists,
/// which may repeat a code thousands of times.
pub fn dedup(patterns: Vec<RulePattern>) -> Vec<RulePattern> {
    let mut seen = HashSet::new();
    patterns
        .into_iter()
        .filter(|pattern| seen.insert(pattern.key().to_string()))
        .collect()
}

/// Parses a list from the command line or the WASM options: items may hold several
/// comma-separated patterns (`--ignore P003,T005`). May be empty: `ignore = []` ignores nothing.
pub fn parse_list<S: AsRef<str>>(items: &[S]) -> Result<Vec<RulePattern>, String> {
    let mut patterns = Vec::new();
    for item in items {
        for part in item.as_ref().split(',').map(str::trim) {
            if !part.is_empty() {
                patterns.push(RulePattern::parse(part).map_err(|error| error.to_string())?);
            }
        }
    }
    Ok(dedup(patterns))
}

/// Like [`parse_list`], for `select`: an empty list would check nothing, so it is refused
/// rather than passing silently.
pub fn parse_select<S: AsRef<str>>(items: &[S]) -> Result<Vec<RulePattern>, String> {
    let patterns = parse_list(items)?;
    if patterns.is_empty() {
        return Err("the list names no rule, so nothing would be checked; give codes such as `P003` or families such as `Y`".into());
    }
    Ok(patterns)
}

/// The rules that report and their severities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Only these rules report; `None` is every rule.
    pub select: Option<Vec<RulePattern>>,
    pub ignore: Vec<RulePattern>,
    /// Per-rule severity; `None` switches the rule off.
    pub severity: Vec<(&'static Rule, Option<Severity>)>,
}

impl Selection {
    /// Replaces the file's `select` and `ignore` with the ones given on the command line.
    pub fn overridden(
        mut self,
        select: Option<&[RulePattern]>,
        ignore: Option<&[RulePattern]>,
    ) -> Selection {
        if let Some(select) = select {
            self.select = Some(select.to_vec());
        }
        if let Some(ignore) = ignore {
            self.ignore = ignore.to_vec();
        }
        self
    }

    /// What `[severity]` sets for the rule: `Some(None)` is `off`, `None` nothing.
    pub fn configured_severity(&self, rule: &Rule) -> Option<Option<Severity>> {
        self.severity
            .iter()
            .rev()
            .find(|(configured, _)| configured.code == rule.code)
            .map(|(_, severity)| *severity)
    }

    /// Whether the rule reports at all. When `select` and `ignore` both match, the more
    /// specific pattern wins (`select = ["P001"]` with `ignore = ["P"]` keeps P001); on a tie,
    /// `ignore` wins.
    pub fn enabled(&self, rule: &Rule) -> bool {
        if self.configured_severity(rule) == Some(None) {
            return false;
        }
        let best = |patterns: &[RulePattern]| {
            patterns
                .iter()
                .filter(|p| p.matches(rule))
                .map(RulePattern::specificity)
                .max()
        };
        let selected = match &self.select {
            None => Some(0),
            // A mistake in the configuration is reported whatever is selected.
            Some(_) if rule.code == INVALID_CONFIG.code => Some(0),
            Some(select) => best(select),
        };
        match (selected, best(&self.ignore)) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(selected), Some(ignored)) => selected > ignored,
        }
    }

    /// The severity the rule reports at, or `None` when it is off.
    pub fn effective_severity(&self, rule: &Rule) -> Option<Severity> {
        if !self.enabled(rule) {
            return None;
        }
        match self.configured_severity(rule) {
            Some(configured) => configured,
            None => Some(rule.default_severity),
        }
    }

    /// Drops the findings of rules that are off and applies configured severities.
    pub fn apply(&self, findings: &mut Vec<Finding>) {
        findings.retain(|finding| self.enabled(finding.rule));
        for finding in findings.iter_mut() {
            if let Some(Some(severity)) = self.configured_severity(finding.rule) {
                finding.severity = severity;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn patterns(items: &[&str]) -> Vec<RulePattern> {
        parse_list(items).expect("valid patterns")
    }

    fn rule(code: &str) -> &'static Rule {
        rules::find(code).expect("rule exists")
    }

    #[test]
    fn patterns_are_codes_names_or_prefixes_in_any_case() {
        assert_eq!(
            RulePattern::parse("p001"),
            Ok(RulePattern::Rule(rule("P001")))
        );
        assert_eq!(
            RulePattern::parse(" orphan-dockerfile "),
            Ok(RulePattern::Rule(rule("orphan-dockerfile")))
        );
        assert_eq!(RulePattern::parse("y"), Ok(RulePattern::Prefix("Y".into())));
        assert_eq!(
            RulePattern::parse("P00"),
            Ok(RulePattern::Prefix("P00".into()))
        );
        let unknown = RulePattern::parse("P0003").expect_err("no such rule");
        assert_eq!(unknown.suggestions.first(), Some(&"P003"));
        assert_eq!(
            unknown.to_string(),
            format!("no rule `P0003`; {}", unknown.help())
        );
        assert!(RulePattern::parse("Q").is_err());
        assert!(RulePattern::parse("").is_err());
    }

    #[test]
    fn lists_split_on_commas_and_refuse_to_select_nothing() {
        assert_eq!(patterns(&["P003,T005", "Y"]).len(), 3);
        assert_eq!(parse_list(&[" , "]), Ok(Vec::new()));
        assert!(parse_select(&[" , "]).is_err());
        let error = parse_list(&["P003,Y0002"]).expect_err("unknown code");
        assert!(error.contains("did you mean `Y002`"), "{error}");
    }

    #[test]
    fn select_and_ignore_resolve_by_specificity() {
        let everything = Selection::default();
        assert!(everything.enabled(rule("P003")));

        let ignore_p = Selection {
            ignore: patterns(&["P"]),
            ..Selection::default()
        };
        assert!(!ignore_p.enabled(rule("P003")));
        assert!(ignore_p.enabled(rule("Y002")));

        let select = Selection {
            select: Some(patterns(&["Y", "P001"])),
            ignore: patterns(&["P", "Y002"]),
            ..Selection::default()
        };
        assert!(select.enabled(rule("P001")), "a code beats its family");
        assert!(!select.enabled(rule("P003")));
        assert!(select.enabled(rule("Y001")));
        assert!(!select.enabled(rule("Y002")));
        assert!(!select.enabled(rule("T005")));
        assert!(select.enabled(&INVALID_CONFIG), "C001 is never unselected");

        let tie = Selection {
            select: Some(patterns(&["P"])),
            ignore: patterns(&["P"]),
            ..Selection::default()
        };
        assert!(!tie.enabled(rule("P001")), "ignore wins a tie");
    }

    #[test]
    fn overrides_replace_the_file_lists_and_severities_apply() {
        let file = Selection {
            select: Some(patterns(&["Y"])),
            ignore: patterns(&["Y002"]),
            severity: vec![(rule("P004"), Some(Severity::Error)), (rule("T005"), None)],
        };
        let cli = file.clone().overridden(None, Some(&patterns(&["Y001"])));
        assert!(cli.enabled(rule("Y002")));
        assert!(!cli.enabled(rule("Y001")));
        assert!(!cli.enabled(rule("P004")), "the file's select still holds");
        let cli = cli.overridden(Some(&patterns(&["P", "T"])), None);
        assert!(cli.enabled(rule("P004")));
        assert!(
            !cli.enabled(rule("T005")),
            "severity off switches a rule off"
        );

        let mut findings = vec![Finding::new(
            rule("P004"),
            "a",
            crate::text::Span::file_start(),
            "m",
        )];
        cli.apply(&mut findings);
        assert_eq!(findings[0].severity, Severity::Error);
    }
}
