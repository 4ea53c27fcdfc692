//! R: the image registry of each scene, `<scene>/image-list.yml`, against the image roots.

use std::collections::BTreeMap;

use crate::diagnostic::{Finding, Severity};
use crate::model::image_index::{ImageIndex, ListEntry};
use crate::model::{file_name, parent_dir, Repo, MANIFEST_NAME};
use crate::rule;

rule! {
    /// An image root (a folder with a `meta.yml`) that its scene's `image-list.yml` does not
    /// name. The publisher looks the published name up in the list and fails on the image.
    ///
    /// Add `<name>: <folder>` under `images:`, where `<folder>` is the image root relative to
    /// the scene folder.
    pub static IMAGE_NOT_LISTED = ("R001", "image-not-listed", Error, "an image root is missing from its scene's image-list.yml");
}

rule! {
    /// An `image-list.yml` entry whose folder holds no `meta.yml`: the image was deleted or
    /// moved, or the folder is misspelled. Nothing is published for it, and `FROM` lines that
    /// still name it point at an image that will never be rebuilt.
    pub static STALE_LIST_ENTRY = ("R002", "stale-list-entry", Warning, "an image-list.yml entry points at a folder without meta.yml");
}

rule! {
    /// The same published name twice. Inside one `image-list.yml` it is an error: YAML loaders
    /// keep only the last entry, so the first folder is never published under that name. Across
    /// two scenes it is a warning: both image roots publish `openeuler/<name>`, their tags
    /// share one namespace, and a tag declared by both is reported as R004.
    pub static DUPLICATE_IMAGE_NAME = ("R003", "duplicate-image-name", Error, "one published image name is declared twice");
}

rule! {
    /// Two image roots published under the same name declare the same tag: both would push
    /// `openeuler/<name>:<tag>`, and whichever is built last wins.
    ///
    /// Rename one of the tags, or remove the duplicate image root.
    pub static DUPLICATE_PUBLISHED_TAG = ("R004", "duplicate-published-tag", Error, "two image roots of one name declare the same tag");
}

rule! {
    /// An `image-list.yml` that is not an `images:` mapping of published name to folder: an
    /// empty file, a missing `images:` key, a list instead of a mapping, or an entry whose
    /// name or folder is not a string. The publisher cannot look images up in it, and
    /// stacklint cannot tell which name each image is published under.
    ///
    /// ```yaml
    /// images:
    ///   cann: cann
    ///   kserve-agent: kserve/agent
    /// ```
    pub static MALFORMED_IMAGE_LIST = ("R005", "malformed-image-list", Error, "image-list.yml is not an `images:` mapping of name to folder");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &IMAGE_NOT_LISTED,
    &STALE_LIST_ENTRY,
    &DUPLICATE_IMAGE_NAME,
    &DUPLICATE_PUBLISHED_TAG,
    &MALFORMED_IMAGE_LIST,
];

pub fn check(repo: &Repo, out: &mut Vec<Finding>) {
    let index = repo.image_index();
    check_list_shape(index, out);
    check_unlisted(repo, index, out);
    check_stale(repo, index, out);
    check_duplicate_names(index, out);
    check_duplicate_tags(repo, index, out);
}

fn check_list_shape(index: &ImageIndex, out: &mut Vec<Finding>) {
    for list in &index.lists {
        crate::rules::yaml::check_syntax(&list.path, &list.file, &list.doc, out);
        for problem in &list.malformed {
            out.push(
                Finding::new(
                    &MALFORMED_IMAGE_LIST,
                    &list.path,
                    problem.span,
                    format!(
                        "found {} where {} was expected",
                        problem.found, problem.expected
                    ),
                )
                .help("write `images:` followed by indented `<published-name>: <folder relative to the scene>` lines"),
            );
        }
    }
}

fn check_unlisted(repo: &Repo, index: &ImageIndex, out: &mut Vec<Finding>) {
    for (m, manifest) in repo.manifests.iter().enumerate() {
        let Some((scene, folder)) = manifest.root.split_once('/') else {
            continue;
        };
        if index.listed_by.get(m).copied().flatten().is_some() {
            continue;
        }
        let Some(l) = index.list_of_scene(scene) else {
            continue;
        };
        // A meta.yml below another image root (e.g. inside a version folder) is misplaced;
        // the manifest rules report that, and listing it would be the wrong fix.
        if nested_in_image(repo, index, scene, &manifest.root) {
            continue;
        }
        let list = &index.lists[l];
        if !list.complete {
            // The list itself is broken (Y001/R005); every image would look unlisted.
            continue;
        }
        let name = file_name(folder);
        let taken = index.name(name).is_some_and(|info| !info.listed.is_empty());
        let help = if taken {
            format!("add `{folder}` under `images:` with a name that is not taken yet (`{name}` already names another folder)")
        } else {
            format!("add `  {name}: {folder}` under `images:`")
        };
        out.push(
            Finding::new(
                &IMAGE_NOT_LISTED,
                &list.path,
                list.anchor,
                format!(
                    "image root `{}` is not listed in `{}`; the publisher cannot find its name",
                    manifest.root, list.path
                ),
            )
            .help(help)
            .related(
                &manifest.path,
                manifest_anchor(repo, m),
                "this image root is not listed",
            ),
        );
    }
}

/// Where findings about a whole manifest point: its first tag, or the file start.
fn manifest_anchor(repo: &Repo, m: usize) -> crate::text::Span {
    repo.manifests
        .get(m)
        .and_then(|manifest| manifest.entries.first())
        .map_or_else(crate::text::Span::file_start, |e| e.tag_span())
}

fn nested_in_image(repo: &Repo, index: &ImageIndex, scene: &str, root: &str) -> bool {
    let mut dir = parent_dir(root);
    while dir.len() > scene.len() {
        let folder = dir.get(scene.len() + 1..).unwrap_or_default();
        let listed = index
            .list_of_scene(scene)
            .is_some_and(|l| index.lists[l].entries.iter().any(|e| e.folder == folder));
        if listed || repo.is_file(&format!("{dir}/{MANIFEST_NAME}")) {
            return true;
        }
        dir = parent_dir(dir);
    }
    false
}

fn check_stale(repo: &Repo, index: &ImageIndex, out: &mut Vec<Finding>) {
    for list in &index.lists {
        for entry in &list.entries {
            if entry.name == repo.config.images.os_base_image {
                // The OS base image is published from its Dockerfile, not from a meta.yml.
                continue;
            }
            let folder = format!("{}/{}", list.scene, entry.folder);
            if repo.is_file(&format!("{folder}/{MANIFEST_NAME}")) {
                continue;
            }
            let (found, help) = if repo.is_dir(&folder) {
                (
                    format!("folder `{folder}` has no {MANIFEST_NAME}"),
                    format!(
                        "add `{folder}/{MANIFEST_NAME}`, or remove the entry `{}`",
                        entry.name
                    ),
                )
            } else {
                (
                    format!("folder `{folder}` does not exist"),
                    format!(
                        "remove the entry `{}` if the image was deleted, or fix the folder name",
                        entry.name
                    ),
                )
            };
            out.push(
                Finding::new(
                    &STALE_LIST_ENTRY,
                    &list.path,
                    entry.folder_span,
                    format!("`{}` lists image `{}`, but {found}", list.path, entry.name),
                )
                .help(help),
            );
        }
    }
}

fn check_duplicate_names(index: &ImageIndex, out: &mut Vec<Finding>) {
    for (name, info) in index.names() {
        let mut first_in_list: BTreeMap<usize, &ListEntry> = BTreeMap::new();
        let mut first_scene: Option<(usize, &ListEntry)> = None;
        for &(l, e) in &info.listed {
            let list = &index.lists[l];
            let entry = &list.entries[e];
            if let Some(first) = first_in_list.get(&l) {
                out.push(
                    Finding::new(
                        &DUPLICATE_IMAGE_NAME,
                        &list.path,
                        entry.name_span,
                        format!(
                            "image name `{name}` is listed twice in `{}` (folders `{}` and `{}`); only the last one is used",
                            list.path, first.folder, entry.folder
                        ),
                    )
                    .help("remove one entry, or give one folder its own name")
                    .related(&list.path, first.name_span, format!("`{name}` first listed here")),
                );
                continue;
            }
            first_in_list.insert(l, entry);
            match first_scene {
                None => first_scene = Some((l, entry)),
                Some((first_l, first)) => {
                    let first_list = &index.lists[first_l];
                    out.push(
                        Finding::new(
                            &DUPLICATE_IMAGE_NAME,
                            &list.path,
                            entry.name_span,
                            format!(
                                "image name `{name}` is published by two scenes: `{}/{}` and `{}/{}`",
                                first_list.scene, first.folder, list.scene, entry.folder
                            ),
                        )
                        .severity(Severity::Warning)
                        .help("both folders publish `openeuler/".to_string() + name + "`: rename one, or keep their tags distinct")
                        .related(&first_list.path, first.name_span, format!("`{name}` also listed here")),
                    );
                }
            }
        }
    }
}

fn check_duplicate_tags(repo: &Repo, index: &ImageIndex, out: &mut Vec<Finding>) {
    for (name, info) in index.names() {
        if info.roots.len() < 2 {
            continue;
        }
        for (tag, ids) in &info.tags {
            let Some(first) = ids.first() else {
                continue;
            };
            for id in ids.iter().filter(|id| id.manifest != first.manifest) {
                let (Some(here), Some(there)) = (
                    repo.manifests.get(id.manifest),
                    repo.manifests.get(first.manifest),
                ) else {
                    continue;
                };
                let (Some(entry), Some(first_entry)) = (repo.entry(*id), repo.entry(*first)) else {
                    continue;
                };
                out.push(
                    Finding::new(
                        &DUPLICATE_PUBLISHED_TAG,
                        &here.path,
                        entry.tag_span(),
                        format!(
                            "`openeuler/{name}:{tag}` is declared by two image roots, `{}` and `{}`",
                            there.root, here.root
                        ),
                    )
                    .help("rename one of the tags; both would push the same published image")
                    .related(&there.path, first_entry.tag_span(), "also declared here"),
                );
            }
        }
    }
}
