//! The check pipeline, in order: configuration, the repository, every rule family, selection,
//! suppressions, the pull-request scope, the report.

use crate::domain::tables::Config;
use crate::report::Report;
use crate::source::FileSource;

/// What to check beyond the repository itself.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub config: Config,
    /// Pull-request scope: the changed paths (repository-relative). `None` reports every
    /// finding; `Some` reports only findings in the images these paths affect (see [`scope`]).
    pub changed: Option<Vec<String>>,
    /// The configuration file: by default `.stacklint.toml` at the repository root.
    pub config_file: crate::policy::config_file::ConfigFile,
    /// Replace the configuration file's `select` and `ignore` lists (`--select`, `--ignore`).
    pub select: Option<Vec<crate::policy::selection::RulePattern>>,
    pub ignore: Option<Vec<crate::policy::selection::RulePattern>>,
}

/// Checks every manifest in the repository and returns all findings.
/// Selection and suppressions apply to what every rule found, before the scope narrows it,
/// so the summary counts exactly what is reported.
pub fn check(source: &dyn FileSource, options: &CheckOptions) -> Report {
    let loaded = crate::policy::config_file::load(source, &options.config_file, &options.config);
    let with_given;
    let source: &dyn FileSource = match &options.config_file {
        crate::policy::config_file::ConfigFile::Given { path, text } => {
            with_given = crate::policy::config_file::WithConfigFile::new(source, path, text);
            &with_given
        }
        _ => source,
    };
    let repo = crate::model::Repo::load(source, &loaded.config);
    if let Some(path) = &loaded.path {
        // Its text locates C001 findings; an unreadable file becomes F001.
        repo.read(path);
    }
    let mut findings = loaded.findings;
    for family in crate::rules::FAMILIES {
        (family.check)(&repo, &mut findings);
    }
    let selection = loaded
        .selection
        .overridden(options.select.as_deref(), options.ignore.as_deref());
    selection.apply(&mut findings);
    let mut unused = crate::policy::suppress::apply(&repo, &selection, &mut findings);
    selection.apply(&mut unused);
    findings.append(&mut unused);
    if let Some(changed) = &options.changed {
        let scope = crate::policy::scope::Scope::new(&repo, changed);
        findings.retain(|finding| scope.keeps(&finding.path));
    }
    crate::report::build(&repo, findings)
}
