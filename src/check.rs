//! The check pipeline, in order: the policy (configuration file and options), the repository
//! (every needed file read and parsed once), the context derived from it (image index, parent
//! graph), every rule family, selection, suppressions, the pull-request scope, the report.
//! `stacklint graph` goes through the same load.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::rc::Rc;

use crate::diagnostic::{Finding, TagRename};
use crate::domain::layout::{CONFIG_FILE_NAME, MANIFEST_NAME};
use crate::domain::tables::Config;
use crate::model::change::Change;
use crate::model::context::Context;
use crate::model::Repo;
use crate::policy::baseline::Baseline;
use crate::policy::config_file::{self, ConfigFile};
use crate::policy::scope::Scope;
use crate::policy::selection::{RulePattern, Selection};
use crate::policy::{self, relaxation, renames, suppress};
use crate::render::graph::{self, Graph};
use crate::report::{self, Diagnostic, Report, Status};
use crate::rules::config::INVALID_BASELINE;
use crate::rules::history;
use crate::rules::layers::DANGLING_FROM;
use crate::rules::FAMILIES;
use crate::source::overlay::Overlay;
use crate::source::repo_path::{is_within, join_dir, parent_dir};
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
    /// What is reported; `None`: what `changed` affects when it is given, else everything.
    pub scope: Option<ReportScope>,
    /// Check a change with the head's `.stacklint.toml` instead of the base's.
    pub policy_from_head: bool,
    /// A baseline given from outside the configuration (`--baseline FILE`); the
    /// configuration's `baseline` key names one in the repository.
    pub baseline: Option<BaselineFile>,
}

/// A baseline file the caller read: its findings are not reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineFile {
    /// Where findings about the baseline itself are reported.
    pub path: String,
    pub text: String,
}

/// Which findings a check reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportScope {
    /// Every finding.
    All,
    /// Findings in what the change affects: the images holding a changed path, the images
    /// built on them, their scenes' image lists and the changed files.
    Changed,
    /// With a base: only the findings the change introduced.
    New,
}

impl CheckOptions {
    pub fn report_scope(&self) -> ReportScope {
        self.scope.unwrap_or(if self.changed.is_some() {
            ReportScope::Changed
        } else {
            ReportScope::All
        })
    }
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
    let mut extra: Vec<(&str, &str)> = Vec::new();
    if let ConfigFile::Given { path, text } = &options.config_file {
        extra.push((path, text));
    }
    if let Some(BaselineFile { path, text }) = &options.baseline {
        extra.push((path, text));
    }
    if extra.is_empty() {
        return Repo::load_with(source, &policy.config, &[], reuse);
    }
    let overlay = Overlay::new(source, extra);
    Repo::load_with(&overlay, &policy.config, &overlay.paths(), reuse)
}

/// Checks every manifest in the repository and returns all findings.
/// Selection and suppressions apply to what every rule found, before the scope narrows it,
/// so the summary counts exactly what is reported.
pub fn check(source: &dyn FileSource, options: &CheckOptions) -> Report {
    let policy = load_policy(source, options);
    let repo = load_repo(source, options, &policy, None);
    check_loaded(&repo, &policy, options, None)
}

/// Checks a loaded repository (with the policy it was loaded with). With `focus` (repository
/// paths of files, e.g. those open in an editor) only the findings in those files are
/// reported, and the per-manifest rules run only for the manifests whose image folders hold
/// one of them: their findings lie in their own image folders. Every rule that reads across
/// the repository runs as without a focus, so what is reported for a focused file is exactly
/// what [`check`] reports for it.
pub fn check_loaded(
    repo: &Repo,
    policy: &config_file::Loaded,
    options: &CheckOptions,
    focus: Option<&[String]>,
) -> Report {
    let mut context = Context::build(repo);
    let focus: Option<HashSet<&str>> =
        focus.map(|paths| paths.iter().map(String::as_str).collect());
    if let Some(focus) = &focus {
        context.skip = unfocused(repo, policy, options, focus);
        context.focus = Some(focus.iter().map(|path| path.to_string()).collect());
    }
    let selection = selection(policy, options);
    let mut findings = run_rules(
        &context,
        policy.findings.clone(),
        &selection,
        focus.as_ref(),
    );
    if let (Some(changed), ReportScope::Changed | ReportScope::New) =
        (&options.changed, options.report_scope())
    {
        let scope = Scope::new(&context, changed);
        findings.retain(|finding| scope.keeps(&finding.path));
    }
    let mut sources = BTreeMap::new();
    let mut diagnostics = report::located(repo, findings, &mut sources);
    let mut existing = Vec::new();
    if let Some(baseline) = baseline(repo, policy, options) {
        let mut about_baseline = Vec::new();
        match baseline {
            Ok(baseline) => {
                let (new, old, stale) = baseline.apply(diagnostics);
                (diagnostics, existing) = (new, old);
                about_baseline = stale;
            }
            Err(problem) => about_baseline.push(*problem),
        }
        selection.apply(&mut about_baseline);
        if let Some(focus) = &focus {
            about_baseline.retain(|finding| focus.contains(finding.path.as_str()));
        }
        diagnostics.extend(report::located(repo, about_baseline, &mut sources));
        report::sort(&mut diagnostics);
    }
    let mut report = report::assemble(repo, diagnostics, sources);
    report.summary.existing = existing.len();
    report.existing = existing;
    report
}

/// The manifests whose own rules need not run for `focus`: those whose image folder holds no
/// focused file. None when the baseline file is focused: which of its entries match nothing
/// needs every finding.
fn unfocused(
    repo: &Repo,
    policy: &config_file::Loaded,
    options: &CheckOptions,
    focus: &HashSet<&str>,
) -> HashSet<String> {
    let baseline = options
        .baseline
        .as_ref()
        .map(|given| given.path.as_str())
        .or(policy.baseline.as_ref().map(|(path, _)| path.as_str()));
    if baseline.is_some_and(|path| focus.contains(path)) {
        return HashSet::new();
    }
    repo.manifests
        .iter()
        .filter(|manifest| !focus.iter().any(|path| is_within(path, &manifest.root)))
        .map(|manifest| manifest.path.clone())
        .collect()
}

/// The baseline the options or the configuration name, read; `None` without one.
fn baseline(
    repo: &Repo,
    policy: &config_file::Loaded,
    options: &CheckOptions,
) -> Option<Result<Baseline, Box<Finding>>> {
    if let Some(given) = &options.baseline {
        let file = repo.file(&given.path)?;
        return Some(policy::baseline::read(file));
    }
    let (path, key) = policy.baseline.as_ref()?;
    match repo.file(path) {
        Some(file) => Some(policy::baseline::read(file)),
        None => Some(Err(Box::new(
            Finding::new(
                &INVALID_BASELINE,
                CONFIG_FILE_NAME,
                *key,
                format!("the baseline `{path}` that `{CONFIG_FILE_NAME}` names does not exist or cannot be read"),
            )
            .help("write it with `stacklint check --write-baseline FILE`, or remove the `baseline` key"),
        ))),
    }
}

/// The rules the policy selects, with the options' `select`/`ignore` in place of its own.
fn selection(policy: &config_file::Loaded, options: &CheckOptions) -> Selection {
    policy
        .selection
        .clone()
        .overridden(options.select.as_deref(), options.ignore.as_deref())
}

/// Every family's findings (after `initial`, which the policy and the change produced),
/// selected and with the inline suppressions applied.
/// With `focus`, only the findings in those files are kept, and only their suppressions read.
fn run_rules(
    context: &Context,
    mut findings: Vec<Finding>,
    selection: &Selection,
    focus: Option<&HashSet<&str>>,
) -> Vec<Finding> {
    for family in FAMILIES {
        (family.check)(context, &mut findings);
    }
    if let Some(focus) = focus {
        findings.retain(|finding| focus.contains(finding.path.as_str()));
    }
    finish(context.repo, findings, selection, focus)
}

fn finish(
    repo: &Repo,
    mut findings: Vec<Finding>,
    selection: &Selection,
    focus: Option<&HashSet<&str>>,
) -> Vec<Finding> {
    selection.apply(&mut findings);
    let mut unused = match focus {
        None => suppress::apply(repo, selection, &mut findings),
        Some(focus) => suppress::apply_in(repo, focus.iter().copied(), selection, &mut findings),
    };
    selection.apply(&mut unused);
    findings.append(&mut unused);
    findings
}

/// Checks a change: the head tree against its base. Every head finding gets a status (`new`
/// when the base did not have it); the history rules (H) say what the change does to
/// published images, at the lines it touched; the policy is the base's (unless the options
/// say the head's), and a head policy that checks less is reported (C003). The options'
/// scope chooses what is reported: everything, what the change affects, or only what is new.
pub fn check_change(
    head: &dyn FileSource,
    base: &dyn FileSource,
    options: &CheckOptions,
) -> Report {
    let base_policy = load_policy(base, options);
    let head_policy = load_policy(head, options);
    let policy = if options.policy_from_head {
        &head_policy
    } else {
        &base_policy
    };
    let base_repo = load_repo(base, options, policy, None);
    let head_repo = load_repo(head, options, policy, Some(&base_repo));
    let (mut base_context, head_context) = (Context::build(&base_repo), Context::build(&head_repo));
    // What the head shares with the base unchanged needs no second look at base.
    let shared: HashMap<&str, bool> = head_repo
        .manifests
        .iter()
        .map(|manifest| {
            let same = base_repo
                .manifest_at(&manifest.path)
                .is_some_and(|old| Rc::ptr_eq(old, manifest));
            (manifest.root.as_str(), same)
        })
        .collect();
    base_context.skip = shared
        .iter()
        .filter(|(_, same)| **same)
        .map(|(root, _)| join_dir(root, MANIFEST_NAME))
        .collect();
    let selection = selection(policy, options);
    let change = Change::between(
        &base_repo,
        &head_repo,
        options.changed.as_deref().unwrap_or_default(),
    );

    let base_findings = run_rules(
        &base_context,
        base_policy.findings.clone(),
        &selection,
        None,
    );
    let history = history::compare(&base_context, &head_context, &change);
    let mut head_findings = head_policy.findings.clone();
    head_findings.extend(relaxation::check(
        &base_policy.selection,
        &head_policy.selection,
        &head_repo,
        &change,
        !options.policy_from_head,
    ));
    head_findings.extend(history.findings);
    for family in FAMILIES {
        (family.check)(&head_context, &mut head_findings);
    }
    // A child whose parent the change removed: H001 reports it at the change.
    head_findings.retain(|finding| {
        finding.rule.code != DANGLING_FROM.code
            || !history
                .covered
                .contains(&(finding.path.clone(), finding.span))
    });
    // Nothing is published under a tag the base does not declare: renaming it is safe.
    renames::promote_new_tag_renames(&mut head_findings, |rename| {
        tag_is_new(&base_context, &head_context, rename)
    });
    let head_findings = finish(&head_repo, head_findings, &selection, None);

    let known = report::located(&base_repo, base_findings, &mut BTreeMap::new());
    let mut sources = BTreeMap::new();
    let mut diagnostics = report::located(&head_repo, head_findings, &mut sources);
    for diagnostic in &mut diagnostics {
        if from_shared_manifest(diagnostic, &shared) {
            diagnostic.status = Some(Status::Existing);
        }
    }
    classify(&mut diagnostics, &known, &change);

    let touched = Scope::new(
        &head_context,
        &change.paths().map(str::to_string).collect::<Vec<_>>(),
    );
    let mut existing = Vec::new();
    match options.report_scope() {
        ReportScope::All => {}
        ReportScope::Changed => diagnostics.retain(|d| touched.keeps(&d.path)),
        ReportScope::New => {
            let (new, old): (Vec<Diagnostic>, Vec<Diagnostic>) = diagnostics
                .into_iter()
                .partition(|d| d.status == Some(Status::New));
            diagnostics = new;
            existing = old.into_iter().filter(|d| touched.keeps(&d.path)).collect();
        }
    }
    let mut report = report::assemble(&head_repo, diagnostics, sources);
    report.summary.existing = existing.len();
    report.existing = existing;
    report.change = Some(change);
    report
}

/// Whether the tag a fix renames is new in the change: its manifest at base does not declare
/// it, nor does any image root the head publishes under the same name.
fn tag_is_new(base: &Context, head: &Context, rename: &TagRename) -> bool {
    let in_base_manifest = base
        .repo
        .manifest_at(&rename.manifest)
        .is_some_and(|manifest| manifest.declares(&rename.tag));
    let name = head
        .repo
        .manifests
        .iter()
        .position(|manifest| manifest.path == rename.manifest)
        .and_then(|m| head.index.name_of(m));
    let under_the_name =
        name.is_some_and(|name| !base.index.declared(name, &rename.tag).is_empty());
    !in_base_manifest && !under_the_name
}

/// Whether a diagnostic comes from the rules that read nothing but one manifest and its image
/// folder, in a part of the tree the change left alone (every manifest whose folder holds the
/// path is shared with the base): the base has it too.
fn from_shared_manifest(diagnostic: &Diagnostic, shared: &HashMap<&str, bool>) -> bool {
    const PER_MANIFEST: &[&str] = &["Y", "P", "A", "T001", "T002", "T003", "T004", "T005"];
    if !PER_MANIFEST
        .iter()
        .any(|prefix| diagnostic.code.starts_with(prefix))
    {
        return false;
    }
    let mut dir = parent_dir(&diagnostic.path);
    let mut owned = false;
    loop {
        match shared.get(dir) {
            Some(false) => return false,
            Some(true) => owned = true,
            None => {}
        }
        if dir.is_empty() {
            return owned;
        }
        dir = parent_dir(dir);
    }
}

/// Marks each head diagnostic `new` or `existing`: as many of a fingerprint are existing as
/// the base had, those away from the change first. A finding on a line the change did not
/// touch whose rule family flagged the same text of the same file at base is existing too:
/// its message changed because something elsewhere did (the problem did not).
fn classify(diagnostics: &mut [Diagnostic], base: &[Diagnostic], change: &Change) {
    let mut known: HashMap<&str, usize> = HashMap::new();
    for diagnostic in base {
        *known.entry(diagnostic.fingerprint.as_str()).or_default() += 1;
    }
    // Those already known to be existing (from a shared manifest) are not matched again.
    let mut order: Vec<usize> = (0..diagnostics.len())
        .filter(|&i| diagnostics[i].status.is_none())
        .collect();
    crate::sort::sort_by_key(&mut order, |&i| {
        let d = &diagnostics[i];
        change.touches(&d.path, d.line, d.end_line)
    });
    let mut unmatched = Vec::new();
    for i in order {
        match known.get_mut(diagnostics[i].fingerprint.as_str()) {
            Some(count) if *count > 0 => {
                *count -= 1;
                diagnostics[i].status = Some(Status::Existing);
            }
            _ => unmatched.push(i),
        }
    }
    // The base findings no head finding matched, by anchor.
    let mut anchors: HashMap<u64, usize> = HashMap::new();
    for diagnostic in base {
        if let Some(left) = known
            .get_mut(diagnostic.fingerprint.as_str())
            .filter(|left| **left > 0)
        {
            *left -= 1;
            *anchors.entry(diagnostic.anchor).or_default() += 1;
        }
    }
    for i in unmatched {
        let d = &diagnostics[i];
        let untouched = !change.touches(&d.path, d.line, d.end_line);
        let status = match anchors.get_mut(&d.anchor) {
            Some(left) if untouched && *left > 0 => {
                *left -= 1;
                Status::Existing
            }
            _ => Status::New,
        };
        diagnostics[i].status = Some(status);
    }
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
