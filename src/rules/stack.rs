//! T006: the stack tag grammar of oEEP-0014 on the images that are stack layers.

use crate::diagnostic::Finding;
use crate::domain::stack_tag;
use crate::model::{Entry, Manifest, Repo};
use crate::rule;
use crate::text::Span;

rule! {
    /// The tag of an AI stack image does not follow oEEP-0014. The repository writes the image
    /// name in the image (`openeuler/pytorch:2.2.0-cann8.0.RC1-oe2203sp4`), so the tag is read
    /// together with the name, from the right: optional `-dev`, the OS suffix, then
    /// `-`-separated `<component><version>` parts.
    ///
    /// - SDK image: `<version>[-<extra>…]-oe<release>`, e.g. `cann:8.0.RC1-oe2203sp4`.
    /// - Framework image: exactly one SDK component, e.g. `pytorch:2.2.0-cann8.0.RC1-oe2203sp4`
    ///   (`pytorch2.2.0-…` is accepted too).
    /// - LLM image: a framework and an SDK component, e.g.
    ///   `llm:chatglm2_6b-pytorch2.1.0-cann8.0.RC1-oe2203sp4`. The SDK-first order of the
    ///   spec's own example is accepted with an info.
    /// - `-dev` only at the very end.
    ///
    /// Every component needs a version; unknown component names are reported as info.
    pub static STACK_TAG_GRAMMAR = ("T006", "stack-tag-grammar", Error, "an AI stack tag does not follow the oEEP-0014 grammar");
}

pub static RULES: &[&crate::rules::Rule] = &[&STACK_TAG_GRAMMAR];

pub fn check(repo: &Repo, out: &mut Vec<Finding>) {
    let index = repo.image_index();
    for (m, manifest) in repo.manifests.iter().enumerate() {
        let Some(name) = index.names.get(m) else {
            continue;
        };
        if stack_tag::Layer::of(name, &repo.config.stack).is_none() {
            continue;
        }
        for entry in &manifest.entries {
            let Some(tag) = stack_tag::read(name, &entry.tag, &repo.config.stack) else {
                continue;
            };
            for problem in tag.problems {
                out.push(
                    Finding::new(
                        &STACK_TAG_GRAMMAR,
                        &manifest.path,
                        span_in_tag(manifest, entry, problem.range),
                        format!("`{name}:{}`: {}", entry.tag, problem.message),
                    )
                    .severity(problem.severity)
                    .maybe_help(problem.help),
                );
            }
        }
    }
}

/// The byte span of `range` (inside the tag) in the manifest, or the whole key when the key is
/// written in a form whose bytes differ from its value.
pub fn span_in_tag(manifest: &Manifest, entry: &Entry, range: std::ops::Range<usize>) -> Span {
    let key = entry.tag_span();
    let written = manifest.file.slice(key);
    let start = if written == entry.tag {
        Some(key.start)
    } else if written.len() == entry.tag.len() + 2
        && written.get(1..=entry.tag.len()) == Some(&entry.tag)
    {
        Some(key.start + 1)
    } else {
        None
    };
    match start {
        Some(start) if range.end <= entry.tag.len() && range.start < range.end => {
            Span::new(start + range.start, start + range.end)
        }
        _ => key,
    }
}
