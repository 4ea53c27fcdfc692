//! T: the image tag itself, whether it agrees with the Dockerfile it is built from, and the
//! oEEP-0014 grammar of AI stack tags.

use crate::diagnostic::{Applicability, Edit, Finding, Fix, TagRename};
use crate::domain::layout::{lts_folder, tag_spelling, tag_version};
use crate::domain::os_release::{Flavor, OsRelease, ReleaseTable};
use crate::domain::stack_tag;
use crate::domain::tag::{self, TagParts, MAX_TAG_LEN};
use crate::model::context::Context;
use crate::model::entry_path::EntryPath;
use crate::model::image_index::EntryId;
use crate::model::manifest::{Entry, Manifest};
use crate::model::Repo;
use crate::rule;
use crate::source::repo_path::file_name;
use crate::syntax::pyyaml::non_string_reading;
use crate::syntax::yaml_edit;
use crate::text::suggest::{self, Budget};
use crate::text::Span;

rule! {
    /// Docker tags match `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`: no `/`, `+`, spaces or other
    /// characters, no leading `-` or `.`, at most 128 characters. The publisher cannot push
    /// such a tag. The repository writes a `+` of a version folder as `_` in the tag.
    ///
    /// Fix: unsafe: the nearest valid spelling (`+` becomes `_`, `/` and spaces `-`), which
    /// renames the tag; safe when the change check knows the tag is new in the change. None
    /// when the new tag is already declared or another image of the repository builds on the
    /// old one.
    pub static INVALID_DOCKER_TAG = ("T001", "invalid-docker-tag", Error, "the tag is not a valid Docker tag");
}

rule! {
    /// Every tag ends with the openEuler release it is built on: `-oe<YYMM>lts` for an LTS
    /// release or `-oe<YYMM>sp<N>` for a service pack (`-oe2403lts`, `-oe2203sp4`), optionally
    /// followed by `-dev`. Spellings such as `-22.03-lts`, `-oe24.03lts` or `-oe2203ltssp3`
    /// break every tool that reads the release from the tag.
    ///
    /// Fix: unsafe: the corrected suffix (the release of the Dockerfile's folder when the
    /// suffix is missing), which renames the tag, so a published image would be withdrawn;
    /// safe when the change check knows the tag is new in the change. None when the new tag
    /// is already declared or another image of the repository builds on the old one.
    pub static MALFORMED_OS_SUFFIX = ("T002", "malformed-os-suffix", Error, "the tag has no `-oe<YYMM><lts|spN>` suffix");
}

rule! {
    /// The tag's suffix is well formed but names no openEuler release (for example
    /// `oe2203sp9`). Known releases are 20.03, 22.03 and 24.03 LTS with SP1–SP4 and the
    /// innovation releases; a configuration can add more.
    ///
    /// Fix: unsafe, when the Dockerfile's folder names a known release: the tag renamed to
    /// it; safe when the change check knows the tag is new in the change. None otherwise
    /// (nearby releases are only candidates).
    pub static UNKNOWN_OS_RELEASE = ("T003", "unknown-os-release", Error, "the OS suffix names no known openEuler release");
}

rule! {
    /// The tag says one openEuler release, the folder of its Dockerfile another
    /// (`-oe2203sp4` built from `.../24.03-lts-sp4/Dockerfile`). Users pulling the tag get a
    /// different OS than the tag promises. Usually an entry was copied and only one of the
    /// two was updated.
    ///
    /// Fix: unsafe, when the Dockerfile for the tag's own release exists and no other entry
    /// uses it: `path` points at it (the published tag stays). None otherwise: whether the
    /// tag or the folder is wrong is the author's call.
    pub static TAG_OS_MISMATCH = ("T004", "tag-os-mismatch", Error, "the tag's OS suffix disagrees with the Dockerfile's OS folder");
}

rule! {
    /// The tag's version disagrees with the version folder of its Dockerfile
    /// (`2.1.0-oe2403lts` built from `2.0.0/24.03-lts/Dockerfile`). A `+` in the folder is
    /// written `_` in the tag, and a tag may repeat the image name before the version
    /// (`pytorch2.1.0-…` in image `pytorch`).
    ///
    /// Fix: unsafe, when the Dockerfile for the tag's own version exists and no other entry
    /// uses it: `path` points at it (the published tag stays). None otherwise.
    pub static TAG_VERSION_MISMATCH = ("T005", "tag-version-mismatch", Error, "the tag's version disagrees with the Dockerfile's version folder");
}

rule! {
    /// The tag of an AI stack image (an SDK, framework or LLM image in the `AI/` scene; an
    /// image of the same name elsewhere, such as a CPU-only `Others/tensorflow`, is an
    /// ordinary image) does not follow oEEP-0014. The repository writes the image
    /// name in the image (`openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4`), so the tag is read
    /// together with the name, from the right: optional `-dev`, the OS suffix, then
    /// `-`-separated `<component><version>` parts.
    ///
    /// - SDK image: `<version>[-<extra>…]-oe<release>`, e.g. `cann:8.0.RC1-oe2203sp4`.
    /// - Framework image: exactly one SDK component, e.g. `pytorch:2.2.0-cann8.0.RC1-oe2203sp4`
    ///   (`pytorch2.2.0-…` is accepted too).
    /// - LLM image: a framework and an SDK component, e.g.
    ///   `llm:chatglm2_6b-pytorch2.1.0-cann8.0.RC1-oe2203sp4`. The SDK-first order of the
    ///   spec's own example is accepted with an info.
    /// - `-dev` only at the very end.
    ///
    /// Every component needs a version; unknown component names are reported as info.
    ///
    /// Fix: none: a stack tag names the layers below it, and which reading the author meant
    /// (and whether the published tag may change) is theirs to decide.
    pub static STACK_TAG_GRAMMAR = ("T006", "stack-tag-grammar", Error, "an AI stack tag does not follow the oEEP-0014 grammar");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &INVALID_DOCKER_TAG,
    &MALFORMED_OS_SUFFIX,
    &UNKNOWN_OS_RELEASE,
    &TAG_OS_MISMATCH,
    &TAG_VERSION_MISMATCH,
    &STACK_TAG_GRAMMAR,
];

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let repo = context.repo;
    let known = KnownReleases {
        suffixes: repo.config.releases.iter().map(OsRelease::suffix).collect(),
        table: &repo.config.releases,
        budget: &context.suggestions,
    };
    for (m, manifest) in repo.manifests.iter().enumerate() {
        // The entry ids are needed for the renames' checks: so is the index.
        if !manifest.is_placed() || !context.checks(manifest) {
            continue;
        }
        for (e, entry) in manifest.entries.iter().enumerate() {
            // A key PyYAML does not read as a string is Y006; its spelling is moot.
            if !manifest.is_complete(entry)
                || entry.key.as_scalar().is_none()
                || non_string_reading(&entry.key).is_some()
            {
                continue;
            }
            let id = EntryId {
                manifest: m,
                entry: e,
            };
            check_entry(context, id, manifest, entry, &known, out);
        }
    }
    check_stack_tags(context, out);
}

/// The release table as T003's help needs it, prepared once per check.
struct KnownReleases<'a> {
    suffixes: Vec<String>,
    table: &'a ReleaseTable,
    /// A configuration may add thousands of releases: suggestions among them are budgeted.
    budget: &'a Budget,
}

impl KnownReleases<'_> {
    /// Whether `os` may simply be newer than the table: a later `YY.MM` than any known, or a
    /// later service pack of a known LTS release (`24.03-lts-sp5`).
    fn may_be_new(&self, os: &OsRelease) -> bool {
        let month = |r: &OsRelease| (r.year, r.month);
        let newest = self.table.iter().map(month).max();
        if newest.is_none_or(|newest| month(os) > newest) {
            return true;
        }
        let Flavor::Sp(pack) = os.flavor else {
            return false;
        };
        let same_line = |r: &&OsRelease| month(r) == month(os);
        self.table
            .iter()
            .filter(same_line)
            .any(|r| r.flavor == Flavor::Lts)
            && self
                .table
                .iter()
                .filter(same_line)
                .all(|r| !matches!(r.flavor, Flavor::Sp(known) if known >= pack))
    }
}

/// T006 on the images that are stack layers.
fn check_stack_tags(context: &Context, out: &mut Vec<Finding>) {
    let repo = context.repo;
    for (m, manifest) in repo.manifests.iter().enumerate() {
        let Some(name) = context.index.name_of(m) else {
            continue;
        };
        let tables = &repo.config.stack;
        if stack_tag::Layer::of(name, tables).is_none() || !tables.in_stack_scene(&manifest.root) {
            continue;
        }
        for entry in &manifest.entries {
            let Some(tag) = stack_tag::read(name, &entry.tag, &repo.config.stack) else {
                continue;
            };
            for problem in tag.problems {
                out.push(
                    Finding::new(
                        &STACK_TAG_GRAMMAR,
                        &manifest.path,
                        tag_span(manifest, entry, problem.range),
                        format!("`{name}:{}`: {}", entry.tag, problem.message),
                    )
                    .severity(problem.severity)
                    .maybe_help(problem.help),
                );
            }
        }
    }
}

/// The span of `range` inside an entry's tag; the whole key for an empty range.
fn tag_span(manifest: &Manifest, entry: &Entry, range: std::ops::Range<usize>) -> Span {
    if range.is_empty() {
        return entry.tag_span();
    }
    entry.key.span_within(&manifest.file.text, range)
}

/// What the checks of one entry share.
struct EntryCheck<'a> {
    context: &'a Context<'a, 'a>,
    id: EntryId,
    manifest: &'a Manifest,
    entry: &'a Entry,
    path: Option<&'a EntryPath>,
    /// The known release the Dockerfile's folder names.
    folder_os: Option<OsRelease>,
    releases: &'a ReleaseTable,
}

impl EntryCheck<'_> {
    fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.entry.key.span_within(&self.manifest.file.text, range)
    }

    fn finding(&self, rule: &'static crate::rules::Rule, span: Span, message: String) -> Finding {
        Finding::new(rule, &self.manifest.path, span, message)
    }

    /// The fix renaming the tag to `fixed`, `otherwise` safe or unsafe when the tag is new:
    /// none when `fixed` is no valid Docker tag, is declared already (the rename would make a
    /// duplicate), or an image of this repository builds on the current tag (its `FROM` would
    /// dangle).
    fn rename(&self, fixed: &str, otherwise: Applicability) -> Option<Fix> {
        let manifest = self.manifest;
        let taken = manifest.declares(fixed)
            || self
                .context
                .index
                .name_of(self.id.manifest)
                .is_some_and(|name| !self.context.index.declared(name, fixed).is_empty());
        let built_on = !self.context.parents.children_of(self.id).is_empty();
        if !tag::is_valid(fixed) || taken || built_on {
            return None;
        }
        let text = &manifest.file.text;
        let (span, replacement) = yaml_edit::replace_scalar(
            text,
            &self.entry.key,
            fixed,
            yaml_edit::context_of(text, manifest.doc.root.as_ref()?),
        )?;
        Some(Fix::renaming(
            format!("rename the tag to `{fixed}`"),
            vec![Edit::new(&manifest.path, span, replacement)],
            TagRename {
                manifest: manifest.path.clone(),
                tag: self.entry.tag.clone(),
                otherwise,
            },
        ))
    }

    /// The fix pointing `path` at `file` (relative to the image root), the Dockerfile the
    /// tag describes; none when another entry builds from it already.
    fn repoint(&self, file: &str) -> Option<Fix> {
        let manifest = self.manifest;
        let target = manifest.join(file);
        if manifest.builds_from(&target) {
            return None;
        }
        let (span, replacement) =
            yaml_edit::set_value(&manifest.file.text, &self.entry.value, "path", file)?;
        Some(Fix::guess(
            format!("write `path: {file}`"),
            vec![Edit::new(&manifest.path, span, replacement)],
        ))
    }
}

fn check_entry(
    context: &Context,
    id: EntryId,
    manifest: &Manifest,
    entry: &Entry,
    known: &KnownReleases,
    out: &mut Vec<Finding>,
) {
    let repo = context.repo;
    let releases = &repo.config.releases;
    let path = entry.entry_path();
    let folder_os = path
        .and_then(EntryPath::folder_release)
        .filter(|os| releases.contains(os));
    let context = EntryCheck {
        context,
        id,
        manifest,
        entry,
        path,
        folder_os,
        releases,
    };
    let docker_valid = check_docker_tag(&context, out);
    let Some(parts) = tag::split(&entry.tag) else {
        report_malformed_suffix(repo, &context, out);
        return;
    };
    if !releases.contains(&parts.os) {
        report_unknown_release(&context, &parts, known, out);
        return;
    }
    let Some(path) = context.path.filter(|path| path.exists) else {
        return;
    };
    let described = manifest.tag_described_file(&repo.listing, &entry.tag, path);
    check_os_agreement(&context, path, &parts, described.as_deref(), out);
    if docker_valid {
        check_version_agreement(&context, path, &parts, described.as_deref(), out);
    }
}

/// T001. Returns whether the tag is valid.
fn check_docker_tag(context: &EntryCheck, out: &mut Vec<Finding>) -> bool {
    let tag = context.entry.tag.as_str();
    let bad = tag.char_indices().find(|&(at, c)| {
        let allowed = c.is_ascii_alphanumeric() || c == '_' || (at > 0 && matches!(c, '.' | '-'));
        !allowed
    });
    let (span, problem) = match bad {
        Some((at, c)) => (
            context.span(at..at + c.len_utf8()),
            if at == 0 && matches!(c, '.' | '-') {
                format!("tag `{tag}` starts with `{c}`; a Docker tag must start with a letter, digit or `_`")
            } else {
                format!("tag `{tag}` contains `{c}`; Docker tags allow only letters, digits, `_`, `.` and `-`")
            },
        ),
        None if tag.is_empty() => (context.entry.key.span, "the tag is empty".to_string()),
        None if tag.len() > MAX_TAG_LEN => (
            context.span(MAX_TAG_LEN..tag.len()),
            format!(
                "tag is {} characters long; Docker allows at most {MAX_TAG_LEN}",
                tag.len()
            ),
        ),
        None => return true,
    };
    let fixed = tag::valid_spelling(tag);
    let help = if fixed.is_empty() {
        "use a tag such as `1.0-oe2403lts`".to_string()
    } else {
        format!("write `{fixed}`")
    };
    out.push(
        context
            .finding(&INVALID_DOCKER_TAG, span, problem)
            .help(help)
            .maybe_fix(context.rename(&fixed, repository_spelling(tag, &fixed))),
    );
    false
}

/// Safe when the valid spelling only writes `+` as `_`, the repository's own convention; the
/// other replacements (and a cut at 128 characters) are guesses.
fn repository_spelling(tag: &str, fixed: &str) -> Applicability {
    if tag.replace('+', "_") == fixed {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    }
}

fn report_malformed_suffix(repo: &Repo, context: &EntryCheck, out: &mut Vec<Finding>) {
    let tag = context.entry.tag.as_str();
    let misspelled = tag::split_misspelled(tag, &repo.config.releases);
    let (span, message, fixed) = match &misspelled {
        Some(found) => {
            let os = context.folder_os.unwrap_or(found.os);
            (
                context.span(found.suffix_range.clone()),
                format!(
                    "tag `{tag}` spells its OS suffix `{}`; expected `oe{}`",
                    &tag[found.suffix_range.clone()],
                    found.os.suffix()
                ),
                Some(tag::with_suffix(found.head, &os, found.dev)),
            )
        }
        None => {
            let (body, dev) = tag::strip_dev(tag);
            (
                context.entry.key.span,
                format!("tag `{tag}` does not end with an OS suffix such as `-oe2403lts` or `-oe2203sp4`"),
                context
                    .folder_os
                    .map(|os| tag::with_suffix(body, &os, dev)),
            )
        }
    };
    let help = match &fixed {
        Some(fixed) => format!("write `{fixed}`"),
        None => "end the tag with `-oe<YYMM>lts` or `-oe<YYMM>sp<N>`, the release of its Dockerfile's folder".to_string(),
    };
    out.push(
        context
            .finding(&MALFORMED_OS_SUFFIX, span, message)
            .help(help)
            .maybe_fix(fixed.and_then(|fixed| context.rename(&fixed, Applicability::Safe))),
    );
}

fn report_unknown_release(
    context: &EntryCheck,
    parts: &TagParts,
    known: &KnownReleases,
    out: &mut Vec<Finding>,
) {
    let suffix = parts.os.suffix();
    let nearest = suggest::nearest_budgeted(
        &suffix,
        known.suffixes.iter().map(String::as_str),
        4,
        suggest::default_max_distance(&suffix),
        known.budget,
    );
    let renamed = context
        .folder_os
        .map(|os| tag::with_suffix(parts.head, &os, parts.dev));
    let help = match (context.folder_os, &renamed) {
        (Some(os), Some(renamed)) => format!("the Dockerfile's folder is {os}: write `{renamed}`"),
        // A release newer than every known one is most likely real and new: stacklint's table
        // just does not know it yet.
        _ if known.may_be_new(&parts.os) => format!(
            "if {} has been released, add it to `.stacklint.toml`: `[[releases]]` with `suffix = \"{suffix}\"`; otherwise use the suffix of a known release{}",
            parts.os,
            match nearest.first() {
                Some(near) => format!(", e.g. `oe{near}`"),
                None => String::new(),
            }
        ),
        _ if !nearest.is_empty() => format!(
            "known releases nearby: {}",
            nearest
                .iter()
                .map(|s| format!("`oe{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        _ => "use the suffix of an existing openEuler release, e.g. `oe2403lts`".to_string(),
    };
    out.push(
        context
            .finding(
                &UNKNOWN_OS_RELEASE,
                context.span(parts.os_range.clone()),
                format!(
                    "tag `{}` names `oe{suffix}`, which is not a known openEuler release",
                    context.entry.tag
                ),
            )
            .help(help)
            .maybe_fix(renamed.and_then(|renamed| context.rename(&renamed, Applicability::Safe))),
    );
}

/// The fix when the tag already names an existing Dockerfile: the path was not updated.
fn repoint_help(described: Option<&str>, fixed_tag: &str) -> Option<String> {
    described.map(|file| {
        format!(
            "`{file}` exists: write `path: {file}`, or, if the path is right, write `{fixed_tag}`"
        )
    })
}

fn check_os_agreement(
    context: &EntryCheck,
    path: &EntryPath,
    parts: &TagParts,
    described: Option<&str>,
    out: &mut Vec<Finding>,
) {
    let Some(folder_os) = context.folder_os.filter(|os| *os != parts.os) else {
        return;
    };
    let folder = path.relative.rsplit('/').nth(1).unwrap_or_default();
    out.push(
        context
            .finding(
                &TAG_OS_MISMATCH,
                context.span(parts.os_range.clone()),
                format!(
                    "tag `{}` says {}, but its Dockerfile is in the {folder_os} folder `{folder}`",
                    context.entry.tag, parts.os
                ),
            )
            .help({
                let fixed = tag::with_suffix(parts.head, &folder_os, parts.dev);
                repoint_help(described, &fixed).unwrap_or_else(|| {
                    format!(
                        "write `{fixed}` (or move the Dockerfile to a {} folder)",
                        parts.os.dir_name()
                    )
                })
            })
            .related(
                &context.manifest.path,
                path.span,
                format!("the Dockerfile is in `{folder}`"),
            )
            .maybe_fix(described.and_then(|file| context.repoint(file))),
    );
}

fn check_version_agreement(
    context: &EntryCheck,
    path: &EntryPath,
    parts: &TagParts,
    described: Option<&str>,
    out: &mut Vec<Finding>,
) {
    let Some(layout) = path.layout() else {
        return;
    };
    // P004 reports a version folder named like an OS release.
    if lts_folder(context.releases, layout.version) {
        return;
    }
    let version = tag_spelling(layout.version);
    let head = tag_spelling(parts.head);
    let without_image = tag_spelling(tag_version(parts.head, file_name(&context.manifest.root)));
    if head == version || without_image == version {
        return;
    }
    let os = context.folder_os.unwrap_or(parts.os);
    out.push(
        context
            .finding(
                &TAG_VERSION_MISMATCH,
                context.span(0..parts.head.len()),
                format!(
                    "tag `{}` has version `{}`, but its Dockerfile is in the version folder `{}`",
                    context.entry.tag, parts.head, layout.version
                ),
            )
            .help({
                let fixed = tag::with_suffix(&version, &os, parts.dev);
                repoint_help(described, &fixed).unwrap_or_else(|| {
                    format!(
                        "if the path is right, write `{fixed}`; otherwise point `path` at the `{}` folder",
                        parts.head
                    )
                })
            })
            .related(
                &context.manifest.path,
                path.span,
                format!("the version folder is `{}`", layout.version),
            )
            .maybe_fix(described.and_then(|file| context.repoint(file))),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    /// The T001–T005 findings on `source` (the stack grammar, T006, has its fixtures).
    fn t001_to_t005(source: &MemorySource) -> Vec<Finding> {
        let config = Config::default();
        let repo = Repo::load(source, &config);
        let mut out = Vec::new();
        check(&Context::build(&repo), &mut out);
        out.retain(|f| f.rule.code != "T006");
        out
    }

    /// (code, flagged text, help) of T001–T005 for one entry of `AI/pytorch/meta.yml` (the
    /// stack grammar, T006, has its fixtures).
    fn findings(key: &str, path: &str) -> Vec<(&'static str, String, String)> {
        let text = format!("{key}:\n  path: {path}\n");
        let source = MemorySource::new()
            .with("AI/pytorch/meta.yml", &text)
            .with("AI/pytorch/2.1.0/22.03-lts-sp4/Dockerfile", "FROM a\n")
            .with("AI/pytorch/1.0+v2/24.03-lts/Dockerfile", "FROM a\n");
        t001_to_t005(&source)
            .into_iter()
            .map(|f| {
                let flagged = text
                    .get(f.span.start..f.span.end)
                    .unwrap_or("?")
                    .to_string();
                (f.rule.code, flagged, f.help.unwrap_or_default())
            })
            .collect()
    }

    const SP4: &str = "2.1.0/22.03-lts-sp4/Dockerfile";

    /// (code, the manifest after the finding's fix alone, whether it renames a tag) of
    /// T001–T005 on `AI/pytorch/meta.yml` holding `text`, next to `extra` files.
    fn fixed(text: &str, extra: &[(&str, &str)]) -> Vec<(&'static str, Option<String>, bool)> {
        let mut source = MemorySource::new()
            .with("AI/pytorch/meta.yml", text)
            .with("AI/pytorch/2.1.0/22.03-lts-sp4/Dockerfile", "FROM a\n")
            .with("AI/pytorch/2.1.0/24.03-lts/Dockerfile", "FROM a\n");
        for (path, content) in extra {
            source.insert(path, Some(content.to_string()));
        }
        t001_to_t005(&source)
            .into_iter()
            .map(|f| {
                let renames = f.fix.as_ref().is_some_and(|fix| fix.renames_tag.is_some());
                let after = f.fix.map(|fix| {
                    assert_eq!(fix.applicability, crate::diagnostic::Applicability::Unsafe);
                    crate::text::edit::apply(
                        text,
                        fix.edits.iter().map(|e| (e.span, e.replacement.as_str())),
                    )
                    .expect("edits apply")
                });
                (f.rule.code, after, renames)
            })
            .collect()
    }

    #[test]
    fn renames_are_unsafe_tag_renames_and_keep_the_quotes() {
        assert_eq!(
            fixed(
                "\"2.1.0-22.03-lts-sp4\":\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n",
                &[]
            ),
            [(
                "T002",
                Some("\"2.1.0-oe2203sp4\":\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n".into()),
                true
            )]
        );
        assert_eq!(
            fixed(
                "2.1.0+x-oe2203sp4:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n",
                &[]
            )[0]
            .1,
            Some("2.1.0_x-oe2203sp4:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n".into())
        );
        assert_eq!(
            fixed(
                "2.1.0-oe2203sp9:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n",
                &[]
            )[0]
            .1,
            Some("2.1.0-oe2203sp4:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n".into())
        );
    }

    #[test]
    fn no_rename_onto_a_declared_tag_or_under_a_child() {
        let both = "2.1.0-22.03-lts-sp4:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n2.1.0-oe2203sp4:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n";
        assert_eq!(fixed(both, &[])[0], ("T002", None, false));
        let child = [
            (
                "AI/image-list.yml",
                "images:\n  pytorch: pytorch\n  llm: llm\n",
            ),
            (
                "AI/llm/meta.yml",
                "1-oe2203sp4:\n  path: 1/22.03-lts-sp4/Dockerfile\n",
            ),
            (
                "AI/llm/1/22.03-lts-sp4/Dockerfile",
                "FROM openeuler/pytorch:2.1.0-22.03-lts-sp4\n",
            ),
        ];
        let text = "2.1.0-22.03-lts-sp4:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n";
        assert_eq!(fixed(text, &child)[0], ("T002", None, false));
    }

    #[test]
    fn mismatches_repoint_the_path_at_the_dockerfile_the_tag_describes() {
        let text = "2.1.0-oe2203sp4:\n  path: '2.1.0/24.03-lts/Dockerfile'\n";
        assert_eq!(
            fixed(text, &[]),
            [(
                "T004",
                Some("2.1.0-oe2203sp4:\n  path: '2.1.0/22.03-lts-sp4/Dockerfile'\n".into()),
                false
            )]
        );
        let taken = format!("{text}2.1.0-oe2203sp4-dev:\n  path: 2.1.0/22.03-lts-sp4/Dockerfile\n");
        assert_eq!(fixed(&taken, &[])[0], ("T004", None, false));
    }

    #[test]
    fn agreeing_tags_pass_including_image_prefix_plus_and_quotes() {
        assert!(findings("2.1.0-oe2203sp4", SP4).is_empty());
        assert!(findings("pytorch2.1.0-oe2203sp4", SP4).is_empty());
        assert!(findings("\"2.1.0-oe2203sp4-dev\"", SP4).is_empty());
        assert!(findings("1.0_v2-oe2403lts", "1.0+v2/24.03-lts/Dockerfile").is_empty());
    }

    #[test]
    fn invalid_characters_point_at_the_first_one() {
        let found = findings("1.0+v2-oe2403lts", "1.0+v2/24.03-lts/Dockerfile");
        assert_eq!(
            found,
            [("T001", "+".into(), "write `1.0_v2-oe2403lts`".into())]
        );
        let found = findings("-x/y-oe2203sp4", SP4);
        assert_eq!(found[0].1, "-");
        assert_eq!(found[0].2, "write `x-y-oe2203sp4`");
        let long = format!("{}-oe2203sp4", "a".repeat(130));
        assert_eq!(findings(&long, SP4)[0].0, "T001");
    }

    #[test]
    fn non_ascii_tags_are_invalid_and_spans_stay_on_char_boundaries() {
        let found = findings("2.1.0é-oe2203sp4", SP4);
        assert_eq!(
            found[0],
            ("T001", "é".into(), "write `2.1.0_-oe2203sp4`".into())
        );
    }

    #[test]
    fn malformed_suffixes_get_the_corrected_tag() {
        let found = findings("2.1.0-22.03-lts-sp4", SP4);
        assert_eq!(
            found,
            [(
                "T002",
                "22.03-lts-sp4".into(),
                "write `2.1.0-oe2203sp4`".into()
            )]
        );
        let found = findings("2.1.0", SP4);
        assert_eq!(found[0].2, "write `2.1.0-oe2203sp4`");
        let found = findings("2.1.0-OE2203SP4", "missing/Dockerfile");
        assert_eq!(found[0].2, "write `2.1.0-oe2203sp4`");
    }

    #[test]
    fn unknown_releases_suggest_the_folder_or_neighbours() {
        let found = findings("2.1.0-oe2203sp9", SP4);
        assert_eq!(found[0].0, "T003");
        assert_eq!(found[0].1, "oe2203sp9");
        assert!(found[0].2.contains("2.1.0-oe2203sp4"), "{}", found[0].2);
        let found = findings("2.1.0-oe2203sp9", "x/Dockerfile");
        assert!(found[0].2.contains("`oe2203sp1`"), "{}", found[0].2);
    }

    #[test]
    fn os_and_version_disagreements_are_separate_findings() {
        let found = findings("2.1.0-oe2403sp4", SP4);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "T004");
        assert!(found[0].2.starts_with("write `2.1.0-oe2203sp4`"));
        let found = findings("2.2.0-oe2203sp4", SP4);
        assert_eq!(found[0].0, "T005");
        assert_eq!(found[0].1, "2.2.0");
        assert!(found[0].2.contains("`2.1.0-oe2203sp4`"));
    }

    #[test]
    fn missing_dockerfiles_and_yaml11_keys_are_left_to_other_rules() {
        assert!(findings("9.9-oe2403lts", "9.9/22.03-lts-sp4/Dockerfile").is_empty());
        assert!(findings("1.10", SP4).is_empty());
    }
}
