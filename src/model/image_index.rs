//! The image index: which published image (`openeuler/<name>`) every image root belongs to,
//! read from each scene's `image-list.yml`, and which tags every name declares. Built once
//! per check into the [`crate::model::context::Context`] the image-list, stack and layer
//! rules share. Misplaced manifests are not in it: the publisher never reads them.

use std::collections::{BTreeMap, HashMap};

use crate::model::Repo;
use crate::source::repo_path::file_name;

/// A tag declared in a manifest: `repo.manifests[manifest].entries[entry]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntryId {
    pub manifest: usize,
    pub entry: usize,
}

/// Where a published name comes from.
#[derive(Debug, Default)]
pub struct NameInfo {
    /// Manifests (image roots) published under the name, in path order.
    pub roots: Vec<usize>,
    /// Every declaration of the name in an image list: (list, entry).
    pub listed: Vec<(usize, usize)>,
    /// Tag -> the entries declaring it, across all roots of the name.
    pub tags: BTreeMap<String, Vec<EntryId>>,
}

#[derive(Debug, Default)]
pub struct ImageIndex {
    /// The published name of every manifest the publisher reads, by manifest index; `None`
    /// for a misplaced one.
    names: Vec<Option<String>>,
    /// The list entry (list, entry) naming each manifest's root, when there is one.
    listed_by: Vec<Option<(usize, usize)>>,
    by_name: BTreeMap<String, NameInfo>,
}

impl ImageIndex {
    pub fn build(repo: &Repo) -> ImageIndex {
        let mut index = ImageIndex::default();
        let mut folder_to_entry: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for (l, list) in repo.lists.iter().enumerate() {
            for (e, entry) in list.entries.iter().enumerate() {
                folder_to_entry
                    .entry((list.scene.as_str(), entry.folder.as_str()))
                    .or_insert((l, e));
                index
                    .by_name
                    .entry(entry.name.clone())
                    .or_default()
                    .listed
                    .push((l, e));
            }
        }
        for (m, manifest) in repo.manifests.iter().enumerate() {
            if !manifest.is_placed() {
                index.names.push(None);
                index.listed_by.push(None);
                continue;
            }
            let listed = manifest
                .root
                .split_once('/')
                .and_then(|(scene, folder)| folder_to_entry.get(&(scene, folder)).copied());
            let name = match listed {
                Some((l, e)) => repo.lists[l].entries[e].name.clone(),
                None => file_name(&manifest.root).to_string(),
            };
            let info = index.by_name.entry(name.clone()).or_default();
            info.roots.push(m);
            for (e, entry) in manifest.entries.iter().enumerate() {
                if entry.key.as_scalar().is_some() {
                    info.tags
                        .entry(entry.tag.clone())
                        .or_default()
                        .push(EntryId {
                            manifest: m,
                            entry: e,
                        });
                }
            }
            index.names.push(Some(name));
            index.listed_by.push(listed);
        }
        index
    }

    /// The published name of a manifest the publisher reads.
    pub fn name_of(&self, manifest: usize) -> Option<&str> {
        self.names.get(manifest)?.as_deref()
    }

    /// The image-list entry (list, entry) that names a manifest's root.
    pub fn listed_by(&self, manifest: usize) -> Option<(usize, usize)> {
        self.listed_by.get(manifest).copied().flatten()
    }

    /// Everything known about a published name: image roots, list entries, tags.
    pub fn name(&self, name: &str) -> Option<&NameInfo> {
        self.by_name.get(name)
    }

    /// Every published name, sorted.
    pub fn names(&self) -> impl Iterator<Item = (&str, &NameInfo)> {
        self.by_name
            .iter()
            .map(|(name, info)| (name.as_str(), info))
    }

    /// The entries declaring `name:tag`.
    pub fn declared(&self, name: &str, tag: &str) -> &[EntryId] {
        self.by_name
            .get(name)
            .and_then(|info| info.tags.get(tag))
            .map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, MemorySource};

    #[test]
    fn names_come_from_the_scene_list_with_a_basename_fallback() {
        let source = MemorySource::new()
            .with(
                "AI/image-list.yml",
                "images:\n  kserve-agent: kserve/agent/\n",
            )
            .with("AI/kserve/agent/meta.yml", "1.0-oe2403lts:\n  path: a\n")
            .with("AI/other/meta.yml", "2.0-oe2403lts:\n  path: a\n")
            .with("Misc/tool/meta.yml", "3.0-oe2403lts:\n  path: a\n");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let index = ImageIndex::build(&repo);
        let names: Vec<Option<&str>> = (0..3).map(|m| index.name_of(m)).collect();
        assert_eq!(names, [Some("kserve-agent"), Some("other"), Some("tool")]);
        assert_eq!(index.listed_by(0), Some((0, 0)));
        assert_eq!(index.listed_by(1), None);
        assert_eq!(index.declared("kserve-agent", "1.0-oe2403lts").len(), 1);
        assert!(index.declared("agent", "1.0-oe2403lts").is_empty());
    }

    #[test]
    fn one_name_in_two_scenes_merges_its_tags() {
        let source = MemorySource::new()
            .with("A/image-list.yml", "images:\n  x: x\n")
            .with("B/image-list.yml", "images:\n  x: y\n")
            .with("A/x/meta.yml", "1-oe2403lts:\n  path: a\n")
            .with(
                "B/y/meta.yml",
                "1-oe2403lts:\n  path: a\n2-oe2403lts:\n  path: b\n",
            );
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let index = ImageIndex::build(&repo);
        let info = index.name("x").expect("x");
        assert_eq!(info.roots, [0, 1]);
        assert_eq!(info.listed.len(), 2);
        assert_eq!(info.tags["1-oe2403lts"].len(), 2);
        assert_eq!(info.tags.len(), 2);
    }
}
