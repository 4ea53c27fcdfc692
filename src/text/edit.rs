//! Applying byte-range edits to a text: the one place that decides when two edits conflict,
//! so the fix pipeline, the per-fix previews and the checks on a rule's own edits agree.

use crate::text::{line_diff, Span};

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

/// The edits that turn `before` into `after`, as few and as small as a line diff gives: one
/// per run of changed lines, narrowed to the characters that differ (never inside a
/// character or between a `\r` and its `\n`). What an editor applies to the buffer it has,
/// so that the cursor and every mark outside the changes stay where they are.
pub fn difference(before: &str, after: &str) -> Vec<(Span, String)> {
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let offsets = |lines: &[&str]| -> Vec<usize> {
        let mut at = 0;
        let mut starts = Vec::with_capacity(lines.len() + 1);
        starts.push(0);
        for line in lines {
            at += line.len();
            starts.push(at);
        }
        starts
    };
    let (old_at, new_at) = (offsets(&old), offsets(&new));
    let mut edits = Vec::new();
    let (mut x, mut y) = (0, 0);
    let end = (old.len(), new.len());
    for (mx, my) in line_diff::matched_lines(&old, &new)
        .into_iter()
        .chain(std::iter::once(end))
    {
        if mx > x || my > y {
            let removed = &before[old_at[x]..old_at[mx]];
            let added = &after[new_at[y]..new_at[my]];
            let (prefix, suffix) = common_ends(removed, added);
            edits.push((
                Span::new(old_at[x] + prefix, old_at[mx] - suffix),
                added[prefix..added.len() - suffix].to_string(),
            ));
        }
        (x, y) = (mx + 1, my + 1);
    }
    edits
}

/// The byte lengths of the longest common prefix and suffix of `a` and `b`, not overlapping
/// in either, ending on character boundaries and keeping a `\r\n` whole.
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let (x, y) = (a.as_bytes(), b.as_bytes());
    let room = x.len().min(y.len());
    let mut prefix = x.iter().zip(y).take_while(|(p, q)| p == q).count();
    // Inside a character, or between a `\r` and a `\n` on either side: step back.
    while prefix > 0
        && (!a.is_char_boundary(prefix)
            || !b.is_char_boundary(prefix)
            || (x[prefix - 1] == b'\r'
                && (x.get(prefix) == Some(&b'\n') || y.get(prefix) == Some(&b'\n'))))
    {
        prefix -= 1;
    }
    let mut suffix = x[prefix..]
        .iter()
        .rev()
        .zip(y[prefix..].iter().rev())
        .take_while(|(p, q)| p == q)
        .count()
        .min(room - prefix);
    let splits = |t: &[u8], s: &str, at: usize| {
        !s.is_char_boundary(at) || (t[at] == b'\n' && at > 0 && t[at - 1] == b'\r')
    };
    while suffix > 0 && (splits(x, a, x.len() - suffix) || splits(y, b, y.len() - suffix)) {
        suffix -= 1;
    }
    (prefix, suffix)
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

    fn round_trip(before: &str, after: &str) -> Vec<(Span, String)> {
        let edits = difference(before, after);
        let applied = apply(before, edits.iter().map(|(s, r)| (*s, r.as_str())));
        assert_eq!(applied.as_deref(), Some(after), "{edits:?}");
        edits
    }

    #[test]
    fn the_difference_is_one_small_edit_per_changed_place() {
        let before = "a:\n  arch: amd64\nb:\n  path: x\nc:\n  arch: arm64\n";
        let after = "a:\n  arch: x86_64\nb:\n  path: x\nc:\n  arch: aarch64\n";
        let edits = round_trip(before, after);
        assert_eq!(
            edits,
            vec![
                (Span::new(11, 14), "x86_".to_string()),
                (Span::new(42, 44), "arch".to_string())
            ]
        );
        assert!(round_trip("same\n", "same\n").is_empty());
        assert_eq!(
            round_trip("images:\n  a: a\n", "images:\n  a: a\n  b: b\n"),
            vec![(Span::new(15, 15), "  b: b\n".to_string())]
        );
    }

    #[test]
    fn the_difference_splits_no_character_and_no_line_break() {
        // Two emoji sharing their first three UTF-8 bytes.
        let edits = round_trip("x: 😀\n", "x: 😁\n");
        assert_eq!(edits, vec![(Span::new(3, 7), "😁".to_string())]);
        let edits = round_trip("a\r\nb\r\n", "a\r\nb\r\nc\r\n");
        assert_eq!(edits, vec![(Span::new(6, 6), "c\r\n".to_string())]);
        round_trip("a\r\n", "a\r\r\n");
        round_trip("a\r", "a\r\n");
        round_trip("a\n", "a");
        round_trip("", "a\n");
        round_trip("a\nb\nc\n", "");
        round_trip("aXa\n", "aXYa\n");
    }
}
