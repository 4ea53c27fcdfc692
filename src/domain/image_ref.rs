//! Image references as `FROM` names them: `[registry/][namespace/]name[:tag][@digest]`, and
//! which of them denote an image of this repository.

use std::fmt;

use crate::domain::tables::ImageTables;
use crate::domain::tag::MAX_TAG_LEN;

/// Docker refuses longer repository names ("repository name must not be more than 255
/// characters") and longer tags (`[\w][\w.-]{0,127}`).
const MAX_REPOSITORY_BYTES: usize = 255;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    /// `quay.io` in `quay.io/ascend/cann:8.0.0`; `None` for Docker Hub without a host.
    pub registry: Option<String>,
    /// Everything between the registry and the tag: `ascend/cann`, `openeuler/openeuler`, `python`.
    pub repository: String,
    pub tag: Option<String>,
    pub digest: Option<String>,
}

impl ImageRef {
    /// Parses a reference; `None` for text that cannot be one (empty, blanks, a leftover `$`).
    pub fn parse(text: &str) -> Option<ImageRef> {
        if text.is_empty() || text.contains(char::is_whitespace) || text.contains('$') {
            return None;
        }
        let (rest, digest) = match text.split_once('@') {
            Some((rest, digest)) => (rest, Some(digest.to_string())),
            None => (text, None),
        };
        let (registry, path) = match rest.split_once('/') {
            Some((first, path)) if is_registry_host(first) => (Some(first.to_string()), path),
            _ => (None, rest),
        };
        let last_slash = path.rfind('/').map_or(0, |at| at + 1);
        let (repository, tag) = match path[last_slash..].rfind(':') {
            Some(at) => (
                &path[..last_slash + at],
                Some(path[last_slash + at + 1..].to_string()),
            ),
            None => (path, None),
        };
        if repository.is_empty()
            || repository.len() > MAX_REPOSITORY_BYTES
            || tag.as_ref().is_some_and(|tag| tag.len() > MAX_TAG_LEN)
            || repository.split('/').any(str::is_empty)
            || tag.as_deref() == Some("")
            || digest.as_deref() == Some("")
        {
            return None;
        }
        Some(ImageRef {
            registry,
            repository: repository.to_string(),
            tag,
            digest,
        })
    }

    /// The image's own name: the last component of the repository (`cann` in `ascend/cann`).
    pub fn name(&self) -> &str {
        self.repository
            .rsplit_once('/')
            .map_or(self.repository.as_str(), |(_, name)| name)
    }

    /// `<name>` when the reference denotes `openeuler/<name>` on Docker Hub or one of its
    /// mirrors, i.e. an image this repository may publish.
    pub fn published_name<'s>(&'s self, tables: &ImageTables) -> Option<&'s str> {
        if let Some(registry) = &self.registry {
            if !tables
                .mirror_registries
                .iter()
                .any(|known| known.eq_ignore_ascii_case(registry))
            {
                return None;
            }
        }
        let (namespace, name) = self.repository.split_once('/')?;
        (namespace == tables.namespace && !name.contains('/')).then_some(name)
    }

    /// Whether the reference may point at different images over time: no tag (`latest`), or
    /// a floating alias such as `22.03`, and no digest pinning it.
    pub fn is_floating(&self, tables: &ImageTables) -> bool {
        self.digest.is_none()
            && self
                .tag
                .as_deref()
                .is_none_or(|tag| tables.floating(tag).is_some())
    }
}

/// Docker's rule: the first component is a registry host when it has a `.` or `:` or is
/// `localhost`.
fn is_registry_host(component: &str) -> bool {
    component.contains('.') || component.contains(':') || component == "localhost"
}

impl fmt::Display for ImageRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(registry) = &self.registry {
            write!(f, "{registry}/")?;
        }
        write!(f, "{}", self.repository)?;
        if let Some(tag) = &self.tag {
            write!(f, ":{tag}")?;
        }
        if let Some(digest) = &self.digest {
            write!(f, "@{digest}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> ImageRef {
        ImageRef::parse(text).expect(text)
    }

    #[test]
    fn splits_registry_repository_tag_and_digest() {
        let r = parse("quay.io/ascend/cann:8.1.rc1-910b-openeuler22.03-py3.10");
        assert_eq!(r.registry.as_deref(), Some("quay.io"));
        assert_eq!(r.repository, "ascend/cann");
        assert_eq!(r.tag.as_deref(), Some("8.1.rc1-910b-openeuler22.03-py3.10"));
        assert_eq!(r.name(), "cann");

        let r = parse("localhost:5000/openeuler/cann:8.0@sha256:abc");
        assert_eq!(r.registry.as_deref(), Some("localhost:5000"));
        assert_eq!(r.tag.as_deref(), Some("8.0"));
        assert_eq!(r.digest.as_deref(), Some("sha256:abc"));
        assert_eq!(
            r.to_string(),
            "localhost:5000/openeuler/cann:8.0@sha256:abc"
        );

        let r = parse("python");
        assert_eq!(
            (r.registry, r.repository.as_str(), r.tag),
            (None, "python", None)
        );
    }

    #[test]
    fn mirrors_of_docker_hub_name_the_same_in_repo_image() {
        let tables = ImageTables::default();
        for text in [
            "openeuler/cann:8.0",
            "docker.io/openeuler/cann:8.0",
            "quay.io/openeuler/cann",
            "hub.oepkgs.net/openeuler/cann@sha256:00",
        ] {
            assert_eq!(parse(text).published_name(&tables), Some("cann"), "{text}");
        }
        for text in [
            "nvidia/cuda:12.2.0-runtime-ubuntu20.04",
            "quay.io/ascend/cann:8.0.0",
            "example.com/openeuler/cann:8.0",
            "openeuler/a/b:1",
            "cann:8.0",
        ] {
            assert_eq!(parse(text).published_name(&tables), None, "{text}");
        }
    }

    #[test]
    fn floating_tags_are_the_alias_table_or_no_tag_without_digest() {
        let tables = ImageTables::default();
        assert!(parse("openeuler/openeuler:22.03").is_floating(&tables));
        assert!(parse("openeuler/npmjs").is_floating(&tables));
        assert!(parse("openeuler/npmjs:latest").is_floating(&tables));
        assert!(!parse("openeuler/npmjs@sha256:1").is_floating(&tables));
        assert!(!parse("openeuler/openeuler:22.03-lts-sp4").is_floating(&tables));
    }

    #[test]
    fn non_references_are_refused() {
        let long_name = "a".repeat(256);
        let long_tag = format!("a:{}", "1".repeat(129));
        for text in [
            "",
            "a b",
            "${BASE}",
            "openeuler/cann:",
            "/cann",
            "cann@",
            &long_name,
            &long_tag,
        ] {
            assert_eq!(ImageRef::parse(text), None, "{text}");
        }
    }
}
