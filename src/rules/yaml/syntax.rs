//! Y001: YAML syntax errors, and the tabs PyYAML rejects where saphyr reads them.

use crate::diagnostic::{Edit, Finding, Fix};
use crate::rule;
use crate::syntax::yaml::{Document, Node, NodeKind, Style};
use crate::syntax::yaml_edit;
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

const TAB_HELP: &str = "replace the tab with spaces: PyYAML, which the publisher uses, rejects tabs outside quoted text and comments";

/// Y001 for any YAML file stacklint reads (manifests and image lists).
pub(super) fn check_syntax(path: &str, file: &SourceFile, doc: &Document, out: &mut Vec<Finding>) {
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
    crate::sort::sort(&mut allowed);
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
