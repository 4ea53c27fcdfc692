//! A small spanned YAML tree built from `saphyr-parser` events. Every key and value keeps its
//! byte span, mappings keep every pair in source order (duplicates included, so rules can
//! report all of them), and a syntax error still yields the tree parsed up to that point.

use std::ops::Range;

mod compose;

use saphyr_parser::{Event, Parser, ScalarStyle, Span as ParserSpan};

use crate::text::Span;

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
    /// A copy of the node an alias names (PyYAML reads it there too); `span` is where the
    /// alias is written, so findings about it point at the alias.
    pub from_alias: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Scalar(Scalar),
    Mapping(Vec<Pair>),
    Sequence(Vec<Node>),
    /// `*anchor` that could not be expanded: it names its own container, or the expansion
    /// budget is spent (both are reported in [`Document::problems`]).
    Alias,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    /// `|` or `>` block scalars.
    Block,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    pub value: String,
    pub style: Style,
    /// An explicit tag such as `!!str`, as `handle + suffix`.
    pub tag: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub key: Node,
    pub value: Node,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// One parsed file. `root` is `None` for an empty stream (nothing but comments or blanks).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub root: Option<Node>,
    /// The first syntax error; the tree holds what came before it.
    pub error: Option<SyntaxError>,
    /// Where a second document (`---`) starts: loaders that expect one document reject it.
    pub extra_document: Option<Span>,
    /// Every comment, from its `#` to the end of its line: a `#` at the start of a line or
    /// after whitespace, outside every scalar (a `#` inside a quoted, plain or block value is
    /// text).
    pub comments: Vec<Span>,
    /// What the parser accepts but PyYAML, the publisher's loader, refuses (a duplicate
    /// anchor, a control character, a bad merge), and aliases stacklint does not expand.
    pub problems: Vec<SyntaxError>,
}

impl Node {
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.kind {
            NodeKind::Scalar(scalar) => Some(scalar),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        self.as_scalar().map(|s| s.value.as_str())
    }

    /// The node as written in `text`, or its value when it is a copy an alias stands for.
    pub fn written<'t>(&'t self, text: &'t str) -> &'t str {
        match (&self.kind, self.from_alias) {
            (NodeKind::Scalar(scalar), true) => &scalar.value,
            _ => text.get(self.span.start..self.span.end).unwrap_or(""),
        }
    }

    pub fn as_mapping(&self) -> Option<&[Pair]> {
        match &self.kind {
            NodeKind::Mapping(pairs) => Some(pairs),
            _ => None,
        }
    }

    /// True for `~`, `null`, `Null`, `NULL` and an empty plain scalar.
    pub fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar(s)
            if s.style == Style::Plain && s.tag.is_none()
                && matches!(s.value.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    /// A short noun for messages: "a string", "a list", "a mapping", "null".
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            NodeKind::Scalar(_) if self.is_null() => "null",
            NodeKind::Scalar(_) => "a string",
            NodeKind::Mapping(_) => "a mapping",
            NodeKind::Sequence(_) => "a list",
            NodeKind::Alias => "an alias",
        }
    }

    /// The byte span of `range` (indexes into the scalar's value) inside `text`, the file the
    /// node was parsed from, when the value appears verbatim in the source (plain, or quoted
    /// without escapes); the whole node otherwise. Rules point at the bad character of a tag
    /// or the bad item of an `arch` list this way, not at the whole value.
    pub fn span_within(&self, text: &str, range: Range<usize>) -> Span {
        self.verbatim_span(text, range).unwrap_or(self.span)
    }

    /// Like [`Node::span_within`], but `None` when the value does not appear verbatim: an
    /// edit of part of the value can then not be made in place.
    pub fn verbatim_span(&self, text: &str, range: Range<usize>) -> Option<Span> {
        let value = self.as_str()?;
        let source = text.get(self.span.start..self.span.end).unwrap_or("");
        let offset = if source.starts_with(value) {
            Some(0)
        } else if source.len() >= value.len() + 2
            && source.starts_with(['"', '\''])
            && source.get(1..1 + value.len()) == Some(value)
        {
            Some(1)
        } else {
            None
        };
        match offset {
            Some(offset) if range.start <= range.end && range.end <= value.len() => {
                let start = self.span.start + offset + range.start;
                let end = self.span.start + offset + range.end;
                text.get(start..end).map(|_| Span::new(start, end))
            }
            _ => None,
        }
    }

    /// The value of the last pair whose key is the plain string `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.get_pair(key).map(|pair| &pair.value)
    }

    /// The last pair whose key is the plain string `key`.
    pub fn get_pair(&self, key: &str) -> Option<&Pair> {
        self.as_mapping()?
            .iter()
            .rev()
            .find(|pair| pair.key.as_str() == Some(key))
    }
}

/// Converts the parser's character indexes into byte offsets.
struct CharOffsets {
    /// Byte offset of each character, plus the text length; empty for ASCII text.
    offsets: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str) -> CharOffsets {
        let offsets = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect()
        };
        CharOffsets {
            offsets,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.offsets.is_empty() {
            char_index.min(self.len)
        } else {
            self.offsets.get(char_index).copied().unwrap_or(self.len)
        }
    }

    fn span(&self, span: &ParserSpan) -> Span {
        Span::new(self.byte(span.start.index()), self.byte(span.end.index()))
    }
}

enum Frame {
    Mapping {
        start: usize,
        anchor: usize,
        pairs: Vec<Pair>,
        key: Option<Node>,
    },
    Sequence {
        start: usize,
        anchor: usize,
        items: Vec<Node>,
    },
}

struct Builder {
    stack: Vec<Frame>,
    composer: compose::Composer,
    root: Option<Node>,
    /// The span of every scalar, in document order: where a `#` is text, not a comment.
    scalars: Vec<Span>,
    documents: usize,
    extra_document: Option<Span>,
}

impl Builder {
    /// Attaches a finished node to the open container, or makes it the root.
    fn push(&mut self, node: Node) {
        match self.stack.last_mut() {
            Some(Frame::Mapping { pairs, key, .. }) => match key.take() {
                Some(k) => pairs.push(Pair {
                    key: k,
                    value: node,
                }),
                None => *key = Some(node),
            },
            Some(Frame::Sequence { items, .. }) => items.push(node),
            None => {
                if self.documents <= 1 && self.root.is_none() {
                    self.root = Some(node);
                }
            }
        }
    }

    /// Closes the innermost container at byte `end`.
    fn close(&mut self, end: usize) {
        let (node, anchor) = match self.stack.pop() {
            Some(Frame::Mapping {
                start,
                anchor,
                pairs,
                ..
            }) => (
                Node {
                    kind: NodeKind::Mapping(self.composer.mapping(pairs)),
                    span: Span::new(start, end),
                    from_alias: false,
                },
                anchor,
            ),
            Some(Frame::Sequence {
                start,
                anchor,
                items,
            }) => (
                Node {
                    kind: NodeKind::Sequence(items),
                    span: Span::new(start, end),
                    from_alias: false,
                },
                anchor,
            ),
            None => return,
        };
        self.composer.anchored(anchor, &node);
        self.push(node);
    }
}

/// Deeper nesting is reported as a syntax error: real manifests nest three levels, and the
/// tree (and every rule walking it) recurses per level, so unbounded depth would overflow the
/// stack on input like `[[[[…`.
pub const MAX_DEPTH: usize = 100;

/// Parses one YAML file as PyYAML composes it (see [`compose`]); never fails, never panics.
pub fn parse(text: &str) -> Document {
    let offsets = CharOffsets::new(text);
    let read = compose::for_parser(text);
    let mut parser = Parser::new_from_str(&read);
    let mut builder = Builder {
        composer: compose::Composer::new(text),
        stack: Vec::new(),
        root: None,
        scalars: Vec::new(),
        documents: 0,
        extra_document: None,
    };
    let mut error = None;
    while let Some(result) = parser.next_event() {
        let (event, span) = match result {
            Ok(item) => item,
            Err(scan_error) => {
                let at = offsets.byte(scan_error.marker().index());
                error = Some(SyntaxError {
                    span: Span::new(at, next_char_end(text, at)),
                    message: scan_error.info().to_string(),
                });
                break;
            }
        };
        let span = offsets.span(&span);
        match event {
            Event::DocumentStart(_) => {
                builder.documents += 1;
                if builder.documents == 2 {
                    builder.extra_document = Some(span);
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let style = match style {
                    ScalarStyle::Plain => Style::Plain,
                    ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => Style::Quoted,
                    _ => Style::Block,
                };
                let tag = tag.map(|t| format!("{}{}", t.handle, t.suffix));
                // The parser ends a quoted scalar's span after the blanks and comment that
                // follow it; the scalar ends at its closing quote.
                let span = match style {
                    Style::Quoted => {
                        // After the properties (`&anchor`, `!tag`) the span starts with.
                        let quote = text
                            .get(span.start..span.end)
                            .and_then(|written| written.find(['"', '\'']))
                            .map_or(span.start, |at| span.start + at);
                        Span::new(span.start, closing_quote(text, quote).unwrap_or(span.end))
                    }
                    _ => span,
                };
                builder.scalars.push(span);
                builder
                    .composer
                    .define(anchor, span, text.get(span.start..span.end).unwrap_or(""));
                let node = Node {
                    kind: NodeKind::Scalar(Scalar {
                        value: compose::restored(value, text),
                        style,
                        tag,
                    }),
                    span,
                    from_alias: false,
                };
                builder.composer.anchored(anchor, &node);
                builder.push(node);
            }
            Event::Alias(id) => {
                let written = text.get(span.start..span.end).unwrap_or("*");
                let node = builder.composer.alias(id, span, written);
                builder.push(node);
            }
            Event::MappingStart(..) | Event::SequenceStart(..)
                if builder.stack.len() >= MAX_DEPTH =>
            {
                error = Some(SyntaxError {
                    span: Span::new(span.start, next_char_end(text, span.start)),
                    message: format!("the YAML nests deeper than {MAX_DEPTH} levels"),
                });
                break;
            }
            Event::MappingStart(anchor, _) => {
                let written = text.get(span.start..).unwrap_or("");
                builder.composer.open(anchor, span, written);
                builder.stack.push(Frame::Mapping {
                    start: span.start,
                    anchor,
                    pairs: Vec::new(),
                    key: None,
                })
            }
            Event::SequenceStart(anchor, _) => {
                let written = text.get(span.start..).unwrap_or("");
                builder.composer.open(anchor, span, written);
                builder.stack.push(Frame::Sequence {
                    start: span.start,
                    anchor,
                    items: Vec::new(),
                })
            }
            Event::MappingEnd | Event::SequenceEnd => builder.close(span.end),
            Event::StreamEnd => break,
            _ => {}
        }
    }
    // Keep what was parsed before an error: close every open container where parsing stopped.
    let stop = error.as_ref().map_or(text.len(), |e| e.span.start);
    while !builder.stack.is_empty() {
        builder.close(stop);
    }
    let comments = comments(text, builder.scalars);
    let mut problems = builder.composer.problems;
    problems.extend(compose::refused_character(text));
    crate::sort::sort_by_key(&mut problems, |problem| problem.span);
    Document {
        root: builder.root,
        error,
        extra_document: builder.extra_document,
        comments,
        problems,
    }
}

/// The comments of `text`, given the spans of its scalars in document order.
fn comments(text: &str, mut scalars: Vec<Span>) -> Vec<Span> {
    // Document order is start order except where a parser error closed containers early.
    crate::sort::sort(&mut scalars);
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut next_scalar = 0;
    let mut at = 0;
    while let Some(found) = text.get(at..).and_then(|rest| rest.find('#')) {
        let hash = at + found;
        while scalars.get(next_scalar).is_some_and(|s| s.end <= hash) {
            next_scalar += 1;
        }
        let inside_scalar = scalars
            .get(next_scalar)
            .is_some_and(|s| s.start <= hash && hash < s.end);
        let starts_comment = hash == 0
            || matches!(bytes[hash - 1], b' ' | b'\t')
            || text[..hash]
                .chars()
                .next_back()
                .is_some_and(compose::is_line_break);
        let line_end = text[hash..]
            .find(compose::is_line_break)
            .map_or(text.len(), |end| hash + end);
        if starts_comment && !inside_scalar {
            comments.push(Span::new(hash, line_end));
            at = line_end;
        } else {
            at = hash + 1;
        }
    }
    comments
}

/// The offset just past the quote that closes the quoted scalar opening at `start`.
fn closing_quote(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let quote = *bytes.get(start)?;
    let mut at = start + 1;
    match quote {
        b'"' => {
            while at < bytes.len() {
                match bytes[at] {
                    b'\\' => at += 2,
                    b'"' => return Some(at + 1),
                    _ => at += 1,
                }
            }
            None
        }
        b'\'' => {
            while at < bytes.len() {
                if bytes[at] == b'\'' {
                    if bytes.get(at + 1) == Some(&b'\'') {
                        at += 2;
                        continue;
                    }
                    return Some(at + 1);
                }
                at += 1;
            }
            None
        }
        _ => None,
    }
}

/// End of the character starting at `at`, so an error span underlines one character.
fn next_char_end(text: &str, at: usize) -> usize {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .map_or(at, |c| at + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of<'a>(text: &'a str, node: &Node) -> &'a str {
        &text[node.span.start..node.span.end]
    }

    #[test]
    fn keys_and_values_keep_their_spans() {
        let text = "tag-a:\n  path: 1.0/22.03-lts/Dockerfile\n  arch: x86_64\n";
        let doc = parse(text);
        assert!(doc.error.is_none());
        let root = doc.root.expect("a root mapping");
        let pairs = root.as_mapping().expect("a mapping");
        assert_eq!(text_of(text, &pairs[0].key), "tag-a");
        let path = pairs[0].value.get("path").expect("path");
        assert_eq!(text_of(text, path), "1.0/22.03-lts/Dockerfile");
    }

    #[test]
    fn duplicate_keys_are_all_kept_in_order() {
        let doc = parse("a: 1\nb: 2\na: 3\n");
        let root = doc.root.expect("root");
        let keys: Vec<_> = root
            .as_mapping()
            .expect("mapping")
            .iter()
            .map(|p| p.key.as_str().unwrap_or(""))
            .collect();
        assert_eq!(keys, ["a", "b", "a"]);
        assert_eq!(root.get("a").and_then(Node::as_str), Some("3"));
    }

    #[test]
    fn non_ascii_text_maps_to_byte_offsets() {
        let text = "é: ü-value\n";
        let doc = parse(text);
        let root = doc.root.expect("root");
        let value = &root.as_mapping().expect("mapping")[0].value;
        assert_eq!(text_of(text, value), "ü-value");
    }

    #[test]
    fn syntax_errors_keep_the_tree_parsed_so_far() {
        let text = "good:\n  path: a\nbad: [unclosed\n";
        let doc = parse(text);
        let error = doc.error.expect("an error");
        assert!(error.span.start >= text.find("bad").expect("bad"));
        let root = doc.root.expect("partial root");
        assert!(root.get("good").is_some());
    }

    #[test]
    fn empty_and_comment_only_files_have_no_root() {
        assert!(parse("").root.is_none());
        assert!(parse("# nothing\n").root.is_none());
    }

    #[test]
    fn second_documents_are_flagged() {
        let doc = parse("a: 1\n---\nb: 2\n");
        assert!(doc.extra_document.is_some());
        assert!(doc.root.expect("root").get("b").is_none());
    }

    #[test]
    fn deep_nesting_stops_with_an_error_instead_of_overflowing_the_stack() {
        // Found while testing pathological input: `- - - …` 100k deep overflowed the stack.
        for text in [
            "[".repeat(100_000),
            "- ".repeat(100_000),
            "{a: ".repeat(100_000),
        ] {
            let doc = parse(&text);
            let error = doc.error.expect("an error");
            // saphyr-parser limits flow nesting itself and may stop first.
            assert!(
                error.message.contains("deeper than") || error.message.contains("recursion limit"),
                "{}",
                error.message
            );
        }
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(parse(&fine).error, None);
    }

    fn first_key(text: &str) -> Node {
        let root = parse(text).root.expect("root");
        root.as_mapping().expect("mapping")[0].key.clone()
    }

    #[test]
    fn spans_within_plain_and_quoted_values_map_to_their_characters() {
        let text = "a+b: 1\n";
        assert_eq!(
            &text[first_key(text).span_within(text, 1..2).start..][..1],
            "+"
        );
        let text = "\"a+b\": 1\n";
        let span = first_key(text).span_within(text, 1..2);
        assert_eq!(&text[span.start..span.end], "+");
        let text = "é+b: 1\n";
        let span = first_key(text).span_within(text, 2..3);
        assert_eq!(&text[span.start..span.end], "+");
    }

    #[test]
    fn spans_within_escaped_values_fall_back_to_the_whole_node() {
        let text = "\"a\\u002bb\": 1\n";
        let key = first_key(text);
        assert_eq!(key.span_within(text, 1..2), key.span);
    }

    #[test]
    fn comments_are_found_outside_every_scalar() {
        let text = "# top\na: \"x #no\" # yes\nb: c#no\nd: |\n  e # no\nf: g # yes\r\n";
        let doc = parse(text);
        let found: Vec<&str> = doc
            .comments
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect();
        assert_eq!(found, ["# top", "# yes", "# yes"]);
    }

    #[test]
    fn quoted_scalars_end_at_their_closing_quote() {
        let text = "a: \"x \\\" #no\" # c\nb: 'it''s' # c\n";
        let root = parse(text).root.expect("root");
        let values: Vec<&str> = root
            .as_mapping()
            .expect("mapping")
            .iter()
            .map(|pair| text_of(text, &pair.value))
            .collect();
        assert_eq!(values, ["\"x \\\" #no\"", "'it''s'"]);
    }

    fn pairs_of(node: &Node) -> Vec<(String, String)> {
        node.as_mapping()
            .expect("a mapping")
            .iter()
            .map(|pair| {
                let value = match &pair.value.kind {
                    NodeKind::Scalar(scalar) => scalar.value.clone(),
                    other => format!("{other:?}"),
                };
                (pair.key.as_str().unwrap_or("?").to_string(), value)
            })
            .collect()
    }

    #[test]
    fn aliases_are_copies_of_their_anchor_spanned_at_the_alias() {
        let text = "a: &e\n  path: x\n  arch: aarch64\nb: *e\n";
        let doc = parse(text);
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let root = doc.root.expect("root");
        let b = root.get("b").expect("b");
        assert_eq!(
            pairs_of(b),
            [
                ("path".into(), "x".into()),
                ("arch".into(), "aarch64".into())
            ]
        );
        assert!(b.from_alias);
        let path = b.get("path").expect("path");
        assert_eq!(text_of(text, path), "*e");
        assert_eq!(path.written(text), "x");
    }

    #[test]
    fn merge_keys_merge_as_pyyaml_does() {
        // PyYAML 6.0.3: {'t': {'arch': 'a', 'path': 'p'}} and {'u': {'arch': 'x86_64', 'path': 'q'}}.
        let text = "d: &d {arch: x86_64, path: q}\nt:\n  <<: [{arch: a}, {arch: b, path: q}]\n  path: p\nu:\n  <<: *d\n";
        let doc = parse(text);
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let root = doc.root.expect("root");
        let mut t = pairs_of(root.get("t").expect("t"));
        t.sort();
        assert_eq!(
            t,
            [("arch".into(), "a".into()), ("path".into(), "p".into())]
        );
        let mut u = pairs_of(root.get("u").expect("u"));
        u.sort();
        assert_eq!(
            u,
            [
                ("arch".into(), "x86_64".into()),
                ("path".into(), "q".into())
            ]
        );
        // A quoted `<<` is an ordinary key; `!!merge` makes any key a merge.
        let quoted = parse("t: {'<<': {arch: a}}\n").root.expect("root");
        assert_eq!(pairs_of(quoted.get("t").expect("t"))[0].0, "<<");
        let tagged = parse("t: {!!merge '<<': {arch: a}}\n").root.expect("root");
        assert_eq!(
            pairs_of(tagged.get("t").expect("t")),
            [("arch".into(), "a".into())]
        );
    }

    #[test]
    fn what_pyyaml_refuses_is_a_problem() {
        for (text, expected) in [
            ("a: &x 1\nb: &x 2\n", "defined twice"),
            ("a: &x [*x]\n", "contains it"),
            ("t:\n  <<: 1\n", "merges a mapping"),
            ("t:\n  <<: [1]\n", "merges mappings"),
            ("a: b\u{1b}[31m\n", "U+001B"),
            ("a: b\u{9b}\n", "U+009B"),
        ] {
            let doc = parse(text);
            assert!(
                doc.problems.iter().any(|p| p.message.contains(expected)),
                "{text:?}: {:?}",
                doc.problems
            );
        }
        // Anchors in quoted text, comments and tags are not anchors.
        assert!(parse("a: '&x'\nb: &x 1 # &x\nc: !t&x 2\n")
            .problems
            .is_empty());
    }

    #[test]
    fn a_billion_laughs_stops_at_the_budget() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..40 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let started = std::time::Instant::now();
        let doc = parse(&text);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(
            doc.problems
                .iter()
                .filter(|p| p.message.contains("expand to more than"))
                .count(),
            1,
            "{:?}",
            doc.problems
        );
        let merges: String = (1..40)
            .map(|i| format!("m{i}: &m{i}\n  <<: [*m{0}, *m{0}]\n  k{i}: v\n", i - 1))
            .collect();
        // Merged keys override each other, so merging one mapping twice per level stays small.
        let doc = parse(&format!("m0: &m0 {{k: v}}\n{merges}"));
        assert!(doc.problems.is_empty(), "{:?}", doc.problems);
        let last = doc.root.expect("root").get("m39").expect("m39").clone();
        assert_eq!(last.as_mapping().map(<[Pair]>::len), Some(40));
    }

    #[test]
    fn pyyaml_line_breaks_end_lines_and_comments() {
        // PyYAML 6.0.3: {'1.0-oe2403lts': {'path': '1.0/24.03-lts/Dockerfile', 'arch': 'x86_64'}}.
        let text = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\u{2028}  arch: x86_64 # c\u{2029}b: 1\n";
        let doc = parse(text);
        assert!(doc.error.is_none() && doc.problems.is_empty(), "{doc:?}");
        let root = doc.root.expect("root");
        let entry = root.get("1.0-oe2403lts").expect("entry");
        assert_eq!(entry.get("arch").and_then(Node::as_str), Some("x86_64"));
        assert_eq!(text_of(text, entry.get("arch").expect("arch")), "x86_64");
        assert_eq!(root.get("b").and_then(Node::as_str), Some("1"));
        assert_eq!(doc.comments.len(), 1);
        assert_eq!(text_of_span(text, doc.comments[0]), "# c");
    }

    #[test]
    fn a_byte_order_mark_inside_the_text_is_a_character_as_for_pyyaml() {
        // PyYAML 6.0.3: {'1.0-oe2403lts': {'path': 'x'}, '\ufeff2.0-oe2403lts': {'path': 'y'}}.
        let text = "1.0-oe2403lts:\n  path: x\n\u{feff}2.0-oe2403lts:\n  path: y\n";
        let doc = parse(text);
        assert!(doc.error.is_none(), "{:?}", doc.error);
        let keys: Vec<String> = pairs_of(&doc.root.expect("root"))
            .into_iter()
            .map(|(k, _)| k)
            .collect();
        assert_eq!(keys, ["1.0-oe2403lts", "\u{feff}2.0-oe2403lts"]);
    }

    fn text_of_span(text: &str, span: Span) -> &str {
        &text[span.start..span.end]
    }

    #[test]
    fn tabs_in_indentation_are_syntax_errors() {
        assert!(parse("a:\n\tpath: x\n").error.is_some());
    }
}
