//! A parsed `meta.yml`: its entries, where each entry's `path` leads, and whether the publisher
//! reads the file at all (its placement), all decided once when the repository is loaded.

use std::cell::OnceCell;
use std::collections::HashSet;
use std::rc::Rc;

use crate::domain::arch;
use crate::domain::layout::{tag_version, ENTRY_KEYS};
use crate::domain::tag;
use crate::model::entry_path::{EntryPath, Escape};
use crate::model::listing::Listing;
use crate::source::repo_path::{file_name, join_dir};
use crate::syntax::yaml::{Document, Node, Pair, Style};
use crate::text::{SourceFile, Span};

/// One `tag: {path, arch}` pair of a manifest, kept even when its value is malformed.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The tag as the publisher reads it (the key's string value).
    pub tag: String,
    pub key: Node,
    pub value: Node,
    /// Where a string `path` leads ([`crate::model::entry_path::resolve`]); `None` when the
    /// entry has no string `path`.
    pub resolved: Option<Result<EntryPath, Escape>>,
    /// Entry keys (`path:`, `arch:`) written at the top level right after this tag, whose
    /// value is empty: the author forgot to indent them. YAML reads each as a tag of its own;
    /// they are kept here instead, so that one finding says to indent them and no rule judges
    /// `path` as a tag.
    pub unindented: Vec<Pair>,
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

    /// The resolved path, when it stays inside the image.
    pub fn entry_path(&self) -> Option<&EntryPath> {
        self.resolved.as_ref()?.as_ref().ok()
    }

    /// The repository path of the Dockerfile the entry builds from, when it exists.
    pub fn dockerfile(&self) -> Option<&str> {
        self.entry_path()
            .filter(|path| path.exists)
            .map(|path| path.repo_path.as_str())
    }

    /// Whether `pair`, the top-level pair after this entry, is an entry key that belongs under
    /// this tag: the tag has nothing after its colon and the key is a plain `path` or `arch`.
    pub fn owns_unindented(&self, pair: &Pair) -> bool {
        let plain_entry_key = pair.key.as_scalar().is_some_and(|key| {
            key.style == Style::Plain
                && key.tag.is_none()
                && ENTRY_KEYS.contains(&key.value.as_str())
        });
        plain_entry_key && self.value.is_null() && self.value.span.is_empty()
    }

    /// The `path` value among the unindented keys.
    pub fn unindented_path(&self) -> Option<&str> {
        self.unindented
            .iter()
            .find(|pair| pair.key.as_str() == Some("path"))
            .and_then(|pair| pair.value.as_str())
    }

    /// The architectures the entry is built for; `None` when `arch` is null, not a string or
    /// not spelled exactly right (A001 reports those).
    pub fn architectures(&self) -> Option<Vec<&str>> {
        match self.arch() {
            None => Some(arch::DEFAULT_ARCHES.to_vec()),
            Some(node) => arch::parse_list(node.as_str()?),
        }
    }
}

/// Whether the publisher reads a `meta.yml`, and if not, why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// In an image folder: the publisher reads it.
    Read,
    /// Below the image root that holds this `meta.yml` (inside its version folder, say).
    BelowRoot(String),
    /// Directly in an OS release folder (`1.0/24.03-lts/meta.yml`).
    InReleaseFolder,
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
    pub placement: Placement,
    /// What [`Manifest::declares`] and [`Manifest::builds_from`] look up, built on first use:
    /// fixes ask them once per finding, and a manifest may have tens of thousands of entries.
    lookups: OnceCell<Lookups>,
}

#[derive(Debug)]
struct Lookups {
    tags: HashSet<String>,
    dockerfiles: HashSet<String>,
}

impl Manifest {
    pub fn new(
        path: String,
        root: String,
        file: Rc<SourceFile>,
        doc: Document,
        entries: Vec<Entry>,
        placement: Placement,
    ) -> Manifest {
        Manifest {
            path,
            root,
            file,
            doc,
            entries,
            placement,
            lookups: OnceCell::new(),
        }
    }

    fn lookups(&self) -> &Lookups {
        self.lookups.get_or_init(|| Lookups {
            tags: self.entries.iter().map(|entry| entry.tag.clone()).collect(),
            dockerfiles: self
                .entries
                .iter()
                .filter_map(Entry::dockerfile)
                .map(str::to_string)
                .collect(),
        })
    }

    /// Whether an entry of this manifest, any entry, has the tag `tag`.
    pub fn declares(&self, tag: &str) -> bool {
        self.lookups().tags.contains(tag)
    }

    /// Whether an entry builds from the Dockerfile at repository path `dockerfile`.
    pub fn builds_from(&self, dockerfile: &str) -> bool {
        self.lookups().dockerfiles.contains(dockerfile)
    }

    /// Joins a path relative to the image root into a repository path.
    pub fn join(&self, relative: &str) -> String {
        join_dir(&self.root, relative)
    }

    /// Whether the publisher reads this file. Only the Y rules look at the others: checking
    /// their paths or parents would only repeat the one real problem (Y007) many times.
    pub fn is_placed(&self) -> bool {
        self.placement == Placement::Read
    }

    /// Entries parsed completely: after a syntax error the entry being parsed is cut short,
    /// and judging its truncated value would only repeat the Y001 finding.
    pub fn complete_entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|entry| self.is_complete(entry))
    }

    /// Whether `entry` was parsed completely (see [`Manifest::complete_entries`]).
    pub fn is_complete(&self, entry: &Entry) -> bool {
        let stop = self.doc.error.as_ref().map(|error| error.span.start);
        stop.is_none_or(|stop| entry.value.span.end < stop)
    }

    /// Whether every entry could be read, so a Dockerfile no entry names is really unused.
    pub fn fully_read(&self) -> bool {
        self.doc.error.is_none() && !self.entries.is_empty()
    }

    /// The existing file the tag itself describes: `<version>/<os-dir>/<file>`.
    pub fn tag_file(&self, listing: &Listing, tag: &str, file: &str) -> Option<String> {
        let parts = tag::split(tag)?;
        let version = tag_version(parts.head, file_name(&self.root));
        let os_dir = parts.os.dir_name();
        // Tags write a folder's `+` as `_`; the folder may use either.
        let plus = version.contains('_').then(|| version.replace('_', "+"));
        // Every rule asks this of every entry: one buffer, no path built twice.
        let mut path =
            String::with_capacity(self.root.len() + version.len() + os_dir.len() + file.len() + 3);
        for version in std::iter::once(version).chain(plus.as_deref()) {
            path.clear();
            if !self.root.is_empty() {
                path.push_str(&self.root);
                path.push('/');
            }
            let relative = path.len();
            for part in [version, "/", &os_dir, "/", file] {
                path.push_str(part);
            }
            if listing.is_file(&path) {
                return Some(path.split_off(relative));
            }
        }
        None
    }

    /// The existing Dockerfile the tag describes when it differs from where `path` points: the
    /// entry was copied and its path not updated.
    pub fn tag_described_file(
        &self,
        listing: &Listing,
        tag: &str,
        path: &EntryPath,
    ) -> Option<String> {
        let file = file_name(&path.relative);
        self.tag_file(listing, tag, file)
            .filter(|described| *described != path.relative)
    }

    /// Where findings about the whole manifest point: its first tag, or its first line.
    pub fn anchor(&self) -> Span {
        self.entries
            .first()
            .map_or_else(|| self.file.first_line(), Entry::tag_span)
    }
}
