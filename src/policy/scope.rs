//! Pull-request scope: which findings a check reports when only some paths changed.
//!
//! The whole repository is still read and checked (a changed image's parent lives elsewhere),
//! but a pull request must see what it can act on, not every old finding on `main`. A finding
//! is reported when it is in an affected image root, in the `image-list.yml` of a scene a
//! changed path lies in, or in a changed file itself.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::domain::layout::IMAGE_LIST_NAME;
use crate::model::context::Context;
use crate::model::parents::Parent;
use crate::source::repo_path::{join_dir, normalize_repo_path, parent_dir};

/// The scene of a path: its first segment, when the path lies inside a folder.
fn scene_of(path: &str) -> Option<&str> {
    path.split_once('/').map(|(scene, _)| scene)
}

/// Validates caller-supplied changed paths (CLI list file, WASM `scope`) and brings them to
/// repository form; the error names the first path that leaves the repository.
pub fn normalize_changed<'a>(
    paths: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<String>, String> {
    paths
        .into_iter()
        .map(|path| {
            normalize_repo_path(path).ok_or_else(|| {
                format!(
                    "invalid changed path `{path}`: paths must be relative to the repository, use `/`, and contain no `..`"
                )
            })
        })
        .collect()
}

/// Parses a changed-path list, one path per line (`git diff --name-only` output); blank lines
/// and CR line ends are ignored.
pub fn parse_changed_list(text: &str) -> Result<Vec<String>, String> {
    normalize_changed(
        text.lines()
            .map(|line| line.trim_end_matches('\r'))
            .filter(|line| !line.trim().is_empty()),
    )
}

/// The image roots a change affects: every root that contains a changed path (a deleted file
/// counts too, so a removed Dockerfile still selects its image), and every root built on one of
/// those, transitively, so that a change to a parent re-checks its children. When a change
/// deletes an image that its scene still lists, the images built on that name are affected too:
/// their `FROM` now dangles.
pub fn affected_roots(context: &Context, changed: &[String]) -> BTreeSet<String> {
    let repo = context.repo;
    // Looked up per folder of a changed path, not scanned per changed path: a pull request
    // may change thousands of files in a repository of thousands of images.
    let mut manifests_at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (m, manifest) in repo.manifests.iter().enumerate() {
        manifests_at
            .entry(manifest.root.as_str())
            .or_default()
            .push(m);
    }
    let mut listed_at: HashMap<String, Vec<&str>> = HashMap::new();
    for list in &repo.lists {
        for entry in &list.entries {
            listed_at
                .entry(join_dir(&list.scene, &entry.folder))
                .or_default()
                .push(entry.name.as_str());
        }
    }
    let mut roots = BTreeSet::new();
    // Published names of the affected images: a child that names one of them is affected even
    // when its tag no longer resolves (the change renamed or removed it).
    let mut names: BTreeSet<&str> = BTreeSet::new();
    for path in changed {
        let mut inside_root = false;
        for folder in folders_of(path) {
            for &m in manifests_at.get(folder).into_iter().flatten() {
                roots.insert(repo.manifests[m].root.clone());
                names.extend(context.index.name_of(m));
                inside_root = true;
            }
        }
        if !inside_root {
            // Published names whose image-list folder contains the path.
            for folder in folders_of(path) {
                names.extend(listed_at.get(folder).into_iter().flatten().copied());
            }
        }
    }
    let mut children: BTreeSet<String> = crate::sort::set(
        context
            .parents
            .nodes
            .iter()
            .filter(|node| {
                matches!(&node.parent, Parent::InRepo { name, .. } if names.contains(name.as_str()))
            })
            .map(|node| node.root.clone()),
    );
    children.extend(roots.iter().cloned());
    let descendants = context
        .parents
        .dependent_roots(&children.iter().collect::<Vec<_>>());
    roots.extend(children);
    roots.extend(descendants);
    roots
}

/// `path` and every folder above it, deepest first, down to the repository root `""`.
fn folders_of(path: &str) -> impl Iterator<Item = &str> {
    let mut next = Some(path);
    std::iter::from_fn(move || {
        let current = next?;
        next = (!current.is_empty()).then(|| parent_dir(current));
        Some(current)
    })
}

/// Decides, per finding path, whether a scoped check reports it.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    /// Changed paths in repository form; paths that leave the repository are dropped.
    changed: BTreeSet<String>,
    roots: BTreeSet<String>,
    /// The `image-list.yml` of every scene a changed path lies in.
    image_lists: BTreeSet<String>,
    /// Every image root in the repository, to find the image a path belongs to.
    all_roots: HashSet<String>,
}

impl Scope {
    pub fn new(context: &Context, changed: &[String]) -> Scope {
        let repo = context.repo;
        let changed: Vec<String> = changed
            .iter()
            .filter_map(|path| normalize_repo_path(path))
            .collect();
        let roots = affected_roots(context, &changed);
        let image_lists = changed
            .iter()
            .filter_map(|path| scene_of(path))
            .chain(
                roots
                    .iter()
                    .filter_map(|root| scene_of(root).or(Some(root))),
            )
            .filter(|scene| !scene.is_empty())
            .map(|scene| join_dir(scene, IMAGE_LIST_NAME))
            .collect();
        let all_roots = repo.manifests.iter().map(|m| m.root.clone()).collect();
        Scope {
            changed: crate::sort::set(changed),
            roots,
            image_lists,
            all_roots,
        }
    }

    /// The image root a path belongs to: the deepest root containing it.
    fn owner<'p>(&self, path: &'p str) -> Option<&'p str> {
        folders_of(path).find(|folder| self.all_roots.contains(*folder))
    }

    /// Whether a finding in `path` is reported.
    pub fn keeps(&self, path: &str) -> bool {
        self.changed.contains(path)
            || self.image_lists.contains(path)
            || self
                .owner(path)
                .is_some_and(|root| self.roots.contains(root))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::model::Repo;
    use crate::source::MemorySource;

    fn repo_source() -> MemorySource {
        MemorySource::new()
            .with("AI/image-list.yml", "images:\n  a: a\n")
            .with(
                "AI/a/meta.yml",
                "1-oe2403lts:\n  path: 1/24.03-lts/Dockerfile\n",
            )
            .with("AI/a/1/24.03-lts/Dockerfile", "FROM x\n")
            .with("AI/b/meta.yml", "")
            .with("AI/b/1/meta.yml", "")
            .with("Cloud/image-list.yml", "images: {}\n")
            .with("Cloud/c/meta.yml", "")
            .with("README.md", "")
    }

    fn scope(changed: &[&str]) -> Scope {
        let source = repo_source();
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let changed: Vec<String> = changed.iter().map(|s| s.to_string()).collect();
        Scope::new(&Context::build(&repo), &changed)
    }

    #[test]
    fn a_changed_dockerfile_selects_its_image_and_scene_list_only() {
        let scope = scope(&["AI/a/1/24.03-lts/Dockerfile"]);
        assert!(scope.keeps("AI/a/meta.yml"));
        assert!(scope.keeps("AI/a/1/24.03-lts/Dockerfile"));
        assert!(scope.keeps("AI/image-list.yml"));
        assert!(!scope.keeps("AI/b/meta.yml"));
        assert!(!scope.keeps("Cloud/c/meta.yml"));
        assert!(!scope.keeps("Cloud/image-list.yml"));
    }

    #[test]
    fn a_meta_yml_change_selects_its_image_like_any_other_change() {
        let scope = scope(&["./Cloud/c/meta.yml"]);
        assert!(scope.keeps("Cloud/c/meta.yml"));
        assert!(scope.keeps("Cloud/image-list.yml"));
        assert!(!scope.keeps("AI/a/meta.yml"));
    }

    #[test]
    fn a_deleted_file_still_selects_the_image_it_was_in() {
        let scope = scope(&["AI/a/2/24.03-lts/Dockerfile"]);
        assert!(scope.keeps("AI/a/meta.yml"));
    }

    #[test]
    fn a_deleted_image_selects_its_scene_list() {
        let scope = scope(&["AI/gone/meta.yml"]);
        assert!(scope.keeps("AI/image-list.yml"));
        assert!(scope.keeps("AI/gone/meta.yml"));
        assert!(!scope.keeps("AI/a/meta.yml"));
    }

    #[test]
    fn a_nested_root_owns_its_files_but_a_change_inside_it_affects_the_outer_root_too() {
        let inner = scope(&["AI/b/1/meta.yml"]);
        assert!(inner.keeps("AI/b/meta.yml"));
        assert!(inner.keeps("AI/b/1/meta.yml"));
        let outer = scope(&["AI/b/meta.yml"]);
        assert!(outer.keeps("AI/b/meta.yml"));
        assert!(!outer.keeps("AI/b/1/meta.yml"));
    }

    #[test]
    fn files_outside_any_image_are_kept_only_when_changed() {
        assert!(scope(&["README.md"]).keeps("README.md"));
        assert!(!scope(&["AI/a/meta.yml"]).keeps("README.md"));
        assert!(!scope(&["../AI/a/meta.yml"]).keeps("AI/a/meta.yml"));
    }

    #[test]
    fn an_empty_change_reports_nothing() {
        let scope = scope(&[]);
        assert!(!scope.keeps("AI/a/meta.yml"));
        assert!(!scope.keeps("AI/image-list.yml"));
    }

    #[test]
    fn changed_lists_are_normalised_and_escaping_paths_rejected() {
        assert_eq!(
            parse_changed_list("AI/a/meta.yml\r\n\n./Cloud//c/meta.yml\n"),
            Ok(vec![
                "AI/a/meta.yml".to_string(),
                "Cloud/c/meta.yml".to_string()
            ])
        );
        let error = parse_changed_list("AI/a/meta.yml\n../etc/passwd\n").unwrap_err();
        assert!(error.contains("`../etc/passwd`"), "{error}");
        assert!(normalize_changed(["/abs"]).is_err());
    }
}
