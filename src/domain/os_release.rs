//! openEuler releases: their folder names (`22.03-lts-sp4`), their tag suffixes (`oe2203sp4`)
//! and the table of releases that exist. The table lives in [`crate::domain::tables::Config`] so a
//! configuration file can extend it.

use std::collections::BTreeSet;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flavor {
    /// The LTS base release (`22.03-lts`, suffix `2203lts`).
    Lts,
    /// A service pack of an LTS release (`22.03-lts-sp4`, suffix `2203sp4`).
    Sp(u8),
    /// An innovation release (`23.09`, suffix `2309`).
    Innovation,
}

/// One openEuler release, e.g. 22.03 LTS SP4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OsRelease {
    pub year: u8,
    pub month: u8,
    pub flavor: Flavor,
}

impl OsRelease {
    pub const fn new(year: u8, month: u8, flavor: Flavor) -> OsRelease {
        OsRelease {
            year,
            month,
            flavor,
        }
    }

    /// The compact form used in tags after `-oe`: `2203sp4`, `2403lts`, `2309`.
    pub fn suffix(&self) -> String {
        let base = format!("{:02}{:02}", self.year, self.month);
        match self.flavor {
            Flavor::Lts => format!("{base}lts"),
            Flavor::Sp(n) => format!("{base}sp{n}"),
            Flavor::Innovation => base,
        }
    }

    /// The release folder name: `22.03-lts-sp4`, `24.03-lts`, `23.09`.
    pub fn dir_name(&self) -> String {
        let (year, month) = (self.year, self.month);
        match self.flavor {
            Flavor::Lts => format!("{year:02}.{month:02}-lts"),
            Flavor::Sp(n) => format!("{year:02}.{month:02}-lts-sp{n}"),
            Flavor::Innovation => format!("{year:02}.{month:02}"),
        }
    }

    /// Parses an exact release folder name (`22.03-lts-sp4`); case matters, as it does on disk.
    pub fn parse_dir(name: &str) -> Option<OsRelease> {
        let (year, rest) = two_digits(name)?;
        let rest = rest.strip_prefix('.')?;
        let (month, rest) = two_digits(rest)?;
        let flavor = match rest {
            "" => Flavor::Innovation,
            "-lts" => Flavor::Lts,
            _ => Flavor::Sp(service_pack(rest.strip_prefix("-lts-sp")?)?),
        };
        Some(OsRelease::new(year, month, flavor))
    }

    /// Parses the compact suffix form (`2203sp4`, `2403lts`, `2309`), without the `oe`.
    pub fn parse_suffix(text: &str) -> Option<OsRelease> {
        let (year, rest) = two_digits(text)?;
        let (month, rest) = two_digits(rest)?;
        let flavor = match rest {
            "" => Flavor::Innovation,
            "lts" => Flavor::Lts,
            _ => Flavor::Sp(service_pack(rest.strip_prefix("sp")?)?),
        };
        Some(OsRelease::new(year, month, flavor))
    }

    /// Reads the misspellings people actually write for a release, in a folder or a tag:
    /// `24.03-LTS`, `24.03.-lts-sp1`, `oe24.03lts`, `oe2203ltssp3`, `oe2203-sp3`, `OE2203SP3`,
    /// `20.03-lts-sp1`. The caller decides whether the release exists.
    pub fn parse_lenient(text: &str) -> Option<OsRelease> {
        // Most names read here are no release at all (`1.2.0`, `Dockerfile`): tell them
        // without allocating, and take an exact folder name as it is.
        if !starts_with_four_digits(text) {
            return None;
        }
        if let Some(exact) = OsRelease::parse_dir(text) {
            if exact.flavor != Flavor::Innovation || (1..=12).contains(&exact.month) {
                return Some(exact);
            }
        }
        OsRelease::parse_misspelled(text)
    }

    /// `parse_lenient` without its shortcuts: what it means.
    fn parse_misspelled(text: &str) -> Option<OsRelease> {
        let lower = text.to_ascii_lowercase();
        let lower = lower.strip_prefix("oe").unwrap_or(&lower);
        let compact: String = lower
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | '_'))
            .collect();
        let compact = compact.replacen("ltssp", "sp", 1);
        let release = OsRelease::parse_suffix(&compact)?;
        // Without `lts` or `sp`, only an exact `YY.MM` names a release: `2.1.20` is a version.
        let exact = lower.len() == 5 && lower.as_bytes()[2] == b'.' || lower.len() == 4;
        let plausible = match release.flavor {
            Flavor::Innovation => exact && (1..=12).contains(&release.month),
            _ => true,
        };
        plausible.then_some(release)
    }
}

impl fmt::Display for OsRelease {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "openEuler {:02}.{:02}", self.year, self.month)?;
        match self.flavor {
            Flavor::Lts => write!(f, " LTS"),
            Flavor::Sp(n) => write!(f, " LTS SP{n}"),
            Flavor::Innovation => Ok(()),
        }
    }
}

/// Whether `text`, without an `oe` prefix and the separators `parse_lenient` drops, starts
/// with the four digits of `YYMM`.
fn starts_with_four_digits(text: &str) -> bool {
    let bytes = text.as_bytes();
    let rest = match bytes.get(..2) {
        Some(prefix) if prefix.eq_ignore_ascii_case(b"oe") => &bytes[2..],
        _ => bytes,
    };
    let mut kept = rest.iter().filter(|b| !matches!(b, b'.' | b'-' | b'_'));
    kept.by_ref().take(4).filter(|b| b.is_ascii_digit()).count() == 4
}

fn two_digits(text: &str) -> Option<(u8, &str)> {
    let digits = text.get(..2)?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, &text[2..]))
}

fn service_pack(text: &str) -> Option<u8> {
    if text.is_empty() || text.len() > 2 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| *n > 0)
}

/// The releases that exist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseTable {
    /// A set: a configuration may add thousands of releases.
    releases: BTreeSet<OsRelease>,
}

impl Default for ReleaseTable {
    /// 20.03, 22.03 and 24.03 LTS with SP1–SP4, and the innovation releases 20.09–25.09.
    fn default() -> ReleaseTable {
        let mut releases = BTreeSet::new();
        for year in [20, 22, 24] {
            releases.insert(OsRelease::new(year, 3, Flavor::Lts));
            for sp in 1..=4 {
                releases.insert(OsRelease::new(year, 3, Flavor::Sp(sp)));
            }
        }
        let innovation = [
            (20, 9),
            (21, 3),
            (21, 9),
            (22, 9),
            (23, 3),
            (23, 9),
            (24, 9),
            (25, 3),
            (25, 9),
        ];
        for (year, month) in innovation {
            releases.insert(OsRelease::new(year, month, Flavor::Innovation));
        }
        ReleaseTable { releases }
    }
}

impl ReleaseTable {
    pub fn contains(&self, release: &OsRelease) -> bool {
        self.releases.contains(release)
    }

    pub fn add(&mut self, release: OsRelease) {
        self.releases.insert(release);
    }

    pub fn iter(&self) -> impl Iterator<Item = &OsRelease> {
        self.releases.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_and_suffix_forms_round_trip() {
        for (dir, suffix) in [
            ("22.03-lts-sp4", "2203sp4"),
            ("24.03-lts", "2403lts"),
            ("23.09", "2309"),
        ] {
            let from_dir = OsRelease::parse_dir(dir).expect(dir);
            assert_eq!(from_dir.suffix(), suffix);
            assert_eq!(OsRelease::parse_suffix(suffix), Some(from_dir));
            assert_eq!(from_dir.dir_name(), dir);
        }
    }

    #[test]
    fn near_miss_folders_are_not_releases() {
        for bad in [
            "24.03-LTS",
            "24.03.-lts-sp1",
            "22.03-lts-sp",
            "2203",
            "22.03-lts-sp0",
        ] {
            assert_eq!(OsRelease::parse_dir(bad), None, "{bad}");
        }
    }

    #[test]
    fn lenient_parsing_reads_common_misspellings() {
        for (text, suffix) in [
            ("24.03-LTS", "2403lts"),
            ("24.03.-lts-sp1", "2403sp1"),
            ("oe24.03lts", "2403lts"),
            ("oe2203ltssp3", "2203sp3"),
            ("oe2203-sp3", "2203sp3"),
            ("OE2203SP3", "2203sp3"),
            ("20.03-lts-sp1", "2003sp1"),
            ("22.03-lts", "2203lts"),
        ] {
            let release = OsRelease::parse_lenient(text).expect(text);
            assert_eq!(release.suffix(), suffix, "{text}");
        }
        assert_eq!(
            OsRelease::parse_lenient("21.09")
                .map(|r| r.suffix())
                .as_deref(),
            Some("2109")
        );
        for text in [
            "lts",
            "1.0",
            "22.3-lts",
            "2203lts-x",
            "é",
            "2.1.20",
            "13.0.0",
            "21.13",
        ] {
            assert_eq!(OsRelease::parse_lenient(text), None, "{text}");
        }
    }

    #[test]
    fn lenient_parsing_takes_its_shortcuts_only_where_they_agree() {
        let mut names: Vec<String> = Vec::new();
        for prefix in ["", "oe", "OE", "Oe-", "o"] {
            for year_month in [
                "24.03", "2403", "24.3", "24.13", "24.00", "2.403", "24_03", "ab.03",
            ] {
                for tail in [
                    "",
                    "-lts",
                    "-LTS",
                    "lts",
                    "-lts-sp1",
                    "-lts-sp04",
                    "-lts-sp0",
                    "sp3",
                    "ltssp2",
                    "-sp",
                    "-lts-",
                    ".1",
                    "é",
                ] {
                    names.push(format!("{prefix}{year_month}{tail}"));
                }
            }
        }
        names.extend(["", "1", "2.1.20", "Dockerfile", "oe", "é2403", "24é03"].map(String::from));
        for name in &names {
            assert_eq!(
                OsRelease::parse_lenient(name),
                OsRelease::parse_misspelled(name),
                "{name}"
            );
        }
    }

    #[test]
    fn the_default_table_knows_lts_service_packs_and_innovation_releases() {
        let table = ReleaseTable::default();
        let known = |s| OsRelease::parse_suffix(s).is_some_and(|r| table.contains(&r));
        assert!(known("2003sp4") && known("2203lts") && known("2403sp2") && known("2509"));
        assert!(known("2109") && known("2009"));
        assert!(!known("2203sp9") && !known("2103lts") && !known("2209lts"));
    }
}
