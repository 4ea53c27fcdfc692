//! A scene's `image-list.yml`: which published name each image folder of the scene has.

use std::rc::Rc;

use crate::syntax::yaml::{self, Node};
use crate::text::{SourceFile, Span};

/// One `name: folder` line of an `image-list.yml`.
#[derive(Debug, Clone)]
pub struct ListEntry {
    pub name: String,
    pub name_span: Span,
    /// The folder relative to the scene, without `./` or a trailing `/`.
    pub folder: String,
    pub folder_span: Span,
}

/// A parsed `<scene>/image-list.yml`.
#[derive(Debug)]
pub struct ImageList {
    pub path: String,
    pub scene: String,
    pub file: Rc<SourceFile>,
    /// The `images:` key, where findings about the list as a whole point.
    pub anchor: Span,
    /// Every entry in order, duplicates included.
    pub entries: Vec<ListEntry>,
    /// The parsed file; on a syntax error, entries hold what was parsed before it.
    pub doc: yaml::Document,
    /// The file parsed and has an `images:` mapping, so a missing name really is missing.
    pub complete: bool,
    /// Parts of the file that are not `images:` -> mapping of name -> folder string.
    pub malformed: Vec<Malformed>,
}

/// A part of an `image-list.yml` that does not have the expected shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub span: Span,
    /// What was found, as a noun phrase ("a list", "no `images:` key").
    pub found: String,
    /// What was expected there.
    pub expected: &'static str,
}

/// Reads a parsed `image-list.yml` of `scene`; what does not have the expected shape is kept
/// as [`Malformed`].
pub fn read(path: &str, scene: &str, file: Rc<SourceFile>, doc: yaml::Document) -> ImageList {
    let mut anchor = Span::file_start();
    let mut entries = Vec::new();
    let mut malformed = Vec::new();
    let root = doc.root.as_ref();
    let images = root.and_then(Node::as_mapping).and_then(|pairs| {
        pairs
            .iter()
            .rev()
            .find(|pair| pair.key.as_str() == Some("images"))
    });
    match (root, images) {
        (_, Some(pair)) => {
            anchor = pair.key.span;
            match pair.value.as_mapping() {
                Some(items) => {
                    for item in items {
                        let (Some(name), Some(folder)) = (item.key.as_str(), item.value.as_str())
                        else {
                            let bad = if item.key.as_str().is_none() {
                                &item.key
                            } else {
                                &item.value
                            };
                            malformed.push(Malformed {
                                span: bad.span,
                                found: bad.kind_name().to_string(),
                                expected: "a published image name mapped to its folder, e.g. `cann: cann`",
                            });
                            continue;
                        };
                        let Some(folder) = scene_folder(folder) else {
                            // The publisher would build from outside the scene, or from it.
                            malformed.push(Malformed {
                                span: item.value.span,
                                found: format!("the folder `{folder}`, which leads out of `{scene}`"),
                                expected: "a folder inside the scene (no `..`, not absolute), e.g. `cann` or `kserve/agent`",
                            });
                            continue;
                        };
                        entries.push(ListEntry {
                            name: name.to_string(),
                            name_span: item.key.span,
                            folder,
                            folder_span: item.value.span,
                        });
                    }
                }
                None => malformed.push(Malformed {
                    span: pair.value.span,
                    found: pair.value.kind_name().to_string(),
                    expected: "a mapping of published image names to folders under `images:`",
                }),
            }
        }
        // A syntax error before `images:` is reported on its own.
        (_, None) if doc.error.is_some() => {}
        (Some(root), None) if root.as_mapping().is_some() => malformed.push(Malformed {
            span: root
                .as_mapping()
                .and_then(|pairs| pairs.first())
                .map_or(root.span, |pair| pair.key.span),
            found: "no `images:` key".to_string(),
            expected: "a top-level `images:` mapping",
        }),
        (Some(root), None) => malformed.push(Malformed {
            span: root.span,
            found: root.kind_name().to_string(),
            expected: "a top-level `images:` mapping",
        }),
        (None, None) => malformed.push(Malformed {
            span: Span::file_start(),
            found: "an empty file".to_string(),
            expected: "a top-level `images:` mapping",
        }),
    }
    // What the parser closed early at a syntax error is not the author's shape: Y001 covers it.
    if let Some(error) = &doc.error {
        malformed.retain(|m| m.span.end < error.span.start);
    }
    let complete =
        doc.error.is_none() && images.is_some_and(|pair| pair.value.as_mapping().is_some());
    ImageList {
        path: path.to_string(),
        scene: scene.to_string(),
        file,
        anchor,
        entries,
        malformed,
        complete,
        doc,
    }
}

/// The folder relative to the scene, without `./` or a trailing `/`; `None` when it is not a
/// folder inside the scene (empty, absolute, `..`, a backslash).
fn scene_folder(folder: &str) -> Option<String> {
    let folder = folder.trim();
    if folder.starts_with('/') || folder.contains('\\') {
        return None;
    }
    let parts: Vec<&str> = folder
        .split('/')
        .filter(|part| !matches!(*part, "" | "."))
        .collect();
    if parts.is_empty() || parts.contains(&"..") {
        return None;
    }
    Some(parts.join("/"))
}
