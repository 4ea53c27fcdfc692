//! Writing a fixed file back into a repository on disk (native only): the one place the CLI
//! writes. A file is replaced atomically (a temporary file in the same folder, renamed over
//! it), never through a symlink, never outside the repository, and never when its content is
//! no longer what the fixes were computed from.

use std::fmt;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::source::repo_path::normalize_repo_path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteError {
    /// The path leaves the repository.
    OutsideRoot,
    /// The file, or a folder on the way to it, is a symlink: writing would change its target
    /// (perhaps in another repository) instead.
    Symlink(String),
    /// The path is not a regular file (any more).
    NotAFile,
    /// The file's content differs from what was read when it was checked: someone edited it
    /// meanwhile, and overwriting would lose that edit.
    Changed,
    Io(String),
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::OutsideRoot => write!(f, "the path leads outside the repository"),
            WriteError::Symlink(link) => write!(
                f,
                "`{link}` is a symlink; stacklint does not write through symlinks (fix the file it points to)"
            ),
            WriteError::NotAFile => write!(f, "it is not a regular file"),
            WriteError::Changed => write!(
                f,
                "it changed since it was checked; run stacklint again"
            ),
            WriteError::Io(message) => write!(f, "it could not be written: {message}"),
        }
    }
}

/// Replaces the file at repository path `path` under `root` (a canonical folder, as
/// [`crate::source::dir::DirSource::root`] has it) with `after`, if it still holds exactly
/// `before`. Permissions are kept; nothing but the file changes.
pub fn replace_file(root: &Path, path: &str, before: &str, after: &str) -> Result<(), WriteError> {
    let full = checked_path(root, path)?;
    let meta = fs::symlink_metadata(&full).map_err(|e| WriteError::Io(e.to_string()))?;
    if !meta.is_file() {
        return Err(WriteError::NotAFile);
    }
    let unchanged = || -> Result<(), WriteError> {
        let current = fs::read(&full).map_err(|e| WriteError::Io(e.to_string()))?;
        if current == before.as_bytes() {
            Ok(())
        } else {
            Err(WriteError::Changed)
        }
    };
    unchanged()?;
    let temp = temp_path(&full);
    let written = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(after.as_bytes())?;
        fs::set_permissions(&temp, meta.permissions())?;
        file.sync_all()
    })();
    let result = written
        .map_err(|e| WriteError::Io(e.to_string()))
        // Checked again right before the rename: the window for a lost edit stays tiny.
        .and_then(|()| unchanged())
        .and_then(|()| fs::rename(&temp, &full).map_err(|e| WriteError::Io(e.to_string())));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// `root/path`, when the path stays inside `root` and no part of it is a symlink.
fn checked_path(root: &Path, path: &str) -> Result<PathBuf, WriteError> {
    let relative = normalize_repo_path(path).ok_or(WriteError::OutsideRoot)?;
    let mut full = root.to_path_buf();
    let mut shown = Vec::new();
    for part in relative.split('/') {
        full.push(part);
        shown.push(part);
        let meta = fs::symlink_metadata(&full).map_err(|e| WriteError::Io(e.to_string()))?;
        if meta.file_type().is_symlink() {
            return Err(WriteError::Symlink(shown.join("/")));
        }
    }
    Ok(full)
}

/// A name in the file's own folder (so the rename stays on one file system) that no other
/// writer uses.
fn temp_path(full: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = full
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unique = format!(
        ".{name}.stacklint-{}-{}.tmp",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    full.with_file_name(unique)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder under the system's temporary directory, removed when dropped.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(name: &str) -> Scratch {
            let dir =
                std::env::temp_dir().join(format!("stacklint-write-{name}-{}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(dir.join("AI/x")).expect("scratch folder");
            Scratch(dir.canonicalize().expect("canonical"))
        }

        fn file(&self, path: &str, text: &str) -> PathBuf {
            let full = self.0.join(path);
            fs::write(&full, text).expect("write");
            full
        }

        fn names(&self, dir: &str) -> Vec<String> {
            let mut names: Vec<String> = fs::read_dir(self.0.join(dir))
                .expect("list")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_file_is_replaced_with_exactly_the_new_bytes_and_no_temporary_is_left() {
        let scratch = Scratch::new("replace");
        let before = "\u{feff}a:\r\n  arch: amd64";
        let full = scratch.file("AI/x/meta.yml", before);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(&full, fs::Permissions::from_mode(0o640)).expect("chmod");
        }
        let after = "\u{feff}a:\r\n  arch: x86_64";
        assert_eq!(
            replace_file(&scratch.0, "AI/x/meta.yml", before, after),
            Ok(())
        );
        assert_eq!(fs::read(&full).expect("read"), after.as_bytes());
        assert_eq!(scratch.names("AI/x"), ["meta.yml"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&full).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
    }

    #[test]
    fn a_file_that_changed_since_it_was_read_is_not_touched() {
        let scratch = Scratch::new("changed");
        let full = scratch.file("AI/x/meta.yml", "edited meanwhile\n");
        assert_eq!(
            replace_file(&scratch.0, "AI/x/meta.yml", "as checked\n", "fixed\n"),
            Err(WriteError::Changed)
        );
        assert_eq!(
            fs::read_to_string(&full).expect("read"),
            "edited meanwhile\n"
        );
        assert_eq!(scratch.names("AI/x"), ["meta.yml"]);
    }

    #[test]
    fn paths_out_of_the_repository_and_missing_files_are_refused() {
        let scratch = Scratch::new("outside");
        assert_eq!(
            replace_file(&scratch.0, "../escape.yml", "", "x"),
            Err(WriteError::OutsideRoot)
        );
        assert!(matches!(
            replace_file(&scratch.0, "AI/x/gone.yml", "", "x"),
            Err(WriteError::Io(_))
        ));
        assert_eq!(
            replace_file(&scratch.0, "AI/x", "", "x"),
            Err(WriteError::NotAFile)
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_files_and_folders_are_not_written_through() {
        let scratch = Scratch::new("symlink");
        let target = scratch.file("AI/x/real.yml", "a: 1\n");
        std::os::unix::fs::symlink(&target, scratch.0.join("AI/x/meta.yml")).expect("link");
        assert_eq!(
            replace_file(&scratch.0, "AI/x/meta.yml", "a: 1\n", "a: 2\n"),
            Err(WriteError::Symlink("AI/x/meta.yml".into()))
        );
        std::os::unix::fs::symlink(scratch.0.join("AI/x"), scratch.0.join("AI/y")).expect("link");
        assert_eq!(
            replace_file(&scratch.0, "AI/y/real.yml", "a: 1\n", "a: 2\n"),
            Err(WriteError::Symlink("AI/y".into()))
        );
        assert_eq!(fs::read_to_string(&target).expect("read"), "a: 1\n");
    }
}
