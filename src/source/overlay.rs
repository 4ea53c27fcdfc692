//! A repository with one more file that is not part of it.

use crate::source::{FileSource, ReadError};

/// The repository plus one unlisted file from outside it (the `--config FILE` text), so that
/// findings in that file can be located. It is not listed, so no rule sees it.
pub struct Overlay<'a> {
    inner: &'a dyn FileSource,
    path: &'a str,
    text: &'a str,
}

impl<'a> Overlay<'a> {
    pub fn new(inner: &'a dyn FileSource, path: &'a str, text: &'a str) -> Overlay<'a> {
        Overlay { inner, path, text }
    }
}

impl FileSource for Overlay<'_> {
    fn list(&self) -> Vec<String> {
        self.inner.list()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        if path == self.path {
            return Ok(self.text.to_string());
        }
        self.inner.read(path)
    }

    fn is_file(&self, path: &str) -> bool {
        self.inner.is_file(path)
    }
}
