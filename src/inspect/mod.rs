//! What is at a position of a file, for an editor's hover, go to definition and document
//! links: a rule named in a suppression, a tag key (its parts and the parent it implies), an
//! entry's `path` (the file it resolves to), an image-list folder (its `meta.yml`), a `FROM`
//! or `ARG` value (the parent it resolves to and where that is declared). Everything is read
//! from the loaded model, exactly as the rules read it: no second parser.

mod dockerfile;
mod manifest;
mod markdown;

use serde::Serialize;

use crate::domain::layout::{is_scene_image_list, MANIFEST_NAME};
use crate::model::context::Context;
use crate::model::image_index::EntryId;
use crate::policy::selection::UnknownRule;
use crate::policy::suppress::{self, DirectiveKind};
use crate::render::rules::RuleInfo;
use crate::report::locate;
use crate::rules::doc_text;
use crate::source::repo_path::{file_name, join_dir};
use crate::text::{SourceFile, Span};

use markdown::code;

/// A range of a file: lines 1-based, columns 1-based in Unicode characters, `end_column`
/// exclusive (as in the report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

impl Location {
    /// Where `span` of `file` is.
    pub fn of(file: &SourceFile, span: Span) -> Location {
        let (line, column, end_line, end_column) = locate(Some(file), span);
        Location {
            path: file.path.clone(),
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The start of a file (a link or definition that names a whole file).
    pub fn file(path: &str) -> Location {
        Location {
            path: path.to_string(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
        }
    }
}

/// What is under the cursor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A code or name in `# stacklint: ignore[...]`.
    Rule,
    /// A tag key of a `meta.yml`.
    Tag,
    /// The `path` value of an entry.
    EntryPath,
    /// A name or folder of an `image-list.yml`.
    ImageFolder,
    /// A `FROM` reference, or the `ARG` default it takes its value from.
    Parent,
}

/// The answer for one position.
#[derive(Debug, Clone, Serialize)]
pub struct Inspection {
    pub kind: Kind,
    /// The word the answer is about, in the inspected file.
    pub range: Location,
    /// The answer as Markdown, for a hover.
    pub hover: String,
    /// Where "go to definition" leads; empty when nowhere.
    pub targets: Vec<Location>,
    /// The rule, for [`Kind::Rule`] when the code names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<RuleInfo>,
    /// The parts of a tag, for [`Kind::Tag`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<manifest::TagParts>,
    /// What a `FROM` resolves to, for [`Kind::Parent`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<dockerfile::ParentInfo>,
}

impl Inspection {
    fn new(kind: Kind, range: Location, hover: String) -> Inspection {
        Inspection {
            kind,
            range,
            hover,
            targets: Vec::new(),
            rule: None,
            tag: None,
            parent: None,
        }
    }
}

/// A link from a range of a file to another file of the repository.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub range: Location,
    /// The repository path the range names.
    pub target: String,
}

/// A change to a file: replace `range` with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextEdit {
    pub range: Location,
    pub text: String,
}

/// Whether a cursor at `offset` is on `span`: its end counts, where a cursor stands after
/// the last character of a word.
fn touches(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end && !span.is_empty()
}

/// What is at byte `offset` of the repository file `path`; `None` for nothing stacklint
/// knows about (or a file it did not read).
pub fn at(context: &Context, path: &str, offset: usize) -> Option<Inspection> {
    let file = context.repo.file(path)?;
    if let Some(found) = suppression_code(file, offset) {
        return Some(found);
    }
    if file_name(path) == MANIFEST_NAME {
        return manifest::at(context, path, offset);
    }
    if is_scene_image_list(path) {
        return image_list_at(context, path, offset);
    }
    dockerfile::at(context, file, offset)
}

/// Every link of a file: entry paths to the files they resolve to, image-list folders to
/// their `meta.yml`.
pub fn links(context: &Context, path: &str) -> Vec<Link> {
    if file_name(path) == MANIFEST_NAME {
        return manifest::links(context, path);
    }
    let Some(list) = context.repo.lists.iter().find(|list| list.path == path) else {
        return Vec::new();
    };
    list.entries
        .iter()
        .filter_map(|entry| {
            let target = folder_manifest(context, &list.scene, &entry.folder)?;
            Some(Link {
                range: Location::of(&list.file, entry.folder_span),
                target,
            })
        })
        .collect()
}

/// The `meta.yml` of an image-list folder, when it exists.
fn folder_manifest(context: &Context, scene: &str, folder: &str) -> Option<String> {
    let manifest = join_dir(&join_dir(scene, folder), MANIFEST_NAME);
    context.repo.is_file(&manifest).then_some(manifest)
}

fn suppression_code(file: &SourceFile, offset: usize) -> Option<Inspection> {
    let directives = suppress::scan(file);
    let found = directives
        .iter()
        .find_map(|directive| match &directive.kind {
            DirectiveKind::Ignore(codes) => codes.iter().find(|c| touches(c.span, offset)),
            _ => None,
        })?;
    let range = Location::of(file, found.span);
    let Some(rule) = found.rule else {
        let hover = format!(
            "{} is no stacklint rule: {}",
            code(&found.text),
            UnknownRule::new(&found.text).help()
        );
        return Some(Inspection::new(Kind::Rule, range, hover));
    };
    let info = RuleInfo::of(rule);
    let hover = format!(
        "**{}** {} ({})\n\n{}\n\n[Documentation]({})",
        rule.code,
        code(rule.name),
        rule.default_severity.as_str(),
        doc_text(rule),
        info.help_uri
    );
    let mut inspection = Inspection::new(Kind::Rule, range, hover);
    inspection.rule = Some(info);
    Some(inspection)
}

fn image_list_at(context: &Context, path: &str, offset: usize) -> Option<Inspection> {
    let list = context.repo.lists.iter().find(|list| list.path == path)?;
    let entry = list
        .entries
        .iter()
        .find(|e| touches(e.name_span, offset) || touches(e.folder_span, offset))?;
    let span = if touches(entry.name_span, offset) {
        entry.name_span
    } else {
        entry.folder_span
    };
    let folder = join_dir(&list.scene, &entry.folder);
    let manifest = folder_manifest(context, &list.scene, &entry.folder);
    let published = format!("{}/{}", context.config.images.namespace, entry.name);
    let built = match &manifest {
        Some(manifest) => format!("its tags are declared in {}", code(manifest)),
        None if context.repo.is_dir(&folder) => format!("{} has no `meta.yml`", code(&folder)),
        None => format!("the folder {} does not exist", code(&folder)),
    };
    let hover = format!(
        "{} is published from {}: {built}",
        code(&published),
        code(&folder)
    );
    let mut inspection = Inspection::new(Kind::ImageFolder, Location::of(&list.file, span), hover);
    inspection.targets = manifest.iter().map(|m| Location::file(m)).collect();
    Some(inspection)
}

/// Where a declared tag's key is, for a definition.
fn entry_location(context: &Context, id: EntryId) -> Option<Location> {
    let manifest = context.manifest(id)?;
    let entry = manifest.entries.get(id.entry)?;
    Some(Location::of(&manifest.file, entry.tag_span()))
}

/// `AI/cann/meta.yml` line 3, for a hover.
fn declared_at(location: &Location) -> String {
    format!("{} line {}", code(&location.path), location.line)
}
