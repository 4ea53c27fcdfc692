//! L001 and L003: the parent the tag implies or the Dockerfile names is declared in the
//! repository.

use crate::diagnostic::Finding;
use crate::domain::image_ref::ImageRef;
use crate::domain::os_release::OsRelease;
use crate::domain::stack_tag::ImpliedParent;
use crate::domain::tag;
use crate::rule;
use crate::rules::layers::NodeCheck;
use crate::text::suggest::{self, Budget};
use crate::text::Span;

rule! {
    /// An AI stack tag implies the layer below it: a framework tag `2.2.0-cann8.0.RC1-oe2203sp4`
    /// is built on `openeuler/cann:8.0.RC1-oe2203sp4`, an LLM tag
    /// `x-pytorch2.2.0-cann8.0.RC1-oe2203sp4` on `openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4`
    /// (the name-prefixed spellings `cann8.0.RC1-…` and `pytorch2.2.0-…` count too). That image
    /// lives in this repository, but no `meta.yml` declares the tag, so the image cannot be
    /// built as described. The help lists the closest declared tags.
    ///
    /// Reported only when the Dockerfile does not name an in-repo parent itself; otherwise
    /// L002, L003 or L004 describe the problem at the `FROM`.
    ///
    /// Fix: none: the missing layer has to be added, or the tag changed, and which is the
    /// author's call.
    pub static PARENT_LAYER_MISSING = ("L001", "parent-layer-missing", Error, "the layer an AI stack tag implies is declared by no meta.yml");
}

rule! {
    /// `FROM openeuler/<name>:<tag>` where `<name>` is an image of this repository, but no
    /// `meta.yml` declares `<tag>` (it was renamed or withdrawn), or `<name>` no longer has an
    /// image root (it was deleted). The build pulls a stale image that is never rebuilt, or
    /// fails. The help lists the closest declared tags.
    ///
    /// Fix: unsafe, when one declared tag of the image is clearly the closest and names the
    /// same OS release as the image built on it: the `FROM` (or the `ARG` default feeding it)
    /// names that tag. None for a deleted image or several candidates.
    pub static DANGLING_FROM = ("L003", "dangling-from", Error, "a FROM names an in-repo image tag that no meta.yml declares");
}

pub(super) fn missing_layer(
    ctx: &NodeCheck,
    implied: Option<&ImpliedParent>,
    out: &mut Vec<Finding>,
) {
    let Some(implied) = implied else {
        return;
    };
    let index = &ctx.context.index;
    let Some(info) = index.name(&implied.image).filter(|i| !i.roots.is_empty()) else {
        return;
    };
    if ctx.declared_implied(implied).is_some() {
        return;
    }
    let Some(preferred) = implied.tags.first() else {
        return;
    };
    let closest = nearest(ctx, preferred, info.tags.keys().map(String::as_str), 3);
    let mut finding = Finding::new(
        &PARENT_LAYER_MISSING,
        ctx.manifest_path,
        ctx.tag_span,
        format!(
            "`{}` implies the parent layer `{}`, which no meta.yml declares",
            ctx.child,
            ctx.published(&implied.image, preferred)
        ),
    )
    .maybe_help(
        closest_help(ctx, &implied.image, &closest)
            .map(|h| format!("add that layer, or fix the tag; {h}")),
    );
    if let (Some(path), Some(origin)) = (&ctx.node.dockerfile, ctx.node.parent.origin()) {
        finding = finding.related(path, origin, "the Dockerfile's parent");
    }
    out.push(finding);
}

pub(super) fn dangling(
    ctx: &NodeCheck,
    reference: &ImageRef,
    name: &str,
    tag: &str,
    origin: Span,
) -> Finding {
    let index = &ctx.context.index;
    let info = index.name(name);
    let roots: Vec<&str> = info
        .map(|i| {
            i.roots
                .iter()
                .filter_map(|&m| ctx.context.repo.manifests.get(m))
                .map(|m| m.root.as_str())
                .collect()
        })
        .unwrap_or_default();
    if roots.is_empty() {
        let mut finding = ctx
            .at_from(
                &DANGLING_FROM,
                origin,
                format!("`{reference}` names image `{name}`, which no longer has an image root in this repository; it is never rebuilt"),
            )
            .help(format!("build on an image that is still published, or restore `{name}`"));
        if let Some(&(l, e)) = info.and_then(|i| i.listed.first()) {
            let list = &ctx.context.repo.lists[l];
            finding = finding.related(
                &list.path,
                list.entries[e].folder_span,
                format!("`{name}` is still listed here"),
            );
        }
        return finding;
    }
    let tags = || {
        info.into_iter()
            .flat_map(|i| i.tags.keys().map(String::as_str))
    };
    let closest = nearest(ctx, tag, tags(), 3);
    // A replacement on another release would trade this finding for an OS drift.
    let release = tag::split(&ctx.node.tag).map(|parts| parts.os);
    let same_release = tags()
        .filter(|candidate| release.is_none() || tag::split(candidate).map(|p| p.os) == release);
    let fix = suggest::clear_nearest(tag, same_release, &ctx.context.suggestions)
        .and_then(|clear| ctx.retag(reference, origin, clear));
    let finding = ctx
        .at_from(
            &DANGLING_FROM,
            origin,
            format!("`{reference}` is declared by no meta.yml: image `{name}` (`{}`) has no tag `{tag}`", roots.join("`, `")),
        )
        .maybe_help(closest_help(ctx, name, &closest))
        .maybe_fix(fix);
    match info
        .and_then(|i| i.roots.first())
        .and_then(|&m| ctx.context.repo.manifests.get(m))
    {
        Some(manifest) => finding.related(
            &manifest.path,
            manifest.file.first_line(),
            format!("the tags of `{name}` are declared here"),
        ),
        None => finding,
    }
}

pub(super) fn dangling_base(ctx: &NodeCheck, reference: &ImageRef, origin: Span) -> Finding {
    let tables = &ctx.context.config.images;
    let tag = reference.tag.as_deref().unwrap_or("latest");
    let dirs: Vec<String> = ctx
        .context
        .config
        .releases
        .iter()
        .map(OsRelease::dir_name)
        .collect();
    let closest = nearest(ctx, tag, dirs.iter().map(String::as_str), 3);
    let aliases: Vec<&str> = tables
        .floating_aliases
        .iter()
        .map(|(a, _)| a.as_str())
        .collect();
    ctx.at_from(
        &DANGLING_FROM,
        origin,
        format!(
            "`{reference}`: `{tag}` is neither an openEuler release folder name (`24.03-lts-sp4`) nor a floating alias ({})",
            aliases.join(", ")
        ),
    )
    .maybe_help(closest_help(ctx, &tables.os_base_image, &closest))
}

fn closest_help(ctx: &NodeCheck, name: &str, closest: &[&str]) -> Option<String> {
    if closest.is_empty() {
        return None;
    }
    let listed: Vec<String> = closest
        .iter()
        .map(|t| format!("`{}`", ctx.published(name, t)))
        .collect();
    Some(format!("closest declared: {}", listed.join(", ")))
}

/// The `limit` candidates closest to `target`, however far (a help line always has some, until
/// the check's suggestion budget is spent).
fn nearest<'c>(
    ctx: &NodeCheck,
    target: &str,
    candidates: impl Iterator<Item = &'c str>,
    limit: usize,
) -> Vec<&'c str> {
    closest(target, candidates, limit, &ctx.context.suggestions)
}

fn closest<'c>(
    target: &str,
    candidates: impl Iterator<Item = &'c str>,
    limit: usize,
    budget: &Budget,
) -> Vec<&'c str> {
    suggest::nearest_budgeted(target, candidates, limit, usize::MAX, budget)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_prefers_small_edits() {
        let tags = [
            "7.0.RC1.alpha002-oe2203sp2",
            "8.0.RC1-oe2203sp4",
            "8.1.RC1-python3.11-oe2203lts",
        ];
        assert_eq!(
            closest(
                "cann7.0.RC1.alpha002-oe2203sp2",
                tags.into_iter(),
                1,
                &Budget::new(u64::MAX)
            ),
            ["7.0.RC1.alpha002-oe2203sp2"]
        );
    }
}
