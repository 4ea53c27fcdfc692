//! JSON Schemas (draft-07) for `meta.yml`, `image-list.yml` and `.stacklint.toml`, built from
//! the definitions the rules check against (entry keys, architectures, the Docker tag grammar,
//! rule codes and names, severities, the configuration keys), so an editor's YAML or TOML
//! language server flags the same shapes stacklint does. `stacklint schema KIND` prints them;
//! `schemas/` holds them, and a test fails when they drift.

use serde_json::{json, Map, Value};

use crate::domain::arch::{ARCHES, DEFAULT_ARCHES};
use crate::domain::layout::ENTRY_KEYS;
use crate::domain::tag::MAX_TAG_LEN;
use crate::policy::config_file::{RELEASE_KEYS, SEVERITIES, STACK_KEYS, TOP_KEYS};
use crate::rules::all;

/// The files a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum SchemaKind {
    /// `meta.yml`
    Meta,
    /// `image-list.yml`
    ImageList,
    /// `.stacklint.toml`
    Config,
}

impl SchemaKind {
    pub const ALL: [SchemaKind; 3] = [SchemaKind::Meta, SchemaKind::ImageList, SchemaKind::Config];

    /// The file name under `schemas/`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Meta => "meta.schema.json",
            SchemaKind::ImageList => "image-list.schema.json",
            SchemaKind::Config => "stacklint.schema.json",
        }
    }

    /// Where the schema is published: the file in the repository.
    pub fn url(self) -> String {
        format!(
            "{}/raw/main/schemas/{}",
            env!("CARGO_PKG_REPOSITORY"),
            self.file_name()
        )
    }
}

/// The schema as pretty JSON with a final newline.
pub fn render(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Meta => meta(),
        SchemaKind::ImageList => image_list(),
        SchemaKind::Config => config(),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

fn header(kind: SchemaKind, title: &str, description: &str) -> Map<String, Value> {
    let mut schema = Map::new();
    schema.insert(
        "$schema".into(),
        json!("http://json-schema.org/draft-07/schema#"),
    );
    schema.insert("$id".into(), json!(kind.url()));
    schema.insert("title".into(), json!(title));
    schema.insert("description".into(), json!(description));
    schema
}

/// A `path` that stays inside its image folder, as the resolver reads it (P002): not
/// absolute (`/x`, `C:x`), no backslash, no `..` segment.
const RELATIVE_PATH: &str = r"^(?!/)(?!.:)(?!.*\\)(?!(.*/)?\.\.(/|$)).+$";

fn meta() -> Value {
    let mut schema = header(
        SchemaKind::Meta,
        "stacklint meta.yml",
        "An image folder's meta.yml: one entry per published tag, each with the Dockerfile it is built from.",
    );
    // T001: what Docker accepts as a tag.
    let tag = format!("^[A-Za-z0-9_][A-Za-z0-9_.-]{{0,{}}}$", MAX_TAG_LEN - 1);
    let arch = ARCHES.join("|");
    let entry = json!({
        "type": "object",
        "description": format!("One published tag. Keys: {}.", ENTRY_KEYS.join(", ")),
        "required": ["path"],
        "properties": {
            "path": {
                "type": "string",
                "minLength": 1,
                "pattern": RELATIVE_PATH,
                "description": "The Dockerfile, relative to the image folder: `<version>/<os-release>/Dockerfile` (P001–P004).",
            },
            "arch": {
                "type": "string",
                "pattern": format!(r"^\s*({arch})\s*(,\s*({arch})\s*)*$"),
                "description": format!("The architectures to build for, comma-separated: {} (A001). Without it: {}.", ARCHES.join(", "), DEFAULT_ARCHES.join(",")),
            },
        },
        "additionalProperties": false,
    });
    schema.insert("type".into(), json!("object"));
    schema.insert(
        "propertyNames".into(),
        json!({
            "pattern": tag,
            "description": "A Docker tag: `<version>-oe<release>`, e.g. `1.0-oe2403lts` (T001–T006).",
        }),
    );
    schema.insert("additionalProperties".into(), entry);
    Value::Object(schema)
}

fn image_list() -> Value {
    let mut schema = header(
        SchemaKind::ImageList,
        "stacklint image-list.yml",
        "A scene's image-list.yml: the published name of every image folder of the scene.",
    );
    schema.insert("type".into(), json!("object"));
    schema.insert("required".into(), json!(["images"]));
    schema.insert(
        "properties".into(),
        json!({
            "images": {
                "type": "object",
                "description": "Published image name (`openeuler/<name>`) -> its folder, relative to the scene (R001–R005).",
                "additionalProperties": { "type": "string" },
            }
        }),
    );
    Value::Object(schema)
}

/// Rule codes and names as the configuration takes them: any case.
fn rule_value(with_prefixes: bool) -> Value {
    let rules = all();
    let mut canonical: Vec<String> = Vec::new();
    for rule in &rules {
        canonical.push(rule.code.to_string());
        canonical.push(rule.name.to_string());
        if with_prefixes {
            for end in 1..rule.code.len() {
                canonical.push(rule.code[..end].to_string());
            }
        }
    }
    canonical.sort();
    canonical.dedup();
    let any_case: Vec<String> = canonical
        .iter()
        .map(|word| case_insensitive(word))
        .collect();
    json!({
        "anyOf": [
            { "enum": canonical },
            { "type": "string", "pattern": format!("^\\s*({})\\s*$", any_case.join("|")) },
        ]
    })
}

/// A regular expression matching `word` in any letter case (JSON Schema has no flags).
fn case_insensitive(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'a'..='z' | 'A'..='Z' => {
                format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
            }
            '-' | '_' => c.to_string(),
            _ => regex_escape(c),
        })
        .collect()
}

fn regex_escape(c: char) -> String {
    if c.is_ascii_alphanumeric() {
        c.to_string()
    } else {
        format!("\\{c}")
    }
}

fn config() -> Value {
    let mut schema = header(
        SchemaKind::Config,
        "stacklint .stacklint.toml",
        "stacklint's configuration at the repository root: rule selection, severities, extra releases and stack names (C001).",
    );
    let rules = json!({ "type": "array", "items": rule_value(true) });
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let stack: Map<String, Value> = STACK_KEYS
        .iter()
        .map(|key| (key.to_string(), strings.clone()))
        .collect();
    let release = |key: &str, pattern: &str, example: &str| {
        json!({
            "type": "object",
            "required": [key],
            "properties": { key: { "type": "string", "pattern": pattern, "examples": [example] } },
            "additionalProperties": false,
        })
    };
    let service_pack = "sp(0[1-9]|[1-9][0-9]?)";
    let properties = json!({
        "select": rules.clone(),
        "ignore": rules,
        "severity": {
            "type": "object",
            "description": "Rule (code or name) -> severity.",
            "propertyNames": rule_value(false),
            "additionalProperties": { "enum": SEVERITIES },
        },
        "releases": {
            "type": "array",
            "description": format!("Releases besides the built-in ones, each by one of: {}.", RELEASE_KEYS.join(", ")),
            "items": {
                "oneOf": [
                    release("suffix", &format!("^[0-9]{{4}}(lts|{service_pack})?$"), "2603lts"),
                    release("dir", &format!("^[0-9]{{2}}\\.[0-9]{{2}}(-lts(-{service_pack})?)?$"), "26.03-lts"),
                ]
            },
        },
        "stack": {
            "type": "object",
            "description": "Names added to the AI stack tables.",
            "properties": stack,
            "additionalProperties": false,
        },
        "baseline": {
            "type": "string",
            "description": "A baseline file written by `stacklint check --write-baseline`: its name contains `baseline` and ends with `.json`.",
            "pattern": format!("^(?![/\\\\])(?!.*\\\\)(?!(.*/)?\\.\\.(/|$))(.*/)?[^/]*{}[^/]*\\.{}$", case_insensitive("baseline"), case_insensitive("json")),
        },
    });
    debug_assert!(TOP_KEYS.iter().all(|key| properties.get(*key).is_some()));
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), properties);
    schema.insert("additionalProperties".into(), json!(false));
    Value::Object(schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_configuration_key_is_described() {
        let schema = config();
        let properties = schema["properties"].as_object().expect("properties");
        let mut described: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut known = TOP_KEYS.to_vec();
        described.sort_unstable();
        known.sort_unstable();
        assert_eq!(described, known);
    }

    #[test]
    fn case_insensitive_words() {
        assert_eq!(case_insensitive("P0a-b"), "[pP]0[aA]-[bB]");
    }
}
