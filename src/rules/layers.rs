//! L: parents. Every tag's Dockerfile is built on a parent; for AI stack images the tag also
//! says which layer that must be. These rules check that the parent exists, is the layer the
//! tag implies, runs the same OS release and architectures, and is pinned.

use crate::diagnostic::{Finding, Severity};
use crate::domain::image_ref::ImageRef;
use crate::domain::os_release::OsRelease;
use crate::domain::stack_tag::{self, ImpliedParent, Match, StackTag};
use crate::domain::tag;
use crate::model::parents::{Node, Parent};
use crate::model::Repo;
use crate::rule;
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
    pub static PARENT_LAYER_MISSING = ("L001", "parent-layer-missing", Error, "the layer an AI stack tag implies is declared by no meta.yml");
}

rule! {
    /// The Dockerfile builds on another layer than the tag says: another SDK or framework
    /// version, or another image. Users pick images by tag, so the tag must tell the truth.
    /// Third-party parents (`quay.io/ascend/cann:…`) are compared on the components the tag
    /// names. A difference only in letter case (`8.1.rc1` and `8.1.RC1`) is a warning.
    pub static FROM_MISMATCH = ("L002", "from-mismatch", Error, "the Dockerfile's parent is not the layer the tag implies");
}

rule! {
    /// `FROM openeuler/<name>:<tag>` where `<name>` is an image of this repository, but no
    /// `meta.yml` declares `<tag>` (it was renamed or withdrawn), or `<name>` no longer has an
    /// image root (it was deleted). The build pulls a stale image that is never rebuilt, or
    /// fails. The help lists the closest declared tags.
    pub static DANGLING_FROM = ("L003", "dangling-from", Error, "a FROM names an in-repo image tag that no meta.yml declares");
}

rule! {
    /// The tag names one openEuler release (`-oe2403sp4`) but the parent is built on another:
    /// its tag suffix, or `openeuler/openeuler:<release>`, says so. Floating base tags are
    /// resolved through one alias table: `22.03` is 22.03 LTS SP4, `24.03` and `latest` are
    /// 24.03 LTS SP4.
    pub static OS_DRIFT = ("L004", "os-drift", Error, "the tag's OS release differs from the parent's");
}

rule! {
    /// The image is built for architectures its in-repo parent is not built for (no `arch`
    /// means both `x86_64` and `aarch64`). The build for the missing architecture fails or
    /// silently pulls an old parent.
    pub static ARCH_UNSUPPORTED_BY_PARENT = ("L005", "arch-unsupported-by-parent", Error, "the image is built for an architecture its parent is not");
}

rule! {
    /// The parent is a moving tag (`latest`, `22.03`, `24.03`, or no tag): rebuilding the same
    /// Dockerfile later gives a different image. Pin the release (`22.03-lts-sp4`) or a digest.
    pub static FLOATING_BASE = ("L006", "floating-base", Warning, "the parent is a moving tag");
}

rule! {
    /// Following parents inside this repository leads back to where it started: no image of
    /// the loop can ever be built first.
    pub static LAYER_CYCLE = ("L007", "layer-cycle", Error, "the in-repo parent graph has a cycle");
}

rule! {
    /// The `FROM` uses an `ARG` that has no default (or is not declared before the first
    /// `FROM`). The publisher passes no build-args, so the parent is whatever the empty value
    /// gives; stacklint cannot check it. Give the `ARG` a default.
    pub static UNRESOLVED_FROM = ("L008", "unresolved-from", Info, "a FROM uses an ARG without default; the parent cannot be checked");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &PARENT_LAYER_MISSING,
    &FROM_MISMATCH,
    &DANGLING_FROM,
    &OS_DRIFT,
    &ARCH_UNSUPPORTED_BY_PARENT,
    &FLOATING_BASE,
    &LAYER_CYCLE,
    &UNRESOLVED_FROM,
];

/// Everything one node's checks need.
struct Ctx<'r, 'a> {
    repo: &'r Repo<'a>,
    node: &'r Node,
    /// `cann:8.0.RC1-oe2203sp4`, for messages.
    child: String,
    manifest_path: &'r str,
    tag_span: Span,
}

impl Ctx<'_, '_> {
    /// A finding at the Dockerfile's `FROM`/`ARG`, pointing back at the entry.
    fn at_from(&self, rule: &'static crate::rules::Rule, span: Span, message: String) -> Finding {
        let path = self.node.dockerfile.clone().unwrap_or_default();
        Finding::new(rule, path, span, message).related(
            self.manifest_path,
            self.tag_span,
            format!("`{}` is declared here", self.child),
        )
    }

    fn published(&self, name: &str, tag: &str) -> String {
        format!("{}/{name}:{tag}", self.repo.config.images.namespace)
    }
}

/// How much of an invalid parent reference a message quotes.
const MAX_QUOTED_CHARS: usize = 120;

pub fn check(repo: &Repo, out: &mut Vec<Finding>) {
    let layers = repo.layers();
    for cycle in layers.cycles() {
        check_cycle(repo, &cycle, out);
    }
    for node in &layers.nodes {
        let (Some(manifest), Some(entry)) =
            (repo.manifests.get(node.id.manifest), repo.entry(node.id))
        else {
            continue;
        };
        let ctx = Ctx {
            repo,
            node,
            child: format!("{}:{}", node.name, node.tag),
            manifest_path: &manifest.path,
            tag_span: entry.tag_span(),
        };
        let stack = stack_tag::read(&node.name, &node.tag, &repo.config.stack)
            .filter(|t| t.layer.is_some());
        let implied = stack.as_ref().and_then(stack_tag::implied_parent);
        match &node.parent {
            Parent::Unresolved {
                arg,
                from,
                declared,
            } => {
                out.push(unresolved(&ctx, arg, *from, *declared, implied.as_ref()));
                missing_layer(&ctx, implied.as_ref(), out);
            }
            Parent::Invalid { text, origin } => {
                let found = match text.char_indices().nth(MAX_QUOTED_CHARS) {
                    _ if text.is_empty() => "an empty string".to_string(),
                    // An ARG chain can expand to kilobytes; the start is enough to recognise it.
                    Some((cut, _)) => {
                        format!("`{}…` ({} characters)", &text[..cut], text.chars().count())
                    }
                    None => format!("`{text}`"),
                };
                out.push(
                    ctx.at_from(
                        &UNRESOLVED_FROM,
                        *origin,
                        format!("the parent resolves to {found}, which is not an image reference; it cannot be checked"),
                    )
                    .help("write the parent as `[registry/]namespace/name:tag`"),
                );
                missing_layer(&ctx, implied.as_ref(), out);
            }
            Parent::InRepo {
                targets,
                reference,
                name,
                tag,
                origin,
            } if targets.is_empty() => out.push(dangling(&ctx, reference, name, tag, *origin)),
            Parent::OsBase {
                release: None,
                reference,
                origin,
            } => out.push(dangling_base(&ctx, reference, *origin)),
            Parent::InRepo { .. } | Parent::OsBase { .. } => {
                check_resolved(&ctx, stack.as_ref(), implied.as_ref(), out);
            }
            Parent::External { .. } => {
                check_resolved(&ctx, stack.as_ref(), implied.as_ref(), out);
                missing_layer(&ctx, implied.as_ref(), out);
            }
            Parent::None => missing_layer(&ctx, implied.as_ref(), out),
        }
    }
}

fn check_resolved(
    ctx: &Ctx,
    stack: Option<&StackTag>,
    implied: Option<&ImpliedParent>,
    out: &mut Vec<Finding>,
) {
    floating(ctx, out);
    os_drift(ctx, out);
    arch(ctx, out);
    if let (Some(stack), Some(implied)) = (stack, implied) {
        mismatch(ctx, stack, implied, out);
    }
}

fn unresolved(
    ctx: &Ctx,
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

fn dangling(ctx: &Ctx, reference: &ImageRef, name: &str, tag: &str, origin: Span) -> Finding {
    let index = ctx.repo.image_index();
    let info = index.name(name);
    let roots: Vec<&str> = info
        .map(|i| {
            i.roots
                .iter()
                .filter_map(|&m| ctx.repo.manifests.get(m))
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
            let list = &index.lists[l];
            finding = finding.related(
                &list.path,
                list.entries[e].folder_span,
                format!("`{name}` is still listed here"),
            );
        }
        return finding;
    }
    let tags: Vec<&str> = info
        .map(|i| i.tags.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let closest = nearest(tag, &tags, 3);
    let finding = ctx
        .at_from(
            &DANGLING_FROM,
            origin,
            format!("`{reference}` is declared by no meta.yml: image `{name}` (`{}`) has no tag `{tag}`", roots.join("`, `")),
        )
        .maybe_help(closest_help(ctx, name, &closest));
    match info
        .and_then(|i| i.roots.first())
        .and_then(|&m| ctx.repo.manifests.get(m))
    {
        Some(manifest) => finding.related(
            &manifest.path,
            manifest.file.first_line(),
            format!("the tags of `{name}` are declared here"),
        ),
        None => finding,
    }
}

fn dangling_base(ctx: &Ctx, reference: &ImageRef, origin: Span) -> Finding {
    let tables = &ctx.repo.config.images;
    let tag = reference.tag.as_deref().unwrap_or("latest");
    let dirs: Vec<String> = ctx
        .repo
        .config
        .releases
        .iter()
        .map(OsRelease::dir_name)
        .collect();
    let dir_refs: Vec<&str> = dirs.iter().map(String::as_str).collect();
    let closest = nearest(tag, &dir_refs, 3);
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

fn closest_help(ctx: &Ctx, name: &str, closest: &[&str]) -> Option<String> {
    if closest.is_empty() {
        return None;
    }
    let listed: Vec<String> = closest
        .iter()
        .map(|t| format!("`{}`", ctx.published(name, t)))
        .collect();
    Some(format!("closest declared: {}", listed.join(", ")))
}

fn floating(ctx: &Ctx, out: &mut Vec<Finding>) {
    let tables = &ctx.repo.config.images;
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
    out.push(ctx.at_from(&FLOATING_BASE, origin, message).help(help));
}

/// The release the parent is built on; `exact` is false when only `YY.MM` is known
/// (third-party tags such as `…-openeuler22.03-py3.10`).
fn parent_release(ctx: &Ctx) -> Option<(OsRelease, bool)> {
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

fn os_drift(ctx: &Ctx, out: &mut Vec<Finding>) {
    // A release the table does not know is T003's finding; comparing it would only echo it.
    let Some(child) =
        tag::split(&ctx.node.tag).filter(|c| ctx.repo.config.releases.contains(&c.os))
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
    let tables = &ctx.repo.config.images;
    let help = match &ctx.node.parent {
        Parent::OsBase { .. } => format!(
            "build on `{}/{}:{}`",
            tables.namespace,
            tables.os_base_image,
            child.os.dir_name()
        ),
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
                Some(sibling) if !ctx.repo.image_index().declared(name, &sibling).is_empty() => {
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
        .help(help),
    );
}

fn folder_agrees_with_parent(ctx: &Ctx, tagged: OsRelease, parent: OsRelease) -> bool {
    let folder = ctx
        .node
        .dockerfile
        .as_deref()
        .map(crate::model::parent_dir)
        .map(crate::model::file_name)
        .and_then(OsRelease::parse_dir);
    folder.is_some_and(|folder| folder != tagged && folder == parent)
}

const DEFAULT_ARCHES: [&str; 2] = ["x86_64", "aarch64"];

/// The architectures an entry is built for; `None` when `arch` is null, not a string or names
/// an architecture A001 rejects: comparing a wrong spelling with the parent would only echo it.
fn arches(node: Option<&crate::syntax::yaml::Node>) -> Option<Vec<String>> {
    let Some(node) = node else {
        return Some(DEFAULT_ARCHES.iter().map(|a| a.to_string()).collect());
    };
    let items: Vec<String> = node
        .as_str()?
        .split(',')
        .map(str::trim)
        .map(str::to_string)
        .collect();
    items
        .iter()
        .all(|a| crate::rules::arch::ARCHES.contains(&a.as_str()))
        .then_some(items)
}

fn arch(ctx: &Ctx, out: &mut Vec<Finding>) {
    let Parent::InRepo {
        targets,
        reference,
        origin,
        ..
    } = &ctx.node.parent
    else {
        return;
    };
    let (Some(&target), Some(entry)) = (targets.first(), ctx.repo.entry(ctx.node.id)) else {
        return;
    };
    let (Some(parent_entry), Some(parent_manifest)) = (
        ctx.repo.entry(target),
        ctx.repo.manifests.get(target.manifest),
    ) else {
        return;
    };
    let (Some(child), Some(parent)) = (arches(entry.arch()), arches(parent_entry.arch())) else {
        return;
    };
    let missing: Vec<&str> = child
        .iter()
        .filter(|a| !parent.contains(a))
        .map(String::as_str)
        .collect();
    if missing.is_empty() {
        return;
    }
    let span = entry.arch().map_or(entry.tag_span(), |n| n.span);
    let supported: Vec<&str> = child
        .iter()
        .filter(|a| parent.contains(a))
        .map(String::as_str)
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
        .related(dockerfile, *origin, "the parent is named here"),
    );
}

/// The first declared spelling of the implied parent, if any.
fn declared_implied<'i>(ctx: &Ctx, implied: &'i ImpliedParent) -> Option<&'i str> {
    let index = ctx.repo.image_index();
    implied
        .tags
        .iter()
        .find(|t| !index.declared(&implied.image, t).is_empty())
        .map(String::as_str)
}

fn mismatch(ctx: &Ctx, _stack: &StackTag, implied: &ImpliedParent, out: &mut Vec<Finding>) {
    let (Some(reference), Some(origin)) = (ctx.node.parent.reference(), ctx.node.parent.origin())
    else {
        return;
    };
    let stack_tables = &ctx.repo.config.stack;
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
    let expected = declared_implied(ctx, implied);
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

fn missing_layer(ctx: &Ctx, implied: Option<&ImpliedParent>, out: &mut Vec<Finding>) {
    let Some(implied) = implied else {
        return;
    };
    let index = ctx.repo.image_index();
    let Some(info) = index.name(&implied.image).filter(|i| !i.roots.is_empty()) else {
        return;
    };
    if declared_implied(ctx, implied).is_some() {
        return;
    }
    let Some(preferred) = implied.tags.first() else {
        return;
    };
    let tags: Vec<&str> = info.tags.keys().map(String::as_str).collect();
    let closest = nearest(preferred, &tags, 3);
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

fn check_cycle(repo: &Repo, cycle: &[usize], out: &mut Vec<Finding>) {
    let layers = repo.layers();
    let ns = &repo.config.images.namespace;
    let Some(first) = cycle.first().and_then(|&n| layers.nodes.get(n)) else {
        return;
    };
    let (Some(path), Some(origin)) = (&first.dockerfile, first.parent.origin()) else {
        return;
    };
    let mut chain: Vec<String> = cycle
        .iter()
        .filter_map(|&n| layers.nodes.get(n))
        .map(|n| n.published(ns))
        .collect();
    chain.push(first.published(ns));
    let mut finding = Finding::new(
        &LAYER_CYCLE,
        path,
        origin,
        format!("the parent chain loops: {}", chain.join(" -> ")),
    )
    .help("one image of the loop must be built on an image outside it");
    for &n in cycle.iter().skip(1) {
        let Some(node) = layers.nodes.get(n) else {
            continue;
        };
        if let (Some(path), Some(origin)) = (&node.dockerfile, node.parent.origin()) {
            finding = finding.related(
                path,
                origin,
                format!(
                    "`{}` is built on the next image of the loop here",
                    node.published(ns)
                ),
            );
        }
    }
    out.push(finding);
}

/// The `limit` candidates closest to `target`, however far: a help line always has some.
fn nearest<'c>(target: &str, candidates: &[&'c str], limit: usize) -> Vec<&'c str> {
    crate::text::suggest::nearest_within(target, candidates.iter().copied(), limit, usize::MAX)
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
            nearest("cann7.0.RC1.alpha002-oe2203sp2", &tags, 1),
            ["7.0.RC1.alpha002-oe2203sp2"]
        );
    }

    #[test]
    fn third_party_versions_match_on_dotted_prefixes() {
        assert_eq!(external_match("12.2.0", "12.2"), Match::Exact);
        assert_eq!(external_match("8.1.rc1", "8.1.RC1"), Match::CaseOnly);
        assert_eq!(external_match("8.0.0", "8.1.rc1"), Match::No);
        assert_eq!(external_match("12.20", "12.2"), Match::No);
    }
}
