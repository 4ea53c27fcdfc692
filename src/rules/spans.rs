//! Spans inside a scalar: rules point at the bad character of a tag or the bad item of an
//! `arch` list, not at the whole value.

use std::ops::Range;

use crate::model::SourceFile;
use crate::syntax::yaml::Node;
use crate::text::Span;

/// The byte span of `range` (indexes into the scalar's value) inside the file, when the value
/// appears verbatim in the source (plain, or quoted without escapes); else the whole node.
pub fn inside(file: &SourceFile, node: &Node, range: Range<usize>) -> Span {
    let Some(value) = node.as_str() else {
        return node.span;
    };
    let source = file.slice(node.span);
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
        Some(offset) if range.start <= range.end && range.end <= value.len() => Span::new(
            node.span.start + offset + range.start,
            node.span.start + offset + range.end,
        ),
        _ => node.span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::yaml;

    fn key_and_file(text: &str) -> (SourceFile, Node) {
        let doc = yaml::parse(text);
        let root = doc.root.expect("root");
        let key = root.as_mapping().expect("mapping")[0].key.clone();
        (SourceFile::new("m.yml", text.to_string()), key)
    }

    #[test]
    fn plain_and_quoted_values_map_to_their_characters() {
        let (file, key) = key_and_file("a+b: 1\n");
        assert_eq!(file.slice(inside(&file, &key, 1..2)), "+");
        let (file, key) = key_and_file("\"a+b\": 1\n");
        assert_eq!(file.slice(inside(&file, &key, 1..2)), "+");
    }

    #[test]
    fn escaped_values_fall_back_to_the_whole_node() {
        let (file, key) = key_and_file("\"a\\u002bb\": 1\n");
        assert_eq!(inside(&file, &key, 1..2), key.span);
    }

    #[test]
    fn non_ascii_values_use_byte_offsets() {
        let (file, key) = key_and_file("é+b: 1\n");
        assert_eq!(file.slice(inside(&file, &key, 2..3)), "+");
    }
}
