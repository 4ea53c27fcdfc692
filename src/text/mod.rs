//! Text positions: byte spans, the one conversion from bytes to lines and columns, "did you
//! mean" suggestions, and repository text made safe to show.

pub mod line_diff;
pub mod line_index;
pub mod source_file;
pub mod span;
pub mod suggest;
pub mod visible;

pub use source_file::SourceFile;
pub use span::Span;
