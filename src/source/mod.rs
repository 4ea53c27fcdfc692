//! How the core sees a repository. The core performs no I/O: it asks a [`FileSource`] for the
//! paths that exist and for the text of the few files it needs, so the same checks run natively
//! (a directory), in WASM (a map handed over by JavaScript) and in tests (a map).

#[cfg(not(target_arch = "wasm32"))]
pub mod dir;
pub mod js;

use std::collections::BTreeMap;
use std::fmt;

/// Files larger than this are reported, not parsed: no real manifest or Dockerfile comes close.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    /// The path exists, but the caller chose not to provide its content.
    NotProvided,
    /// Contains a NUL byte: binary data, not a text file.
    Binary,
    /// Starts with a UTF-16 byte order mark (Windows editors' "Unicode"): text, but not UTF-8.
    Utf16,
    /// Not valid UTF-8; `offset` is the first bad byte.
    NotUtf8 {
        offset: usize,
    },
    TooLarge {
        bytes: u64,
    },
    /// The path leaves the repository (`..`, absolute, or a symlink pointing outside).
    OutsideRoot,
    Io(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "the file does not exist"),
            ReadError::NotProvided => write!(f, "the file's content was not provided"),
            ReadError::Binary => write!(f, "the file contains NUL bytes (binary data, not text)"),
            ReadError::Utf16 => write!(
                f,
                "the file is UTF-16 text; stacklint and the publisher read UTF-8 (save it as UTF-8)"
            ),
            ReadError::NotUtf8 { offset } => {
                write!(
                    f,
                    "the file is not valid UTF-8 (first bad byte at offset {offset})"
                )
            }
            ReadError::TooLarge { bytes } => write!(
                f,
                "the file is {bytes} bytes, more than the {MAX_FILE_BYTES} bytes stacklint reads"
            ),
            ReadError::OutsideRoot => write!(f, "the path leads outside the repository"),
            ReadError::Io(message) => write!(f, "the file could not be read: {message}"),
        }
    }
}

/// A read-only view of a repository. Paths are repository-relative with `/` separators.
pub trait FileSource {
    /// Every regular file in the repository, sorted.
    fn list(&self) -> Vec<String>;
    /// The text of one file.
    fn read(&self, path: &str) -> Result<String, ReadError>;
    /// Whether `path` names an existing regular file.
    fn is_file(&self, path: &str) -> bool;
}

/// Checks bytes for what the core can read: no NUL, valid UTF-8, not too large.
pub fn decode_text(bytes: Vec<u8>) -> Result<String, ReadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(ReadError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|error| ReadError::NotUtf8 {
        offset: error.utf8_error().valid_up_to(),
    })
}

/// Normalises a caller-supplied path to the repository form (`a/b/c`), or `None` when it
/// would leave the repository.
pub fn normalize_repo_path(path: &str) -> Option<String> {
    if path.starts_with('/') || path.contains('\\') || path.contains('\0') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("/"))
    }
}

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
    fn paths_that_leave_the_repository_are_refused() {
        assert_eq!(normalize_repo_path("../x"), None);
        assert_eq!(normalize_repo_path("/etc/passwd"), None);
        assert_eq!(normalize_repo_path("a\\b"), None);
        assert_eq!(normalize_repo_path("./a//b/"), Some("a/b".into()));
    }

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

    #[test]
    fn decode_text_rejects_binary_and_bad_utf8() {
        assert_eq!(decode_text(b"ok".to_vec()), Ok("ok".into()));
        assert_eq!(decode_text(vec![b'a', 0]), Err(ReadError::Binary));
        assert_eq!(
            decode_text(vec![0xff, 0xfe, b'a', 0]),
            Err(ReadError::Utf16)
        );
        assert_eq!(
            decode_text(vec![0xfe, 0xff, 0, b'a']),
            Err(ReadError::Utf16)
        );
        assert_eq!(
            decode_text(vec![b'a', 0xff]),
            Err(ReadError::NotUtf8 { offset: 1 })
        );
    }
}
