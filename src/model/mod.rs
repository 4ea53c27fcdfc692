//! The repository as the rules see it: the file listing, every `meta.yml` parsed once into
//! spanned entries, and a cache of every file read (the report needs their text to locate
//! findings).

pub mod entry_path;
pub mod image_index;
pub mod parents;
pub mod placement;

use std::cell::{OnceCell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use crate::domain::tables::Config;
use crate::source::{FileSource, ReadError};
use crate::syntax::yaml::{self, Document, Node};
use crate::text::line_index::LineIndex;
use crate::text::Span;

/// The file name the publisher reads in every image folder.
pub const MANIFEST_NAME: &str = "meta.yml";

/// A text file that was read, with its line index.
#[derive(Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: String) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile {
            path: path.into(),
            text,
            lines,
        }
    }

    /// The first line, without its line ending: where a finding about the whole file points,
    /// so editors and annotations underline something visible.
    pub fn first_line(&self) -> Span {
        let (start, end) = self.lines.line_span(&self.text, 1);
        Span::new(start, end)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}

/// One `tag: {path, arch}` pair of a manifest, kept even when its value is malformed.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The tag as the publisher reads it (the key's string value).
    pub tag: String,
    pub key: Node,
    pub value: Node,
}

impl Entry {
    pub fn tag_span(&self) -> Span {
        self.key.span
    }

    /// The `path` value, when the entry is a mapping with a string `path`.
    pub fn path(&self) -> Option<(&str, Span)> {
        let node = self.value.get("path")?;
        Some((node.as_str()?, node.span))
    }

    /// The `arch` node, when present.
    pub fn arch(&self) -> Option<&Node> {
        self.value.get("arch")
    }
}

/// A parsed `meta.yml`.
#[derive(Debug)]
pub struct Manifest {
    /// Repository path of the file, e.g. `AI/pytorch/meta.yml`.
    pub path: String,
    /// The image root: the folder holding the manifest (`AI/pytorch`), `""` at the top.
    pub root: String,
    pub file: Rc<SourceFile>,
    pub doc: Document,
    /// Every pair of the top-level mapping, in order, duplicates included.
    pub entries: Vec<Entry>,
}

impl Manifest {
    /// Joins a path relative to the image root into a repository path.
    pub fn join(&self, relative: &str) -> String {
        join_dir(&self.root, relative)
    }
}

/// `dir` + `/` + `relative`, where `dir` may be the empty top folder.
pub fn join_dir(dir: &str, relative: &str) -> String {
    if dir.is_empty() {
        relative.to_string()
    } else {
        format!("{dir}/{relative}")
    }
}

/// The folder part of a repository path (`""` at the top).
pub fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The last segment of a repository path.
pub fn file_name(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(_, name)| name)
}

/// Everything the rules read. Built once per check.
pub struct Repo<'a> {
    pub source: &'a dyn FileSource,
    pub config: &'a Config,
    /// Every file, sorted.
    pub paths: Vec<String>,
    /// Every folder that holds at least one file (directly or below), sorted.
    pub dirs: BTreeSet<String>,
    pub manifests: Vec<Manifest>,
    files: RefCell<BTreeMap<String, Result<Rc<SourceFile>, ReadError>>>,
    /// Built on first use by [`Repo::image_index`].
    pub(crate) image_index: OnceCell<crate::model::image_index::ImageIndex>,
    /// Built on first use by [`Repo::layers`].
    pub(crate) layers: OnceCell<crate::model::parents::Layers>,
}

impl<'a> Repo<'a> {
    pub fn load(source: &'a dyn FileSource, config: &'a Config) -> Repo<'a> {
        let paths = source.list();
        let mut dirs = BTreeSet::new();
        for path in &paths {
            let mut dir = parent_dir(path);
            while !dir.is_empty() && dirs.insert(dir.to_string()) {
                dir = parent_dir(dir);
            }
        }
        let mut repo = Repo {
            source,
            config,
            paths,
            dirs,
            manifests: Vec::new(),
            files: RefCell::new(BTreeMap::new()),
            image_index: OnceCell::new(),
            layers: OnceCell::new(),
        };
        let manifest_paths: Vec<String> = repo
            .paths
            .iter()
            .filter(|p| file_name(p) == MANIFEST_NAME)
            .cloned()
            .collect();
        for path in manifest_paths {
            let Some(file) = repo.read(&path) else {
                continue;
            };
            let doc = yaml::parse(&file.text);
            let entries = doc
                .root
                .as_ref()
                .and_then(Node::as_mapping)
                .map(|pairs| {
                    pairs
                        .iter()
                        .map(|pair| Entry {
                            tag: pair.key.as_str().unwrap_or_default().to_string(),
                            key: pair.key.clone(),
                            value: pair.value.clone(),
                        })
                        .collect()
                })
                .unwrap_or_default();
            repo.manifests.push(Manifest {
                root: parent_dir(&path).to_string(),
                path,
                file,
                doc,
                entries,
            });
        }
        repo
    }

    /// Reads a file once; failures are remembered and reported as F001 at the end.
    pub fn read(&self, path: &str) -> Option<Rc<SourceFile>> {
        if let Some(cached) = self.files.borrow().get(path) {
            return cached.as_ref().ok().cloned();
        }
        let result = self
            .source
            .read(path)
            .map(|text| Rc::new(SourceFile::new(path, text)));
        let file = result.as_ref().ok().cloned();
        self.files.borrow_mut().insert(path.to_string(), result);
        file
    }

    /// The first line of a file, or the empty start when it cannot be read.
    pub fn first_line(&self, path: &str) -> Span {
        self.read(path)
            .map_or_else(Span::file_start, |file| file.first_line())
    }

    /// A file that was read before, for locating findings.
    pub fn cached(&self, path: &str) -> Option<Rc<SourceFile>> {
        self.files.borrow().get(path)?.as_ref().ok().cloned()
    }

    pub fn is_file(&self, path: &str) -> bool {
        self.paths
            .binary_search_by(|p| p.as_str().cmp(path))
            .is_ok()
    }

    pub fn is_dir(&self, path: &str) -> bool {
        self.dirs.contains(path)
    }

    /// Files that could not be read, except those the caller chose not to provide.
    pub fn read_failures(&self) -> Vec<(String, ReadError)> {
        self.files
            .borrow()
            .iter()
            .filter_map(|(path, result)| match result {
                Err(ReadError::NotFound | ReadError::NotProvided) | Ok(_) => None,
                Err(error) => Some((path.clone(), error.clone())),
            })
            .collect()
    }

    /// Every file below `dir` (`""` is the whole repository): a slice of the sorted listing, so
    /// looking up one image's files does not scan the repository.
    pub fn files_under(&self, dir: &str) -> &[String] {
        if dir.is_empty() {
            return &self.paths;
        }
        let prefix = format!("{dir}/");
        let start = self.paths.partition_point(|p| p.as_str() < prefix.as_str());
        let len = self.paths[start..].partition_point(|p| p.starts_with(&prefix));
        &self.paths[start..start + len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemorySource;

    #[test]
    fn files_under_is_exactly_the_folder_subtree() {
        let source = MemorySource::new()
            .with("AI/b-c/x", "")
            .with("AI/b/meta.yml", "")
            .with("AI/b/1.0/Dockerfile", "")
            .with("AI/bc", "")
            .with("Cloud/b/y", "");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        assert_eq!(
            repo.files_under("AI/b"),
            ["AI/b/1.0/Dockerfile", "AI/b/meta.yml"]
        );
        assert_eq!(repo.files_under("AI").len(), 4);
        assert_eq!(repo.files_under("").len(), 5);
        assert!(repo.files_under("Nope").is_empty());
    }
}
