//! "Did you mean": edit distance and nearest candidates, used by every rule that suggests a
//! spelling (entry keys, Dockerfile paths, OS releases, tags).
//!
//! Distances are computed in a band: a pair further apart than the largest distance still of
//! interest is given up after `O(length × band)` steps, and strings whose lengths alone rule
//! them out cost nothing. Suggestions among candidates that grow with the repository (an
//! image's Dockerfiles, its tags, configured releases) also draw on a [`Budget`], so that a
//! file of thousands of misses is still checked in time linear in its size.

use std::cell::{Cell, OnceCell};
use std::collections::HashSet;

/// A work allowance for suggestions among repository-sized candidate lists, in distance-table
/// cells. Once it is spent, suggestions are left out (the findings are not): "did you mean"
/// helps with a slip or two, and a file with thousands of them is not worth quadratic work.
#[derive(Debug)]
pub struct Budget {
    left: Cell<u64>,
}

impl Budget {
    /// Cells of distance table allowed per byte of input: far more than a real repository
    /// needs (the 2026-08 snapshot uses under 2% of its allowance).
    pub const CELLS_PER_INPUT_BYTE: u64 = 64;

    pub fn new(cells: u64) -> Budget {
        Budget {
            left: Cell::new(cells),
        }
    }

    /// The allowance for an input of `bytes` bytes.
    pub fn for_input(bytes: usize) -> Budget {
        // A floor, so that a tiny repository with a long list still gets its suggestions.
        Budget::new(
            (bytes as u64)
                .saturating_mul(Self::CELLS_PER_INPUT_BYTE)
                .max(1 << 20),
        )
    }

    /// Whether nothing is left.
    pub fn is_spent(&self) -> bool {
        self.left.get() == 0
    }

    /// Takes `cells` if that many are left.
    pub fn spend(&self, cells: u64) -> bool {
        match self.left.get().checked_sub(cells) {
            Some(left) => {
                self.left.set(left);
                true
            }
            None => {
                self.left.set(0);
                false
            }
        }
    }
}

/// Optimal-string-alignment distance over characters: insertions, deletions, substitutions
/// and swaps of two neighbours (`Dcokerfile` is one edit from `Dockerfile`) each cost 1.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let max = a.len().max(b.len());
    bounded(&a, &b, max, |x, y| x == y).unwrap_or(max)
}

/// The distance between `a` and `b` when it is at most `max`, in `O(len × max)` steps.
fn bounded<T: Copy>(a: &[T], b: &[T], max: usize, same: impl Fn(T, T) -> bool) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // No distance exceeds the longer length, so a larger bound changes nothing.
    let max = max.min(a.len().max(b.len()));
    let far = max + 1;
    let width = b.len() + 1;
    // Three rolling rows: two rows back is needed for swaps. Cells outside the band stay
    // `far`, which is all a result above `max` needs to know.
    let mut before = vec![far; width];
    let mut previous: Vec<usize> = (0..width).map(|j| j.min(far)).collect();
    let mut current = vec![far; width];
    for i in 1..=a.len() {
        let low = i.saturating_sub(max).max(1);
        let high = (i + max).min(b.len());
        current[0] = i.min(far);
        if low > 1 {
            current[low - 1] = far;
        }
        let mut row_best = current[0];
        for j in low..=high {
            let cost = usize::from(!same(a[i - 1], b[j - 1]));
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]) {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best.min(far);
            row_best = row_best.min(current[j]);
        }
        if high < b.len() {
            current[high + 1] = far;
        }
        if row_best > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= max).then_some(distance)
}

/// Whether `a` and `b` are at most `max` edits apart.
pub fn within(a: &str, b: &str, max: usize) -> bool {
    within_by(a, b, max, |x, y| x == y)
}

/// Whether `a` and `b` are at most `max` edits apart, ignoring ASCII case. Allocates nothing
/// for ASCII text: it runs on every file name of the repository.
pub fn within_ignoring_case(a: &str, b: &str, max: usize) -> bool {
    within_by(a, b, max, |x: char, y: char| x.eq_ignore_ascii_case(&y))
}

fn within_by(a: &str, b: &str, max: usize, same: impl Fn(char, char) -> bool) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let same = |x: u8, y: u8| same(char::from(x), char::from(y));
        return bounded(a.as_bytes(), b.as_bytes(), max, same).is_some();
    }
    // A character is at most four bytes, so byte lengths already rule far pairs out.
    if a.len().abs_diff(b.len()) > 4 * (max + a.len().min(b.len())) {
        return false;
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded(&a, &b, max, same).is_some()
}

/// The default tolerance: about one edit in three characters, at least two.
pub fn default_max_distance(needle: &str) -> usize {
    (needle.chars().count() / 3).max(2)
}

/// Up to `max` candidates closest to `needle` (ignoring case), best first, within the default
/// tolerance. Ties keep the candidates' order; an exact match is never suggested. For short,
/// fixed candidate lists (keys, architectures, rule codes); lists that grow with the
/// repository use [`nearest_budgeted`].
pub fn nearest<'a>(
    needle: &str,
    candidates: impl Iterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let unlimited = Budget::new(u64::MAX);
    nearest_budgeted(
        needle,
        candidates,
        max,
        default_max_distance(needle),
        &unlimited,
    )
}

/// The one string being matched against many candidates, prepared once. Its characters are
/// only collected when a candidate's length comes close: a 2 MiB `path` is compared with
/// nothing.
struct Needle<'n> {
    text: &'n str,
    length: usize,
    chars: OnceCell<(Vec<char>, Vec<char>)>,
}

impl Needle<'_> {
    fn new(text: &str) -> Needle<'_> {
        Needle {
            text,
            length: text.chars().count(),
            chars: OnceCell::new(),
        }
    }

    /// The characters, and the characters with ASCII letters lower-cased.
    fn chars(&self) -> &(Vec<char>, Vec<char>) {
        self.chars.get_or_init(|| {
            let chars: Vec<char> = self.text.chars().collect();
            let folded = chars.iter().map(char::to_ascii_lowercase).collect();
            (chars, folded)
        })
    }

    /// (distance ignoring ASCII case, distance) when the first is at most `max`, with the
    /// cells computed charged to `budget`; `None` when further, or when the budget is spent.
    fn score(&self, candidate: &str, max: usize, budget: &Budget) -> Option<(usize, usize)> {
        let length = candidate.chars().count();
        if self.length.abs_diff(length) > max {
            return None;
        }
        let cells = |band: usize| (self.length as u64 + 1) * (2 * band as u64 + 1);
        if !budget.spend(cells(max.min(self.length.max(length)))) {
            return None;
        }
        let ascii = self.text.is_ascii() && candidate.is_ascii();
        let folded = if ascii {
            bounded(self.text.as_bytes(), candidate.as_bytes(), max, |x, y| {
                x.eq_ignore_ascii_case(&y)
            })
        } else {
            let candidate: Vec<char> = candidate.chars().map(|c| c.to_ascii_lowercase()).collect();
            bounded(&self.chars().1, &candidate, max, |x, y| x == y)
        }?;
        let has_upper = |text: &str| text.bytes().any(|b| b.is_ascii_uppercase());
        if !has_upper(self.text) && !has_upper(candidate) {
            return Some((folded, folded));
        }
        // Case differences add at most one edit per character: a tie-breaker, so `24.03-LTS`
        // prefers `24.03-lts` over an equally distant candidate.
        let exact_max = folded + self.length.min(length);
        if !budget.spend(cells(exact_max)) {
            return None;
        }
        let exact = if ascii {
            bounded(
                self.text.as_bytes(),
                candidate.as_bytes(),
                exact_max,
                |x, y| x == y,
            )
        } else {
            let candidate: Vec<char> = candidate.chars().collect();
            bounded(&self.chars().0, &candidate, exact_max, |x, y| x == y)
        }?;
        Some((folded, exact))
    }
}

/// Like [`nearest`], with an explicit tolerance in edits (`usize::MAX`: however far) and the
/// work charged to `budget`. Candidates are compared only as far as the best ones kept so far
/// allow, so near misses among many candidates are found quickly.
pub fn nearest_budgeted<'a>(
    needle: &str,
    candidates: impl Iterator<Item = &'a str>,
    max: usize,
    max_distance: usize,
    budget: &Budget,
) -> Vec<&'a str> {
    if max == 0 {
        return Vec::new();
    }
    let needle = Needle::new(needle);
    let mut seen: HashSet<&str> = HashSet::new();
    // The best `max` so far, sorted by (score, order).
    let mut kept: Vec<((usize, usize), usize, &'a str)> = Vec::with_capacity(max + 1);
    for (order, candidate) in candidates.enumerate() {
        // Looking at a candidate costs a cell even when its length rules it out.
        if !budget.spend(1) {
            break;
        }
        if candidate == needle.text || !seen.insert(candidate) {
            continue;
        }
        let bound = match kept.get(max - 1) {
            Some(((worst, _), _, _)) => *worst,
            None => max_distance,
        };
        let Some(score) = needle.score(candidate, bound, budget) else {
            continue;
        };
        let at = kept.partition_point(|(kept_score, _, _)| *kept_score <= score);
        if at < max {
            kept.insert(at, (score, order, candidate));
            kept.truncate(max);
        }
    }
    kept.into_iter().map(|(_, _, c)| c).collect()
}

/// The one candidate closest to `needle` within the default tolerance, when no other is as
/// close: a suggestion certain enough to offer as a fix. The search is charged to `budget`.
pub fn clear_nearest<'a>(
    needle: &str,
    candidates: impl Iterator<Item = &'a str>,
    budget: &Budget,
) -> Option<&'a str> {
    let max = default_max_distance(needle);
    match nearest_budgeted(needle, candidates, 2, max, budget).as_slice() {
        [one] => Some(one),
        [first, second] => {
            let needle = Needle::new(needle);
            let unlimited = Budget::new(u64::MAX);
            let score = |candidate| needle.score(candidate, max, &unlimited);
            (score(first) < score(second)).then_some(*first)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_refuses_far_lengths_and_agrees_otherwise() {
        assert!(within("Dcokerfile", "Dockerfile", 1));
        assert!(!within("Dockerfile", "Dockerfile.bak", 2));
        assert!(!within(&"x".repeat(2_000_000), "Dockerfile", 2));
        assert!(within_ignoring_case("DCOKERFILE", "dockerfile", 1));
        assert!(!within_ignoring_case("DCOKERFILE", "dockerfile", 0));
        assert!(within_ignoring_case("dockérfile", "DOCKERFILE", 1));
        assert_eq!(
            nearest(&"x".repeat(100_000), ["x"].into_iter(), 1),
            [] as [&str; 0]
        );
    }

    #[test]
    fn distances_count_swaps_as_one_edit() {
        assert_eq!(edit_distance("Dcokerfile", "Dockerfile"), 1);
        assert_eq!(edit_distance("pth", "path"), 1);
        assert_eq!(edit_distance("arches", "arch"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("héllo", "hello"), 1);
        assert_eq!(edit_distance("abc", "ca"), 3);
    }

    #[test]
    fn banded_distances_agree_with_the_full_table() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "bca",
            "24.03-lts",
            "24.03-LTS",
            "22.03-lts-sp4",
            "Dockerfile",
            "Dcokerfile",
            "dockerfile.arm64",
            "éü",
            "üé",
        ];
        for a in words {
            for b in words {
                let full = edit_distance(a, b);
                let (ac, bc): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
                for max in 0..6 {
                    let expected = (full <= max).then_some(full);
                    assert_eq!(
                        bounded(&ac, &bc, max, |x, y| x == y),
                        expected,
                        "{a} {b} {max}"
                    );
                    assert_eq!(within(a, b, max), full <= max, "{a} {b} {max}");
                }
            }
        }
    }

    #[test]
    fn nearest_prefers_the_closest_and_respects_the_tolerance() {
        let keys = ["path", "arch"];
        assert_eq!(nearest("pth", keys.iter().copied(), 1), ["path"]);
        assert_eq!(nearest("arches", keys.iter().copied(), 1), ["arch"]);
        assert!(nearest("maintainer", keys.iter().copied(), 1).is_empty());
    }

    #[test]
    fn case_only_differences_win_ties_and_exact_matches_are_skipped() {
        let dirs = ["24.03-lts-sp1", "24.03-lts", "24.03-LTS"];
        assert_eq!(nearest("24.03-LTS", dirs.iter().copied(), 2), ["24.03-lts"]);
        let names = ["Dockerfilx", "dockerfile"];
        assert_eq!(
            nearest("Dockerfile", names.iter().copied(), 2),
            ["dockerfile", "Dockerfilx"]
        );
    }

    #[test]
    fn a_clear_nearest_has_no_rival() {
        let tags = ["7.0.RC1.alpha002-oe2203sp2", "8.0.RC1-oe2203sp4"];
        assert_eq!(
            clear_nearest(
                "cann7.0.RC1.alpha002-oe2203sp2",
                tags.iter().copied(),
                &Budget::new(u64::MAX)
            ),
            Some("7.0.RC1.alpha002-oe2203sp2")
        );
        let tied = ["8.0.RC1-oe2203sp4", "8.0.RC2-oe2203sp3"];
        assert_eq!(
            clear_nearest(
                "8.0.RC1-oe2203sp3",
                tied.iter().copied(),
                &Budget::new(u64::MAX)
            ),
            None
        );
        assert_eq!(
            clear_nearest("x", tags.iter().copied(), &Budget::new(u64::MAX)),
            None
        );
    }

    #[test]
    fn duplicates_are_suggested_once() {
        let tags = ["a1", "a1", "a2"];
        assert_eq!(nearest("a3", tags.iter().copied(), 5), ["a1", "a2"]);
    }

    #[test]
    fn unbounded_searches_keep_the_best_in_order_and_stop_when_the_budget_is_spent() {
        let tags = [
            "8.0.RC1-oe2203sp4",
            "7.0.RC1.alpha002-oe2203sp2",
            "8.1.RC1-oe2203lts",
        ];
        let plenty = Budget::new(u64::MAX);
        assert_eq!(
            nearest_budgeted(
                "7.0.RC1-oe2203sp2",
                tags.iter().copied(),
                2,
                usize::MAX,
                &plenty
            ),
            ["8.0.RC1-oe2203sp4", "8.1.RC1-oe2203lts"]
        );
        let spent = Budget::new(10);
        assert!(nearest_budgeted(
            "7.0.RC1-oe2203sp2",
            tags.iter().copied(),
            2,
            usize::MAX,
            &spent
        )
        .is_empty());
        assert!(!spent.spend(1));
    }
}
