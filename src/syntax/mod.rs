//! Readers of the three file formats: spanned YAML, PyYAML's YAML 1.1 scalar resolution, and
//! the parts of a Dockerfile that name its parents; and the YAML edits fixes are made of,
//! which keep the rest of a file byte for byte. They know nothing of rules or findings.

pub mod dockerfile;
pub mod pyyaml;
pub mod yaml;
pub mod yaml_edit;

use crate::text::Span;

/// The syntax a file is written in, as far as where its comments are goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Yaml,
    /// Only whole lines are comments.
    Dockerfile,
}

impl Syntax {
    /// Where the comments of `text` are, as the file's parser finds them.
    pub fn comments(self, text: &str) -> Vec<Span> {
        match self {
            Syntax::Yaml => yaml::parse(text).comments,
            Syntax::Dockerfile => dockerfile::parse(text).comments,
        }
    }
}
