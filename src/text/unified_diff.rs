//! Unified diffs (`diff -u`, what `git apply` and `patch -p1` read), for `check --diff`, the
//! action's patch and the job summary's fix previews. Lines are compared with their line
//! break, so CRLF, a changed final newline and a missing one all show and apply exactly.

use crate::text::line_diff;

/// How many unchanged lines surround a change, as `diff -u` and git use by default.
pub const CONTEXT_LINES: usize = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Equal,
    Delete,
    Insert,
}

/// The unified diff turning `before` into `after`, under the headers `--- a/<path>` and
/// `+++ b/<path>`; empty when the texts are equal.
pub fn unified(path: &str, before: &str, after: &str, context: usize) -> String {
    let hunks = hunks(before, after, context);
    if hunks.is_empty() {
        return String::new();
    }
    let mut out = format!("--- a/{path}\n+++ b/{path}\n");
    out.push_str(&hunks);
    out
}

/// Only the `@@` hunks of the diff, without file headers (a preview of one fix).
pub fn hunks(before: &str, after: &str, context: usize) -> String {
    if before == after {
        return String::new();
    }
    let old: Vec<&str> = before.split_inclusive('\n').collect();
    let new: Vec<&str> = after.split_inclusive('\n').collect();
    let script = script(&old, &new);
    let mut out = String::new();
    // Indexes into `script` of every change, grouped into hunks whose changes are at most
    // 2 * context unchanged lines apart.
    let changes: Vec<usize> = (0..script.len())
        .filter(|&i| script[i] != Op::Equal)
        .collect();
    let mut group_start = 0;
    while group_start < changes.len() {
        let mut group_end = group_start;
        while group_end + 1 < changes.len()
            && changes[group_end + 1] - changes[group_end] <= 2 * context + 1
        {
            group_end += 1;
        }
        let from = changes[group_start].saturating_sub(context);
        let to = (changes[group_end] + context + 1).min(script.len());
        write_hunk(&script, from..to, (&old, &new), &mut out);
        group_start = group_end + 1;
    }
    out
}

/// One `@@ -a,b +c,d @@` hunk over `script[range]`.
fn write_hunk(
    script: &[Op],
    range: std::ops::Range<usize>,
    (old, new): (&[&str], &[&str]),
    out: &mut String,
) {
    // Line indexes at the start of the range.
    let (mut o, mut n) = (0, 0);
    for op in &script[..range.start] {
        match op {
            Op::Equal => (o, n) = (o + 1, n + 1),
            Op::Delete => o += 1,
            Op::Insert => n += 1,
        }
    }
    let ops = &script[range];
    let old_count = ops.iter().filter(|op| **op != Op::Insert).count();
    let new_count = ops.iter().filter(|op| **op != Op::Delete).count();
    out.push_str(&format!(
        "@@ -{} +{} @@\n",
        range_text(o, old_count),
        range_text(n, new_count)
    ));
    for op in ops {
        let (sign, line) = match op {
            Op::Equal => {
                let line = old[o];
                (o, n) = (o + 1, n + 1);
                (' ', line)
            }
            Op::Delete => {
                o += 1;
                ('-', old[o - 1])
            }
            Op::Insert => {
                n += 1;
                ('+', new[n - 1])
            }
        };
        out.push(sign);
        match line.strip_suffix('\n') {
            Some(body) => {
                out.push_str(body);
                out.push('\n');
            }
            None => {
                out.push_str(line);
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
}

/// `start,count` as diff writes it: 1-based, the count left out when it is 1, and the line
/// before an empty range as its start.
fn range_text(start: usize, count: usize) -> String {
    match count {
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{count}", start + 1),
    }
}

/// A shortest edit script ([`line_diff::matched_lines`]) on the lines with their line breaks,
/// so a changed line end is a changed line.
fn script(old: &[&str], new: &[&str]) -> Vec<Op> {
    let mut ops = Vec::with_capacity(old.len().max(new.len()));
    let (mut x, mut y) = (0, 0);
    let end = (old.len(), new.len());
    for (mx, my) in line_diff::matched_lines(old, new)
        .into_iter()
        .chain(std::iter::once(end))
    {
        ops.extend(std::iter::repeat_n(Op::Delete, mx - x));
        ops.extend(std::iter::repeat_n(Op::Insert, my - y));
        if (mx, my) != end {
            ops.push(Op::Equal);
        }
        (x, y) = (mx + 1, my + 1);
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_line_with_context_and_count_shorthands() {
        let before = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let after = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(
            unified("x/meta.yml", before, after, 3),
            "--- a/x/meta.yml\n+++ b/x/meta.yml\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
        assert_eq!(hunks("a\n", "b\n", 3), "@@ -1 +1 @@\n-a\n+b\n");
        assert_eq!(unified("p", "same", "same", 3), "");
    }

    #[test]
    fn distant_changes_are_separate_hunks_and_near_ones_merge() {
        let before: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let after = before
            .replacen("2\n", "two\n", 1)
            .replace("19\n", "nineteen\n");
        let diff = hunks(&before, &after, 1);
        assert_eq!(
            diff,
            "@@ -1,3 +1,3 @@\n 1\n-2\n+two\n 3\n@@ -18,3 +18,3 @@\n 18\n-19\n+nineteen\n 20\n"
        );
        let near = before
            .replacen("5\n", "five\n", 1)
            .replacen("7\n", "seven\n", 1);
        assert_eq!(hunks(&before, &near, 1).matches("@@ -").count(), 1);
    }

    #[test]
    fn insertions_deletions_and_missing_final_newlines() {
        assert_eq!(
            hunks("images:\n  a: a", "images:\n  a: a\n  b: b", 3),
            "@@ -1,2 +1,3 @@\n images:\n-  a: a\n\\ No newline at end of file\n+  a: a\n+  b: b\n\\ No newline at end of file\n"
        );
        assert_eq!(hunks("a\nb\n", "a\n", 0), "@@ -2 +1,0 @@\n-b\n");
        assert_eq!(hunks("", "a\n", 0), "@@ -0,0 +1 @@\n+a\n");
        assert_eq!(
            hunks("a\r\nb\r\n", "a\r\nc\r\n", 0),
            "@@ -2 +2 @@\n-b\r\n+c\r\n"
        );
    }

    #[test]
    fn the_script_is_minimal() {
        let old = ["a", "b", "c", "a", "b", "b", "a"];
        let new = ["c", "b", "a", "b", "a", "c"];
        let ops = script(&old, &new);
        assert_eq!(ops.iter().filter(|op| **op != Op::Equal).count(), 5);
    }
}
