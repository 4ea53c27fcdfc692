//! L: parents. Every tag's Dockerfile is built on a parent; for AI stack images the tag also
//! says which layer that must be. These rules check that the parent exists, is the layer the
//! tag implies, runs the same OS release and architectures, and is pinned. One module per
//! concern: the parent's existence (L001, L003), the stack layer (L002), the OS release and
//! pinning (L004, L006), architectures (L005), cycles (L007), unresolvable parents (L008).

mod arch;
mod cycles;
mod existence;
mod release;
mod stack;
mod unresolved;

use crate::diagnostic::{Edit, Finding, Fix, Rule};
use crate::domain::image_ref::ImageRef;
use crate::domain::stack_tag::{self, ImpliedParent, StackTag};
use crate::model::context::Context;
use crate::model::parents::{Node, Parent};
use crate::text::Span;

pub use arch::ARCH_UNSUPPORTED_BY_PARENT;
pub use cycles::LAYER_CYCLE;
pub use existence::{DANGLING_FROM, PARENT_LAYER_MISSING};
pub use release::{FLOATING_BASE, OS_DRIFT};
pub use stack::FROM_MISMATCH;
pub use unresolved::UNRESOLVED_FROM;

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
struct NodeCheck<'c> {
    context: &'c Context<'c, 'c>,
    node: &'c Node,
    /// `cann:8.0.RC1-oe2203sp4`, for messages.
    child: String,
    manifest_path: &'c str,
    tag_span: Span,
}

impl NodeCheck<'_> {
    /// A finding at the Dockerfile's `FROM`/`ARG`, pointing back at the entry.
    fn at_from(&self, rule: &'static Rule, span: Span, message: String) -> Finding {
        let path = self.node.dockerfile.clone().unwrap_or_default();
        Finding::new(rule, path, span, message).related(
            self.manifest_path,
            self.tag_span,
            format!("`{}` is declared here", self.child),
        )
    }

    fn published(&self, name: &str, tag: &str) -> String {
        format!("{}/{name}:{tag}", self.context.config.images.namespace)
    }

    /// The unsafe fix that builds on `tag` instead: the parent reference's tag rewritten where
    /// the Dockerfile spells it out (the `FROM` word or the `ARG` default). None when the
    /// reference is assembled from variables or pinned by a digest.
    fn retag(&self, reference: &ImageRef, origin: Span, tag: &str) -> Option<Fix> {
        if reference.digest.is_some() {
            return None;
        }
        let path = self.node.dockerfile.as_deref()?;
        let file = self.context.repo.file(path)?;
        let written = file.slice(origin);
        let quote = usize::from(written.starts_with(['"', '\'']));
        let inner = written.get(quote..written.len() - quote)?;
        if inner != reference.to_string() {
            return None;
        }
        let end = origin.start + quote + inner.len();
        let span = match &reference.tag {
            Some(old) => Span::new(end - old.len(), end),
            None => Span::new(end, end),
        };
        let replacement = match &reference.tag {
            Some(_) => tag.to_string(),
            None => format!(":{tag}"),
        };
        let mut pinned = reference.clone();
        pinned.tag = Some(tag.to_string());
        Some(Fix::guess(
            format!("build on `{pinned}`"),
            vec![Edit::new(path, span, replacement)],
        ))
    }

    /// The first declared spelling of the implied parent, if any.
    fn declared_implied<'i>(&self, implied: &'i ImpliedParent) -> Option<&'i str> {
        let index = &self.context.index;
        implied
            .tags
            .iter()
            .find(|t| !index.declared(&implied.image, t).is_empty())
            .map(String::as_str)
    }
}

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for cycle in context.parents.cycles() {
        cycles::check_cycle(context, &cycle, out);
    }
    for node in &context.parents.nodes {
        let (Some(manifest), Some(entry)) = (context.manifest(node.id), context.entry(node.id))
        else {
            continue;
        };
        // A node's findings lie in its manifest or its Dockerfile.
        let dockerfile = node.dockerfile.as_deref();
        if !context.reports(&manifest.path) && !dockerfile.is_some_and(|d| context.reports(d)) {
            continue;
        }
        let ctx = NodeCheck {
            context,
            node,
            child: format!("{}:{}", node.name, node.tag),
            manifest_path: &manifest.path,
            tag_span: entry.tag_span(),
        };
        let tables = &context.config.stack;
        let stack = stack_tag::read(&node.name, &node.tag, tables)
            .filter(|t| t.layer.is_some() && tables.in_stack_scene(&node.root));
        let implied = stack.as_ref().and_then(stack_tag::implied_parent);
        match &node.parent {
            Parent::Unresolved {
                arg,
                from,
                declared,
            } => {
                out.push(unresolved::unresolved(
                    &ctx,
                    arg,
                    *from,
                    *declared,
                    implied.as_ref(),
                ));
                existence::missing_layer(&ctx, implied.as_ref(), out);
            }
            Parent::Invalid { text, origin } => {
                out.push(unresolved::invalid(&ctx, text, *origin));
                existence::missing_layer(&ctx, implied.as_ref(), out);
            }
            Parent::InRepo {
                targets,
                reference,
                name,
                tag,
                origin,
            } if targets.is_empty() => {
                out.push(existence::dangling(&ctx, reference, name, tag, *origin))
            }
            Parent::OsBase {
                release: None,
                reference,
                origin,
            } => out.push(existence::dangling_base(&ctx, reference, *origin)),
            Parent::InRepo { .. } | Parent::OsBase { .. } => {
                check_resolved(&ctx, stack.as_ref(), implied.as_ref(), out);
            }
            Parent::External { .. } => {
                check_resolved(&ctx, stack.as_ref(), implied.as_ref(), out);
                existence::missing_layer(&ctx, implied.as_ref(), out);
            }
            Parent::None => existence::missing_layer(&ctx, implied.as_ref(), out),
        }
    }
}

fn check_resolved(
    ctx: &NodeCheck,
    stack: Option<&StackTag>,
    implied: Option<&ImpliedParent>,
    out: &mut Vec<Finding>,
) {
    release::floating(ctx, out);
    release::os_drift(ctx, out);
    arch::arch(ctx, out);
    if let (Some(stack), Some(implied)) = (stack, implied) {
        stack::mismatch(ctx, stack, implied, out);
    }
}
