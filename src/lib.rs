//! stacklint: a policy checker for openEuler container-image stacks.
//!
//! The core performs no I/O. [`check`] reads a repository through a [`FileSource`] and returns
//! a [`Report`] whose JSON form is the contract shared by the CLI, the GitHub Action and the
//! playground.

pub mod config;
pub mod config_file;
pub mod diagnostic;
#[cfg(not(target_arch = "wasm32"))]
pub mod dir_source;
pub mod dockerfile;
pub mod graph;
pub mod image_ref;
pub mod index;
pub mod js_files;
pub mod line_index;
pub mod model;
pub mod os_release;
pub mod render;
pub mod report;
pub mod rules;
pub mod scope;
pub mod selection;
pub mod source;
pub mod stack;
pub mod suggest;
pub mod suppress;
pub mod tag;
pub mod yaml;
pub mod yaml11;

pub use config::Config;
pub use diagnostic::{Diagnostic, Severity};
pub use report::Report;
pub use source::{FileSource, MemorySource};

/// What to check beyond the repository itself.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub config: Config,
    /// Pull-request scope: the changed paths (repository-relative). `None` reports every
    /// finding; `Some` reports only findings in the images these paths affect (see [`scope`]).
    pub changed: Option<Vec<String>>,
    /// The configuration file: by default `.stacklint.toml` at the repository root.
    pub config_file: config_file::ConfigFile,
    /// Replace the configuration file's `select` and `ignore` lists (`--select`, `--ignore`).
    pub select: Option<Vec<selection::RulePattern>>,
    pub ignore: Option<Vec<selection::RulePattern>>,
}

/// Checks every manifest in the repository and returns all findings.
/// Selection and suppressions apply to what every rule found, before the scope narrows it,
/// so the summary counts exactly what is reported.
pub fn check(source: &dyn FileSource, options: &CheckOptions) -> Report {
    let loaded = config_file::load(source, &options.config_file, &options.config);
    let with_given;
    let source: &dyn FileSource = match &options.config_file {
        config_file::ConfigFile::Given { path, text } => {
            with_given = config_file::WithConfigFile::new(source, path, text);
            &with_given
        }
        _ => source,
    };
    let repo = model::Repo::load(source, &loaded.config);
    if let Some(path) = &loaded.path {
        // Its text locates C001 findings; an unreadable file becomes F001.
        repo.read(path);
    }
    let mut findings = loaded.findings;
    for family in rules::FAMILIES {
        (family.check)(&repo, &mut findings);
    }
    let selection = loaded
        .selection
        .overridden(options.select.as_deref(), options.ignore.as_deref());
    selection.apply(&mut findings);
    let mut unused = suppress::apply(&repo, &selection, &mut findings);
    selection.apply(&mut unused);
    findings.append(&mut unused);
    if let Some(changed) = &options.changed {
        let scope = scope::Scope::new(&repo, changed);
        findings.retain(|finding| scope.keeps(&finding.path));
    }
    report::build(&repo, findings)
}

/// The crate version, as shown by `--version` and in reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(target_arch = "wasm32")]
pub mod wasm;
