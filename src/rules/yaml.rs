//! Y: the YAML structure of `meta.yml` files.

use std::collections::BTreeMap;

use crate::diagnostic::{Applicability, Edit, Finding, Fix, TagRename};
use crate::domain::arch;
use crate::domain::layout::{intended_entry_key, is_misnamed_manifest, ENTRY_KEYS, MANIFEST_NAME};
use crate::domain::tag;
use crate::model::context::Context;
use crate::model::manifest::{Entry, Manifest, Placement};
use crate::model::Repo;
use crate::rule;
use crate::source::repo_path::{file_name, join_dir, parent_dir};
use crate::syntax::pyyaml::non_string_reading;
use crate::syntax::yaml::{Document, Node, NodeKind, Pair, Style};
use crate::syntax::yaml_edit::{self, Context as YamlContext};
use crate::text::visible::{escape, Lines};
use crate::text::{SourceFile, Span};

rule! {
    /// The file is not valid YAML, or PyYAML (the publisher's loader) refuses it. The finding
    /// points at the exact position where the parser gave up; everything before it is still
    /// checked.
    ///
    /// Common causes: a tab used for indentation (YAML forbids tabs there), uneven
    /// indentation, an unclosed quote or bracket, or a second document (`---`) in the file.
    /// PyYAML also refuses control characters (an escape sequence pasted from a terminal), an
    /// anchor name defined twice and a `<<` merge of anything but mappings. Aliases and merge
    /// keys are read as PyYAML reads them; an alias inside its own anchor, or aliases that
    /// expand to more nodes than stacklint's budget, are reported here too.
    ///
    /// Fix: safe for a tab right after a key's colon or at the end of a line: it becomes a
    /// space. None for other mistakes: how many spaces a tab of indentation stood for, or
    /// where an unclosed quote ends, only the author knows.
    pub static YAML_SYNTAX = ("Y001", "yaml-syntax", Error, "the file is not valid YAML");
}

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

const TAB_HELP: &str = "replace the tab with spaces: PyYAML, which the publisher uses, rejects tabs outside quoted text and comments";

/// Y001 for any YAML file stacklint reads (manifests and image lists).
fn check_syntax(path: &str, file: &SourceFile, doc: &Document, out: &mut Vec<Finding>) {
    let text = &file.text;
    if let Some(error) = &doc.error {
        let line_start = text
            .get(..error.span.start)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |at| at + 1);
        // The parser often stops just after the tab (`key:\tvalue`) or on the line before it.
        let tab_on_line = text
            .get(line_start..error.span.end)
            .and_then(|line| line.find('\t'));
        let tab = match tab_on_line {
            Some(at) => Some(line_start + at),
            None if error.message.contains("tab") => text
                .get(line_start..)
                .and_then(|rest| rest.find('\t'))
                .map(|at| line_start + at),
            None => None,
        };
        let finding = match tab {
            Some(at) => Finding::new(
                &YAML_SYNTAX,
                path,
                Span::new(at, at + 1),
                format!("invalid YAML: a tab character here ({})", error.message),
            )
            .help(TAB_HELP)
            .maybe_fix(tab_fix(path, text, at)),
            None => Finding::new(
                &YAML_SYNTAX,
                path,
                error.span,
                format!("invalid YAML: {}", error.message),
            )
            .help("fix the YAML at this position; everything before it was checked"),
        };
        out.push(finding);
    } else if let Some(at) = stray_tab(file, doc) {
        out.push(
            Finding::new(
                &YAML_SYNTAX,
                path,
                Span::new(at, at + 1),
                "a tab character between YAML tokens: PyYAML rejects the whole file (`found character '\\t' that cannot start any token`)",
            )
            .help(TAB_HELP)
            .maybe_fix(tab_fix(path, text, at)),
        );
    }
    for problem in &doc.problems {
        out.push(
            Finding::new(&YAML_SYNTAX, path, problem.span, problem.message.clone())
                .help("write the file so that PyYAML reads it: the publisher loads it with PyYAML"),
        );
    }
    if let Some(span) = doc.extra_document {
        out.push(
            Finding::new(
                &YAML_SYNTAX,
                path,
                span,
                "a second YAML document starts here; the publisher reads exactly one document",
            )
            .help("remove the `---` separator and merge the tags into one mapping"),
        );
    }
}

/// A tab that stands for one space: right after a key's colon (`path:\tx`), or followed by
/// nothing but blanks up to the end of its line. The run of tabs and spaces there becomes one
/// space (none at the end of a line).
fn tab_fix(path: &str, text: &str, at: usize) -> Option<Fix> {
    let bytes = text.as_bytes();
    let blank = |b: u8| b == b' ' || b == b'\t';
    let mut start = at;
    while start > 0 && blank(bytes[start - 1]) {
        start -= 1;
    }
    let mut end = at;
    while end < bytes.len() && blank(bytes[end]) {
        end += 1;
    }
    let line_start = yaml_edit::line_start(text, at);
    let after_colon = start > line_start && bytes[start - 1] == b':';
    let at_line_end = matches!(bytes.get(end), None | Some(b'\n' | b'\r'));
    let replacement = match (after_colon, at_line_end) {
        (_, true) => "",
        (true, false) => " ",
        (false, false) => return None,
    };
    Some(Fix::safe(
        if replacement.is_empty() {
            "remove the blanks at the end of the line"
        } else {
            "replace the tab with a space"
        },
        vec![Edit::new(path, Span::new(start, end), replacement)],
    ))
}

/// The first tab PyYAML would reject: one outside quoted or block scalars and comments.
/// YAML 1.2 parsers accept some of these (`key:\tvalue`), PyYAML accepts none.
fn stray_tab(file: &SourceFile, doc: &Document) -> Option<usize> {
    let text = &file.text;
    if !text.contains('\t') {
        return None;
    }
    let mut allowed: Vec<Span> = Vec::new();
    if let Some(root) = &doc.root {
        collect_text_spans(root, &mut allowed);
    }
    // Sorted, and walked along with the text: each character is tested against the one span
    // that can hold it, not against every quoted value of the file.
    allowed.sort_unstable();
    let mut next = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let mut previous = ' ';
        for (at, c) in line.char_indices() {
            let absolute = offset + at;
            while allowed.get(next).is_some_and(|span| span.end <= absolute) {
                next += 1;
            }
            let inside_text = allowed[next..]
                .iter()
                .take_while(|span| span.start <= absolute)
                .any(|span| absolute < span.end);
            if c == '#' && previous.is_whitespace() && !inside_text {
                break;
            }
            if c == '\t' && !inside_text {
                return Some(absolute);
            }
            previous = c;
        }
        offset += line.len();
    }
    None
}

fn collect_text_spans(node: &Node, out: &mut Vec<Span>) {
    match &node.kind {
        NodeKind::Scalar(scalar) if scalar.style != Style::Plain => out.push(node.span),
        NodeKind::Mapping(pairs) => {
            for pair in pairs {
                collect_text_spans(&pair.key, out);
                collect_text_spans(&pair.value, out);
            }
        }
        NodeKind::Sequence(items) => items.iter().for_each(|item| collect_text_spans(item, out)),
        _ => {}
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

fn check_entry_shape(repo: &Repo, manifest: &Manifest, entry: &Entry, out: &mut Vec<Finding>) {
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
