//! A repository with files that are not part of it.

use crate::source::{FileSource, ReadError};

/// The repository plus unlisted files from outside it (the `--config FILE` and
/// `--baseline FILE` texts), so that findings in those files can be located. They are not
/// listed, so no rule sees them.
pub struct Overlay<'a> {
    inner: &'a dyn FileSource,
    extra: Vec<(&'a str, &'a str)>,
}

impl<'a> Overlay<'a> {
    /// `extra`: (path, text) of each added file.
    pub fn new(inner: &'a dyn FileSource, extra: Vec<(&'a str, &'a str)>) -> Overlay<'a> {
        Overlay { inner, extra }
    }

    /// The added paths.
    pub fn paths(&self) -> Vec<&'a str> {
        self.extra.iter().map(|(path, _)| *path).collect()
    }
}

impl FileSource for Overlay<'_> {
    fn list(&self) -> Vec<String> {
        self.inner.list()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        match self.extra.iter().find(|(extra, _)| *extra == path) {
            Some((_, text)) => Ok(text.to_string()),
            None => self.inner.read(path),
        }
    }

    fn is_file(&self, path: &str) -> bool {
        self.inner.is_file(path)
    }
}
