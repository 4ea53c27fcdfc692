//! Text positions: byte spans, the one conversion from bytes to lines and columns, "did you
//! mean" suggestions, and edits with the unified diff that shows them.

pub mod diff;
pub mod edit;
pub mod line_index;
pub mod source_file;
pub mod span;
pub mod suggest;

pub use source_file::SourceFile;
pub use span::Span;
