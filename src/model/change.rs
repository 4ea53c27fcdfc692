//! What a change did between a base and a head repository: which paths it added, deleted or
//! modified, and which lines of each file it touched, computed from the two texts so that
//! every shell places findings the same way.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::Repo;
use crate::text::line_diff::{self, LineChanges};

/// How one path differs between base and head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileChange {
    /// Only in head: every line is new.
    Added,
    /// Only in base.
    Deleted,
    /// In both, with other text (or named changed by the caller without texts to compare).
    Modified(Option<LineChanges>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Change {
    files: BTreeMap<String, FileChange>,
}

impl Change {
    /// Compares two loaded repositories: every listed path, and the text of every file the
    /// core read on both sides. `also` names paths the caller knows changed although the core
    /// has no text to compare (a README, an image's logo): they count as modified.
    pub fn between(base: &Repo, head: &Repo, also: &[String]) -> Change {
        let mut files = BTreeMap::new();
        let base_paths: BTreeSet<&str> = crate::sort::set(base.paths().iter().map(String::as_str));
        let head_paths: BTreeSet<&str> = crate::sort::set(head.paths().iter().map(String::as_str));
        for &path in base_paths.difference(&head_paths) {
            files.insert(path.to_string(), FileChange::Deleted);
        }
        for &path in head_paths.difference(&base_paths) {
            files.insert(path.to_string(), FileChange::Added);
        }
        for &path in base_paths.intersection(&head_paths) {
            let (Some(old), Some(new)) = (base.file(path), head.file(path)) else {
                continue;
            };
            if old.text != new.text {
                let lines = line_diff::diff(&old.text, &new.text);
                files.insert(path.to_string(), FileChange::Modified(Some(lines)));
            }
        }
        for path in also {
            files
                .entry(path.clone())
                .or_insert(FileChange::Modified(None));
        }
        Change { files }
    }

    /// Every path the change added, deleted or modified, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn of(&self, path: &str) -> Option<&FileChange> {
        self.files.get(path)
    }

    /// Whether lines `start..=end` of head's `path` are lines the change touched.
    pub fn touches(&self, path: &str, start: usize, end: usize) -> bool {
        match self.files.get(path) {
            Some(FileChange::Added) => true,
            Some(FileChange::Modified(Some(lines))) => lines.touches(start, end),
            // Named changed without a line-level comparison: any line may be the change.
            Some(FileChange::Modified(None)) => true,
            Some(FileChange::Deleted) | None => false,
        }
    }

    /// How far head's line `line` of `path` is from the nearest changed line; `None` when the
    /// file is untouched.
    pub fn distance(&self, path: &str, line: usize) -> Option<usize> {
        match self.files.get(path)? {
            FileChange::Added | FileChange::Modified(None) => Some(0),
            FileChange::Modified(Some(lines)) => lines.distance(line),
            FileChange::Deleted => None,
        }
    }

    /// The head line that base line `line` of `path` became, or where it was deleted; the line
    /// itself when the file did not change; `None` when the file is gone.
    pub fn head_line(&self, path: &str, line: usize) -> Option<usize> {
        match self.files.get(path) {
            None | Some(FileChange::Modified(None)) => Some(line),
            Some(FileChange::Modified(Some(lines))) => Some(lines.head_line(line)),
            Some(FileChange::Added) | Some(FileChange::Deleted) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    #[test]
    fn paths_and_lines_come_from_the_two_trees() {
        let base = MemorySource::new()
            .with(
                "AI/a/meta.yml",
                "1-oe2403lts:\n  path: x\n2-oe2403lts:\n  path: y\n",
            )
            .with("AI/gone/meta.yml", "")
            .with("AI/a/README.md", "same");
        let head = MemorySource::new()
            .with("AI/a/meta.yml", "1-oe2403lts:\n  path: x\n")
            .with("AI/new/meta.yml", "")
            .with("AI/a/README.md", "same");
        let config = Config::default();
        let (base, head) = (Repo::load(&base, &config), Repo::load(&head, &config));
        let change = Change::between(&base, &head, &["AI/a/README.md".to_string()]);
        let paths: Vec<&str> = change.paths().collect();
        assert_eq!(
            paths,
            [
                "AI/a/README.md",
                "AI/a/meta.yml",
                "AI/gone/meta.yml",
                "AI/new/meta.yml"
            ]
        );
        assert!(change.touches("AI/a/meta.yml", 2, 2));
        assert!(!change.touches("AI/a/meta.yml", 1, 1));
        assert_eq!(change.head_line("AI/a/meta.yml", 3), Some(2));
        assert!(change.touches("AI/new/meta.yml", 1, 1));
        assert_eq!(change.head_line("AI/gone/meta.yml", 1), None);
        assert_eq!(change.distance("AI/a/meta.yml", 1), Some(1));
    }
}
