//! A commit of a git repository as a [`MemorySource`]: the base of a change for
//! `stacklint check --base REV`. It runs the real `git` with arguments passed directly (no
//! shell), lists the commit's tree once and reads the blobs the core needs in one
//! `git cat-file --batch`. Refs that could read as options or carry control characters are
//! refused before git sees them.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use crate::source::{MemorySource, ReadError, MAX_FILE_BYTES};

/// Which commit was read, and from where.
#[derive(Debug)]
pub struct BaseTree {
    pub source: MemorySource,
    /// The commit whose tree was read: the merge base of the revision and `HEAD`.
    pub commit: String,
    /// Whether that is the revision itself (no merge base could be found).
    pub merge_base: bool,
}

/// Reads the tree that a change of `dir` is compared with: the merge base of `rev` and
/// `HEAD` (the commit the branch started from, so that later commits on the base branch do
/// not look like reverted changes), or `rev` itself when git cannot find one. Only the part
/// of the tree below `dir` is read, with paths relative to it; `wanted` says which files'
/// contents the core needs.
pub fn read_base(dir: &Path, rev: &str, wanted: impl Fn(&str) -> bool) -> Result<BaseTree, String> {
    check_rev(rev)?;
    let prefix = git(dir, &["rev-parse", "--show-prefix"]).map_err(|error| {
        format!(
            "`{}` is not inside a git repository: {error}",
            dir.display()
        )
    })?;
    let prefix = prefix.trim_end_matches('\n');
    let commit = [rev.to_string(), format!("origin/{rev}")]
        .iter()
        .find_map(|candidate| {
            git(
                dir,
                &["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{candidate}^{{commit}}")],
            )
            .ok()
        })
        .map(|sha| sha.trim().to_string())
        .ok_or_else(|| format!("the base `{rev}` is not a commit of this repository (fetch it, or give a branch, tag or commit sha)"))?;
    let (commit, merge_base) = match git(dir, &["merge-base", "--end-of-options", &commit, "HEAD"])
    {
        Ok(base) => (base.trim().to_string(), true),
        Err(_) => (commit, false),
    };
    let listing = git(
        dir,
        &[
            "ls-tree",
            "-r",
            "-z",
            "-l",
            "--full-tree",
            "--end-of-options",
            &commit,
        ],
    )?;
    let mut source = MemorySource::new();
    let mut blobs: Vec<(String, String)> = Vec::new();
    for record in listing.split('\0').filter(|r| !r.is_empty()) {
        // `<mode> SP <type> SP <object> SP+ <size> TAB <path>`
        let Some((meta, path)) = record.split_once('\t') else {
            continue;
        };
        let Some(relative) = path.strip_prefix(prefix) else {
            continue;
        };
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [mode, kind, object, size] = fields[..] else {
            continue;
        };
        if kind != "blob" {
            // Submodules are not part of this repository's files.
            continue;
        }
        if !wanted(relative) {
            source.insert(relative, None);
        } else if mode == "120000" {
            source.insert_unreadable(
                relative,
                ReadError::Io("it is a symbolic link in the base commit".into()),
            );
        } else if let Some(bytes) = size
            .parse::<u64>()
            .ok()
            .filter(|&b| b > MAX_FILE_BYTES as u64)
        {
            source.insert_unreadable(relative, ReadError::TooLarge { bytes });
        } else {
            blobs.push((relative.to_string(), object.to_string()));
        }
    }
    for ((path, _), content) in blobs.iter().zip(cat_blobs(dir, &blobs)?) {
        source.insert_bytes(path, content);
    }
    Ok(BaseTree {
        source,
        commit,
        merge_base,
    })
}

/// Refuses what git could read as an option, and text no ref name has.
fn check_rev(rev: &str) -> Result<(), String> {
    let problem = if rev.is_empty() {
        Some("it is empty")
    } else if rev.starts_with('-') {
        Some("it starts with `-`, so git would read it as an option")
    } else if rev.chars().any(|c| c.is_control() || c.is_whitespace()) {
        Some("it contains blanks or control characters")
    } else if rev.len() > 256 {
        Some("it is longer than any ref name")
    } else {
        None
    };
    match problem {
        Some(why) => Err(format!(
            "the base `{}` is not a usable revision: {why}; give a branch, tag or commit sha",
            rev.escape_debug()
        )),
        None => Ok(()),
    }
}

/// The contents of blobs, in order, from one `git cat-file --batch`.
fn cat_blobs(dir: &Path, blobs: &[(String, String)]) -> Result<Vec<Vec<u8>>, String> {
    if blobs.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = command(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot run git: {error}"))?;
    let mut stdin = child.stdin.take().ok_or("cannot write to git cat-file")?;
    let request: String = blobs
        .iter()
        .map(|(_, object)| format!("{object}\n"))
        .collect();
    // Writing all requests from another thread keeps both pipes flowing on any size.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let stdout = child.stdout.take().ok_or("cannot read from git cat-file")?;
    let mut reader = BufReader::new(stdout);
    let mut contents = Vec::with_capacity(blobs.len());
    for (path, object) in blobs {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|error| format!("git cat-file failed on `{path}`: {error}"))?;
        let size = header
            .split_whitespace()
            .nth(2)
            .and_then(|size| size.parse::<usize>().ok())
            .ok_or_else(|| {
                format!(
                    "git cat-file could not read `{path}` ({object}): {}",
                    header.trim()
                )
            })?;
        let mut content = vec![0; size];
        reader
            .read_exact(&mut content)
            .map_err(|error| format!("git cat-file stopped inside `{path}`: {error}"))?;
        let mut newline = [0u8; 1];
        reader
            .read_exact(&mut newline)
            .map_err(|error| format!("git cat-file stopped after `{path}`: {error}"))?;
        contents.push(content);
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(contents)
}

fn command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("LC_ALL", "C")
        .args(["-c", "core.quotePath=false"]);
    command
}

/// Runs git and returns its standard output, or its first error line.
fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = command(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("cannot run git: {error}"))?;
    if output.status.success() {
        return String::from_utf8(output.stdout)
            .map_err(|_| "git wrote a path that is not UTF-8".to_string());
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    Err(stderr.lines().next().unwrap_or("git failed").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_like_and_odd_revisions_are_refused_before_git_runs() {
        for rev in [
            "",
            "--output=/tmp/x",
            "-x",
            "a b",
            "main\n--exec",
            "a\u{1b}b",
        ] {
            assert!(check_rev(rev).is_err(), "{rev:?}");
        }
        for rev in [
            "main",
            "origin/main",
            "v1.0",
            "0123abcd",
            "HEAD~2",
            "feature/x",
        ] {
            assert!(check_rev(rev).is_ok(), "{rev:?}");
        }
    }
}
