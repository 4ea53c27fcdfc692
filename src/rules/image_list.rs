//! R: the image registry of each scene, `<scene>/image-list.yml`, against the image roots.

use std::collections::BTreeMap;

use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::domain::layout::MANIFEST_NAME;
use crate::model::context::Context;
use crate::model::image_index::ImageIndex;
use crate::model::image_list::{ImageList, ListEntry};
use crate::model::Repo;
use crate::rule;
use crate::source::repo_path::{file_name, parent_dir};
use crate::syntax::yaml_edit::{self, Context as YamlContext};
use crate::text::Span;

rule! {
    /// An image root (a folder with a `meta.yml`) that its scene's `image-list.yml` does not
    /// name. The publisher looks the published name up in the list and fails on the image.
    ///
    /// Add `<name>: <folder>` under `images:`, where `<folder>` is the image root relative to
    /// the scene folder.
    ///
    /// Fix: safe for an image folder directly in the scene: `<folder>: <folder>` is added,
    /// in alphabetical place when the list is sorted, else at its end, at its indentation.
    /// Unsafe for a nested folder (`kserve/agent`), whose published name is only a guess.
    /// None when the name is taken.
    pub static IMAGE_NOT_LISTED = ("R001", "image-not-listed", Error, "an image root is missing from its scene's image-list.yml");
}

rule! {
    /// An `image-list.yml` entry whose folder holds no `meta.yml`: the image was deleted or
    /// moved, or the folder is misspelled. Nothing is published for it, and `FROM` lines that
    /// still name it point at an image that will never be rebuilt.
    ///
    /// Fix: none: whether the image was deleted or its folder renamed is the author's call.
    pub static STALE_LIST_ENTRY = ("R002", "stale-list-entry", Warning, "an image-list.yml entry points at a folder without meta.yml");
}

rule! {
    /// The same published name twice. Inside one `image-list.yml` it is an error: YAML loaders
    /// keep only the last entry, so the first folder is never published under that name. Across
    /// two scenes it is a warning: both image roots publish `openeuler/<name>`, their tags
    /// share one namespace, and a tag declared by both is reported as R004.
    ///
    /// Fix: none: which folder keeps the published name is the author's call.
    pub static DUPLICATE_IMAGE_NAME = ("R003", "duplicate-image-name", Error, "one published image name is declared twice");
}

rule! {
    /// Two image roots published under the same name declare the same tag: both would push
    /// `openeuler/<name>:<tag>`, and whichever is built last wins.
    ///
    /// Rename one of the tags, or remove the duplicate image root.
    ///
    /// Fix: none: which image keeps the tag is the author's call.
    pub static DUPLICATE_PUBLISHED_TAG = ("R004", "duplicate-published-tag", Error, "two image roots of one name declare the same tag");
}

rule! {
    /// An `image-list.yml` that is not an `images:` mapping of published name to folder: an
    /// empty file, a missing `images:` key, a list instead of a mapping, an entry whose name
    /// or folder is not a string, or a folder that leads out of the scene (`../..`, `/etc`),
    /// from where the publisher would build. The publisher cannot look images up in it, and
    /// stacklint cannot tell which name each image is published under.
    ///
    /// ```yaml
    /// images:
    ///   cann: cann
    ///   kserve-agent: kserve/agent
    /// ```
    ///
    /// Fix: none: the intended names and folders are not in the file.
    pub static MALFORMED_IMAGE_LIST = ("R005", "malformed-image-list", Error, "image-list.yml is not an `images:` mapping of name to folder");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &IMAGE_NOT_LISTED,
    &STALE_LIST_ENTRY,
    &DUPLICATE_IMAGE_NAME,
    &DUPLICATE_PUBLISHED_TAG,
    &MALFORMED_IMAGE_LIST,
];

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let (repo, index) = (context.repo, &context.index);
    check_list_shape(repo, out);
    check_unlisted(repo, index, out);
    check_stale(repo, out);
    check_duplicate_names(repo, index, out);
    check_duplicate_tags(context, out);
}

fn check_list_shape(repo: &Repo, out: &mut Vec<Finding>) {
    for list in &repo.lists {
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
        // A misplaced meta.yml (inside another image's version folder, say) is Y007's:
        // listing it would be the wrong fix.
        if !manifest.is_placed() || index.listed_by(m).is_some() {
            continue;
        }
        let Some(l) = repo.list_of_scene(scene) else {
            continue;
        };
        if inside_listed_folder(repo, l, &manifest.root) {
            continue;
        }
        let list = &repo.lists[l];
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
        let fix = (!taken).then(|| listing_fix(list, name, folder)).flatten();
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
                manifest.anchor(),
                "this image root is not listed",
            )
            .maybe_fix(fix),
        );
    }
}

/// The start of the comment lines directly above the line starting at `line`: they describe
/// that entry, so a new one goes before them.
fn above_comments(text: &str, mut line: usize) -> usize {
    while line > 0 {
        // The line break before `line`: `\n`, `\r\n` or `\r`.
        let mut end = line - 1;
        if end > 0 && text.get(end - 1..end + 1) == Some("\r\n") {
            end -= 1;
        }
        let previous = yaml_edit::line_start(text, end);
        let is_comment = text
            .get(previous..line)
            .is_some_and(|l| l.trim_start().starts_with('#'));
        if !is_comment {
            break;
        }
        line = previous;
    }
    line
}

/// Adds `name: folder` to the list's `images:` mapping at the indentation of its entries:
/// in alphabetical place when the names are sorted, after the last one otherwise. Safe when
/// the name is the folder itself; a nested folder's name is a guess.
fn listing_fix(list: &ImageList, name: &str, folder: &str) -> Option<Fix> {
    let text = &list.file.text;
    let images = list.doc.root.as_ref()?.get("images")?;
    let pairs = images.as_mapping()?;
    if yaml_edit::context_of(text, images) != YamlContext::Block {
        return None;
    }
    let line = format!(
        "{}: {}",
        yaml_edit::scalar_text(name, YamlContext::Block),
        yaml_edit::scalar_text(folder, YamlContext::Block)
    );
    let names: Vec<String> = pairs
        .iter()
        .map(|pair| pair.key.as_str().unwrap_or_default().to_ascii_lowercase())
        .collect();
    let sorted = names.windows(2).all(|pair| pair[0] <= pair[1]);
    let before = pairs
        .iter()
        .zip(&names)
        .find(|(_, listed)| listed.as_str() > name.to_ascii_lowercase().as_str())
        .map(|(pair, _)| pair)
        .filter(|_| sorted);
    let (span, replacement) = match before {
        Some(next) => {
            let indent = yaml_edit::indentation(text, next.key.span.start)?;
            let at = above_comments(text, yaml_edit::line_start(text, next.key.span.start));
            let eol = yaml_edit::line_ending(text);
            (Span::new(at, at), format!("{indent}{line}{eol}"))
        }
        None => yaml_edit::append_to_block_mapping(text, images)?.line(&line),
    };
    let applicability = if name == folder {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    Some(Fix::new(
        applicability,
        format!("add `{line}` to `{}`", list.path),
        vec![Edit::new(&list.path, span, replacement)],
    ))
}

/// Whether an image folder lies inside a folder its scene list names: part of that image.
fn inside_listed_folder(repo: &Repo, list: usize, root: &str) -> bool {
    let scene = &repo.lists[list].scene;
    let mut dir = parent_dir(root);
    while dir.len() > scene.len() {
        let folder = dir.get(scene.len() + 1..).unwrap_or_default();
        if repo.lists[list].entries.iter().any(|e| e.folder == folder) {
            return true;
        }
        dir = parent_dir(dir);
    }
    false
}

fn check_stale(repo: &Repo, out: &mut Vec<Finding>) {
    for list in &repo.lists {
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

fn check_duplicate_names(repo: &Repo, index: &ImageIndex, out: &mut Vec<Finding>) {
    for (name, info) in index.names() {
        let mut first_in_list: BTreeMap<usize, &ListEntry> = BTreeMap::new();
        let mut first_scene: Option<(usize, &ListEntry)> = None;
        for &(l, e) in &info.listed {
            let list = &repo.lists[l];
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
                    let first_list = &repo.lists[first_l];
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

fn check_duplicate_tags(context: &Context, out: &mut Vec<Finding>) {
    for (name, info) in context.index.names() {
        if info.roots.len() < 2 {
            continue;
        }
        for (tag, ids) in &info.tags {
            let Some(first) = ids.first() else {
                continue;
            };
            for id in ids.iter().filter(|id| id.manifest != first.manifest) {
                let (Some(here), Some(there)) = (context.manifest(*id), context.manifest(*first))
                else {
                    continue;
                };
                let (Some(entry), Some(first_entry)) = (context.entry(*id), context.entry(*first))
                else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    /// `AI/image-list.yml` after the R001 fix for `AI/<folder>`, and its applicability.
    fn listed(list: &str, folder: &str) -> Option<(String, Applicability)> {
        let source = MemorySource::new()
            .with("AI/image-list.yml", list)
            .with("AI/cann/meta.yml", "")
            .with(&format!("AI/{folder}/meta.yml"), "");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let mut out = Vec::new();
        check(&Context::build(&repo), &mut out);
        let fix = out.into_iter().find(|f| f.rule.code == "R001")?.fix?;
        let after = crate::text::edit::apply(
            list,
            fix.edits.iter().map(|e| (e.span, e.replacement.as_str())),
        )?;
        Some((after, fix.applicability))
    }

    #[test]
    fn a_sorted_list_gets_the_image_in_its_place_and_others_at_the_end() {
        assert_eq!(
            listed("images:\n    cann: cann\n    zeta: zeta\n", "demo"),
            Some((
                "images:\n    cann: cann\n    demo: demo\n    zeta: zeta\n".into(),
                Applicability::Safe
            ))
        );
        assert_eq!(
            listed("images:\r\n  zeta: zeta\r\n  cann: cann", "demo"),
            Some((
                "images:\r\n  zeta: zeta\r\n  cann: cann\r\n  demo: demo".into(),
                Applicability::Safe
            ))
        );
        assert_eq!(
            listed("images:\n  cann: cann # sdk\n", "vision/zoom"),
            Some((
                "images:\n  cann: cann # sdk\n  zoom: vision/zoom\n".into(),
                Applicability::Unsafe
            ))
        );
        assert_eq!(
            listed("images:\r\n  cann: cann\r\n  # z\r\n  # serving\r\n  zeta: zeta\r\n", "demo")
                .map(|(text, _)| text),
            Some("images:\r\n  cann: cann\r\n  demo: demo\r\n  # z\r\n  # serving\r\n  zeta: zeta\r\n".into())
        );
        assert_eq!(listed("images: {cann: cann}\n", "demo"), None);
    }
}
