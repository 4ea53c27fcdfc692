//! A repository with some files' texts replaced: what the fix rounds check between fixing and
//! writing.

use std::collections::BTreeMap;

use crate::source::{FileSource, ReadError};

/// `inner` with the texts of `patched` in place of its own. The listing is `inner`'s: fixes
/// edit files, they never add or remove one.
pub struct Patched<'a> {
    inner: &'a dyn FileSource,
    patched: &'a BTreeMap<String, String>,
}

impl<'a> Patched<'a> {
    pub fn new(inner: &'a dyn FileSource, patched: &'a BTreeMap<String, String>) -> Patched<'a> {
        Patched { inner, patched }
    }
}

impl FileSource for Patched<'_> {
    fn list(&self) -> Vec<String> {
        self.inner.list()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        match self.patched.get(path) {
            Some(text) => Ok(text.clone()),
            None => self.inner.read(path),
        }
    }

    fn is_file(&self, path: &str) -> bool {
        self.inner.is_file(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemorySource;

    #[test]
    fn patched_texts_win_and_everything_else_is_the_inner_source() {
        let inner = MemorySource::new().with("a", "old").with("b", "kept");
        let patched = BTreeMap::from([("a".to_string(), "new".to_string())]);
        let source = Patched::new(&inner, &patched);
        assert_eq!(source.read("a"), Ok("new".into()));
        assert_eq!(source.read("b"), Ok("kept".into()));
        assert_eq!(source.read("c"), Err(ReadError::NotFound));
        assert_eq!(source.list(), ["a", "b"]);
    }
}
