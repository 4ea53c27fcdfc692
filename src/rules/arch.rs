//! A: the `arch` value of an entry.

use crate::diagnostic::{Applicability, Edit, Finding, Fix};
use crate::domain::arch::{alias_of, intended_arch, ARCHES};
use crate::model::context::Context;
use crate::model::manifest::{Entry, Manifest};
use crate::rule;
use crate::syntax::yaml::{Node, NodeKind, Pair};
use crate::syntax::yaml_edit::{self, Context as YamlContext};
use crate::text::Span;

rule! {
    /// `arch` is a comma-separated list of `x86_64`, `aarch64` and `loongarch64`, spelled
    /// exactly so (no spaces, lower case, each at most once). Leave `arch` out to build for
    /// both `x86_64` and `aarch64`. Docker's names (`amd64`, `arm64`) are not understood by
    /// the publisher.
    ///
    /// ```yaml
    /// 1.0-oe2403lts:
    ///   path: 1.0/24.03-lts/Dockerfile
    ///   arch: x86_64
    /// ```
    ///
    /// Fix: safe for another name or letter case of an architecture (`amd64` becomes
    /// `x86_64`), spaces, a repeated item, an extra comma and a list written as YAML list;
    /// unsafe when the spelling is only the nearest one (`aarch46`). An empty `arch` or an
    /// unknown name gets none: what to build for is the author's choice.
    pub static INVALID_ARCH = ("A001", "invalid-arch", Error, "`arch` is not a comma list of x86_64, aarch64, loongarch64");
}

pub static RULES: &[&crate::rules::Rule] = &[&INVALID_ARCH];

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for manifest in context.manifests_to_check() {
        for entry in manifest.complete_entries() {
            if let Some(pair) = entry.value.get_pair("arch") {
                check_arch(manifest, entry, pair, out);
            }
        }
    }
}

/// One `arch` value and where it sits, for its findings and their fixes.
struct ArchValue<'m> {
    manifest: &'m Manifest,
    pair: &'m Pair,
    /// Block or flow: what a plain scalar may contain there.
    context: YamlContext,
}

impl ArchValue<'_> {
    fn text(&self) -> &str {
        &self.manifest.file.text
    }

    fn edit(&self, span: Span, replacement: impl Into<String>) -> Edit {
        Edit::new(&self.manifest.path, span, replacement)
    }

    /// The value with `range` replaced: in place when the value is written verbatim, else
    /// the whole scalar rewritten.
    fn item_edit(
        &self,
        value: &str,
        range: std::ops::Range<usize>,
        replacement: &str,
    ) -> Option<Edit> {
        let node = &self.pair.value;
        if let Some(span) = node.verbatim_span(self.text(), range.clone()) {
            return Some(self.edit(span, replacement));
        }
        let fixed = format!(
            "{}{replacement}{}",
            value.get(..range.start)?,
            value.get(range.end..)?
        );
        let (span, text) = yaml_edit::replace_scalar(self.text(), node, &fixed, self.context)?;
        Some(self.edit(span, text))
    }
}

fn check_arch(manifest: &Manifest, entry: &Entry, pair: &Pair, out: &mut Vec<Finding>) {
    let node = &pair.value;
    let at = ArchValue {
        manifest,
        pair,
        context: yaml_edit::context_of(&manifest.file.text, &entry.value),
    };
    let finding =
        |span: Span, message: String| Finding::new(&INVALID_ARCH, &manifest.path, span, message);
    let value = match &node.kind {
        NodeKind::Scalar(_) if node.is_null() => {
            out.push(
                finding(node.span, "`arch` is empty; expected a comma list such as `x86_64` or `x86_64,aarch64`".into())
                    .help("remove the `arch` line to build for x86_64 and aarch64, or name the architectures"),
            );
            return;
        }
        NodeKind::Scalar(_) => node.as_str().unwrap_or_default(),
        // An alias that could not be expanded is already a Y001 finding.
        NodeKind::Alias => return,
        _ => {
            let items = list_items(node);
            let joined = items
                .as_ref()
                .map(|(items, _)| items.join(","))
                .filter(|joined| !joined.is_empty());
            let help = match &joined {
                None => "write `arch` as one string, e.g. `arch: x86_64,aarch64`".to_string(),
                Some(joined) => {
                    format!("write `arch` as one comma-separated string: `arch: {joined}`")
                }
            };
            let fix = items.zip(joined).and_then(|((_, applicability), joined)| {
                list_fix(&at, &joined).map(|edit| {
                    Fix::new(applicability, format!("write `arch: {joined}`"), vec![edit])
                })
            });
            out.push(
                finding(
                    node.span,
                    format!(
                        "`arch` is {}; expected a comma-separated string such as `x86_64,aarch64`",
                        node.kind_name()
                    ),
                )
                .help(help)
                .maybe_fix(fix),
            );
            return;
        }
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut start = 0;
    let items: Vec<&str> = value.split(',').collect();
    for (index, item) in items.iter().copied().enumerate() {
        let range = start..start + item.len();
        start = range.end + 1;
        let span = node.span_within(at.text(), range.clone());
        // The item with the comma that separates it from its neighbour.
        let with_comma = if index > 0 {
            range.start - 1..range.end
        } else {
            range.start..(range.end + 1).min(value.len())
        };
        if ARCHES.contains(&item) {
            if seen.contains(&item) {
                let fix = at
                    .item_edit(value, with_comma, "")
                    .map(|edit| Fix::safe(format!("remove the second `{item}`"), vec![edit]));
                out.push(
                    finding(span, format!("`{item}` appears twice in `arch: {value}`"))
                        .help("list each architecture once")
                        .maybe_fix(fix),
                );
            }
            seen.push(item);
            continue;
        }
        let trimmed = item.trim();
        let message = if ARCHES.contains(&trimmed) {
            format!("`{item}` in `arch: {value}` has spaces around it; the publisher compares items exactly")
        } else if trimmed.is_empty() {
            format!("empty item in `arch: {value}`; expected one of x86_64, aarch64, loongarch64")
        } else {
            format!("unknown architecture `{item}`; expected one of x86_64, aarch64, loongarch64 (exact case, no spaces)")
        };
        let (help, fix) = match intended_arch(trimmed) {
            _ if trimmed.is_empty() && items.len() > 1 => {
                let fix = at
                    .item_edit(value, with_comma, "")
                    .map(|edit| Fix::safe("remove the extra comma", vec![edit]));
                ("remove the extra comma".to_string(), fix)
            }
            Some(known) if !trimmed.is_empty() => {
                let applicability = if alias_of(trimmed).is_some() {
                    Applicability::Safe
                } else {
                    Applicability::Unsafe
                };
                let fix = at.item_edit(value, range, known).map(|edit| {
                    Fix::new(applicability, format!("write `{known}`"), vec![edit])
                });
                (format!("write `{known}`"), fix)
            }
            _ if trimmed.is_empty() => ("remove the extra comma".to_string(), None),
            _ => ("use x86_64, aarch64 or loongarch64, or remove `arch` to build for x86_64 and aarch64".to_string(), None),
        };
        out.push(finding(span, message).help(help).maybe_fix(fix));
    }
}

/// The architectures a list value names, each corrected, without repeats, and whether every
/// correction is certain; `None` when an item is not recognisable at all.
fn list_items(node: &Node) -> Option<(Vec<&'static str>, Applicability)> {
    let NodeKind::Sequence(items) = &node.kind else {
        return None;
    };
    let mut names: Vec<&'static str> = Vec::new();
    let mut applicability = Applicability::Safe;
    for piece in items.iter().map(Node::as_str) {
        for item in piece?.split(',').map(str::trim) {
            let known = match alias_of(item) {
                Some(known) => known,
                None => {
                    applicability = Applicability::Unsafe;
                    intended_arch(item).filter(|_| !item.is_empty())?
                }
            };
            if !names.contains(&known) {
                names.push(known);
            }
        }
    }
    Some((names, applicability))
}

/// Replaces a list value by the string `joined`: a flow list in place, a block list from the
/// colon on (`arch:` and its `- item` lines become one line), unless a comment is in the way.
fn list_fix(at: &ArchValue, joined: &str) -> Option<Edit> {
    let text = at.text();
    let node = &at.pair.value;
    let NodeKind::Sequence(items) = &node.kind else {
        return None;
    };
    let source = text.get(node.span.start..node.span.end)?;
    let anchored = std::iter::once(node).chain(items).any(|n| {
        text.get(n.span.start..n.span.end)
            .is_none_or(yaml_edit::has_properties)
    });
    if anchored {
        return None;
    }
    let scalar = yaml_edit::scalar_text(joined, at.context);
    if source.starts_with('[') {
        return source.ends_with(']').then(|| at.edit(node.span, scalar));
    }
    let end = items.last()?.span.end;
    let replaced = text.get(at.pair.key.span.end..end)?;
    let colon = replaced.find(':')?;
    // Only blanks around the colon: a comment, an anchor or a tag would be lost.
    let before_value = text.get(at.pair.key.span.end + colon + 1..node.span.start)?;
    if replaced.contains('#')
        || !replaced[..colon].trim().is_empty()
        || !before_value.trim().is_empty()
    {
        return None;
    }
    Some(at.edit(Span::new(at.pair.key.span.end, end), format!(": {scalar}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    /// (flagged text, help) of every A001 finding for an `arch` line.
    fn findings(arch_line: &str) -> Vec<(String, String)> {
        fixed(arch_line)
            .into_iter()
            .map(|(flagged, help, _)| (flagged, help))
            .collect()
    }

    /// (flagged text, help, the entry after applying the finding's fix alone) per finding.
    fn fixed(arch_line: &str) -> Vec<(String, String, Option<String>)> {
        let text = format!("1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  {arch_line}\n");
        let source = MemorySource::new()
            .with("A/x/meta.yml", &text)
            .with("A/x/1.0/24.03-lts/Dockerfile", "FROM a\n");
        let config = Config::default();
        let repo = crate::model::Repo::load(&source, &config);
        let mut out = Vec::new();
        check(&Context::build(&repo), &mut out);
        out.into_iter()
            .map(|f| {
                let after = f.fix.map(|fix| {
                    crate::text::edit::apply(
                        &text,
                        fix.edits.iter().map(|e| (e.span, e.replacement.as_str())),
                    )
                    .expect("edits apply")
                });
                (
                    text[f.span.start..f.span.end].to_string(),
                    f.help.unwrap_or_default(),
                    after.map(|after| {
                        after
                            .trim_start_matches(
                                "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  ",
                            )
                            .trim_end()
                            .to_string()
                    }),
                )
            })
            .collect()
    }

    fn fix_of(arch_line: &str) -> Vec<Option<String>> {
        fixed(arch_line)
            .into_iter()
            .map(|(_, _, after)| after)
            .collect()
    }

    #[test]
    fn fixes_rewrite_only_the_item() {
        assert_eq!(
            fix_of("arch: x86_64,arm64"),
            [Some("arch: x86_64,aarch64".into())]
        );
        assert_eq!(
            fix_of("arch: 'AMD64' # c"),
            [Some("arch: 'x86_64' # c".into())]
        );
        assert_eq!(
            fix_of("arch: x86_64, aarch64"),
            [Some("arch: x86_64,aarch64".into())]
        );
        assert_eq!(fix_of("arch: x86_64,x86_64"), [Some("arch: x86_64".into())]);
        assert_eq!(fix_of("arch: x86_64,"), [Some("arch: x86_64".into())]);
        assert_eq!(
            fix_of("arch: \"\\x61md64\""),
            [Some("arch: \"x86_64\"".into())]
        );
        assert_eq!(
            fix_of("arch: [amd64, aarch64]"),
            [Some("arch: x86_64,aarch64".into())]
        );
        assert_eq!(
            fix_of("arch:\n    - arm64\n    - x86_64"),
            [Some("arch: aarch64,x86_64".into())]
        );
        assert_eq!(fix_of("arch:\n    - arm64 # why\n    - x86_64"), [None]);
        assert_eq!(fix_of("arch: sparc"), [None]);
        assert_eq!(fix_of("arch:"), [None]);
    }

    #[test]
    fn guesses_are_unsafe_and_aliases_safe() {
        let text = "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n  arch: aarch46,amd64\n";
        let source = MemorySource::new()
            .with("A/x/meta.yml", text)
            .with("A/x/1.0/24.03-lts/Dockerfile", "FROM a\n");
        let config = Config::default();
        let repo = crate::model::Repo::load(&source, &config);
        let mut out = Vec::new();
        check(&Context::build(&repo), &mut out);
        let applicability: Vec<Applicability> = out
            .iter()
            .filter_map(|f| f.fix.as_ref().map(|fix| fix.applicability))
            .collect();
        assert_eq!(applicability, [Applicability::Unsafe, Applicability::Safe]);
    }

    #[test]
    fn valid_lists_pass() {
        assert!(findings("arch: x86_64").is_empty());
        assert!(findings("arch: x86_64,aarch64,loongarch64").is_empty());
        assert!(findings("arch: \"aarch64\"").is_empty());
    }

    #[test]
    fn docker_names_and_wrong_case_get_the_right_spelling_at_the_item() {
        assert_eq!(
            findings("arch: x86_64,arm64"),
            [("arm64".into(), "write `aarch64`".into())]
        );
        assert_eq!(
            findings("arch: amd64"),
            [("amd64".into(), "write `x86_64`".into())]
        );
        assert_eq!(
            findings("arch: X86_64"),
            [("X86_64".into(), "write `x86_64`".into())]
        );
        assert_eq!(
            findings("arch: 'x86-64'"),
            [("x86-64".into(), "write `x86_64`".into())]
        );
    }

    #[test]
    fn duplicates_spaces_lists_and_nulls_are_errors() {
        assert_eq!(findings("arch: x86_64,x86_64").len(), 1);
        assert_eq!(findings("arch: x86_64, aarch64")[0].1, "write `aarch64`");
        assert_eq!(findings("arch: x86_64,")[0].1, "remove the extra comma");
        let list = findings("arch: [amd64, aarch64]");
        assert_eq!(
            list[0].1,
            "write `arch` as one comma-separated string: `arch: x86_64,aarch64`"
        );
        assert_eq!(findings("arch:").len(), 1);
        assert_eq!(findings("arch: ~").len(), 1);
    }

    #[test]
    fn non_ascii_items_do_not_panic() {
        assert_eq!(findings("arch: x86_64,ärm").len(), 1);
    }
}
