//! What every rule family receives: the loaded repository and what is derived from it, built
//! once per check, in order (the image index, then the parent graph that needs it).

use std::collections::HashSet;

use crate::domain::tables::Config;
use crate::model::image_index::{EntryId, ImageIndex};
use crate::model::manifest::{Entry, Manifest};
use crate::model::parents::ParentGraph;
use crate::model::Repo;
use crate::text::suggest::Budget;

pub struct Context<'r, 'a> {
    pub repo: &'r Repo<'a>,
    pub config: &'a Config,
    pub index: ImageIndex,
    pub parents: ParentGraph,
    /// Manifests whose own checks (the Y, P, A and T001–T005 rules, which read nothing but
    /// the manifest and its image folder) are not run: a change's base skips those its head
    /// shares unchanged, whose findings are the head's.
    pub skip: HashSet<String>,
    /// The work "did you mean" may spend on repository-sized candidate lists in this check.
    pub suggestions: Budget,
    /// With a focus (an editor's open files), only findings in these files are reported: a
    /// rule may leave out work whose findings would lie elsewhere.
    pub focus: Option<HashSet<String>>,
}

impl<'r, 'a> Context<'r, 'a> {
    pub fn build(repo: &'r Repo<'a>) -> Context<'r, 'a> {
        let index = ImageIndex::build(repo);
        let parents = ParentGraph::build(repo, &index);
        Context {
            repo,
            config: repo.config,
            index,
            parents,
            skip: HashSet::new(),
            suggestions: Budget::for_input(repo.input_bytes),
            focus: None,
        }
    }

    /// Whether the per-manifest rules check `manifest`.
    pub fn checks(&self, manifest: &Manifest) -> bool {
        !self.skip.contains(&manifest.path)
    }

    /// Whether findings in `path` are reported (every path without a focus).
    pub fn reports(&self, path: &str) -> bool {
        self.focus.as_ref().is_none_or(|focus| focus.contains(path))
    }

    /// The manifests the publisher reads whose own checks run.
    pub fn manifests_to_check(&self) -> impl Iterator<Item = &'r Manifest> + '_ {
        self.repo.placed().filter(|manifest| self.checks(manifest))
    }

    pub fn manifest(&self, id: EntryId) -> Option<&'r Manifest> {
        self.repo
            .manifests
            .get(id.manifest)
            .map(|manifest| &**manifest)
    }

    pub fn entry(&self, id: EntryId) -> Option<&'r Entry> {
        self.manifest(id)?.entries.get(id.entry)
    }
}
