//! `stacklint graph`: the in-repo image graph (every published `name:tag`, its parent and its
//! children) as text, Graphviz dot, Mermaid or JSON, optionally narrowed to one image's
//! ancestors and descendants. The playground draws the same graph (the WASM `graph`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::domain::stack_tag::{self, Layer};
use crate::model::context::Context;
use crate::model::parents::{Node, Parent, ParentGraph};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    Text,
    Dot,
    Mermaid,
    Json,
}

/// One image of the graph, as serialised in JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphImage {
    pub image: String,
    pub name: String,
    pub tag: String,
    pub manifest: String,
    pub dockerfile: Option<String>,
    pub parent: GraphParent,
    pub children: Vec<String>,
    /// The layer of the AI stack the image is (`sdk`, `framework`, `llm`), `None` for others.
    pub layer: Option<&'static str>,
    /// Where the manifest declares the tag.
    pub declared: Declared,
    /// The repository path the entry's `path` names when no file is there.
    pub missing_dockerfile: Option<String>,
    /// The parent the stack tag implies (oEEP-0014), by its published name.
    pub implied_parent: Option<String>,
}

/// The tag key's range in the manifest (1-based; `end_column` exclusive, as in diagnostics)
/// and the last line of its entry: findings on those lines are the image's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Declared {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub last_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GraphParent {
    /// `in-repo`, `dangling`, `os-base`, `external`, `unresolved`, `invalid` or `none`.
    pub kind: &'static str,
    /// In-repo parents by their published name (`openeuler/cann:8.0.RC1-oe2203sp4`, whatever
    /// mirror the Dockerfile names), others as written.
    pub image: Option<String>,
    /// The reference as the Dockerfile writes it, when that differs from `image`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Graph {
    pub images: Vec<GraphImage>,
}

/// Builds the graph; `image` (`NAME` or `NAME:TAG`) keeps only the matching images, their
/// ancestors and their descendants. An error names an image that does not exist.
pub fn build(context: &Context, image: Option<&str>) -> Result<Graph, String> {
    let layers = &context.parents;
    let ns = &context.config.images.namespace;
    let selected: BTreeSet<usize> = match image {
        None => crate::sort::set(0..layers.nodes.len()),
        Some(wanted) => select(layers, ns, wanted)?,
    };
    let mut images: Vec<GraphImage> = selected
        .iter()
        .filter_map(|&n| {
            let node = layers.nodes.get(n)?;
            // Sorted and unique through a set: a sort of its own would weigh on the WASM size.
            let mut children = BTreeSet::new();
            for &c in layers.children[n].iter().filter(|c| selected.contains(c)) {
                children.insert(layers.nodes[c].published(ns));
            }
            let children: Vec<String> = children.into_iter().collect();
            let manifest = context.manifest(node.id)?;
            let entry = context.entry(node.id)?;
            let position = |offset| manifest.file.lines.position(&manifest.file.text, offset);
            let (start, key_end) = (position(entry.key.span.start), position(entry.key.span.end));
            // Unindented `path:`/`arch:` lines belong to the entry they were meant for.
            let value_end = entry
                .unindented
                .last()
                .map_or(entry.value.span.end, |pair| pair.value.span.end);
            // A block mapping ends where the next key starts: its last line is the last one
            // with text.
            let text = &manifest.file.text;
            let end = value_end.max(entry.key.span.end);
            let last = position(text.get(..end).map_or(end, |t| t.trim_end().len()));
            Some(GraphImage {
                image: node.published(ns),
                name: node.name.clone(),
                tag: node.tag.clone(),
                manifest: manifest.path.clone(),
                dockerfile: node.dockerfile.clone(),
                parent: describe(&node.parent, ns),
                children,
                layer: Layer::of(&node.name, &context.config.stack).map(Layer::id),
                declared: Declared {
                    line: start.line,
                    column: start.column,
                    end_line: key_end.line,
                    end_column: key_end.column,
                    last_line: last.line,
                },
                missing_dockerfile: entry
                    .entry_path()
                    .filter(|path| !path.exists)
                    .map(|path| path.repo_path.clone()),
                implied_parent: implied_parent(context, node),
            })
        })
        .collect();
    // The line makes the order total (a tag declared twice), so the smaller unstable sort
    // gives the same order every time.
    images.sort_unstable_by(|a, b| {
        (&a.image, &a.manifest, a.declared.line).cmp(&(&b.image, &b.manifest, b.declared.line))
    });
    Ok(Graph { images })
}

/// `openeuler/cann:8.0.RC1-oe2203sp4` for a framework tag naming `cann8.0.RC1`.
fn implied_parent(context: &Context, node: &Node) -> Option<String> {
    let stack = stack_tag::read(&node.name, &node.tag, &context.config.stack)?;
    let implied = stack_tag::implied_parent(&stack)?;
    let tag = implied.tags.first()?;
    Some(format!(
        "{}/{}:{tag}",
        context.config.images.namespace, implied.image
    ))
}

fn select(layers: &ParentGraph, ns: &str, wanted: &str) -> Result<BTreeSet<usize>, String> {
    let wanted = wanted.strip_prefix(&format!("{ns}/")).unwrap_or(wanted);
    let (name, tag) = match wanted.split_once(':') {
        Some((name, tag)) => (name, Some(tag)),
        None => (wanted, None),
    };
    let matches: Vec<usize> = layers
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.name == name && tag.is_none_or(|t| node.tag == t))
        .map(|(n, _)| n)
        .collect();
    if matches.is_empty() {
        return Err(format!(
            "no image `{ns}/{wanted}` is declared in this repository"
        ));
    }
    let mut selected: BTreeSet<usize> = crate::sort::set(matches.iter().copied());
    selected.extend(layers.descendants(matches.iter().copied()));
    for &n in &matches {
        selected.extend(layers.ancestors(n));
    }
    Ok(selected)
}

fn describe(parent: &Parent, ns: &str) -> GraphParent {
    let kind = parent.kind();
    let image = match parent {
        Parent::None => None,
        Parent::Unresolved { arg, .. } => Some(format!("${{{arg}}}")),
        Parent::Invalid { text, .. } => Some(text.clone()),
        Parent::InRepo {
            reference,
            name,
            tag,
            ..
        } => {
            let image = format!("{ns}/{name}:{tag}");
            let written = reference.to_string();
            return GraphParent {
                kind,
                written: (written != image).then_some(written),
                image: Some(image),
            };
        }
        Parent::OsBase { reference, .. } | Parent::External { reference, .. } => {
            Some(reference.to_string())
        }
    };
    GraphParent {
        kind,
        image,
        written: None,
    }
}

pub fn render(graph: &Graph, format: GraphFormat) -> String {
    match format {
        GraphFormat::Text => render_text(graph),
        GraphFormat::Dot => render_dot(graph),
        GraphFormat::Mermaid => super::mermaid::render(graph),
        GraphFormat::Json => serde_json::to_string_pretty(graph).unwrap_or_default() + "\n",
    }
}

fn render_text(graph: &Graph) -> String {
    let mut out = String::new();
    for image in &graph.images {
        out.push_str(&format!("{}\n", image.image));
        out.push_str(&format!("  declared in {}\n", image.manifest));
        let parent = match (&image.parent.image, &image.parent.written) {
            (Some(parent), Some(written)) => {
                format!("{parent} ({}, written `{written}`)", image.parent.kind)
            }
            (Some(parent), None) => format!("{parent} ({})", image.parent.kind),
            (None, _) => image.parent.kind.to_string(),
        };
        out.push_str(&format!("  parent: {parent}\n"));
        for child in &image.children {
            out.push_str(&format!("  child: {child}\n"));
        }
    }
    out
}

fn render_dot(graph: &Graph) -> String {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let mut out = String::from("digraph images {\n  rankdir=LR;\n  node [shape=box];\n");
    let declared: BTreeSet<&str> = crate::sort::set(graph.images.iter().map(|i| i.image.as_str()));
    let mut outside: BTreeMap<&str, &str> = BTreeMap::new();
    for image in &graph.images {
        out.push_str(&format!("  {};\n", quote(&image.image)));
    }
    for image in &graph.images {
        if let Some(parent) = &image.parent.image {
            if !declared.contains(parent.as_str()) {
                outside.insert(parent, image.parent.kind);
            }
        }
    }
    for (parent, kind) in &outside {
        out.push_str(&format!(
            "  {} [style=dashed, tooltip={}];\n",
            quote(parent),
            quote(kind)
        ));
    }
    // Edges run from parent to child: the direction a change propagates.
    for image in &graph.images {
        if let Some(parent) = &image.parent.image {
            out.push_str(&format!(
                "  {} -> {};\n",
                quote(parent),
                quote(&image.image)
            ));
        }
    }
    out.push_str("}\n");
    out
}
