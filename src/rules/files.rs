//! F: files stacklint needed but could not read.

use crate::diagnostic::Finding;
use crate::model::context::Context;
use crate::rule;
use crate::text::Span;

rule! {
    /// A file stacklint needs (a `meta.yml`, an `image-list.yml`, a Dockerfile) could not be
    /// read as text: it contains NUL bytes, is not valid UTF-8, is larger than 2 MiB, is a
    /// symlink leading outside the repository, or the operating system refused to read it.
    ///
    /// Nothing in the file is checked, so other findings may be missing. Save the file as
    /// UTF-8 text, or remove it if it is not meant to be there.
    ///
    /// Fix: none: a file stacklint cannot read, it cannot edit either.
    pub static UNREADABLE_FILE = ("F001", "unreadable-file", Error, "a needed file is binary, not UTF-8, too large or unreadable");
}

pub static RULES: &[&crate::rules::Rule] = &[&UNREADABLE_FILE];

/// One finding per needed file the load could not read.
pub fn check(context: &Context, out: &mut Vec<Finding>) {
    for (path, error) in context.repo.read_failures() {
        out.push(
            Finding::new(
                &UNREADABLE_FILE,
                path.clone(),
                Span::file_start(),
                format!("`{path}` could not be checked: {error}"),
            )
            .help("save the file as UTF-8 text without NUL bytes, or remove it"),
        );
    }
}
