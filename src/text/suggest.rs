//! "Did you mean": edit distance and nearest candidates, used by every rule that suggests a
//! spelling (entry keys, Dockerfile paths, OS releases, tags).

/// Optimal-string-alignment distance over characters: insertions, deletions, substitutions
/// and swaps of two neighbours (`Dcokerfile` is one edit from `Dockerfile`) each cost 1.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rolling rows: two rows back is needed for swaps.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// Whether `a` and `b` are at most `max` edits apart. Strings whose lengths differ by more
/// are refused without the quadratic table: a 2 MiB `path` against every Dockerfile name took
/// tens of seconds.
pub fn within(a: &str, b: &str, max: usize) -> bool {
    a.chars().count().abs_diff(b.chars().count()) <= max && edit_distance(a, b) <= max
}

/// Distance ignoring ASCII case, with a case-only difference counted as a tiny edit so that
/// `24.03-LTS` prefers `24.03-lts` over an equally distant candidate.
fn score(needle: &str, candidate: &str) -> (usize, usize) {
    let folded = edit_distance(
        &needle.to_ascii_lowercase(),
        &candidate.to_ascii_lowercase(),
    );
    (folded, edit_distance(needle, candidate))
}

/// The default tolerance: about one edit in three characters, at least two.
pub fn default_max_distance(needle: &str) -> usize {
    (needle.chars().count() / 3).max(2)
}

/// Up to `max` candidates closest to `needle` (ignoring case), best first, within the default
/// tolerance. Ties keep the candidates' order; an exact match is never suggested.
pub fn nearest<'a>(
    needle: &str,
    candidates: impl Iterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    nearest_within(needle, candidates, max, default_max_distance(needle))
}

/// Like [`nearest`], with an explicit tolerance in edits.
pub fn nearest_within<'a>(
    needle: &str,
    candidates: impl Iterator<Item = &'a str>,
    max: usize,
    max_distance: usize,
) -> Vec<&'a str> {
    let mut scored: Vec<((usize, usize), usize, &'a str)> = Vec::new();
    for (order, candidate) in candidates.enumerate() {
        if candidate == needle
            || scored.iter().any(|(_, _, c)| *c == candidate)
            || needle.chars().count().abs_diff(candidate.chars().count()) > max_distance
        {
            continue;
        }
        let distance = score(needle, candidate);
        if distance.0 <= max_distance {
            scored.push((distance, order, candidate));
        }
    }
    crate::sort::sort(&mut scored);
    scored.into_iter().take(max).map(|(_, _, c)| c).collect()
}

/// The one candidate closest to `needle` within the default tolerance, when no other is as
/// close: a suggestion certain enough to offer as a fix.
pub fn clear_nearest<'a>(
    needle: &str,
    candidates: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    match nearest_within(needle, candidates, 2, default_max_distance(needle)).as_slice() {
        [one] => Some(one),
        [first, second] if score(needle, first) < score(needle, second) => Some(first),
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
            clear_nearest("cann7.0.RC1.alpha002-oe2203sp2", tags.iter().copied()),
            Some("7.0.RC1.alpha002-oe2203sp2")
        );
        let tied = ["8.0.RC1-oe2203sp4", "8.0.RC2-oe2203sp3"];
        assert_eq!(
            clear_nearest("8.0.RC1-oe2203sp3", tied.iter().copied()),
            None
        );
        assert_eq!(clear_nearest("x", tags.iter().copied()), None);
    }

    #[test]
    fn duplicates_are_suggested_once() {
        let tags = ["a1", "a1", "a2"];
        assert_eq!(nearest("a3", tags.iter().copied(), 5), ["a1", "a2"]);
    }
}
