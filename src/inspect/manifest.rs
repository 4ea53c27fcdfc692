//! Positions in a `meta.yml`: a tag key (its parts, the parent it implies, the parent its
//! Dockerfile names) and an entry's `path` (the file it resolves to).

use serde::Serialize;

use crate::domain::stack_tag::{self, ComponentKind, Layer, StackTag};
use crate::model::context::Context;
use crate::model::entry_path::{EntryPath, Escape};
use crate::model::image_index::EntryId;
use crate::model::manifest::{Entry, Manifest};
use crate::source::repo_path::file_name;

use super::dockerfile::describe_parent;
use super::markdown::code;
use super::{declared_at, entry_location, touches, Inspection, Kind, Link, Location};

/// A tag read as oEEP-0014 reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagParts {
    /// The published image name.
    pub image: String,
    pub tag: String,
    /// `"SDK"`, `"framework"` or `"LLM"` for a layer of the AI stack.
    pub layer: Option<&'static str>,
    /// The image's own version (or an LLM image's application name).
    pub version: String,
    /// The SDK component as written (`cann8.0.RC1`).
    pub sdk: Option<String>,
    pub framework: Option<String>,
    /// Other components (`python3.11`).
    pub extras: Vec<String>,
    /// The release the OS suffix names (`openEuler 24.03 LTS`) and the suffix (`oe2403lts`).
    pub os: String,
    pub os_suffix: String,
    pub dev: bool,
    /// The parent the tag implies: its image and every accepted spelling of its tag.
    pub implies: Option<ImpliedParent>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImpliedParent {
    pub image: String,
    pub tags: Vec<String>,
}

pub(super) fn at(context: &Context, path: &str, offset: usize) -> Option<Inspection> {
    let m = context
        .repo
        .manifests
        .binary_search_by(|manifest| manifest.path.as_str().cmp(path))
        .ok()?;
    let manifest = &context.repo.manifests[m];
    manifest.entries.iter().enumerate().find_map(|(e, entry)| {
        if touches(entry.tag_span(), offset) && entry.key.as_str().is_some() {
            return Some(tag_at(
                context,
                manifest,
                EntryId {
                    manifest: m,
                    entry: e,
                },
                entry,
            ));
        }
        let (_, span) = entry.path()?;
        touches(span, offset).then(|| path_at(manifest, entry))?
    })
}

pub(super) fn links(context: &Context, path: &str) -> Vec<Link> {
    let Some(manifest) = context.repo.manifest_at(path) else {
        return Vec::new();
    };
    manifest
        .entries
        .iter()
        .filter_map(|entry| {
            let target = entry.dockerfile()?;
            let (_, span) = entry.path()?;
            Some(Link {
                range: Location::of(&manifest.file, span),
                target: target.to_string(),
            })
        })
        .collect()
}

fn tag_at(context: &Context, manifest: &Manifest, id: EntryId, entry: &Entry) -> Inspection {
    let image = context
        .index
        .name_of(id.manifest)
        .unwrap_or_else(|| file_name(&manifest.root))
        .to_string();
    let published = format!("{}/{image}:{}", context.config.images.namespace, entry.tag);
    let range = Location::of(&manifest.file, entry.tag_span());
    let Some(stack) = stack_tag::read(&image, &entry.tag, &context.config.stack) else {
        let hover = format!(
            "**{}**\n\nThe tag has no OS suffix `-oe<release>` (e.g. `-oe2403lts`), so its parts cannot be read.",
            code(&published)
        );
        return Inspection::new(Kind::Tag, range, hover);
    };
    let parts = tag_parts(&image, &entry.tag, &stack);
    let mut hover = format!("**{}**", code(&published));
    if let Some(layer) = parts.layer {
        hover.push_str(&format!(" ({layer} layer)"));
    }
    hover.push_str("\n\n");
    let own = if stack.layer == Some(Layer::Llm) {
        "application"
    } else {
        "version"
    };
    for (label, value) in [
        (own, Some(&parts.version)),
        ("SDK", parts.sdk.as_ref()),
        ("framework", parts.framework.as_ref()),
    ] {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            hover.push_str(&format!("- {label}: {}\n", code(value)));
        }
    }
    if !parts.extras.is_empty() {
        let extras: Vec<String> = parts.extras.iter().map(|e| code(e)).collect();
        hover.push_str(&format!("- also: {}\n", extras.join(", ")));
    }
    hover.push_str(&format!(
        "- OS release: {} ({})\n",
        parts.os,
        code(&parts.os_suffix)
    ));
    if parts.dev {
        hover.push_str("- development image (`-dev`)\n");
    }
    let mut targets = Vec::new();
    if let Some(implied) = &parts.implies {
        let declared: Vec<Location> = implied
            .tags
            .iter()
            .flat_map(|tag| context.index.declared(&implied.image, tag))
            .filter_map(|&id| entry_location(context, id))
            .collect();
        let namespace = &context.config.images.namespace;
        let name = |tag: &String| code(&format!("{namespace}/{}:{tag}", implied.image));
        let spellings: Vec<String> = implied.tags.iter().map(name).collect();
        hover.push_str(&format!("\nImplies the parent {}", spellings.join(" or ")));
        match declared.first() {
            Some(first) => hover.push_str(&format!(", declared in {}.\n", declared_at(first))),
            None => hover.push_str(", which no `meta.yml` here declares.\n"),
        }
        targets = declared;
    }
    let node = context.parents.node_of(id);
    if let Some((parent, dockerfile)) = node.and_then(|n| Some((&n.parent, n.dockerfile.as_ref()?)))
    {
        let (text, declared) = describe_parent(context, parent);
        hover.push_str(&format!("\n{} is built on {text}\n", code(dockerfile)));
        if targets.is_empty() {
            targets = declared;
        }
    }
    let mut inspection = Inspection::new(Kind::Tag, range, hover);
    inspection.targets = targets;
    inspection.tag = Some(parts);
    inspection
}

fn tag_parts(image: &str, tag: &str, stack: &StackTag) -> TagParts {
    let spelled = |kind| stack.first(kind).map(|c| c.spelled());
    TagParts {
        image: image.to_string(),
        tag: tag.to_string(),
        layer: stack.layer.map(Layer::noun),
        version: stack.own.clone(),
        sdk: spelled(ComponentKind::Sdk),
        framework: spelled(ComponentKind::Framework),
        extras: stack.extras().map(|c| c.spelled()).collect(),
        os: stack.os.to_string(),
        os_suffix: format!("oe{}", stack.os.suffix()),
        dev: stack.dev,
        implies: stack_tag::implied_parent(stack).map(|parent| ImpliedParent {
            image: parent.image,
            tags: parent.tags,
        }),
    }
}

fn path_at(manifest: &Manifest, entry: &Entry) -> Option<Inspection> {
    let (raw, span) = entry.path()?;
    let range = Location::of(&manifest.file, span);
    let (hover, target) = match entry.resolved.as_ref()? {
        Ok(path) => path_text(path),
        Err(escape) => {
            let why = match escape {
                Escape::Absolute => "is absolute",
                Escape::Backslash => "uses `\\`",
                Escape::ParentSegment => "climbs out with `..`",
            };
            let hover = format!(
                "{} {why}: a path is relative to the image folder {}",
                code(raw),
                code(&manifest.root)
            );
            (hover, None)
        }
    };
    let mut inspection = Inspection::new(Kind::EntryPath, range, hover);
    inspection.targets = target.into_iter().collect();
    Some(inspection)
}

fn path_text(path: &EntryPath) -> (String, Option<Location>) {
    let mut hover = if path.exists {
        format!("{} is {}", code(&path.raw), code(&path.repo_path))
    } else {
        format!("{} does not exist", code(&path.repo_path))
    };
    if path.root_relative {
        hover.push_str(&format!(
            "\n\nWritten from the repository root; relative to the image folder it is {}.",
            code(&path.relative)
        ));
    }
    if let Some(elsewhere) = &path.elsewhere {
        hover.push_str(&format!(
            "\n\n{} exists, in another image's folder.",
            code(elsewhere)
        ));
    }
    let target = path.exists.then(|| Location::file(&path.repo_path));
    (hover, target)
}
