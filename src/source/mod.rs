//! How the core sees a repository. The core performs no I/O: it asks a [`FileSource`] for the
//! paths that exist and for the text of the few files it needs, so the same checks run natively
//! (a directory), in WASM (a map handed over by JavaScript) and in tests (a map).

#[cfg(not(target_arch = "wasm32"))]
pub mod dir;
#[cfg(not(target_arch = "wasm32"))]
pub mod git;
pub mod js;
pub mod memory;
pub mod overlay;
pub mod patched;
pub mod repo_path;
#[cfg(not(target_arch = "wasm32"))]
pub mod write;

pub use memory::MemorySource;

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
            // A stream (a pipe, a device) is read one byte past the limit and no further.
            ReadError::TooLarge { bytes } if *bytes == MAX_FILE_BYTES as u64 + 1 => write!(
                f,
                "the file is more than the {MAX_FILE_BYTES} bytes stacklint reads"
            ),
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

#[cfg(test)]
mod tests {
    use super::*;

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
