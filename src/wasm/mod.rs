//! The WebAssembly API, shared by the GitHub Action and the playground. `check` returns exactly
//! the CLI's JSON contract as a plain JS object; `Checked` checks once and renders any format.
//! docs/wasm-api.md describes it for JavaScript developers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::check::ReportScope;
use crate::policy::config_file::ConfigFile;
use crate::policy::selection::{self, RulePattern};
use crate::render::{self, Format};
use crate::report::Report;
use crate::session::Session;
use crate::source::js::{memory_source, FileContent};
use crate::source::MemorySource;
use crate::CheckOptions;

mod typescript;

#[derive(Deserialize, Default)]
#[serde(default)]
struct JsOptions {
    /// For [`render`]; ignored by [`check`] and [`Checked`].
    format: Option<String>,
    /// Colour escapes in human output.
    color: bool,
    /// Changed paths (report only what they affect), or what to report.
    scope: Option<JsScope>,
    /// The base tree of a change.
    base: Option<BTreeMap<String, FileContent>>,
    changed: Option<Vec<String>>,
    policy: Option<String>,
    baseline: Option<JsBaseline>,
    /// A configuration file in place of the repository's.
    config: Option<JsBaseline>,
    /// Replace the `.stacklint.toml` lists; an unknown code throws.
    select: Option<Vec<String>>,
    ignore: Option<Vec<String>>,
    /// For [`apply_fixes`]: the unsafe fixes too.
    #[serde(rename = "unsafe")]
    unsafe_fixes: bool,
    /// For [`apply_fixes`]: the patch's paths go under it.
    prefix: String,
    /// For [`Workspace::fix`]: only the fixes of findings in these files.
    focus: Option<Vec<String>>,
}

/// The options a [`Workspace`] takes: it is no change and is rendered by its caller.
const WORKSPACE_OPTION_NAMES: &[&str] = &["select", "ignore", "config", "baseline"];

/// Every option name: serde-wasm-bindgen reads only the fields a struct names, so a misspelt
/// option (`scopes`) would otherwise be ignored and check the whole repository.
const OPTION_NAMES: &[&str] = &[
    "format", "color", "scope", "base", "changed", "policy", "baseline", "select", "ignore",
    "config",
];

/// [`apply_fixes`]' option names: the check's, and which fixes.
const FIX_OPTION_NAMES: &[&str] = &[
    "scope", "base", "changed", "policy", "baseline", "select", "ignore", "config", "unsafe",
    "prefix",
];

/// [`Workspace::fix`]'s option names: it checks with the workspace's own options.
const WORKSPACE_FIX_OPTION_NAMES: &[&str] = &["unsafe", "focus"];

/// A file the caller read: `{path, text}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsBaseline {
    path: String,
    text: String,
}

/// `scope`: a list of changed paths, or what to report.
enum JsScope {
    Paths(Vec<String>),
    Mode(String),
}

/// What `#[serde(untagged)]` says when no variant fits; the derive itself is not used, as it
/// buffers the value in serde's `Content` machinery (some kilobytes of WASM) to try each
/// variant in turn, where one look at the value's kind decides here.
const NOT_A_SCOPE: &str = "data did not match any variant of untagged enum JsScope";

impl<'de> Deserialize<'de> for JsScope {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<JsScope, D::Error> {
        deserializer.deserialize_any(ScopeVisitor)
    }
}

struct ScopeVisitor;

impl<'de> serde::de::Visitor<'de> for ScopeVisitor {
    type Value = JsScope;

    // What the derive's buffering says of a value it cannot read at all (a Set).
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value")
    }

    fn visit_str<E: serde::de::Error>(self, mode: &str) -> Result<JsScope, E> {
        Ok(JsScope::Mode(mode.to_string()))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut items: A) -> Result<JsScope, A::Error> {
        let mut paths = Vec::new();
        while let Some(path) = items
            .next_element::<String>()
            .map_err(|_| serde::de::Error::custom(NOT_A_SCOPE))?
        {
            paths.push(path);
        }
        Ok(JsScope::Paths(paths))
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<JsScope, E> {
        Err(E::custom(NOT_A_SCOPE))
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<JsScope, E> {
        Err(E::custom(NOT_A_SCOPE))
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<JsScope, E> {
        Err(E::custom(NOT_A_SCOPE))
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<JsScope, E> {
        Err(E::custom(NOT_A_SCOPE))
    }

    fn visit_bytes<E: serde::de::Error>(self, _: &[u8]) -> Result<JsScope, E> {
        Err(E::custom(NOT_A_SCOPE))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<JsScope, E> {
        Err(E::custom(NOT_A_SCOPE))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<JsScope, A::Error> {
        Err(serde::de::Error::custom(NOT_A_SCOPE))
    }
}

fn paths_option(name: &str, paths: &[String]) -> Result<Vec<String>, JsError> {
    crate::policy::scope::normalize_changed(paths.iter().map(String::as_str))
        .map_err(|error| JsError::new(&format!("stacklint: `{name}`: {error}")))
}

impl JsOptions {
    fn check_options(&self) -> Result<CheckOptions, JsError> {
        let mut changed = self
            .changed
            .as_deref()
            .map(|paths| paths_option("changed", paths))
            .transpose()?;
        let scope = match &self.scope {
            None => self.base.is_some().then_some(ReportScope::New),
            Some(JsScope::Paths(paths)) => {
                changed = Some(paths_option("scope", paths)?);
                Some(ReportScope::Changed)
            }
            Some(JsScope::Mode(mode)) => Some(match mode.as_str() {
                "all" => ReportScope::All,
                "changed" => ReportScope::Changed,
                "new" if self.base.is_some() => ReportScope::New,
                "new" => {
                    return Err(JsError::new(
                        "stacklint: `scope: \"new\"` needs `base`, the tree to compare with",
                    ))
                }
                other => {
                    return Err(JsError::new(&format!(
                        "stacklint: `scope` is `{other}`; expected a list of changed paths, \"all\", \"changed\" or \"new\""
                    )))
                }
            }),
        };
        let policy_from_head = match self.policy.as_deref() {
            None | Some("base") => false,
            Some("head") => true,
            Some(other) => {
                return Err(JsError::new(&format!(
                    "stacklint: `policy` is `{other}`; expected \"base\" or \"head\""
                )))
            }
        };
        type Parse = fn(&[String]) -> Result<Vec<RulePattern>, String>;
        let rules = |name: &str, list: &Option<Vec<String>>, parse: Parse| {
            list.as_deref()
                .map(parse)
                .transpose()
                .map_err(|error| JsError::new(&format!("stacklint: `{name}`: {error}")))
        };
        Ok(CheckOptions {
            changed,
            scope,
            policy_from_head,
            baseline: self
                .baseline
                .as_ref()
                .map(|given| crate::check::BaselineFile {
                    path: given.path.clone(),
                    text: given.text.clone(),
                }),
            config_file: match &self.config {
                Some(given) => ConfigFile::Given {
                    path: given.path.clone(),
                    text: given.text.clone(),
                },
                None => ConfigFile::InRepository,
            },
            select: rules("select", &self.select, selection::parse_select)?,
            ignore: rules("ignore", &self.ignore, selection::parse_list)?,
            ..CheckOptions::default()
        })
    }
}

/// Every result crosses as JSON text, parsed by `JSON.parse`: serde_json's writer is in the
/// build anyway (the JSON format), where a serde-wasm-bindgen serializer compiled every
/// `Serialize` impl a second time, and one string is also cheaper to hand over than an
/// object built call by call. What reaches JavaScript is the same plain data: objects,
/// arrays, strings, numbers, booleans and null.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value)
        .map_err(|error| JsError::new(&format!("stacklint: cannot convert the result: {error}")))?;
    Ok(json_parse(&text))
}

#[wasm_bindgen]
extern "C" {
    /// See [`to_js`].
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

/// Builds the in-memory repository; a path that leaves the repository is an error.
fn source_from(files: JsValue) -> Result<MemorySource, JsError> {
    memory_source(files_from(files)?).map_err(|error| JsError::new(&format!("stacklint: {error}")))
}

fn files_from(files: JsValue) -> Result<BTreeMap<String, FileContent>, JsError> {
    // An array would be read as an empty repository: nothing checked, nothing found.
    if files.is_array() || !files.is_object() {
        return Err(JsError::new(
            "stacklint: `files` must map repository paths to file contents, as an object or a Map (`{\"AI/x/meta.yml\": \"…\"}`), not an array or a single value",
        ));
    }
    serde_wasm_bindgen::from_value(files).map_err(|error| {
        JsError::new(&format!(
            "stacklint: `files` must map repository paths to file contents: {error}"
        ))
    })
}

fn options_from(options: Option<JsValue>) -> Result<JsOptions, JsError> {
    options_named(options, OPTION_NAMES)
}

/// The options, when every name is one of `known`.
fn options_named(options: Option<JsValue>, known: &[&str]) -> Result<JsOptions, JsError> {
    let Some(options) = options.filter(|value| !value.is_undefined() && !value.is_null()) else {
        return Ok(JsOptions::default());
    };
    let invalid = |error: &dyn std::fmt::Display| {
        JsError::new(&format!("stacklint: invalid options: {error}"))
    };
    // The names alone first (values are not read), so a misspelt option is an error.
    let names: BTreeMap<String, serde::de::IgnoredAny> =
        serde_wasm_bindgen::from_value(options.clone()).map_err(|error| invalid(&error))?;
    if let Some(unknown) = names.keys().find(|name| !known.contains(&name.as_str())) {
        let nearest = crate::text::suggest::nearest(unknown, known.iter().copied(), 1);
        let hint = nearest
            .first()
            .map(|name| format!("; did you mean `{name}`?"))
            .unwrap_or_default();
        return Err(invalid(&format!(
            "unknown option `{unknown}`{hint} (options: {})",
            known.join(", ")
        )));
    }
    serde_wasm_bindgen::from_value(options).map_err(|error| invalid(&error))
}

fn format_from(name: &str) -> Result<Format, JsError> {
    Format::parse(name).ok_or_else(|| {
        JsError::new(&format!(
            "stacklint: unknown format `{name}`; expected {}",
            Format::NAMES
        ))
    })
}

fn run(files: JsValue, options: &mut JsOptions) -> Result<Report, JsError> {
    let source = source_from(files)?;
    let check_options = options.check_options()?;
    match options.base.take() {
        Some(base) => {
            let base = memory_source(base)
                .map_err(|error| JsError::new(&format!("stacklint: `base`: {error}")))?;
            Ok(crate::check::check_change(&source, &base, &check_options))
        }
        None => Ok(crate::check(&source, &check_options)),
    }
}

/// Checks a repository and returns the report (the CLI's JSON contract) as a plain object.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn check(
    #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let report = run(files, &mut options_from(options)?)?;
    to_js(&report)
}

#[derive(Serialize)]
struct AppliedCount {
    code: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct SkippedFix {
    code: &'static str,
    path: String,
    line: usize,
    column: usize,
    message: String,
    reason: &'static str,
    description: &'static str,
}

#[derive(Serialize)]
struct FixResult {
    files: BTreeMap<String, String>,
    report: Report,
    applied: Vec<AppliedCount>,
    counts: String,
    skipped: Vec<SkippedFix>,
    patch: String,
    converged: bool,
    /// `Workspace.fix` only: the edits an editor applies to its buffers.
    #[serde(skip_serializing_if = "Option::is_none")]
    edits: Option<Vec<crate::report::LocatedEdit>>,
}

/// Applies the fixes of a repository (the safe ones; with `unsafe: true` all) in rounds and
/// returns the changed files' new texts, the report after fixing, what was applied and a
/// unified diff of it all. Nothing is written anywhere.
#[wasm_bindgen(js_name = applyFixes, unchecked_return_type = "FixResult")]
pub fn apply_fixes(
    #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FixOptions | null")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let mut options = options_named(options, FIX_OPTION_NAMES)?;
    let source = source_from(files)?;
    let check_options = options.check_options()?;
    let mode = crate::fix::FixMode {
        unsafe_fixes: options.unsafe_fixes,
    };
    let fixed = match options.base.take() {
        Some(base) => {
            let base = memory_source(base)
                .map_err(|error| JsError::new(&format!("stacklint: `base`: {error}")))?;
            crate::fix::fix_change(&source, &base, &check_options, mode)
        }
        None => crate::fix::fix(&source, &check_options, mode),
    };
    to_js(&fix_result(fixed, &options.prefix))
}

/// What fixing did, in the shape of the WASM API.
fn fix_result(fixed: crate::fix::Fixed, prefix: &str) -> FixResult {
    let mut files = BTreeMap::new();
    for change in &fixed.files {
        files.insert(change.path.clone(), change.after.clone());
    }
    let counts = fixed.counts(&[]);
    FixResult {
        files,
        counts: crate::fix::counts_text(&counts),
        applied: counts
            .into_iter()
            .map(|(code, count)| AppliedCount { code, count })
            .collect(),
        skipped: fixed
            .skipped
            .iter()
            .map(|skipped| SkippedFix {
                code: skipped.code,
                path: skipped.path.clone(),
                line: skipped.line,
                column: skipped.column,
                message: skipped.message.clone(),
                reason: skipped.reason.name(),
                description: skipped.reason.describe(),
            })
            .collect(),
        patch: fixed.patch(prefix),
        converged: fixed.converged,
        report: fixed.report,
        edits: None,
    }
}

/// Checks a repository and renders the report as text in `options.format` (default human).
#[wasm_bindgen]
pub fn render(
    #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "RenderOptions | null")] options: Option<
        JsValue,
    >,
) -> Result<String, JsError> {
    let mut options = options_from(options)?;
    let format = format_from(options.format.as_deref().unwrap_or("human"))?;
    let report = run(files, &mut options)?;
    Ok(render::render(&report, format, options.color))
}

/// One check, rendered as often as needed: the action reads the report, logs human text,
/// emits annotations and writes SARIF without checking the repository again.
#[wasm_bindgen]
pub struct Checked {
    report: Report,
}

#[wasm_bindgen]
impl Checked {
    /// Checks a repository; throws on invalid paths or options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<Checked, JsError> {
        let report = run(files, &mut options_from(options)?)?;
        Ok(Checked { report })
    }

    /// The report as a plain object, equal to what [`check`] returns. A new object per read.
    #[wasm_bindgen(getter, unchecked_return_type = "Report")]
    pub fn report(&self) -> Result<JsValue, JsError> {
        to_js(&self.report)
    }

    /// The report rendered in `format`; `color` adds ANSI colours to human output.
    pub fn render(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Format")] format: &str,
        color: Option<bool>,
    ) -> Result<String, JsError> {
        Ok(render::render(
            &self.report,
            format_from(format)?,
            color.unwrap_or(false),
        ))
    }

    /// Human output with the first `snippets` findings quoted from their source and the
    /// others one line each (`path:line:column: severity[CODE]: message`); `render("human")`
    /// when `snippets` is not given.
    pub fn human(&self, color: Option<bool>, snippets: Option<usize>) -> String {
        render::human::render(
            &self.report,
            render::human::HumanOptions {
                color: color.unwrap_or(false),
                snippets,
            },
        )
    }
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct JsMarkdownOptions {
    prefix: String,
    links: Option<JsLinks>,
    note: Option<String>,
    max_bytes: Option<usize>,
    fixes: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
struct JsLinks {
    server_url: String,
    repository: String,
    sha: String,
}

#[wasm_bindgen]
impl Checked {
    /// Every finding as an annotation object, in report order; `prefix` is the checked folder
    /// relative to the repository root.
    #[wasm_bindgen(unchecked_return_type = "Annotation[]")]
    pub fn annotations(&self, prefix: Option<String>) -> Result<JsValue, JsError> {
        to_js(&render::github::annotations(
            &self.report,
            prefix.as_deref().unwrap_or(""),
        ))
    }

    /// The SARIF log with every path under `prefix` (the checked folder relative to the
    /// repository root), as code scanning resolves paths from the repository root.
    pub fn sarif(&self, prefix: Option<String>) -> String {
        render::sarif::render(&self.report, prefix.as_deref().unwrap_or("")) + "\n"
    }

    /// The report as GitHub-flavoured Markdown (the action's job summary).
    pub fn markdown(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "MarkdownOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<String, JsError> {
        let options: JsMarkdownOptions = match options.filter(|v| !v.is_undefined() && !v.is_null())
        {
            None => JsMarkdownOptions::default(),
            Some(value) => {
                let value: serde_json::Value =
                    serde_wasm_bindgen::from_value(value).map_err(|error| {
                        JsError::new(&format!("stacklint: invalid markdown options: {error}"))
                    })?;
                serde_json::from_value(value).map_err(|error| {
                    JsError::new(&format!("stacklint: invalid markdown options: {error}"))
                })?
            }
        };
        Ok(render::markdown::render(
            &self.report,
            &render::markdown::MarkdownOptions {
                prefix: options.prefix,
                links: options.links.map(|links| render::markdown::BlobLinks {
                    server_url: links.server_url,
                    repository: links.repository,
                    sha: links.sha,
                }),
                note: options.note,
                max_bytes: options.max_bytes,
                fixes: options.fixes,
            },
        ))
    }
}

/// Whether the core reads this file's content (a repository path). Give the text (or bytes)
/// of these files and `null` for every other one: then every shell checks the same repository.
#[wasm_bindgen(js_name = needsContent)]
pub fn needs_content(path: &str) -> bool {
    crate::domain::layout::needs_content(path)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Limits {
    max_file_bytes: usize,
}

/// The limits the core applies to what it reads.
#[wasm_bindgen(unchecked_return_type = "Limits")]
pub fn limits() -> Result<JsValue, JsError> {
    to_js(&Limits {
        max_file_bytes: crate::source::MAX_FILE_BYTES,
    })
}

/// `text` as the core shows repository text: control characters, line and paragraph
/// separators and bidirectional overrides written as escapes (`\u{1b}`), on one line. For
/// shells that print repository text themselves (a folder name in the action's log).
#[wasm_bindgen]
pub fn visible(text: &str) -> String {
    crate::text::visible::escape(text, crate::text::visible::Lines::One).into_owned()
}

/// The stacklint version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Every rule: code, name, default severity, one-line summary, documentation URL and fix kind;
/// sorted by code.
#[wasm_bindgen(unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&render::rules::catalogue())
}

/// The in-repo image graph, exactly as `stacklint graph --format json` prints it; the
/// repository's `.stacklint.toml` is honoured. Throws on invalid paths. (Narrowing to one
/// image, the CLI's `--image`, is left out: nothing here needs it, and it would weigh.)
#[wasm_bindgen(unchecked_return_type = "Graph")]
pub fn graph(
    #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
) -> Result<JsValue, JsError> {
    let source = source_from(files)?;
    let graph = crate::check::graph(&source, &CheckOptions::default(), None)
        .map_err(|error| JsError::new(&format!("stacklint: {error}")))?;
    to_js(&graph)
}

#[derive(Serialize)]
struct RuleSetting {
    code: &'static str,
    severity: Option<crate::Severity>,
    configured: Option<&'static str>,
}

#[derive(Serialize)]
struct Policy {
    path: Option<String>,
    rules: Vec<RuleSetting>,
}

/// Which rules report, and at what severity, under the repository's `.stacklint.toml`.
#[wasm_bindgen(unchecked_return_type = "Policy")]
pub fn policy(
    #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
) -> Result<JsValue, JsError> {
    let source = source_from(files)?;
    let loaded = crate::check::load_policy(&source, &CheckOptions::default());
    let rules = crate::rules::all()
        .into_iter()
        .map(|rule| RuleSetting {
            code: rule.code,
            severity: loaded.selection.effective_severity(rule),
            configured: loaded
                .selection
                .configured_severity(rule)
                .map(|severity| severity.map_or("off", crate::Severity::as_str)),
        })
        .collect();
    let policy = Policy {
        path: loaded.path,
        rules,
    };
    to_js(&policy)
}

/// The text of `.stacklint.toml` (`""` for none) with one rule's `[severity]` set: a
/// severity, `"off"`, or null to remove the setting. The rest of the file is kept byte for
/// byte; throws, saying why, when the file is not valid TOML or the edit would not configure
/// exactly that.
#[wasm_bindgen(js_name = setSeverity)]
pub fn set_severity(
    text: &str,
    code: &str,
    #[wasm_bindgen(unchecked_param_type = "Severity | \"off\" | null")] severity: Option<String>,
) -> Result<String, JsError> {
    use crate::policy::config_edit::{self, Setting};
    let setting = Setting::parse(severity.as_deref())
        .map_err(|error| JsError::new(&format!("stacklint: {error}")))?;
    config_edit::set_severity(text, code, setting)
        .map_err(|error| JsError::new(&format!("stacklint: {error}")))
}

/// A repository kept in memory for an editor: set and remove files as they change, check
/// after each change (reusing everything that did not change), ask what is at a position.
#[wasm_bindgen]
pub struct Workspace {
    session: Session,
}

#[wasm_bindgen]
impl Workspace {
    /// An empty workspace; `options` are those of every check of it. Throws on unknown
    /// options or rules.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_optional_param_type = "WorkspaceOptions | null")] options: Option<
            JsValue,
        >,
    ) -> Result<Workspace, JsError> {
        let options = options_named(options, WORKSPACE_OPTION_NAMES)?.check_options()?;
        Ok(Workspace {
            session: Session::new(options),
        })
    }

    /// Adds or replaces files (the same form as `check`'s `files`); a path that leaves the
    /// repository throws.
    pub fn set(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Files")] files: JsValue,
    ) -> Result<(), JsError> {
        for (path, content) in files_from(files)? {
            self.session
                .set(&path, content)
                .map_err(|error| JsError::new(&format!("stacklint: {error}")))?;
        }
        Ok(())
    }

    /// Removes files (deleted on disk).
    pub fn remove(&mut self, paths: Vec<String>) {
        for path in paths {
            self.session.remove(&path);
        }
    }

    /// Checks the workspace. With `focus` (e.g. the open files) only the findings in those
    /// files are reported, each exactly as a whole check reports it, and faster.
    #[wasm_bindgen(unchecked_return_type = "Report")]
    pub fn check(&mut self, focus: Option<Vec<String>>) -> Result<JsValue, JsError> {
        to_js(&self.session.check(focus.as_deref()))
    }

    /// What is at a 1-based line and column (Unicode characters) of a file; `null` for
    /// nothing stacklint knows about.
    #[wasm_bindgen(unchecked_return_type = "Inspection | null")]
    pub fn inspect(&mut self, path: &str, line: usize, column: usize) -> Result<JsValue, JsError> {
        to_js(&self.session.inspect(path, line, column))
    }

    /// The ranges of a file that name other files: entry paths, image-list folders.
    #[wasm_bindgen(unchecked_return_type = "Link[]")]
    pub fn links(&mut self, path: &str) -> Result<JsValue, JsError> {
        to_js(&self.session.links(path))
    }

    /// The edit that silences rule `code` for a finding starting on `line` of `path`, written
    /// as an inline suppression where the file's parser reads one; `null` where none can be.
    #[wasm_bindgen(unchecked_return_type = "TextEdit | null")]
    pub fn silence(&mut self, path: &str, line: usize, code: &str) -> Result<JsValue, JsError> {
        to_js(&self.session.silence(path, line, code))
    }

    /// The fixes applied in rounds, as `applyFixes` (and `stacklint check --fix`) applies them,
    /// to the files as they are now; with `focus`, only the fixes of findings in those files.
    /// The workspace keeps its files: set what the caller applies.
    #[wasm_bindgen(unchecked_return_type = "WorkspaceFix")]
    pub fn fix(
        &mut self,
        #[wasm_bindgen(unchecked_optional_param_type = "WorkspaceFixOptions | null")]
        options: Option<JsValue>,
    ) -> Result<JsValue, JsError> {
        let options = options_named(options, WORKSPACE_FIX_OPTION_NAMES)?;
        let mode = crate::fix::FixMode {
            unsafe_fixes: options.unsafe_fixes,
        };
        let fixed = self.session.fix(mode, options.focus.as_deref());
        let edits = fixed
            .files
            .iter()
            .flat_map(|change| change.edits())
            .collect();
        to_js(&FixResult {
            edits: Some(edits),
            ..fix_result(fixed, "")
        })
    }
}
