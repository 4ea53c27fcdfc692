//! `.stacklint.toml`: rule selection, severities, and additions to the policy tables, read
//! through the [`FileSource`] so the CLI, the action and the playground all honour it.
//! Every mistake in it is a C001 finding at the exact key or value; a file that is not valid
//! TOML is not used at all, so the check runs with the defaults.

use std::collections::BTreeSet;

use toml::de::{DeArray, DeTable, DeValue};
use toml::Spanned;

use crate::diagnostic::{Finding, Severity};
use crate::domain::layout::{is_baseline_file, CONFIG_FILE_NAME};
use crate::domain::os_release::OsRelease;
use crate::domain::tables::{Config, StackTables};
use crate::policy::selection::{self, RulePattern, Selection};
use crate::rules::config::INVALID_CONFIG;
use crate::rules::{self, Rule};
use crate::source::repo_path::normalize_repo_path;
use crate::source::{FileSource, ReadError};
use crate::text::suggest;
use crate::text::Span;

pub const TOP_KEYS: &[&str] = &[
    "ignore", "select", "severity", "releases", "stack", "baseline",
];
pub const RELEASE_KEYS: &[&str] = &["suffix", "dir"];
pub const SEVERITIES: &[&str] = &["error", "warning", "info", "off"];

/// Which configuration file a check reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum ConfigFile {
    /// `.stacklint.toml` at the repository root, when there is one.
    #[default]
    InRepository,
    /// A file the caller read (`--config FILE`); findings in it are reported under `path`.
    Given { path: String, text: String },
    /// No configuration file (`--no-config`).
    Disabled,
}

/// The configuration a check runs with.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub selection: Selection,
    /// C001 findings.
    pub findings: Vec<Finding>,
    /// The file read, if any; the check reads it through the repository so its text is there
    /// to locate findings (and an unreadable one is reported as F001).
    pub path: Option<String>,
    /// `baseline = "..."`: the baseline file (repository path) whose findings are not
    /// reported, and where the key is written.
    pub baseline: Option<(String, Span)>,
}

/// Reads the configuration file chosen by `file` and extends `base` with it.
pub fn load(source: &dyn FileSource, file: &ConfigFile, base: &Config) -> Loaded {
    let defaults = |path: Option<String>| Loaded {
        config: base.clone(),
        path,
        ..Loaded::default()
    };
    match file {
        ConfigFile::Disabled => defaults(None),
        ConfigFile::Given { path, text } => parse(path, text, base),
        ConfigFile::InRepository => match source.read(CONFIG_FILE_NAME) {
            Ok(text) => parse(CONFIG_FILE_NAME, &text, base),
            // The caller chose not to hand it over: as if there were none.
            Err(ReadError::NotFound | ReadError::NotProvided) => defaults(None),
            // Unreadable (binary, too large): F001 says why; the defaults apply.
            Err(_) => defaults(Some(CONFIG_FILE_NAME.to_string())),
        },
    }
}

/// Parses the text of a configuration file at `path`.
pub fn parse(path: &str, text: &str, base: &Config) -> Loaded {
    let mut reader = Reader {
        path,
        config: base.clone(),
        selection: Selection::default(),
        findings: Vec::new(),
        baseline: None,
    };
    match DeTable::parse(text) {
        Ok(table) => reader.document(table.get_ref()),
        Err(error) => {
            let span = error.span().map_or(Span::file_start(), |range| {
                Span::new(range.start, range.end)
            });
            let message = error.message().trim_end().replace('\n', "; ");
            reader.findings.push(
                Finding::new(
                    &INVALID_CONFIG,
                    path,
                    span,
                    format!("`{path}` is not valid TOML: {message}; it was not used, the check ran with the default configuration"),
                )
                .help("fix the syntax; `stacklint explain C001` shows the expected format"),
            );
            return Loaded {
                config: base.clone(),
                findings: reader.findings,
                path: Some(path.to_string()),
                ..Loaded::default()
            };
        }
    }
    Loaded {
        config: reader.config,
        selection: reader.selection,
        findings: reader.findings,
        path: Some(path.to_string()),
        baseline: reader.baseline,
    }
}

fn span_of<T>(spanned: &Spanned<T>) -> Span {
    let range = spanned.span();
    Span::new(range.start, range.end)
}

/// "did you mean `x`?" among `candidates`, or the list of valid ones.
/// A candidate the text abbreviates (`warn` for `warning`) comes first.
fn nearest_help(found: &str, candidates: &[&str], what: &str) -> String {
    let abbreviated = candidates
        .iter()
        .copied()
        .find(|candidate| found.len() >= 3 && candidate.starts_with(found));
    let nearest = suggest::nearest(found, candidates.iter().copied(), 1);
    match abbreviated.or(nearest.first().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let all: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
            format!("{what}: {}", all.join(", "))
        }
    }
}

struct Reader<'a> {
    path: &'a str,
    config: Config,
    selection: Selection,
    findings: Vec<Finding>,
    baseline: Option<(String, Span)>,
}

impl Reader<'_> {
    fn report(&mut self, span: Span, message: String, help: String) {
        self.findings
            .push(Finding::new(&INVALID_CONFIG, self.path, span, message).help(help));
    }

    fn unknown_key(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>, at: &str, known: &[&str]) {
        let name = key.get_ref();
        self.report(
            span_of(key),
            format!(
                "unknown key `{name}` {at}; stacklint knows {}",
                quoted(known)
            ),
            nearest_help(name, known, "use one of"),
        );
    }

    fn wrong_type(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        key: &str,
        expected: &str,
        example: &str,
    ) {
        self.report(
            span_of(value),
            format!(
                "`{key}` must be {expected}, found {} {}",
                article(value.get_ref().type_str()),
                value.get_ref().type_str()
            ),
            // A table example is shown as lines of its own, like the file would hold it.
            if example.contains('\n') {
                format!("write it as:\n{example}")
            } else {
                format!("write it as `{example}`")
            },
        );
    }

    fn document(&mut self, table: &DeTable<'_>) {
        for (key, value) in table.iter() {
            match key.get_ref().as_ref() {
                "ignore" => {
                    if let Some(patterns) = self.patterns(value, "ignore") {
                        self.selection.ignore = patterns;
                    }
                }
                "select" => {
                    if let Some(patterns) = self.patterns(value, "select") {
                        if patterns.is_empty() && !self.had_items(value) {
                            self.report(
                                span_of(value),
                                "`select` is empty, so no rule would report anything".into(),
                                "remove `select` to run every rule, or name the rules to run, e.g. `select = [\"Y\", \"P001\"]`".into(),
                            );
                        } else {
                            self.selection.select = Some(patterns);
                        }
                    }
                }
                "severity" => self.severities(value),
                "baseline" => self.baseline(value),
                "releases" => self.releases(value),
                "stack" => self.stack(value),
                _ => self.unknown_key(key, "at the top level", TOP_KEYS),
            }
        }
    }

    /// `baseline = "path"`: a file of the repository whose name says it is a baseline, so that
    /// every shell knows to read it.
    fn baseline(&mut self, value: &Spanned<DeValue<'_>>) {
        let example = "baseline = \".stacklint-baseline.json\"";
        let Some(text) = value.get_ref().as_str() else {
            self.wrong_type(value, "baseline", "a string", example);
            return;
        };
        match normalize_repo_path(text) {
            Some(path) if is_baseline_file(&path) => self.baseline = Some((path, span_of(value))),
            Some(_) => self.report(
                span_of(value),
                format!("`baseline` is `{text}`; a baseline file's name contains `baseline` and ends with `.json`"),
                format!("write it with `stacklint check --write-baseline .stacklint-baseline.json` and set `{example}`"),
            ),
            None => self.report(
                span_of(value),
                format!("`baseline` is `{text}`, which is not a path inside the repository"),
                format!("give a path relative to the repository root, e.g. `{example}`"),
            ),
        }
    }

    fn had_items(&self, value: &Spanned<DeValue<'_>>) -> bool {
        value
            .get_ref()
            .as_array()
            .is_some_and(|items| !items.is_empty())
    }

    fn strings<'v, 'i>(
        &mut self,
        value: &'v Spanned<DeValue<'i>>,
        key: &str,
        example: &str,
    ) -> Option<Vec<(&'v str, Span)>> {
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(value, key, "an array of strings", example);
            return None;
        };
        Some(self.string_items(items, key, example))
    }

    fn string_items<'v>(
        &mut self,
        items: &'v DeArray<'_>,
        key: &str,
        example: &str,
    ) -> Vec<(&'v str, Span)> {
        let mut strings = Vec::new();
        for item in items.iter() {
            match item.get_ref().as_str() {
                Some(text) => strings.push((text, span_of(item))),
                None => {
                    self.wrong_type(item, &format!("every item of `{key}`"), "a string", example)
                }
            }
        }
        strings
    }

    /// A `select` or `ignore` list; unknown codes are reported and left out.
    fn patterns(&mut self, value: &Spanned<DeValue<'_>>, key: &str) -> Option<Vec<RulePattern>> {
        let example = format!("{key} = [\"P003\", \"orphan-dockerfile\"]");
        let items = self.strings(value, key, &example)?;
        let mut patterns = Vec::new();
        for (text, span) in items {
            match RulePattern::parse(text) {
                Ok(pattern) => patterns.push(pattern),
                Err(unknown) => self.report(
                    span,
                    format!(
                        "`{key}` names `{text}`, which is no rule code, code prefix or rule name"
                    ),
                    unknown.help(),
                ),
            }
        }
        Some(selection::dedup(patterns))
    }

    fn table<'v, 'i>(
        &mut self,
        value: &'v Spanned<DeValue<'i>>,
        key: &str,
        example: &str,
    ) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.wrong_type(value, key, "a table", example);
        }
        table
    }

    /// `[severity]`: rule -> error | warning | info | off.
    fn severities(&mut self, value: &Spanned<DeValue<'_>>) {
        let Some(table) = self.table(value, "severity", "[severity]\nP004 = \"error\"") else {
            return;
        };
        for (key, level) in table.iter() {
            let rule = self.rule(key);
            let Some(text) = level.get_ref().as_str() else {
                self.wrong_type(
                    level,
                    &format!("severity.{}", key.get_ref()),
                    "a string",
                    "P004 = \"error\"",
                );
                continue;
            };
            let severity = match text {
                "off" => None,
                _ => match Severity::parse(text) {
                    Some(severity) => Some(severity),
                    None => {
                        self.report(
                            span_of(level),
                            format!(
                                "`{text}` is not a severity; expected {}",
                                quoted(SEVERITIES)
                            ),
                            nearest_help(text, SEVERITIES, "use one of"),
                        );
                        continue;
                    }
                },
            };
            if let Some(rule) = rule {
                self.selection.severity.push((rule, severity));
            }
        }
    }

    /// A `[severity]` key: one whole rule, by code or name.
    fn rule(&mut self, key: &Spanned<std::borrow::Cow<'_, str>>) -> Option<&'static Rule> {
        let name = key.get_ref().as_ref();
        if let Some(rule) = rules::find(name) {
            return Some(rule);
        }
        let help = match RulePattern::parse(name) {
            Ok(_) => "`[severity]` sets single rules: name each code, e.g. `P004 = \"error\"`"
                .to_string(),
            Err(unknown) => unknown.help(),
        };
        self.report(
            span_of(key),
            format!("`[severity]` names `{name}`, which is no rule code or name"),
            help,
        );
        None
    }

    /// `[[releases]]`: each table adds one release, by `suffix` or `dir`.
    fn releases(&mut self, value: &Spanned<DeValue<'_>>) {
        let example = "[[releases]]\nsuffix = \"2603lts\"";
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(
                value,
                "releases",
                "an array of tables (`[[releases]]`)",
                example,
            );
            return;
        };
        for item in items.iter() {
            let Some(table) = self.table(item, "every `[[releases]]` item", example) else {
                continue;
            };
            let mut release = None;
            let mut given = 0;
            for (key, value) in table.iter() {
                let (parse, form, sample): (fn(&str) -> Option<OsRelease>, _, _) =
                    match key.get_ref().as_ref() {
                        "suffix" => (OsRelease::parse_suffix, "suffix", "2603lts"),
                        "dir" => (OsRelease::parse_dir, "folder name", "26.03-lts"),
                        _ => {
                            self.unknown_key(key, "in `[[releases]]`", RELEASE_KEYS);
                            continue;
                        }
                    };
                given += 1;
                let Some(text) = value.get_ref().as_str() else {
                    self.wrong_type(
                        value,
                        key.get_ref(),
                        "a string",
                        &format!("{} = \"{sample}\"", key.get_ref()),
                    );
                    continue;
                };
                match parse(text) {
                    Some(parsed) => release = Some(parsed),
                    None => {
                        let help = match OsRelease::parse_lenient(text) {
                            Some(meant) if key.get_ref() == "suffix" => {
                                format!("did you mean `{}`?", meant.suffix())
                            }
                            Some(meant) => format!("did you mean `{}`?", meant.dir_name()),
                            None => format!("write the release's {form}, e.g. `{sample}`"),
                        };
                        self.report(
                            span_of(value),
                            format!("`{text}` is not an openEuler release {form}"),
                            help,
                        );
                    }
                }
            }
            if given > 1 {
                self.report(
                    span_of(item),
                    "a `[[releases]]` item gives both `suffix` and `dir`".into(),
                    "keep one of them: each names the whole release".into(),
                );
            } else if given == 0 {
                self.report(
                    span_of(item),
                    "a `[[releases]]` item names no release".into(),
                    "add `suffix = \"2603lts\"` or `dir = \"26.03-lts\"`".into(),
                );
            }
            if let (Some(release), 1) = (release, given) {
                self.config.releases.add(release);
            }
        }
    }

    /// `[stack]`: names added to the stack tables.
    fn stack(&mut self, value: &Spanned<DeValue<'_>>) {
        let Some(table) = self.table(value, "stack", "[stack]\nframework_images = [\"paddle\"]")
        else {
            return;
        };
        for (key, value) in table.iter() {
            let name = key.get_ref().as_ref();
            if !STACK_KEYS.contains(&name) {
                self.unknown_key(key, "in `[stack]`", STACK_KEYS);
                continue;
            }
            let example = format!("{name} = [\"paddle\"]");
            let Some(items) = self.strings(value, name, &example) else {
                continue;
            };
            let added: Vec<String> = items
                .into_iter()
                .map(|(text, _)| text.to_string())
                .collect();
            if let Some(list) = stack_list(&mut self.config.stack, name) {
                list.extend(added);
            }
        }
    }
}

pub const STACK_KEYS: &[&str] = &[
    "sdk_images",
    "framework_images",
    "llm_images",
    "sdk_components",
    "framework_components",
    "extra_components",
];

fn stack_list<'t>(stack: &'t mut StackTables, key: &str) -> Option<&'t mut BTreeSet<String>> {
    Some(match key {
        "sdk_images" => &mut stack.sdk_images,
        "framework_images" => &mut stack.framework_images,
        "llm_images" => &mut stack.llm_images,
        "sdk_components" => &mut stack.sdk_components,
        "framework_components" => &mut stack.framework_components,
        "extra_components" => &mut stack.extra_components,
        _ => return None,
    })
}

fn quoted(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    quoted.join(", ")
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::MemorySource;

    fn read(text: &str) -> Loaded {
        parse(CONFIG_FILE_NAME, text, &Config::default())
    }

    /// (text under the span, message, help) of each finding.
    fn problems(text: &str) -> Vec<(String, String, String)> {
        read(text)
            .findings
            .into_iter()
            .map(|f| {
                assert_eq!(f.rule.code, "C001");
                let under = text
                    .get(f.span.start..f.span.end)
                    .unwrap_or("?")
                    .to_string();
                (under, f.message, f.help.unwrap_or_default())
            })
            .collect()
    }

    fn rule(code: &str) -> &'static Rule {
        rules::find(code).expect("rule exists")
    }

    #[test]
    fn a_full_configuration_extends_the_defaults() {
        let loaded = read(
            "ignore = [\"P003\", \"orphan-dockerfile\"]\nselect = [\"Y\", \"P001\"]\n\
             [severity]\nP004 = \"error\"\nT005 = \"off\"\n\
             [[releases]]\nsuffix = \"2603lts\"\n[[releases]]\ndir = \"26.09\"\n\
             [stack]\nframework_images = [\"paddle\", \"pytorch\"]\n",
        );
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        let selection = &loaded.selection;
        assert_eq!(
            selection.ignore,
            [
                RulePattern::Rule(rule("P003")),
                RulePattern::Rule(rule("P005"))
            ]
        );
        assert_eq!(
            selection.select,
            Some(vec![
                RulePattern::Prefix("Y".into()),
                RulePattern::Rule(rule("P001"))
            ])
        );
        assert_eq!(
            selection.severity,
            [(rule("P004"), Some(Severity::Error)), (rule("T005"), None)]
        );
        let releases = &loaded.config.releases;
        assert!(releases.contains(&OsRelease::parse_suffix("2603lts").expect("valid")));
        assert!(releases.contains(&OsRelease::parse_dir("26.09").expect("valid")));
        let frameworks = &loaded.config.stack.framework_images;
        assert_eq!(frameworks.iter().filter(|f| *f == "pytorch").count(), 1);
        assert!(frameworks.contains(&"paddle".to_string()));
        assert_eq!(loaded.path.as_deref(), Some(CONFIG_FILE_NAME));
    }

    #[test]
    fn unknown_keys_codes_and_severities_point_at_the_mistake_with_a_suggestion() {
        let problems = problems(
            "ignroe = [\"P003\"]\nignore = [\"P0003\", \"Q\", 3]\n[severity]\nP004 = \"eror\"\nY00 = \"off\"\n\
             [stack]\nframework_image = [\"x\"]\n[[releases]]\nsuffix = \"oe2603lts\"\n[[releases]]\nbranch = \"x\"\n",
        );
        let mut under: Vec<&str> = problems.iter().map(|p| p.0.as_str()).collect();
        under.sort_unstable();
        let mut expected = [
            "ignroe",
            "\"P0003\"",
            "\"Q\"",
            "3",
            "\"oe2603lts\"",
            "branch",
            "Y00",
            "\"eror\"",
            "framework_image",
            "[[releases]]",
        ];
        expected.sort_unstable();
        assert_eq!(under, expected);
        let help = |found: &str| {
            problems
                .iter()
                .find(|p| p.0 == found)
                .map(|p| p.2.clone())
                .unwrap_or_default()
        };
        assert_eq!(help("ignroe"), "did you mean `ignore`?");
        assert_eq!(help("\"P0003\""), "did you mean `P003`?");
        assert_eq!(help("\"eror\""), "did you mean `error`?");
        assert_eq!(
            nearest_help("warn", SEVERITIES, "use one of"),
            "did you mean `warning`?"
        );
        assert_eq!(help("framework_image"), "did you mean `framework_images`?");
        assert_eq!(help("\"oe2603lts\""), "did you mean `2603lts`?");
        assert!(help("Y00").contains("single rules"), "{}", help("Y00"));
    }

    #[test]
    fn a_syntax_error_is_one_finding_and_the_defaults_apply() {
        let text = "ignore = [\"P003\"]\nselect = [\"Y\"\n";
        let loaded = read(text);
        assert_eq!(loaded.findings.len(), 1);
        let finding = &loaded.findings[0];
        assert!(
            finding.message.contains("not valid TOML"),
            "{}",
            finding.message
        );
        assert!(finding.span.start >= text.find("select").expect("in text"));
        assert_eq!(loaded.selection, Selection::default());

        let duplicate = read("ignore = [\"P003\"]\nignore = [\"P004\"]\n");
        assert_eq!(duplicate.findings.len(), 1);
        assert_eq!(duplicate.selection, Selection::default());
    }

    #[test]
    fn wrong_types_and_an_empty_select_are_reported() {
        let problems = problems("ignore = \"P003\"\nselect = []\nseverity = 1\n");
        let messages: Vec<&str> = problems.iter().map(|p| p.1.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`ignore` must be an array of strings, found a string",
                "`select` is empty, so no rule would report anything",
                "`severity` must be a table, found an integer",
            ]
        );
        assert_eq!(
            problems[0].2,
            "write it as `ignore = [\"P003\", \"orphan-dockerfile\"]`"
        );
    }

    #[test]
    fn the_file_is_read_through_the_source_unless_disabled() {
        let source = MemorySource::new().with(CONFIG_FILE_NAME, "ignore = [\"Y\"]\n");
        let base = Config::default();
        let loaded = load(&source, &ConfigFile::InRepository, &base);
        assert_eq!(loaded.selection.ignore, [RulePattern::Prefix("Y".into())]);
        let disabled = load(&source, &ConfigFile::Disabled, &base);
        assert!(disabled.selection.ignore.is_empty());
        assert_eq!(disabled.path, None);
        let given = ConfigFile::Given {
            path: "/etc/strict.toml".into(),
            text: "ignore = [\"P\"]\n".into(),
        };
        let loaded = load(&source, &given, &base);
        assert_eq!(loaded.selection.ignore, [RulePattern::Prefix("P".into())]);
        assert_eq!(loaded.path.as_deref(), Some("/etc/strict.toml"));

        let mut unprovided = MemorySource::new();
        unprovided.insert(CONFIG_FILE_NAME, None);
        assert_eq!(
            load(&unprovided, &ConfigFile::InRepository, &base).path,
            None
        );
        let binary = MemorySource::new().with(CONFIG_FILE_NAME, "a\0b");
        let loaded = load(&binary, &ConfigFile::InRepository, &base);
        assert_eq!(loaded.path.as_deref(), Some(CONFIG_FILE_NAME));
        assert!(loaded.findings.is_empty(), "F001 reports it, not C001");
    }
}
