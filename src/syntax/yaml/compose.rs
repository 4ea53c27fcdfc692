//! How PyYAML (the publisher's loader) composes a document, where that differs from the
//! YAML 1.2 events the parser reports: an alias stands for a copy of its anchor's node, a `<<`
//! key merges mappings into the one holding it, an anchor name may be defined once, `U+0085`,
//! `U+2028` and `U+2029` end lines, and control characters are refused.
//!
//! Aliases and merges are expanded into real nodes (spanned at the alias, marked
//! `from_alias`), so every rule checks what the publisher reads. Expansion has a budget of
//! nodes: a few kilobytes of nested aliases (`&a [*b, *b]`, …) would otherwise expand to
//! gigabytes.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::{Node, NodeKind, Pair, Style, SyntaxError};
use crate::text::Span;

/// Copied nodes allowed per document: a fixed floor, or one per 8 bytes of a larger file.
fn expansion_budget(text: &str) -> usize {
    (text.len() / 8).max(100_000)
}

/// Resolves aliases and merge keys while the tree is built.
pub(super) struct Composer {
    /// Copies of the anchored nodes seen so far, by the parser's anchor id. Only kept when the
    /// text has a `*` at all: without one no alias can refer to them.
    anchors: HashMap<usize, Node>,
    keep_anchors: bool,
    /// Anchors whose node is still being built: an alias to one of them is recursive.
    open: Vec<usize>,
    /// Anchors too large to keep within the budget.
    dropped: HashSet<usize>,
    /// Every anchor name defined so far.
    names: HashSet<String>,
    left: usize,
    budget: usize,
    pub problems: Vec<SyntaxError>,
}

impl Composer {
    pub fn new(text: &str) -> Composer {
        Composer {
            anchors: HashMap::new(),
            keep_anchors: text.contains('*'),
            open: Vec::new(),
            dropped: HashSet::new(),
            names: HashSet::new(),
            left: expansion_budget(text),
            budget: expansion_budget(text),
            problems: Vec::new(),
        }
    }

    /// A container with anchor `id` (0: none) starts at `written`: its anchor is defined, and
    /// the container stays open (an alias to it inside is refused) until it ends.
    pub fn open(&mut self, id: usize, span: Span, written: &str) {
        self.define(id, span, written);
        if id != 0 {
            self.open.push(id);
        }
    }

    /// Anchor `id` (0: none) is defined at `written`, the start of its node's text. PyYAML
    /// refuses a name defined twice (`found duplicate anchor`); the parser lets the second
    /// definition replace the first.
    pub fn define(&mut self, id: usize, span: Span, written: &str) {
        let Some(name) = anchor_name(written).filter(|_| id != 0) else {
            return;
        };
        if !self.names.insert(name.to_string()) {
            let end = written.find('&').map_or(0, |at| at + 1 + name.len());
            self.problem(
                Span::new(span.start, span.start + end),
                format!("the anchor `&{name}` is defined twice: PyYAML, the publisher's loader, refuses the file (`found duplicate anchor`)"),
            );
        }
    }

    /// The node of anchor `id` (0: none) is complete.
    pub fn anchored(&mut self, id: usize, node: &Node) {
        if id == 0 {
            return;
        }
        if self.open.last() == Some(&id) {
            self.open.pop();
        }
        if !self.keep_anchors {
            return;
        }
        match copy(node, None, &mut self.left) {
            Some(copy) => {
                self.anchors.insert(id, copy);
            }
            None => {
                self.dropped.insert(id);
            }
        }
    }

    /// The node an alias stands for; an unresolved [`NodeKind::Alias`] (with a problem
    /// reported) when it refers to its own container or would pass the budget.
    pub fn alias(&mut self, id: usize, span: Span, written: &str) -> Node {
        let unresolved = Node {
            kind: NodeKind::Alias,
            span,
            from_alias: true,
        };
        if self.open.contains(&id) {
            self.problem(
                span,
                format!("the alias `{written}` refers to the node that contains it: PyYAML builds an endless structure, which the publisher cannot read"),
            );
            return unresolved;
        }
        let copied = self
            .anchors
            .get(&id)
            .and_then(|anchored| copy(anchored, Some(span), &mut self.left));
        match copied {
            Some(node) => node,
            None => {
                if self.anchors.contains_key(&id) || self.dropped.contains(&id) {
                    self.budget_spent(span, written);
                }
                unresolved
            }
        }
    }

    fn budget_spent(&mut self, span: Span, written: &str) {
        // One finding: the first alias past the budget.
        if !self
            .problems
            .iter()
            .any(|p| p.message.contains("expand to more than"))
        {
            self.problem(
                span,
                format!("the anchors and aliases expand to more than {} nodes here (at `{written}`); stacklint does not expand them further", self.budget),
            );
        }
    }

    fn problem(&mut self, span: Span, message: String) {
        self.problems.push(SyntaxError { span, message });
    }

    /// A mapping's pairs as PyYAML reads them: each `<<` key replaced by the pairs of the
    /// mapping (or list of mappings) it names, put before the mapping's own pairs, and every
    /// merged pair dropped that a later one overrides (own pairs win; in a list the first
    /// mapping wins). Own duplicates are kept: Y002 reports them.
    pub fn mapping(&mut self, pairs: Vec<Pair>) -> Vec<Pair> {
        if !pairs.iter().any(|pair| is_merge_key(&pair.key)) {
            return pairs;
        }
        let mut merged: Vec<Pair> = Vec::new();
        let mut own: Vec<Pair> = Vec::new();
        for pair in pairs {
            if !is_merge_key(&pair.key) {
                own.push(pair);
                continue;
            }
            match pair.value.kind {
                NodeKind::Mapping(from) => merged.extend(from),
                NodeKind::Sequence(items) => {
                    let mut lists = Vec::new();
                    for item in items {
                        match item.kind {
                            NodeKind::Mapping(from) => lists.push(from),
                            // Already reported where it is written.
                            NodeKind::Alias => {}
                            _ => self.problem(
                                item.span,
                                format!("`<<` merges mappings, and this item is {}: PyYAML refuses the file (`expected a mapping for merging`)", item.kind_name()),
                            ),
                        }
                    }
                    // PyYAML merges the list backwards, so the first mapping wins.
                    for from in lists.into_iter().rev() {
                        merged.extend(from);
                    }
                }
                NodeKind::Alias => {}
                _ => self.problem(
                    pair.value.span,
                    format!("`<<` merges a mapping or a list of mappings, and this is {}: PyYAML refuses the file (`expected a mapping or list of mappings for merging`)", pair.value.kind_name()),
                ),
            }
        }
        if merged.is_empty() {
            return own;
        }
        let mut later: HashSet<String> = own
            .iter()
            .filter_map(|pair| pair.key.as_str().map(str::to_string))
            .collect();
        let mut kept: Vec<Pair> = Vec::with_capacity(merged.len() + own.len());
        for pair in merged.into_iter().rev() {
            match pair.key.as_str() {
                Some(key) if !later.insert(key.to_string()) => {}
                _ => kept.push(pair),
            }
        }
        kept.reverse();
        kept.extend(own);
        kept
    }
}

/// A `<<` key: plain and untagged, or tagged `!!merge`.
fn is_merge_key(key: &Node) -> bool {
    match key.as_scalar() {
        Some(scalar) => match scalar.tag.as_deref() {
            Some(tag) => matches!(tag, "!!merge" | "tag:yaml.org,2002:merge"),
            None => scalar.style == Style::Plain && scalar.value == "<<",
        },
        None => false,
    }
}

/// A deep copy of `node`, every span set to `at` when given, within the node budget.
fn copy(node: &Node, at: Option<Span>, left: &mut usize) -> Option<Node> {
    *left = left.checked_sub(1)?;
    let kind = match &node.kind {
        NodeKind::Scalar(scalar) => NodeKind::Scalar(scalar.clone()),
        NodeKind::Alias => NodeKind::Alias,
        NodeKind::Sequence(items) => NodeKind::Sequence(
            items
                .iter()
                .map(|item| copy(item, at, left))
                .collect::<Option<_>>()?,
        ),
        NodeKind::Mapping(pairs) => NodeKind::Mapping(
            pairs
                .iter()
                .map(|pair| {
                    Some(Pair {
                        key: copy(&pair.key, at, left)?,
                        value: copy(&pair.value, at, left)?,
                    })
                })
                .collect::<Option<_>>()?,
        ),
    };
    Some(Node {
        kind,
        span: at.unwrap_or(node.span),
        from_alias: node.from_alias || at.is_some(),
    })
}

/// Whether PyYAML ends a line at `c`: YAML 1.1 counts `U+0085`, `U+2028` and `U+2029` too.
pub(super) fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Stands in for a byte order mark after the start of the text while parsing: PyYAML reads
/// it as an ordinary character (`cat a.yml b.yml` leaves one at a line start), the parser
/// refuses it. A private-use character the text does not hold otherwise.
const BOM_STAND_IN: char = '\u{e000}';

/// The text the parser reads: PyYAML's extra line breaks as `\n`, and a byte order mark
/// after the start as [`BOM_STAND_IN`]. One character for one, so the parser's character
/// positions still index the original text.
pub(super) fn for_parser(text: &str) -> Cow<'_, str> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let stand_in = body.contains('\u{feff}') && !text.contains(BOM_STAND_IN);
    if !stand_in && !text.contains(['\u{85}', '\u{2028}', '\u{2029}']) {
        return Cow::Borrowed(text);
    }
    let head = &text[..text.len() - body.len()];
    let body = body.chars().map(|c| match c {
        '\u{85}' | '\u{2028}' | '\u{2029}' => '\n',
        '\u{feff}' if stand_in => BOM_STAND_IN,
        c => c,
    });
    Cow::Owned(head.chars().chain(body).collect())
}

/// A scalar's value as PyYAML reads it, from what the parser read in [`for_parser`]'s text.
pub(super) fn restored(value: Cow<'_, str>, text: &str) -> String {
    if value.contains(BOM_STAND_IN) && !text.contains(BOM_STAND_IN) {
        value.replace(BOM_STAND_IN, "\u{feff}")
    } else {
        value.into_owned()
    }
}

/// The first character PyYAML's reader refuses (`unacceptable character … special characters
/// are not allowed`): C0 controls but tab and line breaks, DEL, C1 controls but `U+0085`, and
/// `U+FFFE`/`U+FFFF`.
pub(super) fn refused_character(text: &str) -> Option<SyntaxError> {
    if text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || matches!(b, b'\t' | b'\n' | b'\r'))
    {
        return None;
    }
    let (at, c) = text.char_indices().find(|&(_, c)| {
        matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}')
    })?;
    Some(SyntaxError {
        span: Span::new(at, at + c.len_utf8()),
        message: format!(
            "the character U+{:04X} is not allowed in YAML: PyYAML, the publisher's loader, refuses the whole file",
            u32::from(c)
        ),
    })
}

/// The name of the anchor among the properties (`&name`, `!tag`) that start `written`.
pub(super) fn anchor_name(written: &str) -> Option<&str> {
    let mut rest = written;
    loop {
        rest = rest.trim_start();
        if let Some(name) = rest.strip_prefix('&') {
            let end = name
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | '[' | ']' | '{' | '}'))
                .unwrap_or(name.len());
            return Some(&name[..end]);
        }
        // Skip a tag written before the anchor.
        let tag = rest.strip_prefix('!')?;
        rest = &tag[tag.find(char::is_whitespace)?..];
    }
}
