//! The WebAssembly API, shared by the GitHub Action and the playground. It returns exactly the
//! CLI's JSON contract, as plain JS objects.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::render::{human, json};
use crate::source::MemorySource;
use crate::CheckOptions;

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct JsOptions {
    /// `human` | `json` for [`render`]; ignored by [`check`].
    format: Option<String>,
    /// Colour escapes in human output.
    color: bool,
    /// Changed paths: report only what they affect. Absent or null checks everything.
    scope: Option<Vec<String>>,
}

impl JsOptions {
    fn check_options(&self) -> Result<CheckOptions, JsError> {
        let changed = self
            .scope
            .as_ref()
            .map(|paths| crate::scope::normalize_changed(paths.iter().map(String::as_str)))
            .transpose()
            .map_err(|error| JsError::new(&format!("stacklint: `scope`: {error}")))?;
        Ok(CheckOptions {
            changed,
            ..CheckOptions::default()
        })
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&format!("stacklint: cannot convert the result: {error}")))
}

/// Builds the in-memory repository; a path that leaves the repository is an error.
fn source_from(files: JsValue) -> Result<MemorySource, JsError> {
    let files: BTreeMap<String, Option<String>> = serde_wasm_bindgen::from_value(files)
        .map_err(|error| {
            JsError::new(&format!(
                "stacklint: `files` must map repository paths to file contents (string or null): {error}"
            ))
        })?;
    let mut source = MemorySource::new();
    for (path, content) in files {
        if !source.insert(&path, content) {
            return Err(JsError::new(&format!(
                "stacklint: invalid path `{path}`: paths must be relative to the repository, use `/`, and contain no `..`"
            )));
        }
    }
    Ok(source)
}

fn options_from(options: JsValue) -> Result<JsOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsOptions::default());
    }
    serde_wasm_bindgen::from_value(options)
        .map_err(|error| JsError::new(&format!("stacklint: invalid options: {error}")))
}

/// Checks a repository given as `{path: content | null}` (object or Map); returns the report.
#[wasm_bindgen]
pub fn check(files: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let source = source_from(files)?;
    let options = options_from(options)?;
    let report = crate::check(&source, &options.check_options()?);
    to_js(&report)
}

/// Checks a repository and renders the report as text in `options.format`.
#[wasm_bindgen]
pub fn render(files: JsValue, options: JsValue) -> Result<String, JsError> {
    let source = source_from(files)?;
    let options = options_from(options)?;
    let report = crate::check(&source, &options.check_options()?);
    match options.format.as_deref().unwrap_or("human") {
        "human" => Ok(human::render(
            &report,
            human::HumanOptions {
                color: options.color,
            },
        )),
        "json" => Ok(json::render(&report)),
        other => Err(JsError::new(&format!(
            "stacklint: unknown format `{other}`; expected human or json"
        ))),
    }
}

/// The stacklint version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Every rule: code, name, default severity, one-line summary.
#[wasm_bindgen]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::rules::all())
}
