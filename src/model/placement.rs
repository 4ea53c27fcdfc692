//! Which manifests the publisher actually reads. A `meta.yml` inside another image's version
//! folder is never read, so only the Y rules look at it; checking its paths would only repeat
//! the one real problem (Y007) many times.

use crate::model::entry_path::release_folder;
use crate::model::{file_name, parent_dir, Entry, Manifest, Repo};

/// Why a `meta.yml` sits where the publisher does not look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misplaced {
    /// Below the image root that holds this `meta.yml`.
    BelowRoot(String),
    /// Directly in an OS release folder (`1.0/24.03-lts/meta.yml`).
    InReleaseFolder,
}

pub fn misplaced(repo: &Repo, manifest: &Manifest) -> Option<Misplaced> {
    let mut dir = parent_dir(&manifest.root);
    while !dir.is_empty() {
        if repo.manifests.iter().any(|m| m.root == dir) {
            return Some(Misplaced::BelowRoot(dir.to_string()));
        }
        dir = parent_dir(dir);
    }
    let folder = file_name(&manifest.root);
    (!manifest.root.is_empty() && release_folder(&repo.config.releases, folder).is_some())
        .then_some(Misplaced::InReleaseFolder)
}

/// The manifests the publisher reads.
pub fn placed<'r>(repo: &'r Repo) -> impl Iterator<Item = &'r Manifest> {
    repo.manifests
        .iter()
        .filter(move |manifest| misplaced(repo, manifest).is_none())
}

/// Entries parsed completely: after a syntax error the entry being parsed is cut short, and
/// judging its truncated value would only repeat the Y001 finding.
pub fn complete_entries(manifest: &Manifest) -> impl Iterator<Item = &Entry> {
    let stop = manifest.doc.error.as_ref().map(|error| error.span.start);
    manifest
        .entries
        .iter()
        .filter(move |entry| stop.is_none_or(|stop| entry.value.span.end < stop))
}

/// Whether every entry of the manifest could be read, so a Dockerfile no entry names is
/// really unused.
pub fn fully_read(manifest: &Manifest) -> bool {
    manifest.doc.error.is_none() && !manifest.entries.is_empty()
}
