//! Y004: a tag's value that is not a `path:` mapping: legacy string and list entries, null
//! values, and `path:`/`arch:` lines written unindented after their tag.

use super::check_entry_key;
use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::domain::arch;
use crate::domain::tag;
use crate::model::manifest::{Entry, Manifest};
use crate::model::Repo;
use crate::rule;
use crate::syntax::yaml::{Node, NodeKind, Pair, Style};
use crate::syntax::yaml_edit::{self, Context as YamlContext};
use crate::text::visible::{escape, Lines};
use crate::text::Span;

rule! {
    /// Each tag's value must be a mapping with a `path` (and optionally `arch`). Older files
    /// wrote the Dockerfile path directly (`tag: 1.0/24.03-lts/Dockerfile`), a list, or
    /// nothing at all; the publisher cannot read those forms. A `path:` or `arch:` written in
    /// column 1 right after a tag with nothing after its colon was meant to be indented under
    /// it: YAML reads it as a tag of its own, and the finding says to indent it (no rule judges
    /// `path` as a tag).
    ///
    /// ```yaml
    /// 1.0-oe2403lts:
    ///   path: 1.0/24.03-lts/Dockerfile
    /// ```
    ///
    /// Fix: safe when the legacy value names the Dockerfile (and perhaps the architectures):
    /// it becomes the `path:` (and `arch:`) mapping; safe for unindented `path:`/`arch:`
    /// lines: they are indented under their tag. Unsafe for an empty value whose tag
    /// describes an existing Dockerfile: `path` points at it.
    pub static ENTRY_NOT_MAPPING = ("Y004", "entry-not-mapping", Error, "a tag's value is a string, list or null instead of a path mapping");
}

pub(super) fn check_entry_shape(
    repo: &Repo,
    manifest: &Manifest,
    entry: &Entry,
    out: &mut Vec<Finding>,
) {
    if !entry.unindented.is_empty() {
        out.push(unindented_keys(manifest, entry));
        return;
    }
    match &entry.value.kind {
        NodeKind::Mapping(pairs) => {
            for pair in pairs {
                check_entry_key(manifest, entry, &pair.key, out);
            }
        }
        // An alias that could not be expanded is already a Y001 finding.
        NodeKind::Alias => {}
        _ => {
            let legacy = Legacy::read(entry);
            out.push(
                Finding::new(
                    &ENTRY_NOT_MAPPING,
                    &manifest.path,
                    value_span(entry),
                    format!(
                        "the value of tag `{}` is {}; a mapping with `path` (and optionally `arch`) was expected",
                        entry.tag,
                        entry.value.kind_name()
                    ),
                )
                .help(legacy.help(entry))
                .maybe_fix(legacy_fix(repo, manifest, entry, &legacy)),
            )
        }
    }
}

/// `tag:` followed by `path:` in column 1: one finding that says to indent, instead of a null
/// tag and a tag named `path` that would each be judged on their own. `entry.unindented` is
/// not empty.
fn unindented_keys(manifest: &Manifest, entry: &Entry) -> Finding {
    let pairs = &entry.unindented;
    let end = |pair: &Pair| pair.value.span.end.max(pair.key.span.end);
    let start = pairs
        .first()
        .map_or(entry.key.span.start, |p| p.key.span.start);
    let span = Span::new(start, pairs.last().map_or(entry.key.span.end, end));
    let keys: Vec<String> = pairs
        .iter()
        .map(|pair| format!("`{}:`", pair.key.as_str().unwrap_or_default()))
        .collect();
    let (verb, reads, these) = if keys.len() == 1 {
        ("is", "it as a tag of its own", "this line")
    } else {
        ("are", "them as tags of their own", "these lines")
    };
    let snippet: Vec<String> = pairs
        .iter()
        .map(|pair| {
            let written = manifest
                .file
                .slice(Span::new(pair.key.span.start, end(pair)));
            format!("  {written}")
        })
        .collect();
    let tag = &entry.tag;
    Finding::new(
        &ENTRY_NOT_MAPPING,
        &manifest.path,
        span,
        format!(
            "{} {verb} not indented under tag `{tag}`: the publisher reads {reads}, and `{tag}` has no value",
            join_and(&keys),
        ),
    )
    .help(format!(
        "indent {these} under `{tag}:`\n{}:\n{}",
        manifest.file.slice(entry.key.span),
        snippet.join("\n")
    ))
    .related(
        &manifest.path,
        entry.key.span,
        format!("tag `{tag}` has nothing after its colon"),
    )
    .maybe_fix(indent_fix(manifest, entry, span, these))
}

/// Indents the lines of `span` (the unindented keys and their values, comments between them
/// included) as deep as the manifest's entry keys: every line moves by the same amount, so
/// what they say is unchanged; only whom they belong to.
fn indent_fix(manifest: &Manifest, entry: &Entry, span: Span, these: &str) -> Option<Fix> {
    let text = &manifest.file.text;
    if manifest.doc.error.is_some() {
        return None;
    }
    let key_indent = yaml_edit::indentation(text, entry.key.span.start)?;
    let step = " ".repeat(entry_indent_step(manifest, key_indent));
    let edits: Vec<Edit> = yaml_edit::nonblank_line_starts(text, span)
        .into_iter()
        .map(|at| Edit::new(&manifest.path, Span::new(at, at), step.clone()))
        .collect();
    (!edits.is_empty()).then(|| {
        Fix::safe(
            format!("indent {these} under `{}:`", escape(&entry.tag, Lines::One)),
            edits,
        )
    })
}

/// `a`, `a and b`, `a, b and c`.
fn join_and(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The value's span, or the tag's when the value is empty (`tag:` with nothing after it).
fn value_span(entry: &Entry) -> Span {
    if entry.value.span.is_empty() {
        entry.key.span
    } else {
        entry.value.span
    }
}

/// What a legacy entry value (a string, a list, null) already says.
struct Legacy {
    path: Option<String>,
    arch: Option<String>,
}

impl Legacy {
    fn read(entry: &Entry) -> Legacy {
        let mut path = None;
        let mut arch = None;
        let mut consider = |node: &Node| match &node.kind {
            NodeKind::Scalar(_) => {
                let value = node.as_str().unwrap_or_default();
                if looks_like_path(value) {
                    path.get_or_insert_with(|| value.to_string());
                } else if looks_like_arch(value) {
                    arch.get_or_insert_with(|| value.to_string());
                }
            }
            NodeKind::Mapping(_) => {
                if let Some(value) = node.get("path").and_then(Node::as_str) {
                    path.get_or_insert_with(|| value.to_string());
                }
                if let Some(value) = node.get("arch").and_then(Node::as_str) {
                    arch.get_or_insert_with(|| value.to_string());
                }
            }
            _ => {}
        };
        match &entry.value.kind {
            NodeKind::Sequence(items) => items.iter().for_each(&mut consider),
            _ if entry.value.is_null() => {}
            _ => consider(&entry.value),
        }
        Legacy { path, arch }
    }

    /// The Dockerfile the tag describes by the repository's layout.
    fn path_from_tag(entry: &Entry) -> Option<String> {
        tag::split(&entry.tag)
            .map(|parts| format!("{}/{}/Dockerfile", parts.head, parts.os.dir_name()))
    }

    /// The `path:` form of the entry, using what the value already says: a sentence, then the
    /// YAML to write (a help of several lines ends in a snippet; renderers keep it as written).
    fn help(&self, entry: &Entry) -> String {
        // The help breaks lines itself, so the values it quotes must not: each stays on its
        // line.
        let one_line = |text: &str| escape(text, Lines::One).into_owned();
        let tag = one_line(&entry.tag);
        let snippet = match self.path.clone().or_else(|| Legacy::path_from_tag(entry)) {
            None => format!("{tag}:\n  path: <version>/<os-release>/Dockerfile"),
            Some(path) => match &self.arch {
                Some(arch) => format!(
                    "{tag}:\n  path: {}\n  arch: {}",
                    one_line(&path),
                    one_line(arch)
                ),
                None => format!("{tag}:\n  path: {}", one_line(&path)),
            },
        };
        format!("write the entry as a mapping:\n{snippet}")
    }
}

/// Rewrites a legacy value as the `path:` mapping, indented like the manifest's other
/// entries: safe when the value names the path; unsafe for an empty value, with the path the
/// tag describes when that file exists. None in a file that does not parse, in a flow
/// mapping, or when a comment or a block scalar is in the way.
fn legacy_fix(repo: &Repo, manifest: &Manifest, entry: &Entry, legacy: &Legacy) -> Option<Fix> {
    let text = &manifest.file.text;
    if manifest.doc.error.is_some() {
        return None;
    }
    let (path, applicability) = match &legacy.path {
        Some(path) => (path.clone(), Applicability::Safe),
        None if entry.value.is_null() => {
            let path = Legacy::path_from_tag(entry)?;
            (
                manifest
                    .tag_file(&repo.listing, &entry.tag, "Dockerfile")
                    .filter(|file| *file == path)?,
                Applicability::Unsafe,
            )
        }
        None => return None,
    };
    let key_indent = yaml_edit::indentation(text, entry.key.span.start)?;
    let inner = format!(
        "{key_indent}{}",
        " ".repeat(entry_indent_step(manifest, key_indent))
    );
    let eol = yaml_edit::line_ending(text);
    let mut lines = format!(
        "{eol}{inner}path: {}",
        yaml_edit::scalar_text(&path, YamlContext::Block)
    );
    if let Some(arch) = &legacy.arch {
        lines.push_str(&format!(
            "{eol}{inner}arch: {}",
            yaml_edit::scalar_text(arch, YamlContext::Block)
        ));
    }
    let after_key = text.get(entry.key.span.end..)?;
    let colon = entry.key.span.end + after_key.find(':')? + 1;
    if !text.get(entry.key.span.end..colon - 1)?.trim().is_empty() {
        return None;
    }
    let value = &entry.value;
    let span = if value.span.is_empty() {
        let at = yaml_edit::line_end(text, colon);
        Span::new(at, at)
    } else {
        let end = match &value.kind {
            NodeKind::Scalar(scalar) if scalar.style != Style::Block => value.span.end,
            NodeKind::Sequence(items)
                if text.get(value.span.start..value.span.end)?.starts_with('[') =>
            {
                value.span.end
            }
            NodeKind::Sequence(items) => match items.last().map(|item| &item.kind) {
                Some(NodeKind::Scalar(scalar)) if scalar.style != Style::Block => {
                    items.last()?.span.end
                }
                _ => return None,
            },
            _ => return None,
        };
        let replaced = text.get(colon..end)?;
        // An anchor or a tag before the value (`&e`, `!!str`) would be lost with it.
        let before_value = text.get(colon..value.span.start)?;
        let items = match &value.kind {
            NodeKind::Sequence(items) => items.as_slice(),
            _ => &[],
        };
        let anchored = std::iter::once(value).chain(items).any(|n| {
            text.get(n.span.start..n.span.end)
                .is_none_or(yaml_edit::has_properties)
        });
        if replaced.contains('#') || !yaml_edit::only_indicators(before_value) || anchored {
            return None;
        }
        Span::new(colon, end)
    };
    Some(Fix::new(
        applicability,
        format!("write the entry as a mapping with `path: {path}`"),
        vec![Edit::new(&manifest.path, span, lines)],
    ))
}

/// How much deeper than the tags the manifest indents entry keys (2 unless its entries
/// say otherwise).
fn entry_indent_step(manifest: &Manifest, key_indent: &str) -> usize {
    let text = &manifest.file.text;
    manifest
        .entries
        .iter()
        .filter_map(|other| other.value.as_mapping()?.first())
        .filter_map(|pair| yaml_edit::indentation(text, pair.key.span.start))
        .map(|indent| indent.len().saturating_sub(key_indent.len()))
        .find(|step| *step > 0)
        .unwrap_or(2)
}

fn looks_like_arch(value: &str) -> bool {
    !value.is_empty()
        && value
            .split(',')
            .all(|item| arch::intended_arch(item.trim()).is_some())
}

fn looks_like_path(value: &str) -> bool {
    value.contains('/') || value.ends_with("Dockerfile") || value.ends_with("Distrofile")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::yaml::Style;

    #[test]
    fn legacy_values_get_the_path_form_as_help() {
        let entry = Entry {
            tag: "1.0-oe2403lts".into(),
            key: Node {
                kind: NodeKind::Scalar(crate::syntax::yaml::Scalar {
                    value: "1.0-oe2403lts".into(),
                    style: Style::Plain,
                    tag: None,
                }),
                span: Span::default(),
                from_alias: false,
            },
            value: crate::syntax::yaml::parse("1.0/24.03-lts/Dockerfile")
                .root
                .expect("value"),
            resolved: None,
            unindented: Vec::new(),
        };
        assert_eq!(
            Legacy::read(&entry).help(&entry),
            "write the entry as a mapping:\n1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile"
        );
    }
}
