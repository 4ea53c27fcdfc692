//! Rule metadata and the registry. Each family module declares its rules with [`rule!`]
//! (the doc comment becomes `stacklint explain CODE`) and exports `RULES` and `check`.

use crate::diagnostic::Finding;
pub use crate::diagnostic::Rule;
use crate::model::context::Context;

pub mod arch;
pub mod config;
pub mod files;
pub mod history;
pub mod image_list;
pub mod layers;
pub mod paths;
pub mod tags;
pub mod yaml;

/// A family of rules: its rules and the function that runs them over a repository.
pub struct Family {
    pub rules: &'static [&'static Rule],
    pub check: fn(&Context, &mut Vec<Finding>),
}

/// Every family. The order does not matter: each reads the loaded repository and the
/// context built from it, and the report sorts what they find.
pub const FAMILIES: &[Family] = &[
    Family {
        rules: yaml::RULES,
        check: yaml::check,
    },
    Family {
        rules: paths::RULES,
        check: paths::check,
    },
    Family {
        rules: arch::RULES,
        check: arch::check,
    },
    Family {
        rules: tags::RULES,
        check: tags::check,
    },
    Family {
        rules: image_list::RULES,
        check: image_list::check,
    },
    Family {
        rules: layers::RULES,
        check: layers::check,
    },
    Family {
        rules: config::RULES,
        check: config::check,
    },
    Family {
        rules: history::RULES,
        check: history::check,
    },
    Family {
        rules: files::RULES,
        check: files::check,
    },
];

/// Every rule, sorted by code.
pub fn all() -> Vec<&'static Rule> {
    let mut rules: Vec<&'static Rule> = FAMILIES
        .iter()
        .flat_map(|f| f.rules.iter().copied())
        .collect();
    crate::sort::sort_by_key(&mut rules, |rule| rule.code);
    rules
}

/// Every rule, in family order: for lookups, which need no sorted copy.
pub fn each() -> impl Iterator<Item = &'static Rule> {
    FAMILIES.iter().flat_map(|f| f.rules.iter().copied())
}

/// Looks a rule up by code (`P001`) or name (`dockerfile-missing`), ignoring case.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    each().find(|rule| {
        rule.code.eq_ignore_ascii_case(code_or_name) || rule.name.eq_ignore_ascii_case(code_or_name)
    })
}

/// The rule's documentation with the one space rustdoc keeps after `///` removed.
pub fn doc_text(rule: &Rule) -> String {
    rule.doc
        .lines()
        .map(|line| line.strip_prefix(' ').unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique_and_documented() {
        let rules = all();
        for pair in rules.windows(2) {
            assert_ne!(pair[0].code, pair[1].code);
        }
        let mut names: Vec<_> = rules.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), rules.len());
        for rule in rules {
            assert!(!doc_text(rule).is_empty(), "{} has no doc", rule.code);
            assert!(!rule.summary.is_empty(), "{} has no summary", rule.code);
        }
    }

    #[test]
    fn every_rule_states_its_fix_kind_once_and_says_why_there_is_none() {
        for rule in all() {
            let doc = doc_text(rule);
            let lines: Vec<&str> = doc
                .lines()
                .filter_map(|line| line.strip_prefix("Fix: "))
                .collect();
            assert_eq!(lines.len(), 1, "{}: one `Fix:` line", rule.code);
            let kind = rule.fix_kind().as_str();
            let rest = lines[0].strip_prefix(kind).unwrap_or_default();
            assert!(
                rest.starts_with([':', ',', ' ']) && rest.len() > 3,
                "{}: `Fix: {kind}` then why: {}",
                rule.code,
                lines[0]
            );
        }
        assert_eq!(
            find("A001").map(Rule::fix_kind),
            Some(crate::diagnostic::FixKind::Safe)
        );
        assert_eq!(
            find("T002").map(Rule::fix_kind),
            Some(crate::diagnostic::FixKind::Unsafe)
        );
        assert_eq!(
            find("Y002").map(Rule::fix_kind),
            Some(crate::diagnostic::FixKind::None)
        );
    }
}
