//! A repository kept in memory between checks, for an editor: files are set and removed one
//! by one as the editor sees them change, and each check reuses what the previous one loaded
//! (every file that did not change is neither read nor parsed again, and a manifest whose
//! image folder is unchanged is shared whole). A check can be focused on the open files, so
//! the per-manifest rules run only where they can find something to show.

use std::collections::HashSet;

use crate::check::{self, CheckOptions};
use crate::inspect::{self, Inspection, Link, Location, TextEdit};
use crate::model::context::Context;
use crate::model::{FileKind, Parked, Repo};
use crate::policy::config_file::Loaded;
use crate::policy::suppress;
use crate::report::Report;
use crate::rules;
use crate::source::js::FileContent;
use crate::source::repo_path::normalize_repo_path;
use crate::source::MemorySource;

pub struct Session {
    source: MemorySource,
    options: CheckOptions,
    /// Paths set or removed since the last load.
    changed: HashSet<String>,
    /// The policy of the last load, and what it loaded.
    policy: Loaded,
    parked: Option<Parked>,
}

impl Session {
    /// An empty repository, checked with `options` (rule selection, a configuration file, a
    /// baseline; a scope or a base mean nothing here).
    pub fn new(options: CheckOptions) -> Session {
        Session {
            source: MemorySource::new(),
            options,
            changed: HashSet::new(),
            policy: Loaded::default(),
            parked: None,
        }
    }

    /// Adds or replaces a file; an error names a path that leaves the repository.
    pub fn set(&mut self, path: &str, content: FileContent) -> Result<(), String> {
        let normalized = normalize_repo_path(path)
            .ok_or_else(|| format!("`{path}` is not a path inside the repository"))?;
        let added = match content {
            FileContent::Text(text) => self.source.insert(&normalized, Some(text)),
            FileContent::NotProvided => self.source.insert(&normalized, None),
            FileContent::Bytes(bytes) => self.source.insert_bytes(&normalized, bytes),
            FileContent::Unreadable(error) => self.source.insert_unreadable(&normalized, error),
        };
        if added {
            self.changed.insert(normalized);
        }
        Ok(())
    }

    /// Removes a file (deleted on disk); `false` when there was none.
    pub fn remove(&mut self, path: &str) -> bool {
        let Some(normalized) = normalize_repo_path(path) else {
            return false;
        };
        let removed = self.source.remove(&normalized);
        if removed {
            self.changed.insert(normalized);
        }
        removed
    }

    /// Checks the repository; with `focus`, only the findings in those files (see
    /// [`check::check_loaded`]).
    pub fn check(&mut self, focus: Option<&[String]>) -> Report {
        self.with_repo(|repo, policy, options| check::check_loaded(repo, policy, options, focus))
    }

    /// What is at a 1-based line and column (in Unicode characters) of a file.
    pub fn inspect(&mut self, path: &str, line: usize, column: usize) -> Option<Inspection> {
        self.with_context(|context| {
            let file = context.repo.file(path)?;
            let offset = file.lines.offset(&file.text, line, column);
            inspect::at(context, path, offset)
        })
    }

    /// The links of a file to other files of the repository.
    pub fn links(&mut self, path: &str) -> Vec<Link> {
        self.with_context(|context| inspect::links(context, path))
    }

    /// The edit that silences rule `code` (a code or name) for a finding starting on `line`
    /// of `path` with an inline suppression; `None` where no suppression can be written.
    pub fn silence(&mut self, path: &str, line: usize, code: &str) -> Option<TextEdit> {
        let rule = rules::find(code)?;
        let syntax = FileKind::of(path).syntax()?;
        self.with_repo(|repo, _, _| {
            let file = repo.file(path)?;
            let edit = suppress::silencing_edit(file, syntax, line, rule)?;
            Some(TextEdit {
                range: Location::of(file, edit.span),
                text: edit.replacement,
            })
        })
    }

    fn with_context<R>(&mut self, answer: impl FnOnce(&Context) -> R) -> R {
        self.with_repo(|repo, _, _| answer(&Context::build(repo)))
    }

    /// Runs `work` on the repository as it is now: the files that changed since the last
    /// check read again in place, or, when files were added or removed or the configuration
    /// changed, loaded again, reusing every file whose text is the same.
    fn with_repo<R>(&mut self, work: impl FnOnce(&Repo, &Loaded, &CheckOptions) -> R) -> R {
        let parked = self.parked.take();
        let mut same_policy = true;
        if !self.changed.is_empty() || parked.is_none() {
            let policy = check::load_policy(&self.source, &self.options);
            same_policy = policy.config == self.policy.config;
            self.policy = policy;
        }
        let changed = std::mem::take(&mut self.changed);
        let mut previous = parked.map(|parked| parked.unpark(&self.policy.config));
        let refreshed = same_policy
            && previous
                .as_mut()
                .is_some_and(|repo| repo.refresh(&self.source, &changed));
        let repo = match previous {
            Some(repo) if refreshed => repo,
            previous => {
                check::load_repo(&self.source, &self.options, &self.policy, previous.as_ref())
            }
        };
        let result = work(&repo, &self.policy, &self.options);
        self.parked = Some(repo.park());
        result
    }
}
