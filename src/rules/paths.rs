//! P: where an entry's `path` leads, and Dockerfiles no entry leads to.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Edit, Finding, Fix};
use crate::domain::layout::{
    intended_build_file, intended_entry_key, is_build_file, looks_like_build_file, lts_folder,
    release_folder, split_layout, tag_spelling, tag_version, Layout, BUILD_FILE_NAMES,
};
use crate::domain::os_release::{OsRelease, ReleaseTable};
use crate::model::context::Context;
use crate::model::entry_path::{EntryPath, Escape};
use crate::model::manifest::{Entry, Manifest};
use crate::model::Repo;
use crate::rule;
use crate::source::repo_path::{file_name, join_dir};
use crate::syntax::yaml_edit;
use crate::text::suggest::{self, Budget};
use crate::text::Span;

rule! {
    /// The entry's `path` does not name an existing file, so the image cannot be built.
    /// `path` is relative to the folder holding `meta.yml`. Typical causes: the Dockerfile was
    /// put in a sibling version or OS folder, entries were added for a new OS release before
    /// its Dockerfiles, a folder differs in case (`24.03-LTS`), or a typo (`Dcokerfile`).
    /// The help names the nearest existing Dockerfile of the image.
    ///
    /// Fix: unsafe, when exactly one Dockerfile is the answer: the one the tag describes, the
    /// one inside a `path` that names a folder, or the only one no entry uses that differs
    /// from `path` by a slip (`24.03-LTS`, `Dcokerfile`, `24.03.-lts-sp1`). `path` then
    /// points at it (also added when missing). None for a Dockerfile in another version or
    /// OS folder (the file may be misplaced, or the tag wrong), for several candidates, or
    /// for one another entry uses.
    pub static DOCKERFILE_MISSING = ("P001", "dockerfile-missing", Error, "`path` does not name an existing file");
}

rule! {
    /// `path` must stay inside the image folder: no absolute paths, no `..`, no backslashes.
    /// stacklint never reads such a file; the publisher would build from outside the image.
    ///
    /// Fix: unsafe, when the Dockerfile the tag describes exists in the image: `path` points
    /// at it. None otherwise.
    pub static PATH_ESCAPES_IMAGE = ("P002", "path-escapes-image", Error, "`path` is absolute, uses `..` or backslashes, or leaves the image folder");
}

rule! {
    /// `path` is written from the repository root (`Bigdata/spark/3.5.5/24.03-lts/Dockerfile`
    /// in `Bigdata/spark/meta.yml`). The file exists, but the publisher matches changed
    /// Dockerfiles against paths relative to the image folder, so it never finds this entry:
    /// its tag and `arch` are ignored. Write the path relative to the image folder.
    ///
    /// Fix: safe: the same file, written relative to the image folder.
    pub static ROOT_RELATIVE_PATH = ("P003", "root-relative-path", Warning, "`path` only resolves from the repository root");
}

rule! {
    /// Dockerfiles live at `<version>/<os-release>/Dockerfile` (or `Distrofile` for
    /// Distroless images), where the OS folder is a release folder such as `22.03-lts-sp4` or
    /// `24.03-lts`. Tags and parents are derived from that layout, so other layouts
    /// (`24.03-LTS`, `24.03.-lts-sp1`, an extra folder level) break the checks that rely on it.
    ///
    /// Fix: none: the file has to move, and fixes edit files, they never move them.
    pub static PATH_LAYOUT = ("P004", "path-layout", Warning, "`path` is not `<version>/<os-release>/Dockerfile`");
}

rule! {
    /// A Dockerfile at `<version>/<os-release>/` of an image that no `meta.yml` entry points
    /// at. It is never published under a tag of its own; either add an entry for it or remove
    /// it.
    ///
    /// Fix: none: a new entry would publish a new tag, and deleting the file is destructive;
    /// both are the author's decisions.
    pub static ORPHAN_DOCKERFILE = ("P005", "orphan-dockerfile", Warning, "a Dockerfile no entry references");
}

rule! {
    /// Two tags are built from the same Dockerfile. Usually one of them was copied and its
    /// `path` not updated; if both tags are meant to be the same image, keep one.
    ///
    /// Fix: none: which tag is the copy, and where its Dockerfile is, is not in the files.
    pub static SHARED_DOCKERFILE = ("P006", "shared-dockerfile", Warning, "two tags point at the same Dockerfile");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &DOCKERFILE_MISSING,
    &PATH_ESCAPES_IMAGE,
    &ROOT_RELATIVE_PATH,
    &PATH_LAYOUT,
    &ORPHAN_DOCKERFILE,
    &SHARED_DOCKERFILE,
];

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let repo = context.repo;
    for manifest in context.manifests_to_check() {
        check_manifest(repo, manifest, &context.suggestions, out);
    }
}

fn check_manifest(repo: &Repo, manifest: &Manifest, budget: &Budget, out: &mut Vec<Finding>) {
    let build_files = build_files_under(repo, &manifest.root);
    // Dockerfiles an entry uses or a P001 help already names: not orphans.
    let mut accounted: BTreeSet<String> = BTreeSet::new();
    // Dockerfiles an existing entry path points at.
    let mut referenced: BTreeSet<String> = BTreeSet::new();
    let mut first_user: BTreeMap<String, (&Entry, Span, usize)> = BTreeMap::new();
    let mut resolved: Vec<(&Entry, &EntryPath)> = Vec::new();
    for entry in &manifest.entries {
        // Whatever the entry's shape, the Dockerfile its tag describes is not unused, nor is
        // the one a legacy `tag: <path>` value or an unindented `path:` names (Y004 reports
        // that entry).
        let legacy = entry.value.as_str().filter(|_| !entry.value.is_null());
        if let Some(named) = legacy.or(entry.unindented_path()) {
            accounted.insert(manifest.join(named.trim_start_matches("./")));
        }
        for name in BUILD_FILE_NAMES {
            if let Some(file) = manifest.tag_file(&repo.listing, &entry.tag, name) {
                accounted.insert(manifest.join(&file));
            }
        }
    }
    let tag_files = accounted.clone();
    for entry in manifest.complete_entries() {
        match resolve_entry(repo, manifest, entry, out) {
            Resolved::Path(path) => resolved.push((entry, path)),
            Resolved::Refused(Some(described)) => {
                accounted.insert(manifest.join(&described));
            }
            Resolved::Refused(None) => {}
        }
    }
    // An entry copied from another keeps the old path while the tag names a Dockerfile that
    // exists: T004/T005 name that file, so it is no orphan and the sharing is no news.
    let mut described: BTreeMap<usize, String> = BTreeMap::new();
    for (index, (entry, path)) in resolved.iter().enumerate() {
        if path.exists {
            accounted.insert(path.repo_path.clone());
            referenced.insert(path.repo_path.clone());
            if let Some(file) = manifest.tag_described_file(&repo.listing, &entry.tag, path) {
                accounted.insert(manifest.join(&file));
                described.insert(index, file);
            }
        }
    }
    // Computed once per manifest: a manifest of thousands of missing entries must not redo
    // them per entry.
    let taken: BTreeSet<String> = crate::sort::set(referenced.union(&tag_files).cloned());
    let candidates: Vec<Candidate> = build_files
        .iter()
        .filter_map(|file| relative_to(manifest, file))
        .map(Candidate::new)
        .collect();
    for (index, (entry, path)) in resolved.iter().enumerate() {
        if !path.exists {
            let suggestion = report_missing(
                repo,
                manifest,
                entry,
                path,
                &candidates,
                (&referenced, &taken),
                budget,
                out,
            );
            accounted.extend(suggestion);
            continue;
        }
        if path.root_relative {
            out.push(
                Finding::new(
                    &ROOT_RELATIVE_PATH,
                    &manifest.path,
                    path.span,
                    format!(
                        "`{}` is written from the repository root; the publisher matches paths relative to `{}` and ignores this entry's tag and arch",
                        path.raw, manifest.root
                    ),
                )
                .help(format!("write `path: {}`", path.relative))
                .maybe_fix(path_fix(manifest, entry, &path.relative).map(Fix::into_safe)),
            );
        }
        check_layout(repo, manifest, entry, path, out);
        match first_user.get(&path.repo_path) {
            Some((first, first_span, first_index))
                if first.tag != entry.tag
                    && !described.contains_key(&index)
                    && !described.contains_key(first_index) =>
            {
                out.push(
                    Finding::new(
                        &SHARED_DOCKERFILE,
                        &manifest.path,
                        path.span,
                        format!(
                            "tag `{}` is built from the same Dockerfile as tag `{}`",
                            entry.tag, first.tag
                        ),
                    )
                    .help("point each tag at its own Dockerfile, or keep only one of the tags")
                    .related(
                        &manifest.path,
                        *first_span,
                        format!("`{}` uses it too", first.tag),
                    ),
                )
            }
            Some(_) => {}
            None => {
                first_user.insert(path.repo_path.clone(), (entry, path.span, index));
            }
        }
    }
    // An unreadable or empty manifest is already reported; its Dockerfiles are not news.
    if manifest.fully_read() {
        report_orphans(repo, manifest, &build_files, &accounted, out);
    }
}

enum Resolved<'m> {
    Path(&'m EntryPath),
    /// Nothing further to check; the Dockerfile the help named, if any.
    Refused(Option<String>),
}

/// Reads an entry's `path`, reporting an absent or escaping one.
fn resolve_entry<'m>(
    repo: &Repo,
    manifest: &'m Manifest,
    entry: &'m Entry,
    out: &mut Vec<Finding>,
) -> Resolved<'m> {
    let Some(pairs) = entry.value.as_mapping() else {
        return Resolved::Refused(None);
    };
    let Some(node) = entry.value.get("path") else {
        // A misspelt `pth:` is reported by Y005 with the right key; say nothing twice.
        let misspelt = pairs
            .iter()
            .any(|pair| intended_entry_key(pair.key.as_str().unwrap_or_default()) == Some("path"));
        if !misspelt {
            out.push(
                Finding::new(
                    &DOCKERFILE_MISSING,
                    &manifest.path,
                    entry.tag_span(),
                    format!(
                        "tag `{}` has no `path`; the publisher cannot build it",
                        entry.tag
                    ),
                )
                .help(expected_path_help(entry))
                .maybe_fix(described_fix(repo, manifest, entry)),
            );
        }
        return Resolved::Refused(None);
    };
    let raw = match node.as_str() {
        Some(raw) if !node.is_null() => raw,
        _ => {
            let span = if node.span.is_empty() {
                entry.tag_span()
            } else {
                node.span
            };
            out.push(
                Finding::new(
                    &DOCKERFILE_MISSING,
                    &manifest.path,
                    span,
                    format!(
                        "`path` of tag `{}` is {}; expected the Dockerfile path as a string",
                        entry.tag,
                        node.kind_name()
                    ),
                )
                .help(expected_path_help(entry))
                .maybe_fix(
                    node.as_scalar()
                        .and_then(|_| described_fix(repo, manifest, entry)),
                ),
            );
            return Resolved::Refused(None);
        }
    };
    match &entry.resolved {
        Some(Ok(path)) => Resolved::Path(path),
        // The value is a string (checked above), so it was resolved at load.
        None => Resolved::Refused(None),
        Some(Err(escape)) => {
            let name = raw.rsplit(['/', '\\']).next().unwrap_or_default();
            let described = manifest.tag_file(&repo.listing, &entry.tag, name);
            let why = match escape {
                Escape::Absolute => "is an absolute path",
                Escape::Backslash => "contains a backslash",
                Escape::ParentSegment => "contains a `..` segment",
            };
            out.push(
                Finding::new(
                    &PATH_ESCAPES_IMAGE,
                    &manifest.path,
                    node.span,
                    format!("`path: {raw}` {why}; expected a path inside `{}` such as `<version>/<os-release>/Dockerfile`", display_root(manifest)),
                )
                .help(match &described {
                    Some(file) => format!("write the path relative to the image folder: `path: {file}`"),
                    None => escape_help(raw),
                })
                .maybe_fix(described.as_deref().and_then(|file| path_fix(manifest, entry, file))),
            );
            Resolved::Refused(described)
        }
    }
}

/// The unsafe fix setting the entry's `path` to `file` (relative to the image root).
fn path_fix(manifest: &Manifest, entry: &Entry, file: &str) -> Option<Fix> {
    let (span, replacement) =
        yaml_edit::set_value(&manifest.file.text, &entry.value, "path", file)?;
    Some(Fix::guess(
        format!("write `path: {file}`"),
        vec![Edit::new(&manifest.path, span, replacement)],
    ))
}

/// [`path_fix`] to the Dockerfile the tag describes, when it exists and no entry uses it.
fn described_fix(repo: &Repo, manifest: &Manifest, entry: &Entry) -> Option<Fix> {
    let file = manifest.tag_file(&repo.listing, &entry.tag, "Dockerfile")?;
    let target = manifest.join(&file);
    let used = manifest
        .entries
        .iter()
        .any(|other| other.dockerfile() == Some(target.as_str()));
    if used {
        return None;
    }
    path_fix(manifest, entry, &file)
}

/// A repository path relative to the manifest's image root.
fn relative_to<'f>(manifest: &Manifest, file: &'f str) -> Option<&'f str> {
    if manifest.root.is_empty() {
        Some(file)
    } else {
        file.strip_prefix(manifest.root.as_str())?.strip_prefix('/')
    }
}

fn display_root(manifest: &Manifest) -> &str {
    if manifest.root.is_empty() {
        "the repository root"
    } else {
        &manifest.root
    }
}

fn escape_help(raw: &str) -> String {
    let cleaned: Vec<&str> = raw
        .split(['/', '\\'])
        .filter(|part| !matches!(*part, "" | "." | "..") && !part.ends_with(':'))
        .collect();
    match cleaned.len() {
        0 => "write the path relative to the image folder".to_string(),
        _ => format!(
            "write the path relative to the image folder, e.g. `{}`",
            cleaned.join("/")
        ),
    }
}

fn expected_path_help(entry: &Entry) -> String {
    match crate::domain::tag::split(&entry.tag) {
        Some(parts) => format!(
            "add `path: {}/{}/Dockerfile` (relative to the image folder)",
            parts.head,
            parts.os.dir_name()
        ),
        None => "add `path: <version>/<os-release>/Dockerfile` (relative to the image folder)"
            .to_string(),
    }
}

/// A Dockerfile of the image that a P001 help may suggest, read once per manifest.
struct Candidate<'f> {
    /// Relative to the image root.
    relative: &'f str,
    layout: Option<Layout<'f>>,
    /// The release its OS folder names, read leniently.
    os: Option<OsRelease>,
}

impl<'f> Candidate<'f> {
    fn new(relative: &'f str) -> Candidate<'f> {
        let layout = split_layout(relative);
        Candidate {
            relative,
            layout,
            os: layout.and_then(|layout| OsRelease::parse_lenient(layout.os_dir)),
        }
    }
}

/// Reports P001 and returns the Dockerfile its help names, if any.
#[allow(clippy::too_many_arguments)]
fn report_missing(
    repo: &Repo,
    manifest: &Manifest,
    entry: &Entry,
    path: &EntryPath,
    candidates: &[Candidate],
    // Files existing entries point at, and those plus files other tags describe.
    (referenced, taken): (&BTreeSet<String>, &BTreeSet<String>),
    budget: &Budget,
    out: &mut Vec<Finding>,
) -> Option<String> {
    let folder_file = BUILD_FILE_NAMES
        .iter()
        .map(|name| join_dir(&path.relative, name))
        .find(|candidate| repo.is_file(&manifest.join(candidate)));
    let missing = Candidate::new(&path.relative);
    // Sorting the image's Dockerfiles into plausible or not costs about one banded distance
    // per Dockerfile: paid from the budget like the distances themselves.
    let filter_cost = (candidates.len() as u64) * (path.relative.len() as u64 + 1) * 5;
    let plausible: Vec<&str> = if budget.spend(filter_cost) {
        candidates
            .iter()
            .filter(|candidate| plausible_alternative(&missing, candidate))
            .map(|candidate| candidate.relative)
            .collect()
    } else {
        Vec::new()
    };
    let unused = plausible
        .iter()
        .copied()
        .filter(|relative| !taken.contains(&manifest.join(relative)));
    let anything = usize::MAX;
    let nearest_unused = suggest::nearest_budgeted(&path.relative, unused, 1, anything, budget)
        .first()
        .copied();
    let nearest_any = suggest::nearest_budgeted(
        &path.relative,
        plausible.iter().copied(),
        1,
        anything,
        budget,
    )
    .first()
    .copied();
    let name = file_name(&path.relative);
    let name = intended_build_file(name).unwrap_or(name);
    let described = manifest
        .tag_file(&repo.listing, &entry.tag, name)
        .filter(|file| !referenced.contains(&manifest.join(file)));
    let unused_count = plausible
        .iter()
        .filter(|relative| !taken.contains(&manifest.join(relative)))
        .count();
    // The fix takes the suggestion only when it is the one answer: another entry's
    // Dockerfile would be shared, and one of several candidates is a coin toss.
    let (help, suggested, fixable) = if let Some(file) = described {
        (
            format!("did you mean `{file}`? it exists and matches the tag"),
            Some(file),
            true,
        )
    } else if let Some(file) = folder_file {
        (
            format!("`{}` is a folder; write `path: {file}`", path.relative),
            Some(file),
            true,
        )
    } else if let Some(file) = nearest_unused {
        // A Dockerfile in a sibling version or OS folder may be the right file in the wrong
        // folder, or the tag may be wrong: pointing `path` at it would make the tag lie.
        // Only a slip in spelling the same folder (`24.03-LTS`, `Dcokerfile`) is fixed.
        (
            format!("did you mean `{file}`? it exists and no entry uses it"),
            Some(file.to_string()),
            unused_count == 1 && is_typo_of(&path.relative, file),
        )
    } else if let Some(file) = nearest_any.filter(|file| is_typo_of(&path.relative, file)) {
        (
            format!("did you mean `{file}`? (another entry uses it too)"),
            Some(file.to_string()),
            false,
        )
    } else if let Some(file) = nearest_any {
        (
            format!("create `{}`, or remove this entry; the nearest existing Dockerfile, `{file}`, already belongs to another entry", path.relative),
            None,
            false,
        )
    } else {
        (
            format!(
                "create `{}` in `{}`, or remove this entry",
                path.relative,
                display_root(manifest)
            ),
            None,
            false,
        )
    };
    let fix = suggested
        .as_deref()
        .filter(|_| fixable)
        .and_then(|file| path_fix(manifest, entry, file));
    let help = match layout_fix(&repo.config.releases, &path.relative) {
        Some(fixed) if suggested.is_none() && fixed != path.relative => {
            format!("{help}; the expected layout would be `{fixed}`")
        }
        _ => help,
    };
    let mut message = format!(
        "tag `{}` points at `{}`, which does not exist in `{}`",
        entry.tag,
        path.raw,
        display_root(manifest)
    );
    if path.elsewhere.is_some() {
        // Copied from another image: the file exists, but not where the publisher looks.
        message.push_str(&format!(
            "; it names a file outside this image from the repository root, and the publisher reads `path` relative to `{}`",
            display_root(manifest)
        ));
    }
    out.push(
        Finding::new(&DOCKERFILE_MISSING, &manifest.path, path.span, message)
            .help(help)
            .maybe_fix(fix),
    );
    suggested.map(|file| manifest.join(&file))
}

/// A slip of a key or two, ignoring case (`Dcokerfile`, `24.03-LTS`).
fn is_near(missing: &str, candidate: &str) -> bool {
    suggest::within_ignoring_case(missing, candidate, 2)
}

/// The same version and release, spelt differently (`Dcokerfile`, `24.03.-lts-sp1`): unlike
/// `24.03-lts-sp3` for a missing `24.03-lts-sp4`, which is another release.
fn is_typo_of(missing: &str, candidate: &str) -> bool {
    let (Some(wanted), Some(found)) = (split_layout(missing), split_layout(candidate)) else {
        return is_near(missing, candidate);
    };
    is_near(missing, candidate)
        && wanted.version.eq_ignore_ascii_case(found.version)
        && OsRelease::parse_lenient(wanted.os_dir) == OsRelease::parse_lenient(found.os_dir)
}

/// A Dockerfile worth suggesting for a missing one: a small typo away, or in the same
/// version folder, or in the same OS folder (the usual slips: a sibling OS or version).
fn plausible_alternative(missing: &Candidate, candidate: &Candidate) -> bool {
    if is_near(missing.relative, candidate.relative) {
        return true;
    }
    let (Some(wanted), Some(found)) = (missing.layout, candidate.layout) else {
        return false;
    };
    let same_os = match (missing.os, candidate.os) {
        (Some(a), Some(b)) => a == b,
        _ => wanted.os_dir.eq_ignore_ascii_case(found.os_dir),
    };
    wanted.version.eq_ignore_ascii_case(found.version) || same_os
}

/// Every Dockerfile-like file of an image: build files, and near-misses such as `Dcokerfile`.
fn build_files_under(repo: &Repo, root: &str) -> Vec<String> {
    repo.files_under(root)
        .iter()
        .filter(|path| looks_like_build_file(file_name(path)))
        .cloned()
        .collect()
}

/// The path with its OS folder and file name corrected, when both are recognisable.
fn layout_fix(releases: &ReleaseTable, relative: &str) -> Option<String> {
    let layout = split_layout(relative)?;
    let os = release_folder(releases, layout.os_dir)?;
    let file = intended_build_file(layout.file)?;
    Some(format!("{}/{}/{file}", layout.version, os.dir_name()))
}

fn check_layout(
    repo: &Repo,
    manifest: &Manifest,
    entry: &Entry,
    path: &EntryPath,
    out: &mut Vec<Finding>,
) {
    let version_is_os = split_layout(&path.relative)
        .filter(|layout| lts_folder(&repo.config.releases, layout.version));
    if let Some(layout) = version_is_os {
        let version = crate::domain::tag::split(&entry.tag)
            .map(|parts| tag_version(parts.head, file_name(&manifest.root)).to_string())
            .unwrap_or_else(|| "<version>".to_string());
        out.push(
            Finding::new(
                &PATH_LAYOUT,
                &manifest.path,
                path.span,
                format!(
                    "the version folder of `{}` is the OS release `{}`; expected `<version>/<os-release>/{}`",
                    path.relative, layout.version, layout.file
                ),
            )
            .help(format!(
                "move the file to `{version}/{}/{}` and write that path",
                layout.os_dir, layout.file
            )),
        );
        return;
    }
    let problem = match split_layout(&path.relative) {
        None => format!(
            "`{}` is not laid out as `<version>/<os-release>/Dockerfile`",
            path.relative
        ),
        Some(layout) if !is_build_file(layout.file) => format!(
            "the file is named `{}`; expected `Dockerfile` (or `Distrofile`)",
            layout.file
        ),
        Some(layout) => match OsRelease::parse_dir(layout.os_dir) {
            Some(_) => return,
            None => format!(
                "`{}` is not an openEuler release folder such as `24.03-lts` or `22.03-lts-sp4`",
                layout.os_dir
            ),
        },
    };
    let help = match layout_fix(&repo.config.releases, &path.relative) {
        Some(fixed) => format!("move the file to `{fixed}` and write `path: {fixed}`"),
        None => {
            "use `<version>/<os-release>/Dockerfile`, e.g. `1.0/24.03-lts/Dockerfile`".to_string()
        }
    };
    out.push(Finding::new(&PATH_LAYOUT, &manifest.path, path.span, problem).help(help));
}

fn report_orphans(
    repo: &Repo,
    manifest: &Manifest,
    build_files: &[String],
    accounted: &BTreeSet<String>,
    out: &mut Vec<Finding>,
) {
    for file in build_files {
        let Some(relative) = relative_to(manifest, file) else {
            continue;
        };
        let Some(layout) = split_layout(relative) else {
            continue;
        };
        let Some(os) = release_folder(&repo.config.releases, layout.os_dir) else {
            continue;
        };
        if !is_build_file(layout.file) || accounted.contains(file) {
            continue;
        }
        let span = repo.first_line(file);
        out.push(
            Finding::new(
                &ORPHAN_DOCKERFILE,
                file,
                span,
                format!(
                    "no entry of `{}` builds this {}; it is never published",
                    manifest.path, layout.file
                ),
            )
            .help(format!(
                "add an entry `{}:` with `path: {relative}` to `{}`, or delete the file",
                crate::domain::tag::with_suffix(&tag_spelling(layout.version), &os, false),
                manifest.path
            )),
        );
    }
}
