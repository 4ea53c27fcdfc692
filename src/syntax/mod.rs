//! Readers of the three file formats: spanned YAML, PyYAML's YAML 1.1 scalar resolution, and
//! the parts of a Dockerfile that name its parents; and the YAML edits fixes are made of,
//! which keep the rest of a file byte for byte. They know nothing of rules or findings.

pub mod dockerfile;
pub mod pyyaml;
pub mod yaml;
pub mod yaml_edit;
