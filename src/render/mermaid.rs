//! The image graph as a Mermaid flowchart (`stacklint graph --format mermaid`): GitHub renders
//! a ```` ```mermaid ```` block in issues, pull requests and READMEs, so the picture of the
//! stack can go where it is discussed. Images are grouped by stack layer, parents from outside
//! the repository in a group of their own; edges run from parent to child.

use std::collections::{BTreeMap, BTreeSet};

use crate::render::graph::Graph;

/// The groups in drawing order: (layer id of the images it holds, subgraph id, title).
const GROUPS: &[(Option<&str>, &str, &str)] = &[
    (Some("sdk"), "sdk", "SDK"),
    (Some("framework"), "framework", "framework"),
    (Some("llm"), "llm", "LLM"),
    (None, "images", "other images"),
];

pub fn render(graph: &Graph) -> String {
    let mut out = String::from("flowchart LR\n");
    let ids: BTreeMap<&str, String> = graph
        .images
        .iter()
        .enumerate()
        .map(|(i, image)| (image.image.as_str(), format!("n{i}")))
        .collect();
    // Parents that no meta.yml here declares, by reference, with how they are built on.
    let mut outside: BTreeMap<&str, &str> = BTreeMap::new();
    for image in &graph.images {
        if let Some(parent) = &image.parent.image {
            if !ids.contains_key(parent.as_str()) {
                outside.insert(parent, image.parent.kind);
            }
        }
    }
    let outside_ids: BTreeMap<&str, String> = outside
        .keys()
        .enumerate()
        .map(|(i, parent)| (*parent, format!("x{i}")))
        .collect();
    if !outside.is_empty() {
        out.push_str("    subgraph outside[\"outside the repository\"]\n");
        for (parent, kind) in &outside {
            let Some(id) = outside_ids.get(parent) else {
                continue;
            };
            let (class, note) = parent_look(kind);
            let shown = if parent.is_empty() {
                "(empty)".to_string()
            } else {
                label(parent)
            };
            out.push_str(&format!("        {id}[\"{shown}{note}\"]:::{class}\n"));
        }
        out.push_str("    end\n");
    }
    for (layer, id, title) in GROUPS {
        let members: Vec<_> = graph.images.iter().filter(|i| i.layer == *layer).collect();
        if members.is_empty() {
            continue;
        }
        out.push_str(&format!("    subgraph {id}[\"{title}\"]\n"));
        let mut drawn = BTreeSet::new();
        for image in members {
            let Some(id) = ids.get(image.image.as_str()).filter(|id| drawn.insert(*id)) else {
                continue;
            };
            let missing = if image.dockerfile.is_none() {
                ":::missing"
            } else {
                ""
            };
            out.push_str(&format!(
                "        {id}[\"{}\"]{missing}\n",
                label(&image.image)
            ));
        }
        out.push_str("    end\n");
    }
    let mut edges = BTreeSet::new();
    for image in &graph.images {
        let Some(parent) = &image.parent.image else {
            continue;
        };
        let from = ids
            .get(parent.as_str())
            .or_else(|| outside_ids.get(parent.as_str()));
        if let (Some(from), Some(to)) = (from, ids.get(image.image.as_str())) {
            if edges.insert((from, to)) {
                out.push_str(&format!("    {from} --> {to}\n"));
            }
        }
    }
    out.push_str(concat!(
        "    classDef base stroke-dasharray: 4 4\n",
        "    classDef broken stroke:#c42b1c,stroke-width:2px,stroke-dasharray: 4 4\n",
        "    classDef missing stroke:#c42b1c,stroke-width:2px\n",
    ));
    out
}

/// Parents that exist (the OS base, third-party images) are drawn dashed; one that cannot be
/// built on is red and says why: a tag no meta.yml declares, an `ARG` without default, a
/// reference that is not one.
fn parent_look(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "os-base" | "external" => ("base", ""),
        "dangling" => ("broken", " (not declared)"),
        "unresolved" => ("broken", " (ARG without default)"),
        _ => ("broken", " (not an image reference)"),
    }
}

/// A quoted label: every character that could end the quote, start an entity, a Markdown
/// string or HTML, or leave the line is written as Mermaid's `#<decimal>;` entity, so a name
/// from the repository cannot change the chart (or the Markdown around its code block).
fn label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || "._:/@+-=${} ".contains(c) {
            out.push(c);
        } else {
            out.push_str(&format!("#{};", u32::from(c)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_cannot_close_the_quote_or_start_markup() {
        assert_eq!(
            label("a\"b`c<d>#e&f\ng"),
            "a#34;b#96;c#60;d#62;#35;e#38;f#10;g"
        );
        assert_eq!(
            label("openeuler/cann:8.0.RC1-oe2203sp4"),
            "openeuler/cann:8.0.RC1-oe2203sp4"
        );
        assert_eq!(label("${BASE}"), "${BASE}");
        assert_eq!(label("镜像"), "#38236;#20687;");
    }
}
