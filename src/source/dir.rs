//! The native [`FileSource`]: a directory on disk. Never reads outside its root and never
//! follows a symlink that leads out of it.
//!
//! The walk lists every regular file, and every symlink that does not lead to a folder: a
//! link out of the repository or to nothing is listed too, so that a `meta.yml` or
//! `image-list.yml` that is such a link is reported (F001) as the action reports it, not
//! skipped. Reading a listed file opens it once, by the path the walk found.

use std::collections::HashMap;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::source::repo_path::normalize_repo_path;
use crate::source::{decode_text, FileSource, ReadError, MAX_FILE_BYTES};

/// Folders that never hold image definitions and can be huge.
const SKIPPED_DIRS: &[&str] = &[".git", "node_modules", "target"];

/// What a listed symlink leads to, decided once by the walk.
#[derive(Debug, Clone)]
enum Link {
    /// A regular file inside the root, by its real path.
    Inside(PathBuf),
    Outside,
    Broken,
}

#[derive(Debug, Clone)]
pub struct DirSource {
    root: PathBuf,
    files: Vec<String>,
    links: HashMap<String, Link>,
    /// Files whose on-disk name is not UTF-8, by their listed (lossy) path.
    not_utf8: HashMap<String, PathBuf>,
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
        let mut source = DirSource {
            root: root.clone(),
            files: Vec::new(),
            links: HashMap::new(),
            not_utf8: HashMap::new(),
        };
        source.walk(&root, "");
        source.files.sort_unstable();
        Ok(source)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    fn walk(&mut self, dir: &Path, prefix: &str) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            let name = entry.file_name();
            let utf8 = name.to_str();
            let name_text = utf8.map_or_else(|| name.to_string_lossy(), Into::into);
            let relative = if prefix.is_empty() {
                name_text.into_owned()
            } else {
                format!("{prefix}/{name_text}")
            };
            if file_type.is_dir() {
                if !SKIPPED_DIRS.iter().any(|skip| name == *skip) {
                    self.walk(&entry.path(), &relative);
                }
                continue;
            }
            if file_type.is_symlink() {
                let link = match entry.path().canonicalize() {
                    // Linked folders are not walked: no escape, no cycles, no double counting.
                    Ok(target) if target.is_dir() => continue,
                    Ok(target) if target.starts_with(&self.root) && target.is_file() => {
                        Link::Inside(target)
                    }
                    Ok(target) if target.starts_with(&self.root) => continue,
                    Ok(_) => Link::Outside,
                    Err(_) => Link::Broken,
                };
                self.links.insert(relative.clone(), link);
            } else if !file_type.is_file() {
                // Sockets, FIFOs and devices are not files a build reads.
                continue;
            } else if utf8.is_none() {
                self.not_utf8.insert(relative.clone(), entry.path());
            }
            self.files.push(relative);
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as text, whatever it is (a pipe, a device):
/// never more than one byte past the limit.
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    let file = File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    let meta = file.metadata().map_err(|e| ReadError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(ReadError::NotFound);
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(ReadError::TooLarge { bytes: meta.len() });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Io(e.to_string()))?;
    decode_text(bytes)
}

impl FileSource for DirSource {
    fn list(&self) -> Vec<String> {
        self.files.clone()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        let relative = normalize_repo_path(path).ok_or(ReadError::OutsideRoot)?;
        match self.links.get(&relative) {
            Some(Link::Inside(target)) => return read_limited(target),
            Some(Link::Outside) => return Err(ReadError::OutsideRoot),
            Some(Link::Broken) => return Err(ReadError::Io("it is a symlink to nothing".into())),
            None => {}
        }
        if self.files.binary_search(&relative).is_err() {
            return Err(ReadError::NotFound);
        }
        match self.not_utf8.get(&relative) {
            Some(real) => read_limited(real),
            None => read_limited(&self.root.join(relative)),
        }
    }

    fn is_file(&self, path: &str) -> bool {
        normalize_repo_path(path).is_some_and(|p| self.files.binary_search(&p).is_ok())
    }
}
