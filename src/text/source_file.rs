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
    /// The end of the syntax error where the parser gave up, if it did: what follows was not
    /// understood (a `#` there may be inside a value), so no fix edits it.
    pub parsed_to: Option<usize>,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: String) -> SourceFile {
        let lines = LineIndex::new(&text);
        SourceFile {
            path: path.into(),
            text,
            lines,
            comments: Vec::new(),
            parsed_to: None,
        }
    }

    /// The first line, without its line ending: where a finding about the whole file points,
    /// so editors and annotations underline something visible.
    pub fn first_line(&self) -> Span {
        self.line(1)
    }

    /// A 1-based line without its line ending (the last line for one past the end).
    pub fn line(&self, line: usize) -> Span {
        let (start, end) = self.lines.line_span(&self.text, line);
        Span::new(start, end)
    }

    /// The 1-based line an offset is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines.position(&self.text, offset).line
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }
}
