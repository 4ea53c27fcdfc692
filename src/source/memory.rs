//! An in-memory repository: the tests' source, and what the WASM shells hand over.

use std::collections::BTreeMap;

use crate::source::repo_path::normalize_repo_path;
use crate::source::{decode_text, FileSource, ReadError, MAX_FILE_BYTES};

/// What an in-memory repository knows about one file.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Content {
    Text(String),
    /// The file exists; the caller chose not to provide its content.
    NotProvided,
    /// The caller could not read it (too large, not UTF-8, a link out of the repository).
    Unreadable(ReadError),
}

/// An in-memory repository: path -> content, where `None` means "exists, not read".
#[derive(Debug, Clone, Default)]
pub struct MemorySource {
    files: BTreeMap<String, Content>,
}

impl MemorySource {
    pub fn new() -> MemorySource {
        MemorySource::default()
    }

    fn insert_content(&mut self, path: &str, content: Content) -> bool {
        match normalize_repo_path(path) {
            Some(path) => {
                self.files.insert(path, content);
                true
            }
            None => false,
        }
    }

    /// Adds a file; returns `false` (and ignores it) when the path leaves the repository.
    pub fn insert(&mut self, path: &str, content: Option<String>) -> bool {
        self.insert_content(path, content.map_or(Content::NotProvided, Content::Text))
    }

    /// Adds a file as raw bytes, which are checked like a file on disk (NUL, UTF-8, size).
    pub fn insert_bytes(&mut self, path: &str, bytes: Vec<u8>) -> bool {
        let content = match decode_text(bytes) {
            Ok(text) => Content::Text(text),
            Err(error) => Content::Unreadable(error),
        };
        self.insert_content(path, content)
    }

    /// Adds a file the caller could not read, with the reason.
    pub fn insert_unreadable(&mut self, path: &str, error: ReadError) -> bool {
        self.insert_content(path, Content::Unreadable(error))
    }

    /// Removes a file; `false` when there was none at that path.
    pub fn remove(&mut self, path: &str) -> bool {
        normalize_repo_path(path).is_some_and(|path| self.files.remove(&path).is_some())
    }

    pub fn with(mut self, path: &str, content: &str) -> MemorySource {
        self.insert(path, Some(content.to_string()));
        self
    }
}

impl<P: AsRef<str>, C: AsRef<str>> FromIterator<(P, C)> for MemorySource {
    fn from_iter<I: IntoIterator<Item = (P, C)>>(iter: I) -> MemorySource {
        let mut source = MemorySource::new();
        for (path, content) in iter {
            source.insert(path.as_ref(), Some(content.as_ref().to_string()));
        }
        source
    }
}

impl FileSource for MemorySource {
    fn list(&self) -> Vec<String> {
        self.files.keys().cloned().collect()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        let path = normalize_repo_path(path).ok_or(ReadError::OutsideRoot)?;
        match self.files.get(&path) {
            None => Err(ReadError::NotFound),
            Some(Content::NotProvided) => Err(ReadError::NotProvided),
            Some(Content::Unreadable(error)) => Err(error.clone()),
            Some(Content::Text(text)) => {
                if text.len() > MAX_FILE_BYTES {
                    Err(ReadError::TooLarge {
                        bytes: text.len() as u64,
                    })
                } else if text.contains('\0') {
                    Err(ReadError::Binary)
                } else {
                    Ok(text.clone())
                }
            }
        }
    }

    fn is_file(&self, path: &str) -> bool {
        normalize_repo_path(path).is_some_and(|path| self.files.contains_key(&path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_source_reports_missing_unprovided_and_binary_files() {
        let mut source = MemorySource::new()
            .with("a/meta.yml", "x: 1")
            .with("bin", "a\0b");
        source.insert("a/Dockerfile", None);
        assert!(!source.insert("../escape", Some(String::new())));
        assert_eq!(source.read("a/Dockerfile"), Err(ReadError::NotProvided));
        assert_eq!(source.read("nope"), Err(ReadError::NotFound));
        assert_eq!(source.read("bin"), Err(ReadError::Binary));
        assert_eq!(source.read("../a/meta.yml"), Err(ReadError::OutsideRoot));
        assert!(source.is_file("./a/meta.yml"));
        assert_eq!(source.list(), vec!["a/Dockerfile", "a/meta.yml", "bin"]);
    }

    #[test]
    fn bytes_are_decoded_like_files_on_disk_and_reasons_are_kept() {
        let mut source = MemorySource::new();
        source.insert_bytes("latin1.yml", vec![b'a', 0xe9]);
        source.insert_bytes("ok.yml", b"a: 1".to_vec());
        source.insert_unreadable("huge", ReadError::TooLarge { bytes: 3 << 30 });
        assert_eq!(
            source.read("latin1.yml"),
            Err(ReadError::NotUtf8 { offset: 1 })
        );
        assert_eq!(source.read("ok.yml"), Ok("a: 1".into()));
        assert_eq!(
            source.read("huge"),
            Err(ReadError::TooLarge { bytes: 3 << 30 })
        );
    }
}
