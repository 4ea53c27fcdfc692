//! L005: the parent is built for every architecture the image is.

use crate::diagnostic::{Edit, Finding, Fix};
use crate::model::parents::Parent;
use crate::rule;
use crate::rules::layers::NodeCheck;
use crate::syntax::yaml_edit;

rule! {
    /// The image is built for architectures its in-repo parent is not built for (no `arch`
    /// means both `x86_64` and `aarch64`). The build for the missing architectures fails or
    /// silently pulls an old parent.
    ///
    /// Fix: unsafe, when the parent shares some of the architectures: `arch` lists those
    /// (added when missing), so the image stops being built for the others. None when they
    /// share none.
    pub static ARCH_UNSUPPORTED_BY_PARENT = ("L005", "arch-unsupported-by-parent", Error, "the image is built for an architecture its parent is not");
}

pub(super) fn arch(ctx: &NodeCheck, out: &mut Vec<Finding>) {
    let Parent::InRepo {
        targets,
        reference,
        origin,
        ..
    } = &ctx.node.parent
    else {
        return;
    };
    let (Some(&target), Some(entry)) = (targets.first(), ctx.context.entry(ctx.node.id)) else {
        return;
    };
    let (Some(parent_entry), Some(parent_manifest)) =
        (ctx.context.entry(target), ctx.context.manifest(target))
    else {
        return;
    };
    let (Some(child), Some(parent)) = (entry.architectures(), parent_entry.architectures()) else {
        return;
    };
    let missing: Vec<&str> = child
        .iter()
        .copied()
        .filter(|a| !parent.contains(a))
        .collect();
    if missing.is_empty() {
        return;
    }
    let span = entry.arch().map_or(entry.tag_span(), |n| n.span);
    let supported: Vec<&str> = child
        .iter()
        .copied()
        .filter(|a| parent.contains(a))
        .collect();
    let help = if supported.is_empty() {
        format!("build the parent for {} too", missing.join(", "))
    } else {
        format!(
            "add `arch: {}` to this entry, or build the parent for {} too",
            supported.join(","),
            missing.join(", ")
        )
    };
    let fix = ctx
        .context
        .manifest(ctx.node.id)
        .filter(|_| !supported.is_empty())
        .and_then(|manifest| {
            let arch = supported.join(",");
            let (span, replacement) =
                yaml_edit::set_value(&manifest.file.text, &entry.value, "arch", &arch)?;
            Some(Fix::guess(
                format!("write `arch: {arch}`"),
                vec![Edit::new(&manifest.path, span, replacement)],
            ))
        });
    let dockerfile = ctx.node.dockerfile.clone().unwrap_or_default();
    out.push(
        Finding::new(
            &ARCH_UNSUPPORTED_BY_PARENT,
            ctx.manifest_path,
            span,
            format!(
                "`{}` is built for {}, but its parent `{reference}` only for {}",
                ctx.child,
                child.join(", "),
                parent.join(", ")
            ),
        )
        .help(help)
        .related(
            &parent_manifest.path,
            parent_entry
                .arch()
                .map_or(parent_entry.tag_span(), |n| n.span),
            "the parent's architectures",
        )
        .related(dockerfile, *origin, "the parent is named here")
        .maybe_fix(fix),
    );
}
