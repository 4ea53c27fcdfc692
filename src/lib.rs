//! stacklint: a policy checker for openEuler container-image stacks.
//!
//! The core performs no I/O. [`check`] reads a repository through a [`FileSource`] and returns
//! a [`Report`] whose JSON form is the contract shared by the CLI, the GitHub Action and the
//! playground.

pub mod check;
pub mod diagnostic;
pub mod domain;
pub mod fix;
pub mod inspect;
pub mod model;
pub mod policy;
pub mod render;
pub mod report;
pub mod rules;
pub mod session;
pub mod sort;
pub mod source;
pub mod syntax;
pub mod text;

pub use check::{check, CheckOptions};
pub use diagnostic::Severity;
pub use domain::tables::Config;
pub use report::{Diagnostic, Report};
pub use source::{FileSource, MemorySource};

/// The crate version, as shown by `--version` and in reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(target_arch = "wasm32")]
pub mod wasm;
