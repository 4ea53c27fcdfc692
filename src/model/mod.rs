//! The repository as the rules see it, loaded once: the listing, the text of every file the
//! core reads ([`needs_content`]), each of them parsed once (manifests, scene lists,
//! Dockerfiles), every manifest's placement and every entry's resolved `path`. What is
//! derived from it for the rules (the image index, the parent graph) is in [`context`].

pub mod change;
pub mod context;
pub mod entry_path;
pub mod image_index;
pub mod image_list;
pub mod listing;
pub mod manifest;
pub mod parents;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use crate::domain::layout::{
    is_baseline_file, is_build_file, is_misnamed_manifest, is_scene_image_list, needs_content,
    release_folder, CONFIG_FILE_NAME, MANIFEST_NAME,
};
use crate::domain::tables::Config;
use crate::model::image_list::ImageList;
use crate::model::listing::Listing;
use crate::model::manifest::{Entry, Manifest, Placement};
use crate::source::repo_path::{file_name, parent_dir};
use crate::source::{FileSource, ReadError};
use crate::syntax::dockerfile::{self, Dockerfile};
use crate::syntax::yaml::{self, Node};
use crate::syntax::Syntax;
use crate::text::{SourceFile, Span};

/// Everything the rules read. Loaded once per check; nothing is read after that.
pub struct Repo<'a> {
    pub config: &'a Config,
    pub listing: Listing,
    /// Every file whose content the core needs, read or with the reason it could not be.
    files: BTreeMap<String, Result<Rc<SourceFile>, ReadError>>,
    /// Every `meta.yml` that could be read, in path order.
    pub manifests: Vec<Rc<Manifest>>,
    /// Every scene's `image-list.yml` that could be read, in path order.
    pub lists: Vec<ImageList>,
    /// Every build file that could be read, parsed.
    dockerfiles: HashMap<String, Rc<Dockerfile>>,
    /// Files needed but unreadable, for F001: those a rule reads by name, and any an entry's
    /// `path` names.
    failures: Vec<(String, ReadError)>,
    /// Bytes of every path listed and every text read: what the work of a check may grow with.
    pub input_bytes: usize,
}

impl<'a> Repo<'a> {
    pub fn load(source: &dyn FileSource, config: &'a Config) -> Repo<'a> {
        Repo::load_with(source, config, &[], None)
    }

    /// Loads the repository. `extra` names files to read although they are not listed (the
    /// configuration and baseline files given with `--config` and `--baseline`, to locate
    /// their findings). `reuse` is
    /// another loaded state of the same repository (a change's base): a file whose text is the
    /// same there is not parsed again, and a manifest whose image folder lists the same files
    /// is shared whole.
    pub fn load_with(
        source: &dyn FileSource,
        config: &'a Config,
        extra: &[&str],
        reuse: Option<&Repo>,
    ) -> Repo<'a> {
        let listing = Listing::new(source.list());
        let mut input_bytes: usize = listing.paths().iter().map(String::len).sum();
        let mut texts = BTreeMap::new();
        let wanted = listing
            .paths()
            .iter()
            .map(String::as_str)
            .filter(|path| needs_content(path))
            .chain(extra.iter().copied());
        for path in wanted {
            let text = source.read(path);
            if let Ok(text) = &text {
                input_bytes += text.len();
            }
            texts.insert(path.to_string(), text);
        }
        let mut repo = Repo {
            config,
            listing,
            files: BTreeMap::new(),
            manifests: Vec::new(),
            lists: Vec::new(),
            dockerfiles: HashMap::new(),
            failures: Vec::new(),
            input_bytes,
        };
        let roots = repo.roots();
        for (path, text) in texts {
            let file = text.map(|text| {
                if extra.contains(&path.as_str()) {
                    return Rc::new(SourceFile::new(&path, text));
                }
                let same = reuse.and_then(|other| Some((other, other.file(&path)?)));
                match same {
                    Some((other, file)) if file.text == text => {
                        let file = file.clone();
                        repo.adopt(&path, &file, other, &roots);
                        file
                    }
                    _ => repo.parse(&path, text, &roots),
                }
            });
            repo.files.insert(path, file);
        }
        repo.failures = repo.collect_failures();
        repo
    }

    /// Parses a file read for the first time, by what it is, and keeps the result.
    fn parse(&mut self, path: &str, text: String, roots: &HashSet<String>) -> Rc<SourceFile> {
        let mut file = SourceFile::new(path, text);
        let parsed = Parsed::of(path, &file.text);
        file.comments = parsed.comments().to_vec();
        file.parsed_to = parsed.stopped_at();
        let file = Rc::new(file);
        match parsed {
            Parsed::Manifest(doc) => {
                let manifest = self.manifest(path, &file, doc, roots);
                keep_sorted(&mut self.manifests, Rc::new(manifest), |m| &m.path);
            }
            Parsed::ImageList(doc) => {
                let list = image_list::read(path, parent_dir(path), file.clone(), doc);
                keep_sorted(&mut self.lists, list, |l| &l.path);
            }
            Parsed::Dockerfile(parsed) => {
                self.dockerfiles.insert(path.to_string(), Rc::new(parsed));
            }
            Parsed::Yaml(_) | Parsed::Text => {}
        }
        file
    }

    /// Reads `changed` again in place, when the files the repository has are the same ones
    /// (only contents changed): each changed file is parsed again and put where the old one
    /// was; nothing else is touched, as nothing the load derived depends on another file's
    /// content. `false` (nothing done) when a file was added or removed: then every entry's
    /// `path` may resolve differently, and the caller loads the repository again.
    pub fn refresh(&mut self, source: &dyn FileSource, changed: &HashSet<String>) -> bool {
        let same_files = changed
            .iter()
            .all(|path| self.listing.is_file(path) && source.is_file(path));
        if !same_files {
            return false;
        }
        let roots = self.roots();
        for path in changed.iter().filter(|path| needs_content(path)) {
            self.forget(path);
            let file = source.read(path).map(|text| self.parse(path, text, &roots));
            let before = self.text_bytes(path);
            self.files.insert(path.clone(), file);
            self.input_bytes = self.input_bytes.saturating_sub(before) + self.text_bytes(path);
        }
        self.failures = self.collect_failures();
        true
    }

    /// Bytes of the text read from `path` (0 when none was).
    fn text_bytes(&self, path: &str) -> usize {
        match self.files.get(path) {
            Some(Ok(file)) => file.text.len(),
            _ => 0,
        }
    }

    /// Drops what was parsed from `path`.
    fn forget(&mut self, path: &str) {
        self.manifests.retain(|manifest| manifest.path != path);
        self.lists.retain(|list| list.path != path);
        self.dockerfiles.remove(path);
    }

    /// Every folder that holds a `meta.yml`.
    fn roots(&self) -> HashSet<String> {
        self.listing
            .paths()
            .iter()
            .filter(|path| file_name(path) == MANIFEST_NAME)
            .map(|path| parent_dir(path).to_string())
            .collect()
    }

    /// Keeps the loaded repository between checks, to be reused in place ([`Repo::refresh`])
    /// or by the next load: an editor checks again after every keystroke.
    pub fn park(self) -> Parked {
        Parked(self.with_config(parking_config()))
    }

    fn with_config<'b>(self, config: &'b Config) -> Repo<'b> {
        Repo {
            config,
            listing: self.listing,
            files: self.files,
            manifests: self.manifests,
            lists: self.lists,
            dockerfiles: self.dockerfiles,
            failures: self.failures,
            input_bytes: self.input_bytes,
        }
    }

    /// Takes over what `other` parsed from the same text of `path`.
    fn adopt(&mut self, path: &str, file: &Rc<SourceFile>, other: &Repo, roots: &HashSet<String>) {
        if let Some(parsed) = other.dockerfiles.get(path) {
            self.dockerfiles.insert(path.to_string(), parsed.clone());
            return;
        }
        let name = file_name(path);
        if name == MANIFEST_NAME {
            let root = parent_dir(path);
            let shared = other
                .manifest_at(path)
                .filter(|manifest| manifest.placement == placement(self.config, roots, root))
                .filter(|manifest| self.resolves_alike(manifest, other));
            let manifest = match shared {
                Some(manifest) => manifest.clone(),
                None => Rc::new(self.manifest(path, file, yaml::parse(&file.text), roots)),
            };
            keep_sorted(&mut self.manifests, manifest, |m| &m.path);
        } else if is_scene_image_list(path) {
            let doc = yaml::parse(&file.text);
            let list = image_list::read(path, parent_dir(path), file.clone(), doc);
            keep_sorted(&mut self.lists, list, |l| &l.path);
        }
    }

    /// Whether `manifest`'s entry paths (resolved in `other`) resolve the same here: its image
    /// folder lists the same files, and every path exists (a missing path may name a file
    /// elsewhere in the repository, which can differ).
    fn resolves_alike(&self, manifest: &Manifest, other: &Repo) -> bool {
        self.files_under(&manifest.root) == other.files_under(&manifest.root)
            && manifest
                .entries
                .iter()
                .filter_map(|entry| entry.resolved.as_ref()?.as_ref().ok())
                .all(|path| path.exists)
    }

    fn manifest(
        &self,
        path: &str,
        file: &Rc<SourceFile>,
        doc: yaml::Document,
        roots: &HashSet<String>,
    ) -> Manifest {
        let root = parent_dir(path).to_string();
        let entries = self.entries(&root, &doc);
        let placement = placement(self.config, roots, &root);
        Manifest::new(
            path.to_string(),
            root,
            file.clone(),
            doc,
            entries,
            placement,
        )
    }

    /// The manifest read from `path`.
    pub fn manifest_at(&self, path: &str) -> Option<&Rc<Manifest>> {
        let at = self
            .manifests
            .binary_search_by(|manifest| manifest.path.as_str().cmp(path))
            .ok()?;
        self.manifests.get(at)
    }

    /// The pairs of a manifest's top-level mapping, each with its `path` resolved; entry keys
    /// that belong under the tag before them ([`Entry::owns_unindented`]) go to that tag.
    fn entries(&self, root: &str, doc: &yaml::Document) -> Vec<Entry> {
        let Some(pairs) = doc.root.as_ref().and_then(Node::as_mapping) else {
            return Vec::new();
        };
        let mut entries: Vec<Entry> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            if let Some(owner) = entries.last_mut().filter(|e| e.owns_unindented(pair)) {
                owner.unindented.push(pair.clone());
                continue;
            }
            let resolved = pair
                .value
                .get("path")
                .filter(|node| !node.is_null())
                .and_then(|node| Some((node.as_str()?, node.span)))
                .map(|(raw, span)| entry_path::resolve(&self.listing, root, raw, span));
            entries.push(Entry {
                tag: pair.key.as_str().unwrap_or_default().to_string(),
                key: pair.key.clone(),
                value: pair.value.clone(),
                resolved,
                unindented: Vec::new(),
            });
        }
        entries
    }

    fn collect_failures(&self) -> Vec<(String, ReadError)> {
        let referenced: HashSet<&str> = self
            .manifests
            .iter()
            .flat_map(|manifest| &manifest.entries)
            .filter_map(Entry::entry_path)
            .map(|path| path.repo_path.as_str())
            .collect();
        self.files
            .iter()
            .filter_map(|(path, result)| match result {
                Err(ReadError::NotFound | ReadError::NotProvided) | Ok(_) => None,
                Err(error) => {
                    let name = file_name(path);
                    let read_by_name = name == MANIFEST_NAME
                        || is_misnamed_manifest(name)
                        || is_scene_image_list(path)
                        || is_build_file(name)
                        || path == CONFIG_FILE_NAME;
                    (read_by_name || referenced.contains(path.as_str()))
                        .then(|| (path.clone(), error.clone()))
                }
            })
            .collect()
    }

    /// A file the core read (every file it needs is read at load).
    pub fn file(&self, path: &str) -> Option<&Rc<SourceFile>> {
        self.files.get(path)?.as_ref().ok()
    }

    /// The parsed build file at `path`, when it could be read.
    pub fn dockerfile(&self, path: &str) -> Option<&Dockerfile> {
        self.dockerfiles.get(path).map(|parsed| &**parsed)
    }

    /// The first line of a file, or the empty start when it cannot be read.
    pub fn first_line(&self, path: &str) -> Span {
        self.file(path)
            .map_or_else(Span::file_start, |file| file.first_line())
    }

    /// Needed files that could not be read (F001), except those the caller chose not to
    /// provide.
    pub fn read_failures(&self) -> &[(String, ReadError)] {
        &self.failures
    }

    /// Every file, sorted.
    pub fn paths(&self) -> &[String] {
        self.listing.paths()
    }

    pub fn is_file(&self, path: &str) -> bool {
        self.listing.is_file(path)
    }

    pub fn is_dir(&self, path: &str) -> bool {
        self.listing.is_dir(path)
    }

    /// Every file below `dir`, from the sorted listing.
    pub fn files_under(&self, dir: &str) -> &[String] {
        self.listing.files_under(dir)
    }

    /// The manifests the publisher reads.
    pub fn placed(&self) -> impl Iterator<Item = &Manifest> {
        self.manifests
            .iter()
            .map(|manifest| &**manifest)
            .filter(|manifest| manifest.is_placed())
    }

    /// The `image-list.yml` of `scene`, if it has one.
    pub fn list_of_scene(&self, scene: &str) -> Option<usize> {
        self.lists.iter().position(|list| list.scene == scene)
    }
}

/// Puts `item` into `items`, sorted by `key`, in place of one with the same key.
fn keep_sorted<T>(items: &mut Vec<T>, item: T, key: impl Fn(&T) -> &String) {
    match items.binary_search_by(|other| key(other).cmp(key(&item))) {
        Ok(at) => items[at] = item,
        Err(at) => items.insert(at, item),
    }
}

/// A loaded repository kept between checks, only to be used again ([`Repo::park`]).
pub struct Parked(Repo<'static>);

impl Parked {
    /// The parked repository under `config`, the policy it is checked with now.
    pub fn unpark(self, config: &Config) -> Repo<'_> {
        self.0.with_config(config)
    }
}

/// The configuration a parked repository holds while nothing checks it.
fn parking_config() -> &'static Config {
    static PARKING: std::sync::OnceLock<Config> = std::sync::OnceLock::new();
    PARKING.get_or_init(Config::default)
}

/// A file parsed by what it is.
enum Parsed {
    Manifest(yaml::Document),
    ImageList(yaml::Document),
    /// A misnamed manifest: read for its comments only.
    Yaml(yaml::Document),
    Dockerfile(Dockerfile),
    /// The configuration file or a baseline, which [`crate::policy`] reads.
    Text,
}

/// What a file the core reads is, by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Manifest,
    ImageList,
    /// A misnamed manifest (`meta.yaml`).
    MisnamedManifest,
    /// The configuration file or a baseline.
    Policy,
    /// A build file, a variant or a near miss.
    Dockerfile,
}

impl FileKind {
    /// The kind of a file the core reads ([`needs_content`]).
    pub fn of(path: &str) -> FileKind {
        let name = file_name(path);
        if name == MANIFEST_NAME {
            FileKind::Manifest
        } else if is_scene_image_list(path) {
            FileKind::ImageList
        } else if is_misnamed_manifest(name) {
            FileKind::MisnamedManifest
        } else if path == CONFIG_FILE_NAME || is_baseline_file(path) {
            FileKind::Policy
        } else {
            FileKind::Dockerfile
        }
    }

    /// Where its comments are read from, and so its inline suppressions; `None` for the
    /// policy files, which have none.
    pub fn syntax(self) -> Option<Syntax> {
        match self {
            FileKind::Manifest | FileKind::ImageList | FileKind::MisnamedManifest => {
                Some(Syntax::Yaml)
            }
            FileKind::Dockerfile => Some(Syntax::Dockerfile),
            FileKind::Policy => None,
        }
    }
}

impl Parsed {
    fn of(path: &str, text: &str) -> Parsed {
        match FileKind::of(path) {
            FileKind::Manifest => Parsed::Manifest(yaml::parse(text)),
            FileKind::ImageList => Parsed::ImageList(yaml::parse(text)),
            FileKind::MisnamedManifest => Parsed::Yaml(yaml::parse(text)),
            FileKind::Policy => Parsed::Text,
            FileKind::Dockerfile => Parsed::Dockerfile(dockerfile::parse(text)),
        }
    }

    /// Where the file's comments are, as its parser found them.
    fn comments(&self) -> &[Span] {
        match self {
            Parsed::Manifest(doc) | Parsed::ImageList(doc) | Parsed::Yaml(doc) => &doc.comments,
            Parsed::Dockerfile(parsed) => &parsed.comments,
            Parsed::Text => &[],
        }
    }

    /// Where the YAML parser gave up, if it did.
    fn stopped_at(&self) -> Option<usize> {
        match self {
            Parsed::Manifest(doc) | Parsed::ImageList(doc) | Parsed::Yaml(doc) => {
                doc.error.as_ref().map(|error| error.span.end)
            }
            Parsed::Dockerfile(_) | Parsed::Text => None,
        }
    }
}

/// Whether the publisher reads the `meta.yml` of image root `root`, given every folder that
/// holds a `meta.yml`.
fn placement(config: &Config, roots: &HashSet<String>, root: &str) -> Placement {
    let mut dir = parent_dir(root);
    while !dir.is_empty() {
        if roots.contains(dir) {
            return Placement::BelowRoot(dir.to_string());
        }
        dir = parent_dir(dir);
    }
    if !root.is_empty() && release_folder(&config.releases, file_name(root)).is_some() {
        return Placement::InReleaseFolder;
    }
    Placement::Read
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemorySource;

    #[test]
    fn placement_is_decided_once_from_the_folders_that_hold_a_meta_yml() {
        let source = MemorySource::new()
            .with("AI/a/meta.yml", "")
            .with("AI/a/1.0/meta.yml", "")
            .with("AI/b/1.0/24.03-lts/meta.yml", "")
            .with("AI/c/meta.yml", "");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let placements: Vec<(&str, &Placement)> = repo
            .manifests
            .iter()
            .map(|m| (m.path.as_str(), &m.placement))
            .collect();
        assert_eq!(
            placements,
            [
                ("AI/a/1.0/meta.yml", &Placement::BelowRoot("AI/a".into())),
                ("AI/a/meta.yml", &Placement::Read),
                ("AI/b/1.0/24.03-lts/meta.yml", &Placement::InReleaseFolder),
                ("AI/c/meta.yml", &Placement::Read),
            ]
        );
        assert_eq!(repo.placed().count(), 2);
    }

    #[test]
    fn everything_needed_is_read_at_load_and_failures_are_kept() {
        let mut source = MemorySource::new()
            .with(
                "AI/a/meta.yml",
                "1-oe2403lts:\n  path: 1/24.03-lts/build.df\n",
            )
            .with("AI/a/1/24.03-lts/Dockerfile", "FROM a\n")
            .with("AI/a/README.md", "x");
        source.insert_bytes("AI/a/1/24.03-lts/Dockerfile.bin", vec![0, 1]);
        source.insert_bytes("AI/a/1/24.03-lts/build.df", vec![0, 1]);
        source.insert_bytes("AI/b/Dockerfile", vec![0, 1]);
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        assert!(repo.file("AI/a/1/24.03-lts/Dockerfile").is_some());
        assert!(repo.dockerfile("AI/a/1/24.03-lts/Dockerfile").is_some());
        assert!(repo.file("AI/a/README.md").is_none());
        let failed: Vec<&str> = repo
            .read_failures()
            .iter()
            .map(|(p, _)| p.as_str())
            .collect();
        // A variant's failure matters only when an entry names it; `build.df` is not read at
        // all (no build-file name), so it is no failure either.
        assert_eq!(failed, ["AI/b/Dockerfile"]);
    }
}
