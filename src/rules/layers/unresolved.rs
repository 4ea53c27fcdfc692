//! L008: the parent cannot be known, so nothing about it can be checked.

use crate::diagnostic::Finding;
use crate::domain::stack_tag::ImpliedParent;
use crate::rule;
use crate::rules::layers::NodeCheck;
use crate::text::Span;

rule! {
    /// The `FROM` uses an `ARG` that has no default (or is not declared before the first
    /// `FROM`). The publisher passes no build-args, so the parent is whatever the empty value
    /// gives; stacklint cannot check it. Give the `ARG` a default.
    ///
    /// Fix: none: the default is the parent, and only the author knows which one.
    pub static UNRESOLVED_FROM = ("L008", "unresolved-from", Info, "a FROM uses an ARG without default; the parent cannot be checked");
}

pub(super) fn unresolved(
    ctx: &NodeCheck,
    arg: &str,
    from: Span,
    declared: Option<Span>,
    implied: Option<&ImpliedParent>,
) -> Finding {
    let example = implied
        .and_then(|i| i.tags.first().map(|t| ctx.published(&i.image, t)))
        .unwrap_or_else(|| "<image>:<tag>".into());
    let finding = ctx
        .at_from(
            &UNRESOLVED_FROM,
            from,
            format!("the parent depends on ARG `{arg}`, which has no default; the build passes no build-args, so the parent cannot be checked"),
        )
        .help(format!("give it a default: `ARG {arg}={example}`"));
    match declared {
        Some(span) => finding.related(
            ctx.node.dockerfile.clone().unwrap_or_default(),
            span,
            format!("`{arg}` declared here without a default"),
        ),
        None => finding,
    }
}

/// How much of an invalid parent reference a message quotes.
const MAX_QUOTED_CHARS: usize = 120;

/// L008 for a parent that resolves to text that is not an image reference.
pub(super) fn invalid(ctx: &NodeCheck, text: &str, origin: Span) -> Finding {
    let found = match text.char_indices().nth(MAX_QUOTED_CHARS) {
        _ if text.is_empty() => "an empty string".to_string(),
        // An ARG chain can expand to kilobytes; the start is enough to recognise it.
        Some((cut, _)) => format!("`{}…` ({} characters)", &text[..cut], text.chars().count()),
        None => format!("`{text}`"),
    };
    ctx.at_from(
        &UNRESOLVED_FROM,
        origin,
        format!(
            "the parent resolves to {found}, which is not an image reference; it cannot be checked"
        ),
    )
    .help("write the parent as `[registry/]namespace/name:tag`")
}
