//! Text positions: byte spans, the one conversion from bytes to lines and columns, and
//! "did you mean" suggestions.

pub mod line_diff;
pub mod line_index;
pub mod source_file;
pub mod span;
pub mod suggest;

pub use source_file::SourceFile;
pub use span::Span;
