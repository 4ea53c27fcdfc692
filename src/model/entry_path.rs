//! Where an entry's `path` leads: the one resolver, used when the repository is loaded, so the
//! path, tag and parent rules and `stacklint graph` all read a path the same way: relative to
//! the image root, with the legacy repository-root form recognised.

use crate::domain::layout::{split_layout, Layout};
use crate::domain::os_release::OsRelease;
use crate::model::listing::Listing;
use crate::source::repo_path::{join_dir, normalize_repo_path};
use crate::text::Span;

/// Why a path is refused before anything is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    Absolute,
    Backslash,
    ParentSegment,
}

/// A `path` value that stays inside its image root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryPath {
    /// The value as written.
    pub raw: String,
    pub span: Span,
    /// Relative to the image root, normalised (`1.0/24.03-lts/Dockerfile`).
    pub relative: String,
    /// Relative to the repository.
    pub repo_path: String,
    /// Written from the repository root (`Bigdata/spark/3.5.5/...` in `Bigdata/spark`).
    pub root_relative: bool,
    pub exists: bool,
    /// It does not exist in the image, but the value names an existing file from the
    /// repository root: a path copied from another image.
    pub elsewhere: Option<String>,
}

impl EntryPath {
    /// The path split into `<version>/<os-dir>/<file>`, when it has exactly three parts.
    pub fn layout(&self) -> Option<Layout<'_>> {
        split_layout(&self.relative)
    }

    /// The release the Dockerfile's folder names, read leniently (`24.03-LTS` counts).
    pub fn folder_release(&self) -> Option<OsRelease> {
        let mut parts = self.relative.rsplit('/');
        parts.next()?;
        OsRelease::parse_lenient(parts.next()?)
    }
}

/// Resolves an entry's `path` against its image root `root` without touching the file.
pub fn resolve(listing: &Listing, root: &str, raw: &str, span: Span) -> Result<EntryPath, Escape> {
    if raw.starts_with('/') || raw.get(1..2) == Some(":") {
        return Err(Escape::Absolute);
    }
    if raw.contains('\\') {
        return Err(Escape::Backslash);
    }
    let mut parts = Vec::new();
    for part in raw.split('/') {
        match part {
            "" | "." => {}
            ".." => return Err(Escape::ParentSegment),
            other => parts.push(other),
        }
    }
    let relative = parts.join("/");
    let direct = join_dir(root, &relative);
    let prefix = format!("{root}/");
    let stripped = relative
        .strip_prefix(&prefix)
        .filter(|_| !root.is_empty() && !listing.is_file(&direct) && !listing.is_dir(&direct));
    let (relative, root_relative) = match stripped {
        Some(stripped) => (stripped.to_string(), true),
        None => (relative, false),
    };
    let repo_path = join_dir(root, &relative);
    let exists = !relative.is_empty() && listing.is_file(&repo_path);
    let elsewhere = normalize_repo_path(raw).filter(|from_top| {
        !exists && !root_relative && *from_top != repo_path && listing.is_file(from_top)
    });
    Ok(EntryPath {
        raw: raw.to_string(),
        span,
        exists,
        relative,
        repo_path,
        root_relative,
        elsewhere,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing() -> Listing {
        Listing::new(vec![
            "Bigdata/spark/meta.yml".into(),
            "Bigdata/spark/3.5/24.03-lts/Dockerfile".into(),
            "Bigdata/hive/4.0/24.03-lts/Dockerfile".into(),
        ])
    }

    fn at(raw: &str) -> Result<EntryPath, Escape> {
        resolve(&listing(), "Bigdata/spark", raw, Span::default())
    }

    #[test]
    fn escapes_are_refused_before_any_lookup() {
        assert_eq!(at("/etc/passwd").err(), Some(Escape::Absolute));
        assert_eq!(at("C:/x").err(), Some(Escape::Absolute));
        assert_eq!(at("1.0\\Dockerfile").err(), Some(Escape::Backslash));
        assert_eq!(at("1.0/../../x").err(), Some(Escape::ParentSegment));
    }

    #[test]
    fn root_relative_paths_resolve_to_the_same_file() {
        let path = at("Bigdata/spark/3.5/24.03-lts/Dockerfile").expect("inside");
        assert!(path.root_relative && path.exists);
        assert_eq!(path.relative, "3.5/24.03-lts/Dockerfile");
        let plain = at("./3.5//24.03-lts/Dockerfile").expect("inside");
        assert!(!plain.root_relative && plain.exists);
        assert_eq!(plain.layout().map(|l| l.os_dir), Some("24.03-lts"));
    }

    #[test]
    fn a_path_into_another_image_does_not_exist_here() {
        let path = at("Bigdata/hive/4.0/24.03-lts/Dockerfile").expect("inside");
        assert!(!path.exists && !path.root_relative);
        assert_eq!(
            path.elsewhere.as_deref(),
            Some("Bigdata/hive/4.0/24.03-lts/Dockerfile")
        );
        assert_eq!(
            at("4.0/24.03-lts/Dockerfile").expect("inside").elsewhere,
            None
        );
    }

    #[test]
    fn empty_paths_do_not_exist() {
        assert!(!at("").expect("inside").exists);
    }
}
