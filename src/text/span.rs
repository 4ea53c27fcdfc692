//! Byte ranges inside one file: what every parser and rule produces before anything is
//! located in lines and columns.

/// A half-open byte range `[start, end)` inside one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// An empty span at the start of the file, for findings about a whole file.
    pub fn file_start() -> Span {
        Span::new(0, 0)
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}
