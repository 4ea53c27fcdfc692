//! A: the `arch` value of an entry.

use crate::diagnostic::Finding;
use crate::domain::arch::{intended_arch, ARCHES};
use crate::model::context::Context;
use crate::model::manifest::Manifest;
use crate::rule;
use crate::syntax::yaml::{Node, NodeKind};
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
    pub static INVALID_ARCH = ("A001", "invalid-arch", Error, "`arch` is not a comma list of x86_64, aarch64, loongarch64");
}

pub static RULES: &[&crate::rules::Rule] = &[&INVALID_ARCH];

pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for manifest in context.manifests_to_check() {
        for entry in manifest.complete_entries() {
            if let Some(arch) = entry.arch() {
                check_arch(manifest, arch, out);
            }
        }
    }
}

fn check_arch(manifest: &Manifest, node: &Node, out: &mut Vec<Finding>) {
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
            let joined = list_items(node).join(",");
            let help = if joined.is_empty() {
                "write `arch` as one string, e.g. `arch: x86_64,aarch64`".to_string()
            } else {
                format!("write `arch` as one comma-separated string: `arch: {joined}`")
            };
            out.push(
                finding(
                    node.span,
                    format!(
                        "`arch` is {}; expected a comma-separated string such as `x86_64,aarch64`",
                        node.kind_name()
                    ),
                )
                .help(help),
            );
            return;
        }
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut start = 0;
    for item in value.split(',') {
        let range = start..start + item.len();
        start = range.end + 1;
        let span = node.span_within(&manifest.file.text, range);
        if ARCHES.contains(&item) {
            if seen.contains(&item) {
                out.push(
                    finding(span, format!("`{item}` appears twice in `arch: {value}`"))
                        .help("list each architecture once"),
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
        let help = match intended_arch(trimmed) {
            Some(known) if !trimmed.is_empty() => format!("write `{known}`"),
            _ if trimmed.is_empty() => "remove the extra comma".to_string(),
            _ => "use x86_64, aarch64 or loongarch64, or remove `arch` to build for x86_64 and aarch64".to_string(),
        };
        out.push(finding(span, message).help(help));
    }
}

/// The architectures named by a list value, each corrected when recognisable.
fn list_items(node: &Node) -> Vec<String> {
    let NodeKind::Sequence(items) = &node.kind else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(Node::as_str)
        .flat_map(|item| item.split(','))
        .filter_map(|item| intended_arch(item.trim()).map(str::to_string))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    fn findings(arch_line: &str) -> Vec<(String, String)> {
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
                (
                    text[f.span.start..f.span.end].to_string(),
                    f.help.unwrap_or_default(),
                )
            })
            .collect()
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
