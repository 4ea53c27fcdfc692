//! Which files and folders the repository has: the sorted listing every lookup goes through.

use std::collections::HashSet;

use crate::source::repo_path::parent_dir;

#[derive(Debug, Default)]
pub struct Listing {
    /// Every file, sorted.
    paths: Vec<String>,
    /// Every folder that holds at least one file (directly or below).
    dirs: HashSet<String>,
}

impl Listing {
    pub fn new(mut paths: Vec<String>) -> Listing {
        crate::sort::sort(&mut paths);
        paths.dedup();
        let mut dirs = HashSet::new();
        for path in &paths {
            let mut dir = parent_dir(path);
            while !dir.is_empty() && dirs.insert(dir.to_string()) {
                dir = parent_dir(dir);
            }
        }
        Listing { paths, dirs }
    }

    /// Every file, sorted.
    pub fn paths(&self) -> &[String] {
        &self.paths
    }

    pub fn is_file(&self, path: &str) -> bool {
        self.paths
            .binary_search_by(|p| p.as_str().cmp(path))
            .is_ok()
    }

    pub fn is_dir(&self, path: &str) -> bool {
        self.dirs.contains(path)
    }

    /// Every file below `dir` (`""` is the whole repository): a slice of the sorted listing, so
    /// looking up one image's files does not scan the repository.
    pub fn files_under(&self, dir: &str) -> &[String] {
        if dir.is_empty() {
            return &self.paths;
        }
        let prefix = format!("{dir}/");
        let start = self.paths.partition_point(|p| p.as_str() < prefix.as_str());
        let len = self.paths[start..].partition_point(|p| p.starts_with(&prefix));
        &self.paths[start..start + len]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_under_is_exactly_the_folder_subtree() {
        let listing = Listing::new(
            [
                "AI/b-c/x",
                "AI/b/meta.yml",
                "AI/b/1.0/Dockerfile",
                "AI/bc",
                "Cloud/b/y",
            ]
            .map(String::from)
            .to_vec(),
        );
        assert_eq!(
            listing.files_under("AI/b"),
            ["AI/b/1.0/Dockerfile", "AI/b/meta.yml"]
        );
        assert_eq!(listing.files_under("AI").len(), 4);
        assert_eq!(listing.files_under("").len(), 5);
        assert!(listing.files_under("Nope").is_empty());
        assert!(listing.is_dir("AI/b/1.0") && listing.is_dir("AI") && !listing.is_dir("AI/bc"));
    }
}
