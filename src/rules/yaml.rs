//! Y: the YAML structure of `meta.yml` files.

use std::collections::BTreeMap;

use crate::diagnostic::{Finding, Span};
use crate::model::{Manifest, Repo};
use crate::rule;
use crate::yaml::NodeKind;

rule! {
    /// The file is not valid YAML. The finding points at the exact position where the parser
    /// gave up; everything before it is still checked.
    ///
    /// Common causes: a tab used for indentation (YAML forbids tabs there), uneven
    /// indentation, an unclosed quote or bracket, or a second document (`---`) in the file.
    pub static YAML_SYNTAX = ("Y001", "yaml-syntax", Error, "the file is not valid YAML");
}

rule! {
    /// A tag appears twice in one `meta.yml`. YAML loaders do not complain: the publisher
    /// (PyYAML) silently keeps the **last** entry, so the first one is never built, and
    /// whoever edited the first one is surprised.
    ///
    /// Remove the entry that should not be published, or give it its own tag.
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
    pub static MANIFEST_NOT_MAPPING = ("Y003", "manifest-not-mapping", Error, "meta.yml is empty or not a mapping of tags");
}

pub static RULES: &[&crate::rules::Rule] = &[&YAML_SYNTAX, &DUPLICATE_TAG, &MANIFEST_NOT_MAPPING];

pub fn check(repo: &Repo, out: &mut Vec<Finding>) {
    for manifest in &repo.manifests {
        check_syntax(manifest, out);
        check_top_level(manifest, out);
        check_duplicate_tags(manifest, out);
    }
}

fn check_syntax(manifest: &Manifest, out: &mut Vec<Finding>) {
    if let Some(error) = &manifest.doc.error {
        let at_tab = manifest.file.slice(error.span) == "\t";
        let help = if at_tab || error.message.contains("tab") {
            "YAML does not allow tabs for indentation: indent with spaces".to_string()
        } else {
            "fix the YAML at this position; everything before it was checked".to_string()
        };
        out.push(
            Finding::new(
                &YAML_SYNTAX,
                &manifest.path,
                error.span,
                format!("invalid YAML: {}", error.message),
            )
            .help(help),
        );
    }
    if let Some(span) = manifest.doc.extra_document {
        out.push(
            Finding::new(
                &YAML_SYNTAX,
                &manifest.path,
                span,
                "a second YAML document starts here; the publisher reads exactly one document",
            )
            .help("remove the `---` separator and merge the tags into one mapping"),
        );
    }
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
        let last_line = manifest
            .file
            .lines
            .position(&manifest.file.text, last.start)
            .line;
        for &span in rest {
            out.push(
                Finding::new(
                    &DUPLICATE_TAG,
                    &manifest.path,
                    span,
                    format!(
                        "tag `{tag}` is declared {} times; the publisher keeps only the last one (line {last_line})",
                        spans.len()
                    ),
                )
                .help("remove the entry that should not be published, or rename its tag")
                .related(&manifest.path, first, format!("`{tag}` first declared here")),
            );
        }
    }
}
