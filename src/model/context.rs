//! What every rule family receives: the loaded repository and what is derived from it, built
//! once per check, in order (the image index, then the parent graph that needs it).

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
    /// The work "did you mean" may spend on repository-sized candidate lists in this check.
    pub suggestions: Budget,
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
            suggestions: Budget::for_input(repo.input_bytes),
        }
    }

    pub fn manifest(&self, id: EntryId) -> Option<&'r Manifest> {
        self.repo.manifests.get(id.manifest)
    }

    pub fn entry(&self, id: EntryId) -> Option<&'r Entry> {
        self.manifest(id)?.entries.get(id.entry)
    }
}
