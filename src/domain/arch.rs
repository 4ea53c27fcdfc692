//! The architectures the publisher builds for, and the names people use for them.

use crate::text::suggest;

/// The architectures the publisher builds for.
pub const ARCHES: &[&str] = &["x86_64", "aarch64", "loongarch64"];

/// What an entry without `arch` is built for.
pub const DEFAULT_ARCHES: &[&str] = &["x86_64", "aarch64"];

/// Other names people use for the same architectures.
const ALIASES: &[(&str, &str)] = &[
    ("amd64", "x86_64"),
    ("x86-64", "x86_64"),
    ("x64", "x86_64"),
    ("x86", "x86_64"),
    ("arm64", "aarch64"),
    ("armv8", "aarch64"),
    ("arm", "aarch64"),
    ("loong64", "loongarch64"),
    ("loongarch", "loongarch64"),
];

/// The architecture an item certainly names: another case or another name of it (`X86_64`,
/// `amd64`).
pub fn alias_of(item: &str) -> Option<&'static str> {
    let lower = item.to_ascii_lowercase();
    if let Some(known) = ARCHES.iter().find(|known| **known == lower) {
        return Some(known);
    }
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map(|(_, known)| *known)
}

/// The intended spelling of an architecture name: [`alias_of`], or the nearest spelling
/// (`aarch46`), which is only a guess.
pub fn intended_arch(item: &str) -> Option<&'static str> {
    alias_of(item).or_else(|| {
        suggest::nearest(&item.to_ascii_lowercase(), ARCHES.iter().copied(), 1)
            .first()
            .copied()
    })
}

/// The architectures an `arch` value names, when every item is spelled exactly right; `None`
/// otherwise (the value is then A001's to report).
pub fn parse_list(value: &str) -> Option<Vec<&str>> {
    let items: Vec<&str> = value.split(',').map(str::trim).collect();
    items
        .iter()
        .all(|item| ARCHES.contains(item))
        .then_some(items)
}
