//! Text positions: byte spans, the one conversion from bytes to lines and columns, "did you
//! mean" suggestions, line diffs (which lines a change touched), edits with the unified diff
//! that shows them, and repository text made safe to show.

pub mod edit;
pub mod line_diff;
pub mod line_index;
pub mod source_file;
pub mod span;
pub mod suggest;
pub mod unified_diff;
pub mod visible;

pub use source_file::SourceFile;
pub use span::Span;
