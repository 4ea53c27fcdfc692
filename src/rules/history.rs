//! H: what a change does to images that are already published. These rules compare the base
//! of a change with its head, so they run only when a check is given a base (a pull request,
//! `--base`); each finding lands on a line the change touched.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Finding, Rule};
use crate::domain::layout::tag_version;
use crate::model::change::Change;
use crate::model::context::Context;
use crate::model::image_index::EntryId;
use crate::model::manifest::Entry;
use crate::model::parents::Parent;
use crate::rule;
use crate::text::{suggest, Span};

rule! {
    /// A change removes or renames a tag (or deletes a whole image) that images in the
    /// repository are still built on: their `FROM` names a parent that is no longer declared,
    /// so they cannot be rebuilt. Before the change the parent existed, so nothing in the
    /// children looks wrong on its own; the mistake is the removal.
    ///
    /// The finding is placed where the change happened: the renamed tag's new key, the line of
    /// `meta.yml` where the removed tag was, or the scene's `image-list.yml` line where the
    /// deleted image was listed. Its related locations are the children's `FROM` lines.
    /// Keep the tag until no image builds on it, or move the children in the same change.
    ///
    /// Fix: none: restoring the tag or moving the children are both changes of intent.
    pub static REMOVED_PARENT = ("H001", "removed-parent", Error, "the change removes a tag or image that images here are still built on");
}

rule! {
    /// A change removes a tag that was published (declared on the base branch), or deletes a
    /// whole image. The repository's contribution rules say published images are not
    /// withdrawn: users who pinned the tag lose it. When the change adds a similar tag, the
    /// message says it looks renamed; a renamed tag withdraws the old one just the same.
    ///
    /// Fix: none: bringing the tag back is the author's decision.
    pub static PUBLISHED_TAG_REMOVED = ("H002", "published-tag-removed", Warning, "the change withdraws a published tag or image");
}

rule! {
    /// A change keeps a published tag but builds it from another Dockerfile, or for other
    /// architectures. Users pulling the tag get a different image than before under the same
    /// name. Publish the new build under a new tag instead.
    ///
    /// Fix: none: which build the tag should keep is the author's decision.
    pub static PUBLISHED_TAG_REPOINTED = ("H003", "published-tag-repointed", Warning, "the change builds a published tag from another Dockerfile or for other architectures");
}

pub static RULES: &[&Rule] = &[
    &REMOVED_PARENT,
    &PUBLISHED_TAG_REMOVED,
    &PUBLISHED_TAG_REPOINTED,
];

/// The history rules run in the change check, which has both trees (see
/// [`crate::check::check_change`]); as a family they find nothing.
pub fn check(_context: &Context, _out: &mut Vec<Finding>) {}

/// How many children a message names before "and N more".
const NAMED_CHILDREN: usize = 5;

/// What the history rules found, and the head findings they stand for.
#[derive(Debug, Default)]
pub struct History {
    pub findings: Vec<Finding>,
    /// The `FROM`s (Dockerfile path, span) whose L003 an H001 finding reports at the change.
    pub covered: BTreeSet<(String, Span)>,
}

/// One image built on a parent the change removed.
struct Child {
    label: String,
    dockerfile: String,
    origin: Span,
    dangling: bool,
}

/// Compares the base and head of a change.
pub fn compare(base: &Context, head: &Context, change: &Change) -> History {
    let mut history = History::default();
    let namespace = &head.config.images.namespace;
    let children = broken_children(base, head);
    let mut removed_parents = BTreeSet::new();
    for ((name, tag), children) in &children {
        let place = removal_place(base, head, change, name, tag);
        let Some((path, span, renamed)) = place.or_else(|| {
            children
                .first()
                .map(|child| (child.dockerfile.clone(), child.origin, None))
        }) else {
            continue;
        };
        removed_parents.insert((name.clone(), tag.clone()));
        let labels: Vec<String> = children
            .iter()
            .take(NAMED_CHILDREN)
            .map(|child| format!("`{}`", child.label))
            .collect();
        let more = children.len().saturating_sub(NAMED_CHILDREN);
        let named = if more > 0 {
            format!("{} and {more} more", labels.join(", "))
        } else {
            labels.join(", ")
        };
        let broken =
            base_entry(base, name, tag).is_some_and(|id| unreadable_at_head(base, head, id));
        let published = format!("`{namespace}/{name}:{tag}`");
        let what = match (&renamed, broken) {
            (Some(_), _) => format!("renames {published}"),
            (None, true) => format!("makes {published} unreadable (its meta.yml no longer parses)"),
            (None, false) => format!("removes {published}"),
        };
        let count = if children.len() == 1 {
            "1 image is".to_string()
        } else {
            format!("{} images are", children.len())
        };
        let help = match &renamed {
            Some(new) => format!(
                "point their parent at `{namespace}/{name}:{new}` in this change, or keep the tag `{tag}` until no image builds on it"
            ),
            None => "keep the tag until no image builds on it, or move those images to another parent in this change".to_string(),
        };
        let mut finding = Finding::new(
            &REMOVED_PARENT,
            path,
            span,
            format!("this change {what}, but {count} still built on it: {named}"),
        )
        .help(help);
        for child in children {
            finding = finding.related(
                &child.dockerfile,
                child.origin,
                format!(
                    "`{}` is built on `{namespace}/{name}:{tag}` here",
                    child.label
                ),
            );
            if child.dangling {
                history
                    .covered
                    .insert((child.dockerfile.clone(), child.origin));
            }
        }
        history.findings.push(finding);
    }
    withdrawn(base, head, change, &removed_parents, &mut history.findings);
    repointed(base, head, &mut history.findings);
    history
}

/// Head images whose in-repo parent was declared at base and is not at head, by parent.
fn broken_children(base: &Context, head: &Context) -> BTreeMap<(String, String), Vec<Child>> {
    let mut broken: BTreeMap<(String, String), Vec<Child>> = BTreeMap::new();
    for node in &head.parents.nodes {
        let (name, tag, origin, dangling) = match &node.parent {
            Parent::InRepo {
                name,
                tag,
                targets,
                origin,
                ..
            } if targets.is_empty() => (name.clone(), tag.clone(), *origin, true),
            // A deleted image's name reads as external once nothing declares it.
            Parent::External { reference, origin } => {
                let Some(name) = reference.published_name(&head.config.images) else {
                    continue;
                };
                let tag = reference.tag.clone().unwrap_or_else(|| "latest".into());
                (name.to_string(), tag, *origin, false)
            }
            _ => continue,
        };
        if base.index.declared(&name, &tag).is_empty() {
            continue;
        }
        let Some(dockerfile) = node.dockerfile.clone() else {
            continue;
        };
        broken.entry((name, tag)).or_default().push(Child {
            label: format!("{}:{}", node.name, node.tag),
            dockerfile,
            origin,
            dangling,
        });
    }
    broken
}

/// Whether head still has the manifest that declared `id` at base, but cannot read all of it
/// (unreadable, or a YAML error): its tags are not removed, the file is broken, and F001 or
/// Y001 says so.
fn unreadable_at_head(base: &Context, head: &Context, id: EntryId) -> bool {
    let Some(manifest) = base.manifest(id) else {
        return false;
    };
    head.repo.is_file(&manifest.path)
        && head
            .repo
            .manifest_at(&manifest.path)
            .is_none_or(|now| now.doc.error.is_some())
}

/// The base entry declaring `name:tag` that the publisher keeps (the last one).
fn base_entry(base: &Context, name: &str, tag: &str) -> Option<EntryId> {
    base.index.declared(name, tag).last().copied()
}

/// The tag the change added that looks like `tag` renamed: one built from the same
/// Dockerfile, the same tag without (or with) the image name in front, or a spelling one or
/// two keys away. A new version beside a removed one is not a rename.
fn renamed_to(base: &Context, head: &Context, name: &str, tag: &str) -> Option<(EntryId, String)> {
    let info = head.index.name(name)?;
    let added: Vec<(&str, EntryId)> = info
        .tags
        .iter()
        .filter(|(candidate, _)| base.index.declared(name, candidate).is_empty())
        .filter_map(|(candidate, ids)| Some((candidate.as_str(), *ids.last()?)))
        .collect();
    let old_dockerfile = base_entry(base, name, tag)
        .and_then(|id| base.entry(id))
        .and_then(|entry| entry.entry_path())
        .map(|path| path.relative.clone());
    let same_build = added.iter().find(|(_, id)| {
        head.entry(*id)
            .and_then(Entry::entry_path)
            .is_some_and(|path| Some(&path.relative) == old_dockerfile.as_ref())
    });
    if let Some((candidate, id)) = same_build {
        return Some((*id, candidate.to_string()));
    }
    let bare = |t: &'_ str| tag_version(t, name).to_string();
    if let Some((candidate, id)) = added
        .iter()
        .find(|(candidate, _)| bare(candidate) == bare(tag))
    {
        return Some((*id, candidate.to_string()));
    }
    let closest =
        suggest::nearest_budgeted(tag, added.iter().map(|(c, _)| *c), 1, 2, &head.suggestions);
    let candidate = closest.first()?;
    let id = added.iter().find(|(c, _)| c == candidate)?.1;
    Some((id, candidate.to_string()))
}

/// Where in head a removal shows: the renamed tag's new key, the line of its manifest where
/// the tag was, or the scene list's line where the deleted image was. With the new name when
/// it looks renamed.
fn removal_place(
    base: &Context,
    head: &Context,
    change: &Change,
    name: &str,
    tag: &str,
) -> Option<(String, Span, Option<String>)> {
    if let Some((id, new)) = renamed_to(base, head, name, tag) {
        let manifest = head.manifest(id)?;
        let entry = head.entry(id)?;
        return Some((manifest.path.clone(), entry.tag_span(), Some(new)));
    }
    let id = base_entry(base, name, tag)?;
    let (old_manifest, old_entry) = (base.manifest(id)?, base.entry(id)?);
    let old_line = old_manifest.file.line_of(old_entry.tag_span().start);
    if let Some(place) = head_line(head, change, &old_manifest.path, old_line) {
        return Some(place);
    }
    listed_line(base, head, change, name)
}

/// The line of head's `path` where base's line `line` was, when head still has the file.
fn head_line(
    head: &Context,
    change: &Change,
    path: &str,
    line: usize,
) -> Option<(String, Span, Option<String>)> {
    let file = head.repo.file(path)?;
    let line = change.head_line(path, line)?;
    Some((path.to_string(), file.line(line), None))
}

/// The line of the scene list where base listed `name`.
fn listed_line(
    base: &Context,
    head: &Context,
    change: &Change,
    name: &str,
) -> Option<(String, Span, Option<String>)> {
    let &(list, entry) = base.index.name(name)?.listed.first()?;
    let list = base.repo.lists.get(list)?;
    let line = list.file.line_of(list.entries.get(entry)?.name_span.start);
    head_line(head, change, &list.path, line)
}

/// H002: published tags and images the change withdraws (those H001 reports are left out).
fn withdrawn(
    base: &Context,
    head: &Context,
    change: &Change,
    reported: &BTreeSet<(String, String)>,
    out: &mut Vec<Finding>,
) {
    let namespace = &head.config.images.namespace;
    for (name, info) in base.index.names() {
        if info.roots.is_empty() {
            continue;
        }
        let removed: Vec<&str> = info
            .tags
            .iter()
            .filter(|(tag, _)| head.index.declared(name, tag).is_empty())
            .filter(|(_, ids)| {
                ids.last()
                    .is_some_and(|&id| !unreadable_at_head(base, head, id))
            })
            .map(|(tag, _)| tag.as_str())
            .collect();
        let image_gone = head.index.name(name).is_none_or(|i| i.roots.is_empty());
        if removed.is_empty() {
            continue;
        }
        if image_gone {
            let Some((path, span, _)) = listed_line(base, head, change, name).or_else(|| {
                let tag = removed.first()?;
                removal_place(base, head, change, name, tag)
            }) else {
                continue;
            };
            let roots: Vec<&str> = info
                .roots
                .iter()
                .filter_map(|&m| base.repo.manifests.get(m))
                .map(|m| m.root.as_str())
                .collect();
            let shown: Vec<String> = removed
                .iter()
                .take(NAMED_CHILDREN)
                .map(|t| format!("`{t}`"))
                .collect();
            let more = removed.len().saturating_sub(NAMED_CHILDREN);
            let tags = if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            };
            out.push(
                Finding::new(
                    &PUBLISHED_TAG_REMOVED,
                    path,
                    span,
                    format!(
                        "this change deletes image `{namespace}/{name}` (`{}`) and {}: {tags}",
                        roots.join("`, `"),
                        if removed.len() == 1 { "its published tag".to_string() } else { format!("its {} published tags", removed.len()) }
                    ),
                )
                .help("published images are not withdrawn: keep the image folder and its tags, or say in the pull request why this image must go"),
            );
            continue;
        }
        // A tag with children is H001's: it says the change removes it.
        let unreported = removed
            .into_iter()
            .filter(|tag| !reported.contains(&(name.to_string(), tag.to_string())));
        for tag in unreported {
            let Some((path, span, renamed)) = removal_place(base, head, change, name, tag) else {
                continue;
            };
            let (message, help) = match &renamed {
                Some(new) => (
                    format!("this change removes the published tag `{namespace}/{name}:{tag}`; it looks renamed to `{new}`"),
                    format!("published tags are not renamed: keep `{tag}` and add `{new}` beside it"),
                ),
                None => (
                    format!("this change removes the published tag `{namespace}/{name}:{tag}`"),
                    "published tags are not withdrawn: keep the entry, or say in the pull request why it must go".to_string(),
                ),
            };
            out.push(Finding::new(&PUBLISHED_TAG_REMOVED, path, span, message).help(help));
        }
    }
}

/// H003: published tags the change builds from another Dockerfile or for other architectures.
fn repointed(base: &Context, head: &Context, out: &mut Vec<Finding>) {
    let namespace = &head.config.images.namespace;
    for (name, info) in head.index.names() {
        for (tag, ids) in &info.tags {
            let (Some(&new_id), Some(old_id)) = (ids.last(), base_entry(base, name, tag)) else {
                continue;
            };
            let (Some(new), Some(old), Some(manifest)) = (
                head.entry(new_id),
                base.entry(old_id),
                head.manifest(new_id),
            ) else {
                continue;
            };
            let published = format!("{namespace}/{name}:{tag}");
            if let (Some(now), Some(before)) = (new.entry_path(), old.entry_path()) {
                if now.exists && before.exists && now.relative != before.relative {
                    out.push(
                        Finding::new(
                            &PUBLISHED_TAG_REPOINTED,
                            &manifest.path,
                            now.span,
                            format!(
                                "the published tag `{published}` is now built from `{}` (it was `{}`); users pulling it get another image",
                                now.relative, before.relative
                            ),
                        )
                        .help("publish the new build under a new tag, and keep this tag's `path`"),
                    );
                }
            }
            if let (Some(now), Some(before)) = (new.architectures(), old.architectures()) {
                let (now_set, before_set): (BTreeSet<&str>, BTreeSet<&str>) = (
                    crate::sort::set(now.iter().copied()),
                    crate::sort::set(before.iter().copied()),
                );
                if now_set != before_set {
                    let span = new.arch().map_or(new.tag_span(), |node| node.span);
                    let dropped: Vec<&str> = before_set.difference(&now_set).copied().collect();
                    let help = if dropped.is_empty() {
                        "publish the new architectures under a new tag, or keep this tag's `arch`"
                            .to_string()
                    } else {
                        format!("users of {} lose this tag: keep its `arch`, or publish the change under a new tag", dropped.join(", "))
                    };
                    out.push(
                        Finding::new(
                            &PUBLISHED_TAG_REPOINTED,
                            &manifest.path,
                            span,
                            format!(
                                "the published tag `{published}` is now built for {} (it was built for {})",
                                now.join(", "),
                                before.join(", ")
                            ),
                        )
                        .help(help),
                    );
                }
            }
        }
    }
}
