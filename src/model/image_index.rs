//! The image index: which published image (`openeuler/<name>`) every image root belongs to,
//! read from each scene's `image-list.yml`, and which tags every name declares. Built once
//! per check ([`Repo::image_index`]) and shared by the registry, stack and layer rules.

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use crate::model::{file_name, parent_dir, Entry, Repo, SourceFile};
use crate::syntax::yaml::{self, Node};
use crate::text::Span;

/// The file that lists the images of a scene folder.
pub const IMAGE_LIST_NAME: &str = "image-list.yml";

/// One `name: folder` line of an `image-list.yml`.
#[derive(Debug, Clone)]
pub struct ListEntry {
    pub name: String,
    pub name_span: Span,
    /// The folder relative to the scene, without `./` or a trailing `/`.
    pub folder: String,
    pub folder_span: Span,
}

/// A parsed `<scene>/image-list.yml`.
#[derive(Debug)]
pub struct ImageList {
    pub path: String,
    pub scene: String,
    pub file: Rc<SourceFile>,
    /// The `images:` key, where findings about the list as a whole point.
    pub anchor: Span,
    /// Every entry in order, duplicates included.
    pub entries: Vec<ListEntry>,
    /// The parsed file; on a syntax error, entries hold what was parsed before it.
    pub doc: yaml::Document,
    /// The file parsed and has an `images:` mapping, so a missing name really is missing.
    pub complete: bool,
    /// Parts of the file that are not `images:` -> mapping of name -> folder string.
    pub malformed: Vec<Malformed>,
}

/// A part of an `image-list.yml` that does not have the expected shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub span: Span,
    /// What was found, as a noun phrase ("a list", "no `images:` key").
    pub found: String,
    /// What was expected there.
    pub expected: &'static str,
}

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
    pub lists: Vec<ImageList>,
    /// The published name of every manifest, by manifest index.
    pub names: Vec<String>,
    /// The list entry naming each manifest's root, when there is one.
    pub listed_by: Vec<Option<(usize, usize)>>,
    by_name: BTreeMap<String, NameInfo>,
}

impl ImageIndex {
    pub fn build(repo: &Repo) -> ImageIndex {
        let mut index = ImageIndex::default();
        for path in &repo.paths {
            let scene = parent_dir(path);
            if file_name(path) == IMAGE_LIST_NAME && !scene.is_empty() && !scene.contains('/') {
                if let Some(file) = repo.read(path) {
                    index.lists.push(parse_list(path, scene, file));
                }
            }
        }
        let mut folder_to_entry: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
        for (l, list) in index.lists.iter().enumerate() {
            for (e, entry) in list.entries.iter().enumerate() {
                folder_to_entry
                    .entry((list.scene.as_str(), entry.folder.as_str()))
                    .or_insert((l, e));
            }
        }
        let mut names = Vec::with_capacity(repo.manifests.len());
        let mut listed_by = Vec::with_capacity(repo.manifests.len());
        for manifest in &repo.manifests {
            let listed = manifest
                .root
                .split_once('/')
                .and_then(|(scene, folder)| folder_to_entry.get(&(scene, folder)).copied());
            let name = match listed {
                Some((l, e)) => index.lists[l].entries[e].name.clone(),
                None => file_name(&manifest.root).to_string(),
            };
            names.push(name);
            listed_by.push(listed);
        }
        for (l, list) in index.lists.iter().enumerate() {
            for (e, entry) in list.entries.iter().enumerate() {
                index
                    .by_name
                    .entry(entry.name.clone())
                    .or_default()
                    .listed
                    .push((l, e));
            }
        }
        for (m, name) in names.iter().enumerate() {
            let info = index.by_name.entry(name.clone()).or_default();
            info.roots.push(m);
            for (e, entry) in repo.manifests[m].entries.iter().enumerate() {
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
        }
        index.names = names;
        index.listed_by = listed_by;
        index
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

    /// The list of `scene`, if it has one.
    pub fn list_of_scene(&self, scene: &str) -> Option<usize> {
        self.lists.iter().position(|list| list.scene == scene)
    }
}

impl Repo<'_> {
    /// The image index, built on first use and shared by every rule of this check.
    pub fn image_index(&self) -> &ImageIndex {
        self.image_index.get_or_init(|| ImageIndex::build(self))
    }

    pub fn entry(&self, id: EntryId) -> Option<&Entry> {
        self.manifests.get(id.manifest)?.entries.get(id.entry)
    }
}

fn parse_list(path: &str, scene: &str, file: Rc<SourceFile>) -> ImageList {
    let doc = yaml::parse(&file.text);
    let mut anchor = Span::file_start();
    let mut entries = Vec::new();
    let mut malformed = Vec::new();
    let root = doc.root.as_ref();
    let images = root.and_then(Node::as_mapping).and_then(|pairs| {
        pairs
            .iter()
            .rev()
            .find(|pair| pair.key.as_str() == Some("images"))
    });
    match (root, images) {
        (_, Some(pair)) => {
            anchor = pair.key.span;
            match pair.value.as_mapping() {
                Some(items) => {
                    for item in items {
                        let (Some(name), Some(folder)) = (item.key.as_str(), item.value.as_str())
                        else {
                            let bad = if item.key.as_str().is_none() {
                                &item.key
                            } else {
                                &item.value
                            };
                            malformed.push(Malformed {
                                span: bad.span,
                                found: bad.kind_name().to_string(),
                                expected: "a published image name mapped to its folder, e.g. `cann: cann`",
                            });
                            continue;
                        };
                        entries.push(ListEntry {
                            name: name.to_string(),
                            name_span: item.key.span,
                            folder: normalize_folder(folder),
                            folder_span: item.value.span,
                        });
                    }
                }
                None => malformed.push(Malformed {
                    span: pair.value.span,
                    found: pair.value.kind_name().to_string(),
                    expected: "a mapping of published image names to folders under `images:`",
                }),
            }
        }
        // A syntax error before `images:` is reported on its own.
        (_, None) if doc.error.is_some() => {}
        (Some(root), None) if root.as_mapping().is_some() => malformed.push(Malformed {
            span: root
                .as_mapping()
                .and_then(|pairs| pairs.first())
                .map_or(root.span, |pair| pair.key.span),
            found: "no `images:` key".to_string(),
            expected: "a top-level `images:` mapping",
        }),
        (Some(root), None) => malformed.push(Malformed {
            span: root.span,
            found: root.kind_name().to_string(),
            expected: "a top-level `images:` mapping",
        }),
        (None, None) => malformed.push(Malformed {
            span: Span::file_start(),
            found: "an empty file".to_string(),
            expected: "a top-level `images:` mapping",
        }),
    }
    // What the parser closed early at a syntax error is not the author's shape: Y001 covers it.
    if let Some(error) = &doc.error {
        malformed.retain(|m| m.span.end < error.span.start);
    }
    let complete =
        doc.error.is_none() && images.is_some_and(|pair| pair.value.as_mapping().is_some());
    ImageList {
        path: path.to_string(),
        scene: scene.to_string(),
        file,
        anchor,
        entries,
        malformed,
        complete,
        doc,
    }
}

fn normalize_folder(folder: &str) -> String {
    let folder = folder.trim();
    let folder = folder.strip_prefix("./").unwrap_or(folder);
    folder.trim_end_matches('/').to_string()
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
        let index = repo.image_index();
        let names: Vec<&str> = index.names.iter().map(String::as_str).collect();
        assert_eq!(names, ["kserve-agent", "other", "tool"]);
        assert_eq!(index.listed_by[0], Some((0, 0)));
        assert_eq!(index.listed_by[1], None);
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
        let info = repo.image_index().name("x").expect("x");
        assert_eq!(info.roots, [0, 1]);
        assert_eq!(info.listed.len(), 2);
        assert_eq!(info.tags["1-oe2403lts"].len(), 2);
        assert_eq!(info.tags.len(), 2);
    }
}
