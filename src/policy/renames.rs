//! Tag renames and the change check. A fix that renames a tag (T001, T002, T003, Y006) is
//! unsafe: the tag may already be published, and renaming it withdraws an image. When the
//! change check compares the change with its base and finds the tag new in the change
//! (declared at head, not at base), nothing is published under it yet, and the fix is what it
//! would be otherwise: safe for an evident spelling, still unsafe for a guess.

use crate::diagnostic::{Finding, TagRename};

/// Makes every tag-renaming fix whose tag `is_new` what it is apart from the rename
/// ([`TagRename::otherwise`]); returns how many fixes changed. Call it on the findings of the
/// head, before the report is built: `is_new` answers from the base's declared tags.
pub fn promote_new_tag_renames(
    findings: &mut [Finding],
    is_new: impl Fn(&TagRename) -> bool,
) -> usize {
    let mut promoted = 0;
    for fix in findings
        .iter_mut()
        .filter_map(|finding| finding.fix.as_mut())
    {
        let Some(rename) = &fix.renames_tag else {
            continue;
        };
        if fix.applicability != rename.otherwise && is_new(rename) {
            fix.applicability = rename.otherwise;
            promoted += 1;
        }
    }
    promoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Applicability;
    use crate::domain::tables::Config;
    use crate::model::context::Context;
    use crate::model::Repo;
    use crate::source::MemorySource;

    fn findings(meta: &str) -> Vec<Finding> {
        let source = MemorySource::new()
            .with("AI/image-list.yml", "images:\n  x: x\n")
            .with("AI/x/meta.yml", meta)
            .with("AI/x/1.16/22.03-lts/Dockerfile", "FROM a\n")
            .with("AI/x/1.17+a/22.03-lts/Dockerfile", "FROM a\n")
            .with("AI/x/1.18/22.03-lts/Dockerfile", "FROM a\n")
            .with("AI/x/1.19/22.03-lts/Dockerfile", "FROM a\n");
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let context = Context::build(&repo);
        let mut out = Vec::new();
        for family in crate::rules::FAMILIES {
            (family.check)(&context, &mut out);
        }
        out.retain(|f| f.fix.is_some());
        out
    }

    fn applicability(findings: &[Finding]) -> Vec<(&str, Applicability)> {
        findings
            .iter()
            .filter_map(|f| Some((f.rule.code, f.fix.as_ref()?.applicability)))
            .collect()
    }

    const META: &str = "1.16-22.03-lts:\n  path: 1.16/22.03-lts/Dockerfile\n1.17+a-oe2203lts:\n  path: 1.17+a/22.03-lts/Dockerfile\n1.18/x-oe2203lts:\n  path: 1.18/22.03-lts/Dockerfile\n";

    #[test]
    fn renames_of_new_tags_become_what_they_are_otherwise() {
        let mut found = findings(META);
        use Applicability::{Safe, Unsafe};
        assert_eq!(
            applicability(&found),
            [("T002", Unsafe), ("T001", Unsafe), ("T001", Unsafe)]
        );
        // Only the first two tags are new in the change.
        let promoted = promote_new_tag_renames(&mut found, |rename| {
            rename.manifest == "AI/x/meta.yml" && rename.tag != "1.18/x-oe2203lts"
        });
        assert_eq!(promoted, 2);
        assert_eq!(
            applicability(&found),
            [("T002", Safe), ("T001", Safe), ("T001", Unsafe)]
        );
    }

    #[test]
    fn a_guess_stays_unsafe_and_other_fixes_are_untouched() {
        let mut found = findings(&format!(
            "{META}1.19-oe2203lts:\n  path: 1.19/22.03-lts/Dcokerfile\n"
        ));
        assert_eq!(promote_new_tag_renames(&mut found, |_| true), 2);
        let left: Vec<(&str, Applicability)> = applicability(&found)
            .into_iter()
            .filter(|(_, a)| *a == Applicability::Unsafe)
            .collect();
        // `1.18/x` -> `1.18-x` is a guess; P001's path is no rename.
        assert_eq!(
            left,
            [
                ("P001", Applicability::Unsafe),
                ("T001", Applicability::Unsafe)
            ]
        );
    }
}
