//! What every rule family receives: the loaded repository and what is derived from it, built
//! once per check, in order (the image index, then the parent graph that needs it).

use crate::domain::tables::Config;
use crate::model::image_index::{EntryId, ImageIndex};
use crate::model::manifest::{Entry, Manifest};
use crate::model::parents::ParentGraph;
use crate::model::Repo;

pub struct Context<'r, 'a> {
    pub repo: &'r Repo<'a>,
    pub config: &'a Config,
    pub index: ImageIndex,
    pub parents: ParentGraph,
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
        }
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
