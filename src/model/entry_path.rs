//! Where an entry's `path` leads. Shared by the path and tag rules so that both read a path
//! the same way: relative to the image root, with the legacy repository-root form recognised.

use crate::domain::os_release::{Flavor, OsRelease, ReleaseTable};
use crate::model::{join_dir, Manifest, Repo};
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
pub struct EntryPath<'a> {
    /// The value as written.
    pub raw: &'a str,
    pub span: Span,
    /// Relative to the image root, normalised (`1.0/24.03-lts/Dockerfile`).
    pub relative: String,
    /// Relative to the repository.
    pub repo_path: String,
    /// Written from the repository root (`Bigdata/spark/3.5.5/...` in `Bigdata/spark`).
    pub root_relative: bool,
    pub exists: bool,
}

/// The three parts of the expected layout `<version>/<os-dir>/<file>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout<'p> {
    pub version: &'p str,
    pub os_dir: &'p str,
    pub file: &'p str,
}

impl EntryPath<'_> {
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

pub fn split_layout(relative: &str) -> Option<Layout<'_>> {
    let mut parts = relative.split('/');
    let layout = Layout {
        version: parts.next()?,
        os_dir: parts.next()?,
        file: parts.next()?,
    };
    parts.next().is_none().then_some(layout)
}

/// The version a tag head names, without a repeated image name (`pytorch2.1.0` in image
/// `pytorch` is version `2.1.0`).
pub fn tag_version<'t>(head: &'t str, manifest: &Manifest) -> &'t str {
    let image = crate::model::file_name(&manifest.root);
    match head.strip_prefix(image) {
        Some(rest) if !image.is_empty() && rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => head,
    }
}

/// The existing file the tag itself describes: `<version>/<os-dir>/<file>`.
pub fn tag_file(repo: &Repo, manifest: &Manifest, tag: &str, file: &str) -> Option<String> {
    let parts = crate::domain::tag::split(tag)?;
    let version = tag_version(parts.head, manifest);
    // Tags write a folder's `+` as `_`; the folder may use either.
    [version.to_string(), version.replace('_', "+")]
        .into_iter()
        .map(|version| format!("{version}/{}/{file}", parts.os.dir_name()))
        .find(|candidate| repo.is_file(&manifest.join(candidate)))
}

/// The existing Dockerfile the tag describes when it differs from where `path` points: the
/// entry was copied and its path not updated.
pub fn tag_described_file(
    repo: &Repo,
    manifest: &Manifest,
    tag: &str,
    path: &EntryPath,
) -> Option<String> {
    let file = crate::model::file_name(&path.relative);
    tag_file(repo, manifest, tag, file).filter(|described| *described != path.relative)
}

/// A folder name that names a known release, read leniently (`24.03-LTS` counts).
pub fn release_folder(releases: &ReleaseTable, name: &str) -> Option<OsRelease> {
    OsRelease::parse_lenient(name).filter(|os| releases.contains(os))
}

/// Whether a folder names an LTS release (`24.03-lts-sp2`): unlike `25.03`, which is also a
/// common version number, such a name in the version position is a layout mistake.
pub fn lts_folder(releases: &ReleaseTable, name: &str) -> bool {
    release_folder(releases, name).is_some_and(|os| os.flavor != Flavor::Innovation)
}

/// Whether a file name is one the publisher builds from.
pub fn is_build_file(name: &str) -> bool {
    matches!(name, "Dockerfile" | "Distrofile")
}

/// Resolves an entry's `path` against its image root without touching the file.
pub fn resolve<'a>(
    repo: &Repo,
    manifest: &Manifest,
    raw: &'a str,
    span: Span,
) -> Result<EntryPath<'a>, Escape> {
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
    let direct = manifest.join(&relative);
    let prefix = format!("{}/", manifest.root);
    let stripped = relative
        .strip_prefix(&prefix)
        .filter(|_| !manifest.root.is_empty() && !repo.is_file(&direct) && !repo.is_dir(&direct));
    let (relative, root_relative) = match stripped {
        Some(stripped) => (stripped.to_string(), true),
        None => (relative, false),
    };
    let repo_path = join_dir(&manifest.root, &relative);
    Ok(EntryPath {
        raw,
        span,
        exists: !relative.is_empty() && repo.is_file(&repo_path),
        relative,
        repo_path,
        root_relative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    fn with_repo(check: impl Fn(&Repo, &Manifest)) {
        let source = MemorySource::new()
            .with("Bigdata/spark/meta.yml", "a:\n  path: x\n")
            .with("Bigdata/spark/3.5/24.03-lts/Dockerfile", "FROM x\n");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        check(&repo, &repo.manifests[0]);
    }

    #[test]
    fn escapes_are_refused_before_any_lookup() {
        with_repo(|repo, manifest| {
            let at = |raw| resolve(repo, manifest, raw, Span::default()).err();
            assert_eq!(at("/etc/passwd"), Some(Escape::Absolute));
            assert_eq!(at("C:/x"), Some(Escape::Absolute));
            assert_eq!(at("1.0\\Dockerfile"), Some(Escape::Backslash));
            assert_eq!(at("1.0/../../x"), Some(Escape::ParentSegment));
        });
    }

    #[test]
    fn root_relative_paths_resolve_to_the_same_file() {
        with_repo(|repo, manifest| {
            let raw = "Bigdata/spark/3.5/24.03-lts/Dockerfile";
            let path = resolve(repo, manifest, raw, Span::default()).expect("inside");
            assert!(path.root_relative && path.exists);
            assert_eq!(path.relative, "3.5/24.03-lts/Dockerfile");
            let plain = resolve(
                repo,
                manifest,
                "./3.5//24.03-lts/Dockerfile",
                Span::default(),
            )
            .expect("inside");
            assert!(!plain.root_relative && plain.exists);
            assert_eq!(plain.layout().map(|l| l.os_dir), Some("24.03-lts"));
        });
    }

    #[test]
    fn empty_paths_do_not_exist() {
        with_repo(|repo, manifest| {
            let path = resolve(repo, manifest, "", Span::default()).expect("inside");
            assert!(!path.exists);
        });
    }
}
