//! The native [`FileSource`]: a directory on disk. Never reads outside its root and never
//! follows a symlink that leads out of it.

use std::fs;
use std::path::{Path, PathBuf};

use crate::source::repo_path::normalize_repo_path;
use crate::source::{decode_text, FileSource, ReadError, MAX_FILE_BYTES};

/// Folders that never hold image definitions and can be huge.
const SKIPPED_DIRS: &[&str] = &[".git", "node_modules", "target"];

#[derive(Debug, Clone)]
pub struct DirSource {
    root: PathBuf,
    files: Vec<String>,
}

impl DirSource {
    /// Walks `root` once; the listing is fixed from then on.
    pub fn open(root: &Path) -> std::io::Result<DirSource> {
        let root = root.canonicalize()?;
        if !root.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!("{} is not a directory", root.display()),
            ));
        }
        let mut files = Vec::new();
        walk(&root, &root, &mut files);
        files.sort();
        Ok(DirSource { root, files })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The on-disk path of a repository path, if it stays inside the root.
    fn resolve(&self, path: &str) -> Result<PathBuf, ReadError> {
        let relative = normalize_repo_path(path).ok_or(ReadError::OutsideRoot)?;
        let full = self.root.join(relative);
        let meta = fs::symlink_metadata(&full).map_err(|_| ReadError::NotFound)?;
        if meta.file_type().is_symlink() {
            let target = full.canonicalize().map_err(|_| ReadError::NotFound)?;
            if !target.starts_with(&self.root) {
                return Err(ReadError::OutsideRoot);
            }
            return Ok(target);
        }
        Ok(full)
    }
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        let name = entry.file_name();
        if file_type.is_dir() {
            if !SKIPPED_DIRS.iter().any(|skip| name == *skip) {
                walk(root, &path, files);
            }
            continue;
        }
        let is_file = if file_type.is_symlink() {
            // A link counts only when it resolves to a regular file inside the root.
            path.canonicalize()
                .is_ok_and(|target| target.starts_with(root) && target.is_file())
        } else {
            file_type.is_file()
        };
        if !is_file {
            continue;
        }
        if let Ok(relative) = path.strip_prefix(root) {
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(parts.join("/"));
        }
    }
}

impl FileSource for DirSource {
    fn list(&self) -> Vec<String> {
        self.files.clone()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        let full = self.resolve(path)?;
        let meta = fs::metadata(&full).map_err(|e| ReadError::Io(e.to_string()))?;
        if !meta.is_file() {
            return Err(ReadError::NotFound);
        }
        if meta.len() > MAX_FILE_BYTES as u64 {
            return Err(ReadError::TooLarge { bytes: meta.len() });
        }
        let bytes = fs::read(&full).map_err(|e| ReadError::Io(e.to_string()))?;
        decode_text(bytes)
    }

    fn is_file(&self, path: &str) -> bool {
        normalize_repo_path(path).is_some_and(|p| self.files.binary_search(&p).is_ok())
    }
}
