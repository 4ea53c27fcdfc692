//! Report renderers shared by every shell.

pub mod github;
pub mod graph;
pub mod human;
pub mod json;
pub mod markdown;
pub mod mermaid;
pub mod rdjson;
pub mod rules;
pub mod sarif;
pub mod schema;

use crate::report::{Diagnostic, Report, Summary};

pub use rules::help_uri as rule_help_uri;

/// `1 error`, `2 entries`.
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// `2 errors, 1 warning, 3 infos`: the counts as every text stacklint writes them (infos only
/// when there are some). The words are the JSON summary's field names.
pub fn counts_text(summary: &Summary) -> String {
    let mut counts = vec![
        plural(summary.errors, "error", "errors"),
        plural(summary.warnings, "warning", "warnings"),
    ];
    if summary.infos > 0 {
        counts.push(plural(summary.infos, "info", "infos"));
    }
    counts.join(", ")
}

/// The message, then `help: …` on its own line: the text of one-message formats (annotations,
/// SARIF results) that have no separate place for the fix.
pub fn message_with_help(diagnostic: &Diagnostic) -> String {
    match &diagnostic.help {
        Some(help) => format!("{}\nhelp: {help}", diagnostic.message),
        None => diagnostic.message.clone(),
    }
}

/// Every output format, by the name the CLI (`--format`) and the WASM API use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Format {
    /// Source snippets with the span underlined, then a summary line.
    Human,
    /// The stable JSON contract.
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub-flavoured Markdown: counts and a findings table (job summaries, comments).
    Markdown,
    /// The Reviewdog Diagnostic Format (`reviewdog -f=rdjson`), fixes as suggestions.
    Rdjson,
}

impl Format {
    pub const NAMES: &'static str = "human, json, github, sarif, markdown or rdjson";

    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "human" => Some(Format::Human),
            "json" => Some(Format::Json),
            "github" => Some(Format::Github),
            "sarif" => Some(Format::Sarif),
            "markdown" => Some(Format::Markdown),
            "rdjson" => Some(Format::Rdjson),
            _ => None,
        }
    }
}

/// Renders a report; every format but `github` ends with a newline (`github` is one line per
/// finding, so nothing at all without findings).
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(
            report,
            human::HumanOptions {
                color,
                snippets: None,
            },
        ),
        Format::Json => json::render(report) + "\n",
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report, "") + "\n",
        Format::Markdown => markdown::render(report, &markdown::MarkdownOptions::default()),
        Format::Rdjson => rdjson::render(report, "") + "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_name_parses() {
        for (name, format) in [
            ("human", Format::Human),
            ("json", Format::Json),
            ("github", Format::Github),
            ("sarif", Format::Sarif),
            ("markdown", Format::Markdown),
            ("rdjson", Format::Rdjson),
        ] {
            assert_eq!(Format::parse(name), Some(format));
            assert!(Format::NAMES.contains(name));
        }
        assert_eq!(Format::parse("xml"), None);
    }
}
