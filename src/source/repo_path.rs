//! Repository paths: relative, `/`-separated, never leaving the repository.

/// Normalises a caller-supplied path to the repository form (`a/b/c`), or `None` when it
/// would leave the repository.
pub fn normalize_repo_path(path: &str) -> Option<String> {
    if path.starts_with('/') || path.contains('\\') || path.contains('\0') {
        return None;
    }
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            other => parts.push(other),
        }
    }
    if parts.is_empty() {
        None
    } else {
        Some(parts.join("/"))
    }
}

/// `dir` + `/` + `relative`, where `dir` may be the empty top folder.
pub fn join_dir(dir: &str, relative: &str) -> String {
    if dir.is_empty() {
        relative.to_string()
    } else {
        // Called per entry by most rules: no formatting machinery for a concatenation.
        let mut path = String::with_capacity(dir.len() + 1 + relative.len());
        path.push_str(dir);
        path.push('/');
        path.push_str(relative);
        path
    }
}

/// The folder part of a repository path (`""` at the top).
pub fn parent_dir(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// The last segment of a repository path.
pub fn file_name(path: &str) -> &str {
    path.rsplit_once('/').map_or(path, |(_, name)| name)
}

/// Whether `path` is `dir` itself or lies below it (`""` is the repository root).
pub fn is_within(path: &str, dir: &str) -> bool {
    dir.is_empty()
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_repository_are_refused() {
        assert_eq!(normalize_repo_path("../x"), None);
        assert_eq!(normalize_repo_path("/etc/passwd"), None);
        assert_eq!(normalize_repo_path("a\\b"), None);
        assert_eq!(normalize_repo_path("./a//b/"), Some("a/b".into()));
    }

    #[test]
    fn prefixes_match_whole_segments_only() {
        assert!(is_within("AI/ab/meta.yml", "AI/ab"));
        assert!(!is_within("AI/abc/meta.yml", "AI/ab"));
        assert!(is_within("anything", ""));
    }
}
