//! Positions in a Dockerfile: a `FROM` reference, or the `ARG` default it takes its value
//! from, and the parent it resolves to, read as the parent graph reads it.

use serde::Serialize;

use crate::model::context::Context;
use crate::model::parents::{resolve_stage, Parent};
use crate::syntax::dockerfile::StageBase;
use crate::text::SourceFile;

use super::markdown::code;
use super::{declared_at, entry_location, touches, Inspection, Kind, Location};

/// What a `FROM` is built on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParentInfo {
    /// `"stage"` (an earlier stage of the same file), or the parent's kind
    /// ([`Parent::kind`]): `"in-repo"`, `"dangling"`, `"os-base"`, `"external"`,
    /// `"unresolved"` (an `ARG` without a default), `"invalid"`, `"none"` (`scratch`).
    pub kind: &'static str,
    /// The reference after `ARG` substitution.
    pub reference: Option<String>,
}

pub(super) fn at(context: &Context, file: &SourceFile, offset: usize) -> Option<Inspection> {
    let dockerfile = context.repo.dockerfile(&file.path)?;
    let (stage, span) = dockerfile.stages.iter().find_map(|stage| {
        let origin = match &stage.base {
            StageBase::Image { origin, .. } => Some(*origin),
            StageBase::Unresolved { declared, .. } => *declared,
            StageBase::Stage(_) => None,
        };
        if touches(stage.written_span, offset) {
            return Some((stage, stage.written_span));
        }
        origin
            .filter(|origin| touches(*origin, offset))
            .map(|origin| (stage, origin))
    })?;
    let line = |span| file.line_of(span);
    let mut hover = format!("**FROM** {}", code(&stage.written));
    let (info, targets) = match &stage.base {
        StageBase::Stage(earlier) => {
            let targets: Vec<Location> = dockerfile
                .stages
                .get(*earlier)
                .map(|s| Location::of(file, s.written_span))
                .into_iter()
                .collect();
            let at = targets.first().map_or(0, |t| t.line);
            hover.push_str(&format!(
                "\n\nAn earlier stage of this file (`FROM` on line {at}), not a parent image."
            ));
            let info = ParentInfo {
                kind: "stage",
                reference: None,
            };
            (info, targets)
        }
        _ => {
            let parent = resolve_stage(context.config, &context.index, stage);
            let (text, targets) = describe_parent(context, &parent);
            hover.push_str(&format!("\n\nBuilt on {text}"));
            if let StageBase::Image { origin, .. } = &stage.base {
                if *origin != stage.written_span {
                    hover.push_str(&format!(
                        "\n\nThe reference is the default of the `ARG` on line {}.",
                        line(origin.start)
                    ));
                }
            }
            let info = ParentInfo {
                kind: parent.kind(),
                reference: parent.reference().map(ToString::to_string),
            };
            (info, targets)
        }
    };
    let is_parent = dockerfile
        .parent()
        .is_some_and(|parent| std::ptr::eq(parent, stage));
    let users: Vec<String> = context
        .parents
        .nodes
        .iter()
        .filter(|node| is_parent && node.dockerfile.as_deref() == Some(file.path.as_str()))
        .map(|node| code(&node.published(&context.config.images.namespace)))
        .collect();
    if !users.is_empty() {
        hover.push_str(&format!("\n\nThis file builds {}.", users.join(", ")));
    }
    let mut inspection = Inspection::new(Kind::Parent, Location::of(file, span), hover);
    inspection.targets = targets;
    inspection.parent = Some(info);
    Some(inspection)
}

/// A parent in words, ending in a full stop, and where it is declared.
pub(super) fn describe_parent(context: &Context, parent: &Parent) -> (String, Vec<Location>) {
    match parent {
        Parent::None => ("nothing (`scratch`).".into(), Vec::new()),
        Parent::Unresolved { arg, .. } => (
            format!(
                "{}, a build argument without a default: the publisher passes none, so the parent cannot be known.",
                code(&format!("${arg}"))
            ),
            Vec::new(),
        ),
        Parent::Invalid { text, .. } => (
            format!("{}, which is not an image reference.", code(text)),
            Vec::new(),
        ),
        Parent::InRepo {
            reference,
            name,
            tag,
            targets,
            ..
        } => {
            let published = format!("{}/{name}:{tag}", context.config.images.namespace);
            let mut text = code(&published);
            if reference.to_string() != published {
                text.push_str(&format!(" (written {})", code(&reference.to_string())));
            }
            let declared: Vec<Location> = targets
                .iter()
                .filter_map(|&id| entry_location(context, id))
                .collect();
            match declared.first() {
                Some(first) => text.push_str(&format!(", declared in {}.", declared_at(first))),
                None => text.push_str(", an image of this repository whose `meta.yml` declares no such tag."),
            }
            (text, declared)
        }
        Parent::OsBase {
            reference, release, ..
        } => {
            let release = match release {
                Some(release) => format!(" ({release})"),
                None => ", whose tag names no known release".into(),
            };
            (
                format!(
                    "the openEuler base image {}{release}.",
                    code(&reference.to_string())
                ),
                Vec::new(),
            )
        }
        Parent::External { reference, .. } => (
            format!(
                "{}, an image from outside this repository.",
                code(&reference.to_string())
            ),
            Vec::new(),
        ),
    }
}
