//! The repository as JavaScript hands it over (the action and the playground): path -> file
//! content. Kept apart from the WASM glue so that it is tested natively too.
//!
//! A content is `string` (the text), `null` (exists, not read), `Uint8Array` (raw bytes, checked
//! like a file on disk) or `{unreadable: "too-large", bytes}` / `{unreadable: "outside-root"}` /
//! `{unreadable: "io", message}` when the caller could not or would not read the file.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use crate::source::{MemorySource, ReadError};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileContent {
    Text(String),
    NotProvided,
    Bytes(Vec<u8>),
    Unreadable(ReadError),
}

const EXPECTED: &str =
    "a string, null, a Uint8Array, or {unreadable: \"too-large\" | \"outside-root\" | \"io\"}";

impl<'de> Deserialize<'de> for FileContent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FileContent, D::Error> {
        deserializer.deserialize_any(ContentVisitor)
    }
}

struct ContentVisitor;

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = FileContent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<FileContent, E> {
        Ok(FileContent::Text(text.to_string()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<FileContent, E> {
        Ok(FileContent::Text(text))
    }

    fn visit_unit<E: de::Error>(self) -> Result<FileContent, E> {
        Ok(FileContent::NotProvided)
    }

    fn visit_none<E: de::Error>(self) -> Result<FileContent, E> {
        Ok(FileContent::NotProvided)
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<FileContent, E> {
        Ok(FileContent::Bytes(bytes.to_vec()))
    }

    fn visit_byte_buf<E: de::Error>(self, bytes: Vec<u8>) -> Result<FileContent, E> {
        Ok(FileContent::Bytes(bytes))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FileContent, A::Error> {
        let (mut kind, mut bytes, mut message) = (None::<String>, None::<u64>, None::<String>);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "unreadable" => kind = Some(map.next_value()?),
                "bytes" => bytes = Some(map.next_value()?),
                "message" => message = Some(map.next_value()?),
                other => {
                    return Err(de::Error::unknown_field(
                        other,
                        &["unreadable", "bytes", "message"],
                    ))
                }
            }
        }
        let error = match kind.as_deref() {
            Some("too-large") => ReadError::TooLarge {
                bytes: bytes.ok_or_else(|| de::Error::missing_field("bytes"))?,
            },
            Some("outside-root") => ReadError::OutsideRoot,
            Some("io") => ReadError::Io(message.unwrap_or_else(|| "unknown error".into())),
            Some(other) => {
                return Err(de::Error::unknown_variant(
                    other,
                    &["too-large", "outside-root", "io"],
                ))
            }
            None => return Err(de::Error::missing_field("unreadable")),
        };
        Ok(FileContent::Unreadable(error))
    }
}

/// Builds the in-memory repository; the error names the first path that leaves it.
pub fn memory_source(files: BTreeMap<String, FileContent>) -> Result<MemorySource, String> {
    let mut source = MemorySource::new();
    for (path, content) in files {
        let accepted = match content {
            FileContent::Text(text) => source.insert(&path, Some(text)),
            FileContent::NotProvided => source.insert(&path, None),
            FileContent::Bytes(bytes) => source.insert_bytes(&path, bytes),
            FileContent::Unreadable(error) => source.insert_unreadable(&path, error),
        };
        if !accepted {
            return Err(format!(
                "invalid path `{path}`: paths must be relative to the repository, use `/`, and contain no `..`"
            ));
        }
    }
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileSource;

    fn files(json: &str) -> Result<MemorySource, String> {
        let files: BTreeMap<String, FileContent> =
            serde_json::from_str(json).map_err(|e| e.to_string())?;
        memory_source(files)
    }

    #[test]
    fn every_content_form_reaches_the_source() {
        let source = files(
            r#"{"a/meta.yml": "x: 1", "a/README.md": null,
                "big": {"unreadable": "too-large", "bytes": 5000000},
                "link": {"unreadable": "outside-root"},
                "locked": {"unreadable": "io", "message": "EACCES"}}"#,
        )
        .expect("valid");
        assert_eq!(source.read("a/meta.yml"), Ok("x: 1".into()));
        assert_eq!(source.read("a/README.md"), Err(ReadError::NotProvided));
        assert_eq!(
            source.read("big"),
            Err(ReadError::TooLarge { bytes: 5_000_000 })
        );
        assert_eq!(source.read("link"), Err(ReadError::OutsideRoot));
        assert_eq!(source.read("locked"), Err(ReadError::Io("EACCES".into())));
    }

    #[test]
    fn bad_forms_and_paths_are_refused_with_a_reason() {
        let error = files(r#"{"x": {"unreadable": "gone"}}"#).expect_err("unknown kind");
        assert!(error.contains("gone"), "{error}");
        let error = files(r#"{"x": 42}"#).expect_err("a number");
        assert!(error.contains("Uint8Array"), "{error}");
        let error = files(r#"{"../x": "a"}"#).expect_err("escaping path");
        assert!(error.contains("../x"), "{error}");
    }
}
