//! Edits to YAML text that keep everything else byte for byte: a scalar rewritten in its own
//! quote style where it can be, a line added to a block mapping at its indentation, with the
//! file's own line break. Each returns the byte range to replace and the new text, or `None`
//! when the edit cannot be made without touching more (a flow mapping, a block scalar, a
//! comment in the way); the rules then offer no fix rather than a wrong one.

use crate::syntax::pyyaml::resolve_plain;
use crate::syntax::yaml::{self, Node, NodeKind, Style};
use crate::text::Span;

/// The file's line break: CRLF when its first line ends with one.
pub fn line_ending(text: &str) -> &'static str {
    match text.find('\n') {
        Some(at) if at > 0 && text.as_bytes()[at - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// Characters that end or begin a plain scalar somewhere in YAML, in block or flow context.
const INDICATORS: &[char] = &[
    '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
];

/// Where a scalar sits: inside `[...]`/`{...}` the characters `,[]{}` end a plain scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Block,
    Flow,
}

/// The context of the values of `mapping`: block when its first key starts its line.
pub fn context_of(text: &str, mapping: &Node) -> Context {
    let first_key = mapping.as_mapping().and_then(|pairs| pairs.first());
    match first_key {
        Some(pair) if indentation(text, pair.key.span.start).is_some() => Context::Block,
        _ => Context::Flow,
    }
}

/// Whether `value` can be written unquoted in `context` and reads back as the same string
/// both here (YAML 1.2) and in PyYAML (YAML 1.1, the publisher's loader).
pub fn plain_ok(value: &str, context: Context) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if INDICATORS.contains(&first)
        || value.starts_with(char::is_whitespace)
        || value.ends_with(char::is_whitespace)
        || value.chars().any(char::is_control)
        || (context == Context::Flow && value.contains(['[', ']', '{', '}', ',']))
        || value.contains(": ")
        || value.contains(" #")
        || value.ends_with(':')
        || resolve_plain(value).is_some()
        || value.starts_with('\u{feff}')
    {
        return false;
    }
    // What a parser makes of it is the final word.
    let doc = match context {
        Context::Block => yaml::parse(&format!("k: {value}\n")),
        Context::Flow => yaml::parse(&format!("{{k: {value}}}\n")),
    };
    doc.error.is_none()
        && doc
            .root
            .as_ref()
            .and_then(|root| root.get("k"))
            .and_then(Node::as_scalar)
            .is_some_and(|scalar| scalar.style == Style::Plain && scalar.value == value)
}

/// `value` as a double-quoted YAML scalar.
pub fn double_quoted(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || c == '\u{feff}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `value` as YAML text: plain when that reads back the same, double-quoted otherwise.
pub fn scalar_text(value: &str, context: Context) -> String {
    if plain_ok(value, context) {
        value.to_string()
    } else {
        double_quoted(value)
    }
}

/// Replaces a scalar node (a key or a value) by `value`. A quoted scalar keeps its quotes
/// when `value` needs no escaping in them; a plain one stays plain when it can. Block scalars
/// and explicitly tagged ones (`!!str x`) are not rewritten.
pub fn replace_scalar(
    text: &str,
    node: &Node,
    value: &str,
    context: Context,
) -> Option<(Span, String)> {
    let NodeKind::Scalar(scalar) = &node.kind else {
        return None;
    };
    if scalar.tag.is_some() {
        return None;
    }
    let source = text.get(node.span.start..node.span.end)?;
    if has_properties(source) {
        return None;
    }
    match scalar.style {
        Style::Block => None,
        Style::Plain => Some((node.span, scalar_text(value, context))),
        Style::Quoted => {
            let quote = source.chars().next()?;
            let verbatim = source.len() == scalar.value.len() + 2
                && source.get(1..source.len() - 1) == Some(scalar.value.as_str());
            let fits = !value.is_empty()
                && !value.contains(quote)
                && !value.chars().any(char::is_control)
                && (quote == '\'' || !value.contains('\\'));
            if verbatim && fits {
                Some((
                    Span::new(node.span.start + 1, node.span.end - 1),
                    value.to_string(),
                ))
            } else {
                Some((node.span, double_quoted(value)))
            }
        }
    }
}

/// YAML breaks lines at `\n`, `\r\n` and a lone `\r`.
const BREAKS: [char; 2] = ['\n', '\r'];

/// Whether a node's source starts with an anchor or a tag (`&a x`, `!!str x`): rewriting the
/// node would drop them (and break the aliases of an anchor).
pub fn has_properties(source: &str) -> bool {
    source.starts_with(['&', '!'])
}

/// Whether the text between a key's colon and its value holds only blanks, line breaks and
/// the `-` of a block sequence's first item (a block sequence's span starts at that item):
/// no comment, anchor or tag that replacing both would lose.
pub fn only_indicators(between: &str) -> bool {
    between.chars().all(|c| c.is_whitespace() || c == '-')
}

/// Byte offset of the start of the line holding `offset`.
pub fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind(BREAKS))
        .map_or(0, |at| at + 1)
}

/// Byte offset of the end of the line holding `offset`, before its line break.
pub fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.find(BREAKS))
        .map_or(text.len(), |at| offset + at)
}

/// The start of every line holding some of `span` that is not blank, for indenting them: a
/// span ending right after a line break does not hold the next line.
pub fn nonblank_line_starts(text: &str, span: Span) -> Vec<usize> {
    let mut starts = Vec::new();
    let Some(held) = text.get(span.start..span.end) else {
        return starts;
    };
    let last = span.start + held.trim_end_matches(BREAKS).len();
    let mut at = line_start(text, span.start);
    while at <= last && at < text.len() {
        let end = line_end(text, at);
        if !text[at..end].trim().is_empty() {
            starts.push(at);
        }
        // Past the break: `\r\n` is one.
        at = end + usize::from(end < text.len());
        if text[..at].ends_with('\r') && text[at..].starts_with('\n') {
            at += 1;
        }
    }
    starts
}

/// The blanks before `offset` on its line, when nothing else precedes it there: the
/// indentation of a block mapping key.
pub fn indentation(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(line_start(text, offset)..offset)?;
    before.chars().all(|c| c == ' ').then_some(before)
}

/// Adds the line `line` (`arch: aarch64`) as the last pair of a block mapping, at the
/// indentation of its first key, after everything on the line of its last value (a comment
/// there stays on that line). Keeps a missing final newline missing.
pub fn append_to_block_mapping(text: &str, mapping: &Node) -> Option<AppendPoint> {
    let pairs = mapping.as_mapping()?;
    let first = pairs.first()?;
    let last = pairs.last()?;
    let indent = indentation(text, first.key.span.start)?;
    let value = &last.value;
    // A multi-line or block value ends where the next key begins; the end of its line would
    // be inside it.
    let single_line = match &value.kind {
        NodeKind::Scalar(scalar) => {
            scalar.style != Style::Block
                && !value.span.is_empty()
                && !text.get(value.span.start..value.span.end)?.contains(BREAKS)
        }
        _ => false,
    };
    if !single_line {
        return None;
    }
    let at = line_end(text, value.span.end);
    Some(AppendPoint {
        at: Span::new(at, at),
        prefix: format!("{}{indent}", line_ending(text)),
    })
}

/// Sets `key: value` in a mapping: the existing scalar rewritten (the last of its name, the
/// one loaders keep), or a new line for an absent key.
pub fn set_value(text: &str, mapping: &Node, key: &str, value: &str) -> Option<(Span, String)> {
    match mapping.get_pair(key) {
        Some(pair) if !pair.value.span.is_empty() => {
            replace_scalar(text, &pair.value, value, context_of(text, mapping))
        }
        Some(_) => None,
        None => Some(
            append_to_block_mapping(text, mapping)?
                .line(&format!("{key}: {}", scalar_text(value, Context::Block))),
        ),
    }
}

/// Where [`append_to_block_mapping`] inserts, and what goes before the new line's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppendPoint {
    pub at: Span,
    /// The line break and the indentation.
    pub prefix: String,
}

impl AppendPoint {
    pub fn line(&self, line: &str) -> (Span, String) {
        (self.at, format!("{}{line}", self.prefix))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, (span, replacement): (Span, String)) -> String {
        format!("{}{replacement}{}", &text[..span.start], &text[span.end..])
    }

    fn value<'d>(doc: &'d yaml::Document, key: &str, inner: &str) -> &'d Node {
        doc.root
            .as_ref()
            .and_then(|root| root.get(key))
            .and_then(|entry| entry.get(inner))
            .expect("the node")
    }

    #[test]
    fn nonblank_line_starts_skip_blank_lines_and_stop_at_the_span() {
        let text = "a:\r\npath: x\r\n\r\narch:\n- y\nb:\n";
        let start = text.find("path").unwrap();
        let end = text.find("b:").unwrap();
        let starts = nonblank_line_starts(text, Span::new(start, end));
        let lines: Vec<&str> = starts.iter().map(|&at| &text[at..at + 2]).collect();
        assert_eq!(lines, ["pa", "ar", "- "]);
        assert_eq!(nonblank_line_starts("x", Span::new(0, 1)), [0]);
        assert!(nonblank_line_starts("x", Span::new(3, 4)).is_empty());
    }

    #[test]
    fn plain_only_where_both_yaml_versions_read_the_same_string() {
        for ok in [
            "x86_64",
            "1.0/24.03-lts/Dockerfile",
            "1.0-oe2403lts",
            "a b",
            "é",
        ] {
            assert!(plain_ok(ok, Context::Flow), "{ok}");
        }
        for quoted in [
            "", "1.10", "yes", "~", "-x", "a: b", "a #b", "a,b", "[x]", " a", "a\tb", "'x", "x:",
            "null", "0x1f",
        ] {
            assert!(!plain_ok(quoted, Context::Flow), "{quoted}");
        }
        assert!(plain_ok("x86_64,aarch64", Context::Block));
        assert!(!plain_ok("x86_64,aarch64", Context::Flow));
        assert_eq!(scalar_text("1.10", Context::Block), "\"1.10\"");
        assert_eq!(double_quoted("a\"b\\c\u{1}"), "\"a\\\"b\\\\c\\u0001\"");
    }

    #[test]
    fn scalars_keep_their_quote_style() {
        let text = "t:\n  path: \"Bigdata/x/1/24.03-lts/Dockerfile\"\n  arch: 'amd64' # c\n  other: plain\n";
        let doc = yaml::parse(text);
        let path = replace_scalar(
            text,
            value(&doc, "t", "path"),
            "1/24.03-lts/Dockerfile",
            Context::Block,
        )
        .expect("an edit");
        let text2 = apply(text, path);
        assert!(
            text2.contains("  path: \"1/24.03-lts/Dockerfile\"\n"),
            "{text2}"
        );
        let arch = replace_scalar(text, value(&doc, "t", "arch"), "x86_64", Context::Block)
            .expect("an edit");
        assert!(apply(text, arch).contains("  arch: 'x86_64' # c\n"));
        let other = replace_scalar(text, value(&doc, "t", "other"), "1.10", Context::Block)
            .expect("an edit");
        assert!(apply(text, other).contains("  other: \"1.10\"\n"));
        let anchored = "t:\n  path: &p x\nu: *p\n";
        let doc = yaml::parse(anchored);
        assert_eq!(
            replace_scalar(anchored, value(&doc, "t", "path"), "y", Context::Block),
            None
        );
        let escaped = "t:\n  path: \"a\\u0041\"\n";
        let doc = yaml::parse(escaped);
        let edit = replace_scalar(escaped, value(&doc, "t", "path"), "b", Context::Block)
            .expect("an edit");
        assert_eq!(apply(escaped, edit), "t:\n  path: \"b\"\n");
    }

    #[test]
    fn lines_join_a_block_mapping_at_its_indentation_with_its_line_break() {
        let text = "t:\r\n    path: a/Dockerfile  # keep\r\nu: 1";
        let doc = yaml::parse(text);
        let entry = doc.root.as_ref().and_then(|r| r.get("t")).expect("entry");
        let point = append_to_block_mapping(text, entry).expect("block mapping");
        assert_eq!(
            apply(text, point.line("arch: aarch64")),
            "t:\r\n    path: a/Dockerfile  # keep\r\n    arch: aarch64\r\nu: 1"
        );
        let last = "images:\n  a: a";
        let doc = yaml::parse(last);
        let images = doc
            .root
            .as_ref()
            .and_then(|r| r.get("images"))
            .expect("images");
        let point = append_to_block_mapping(last, images).expect("block mapping");
        assert_eq!(apply(last, point.line("b: b")), "images:\n  a: a\n  b: b");
        let lone_cr = "t:\n  k: a\rb: 1\n";
        let doc = yaml::parse(lone_cr);
        let entry = doc.root.as_ref().and_then(|r| r.get("t")).expect("entry");
        let point = append_to_block_mapping(lone_cr, entry).expect("block mapping");
        assert_eq!(
            apply(lone_cr, point.line("x: y")),
            "t:\n  k: a\n  x: y\rb: 1\n"
        );
        let flow = "t: {path: a}\n";
        let doc = yaml::parse(flow);
        let entry = doc.root.as_ref().and_then(|r| r.get("t")).expect("entry");
        assert_eq!(append_to_block_mapping(flow, entry), None);
    }
}
