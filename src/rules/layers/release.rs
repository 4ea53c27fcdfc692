//! L004 and L006: the parent runs the OS release the tag names, and is pinned to it.

use crate::diagnostic::Finding;
use crate::domain::os_release::OsRelease;
use crate::domain::tag;
use crate::model::parents::Parent;
use crate::rule;
use crate::rules::layers::NodeCheck;
use crate::source::repo_path::{file_name, parent_dir};

rule! {
    /// The tag names one openEuler release (`-oe2403sp4`) but the parent is built on another:
    /// its tag suffix, or `openeuler/openeuler:<release>`, says so. Floating base tags are
    /// resolved through one alias table: `22.03` is 22.03 LTS SP4, `24.03` and `latest` are
    /// 24.03 LTS SP4.
    ///
    /// Fix: unsafe, when the parent for the tag's release is known: the OS base image of that
    /// release, or the parent's sibling tag for it when this repository declares one. None
    /// otherwise.
    pub static OS_DRIFT = ("L004", "os-drift", Error, "the tag's OS release differs from the parent's");
}

rule! {
    /// The parent is a moving tag (`latest`, `22.03`, `24.03`, or no tag): rebuilding the same
    /// Dockerfile later gives a different image. Pin the release (`22.03-lts-sp4`) or a digest.
    ///
    /// Fix: unsafe, for the OS base image: pinned to the release the image's tag names (or,
    /// without one, to what the moving tag means today). None for other parents.
    pub static FLOATING_BASE = ("L006", "floating-base", Warning, "the parent is a moving tag");
}

pub(super) fn floating(ctx: &NodeCheck, out: &mut Vec<Finding>) {
    let tables = &ctx.context.config.images;
    let (Some(reference), Some(origin)) = (ctx.node.parent.reference(), ctx.node.parent.origin())
    else {
        return;
    };
    if !reference.is_floating(tables) {
        return;
    }
    let tag = reference.tag.as_deref().unwrap_or("latest");
    let now = tables
        .floating(tag)
        .filter(|_| matches!(ctx.node.parent, Parent::OsBase { .. }));
    let message = match now {
        Some(dir) => format!("the parent `{reference}` is a moving tag (today {dir}); rebuilding later gives another image"),
        None => format!("the parent `{reference}` is a moving tag; rebuilding later gives another image"),
    };
    let pin = match (&ctx.node.parent, tag::split(&ctx.node.tag)) {
        (Parent::OsBase { .. }, Some(parts)) => Some(parts.os.dir_name()),
        (Parent::OsBase { .. }, None) => now.map(str::to_string),
        _ => None,
    };
    let fix = pin.and_then(|release| ctx.retag(reference, origin, &release));
    let help = match (&ctx.node.parent, tag::split(&ctx.node.tag)) {
        (Parent::OsBase { .. }, Some(parts)) => format!(
            "pin the release this image is tagged for: `{}/{}:{}`",
            tables.namespace,
            tables.os_base_image,
            parts.os.dir_name()
        ),
        (Parent::OsBase { .. }, None) => format!(
            "pin a release, e.g. `{}/{}:{}`",
            tables.namespace,
            tables.os_base_image,
            now.unwrap_or("24.03-lts-sp4")
        ),
        _ => "pin a fixed tag or a digest".to_string(),
    };
    out.push(
        ctx.at_from(&FLOATING_BASE, origin, message)
            .help(help)
            .maybe_fix(fix),
    );
}

/// The release the parent is built on; `exact` is false when only `YY.MM` is known
/// (third-party tags such as `…-openeuler22.03-py3.10`).
fn parent_release(ctx: &NodeCheck) -> Option<(OsRelease, bool)> {
    match &ctx.node.parent {
        Parent::OsBase { release, .. } => release.map(|r| (r, true)),
        Parent::InRepo { tag, .. } => tag::split(tag).map(|p| (p.os, true)),
        Parent::External { reference, .. } => {
            let tag = reference.tag.as_deref()?;
            if let Some(parts) = tag::split(tag) {
                return Some((parts.os, true));
            }
            let lower = tag.to_ascii_lowercase();
            let at = lower.find("openeuler")? + "openeuler".len();
            let rest = lower.get(at..)?;
            let rest = rest.strip_prefix('-').unwrap_or(rest);
            let release = OsRelease::parse_dir(rest.get(..5)?)?;
            Some((release, false))
        }
        _ => None,
    }
}

pub(super) fn os_drift(ctx: &NodeCheck, out: &mut Vec<Finding>) {
    // A release the table does not know is T003's finding; comparing it would only echo it.
    let Some(child) =
        tag::split(&ctx.node.tag).filter(|c| ctx.context.config.releases.contains(&c.os))
    else {
        return;
    };
    let (Some((parent, exact)), Some(reference), Some(origin)) = (
        parent_release(ctx),
        ctx.node.parent.reference(),
        ctx.node.parent.origin(),
    ) else {
        return;
    };
    if folder_agrees_with_parent(ctx, child.os, parent) {
        // The tag disagrees with its own release folder, which the parent matches: the tag
        // is what is wrong, and the tag rules report it against the path.
        return;
    }
    let same = if exact {
        parent == child.os
    } else {
        (parent.year, parent.month) == (child.os.year, child.os.month)
    };
    if same {
        return;
    }
    let parent_name = if exact {
        parent.to_string()
    } else {
        format!("openEuler {:02}.{:02}", parent.year, parent.month)
    };
    let tables = &ctx.context.config.images;
    let mut fix = None;
    let help = match &ctx.node.parent {
        Parent::OsBase { .. } => {
            fix = ctx.retag(reference, origin, &child.os.dir_name());
            format!(
                "build on `{}/{}:{}`",
                tables.namespace,
                tables.os_base_image,
                child.os.dir_name()
            )
        }
        Parent::InRepo { name, tag, .. } => {
            let sibling = tag::split(tag).map(|p| {
                format!(
                    "{}-oe{}{}",
                    p.head,
                    child.os.suffix(),
                    if p.dev { "-dev" } else { "" }
                )
            });
            match sibling {
                Some(sibling) if !&ctx.context.index.declared(name, &sibling).is_empty() => {
                    fix = ctx.retag(reference, origin, &sibling);
                    format!("build on `{}`", ctx.published(name, &sibling))
                }
                Some(sibling) => format!(
                    "`{}` is not declared in this repository: add that layer first, or tag this image for {parent_name}",
                    ctx.published(name, &sibling)
                ),
                None => format!("build on a parent for {}", child.os),
            }
        }
        _ => format!(
            "build on a parent image for {}, or tag this image for the parent's release",
            child.os
        ),
    };
    out.push(
        ctx.at_from(
            &OS_DRIFT,
            origin,
            format!(
                "`{}` is tagged for {} (`oe{}`), but its parent `{reference}` is built on {parent_name}",
                ctx.child,
                child.os,
                child.os.suffix()
            ),
        )
        .help(help)
        .maybe_fix(fix),
    );
}

fn folder_agrees_with_parent(ctx: &NodeCheck, tagged: OsRelease, parent: OsRelease) -> bool {
    let folder = ctx
        .node
        .dockerfile
        .as_deref()
        .map(parent_dir)
        .map(file_name)
        .and_then(OsRelease::parse_dir);
    folder.is_some_and(|folder| folder != tagged && folder == parent)
}
