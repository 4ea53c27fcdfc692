//! The in-repo parent graph: for every declared tag, the Dockerfile it is built from and what
//! that Dockerfile's final stage is built on. Built once per check into the
//! [`crate::model::context::Context`]; the layer rules, `stacklint graph` and the pull-request
//! scope all read it.

use std::collections::{BTreeSet, HashMap, VecDeque};

use crate::domain::image_ref::ImageRef;
use crate::domain::os_release::OsRelease;
use crate::domain::tables::Config;
use crate::model::image_index::{EntryId, ImageIndex};
use crate::model::Repo;
use crate::syntax::dockerfile::{Dockerfile, Stage, StageBase};
use crate::text::Span;

/// What a tag's Dockerfile is built on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Parent {
    /// No Dockerfile could be read, it has no `FROM`, or it starts `FROM scratch`.
    None,
    /// The `FROM` depends on an `ARG` without a default.
    Unresolved {
        arg: String,
        from: Span,
        declared: Option<Span>,
    },
    /// The `FROM` resolved to text that is not an image reference.
    Invalid { text: String, origin: Span },
    /// `openeuler/<name>` where `<name>` is an image of this repository (it has an image root
    /// or an image-list entry). `targets` are the entries declaring the tag: empty when none
    /// does (a dangling parent).
    InRepo {
        reference: ImageRef,
        name: String,
        tag: String,
        targets: Vec<EntryId>,
        origin: Span,
    },
    /// The operating-system base image; `release` is `None` when its tag is neither a release
    /// folder name nor a floating alias.
    OsBase {
        reference: ImageRef,
        release: Option<OsRelease>,
        origin: Span,
    },
    /// Anything else: `nvidia/cuda:…`, `quay.io/ascend/cann:…`, `golang:1.22`.
    External { reference: ImageRef, origin: Span },
}

impl Parent {
    /// Where the `FROM` (or the `ARG` default feeding it) carries the reference.
    pub fn origin(&self) -> Option<Span> {
        match self {
            Parent::None => None,
            Parent::Unresolved { from, .. } => Some(*from),
            Parent::Invalid { origin, .. }
            | Parent::InRepo { origin, .. }
            | Parent::OsBase { origin, .. }
            | Parent::External { origin, .. } => Some(*origin),
        }
    }

    /// The kind of parent in the words `stacklint graph --format json` and the editor use:
    /// `none`, `unresolved`, `invalid`, `in-repo`, `dangling` (an image of this repository
    /// whose `meta.yml` declares no such tag), `os-base` or `external`.
    pub fn kind(&self) -> &'static str {
        match self {
            Parent::None => "none",
            Parent::Unresolved { .. } => "unresolved",
            Parent::Invalid { .. } => "invalid",
            Parent::InRepo { targets, .. } if targets.is_empty() => "dangling",
            Parent::InRepo { .. } => "in-repo",
            Parent::OsBase { .. } => "os-base",
            Parent::External { .. } => "external",
        }
    }

    pub fn reference(&self) -> Option<&ImageRef> {
        match self {
            Parent::InRepo { reference, .. }
            | Parent::OsBase { reference, .. }
            | Parent::External { reference, .. } => Some(reference),
            _ => None,
        }
    }
}

/// One declared tag.
#[derive(Debug, Clone)]
pub struct Node {
    pub id: EntryId,
    /// The published name (`cann`), the tag and the image root.
    pub name: String,
    pub tag: String,
    pub root: String,
    /// The Dockerfile read for it, when one was found.
    pub dockerfile: Option<String>,
    pub parent: Parent,
    /// The node of the in-repo parent entry, when the parent is declared here.
    pub parent_node: Option<usize>,
}

impl Node {
    /// `openeuler/cann:8.0.RC1-oe2203sp4`.
    pub fn published(&self, namespace: &str) -> String {
        format!("{namespace}/{}:{}", self.name, self.tag)
    }
}

#[derive(Debug, Default)]
pub struct ParentGraph {
    pub nodes: Vec<Node>,
    /// Children of every node, in node order.
    pub children: Vec<Vec<usize>>,
    by_entry: HashMap<EntryId, usize>,
}

impl ParentGraph {
    pub fn build(repo: &Repo, index: &ImageIndex) -> ParentGraph {
        let mut layers = ParentGraph::default();
        for (m, manifest) in repo.manifests.iter().enumerate() {
            let Some(name) = index.name_of(m) else {
                continue;
            };
            for (e, entry) in manifest.entries.iter().enumerate() {
                if entry.key.as_scalar().is_none() {
                    continue;
                }
                let id = EntryId {
                    manifest: m,
                    entry: e,
                };
                let dockerfile = entry.dockerfile().map(str::to_string);
                let parent = dockerfile
                    .as_deref()
                    .and_then(|path| repo.dockerfile(path))
                    .map_or(Parent::None, |file| resolve(repo.config, index, file));
                layers.by_entry.insert(id, layers.nodes.len());
                layers.nodes.push(Node {
                    id,
                    name: name.to_string(),
                    tag: entry.tag.clone(),
                    root: manifest.root.clone(),
                    dockerfile,
                    parent,
                    parent_node: None,
                });
            }
        }
        layers.children = vec![Vec::new(); layers.nodes.len()];
        for n in 0..layers.nodes.len() {
            let target = match &layers.nodes[n].parent {
                Parent::InRepo { targets, .. } => targets.first().copied(),
                _ => None,
            };
            if let Some(&p) = target.and_then(|id| layers.by_entry.get(&id)) {
                layers.nodes[n].parent_node = Some(p);
                layers.children[p].push(n);
            }
        }
        layers
    }

    pub fn node_of(&self, id: EntryId) -> Option<&Node> {
        self.by_entry.get(&id).and_then(|&n| self.nodes.get(n))
    }

    /// The nodes built directly on the entry's tag.
    pub fn children_of(&self, id: EntryId) -> &[usize] {
        self.by_entry
            .get(&id)
            .and_then(|&n| self.children.get(n))
            .map_or(&[], Vec::as_slice)
    }

    /// Every node reachable downwards (children, grandchildren…) from `start`, excluding it.
    pub fn descendants(&self, start: impl IntoIterator<Item = usize>) -> BTreeSet<usize> {
        let mut seen = BTreeSet::new();
        let mut queue: VecDeque<usize> = start.into_iter().collect();
        while let Some(n) = queue.pop_front() {
            for &child in self.children.get(n).map_or(&[][..], Vec::as_slice) {
                if seen.insert(child) {
                    queue.push_back(child);
                }
            }
        }
        seen
    }

    /// Every node reachable upwards from `start`, excluding it.
    pub fn ancestors(&self, start: usize) -> BTreeSet<usize> {
        let mut seen = BTreeSet::new();
        let mut at = self.nodes.get(start).and_then(|n| n.parent_node);
        while let Some(n) = at {
            if !seen.insert(n) {
                break;
            }
            at = self.nodes[n].parent_node;
        }
        seen
    }

    /// The parent chains that loop: each cycle once, as node indexes starting at its smallest.
    pub fn cycles(&self) -> Vec<Vec<usize>> {
        // Every node has at most one parent, so walking up from each node finds every cycle.
        let mut state = vec![0u8; self.nodes.len()]; // 0 new, 1 on the current walk, 2 done
        let mut cycles = Vec::new();
        for start in 0..self.nodes.len() {
            let mut walk = Vec::new();
            let mut at = Some(start);
            while let Some(n) = at {
                match state[n] {
                    0 => {
                        state[n] = 1;
                        walk.push(n);
                        at = self.nodes[n].parent_node;
                    }
                    1 => {
                        if let Some(pos) = walk.iter().position(|&w| w == n) {
                            let mut cycle = walk[pos..].to_vec();
                            let min = cycle
                                .iter()
                                .enumerate()
                                .min_by_key(|(_, &v)| v)
                                .map_or(0, |(i, _)| i);
                            cycle.rotate_left(min);
                            cycles.push(cycle);
                        }
                        break;
                    }
                    _ => break,
                }
            }
            for n in walk {
                state[n] = 2;
            }
        }
        cycles
    }

    /// The image roots built on any of `roots`, transitively (the roots themselves excluded
    /// unless they are built on one another). The pull-request scope re-checks these.
    pub fn dependent_roots<S: AsRef<str>>(&self, roots: &[S]) -> BTreeSet<String> {
        let wanted: BTreeSet<&str> = crate::sort::set(roots.iter().map(AsRef::as_ref));
        let start = self
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, node)| wanted.contains(node.root.as_str()))
            .map(|(n, _)| n);
        crate::sort::set(
            self.descendants(start)
                .into_iter()
                .map(|n| self.nodes[n].root.clone()),
        )
    }
}

fn resolve(config: &Config, index: &ImageIndex, file: &Dockerfile) -> Parent {
    file.parent()
        .map_or(Parent::None, |stage| resolve_stage(config, index, stage))
}

/// What one stage is built on, read as the parent graph reads the final stage: `None` for an
/// earlier stage of the same file.
pub fn resolve_stage(config: &Config, index: &ImageIndex, stage: &Stage) -> Parent {
    let (text, origin) = match &stage.base {
        StageBase::Image { reference, origin } => (reference, *origin),
        StageBase::Unresolved { arg, declared } => {
            return Parent::Unresolved {
                arg: arg.clone(),
                from: stage.written_span,
                declared: *declared,
            }
        }
        StageBase::Stage(_) => return Parent::None,
    };
    if text.eq_ignore_ascii_case("scratch") {
        return Parent::None;
    }
    let Some(reference) = ImageRef::parse(text) else {
        return Parent::Invalid {
            text: text.clone(),
            origin,
        };
    };
    let tables = &config.images;
    let Some(name) = reference.published_name(tables).map(str::to_string) else {
        return Parent::External { reference, origin };
    };
    if name == tables.os_base_image {
        let tag = reference.tag.as_deref().unwrap_or("latest");
        let dir = tables.floating(tag).unwrap_or(tag);
        let release = OsRelease::parse_dir(dir).filter(|r| config.releases.contains(r));
        return Parent::OsBase {
            reference,
            release,
            origin,
        };
    }
    if index.name(&name).is_none() {
        return Parent::External { reference, origin };
    }
    let tag = reference.tag.clone().unwrap_or_else(|| "latest".into());
    let targets = index.declared(&name, &tag).to_vec();
    Parent::InRepo {
        reference,
        name,
        tag,
        targets,
        origin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::context::Context;
    use crate::{Config, MemorySource};

    fn source() -> MemorySource {
        MemorySource::new()
            .with("AI/image-list.yml", "images:\n  cann: cann\n  pytorch: pytorch\n  llm: llm\n")
            .with("AI/cann/meta.yml", "8.0-oe2203sp4:\n  path: 8.0/22.03-lts-sp4/Dockerfile\n")
            .with("AI/cann/8.0/22.03-lts-sp4/Dockerfile", "FROM openeuler/openeuler:22.03-lts-sp4\n")
            .with("AI/pytorch/meta.yml", "2.2-cann8.0-oe2203sp4:\n  path: 2.2/22.03-lts-sp4/Dockerfile\n")
            .with("AI/pytorch/2.2/22.03-lts-sp4/Dockerfile", "ARG B=quay.io/openeuler/cann:8.0-oe2203sp4\nFROM $B\n")
            .with("AI/llm/meta.yml", "a-pytorch2.2-cann8.0-oe2203sp4:\n  path: a/Dockerfile\nb-pytorch2.2-cann8.0-oe2203sp4:\n  path: AI/llm/b/Dockerfile\n")
            .with("AI/llm/a/Dockerfile", "FROM openeuler/pytorch:2.2-cann8.0-oe2203sp4\n")
            .with("AI/llm/b/Dockerfile", "FROM openeuler/llm:a-pytorch2.2-cann8.0-oe2203sp4\n")
    }

    #[test]
    fn parents_resolve_through_mirrors_and_legacy_paths() {
        let source = source();
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let context = Context::build(&repo);
        let layers = &context.parents;
        let names: Vec<(String, Option<usize>)> = layers
            .nodes
            .iter()
            .map(|n| (format!("{}:{}", n.name, n.tag), n.parent_node))
            .collect();
        assert_eq!(
            names,
            [
                ("cann:8.0-oe2203sp4".to_string(), None),
                ("llm:a-pytorch2.2-cann8.0-oe2203sp4".to_string(), Some(3)),
                ("llm:b-pytorch2.2-cann8.0-oe2203sp4".to_string(), Some(1)),
                ("pytorch:2.2-cann8.0-oe2203sp4".to_string(), Some(0)),
            ]
        );
        assert!(matches!(
            layers.nodes[0].parent,
            Parent::OsBase {
                release: Some(_),
                ..
            }
        ));
        assert_eq!(
            layers.dependent_roots(&["AI/cann"]),
            BTreeSet::from(["AI/llm".to_string(), "AI/pytorch".to_string()])
        );
        assert_eq!(
            layers.dependent_roots(&["AI/llm"]),
            BTreeSet::from(["AI/llm".to_string()])
        );
        assert!(layers.cycles().is_empty());
        assert_eq!(layers.ancestors(2), BTreeSet::from([0, 1, 3]));
    }

    #[test]
    fn cycles_are_found_once() {
        let source = MemorySource::new()
            .with(
                "A/x/meta.yml",
                "1-oe2403lts:\n  path: d1/Dockerfile\n2-oe2403lts:\n  path: d2/Dockerfile\n3-oe2403lts:\n  path: d3/Dockerfile\n",
            )
            .with("A/x/d1/Dockerfile", "FROM openeuler/x:2-oe2403lts\n")
            .with("A/x/d2/Dockerfile", "FROM openeuler/x:1-oe2403lts\n")
            .with("A/x/d3/Dockerfile", "FROM openeuler/x:3-oe2403lts\n");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        assert_eq!(
            Context::build(&repo).parents.cycles(),
            vec![vec![0, 1], vec![2]]
        );
    }
}
