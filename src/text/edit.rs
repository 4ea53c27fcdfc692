//! Applying byte-range edits to a text: the one place that decides when two edits conflict,
//! so the fix pipeline, the per-fix previews and the checks on a rule's own edits agree.

use crate::text::Span;

/// Whether two edits of one file cannot both be applied in one pass: they overlap, start at
/// the same offset (two insertions there have no order), or an insertion touches the other's
/// end (it could belong to either side).
pub fn conflict(a: Span, b: Span) -> bool {
    let (first, second) = if (a.start, a.end) <= (b.start, b.end) {
        (a, b)
    } else {
        (b, a)
    };
    second.start < first.end
        || second.start == first.start
        || (second.start == first.end && (first.is_empty() || second.is_empty()))
}

/// `text` with every `(span, replacement)` applied; `None` when two edits conflict or a span
/// leaves the text or splits a character.
pub fn apply<'e>(text: &str, edits: impl IntoIterator<Item = (Span, &'e str)>) -> Option<String> {
    let mut edits: Vec<(Span, &str)> = edits.into_iter().collect();
    crate::sort::sort_by_key(&mut edits, |(span, _)| *span);
    for pair in edits.windows(2) {
        if conflict(pair[0].0, pair[1].0) {
            return None;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (span, replacement) in edits {
        out.push_str(text.get(at..span.start)?);
        text.get(span.start..span.end)?;
        out.push_str(replacement);
        at = span.end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_apply_in_offset_order_whatever_order_they_come_in() {
        let text = "arch: amd64,arm64\n";
        let fixed = apply(
            text,
            [(Span::new(12, 17), "aarch64"), (Span::new(6, 11), "x86_64")],
        );
        assert_eq!(fixed.as_deref(), Some("arch: x86_64,aarch64\n"));
        assert_eq!(
            apply("ab", [(Span::new(2, 2), "\nc")]).as_deref(),
            Some("ab\nc")
        );
    }

    #[test]
    fn overlapping_touching_insertions_and_bad_spans_are_refused() {
        assert!(conflict(Span::new(0, 3), Span::new(2, 4)));
        assert!(conflict(Span::new(3, 3), Span::new(3, 3)));
        assert!(conflict(Span::new(0, 3), Span::new(3, 3)));
        assert!(!conflict(Span::new(0, 3), Span::new(3, 5)));
        assert!(!conflict(Span::new(0, 1), Span::new(4, 4)));
        assert_eq!(apply("abc", [(Span::new(1, 9), "x")]), None);
        assert_eq!(apply("é", [(Span::new(1, 2), "x")]), None);
        assert_eq!(
            apply("abc", [(Span::new(0, 2), "x"), (Span::new(1, 3), "y")]),
            None
        );
    }
}
