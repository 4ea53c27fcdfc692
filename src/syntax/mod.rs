//! Readers of the three file formats: spanned YAML, PyYAML's YAML 1.1 scalar resolution, and
//! the parts of a Dockerfile that name its parents. They know nothing of rules or findings.

pub mod dockerfile;
pub mod pyyaml;
pub mod yaml;
