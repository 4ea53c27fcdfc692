//! Y: the YAML structure of `meta.yml` files. Y001 (syntax, stray tabs) and Y004 (entry shape,
//! legacy entries, unindented keys) live in their own files; the other Y rules here.

mod entry_shape;
mod syntax;

use std::collections::BTreeMap;

pub use entry_shape::ENTRY_NOT_MAPPING;
pub use syntax::YAML_SYNTAX;

use entry_shape::check_entry_shape;
use syntax::check_syntax;

use crate::diagnostic::{Applicability, Edit, Finding, Fix, TagRename};
use crate::domain::layout::{intended_entry_key, is_misnamed_manifest, ENTRY_KEYS, MANIFEST_NAME};
use crate::domain::tag;
use crate::model::context::Context;
use crate::model::manifest::{Entry, Manifest, Placement};
use crate::model::Repo;
use crate::rule;
use crate::source::repo_path::{file_name, join_dir, parent_dir};
use crate::syntax::pyyaml::non_string_reading;
use crate::syntax::yaml::{Node, NodeKind};
use crate::syntax::yaml_edit;
use crate::text::Span;

rule! {
    /// A tag appears twice in one `meta.yml`. YAML loaders do not complain: the publisher
    /// (PyYAML) silently keeps the **last** entry, so the first one is never built, and
    /// whoever edited the first one is surprised.
    ///
    /// Remove the entry that should not be published, or give it its own tag.
    ///
    /// Fix: none: which of the two entries is meant is the author's call.
    pub static DUPLICATE_TAG = ("Y002", "duplicate-tag", Error, "a tag key appears twice in one meta.yml");
}

rule! {
    /// The top level of a `meta.yml` must be a mapping from tag to entry. An empty file, a list
    /// or a single string publishes nothing.
    ///
    /// ```yaml
    /// 1.0-oe2403lts:
    ///   path: 1.0/24.03-lts/Dockerfile
    /// ```
    ///
    /// Fix: none: nothing in the file says which tags it should declare.
    pub static MANIFEST_NOT_MAPPING = ("Y003", "manifest-not-mapping", Error, "meta.yml is empty or not a mapping of tags");
}

rule! {
    /// Only `path` and `arch` mean something inside an entry. Any other key is ignored by the
    /// publisher, so a misspelled `pth:` or `arches:` silently loses the setting.
    ///
    /// Fix: unsafe: the nearest known key, when the entry does not have it yet.
    pub static UNKNOWN_ENTRY_KEY = ("Y005", "unknown-entry-key", Error, "an entry has a key other than `path` or `arch`");
}

rule! {
    /// The publisher loads `meta.yml` with PyYAML, which follows YAML 1.1: an unquoted key
    /// such as `1.10`, `on`, `yes`, `~`, `2024-01-01`, `0x1f` or `1_000` becomes a float,
    /// boolean, null, date or integer. `1.10` is published as tag `1.1`; the others break
    /// the build. Quote the tag: `"1.10":`.
    ///
    /// Fix: unsafe: the tag quoted, which changes the published tag (`1.1` becomes `1.10`);
    /// safe when the change check knows the tag is new in the change. None for a key with an
    /// explicit tag (`!!int 7`) or one that is no valid Docker tag once quoted (`~`).
    pub static NON_STRING_TAG = ("Y006", "non-string-tag", Error, "a tag key that YAML 1.1 reads as a number, boolean, null or date");
}

rule! {
    /// The publisher reads exactly `meta.yml` in an image folder. A `meta.yaml`, `Meta.yml`
    /// or `meta.yml.bak` is never read, and a `meta.yml` inside a version or OS folder of
    /// another image is never read either: its tags are not published.
    ///
    /// Fix: none: fixes edit files, they never move, rename or merge them.
    pub static MISPLACED_MANIFEST = ("Y007", "misplaced-manifest", Error, "a misnamed meta.yml, or one inside another image's version folder");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &YAML_SYNTAX,
    &DUPLICATE_TAG,
    &MANIFEST_NOT_MAPPING,
    &ENTRY_NOT_MAPPING,
    &UNKNOWN_ENTRY_KEY,
    &NON_STRING_TAG,
    &MISPLACED_MANIFEST,
];

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    let repo = context.repo;
    for manifest in repo.manifests.iter().filter(|m| context.checks(m)) {
        check_syntax(&manifest.path, &manifest.file, &manifest.doc, out);
        check_top_level(manifest, out);
        check_duplicate_tags(manifest, out);
        for entry in &manifest.entries {
            check_tag_type(manifest, entry, out);
            check_entry_shape(repo, manifest, entry, out);
        }
        check_placement(manifest, out);
    }
    for list in &repo.lists {
        check_syntax(&list.path, &list.file, &list.doc, out);
    }
    check_misnamed(repo, out);
}

fn check_top_level(manifest: &Manifest, out: &mut Vec<Finding>) {
    if manifest.doc.error.is_some() && manifest.doc.root.is_none() {
        return;
    }
    let example = "write one mapping of tag -> entry, e.g. `1.0-oe2403lts:` followed by an indented `path: 1.0/24.03-lts/Dockerfile`";
    let (span, found) = match &manifest.doc.root {
        None => (Span::file_start(), "an empty file".to_string()),
        Some(root) if root.is_null() => (root.span, "an empty document".to_string()),
        Some(root) => match &root.kind {
            NodeKind::Mapping(_) => return,
            _ => (root.span, root.kind_name().to_string()),
        },
    };
    out.push(
        Finding::new(
            &MANIFEST_NOT_MAPPING,
            &manifest.path,
            span,
            format!("found {found} where a mapping of image tags to entries was expected"),
        )
        .help(example),
    );
}

fn check_duplicate_tags(manifest: &Manifest, out: &mut Vec<Finding>) {
    let mut by_tag: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    for entry in &manifest.entries {
        if entry.key.as_scalar().is_some() {
            by_tag.entry(&entry.tag).or_default().push(entry.tag_span());
        }
    }
    for (tag, spans) in by_tag {
        let Some((&first, rest)) = spans.split_first() else {
            continue;
        };
        let Some(&last) = rest.last() else {
            continue;
        };
        let line_of = |span: Span| {
            manifest
                .file
                .lines
                .position(&manifest.file.text, span.start)
                .line
        };
        for &span in rest {
            let kept = if span == last {
                "this last declaration is the one the publisher keeps".to_string()
            } else {
                format!(
                    "the publisher keeps only the last one, on line {}",
                    line_of(last)
                )
            };
            out.push(
                Finding::new(
                    &DUPLICATE_TAG,
                    &manifest.path,
                    span,
                    format!(
                        "tag `{tag}` is declared {} times (first on line {}); {kept}",
                        spans.len(),
                        line_of(first)
                    ),
                )
                .help("remove the entry that should not be published, or rename its tag")
                .related(
                    &manifest.path,
                    first,
                    format!("`{tag}` first declared here"),
                ),
            );
        }
    }
}

fn check_tag_type(manifest: &Manifest, entry: &Entry, out: &mut Vec<Finding>) {
    let Some(found) = non_string_reading(&entry.key) else {
        return;
    };
    let written = entry.key.written(&manifest.file.text);
    let help = match entry.key.as_scalar() {
        Some(_) => format!("quote the tag so it stays a string: `\"{}\":`", entry.tag),
        None => "use a plain image tag such as `1.0-oe2403lts` as the key".to_string(),
    };
    let quoted = entry
        .key
        .as_scalar()
        .filter(|scalar| scalar.tag.is_none() && tag::is_valid(&entry.tag))
        .and_then(|_| {
            let text = &manifest.file.text;
            let context = yaml_edit::context_of(text, manifest.doc.root.as_ref()?);
            yaml_edit::replace_scalar(text, &entry.key, &entry.tag, context)
        })
        .map(|(span, replacement)| {
            Fix::renaming(
                format!("quote the tag: `{replacement}:`"),
                vec![Edit::new(&manifest.path, span, replacement)],
                TagRename {
                    manifest: manifest.path.clone(),
                    tag: entry.tag.clone(),
                    otherwise: Applicability::Safe,
                },
            )
        });
    out.push(
        Finding::new(
            &NON_STRING_TAG,
            &manifest.path,
            entry.key.span,
            format!(
                "tag `{written}` is read by PyYAML (YAML 1.1, used by the publisher) as {found}, not as the string `{}`",
                entry.tag
            ),
        )
        .help(help)
        .maybe_fix(quoted),
    );
}

fn check_entry_key(manifest: &Manifest, entry: &Entry, key: &Node, out: &mut Vec<Finding>) {
    let name = key.as_str().unwrap_or_default();
    if key.as_scalar().is_some() && ENTRY_KEYS.contains(&name) {
        return;
    }
    let shown = key.written(&manifest.file.text);
    let intended = intended_entry_key(name);
    let help = match intended {
        Some(known) => format!("did you mean `{known}`?"),
        None => "remove it: the publisher reads only `path` and `arch`".to_string(),
    };
    let text = &manifest.file.text;
    let fix = intended
        .filter(|known| entry.value.get(known).is_none() && manifest.doc.error.is_none())
        .and_then(|known| {
            let context = yaml_edit::context_of(text, &entry.value);
            let (span, replacement) = yaml_edit::replace_scalar(text, key, known, context)?;
            Some(Fix::guess(
                format!("rename the key to `{known}`"),
                vec![Edit::new(&manifest.path, span, replacement)],
            ))
        });
    out.push(
        Finding::new(
            &UNKNOWN_ENTRY_KEY,
            &manifest.path,
            key.span,
            format!("unknown key `{shown}` in an entry; expected `path` or `arch`"),
        )
        .help(help)
        .maybe_fix(fix),
    );
}

fn check_placement(manifest: &Manifest, out: &mut Vec<Finding>) {
    let message = match &manifest.placement {
        Placement::Read => return,
        Placement::BelowRoot(root) => format!(
            "`{}` lies inside the image folder `{root}`, which has its own meta.yml; the publisher never reads this one",
            manifest.path
        ),
        Placement::InReleaseFolder => format!(
            "`{}` lies in an OS release folder; the publisher reads meta.yml only in the image folder",
            manifest.path
        ),
    };
    let help = match &manifest.placement {
        Placement::Read => return,
        Placement::BelowRoot(root) => format!(
            "move its entries into `{root}/{MANIFEST_NAME}` (paths relative to `{root}`) and delete this file"
        ),
        Placement::InReleaseFolder => format!(
            "move its entries into the image folder's {MANIFEST_NAME}, with paths relative to that folder"
        ),
    };
    out.push(
        Finding::new(
            &MISPLACED_MANIFEST,
            &manifest.path,
            manifest.file.first_line(),
            message,
        )
        .help(help),
    );
}

fn check_misnamed(repo: &Repo, out: &mut Vec<Finding>) {
    for path in repo.paths() {
        let name = file_name(path);
        if !is_misnamed_manifest(name) {
            continue;
        }
        let dir = parent_dir(path);
        let target = join_dir(dir, MANIFEST_NAME);
        let help = if repo.is_file(&target) {
            format!("merge its entries into `{target}` and delete `{name}`")
        } else {
            format!("rename `{name}` to `{MANIFEST_NAME}`")
        };
        out.push(
            Finding::new(
                &MISPLACED_MANIFEST,
                path,
                // Reading it shows its first line; an unreadable one is also F001.
                repo.first_line(path),
                format!(
                    "`{name}` is not read by the publisher, which reads only `{MANIFEST_NAME}`"
                ),
            )
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    /// (code, flagged text) for every Y finding on `AI/x/meta.yml` holding `text`.
    fn findings_with(text: &str, extra: &[&str]) -> Vec<(&'static str, String)> {
        let mut source = MemorySource::new().with("AI/x/meta.yml", text);
        for path in extra {
            source.insert(
                path,
                Some("1.0-oe2403lts:\n  path: Dockerfile\n".to_string()),
            );
        }
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let mut out = Vec::new();
        check(&Context::build(&repo), &mut out);
        out.into_iter()
            .map(|f| {
                (
                    f.rule.code,
                    text.get(f.span.start..f.span.end).unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    fn findings(text: &str) -> Vec<(&'static str, String)> {
        findings_with(text, &[])
    }

    /// (code, applicability, `AI/x/meta.yml` after the fix alone) of every fixable finding.
    fn fixed(text: &str) -> Vec<(&'static str, Applicability, String)> {
        let source = MemorySource::new()
            .with("AI/x/meta.yml", text)
            .with("AI/x/1.0/24.03-lts/Dockerfile", "FROM a\n");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let mut out = Vec::new();
        check(&Context::build(&repo), &mut out);
        out.into_iter()
            .filter_map(|f| {
                let fix = f.fix?;
                let after = crate::text::edit::apply(
                    text,
                    fix.edits.iter().map(|e| (e.span, e.replacement.as_str())),
                )
                .expect("edits apply");
                assert!(
                    crate::syntax::yaml::parse(&after).error.is_none(),
                    "{after:?}"
                );
                Some((f.rule.code, fix.applicability, after))
            })
            .collect()
    }

    #[test]
    fn legacy_values_become_path_mappings_indented_like_their_neighbours() {
        let text = "a:\n    path: 1.0/24.03-lts/Dockerfile\n1.0-oe2403lts: 1.0/24.03-lts/Dockerfile # legacy\n";
        assert_eq!(
            fixed(text),
            [(
                "Y004",
                Applicability::Safe,
                "a:\n    path: 1.0/24.03-lts/Dockerfile\n1.0-oe2403lts:\n    path: 1.0/24.03-lts/Dockerfile # legacy\n".into()
            )]
        );
        let list = "1.0-oe2403lts:\r\n- 1.0/24.03-lts/Dockerfile\r\n- amd64\r\n";
        assert_eq!(
            fixed(list)[0].2,
            "1.0-oe2403lts:\r\n  path: 1.0/24.03-lts/Dockerfile\r\n  arch: amd64\r\n"
        );
        assert_eq!(
            fixed("1.0-oe2403lts:\n"),
            [(
                "Y004",
                Applicability::Unsafe,
                "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n".into()
            )]
        );
        assert!(
            fixed("9.9-oe2403lts:\n").is_empty(),
            "no Dockerfile: no fix"
        );
        assert!(fixed("a: |\n  1.0/24.03-lts/Dockerfile\n").is_empty());
    }

    #[test]
    fn tabs_after_colons_become_spaces_and_other_fixes_are_guesses() {
        assert_eq!(
            fixed("a:\n  path:\tx\n"),
            [("Y001", Applicability::Safe, "a:\n  path: x\n".into())]
        );
        assert!(fixed("a:\n\tpath: x\n").is_empty());
        assert_eq!(
            fixed("a:\n  pth: x\n"),
            [("Y005", Applicability::Unsafe, "a:\n  path: x\n".into())]
        );
        assert!(fixed("a:\n  pth: x\n  path: y\n").is_empty());
        assert_eq!(
            fixed("1.10:\n  path: x\n"),
            [(
                "Y006",
                Applicability::Unsafe,
                "\"1.10\":\n  path: x\n".into()
            )]
        );
        assert!(fixed("~:\n  path: x\n").is_empty());
    }

    #[test]
    fn entry_keys_in_column_one_after_an_empty_tag_get_one_finding_to_indent_them() {
        let text = "1.0-oe2403lts:\npath: 1.0/24.03-lts/Dockerfile\narch: aarch64\n1.1-oe2403lts:\n  path: a\n";
        assert_eq!(
            findings(text),
            [(
                "Y004",
                "path: 1.0/24.03-lts/Dockerfile\narch: aarch64".into()
            )]
        );
        // A tag with a value keeps the next pair as a tag of its own, and so does `~`.
        assert_eq!(findings("1.0-oe2403lts: ~\npath: a\n").len(), 2);
        assert_eq!(
            findings("1.0-oe2403lts:\n  path: a\npath: b\n")[0].0,
            "Y004"
        );
        // Quoted keys are written on purpose.
        assert_eq!(findings("1.0-oe2403lts:\n\"path\": a\n").len(), 2);
    }

    #[test]
    fn quoted_and_explicitly_tagged_keys_stay_strings() {
        assert!(
            findings("\"1.10\":\n  path: a\n'on':\n  path: b\n!!str yes:\n  path: c\n").is_empty()
        );
        assert_eq!(findings("yes:\n  path: a\n"), [("Y006", "yes".into())]);
        assert_eq!(findings("!!int 7:\n  path: a\n")[0].0, "Y006");
    }

    #[test]
    fn aliases_are_not_judged_as_legacy_values() {
        let text = "a: &entry\n  path: 1.0/24.03-lts/Dockerfile\nb: *entry\n";
        assert!(findings(text).is_empty());
    }

    #[test]
    fn crlf_files_report_exact_spans() {
        let text = "1.0-oe2403lts:\r\n  pth: x\r\n1.1-oe2403lts: 1.1/24.03-lts/Dockerfile\r\n";
        assert_eq!(
            findings(text),
            [
                ("Y005", "pth".into()),
                ("Y004", "1.1/24.03-lts/Dockerfile".into())
            ]
        );
    }

    #[test]
    fn empty_values_point_at_the_tag() {
        assert_eq!(
            findings("1.0-oe2403lts:\n"),
            [("Y004", "1.0-oe2403lts".into())]
        );
    }

    #[test]
    fn tabs_yaml_1_2_accepts_are_still_reported_at_the_tab() {
        let found = findings("a:\n  path:\tx\n");
        assert_eq!(found, [("Y001", "\t".into())]);
        assert!(findings("a:\n  path: \"x\ty\" # tab\tin comment\n").is_empty());
    }

    #[test]
    fn a_meta_yml_in_a_release_folder_is_misplaced() {
        let found = findings_with("a:\n  path: x\n", &["AI/x/1.0/24.03-lts/meta.yml"]);
        assert_eq!(found, [("Y007", String::new())]);
    }
}
