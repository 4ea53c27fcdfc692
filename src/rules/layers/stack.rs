//! L002: the parent is the stack layer the tag implies.

use crate::diagnostic::{Finding, Severity};
use crate::domain::stack_tag::{self, ImpliedParent, Match, StackTag};
use crate::model::parents::Parent;
use crate::rule;
use crate::rules::layers::NodeCheck;

rule! {
    /// The Dockerfile builds on another layer than the tag says: another SDK or framework
    /// version, or another image. Users pick images by tag, so the tag must tell the truth.
    /// Third-party parents (`quay.io/ascend/cann:…`) are compared on the components the tag
    /// names. A difference only in letter case (`8.1.rc1` and `8.1.RC1`) is a warning.
    ///
    /// Fix: none: whether the tag or the parent is wrong is the author's call.
    pub static FROM_MISMATCH = ("L002", "from-mismatch", Error, "the Dockerfile's parent is not the layer the tag implies");
}

pub(super) fn mismatch(
    ctx: &NodeCheck,
    _stack: &StackTag,
    implied: &ImpliedParent,
    out: &mut Vec<Finding>,
) {
    let (Some(reference), Some(origin)) = (ctx.node.parent.reference(), ctx.node.parent.origin())
    else {
        return;
    };
    let stack_tables = &ctx.context.config.stack;
    let verdict = match &ctx.node.parent {
        Parent::InRepo { name, tag, .. } => {
            stack_tag::read(name, tag, stack_tables).map_or(Match::No, |parent| {
                implied
                    .carries
                    .iter()
                    .map(|c| parent.carries(name, c))
                    .min()
                    .unwrap_or(Match::No)
            })
        }
        Parent::OsBase { .. } => Match::No,
        Parent::External { reference, .. } => {
            let version = reference
                .tag
                .as_deref()
                .map(|t| t.split('-').next().unwrap_or(t));
            let compared: Vec<Match> = implied
                .carries
                .iter()
                .filter(|c| c.name == reference.name())
                .map(|c| version.map_or(Match::No, |v| external_match(v, &c.version)))
                .collect();
            if compared.is_empty() {
                return;
            }
            compared.into_iter().min().unwrap_or(Match::No)
        }
        _ => return,
    };
    if verdict == Match::Exact {
        return;
    }
    let expected = ctx.declared_implied(implied);
    let shown = ctx.published(
        &implied.image,
        expected
            .or(implied.tags.first().map(String::as_str))
            .unwrap_or_default(),
    );
    let components: Vec<String> = implied
        .carries
        .iter()
        .map(|c| format!("`{}`", c.spelled()))
        .collect();
    let (severity, message) = if verdict == Match::CaseOnly {
        (
            Severity::Warning,
            format!(
                "`{}` names {}, but its parent `{reference}` spells the version in another letter case",
                ctx.child,
                components.join(" and ")
            ),
        )
    } else {
        (
            Severity::Error,
            format!(
                "`{}` names {} and so implies the parent `{shown}`, but the Dockerfile builds on `{reference}`",
                ctx.child,
                components.join(" and ")
            ),
        )
    };
    let help = match expected {
        _ if verdict == Match::CaseOnly => {
            "spell the versions in the tag exactly as the parent does; users and tools compare them literally".to_string()
        }
        Some(_) => format!("build on `{shown}`, or change the tag to describe the parent actually used"),
        None if matches!(ctx.node.parent, Parent::External { .. }) => "change the tag to the component versions of the parent actually used".to_string(),
        None => format!("`{shown}` is not declared in this repository: change the tag to describe the parent actually used, or add that layer first"),
    };
    out.push(
        ctx.at_from(&FROM_MISMATCH, origin, message)
            .severity(severity)
            .help(help),
    );
}

/// Third-party tags carry more detail than ours (`12.2.0` for `cuda12.2`): a dotted prefix
/// counts as the same version.
fn external_match(found: &str, expected: &str) -> Match {
    let exact = stack_tag::compare_versions(found, expected);
    if exact != Match::No {
        return exact;
    }
    let (f, e) = (found.to_ascii_lowercase(), expected.to_ascii_lowercase());
    let prefix = f.strip_prefix(&e).is_some_and(|r| r.starts_with('.'))
        || e.strip_prefix(&f).is_some_and(|r| r.starts_with('.'));
    match (
        prefix,
        found.starts_with(expected) || expected.starts_with(found),
    ) {
        (true, true) => Match::Exact,
        (true, false) => Match::CaseOnly,
        _ => Match::No,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn third_party_versions_match_on_dotted_prefixes() {
        assert_eq!(external_match("12.2.0", "12.2"), Match::Exact);
        assert_eq!(external_match("8.1.rc1", "8.1.RC1"), Match::CaseOnly);
        assert_eq!(external_match("8.0.0", "8.1.rc1"), Match::No);
        assert_eq!(external_match("12.20", "12.2"), Match::No);
    }
}
