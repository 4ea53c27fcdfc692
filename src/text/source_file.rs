//! A file that was read: its text and its line index.

use crate::text::line_index::LineIndex;
use crate::text::Span;

/// A text file that was read, with its line index.
#[derive(Debug)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
    /// Where the file's comments are, as its parser found them (inline suppressions are read
    /// from these only).
    pub comments: Vec<Span>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: String) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile {
            path: path.into(),
            text,
            lines,
            comments: Vec::new(),
        }
    }

    /// The first line, without its line ending: where a finding about the whole file points,
    /// so editors and annotations underline something visible.
    pub fn first_line(&self) -> Span {
        let (start, end) = self.lines.line_span(&self.text, 1);
        Span::new(start, end)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}
