//! Which lines of a file a change touched: a line diff of the base and head texts (Myers'
//! O(ND) algorithm), so that every shell places findings on the changed lines the same way,
//! without a diff tool. A change too large to align cheaply counts as rewriting the file.

use std::collections::HashMap;

/// The lines one file's change touched, on the head side, and where base lines went.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LineChanges {
    /// Inclusive 1-based line ranges of the head text that the change added or replaced; a
    /// pure deletion marks the head line where the deleted lines were (as `git diff -U0` does:
    /// the line after which they were removed, or line 1).
    pub changed: Vec<(usize, usize)>,
    /// For each base line (index 0 = line 1), the head line it became, or for a deleted line
    /// the head line where it was.
    base_to_head: Vec<usize>,
}

impl LineChanges {
    /// Whether lines `start..=end` of the head text overlap what the change touched.
    pub fn touches(&self, start: usize, end: usize) -> bool {
        self.changed
            .iter()
            .any(|&(from, to)| start <= to && end >= from)
    }

    /// The head line a base line became (or where it was deleted).
    pub fn head_line(&self, base_line: usize) -> usize {
        base_line
            .checked_sub(1)
            .and_then(|index| self.base_to_head.get(index))
            .copied()
            .unwrap_or_else(|| self.base_to_head.last().copied().unwrap_or(1))
            .max(1)
    }

    /// The changed line closest to `line`, and its distance; `None` when nothing changed.
    pub fn distance(&self, line: usize) -> Option<usize> {
        self.changed
            .iter()
            .map(|&(from, to)| {
                if line < from {
                    from - line
                } else {
                    line.saturating_sub(to)
                }
            })
            .min()
    }
}

/// Edits beyond this are not aligned: the whole head text counts as changed. Bounds the work
/// (Myers is O(N·D) in time and keeps O(D²) of trace) on a file rewritten from scratch.
const MAX_EDITS: usize = 1000;

/// The changes from `base` to `head`, line by line.
pub fn diff<'t>(base: &'t str, head: &'t str) -> LineChanges {
    let old = lines(base);
    let new = lines(head);
    let matched = matched_lines(&old, &new);
    let (old_len, new_len) = (old.len(), new.len());
    build(&matched, old_len, new_len)
}

/// The pairs (0-based) of equal lines a shortest edit script keeps, across both texts; none
/// in the changed middle when it is too different to align. The unified diff of fixes is built
/// on it too, with the line breaks kept in the lines.
pub(crate) fn matched_lines<'t>(old: &[&'t str], new: &[&'t str]) -> Vec<(usize, usize)> {
    // Lines become small integers, so the diff compares numbers, not strings.
    let mut ids: HashMap<&'t str, usize> = HashMap::new();
    let old_ids = numbered(old, &mut ids);
    let new_ids = numbered(new, &mut ids);
    let prefix = old_ids
        .iter()
        .zip(&new_ids)
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = old_ids[prefix..]
        .iter()
        .rev()
        .zip(new_ids[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    // Too different to align: nothing in the middle matches.
    let middle = myers(
        &old_ids[prefix..old_ids.len() - suffix],
        &new_ids[prefix..new_ids.len() - suffix],
    )
    .unwrap_or_default();
    let mut matched: Vec<(usize, usize)> = (0..prefix).map(|i| (i, i)).collect();
    matched.extend(middle.into_iter().map(|(a, b)| (a + prefix, b + prefix)));
    let (old_len, new_len) = (old_ids.len(), new_ids.len());
    matched.extend((0..suffix).map(|i| (old_len - suffix + i, new_len - suffix + i)));
    matched
}

/// Each line as a number, equal lines equal numbers.
fn numbered<'t>(lines: &[&'t str], ids: &mut HashMap<&'t str, usize>) -> Vec<usize> {
    lines
        .iter()
        .map(|line| {
            let next = ids.len();
            *ids.entry(line).or_insert(next)
        })
        .collect()
}

/// Turns matched line pairs into changed head ranges and the base-to-head line map.
fn build(matched: &[(usize, usize)], old_len: usize, new_len: usize) -> LineChanges {
    let mut changed = Vec::new();
    let mut base_to_head = vec![0; old_len];
    let (mut a, mut b) = (0, 0);
    let mut gaps: Vec<(usize, usize, usize, usize)> = Vec::new();
    for &(x, y) in matched.iter().chain(std::iter::once(&(old_len, new_len))) {
        if x > a || y > b {
            gaps.push((a, x, b, y));
        }
        if x < old_len {
            base_to_head[x] = y + 1;
        }
        a = x + 1;
        b = y + 1;
    }
    for (old_start, old_end, new_start, new_end) in gaps {
        let mark = if new_end > new_start {
            changed.push((new_start + 1, new_end));
            new_start + 1
        } else {
            // Lines were only removed: mark the line after which they were, as git does.
            new_start.max(1).min(new_len.max(1))
        };
        if new_end == new_start {
            changed.push((mark, mark));
        }
        for line in base_to_head.iter_mut().take(old_end).skip(old_start) {
            *line = mark;
        }
    }
    changed.dedup();
    LineChanges {
        changed,
        base_to_head,
    }
}

/// The lines of a text without their terminators; a final newline ends the last line.
fn lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.split('\n').collect();
    if text.ends_with('\n') {
        lines.pop();
    }
    lines
        .into_iter()
        .map(|line| line.strip_suffix('\r').unwrap_or(line))
        .collect()
}

/// Myers' shortest edit script: the matched index pairs of a longest common subsequence, or
/// `None` beyond [`MAX_EDITS`].
fn myers(a: &[usize], b: &[usize]) -> Option<Vec<(usize, usize)>> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return Some(Vec::new());
    }
    let max = (n + m).min(MAX_EDITS);
    let offset = max + 1;
    let mut v = vec![0usize; 2 * max + 3];
    // Per step d, the furthest x of diagonals -d..=d before the step (all backtracking reads).
    let mut trace: Vec<Vec<usize>> = Vec::new();
    for d in 0..=max {
        trace.push(v[offset - d.min(offset)..=offset + d].to_vec());
        let mut k = -(d as isize);
        while k <= d as isize {
            let index = (k + offset as isize) as usize;
            let mut x = if k == -(d as isize) || (k != d as isize && v[index - 1] < v[index + 1]) {
                v[index + 1]
            } else {
                v[index - 1] + 1
            };
            let mut y = (x as isize - k) as usize;
            while x < n && y < m && a[x] == b[y] {
                x += 1;
                y += 1;
            }
            v[index] = x;
            if x >= n && y >= m {
                return Some(backtrack(&trace, a, b, d));
            }
            k += 2;
        }
    }
    None
}

fn backtrack(trace: &[Vec<usize>], a: &[usize], b: &[usize], last: usize) -> Vec<(usize, usize)> {
    let (mut x, mut y) = (a.len(), b.len());
    let mut matched = Vec::new();
    for d in (1..=last).rev() {
        // trace[d] holds diagonals -d..=d: diagonal k is at index k + d.
        let v = &trace[d];
        let at = |k: isize| v[(k + d as isize) as usize];
        let k = x as isize - y as isize;
        let previous_k = if k == -(d as isize) || (k != d as isize && at(k - 1) < at(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let previous_x = at(previous_k);
        let previous_y = (previous_x as isize - previous_k) as usize;
        while x > previous_x && y > previous_y {
            x -= 1;
            y -= 1;
            matched.push((x, y));
        }
        x = previous_x;
        y = previous_y;
    }
    while x > 0 && y > 0 {
        x -= 1;
        y -= 1;
        matched.push((x, y));
    }
    matched.reverse();
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_change_nothing() {
        let changes = diff("a\nb\n", "a\nb\n");
        assert!(changes.changed.is_empty());
        assert_eq!(changes.head_line(2), 2);
    }

    #[test]
    fn added_and_replaced_lines_are_marked_on_the_head_side() {
        let changes = diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n");
        assert_eq!(changes.changed, [(2, 2), (5, 5)]);
        assert!(changes.touches(1, 2) && !changes.touches(3, 4));
        assert_eq!(changes.head_line(3), 3);
    }

    #[test]
    fn a_deletion_marks_the_line_where_the_lines_were() {
        let changes = diff("a\nb\nc\nd\n", "a\nd\n");
        assert_eq!(changes.changed, [(1, 1)]);
        assert_eq!(changes.head_line(2), 1);
        assert_eq!(changes.head_line(4), 2);
        let changes = diff("a\nb\n", "b\n");
        assert_eq!(changes.changed, [(1, 1)]);
        assert_eq!(changes.head_line(1), 1);
    }

    #[test]
    fn crlf_and_a_missing_final_newline_do_not_count_as_changes() {
        assert!(diff("a\r\nb\r\n", "a\nb").changed.is_empty());
    }

    #[test]
    fn distance_is_to_the_nearest_changed_line() {
        let changes = diff("a\nb\nc\nd\ne\n", "a\nb\nC\nd\ne\n");
        assert_eq!(changes.distance(3), Some(0));
        assert_eq!(changes.distance(5), Some(2));
        assert_eq!(diff("a\n", "a\n").distance(1), None);
    }

    #[test]
    fn a_rewritten_file_is_all_changed_without_quadratic_work() {
        let base: String = (0..20_000).map(|i| format!("old {i}\n")).collect();
        let head: String = (0..20_000).map(|i| format!("new {i}\n")).collect();
        let changes = diff(&base, &head);
        assert_eq!(changes.changed, [(1, 20_000)]);
    }
}
