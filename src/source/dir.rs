//! The native [`FileSource`]: a directory on disk. Never reads outside its root and never
//! follows a symlink that leads out of it.
//!
//! The walk lists every regular file, and every symlink that does not lead to a folder: a
//! link out of the repository or to nothing is listed too, so that a `meta.yml` or
//! `image-list.yml` that is such a link is reported (F001) as the action reports it, not
//! skipped.
//!
//! [`DirSource::open_reading`] also reads the files the core will ask for while the walk
//! stands in their folder: on Unix each folder and file is opened relative to its parent's
//! descriptor, so the kernel looks up one name per open instead of walking the whole path
//! from `/` again (that path walk was half the time of a check of the real repository).

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::source::repo_path::normalize_repo_path;
use crate::source::{decode_text, FileSource, ReadError, MAX_FILE_BYTES};

/// Folders that never hold image definitions and can be huge.
const SKIPPED_DIRS: &[&str] = &[".git", "node_modules", "target"];

/// What a listed symlink leads to, decided once by the walk.
#[derive(Debug, Clone)]
enum Link {
    /// A regular file inside the root, by its real path.
    Inside(PathBuf),
    Outside,
    Broken,
}

/// What a folder entry is, as the listing of its folder says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Folder,
    File,
    Symlink,
    /// Sockets, FIFOs and devices: not files a build reads.
    Other,
}

#[derive(Debug, Clone)]
pub struct DirSource {
    root: PathBuf,
    files: Vec<String>,
    links: HashMap<String, Link>,
    /// Files whose on-disk name is not UTF-8, by their listed (lossy) path.
    not_utf8: HashMap<String, PathBuf>,
    /// What the walk read of the files it was asked to read, by listed path.
    texts: HashMap<String, Result<String, ReadError>>,
}

impl DirSource {
    /// Walks `root` once; the listing is fixed from then on. Files are read when asked for.
    pub fn open(root: &Path) -> std::io::Result<DirSource> {
        DirSource::open_reading(root, |_| false)
    }

    /// Walks `root` once and reads every regular file whose listed path `wanted` accepts
    /// (the core's `needs_content`) as the walk passes it; [`FileSource::read`] then answers
    /// from what was read.
    pub fn open_reading(root: &Path, wanted: impl Fn(&str) -> bool) -> std::io::Result<DirSource> {
        let root = root.canonicalize()?;
        if !root.is_dir() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                format!("{} is not a directory", root.display()),
            ));
        }
        let mut source = DirSource {
            root: root.clone(),
            files: Vec::new(),
            links: HashMap::new(),
            not_utf8: HashMap::new(),
            texts: HashMap::new(),
        };
        let mut walk = Walk {
            source: &mut source,
            wanted: &wanted,
            buffer: Vec::new(),
        };
        walk.folder_at_root(&root)?;
        source.files.sort_unstable();
        Ok(source)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// One walk of the tree: what it found goes into `source`.
struct Walk<'s, 'w> {
    source: &'s mut DirSource,
    wanted: &'w dyn Fn(&str) -> bool,
    /// Reused for every file read, so that reading allocates only the text itself.
    buffer: Vec<u8>,
}

impl Walk<'_, '_> {
    /// Records one entry of a folder. `real` is its path on disk (needed for symlinks and
    /// names that are not UTF-8); `read` reads it, relative to its folder where possible.
    fn entry(
        &mut self,
        utf8: bool,
        kind: Kind,
        relative: String,
        real: impl FnOnce() -> PathBuf,
        read: impl FnOnce(&mut Vec<u8>) -> Result<String, ReadError>,
    ) {
        match kind {
            Kind::Folder | Kind::Other => return,
            Kind::Symlink => {
                let link = match real().canonicalize() {
                    // Linked folders are not walked: no escape, no cycles, no double counting.
                    Ok(target) if target.is_dir() => return,
                    Ok(target) if target.starts_with(&self.source.root) && target.is_file() => {
                        Link::Inside(target)
                    }
                    Ok(target) if target.starts_with(&self.source.root) => return,
                    Ok(_) => Link::Outside,
                    Err(_) => Link::Broken,
                };
                self.source.links.insert(relative.clone(), link);
            }
            Kind::File => {
                if !utf8 {
                    self.source.not_utf8.insert(relative.clone(), real());
                }
                if (self.wanted)(&relative) {
                    let text = read(&mut self.buffer);
                    self.source.texts.insert(relative.clone(), text);
                }
            }
        }
        self.source.files.push(relative);
    }
}

/// The listed path of `name` in the folder listed as `prefix`.
fn listed_path(prefix: &str, name: &[u8]) -> String {
    let name = String::from_utf8_lossy(name);
    if prefix.is_empty() {
        name.into_owned()
    } else {
        let mut path = String::with_capacity(prefix.len() + 1 + name.len());
        path.push_str(prefix);
        path.push('/');
        path.push_str(&name);
        path
    }
}

fn skipped(name: &[u8]) -> bool {
    SKIPPED_DIRS.iter().any(|skip| name == skip.as_bytes())
}

#[cfg(unix)]
mod walk_at {
    //! The walk by descriptors: every open is relative to the folder's descriptor, and
    //! neither folders nor files are opened through a symlink (`O_NOFOLLOW`), so a name
    //! swapped for a link while the walk runs is not followed.
    use std::ffi::{CStr, OsStr};
    use std::fs::File;
    use std::os::fd::{AsFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::Path;

    use rustix::fs::{openat, statat, AtFlags, Dir, FileType, Mode, OFlags};

    use super::{listed_path, read_opened, skipped, Kind, Walk};
    use crate::source::ReadError;

    fn open_folder(parent: impl AsFd, name: &CStr) -> rustix::io::Result<OwnedFd> {
        let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC | OFlags::NOFOLLOW;
        openat(parent, name, flags, Mode::empty())
    }

    fn kind(folder: impl AsFd, name: &CStr, listed: FileType) -> Kind {
        let file_type = match listed {
            // Some file systems do not say in the listing: ask once.
            FileType::Unknown => match statat(folder, name, AtFlags::SYMLINK_NOFOLLOW) {
                Ok(stat) => FileType::from_raw_mode(stat.st_mode),
                Err(_) => return Kind::Other,
            },
            known => known,
        };
        match file_type {
            FileType::Directory => Kind::Folder,
            FileType::RegularFile => Kind::File,
            FileType::Symlink => Kind::Symlink,
            _ => Kind::Other,
        }
    }

    impl Walk<'_, '_> {
        pub(super) fn folder_at_root(&mut self, root: &Path) -> std::io::Result<()> {
            let fd = open_folder(rustix::fs::CWD, &path_c_string(root)?)?;
            self.folder(fd, root, "");
            Ok(())
        }

        /// Lists one folder (`real` on disk, `prefix` in the listing) and walks its folders.
        fn folder(&mut self, fd: OwnedFd, real: &Path, prefix: &str) {
            let Ok(mut listing) = Dir::new(fd) else {
                return;
            };
            // Listed whole before anything is opened: the listing borrows the descriptor.
            let entries: Vec<(std::ffi::CString, FileType)> = listing
                .by_ref()
                .map_while(Result::ok)
                .filter(|entry| !matches!(entry.file_name().to_bytes(), b"." | b".."))
                .map(|entry| (entry.file_name().to_owned(), entry.file_type()))
                .collect();
            let Ok(dir) = listing.fd() else {
                return;
            };
            for (name, listed) in entries {
                let bytes = name.to_bytes();
                let kind = kind(dir, &name, listed);
                let relative = listed_path(prefix, bytes);
                if kind == Kind::Folder {
                    if !skipped(bytes) {
                        if let Ok(child) = open_folder(dir, &name) {
                            self.folder(child, &real.join(OsStr::from_bytes(bytes)), &relative);
                        }
                    }
                    continue;
                }
                let real_path = || real.join(OsStr::from_bytes(bytes));
                let read = |buffer: &mut Vec<u8>| {
                    let flags =
                        OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NOFOLLOW | OFlags::NOCTTY;
                    match openat(dir, &*name, flags, Mode::empty()) {
                        Ok(fd) => read_opened(File::from(fd), buffer),
                        Err(error) => Err(ReadError::Io(std::io::Error::from(error).to_string())),
                    }
                };
                let utf8 = std::str::from_utf8(bytes).is_ok();
                self.entry(utf8, kind, relative, real_path, read);
            }
        }
    }

    fn path_c_string(path: &Path) -> std::io::Result<std::ffi::CString> {
        std::ffi::CString::new(path.as_os_str().as_bytes())
            .map_err(|error| std::io::Error::new(std::io::ErrorKind::InvalidInput, error))
    }
}

#[cfg(not(unix))]
mod walk_std {
    //! The walk by paths, where descriptors relative to a folder are not available.
    use std::fs;
    use std::path::Path;

    use super::{listed_path, read_limited, skipped, Kind, Walk};

    impl Walk<'_, '_> {
        pub(super) fn folder_at_root(&mut self, root: &Path) -> std::io::Result<()> {
            self.folder(root, "");
            Ok(())
        }

        fn folder(&mut self, dir: &Path, prefix: &str) {
            let Ok(entries) = fs::read_dir(dir) else {
                return;
            };
            for entry in entries.flatten() {
                let Ok(file_type) = entry.file_type() else {
                    continue;
                };
                let name = entry.file_name();
                let lossy = name.to_string_lossy();
                let relative = listed_path(prefix, lossy.as_bytes());
                let kind = if file_type.is_dir() {
                    Kind::Folder
                } else if file_type.is_symlink() {
                    Kind::Symlink
                } else if file_type.is_file() {
                    Kind::File
                } else {
                    Kind::Other
                };
                if kind == Kind::Folder {
                    if !skipped(lossy.as_bytes()) {
                        self.folder(&entry.path(), &relative);
                    }
                    continue;
                }
                let path = entry.path();
                let utf8 = name.to_str().is_some();
                self.entry(
                    utf8,
                    kind,
                    relative,
                    || path.clone(),
                    |_| read_limited(&path),
                );
            }
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as text, whatever it is (a pipe, a device):
/// never more than one byte past the limit.
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    let file = File::open(path).map_err(|e| ReadError::Io(e.to_string()))?;
    read_opened(file, &mut Vec::new())
}

/// Reads an open file to its end, or to one byte past [`MAX_FILE_BYTES`], through `buffer`
/// (kept for the next file), and decodes it. No size is asked for first: a file that is
/// not too large costs its reads and nothing more.
fn read_opened(mut file: File, buffer: &mut Vec<u8>) -> Result<String, ReadError> {
    let mut length = 0;
    loop {
        if length == buffer.len() {
            if length > MAX_FILE_BYTES {
                break;
            }
            let grown = (buffer.len() * 2).clamp(64 * 1024, MAX_FILE_BYTES + 1);
            buffer.resize(grown, 0);
        }
        match file.read(&mut buffer[length..]) {
            Ok(0) => break,
            Ok(read) => length += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) if error.kind() == std::io::ErrorKind::IsADirectory => {
                return Err(ReadError::NotFound)
            }
            Err(error) => return Err(ReadError::Io(error.to_string())),
        }
    }
    if length > MAX_FILE_BYTES {
        // A regular file says how large it is; a stream is "more than the limit".
        let bytes = file
            .metadata()
            .map(|meta| meta.len())
            .ok()
            .filter(|&bytes| bytes > MAX_FILE_BYTES as u64)
            .unwrap_or(length as u64);
        return Err(ReadError::TooLarge { bytes });
    }
    decode_text(buffer[..length].to_vec())
}

impl FileSource for DirSource {
    fn list(&self) -> Vec<String> {
        self.files.clone()
    }

    fn read(&self, path: &str) -> Result<String, ReadError> {
        let relative = normalize_repo_path(path).ok_or(ReadError::OutsideRoot)?;
        if let Some(text) = self.texts.get(&relative) {
            return text.clone();
        }
        match self.links.get(&relative) {
            Some(Link::Inside(target)) => return read_limited(target),
            Some(Link::Outside) => return Err(ReadError::OutsideRoot),
            Some(Link::Broken) => return Err(ReadError::Io("it is a symlink to nothing".into())),
            None => {}
        }
        if self.files.binary_search(&relative).is_err() {
            return Err(ReadError::NotFound);
        }
        match self.not_utf8.get(&relative) {
            Some(real) => read_limited(real),
            None => read_limited(&self.root.join(relative)),
        }
    }

    fn is_file(&self, path: &str) -> bool {
        normalize_repo_path(path).is_some_and(|p| self.files.binary_search(&p).is_ok())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs;
    use std::os::unix::ffi::OsStrExt;

    use super::*;

    #[test]
    fn reading_during_the_walk_reads_what_reading_later_reads() {
        let dir = std::env::temp_dir().join(format!("stacklint-dir-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let outside = dir.with_extension("outside");
        fs::create_dir_all(&outside).expect("mkdir");
        fs::write(outside.join("meta.yml"), "x: 1\n").expect("write");
        let image = dir.join("AI/app");
        for folder in [
            "1.0/24.03-lts",
            "2.0/24.03-lts",
            "meta.yml/x",
            "node_modules/y",
        ] {
            fs::create_dir_all(image.join(folder)).expect("mkdir");
        }
        fs::write(image.join("1.0/24.03-lts/Dockerfile"), "FROM a\n").expect("write");
        fs::write(image.join("2.0/24.03-lts/Dockerfile"), b"FROM \0\n").expect("write");
        fs::write(image.join("2.0/Dockerfile"), vec![b'#'; MAX_FILE_BYTES + 7]).expect("write");
        fs::write(image.join("2.0/24.03-lts/Dockerfile.arm"), [b'F', 0xff]).expect("write");
        fs::write(image.join("meta.yml/x/Dockerfile"), "FROM b\n").expect("write");
        fs::write(image.join("node_modules/y/Dockerfile"), "FROM c\n").expect("write");
        fs::write(
            image.join(std::ffi::OsStr::from_bytes(b"Dockerfile-\xff")),
            "FROM d\n",
        )
        .expect("write");
        std::os::unix::fs::symlink("1.0/24.03-lts/Dockerfile", image.join("Dockerfile.link"))
            .expect("symlink");
        std::os::unix::fs::symlink(outside.join("meta.yml"), image.join("meta.yml.out"))
            .expect("symlink");
        std::os::unix::fs::symlink("nothing", image.join("Dockerfile.gone")).expect("symlink");

        let later = DirSource::open(&dir).expect("opens");
        let during = DirSource::open_reading(&dir, |_| true).expect("opens");
        assert_eq!(during.list(), later.list());
        assert!(!later
            .list()
            .iter()
            .any(|path| path.contains("node_modules")));
        let mut paths = later.list();
        paths.extend([
            "AI/app/meta.yml".into(),
            "AI/app/../app/1.0/24.03-lts/Dockerfile".into(),
        ]);
        for path in &paths {
            assert_eq!(during.read(path), later.read(path), "{path}");
        }
        assert_eq!(
            during.read("AI/app/2.0/Dockerfile"),
            Err(ReadError::TooLarge {
                bytes: MAX_FILE_BYTES as u64 + 7
            })
        );
        assert_eq!(
            during.read("AI/app/2.0/24.03-lts/Dockerfile"),
            Err(ReadError::Binary)
        );
        assert_eq!(
            during.read("AI/app/Dockerfile-\u{fffd}").as_deref(),
            Ok("FROM d\n")
        );
        assert_eq!(
            during.read("AI/app/Dockerfile.link").as_deref(),
            Ok("FROM a\n")
        );
        assert_eq!(
            during.read("AI/app/meta.yml.out"),
            Err(ReadError::OutsideRoot)
        );
        assert_eq!(read_limited(&dir.join("AI")), Err(ReadError::NotFound));
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::remove_dir_all(&outside);
    }
}
