//! Reading an image tag from the right: optional `-dev`, then the `-oe<release>` OS suffix,
//! then the head (`<version>` or stack components). Versions contain `-` and `.`, so only the
//! right end has a fixed shape.

use std::ops::Range;

use crate::domain::os_release::{OsRelease, ReleaseTable};

/// A tag split at its OS suffix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagParts<'a> {
    /// Everything before `-oe…`: `2.2.0-cann8.0.RC1` in `2.2.0-cann8.0.RC1-oe2203sp4`.
    pub head: &'a str,
    /// The well-formed release named by the suffix (it may still be unknown to the table).
    pub os: OsRelease,
    /// Byte range of `oe2203sp4` inside the tag.
    pub os_range: Range<usize>,
    /// The tag ends in `-dev`.
    pub dev: bool,
}

pub const DEV_SUFFIX: &str = "-dev";

/// Docker's limit on the length of a tag.
pub const MAX_TAG_LEN: usize = 128;

/// A valid Docker tag as close to `tag` as possible: `+` becomes `_` (the repository's own
/// convention), `/` and spaces become `-`, anything else `_`.
pub fn valid_spelling(tag: &str) -> String {
    let mapped: String = tag
        .chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '_' | '.' | '-' => c,
            '/' | ' ' | ':' => '-',
            _ => '_',
        })
        .collect();
    mapped
        .trim_start_matches(['-', '.'])
        .chars()
        .take(MAX_TAG_LEN)
        .collect()
}

/// Whether Docker accepts `tag`: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
pub fn is_valid(tag: &str) -> bool {
    !tag.is_empty() && valid_spelling(tag) == tag
}

/// The tag without a trailing `-dev`, and whether it had one.
pub fn strip_dev(tag: &str) -> (&str, bool) {
    match tag.strip_suffix(DEV_SUFFIX) {
        Some(body) => (body, true),
        None => (tag, false),
    }
}

/// Splits `tag` at a well-formed `-oe<YYMM>[lts|spN]` suffix (before an optional `-dev`).
/// Returns `None` when the tag has no such suffix.
pub fn split(tag: &str) -> Option<TagParts<'_>> {
    let (body, dev) = strip_dev(tag);
    let at = body.rfind("-oe")?;
    let os = OsRelease::parse_suffix(&body[at + 3..])?;
    Some(TagParts {
        head: &body[..at],
        os,
        os_range: at + 1..body.len(),
        dev,
    })
}

/// A tag whose OS suffix is misspelled but recognisable (`1.16-22.03-lts`, `1.0-OE2203SP3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisspelledSuffix<'a> {
    pub head: &'a str,
    pub os: OsRelease,
    /// Byte range of the misspelled suffix (after its `-`) inside the tag.
    pub suffix_range: Range<usize>,
    pub dev: bool,
}

impl MisspelledSuffix<'_> {
    /// The tag as it should be written: `<head>-oe<suffix>[-dev]`.
    pub fn corrected(&self) -> String {
        with_suffix(self.head, &self.os, self.dev)
    }
}

/// `<head>-oe<release>[-dev]`.
pub fn with_suffix(head: &str, os: &OsRelease, dev: bool) -> String {
    let dev = if dev { DEV_SUFFIX } else { "" };
    format!("{head}-oe{}{dev}", os.suffix())
}

/// Finds a misspelled OS suffix naming a known release. Tries the longest tail after a `-`
/// first, so `9.0.10-20.03-lts-sp1` reads as `9.0.10` on `20.03-lts-sp1`.
pub fn split_misspelled<'a>(tag: &'a str, releases: &ReleaseTable) -> Option<MisspelledSuffix<'a>> {
    let (body, dev) = strip_dev(tag);
    body.match_indices('-').find_map(|(at, _)| {
        let os = OsRelease::parse_lenient(&body[at + 1..])?;
        releases.contains(&os).then_some(MisspelledSuffix {
            head: &body[..at],
            os,
            suffix_range: at + 1..body.len(),
            dev,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::os_release::Flavor;

    #[test]
    fn splits_at_the_os_suffix_from_the_right() {
        let parts = split("2.2.0-cann8.0.RC1-oe2203sp4").expect("well-formed");
        assert_eq!(parts.head, "2.2.0-cann8.0.RC1");
        assert_eq!(parts.os, OsRelease::new(22, 3, Flavor::Sp(4)));
        assert_eq!(
            &"2.2.0-cann8.0.RC1-oe2203sp4"[parts.os_range.clone()],
            "oe2203sp4"
        );
        assert!(!parts.dev);
    }

    #[test]
    fn dev_comes_after_the_suffix() {
        let parts = split("pytorch2.1.0-cann7.0-oe2403lts-dev").expect("well-formed");
        assert!(parts.dev);
        assert_eq!(parts.head, "pytorch2.1.0-cann7.0");
    }

    #[test]
    fn misspelled_suffixes_are_recognised_with_their_head() {
        let releases = ReleaseTable::default();
        for (tag, fixed) in [
            ("1.16-22.03-lts", "1.16-oe2203lts"),
            ("2.5.0-oe24.03lts", "2.5.0-oe2403lts"),
            ("1.0-oe2203ltssp3", "1.0-oe2203sp3"),
            ("9.0.10-20.03-lts-sp1", "9.0.10-oe2003sp1"),
            ("1.0-oe2203-sp3", "1.0-oe2203sp3"),
            ("1.0-OE2203SP3-dev", "1.0-oe2203sp3-dev"),
        ] {
            let parts = split_misspelled(tag, &releases).expect(tag);
            assert_eq!(parts.corrected(), fixed);
        }
        assert_eq!(split_misspelled("1.0-oe2203sp9x", &releases), None);
        assert_eq!(split_misspelled("latest", &releases), None);
        assert_eq!(split_misspelled("1.0-2212", &releases), None);
    }

    #[test]
    fn valid_spellings_follow_the_repository_convention() {
        assert_eq!(valid_spelling("1.0+v2-oe2403lts"), "1.0_v2-oe2403lts");
        assert_eq!(valid_spelling("-x/y z"), "x-y-z");
        assert!(is_valid("1.0-oe2403lts") && !is_valid("") && !is_valid(".a") && !is_valid("a~"));
    }

    #[test]
    fn malformed_suffixes_do_not_split() {
        for tag in ["1.0-22.03-lts", "1.0-oe24.03lts", "1.0-oe2203ltssp3", "1.0"] {
            assert_eq!(split(tag), None, "{tag}");
        }
    }
}
