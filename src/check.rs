//! The check pipeline, in order: the policy (configuration file and options), the repository
//! (every needed file read and parsed once), the context derived from it (image index, parent
//! graph), every rule family, selection, suppressions, the pull-request scope, the report.
//! `stacklint graph` goes through the same load.

use crate::domain::tables::Config;
use crate::model::context::Context;
use crate::model::Repo;
use crate::policy::config_file::{self, ConfigFile};
use crate::policy::scope::Scope;
use crate::policy::selection::RulePattern;
use crate::policy::suppress;
use crate::render::graph::{self, Graph};
use crate::report::{self, Report};
use crate::rules::FAMILIES;
use crate::source::overlay::Overlay;
use crate::source::FileSource;

/// What to check beyond the repository itself.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub config: Config,
    /// Pull-request scope: the changed paths (repository-relative). `None` reports every
    /// finding; `Some` reports only findings in the images these paths affect (see
    /// [`crate::policy::scope`]).
    pub changed: Option<Vec<String>>,
    /// The configuration file: by default `.stacklint.toml` at the repository root.
    pub config_file: ConfigFile,
    /// Replace the configuration file's `select` and `ignore` lists (`--select`, `--ignore`).
    pub select: Option<Vec<RulePattern>>,
    pub ignore: Option<Vec<RulePattern>>,
}

/// Reads the configuration file the options choose, on top of the options' tables.
pub fn load_policy(source: &dyn FileSource, options: &CheckOptions) -> config_file::Loaded {
    config_file::load(source, &options.config_file, &options.config)
}

/// Loads the repository with the policy's tables; a configuration file given from outside the
/// repository is read along, so that its findings can be located.
pub fn load_repo<'a>(
    source: &dyn FileSource,
    options: &CheckOptions,
    policy: &'a config_file::Loaded,
    reuse: Option<&Repo>,
) -> Repo<'a> {
    match &options.config_file {
        ConfigFile::Given { path, text } => Repo::load_with(
            &Overlay::new(source, path, text),
            &policy.config,
            Some(path),
            reuse,
        ),
        _ => Repo::load_with(source, &policy.config, None, reuse),
    }
}

/// Checks every manifest in the repository and returns all findings.
/// Selection and suppressions apply to what every rule found, before the scope narrows it,
/// so the summary counts exactly what is reported.
pub fn check(source: &dyn FileSource, options: &CheckOptions) -> Report {
    let policy = load_policy(source, options);
    let repo = load_repo(source, options, &policy, None);
    let context = Context::build(&repo);
    let mut findings = policy.findings.clone();
    for family in FAMILIES {
        (family.check)(&context, &mut findings);
    }
    let selection = policy
        .selection
        .clone()
        .overridden(options.select.as_deref(), options.ignore.as_deref());
    selection.apply(&mut findings);
    let mut unused = suppress::apply(&repo, &selection, &mut findings);
    selection.apply(&mut unused);
    findings.append(&mut unused);
    if let Some(changed) = &options.changed {
        let scope = Scope::new(&context, changed);
        findings.retain(|finding| scope.keeps(&finding.path));
    }
    report::build(&repo, findings)
}

/// The in-repo image graph (`stacklint graph`), loaded exactly as [`check`] loads the
/// repository; `image` narrows it to one image's ancestors and descendants.
pub fn graph(
    source: &dyn FileSource,
    options: &CheckOptions,
    image: Option<&str>,
) -> Result<Graph, String> {
    let policy = load_policy(source, options);
    let repo = load_repo(source, options, &policy, None);
    graph::build(&Context::build(&repo), image)
}
