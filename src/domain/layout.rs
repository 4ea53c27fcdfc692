//! The repository layout the publisher relies on: file names, where Dockerfiles live
//! (`<version>/<os-release>/Dockerfile`), and which files the core reads at all.

use crate::domain::os_release::{Flavor, OsRelease, ReleaseTable};
use crate::source::repo_path::{file_name, parent_dir};
use crate::text::suggest;

/// The file the publisher reads in every image folder.
pub const MANIFEST_NAME: &str = "meta.yml";

/// The file that lists the images of a scene folder.
pub const IMAGE_LIST_NAME: &str = "image-list.yml";

/// The configuration file, at the repository root.
pub const CONFIG_FILE_NAME: &str = ".stacklint.toml";

/// The file names the publisher builds from (`Distrofile` for Distroless images).
pub const BUILD_FILE_NAMES: [&str; 2] = ["Dockerfile", "Distrofile"];

/// The keys an entry may hold.
pub const ENTRY_KEYS: &[&str] = &["path", "arch"];

/// Whether a file name is one the publisher builds from.
pub fn is_build_file(name: &str) -> bool {
    BUILD_FILE_NAMES.contains(&name)
}

/// The build-file name a slip of a key or two away from `name` (`Dcokerfile`, `dockerfile`).
pub fn intended_build_file(name: &str) -> Option<&'static str> {
    BUILD_FILE_NAMES
        .into_iter()
        .find(|known| suggest::within_ignoring_case(name, known, 2))
}

/// `text` starts with `prefix`, ignoring ASCII case.
fn starts_with_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// A Dockerfile-like name: a build file, a variant (`Dockerfile.arm64`) or a near miss.
pub fn looks_like_build_file(name: &str) -> bool {
    starts_with_ignoring_case(name, "dockerfile")
        || starts_with_ignoring_case(name, "distrofile")
        || intended_build_file(name).is_some()
}

/// `meta.yaml`, `Meta.yml`, `meta.yml.bak`, `meta.ym`: names one slip away from `meta.yml`.
pub fn is_misnamed_manifest(name: &str) -> bool {
    if name == MANIFEST_NAME {
        return false;
    }
    const PREFIX: &str = "meta.";
    if !starts_with_ignoring_case(name, PREFIX) {
        return suggest::within_ignoring_case(name, MANIFEST_NAME, 1);
    }
    let extension = name[PREFIX.len()..].split('.').next().unwrap_or_default();
    ["yml", "yaml"]
        .iter()
        .any(|known| suggest::within_ignoring_case(extension, known, 1))
}

/// Whether `path` is a scene's `image-list.yml`: directly inside a top-level folder.
pub fn is_scene_image_list(path: &str) -> bool {
    let scene = parent_dir(path);
    file_name(path) == IMAGE_LIST_NAME && !scene.is_empty() && !scene.contains('/')
}

/// Whether a file can be a baseline (`stacklint check --write-baseline`): its name contains
/// `baseline` and ends with `.json`, so every shell knows to read it.
pub fn is_baseline_file(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    name.ends_with(".json") && name.contains("baseline")
}

/// Whether the core reads this file's content (a repository path). Every shell reads exactly
/// these files and lists the others as "exists, not read", so all of them see the same
/// repository: manifests (and misnamed ones), image lists, build files (and their variants
/// and near misses), the configuration file at the root and baseline files.
pub fn needs_content(path: &str) -> bool {
    let name = file_name(path);
    name == MANIFEST_NAME
        || is_scene_image_list(path)
        || path == CONFIG_FILE_NAME
        || is_baseline_file(path)
        || is_misnamed_manifest(name)
        || looks_like_build_file(name)
}

/// The three parts of the expected layout `<version>/<os-dir>/<file>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout<'p> {
    pub version: &'p str,
    pub os_dir: &'p str,
    pub file: &'p str,
}

/// A path relative to its image root split into `<version>/<os-dir>/<file>`, when it has
/// exactly three parts.
pub fn split_layout(relative: &str) -> Option<Layout<'_>> {
    let mut parts = relative.split('/');
    let layout = Layout {
        version: parts.next()?,
        os_dir: parts.next()?,
        file: parts.next()?,
    };
    parts.next().is_none().then_some(layout)
}

/// The version a tag head names, without a repeated image folder name (`pytorch2.1.0` in
/// image `pytorch` is version `2.1.0`).
pub fn tag_version<'t>(head: &'t str, image_folder: &str) -> &'t str {
    match head.strip_prefix(image_folder) {
        Some(rest)
            if !image_folder.is_empty() && rest.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            rest
        }
        _ => head,
    }
}

/// Tags write a version folder's `+` as `_` (`+` is not allowed in Docker tags).
pub fn tag_spelling(version: &str) -> String {
    version.replace('+', "_")
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

/// The known entry key an unknown one was probably meant to be.
pub fn intended_entry_key(key: &str) -> Option<&'static str> {
    suggest::nearest(key, ENTRY_KEYS.iter().copied(), 1)
        .first()
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_miss_manifest_names_are_caught_and_others_are_not() {
        for name in [
            "meta.yaml",
            "Meta.yml",
            "META.YML",
            "meta.yml.bak",
            "meta.ym",
            "mata.yml",
        ] {
            assert!(is_misnamed_manifest(name), "{name}");
        }
        for name in [
            "meta.yml",
            "metadata.yml",
            "image-list.yml",
            "README.md",
            "mета.yml",
        ] {
            assert!(!is_misnamed_manifest(name), "{name}");
        }
    }

    #[test]
    fn the_core_reads_manifests_lists_build_files_and_the_root_config() {
        for path in [
            "AI/x/meta.yml",
            "AI/x/meta.yaml",
            "AI/image-list.yml",
            "AI/x/1.0/24.03-lts/Dockerfile",
            "AI/x/1.0/24.03-lts/Dockerfile.arm64",
            "AI/x/1.0/24.03-lts/Dcokerfile",
            "Distroless/x/1/24.03-lts/Distrofile",
            ".stacklint.toml",
            ".stacklint-baseline.json",
            "ci/stacklint.baseline.json",
        ] {
            assert!(needs_content(path), "{path}");
        }
        for path in [
            "AI/x/README.md",
            "AI/x/doc/image-info.yml",
            "AI/x/.stacklint.toml",
            "AI/x/image-list.yml",
            "AI/x/entrypoint.sh",
            "logo.png",
            "package.json",
        ] {
            assert!(!needs_content(path), "{path}");
        }
    }

    #[test]
    fn tag_versions_drop_a_repeated_image_name() {
        assert_eq!(tag_version("pytorch2.1.0", "pytorch"), "2.1.0");
        assert_eq!(tag_version("pytorchx", "pytorch"), "pytorchx");
        assert_eq!(tag_version("2.1.0", ""), "2.1.0");
    }
}
