//! Report renderers shared by every shell.

pub mod github;
pub mod graph;
pub mod human;
pub mod json;
pub mod rules;
pub mod sarif;

use crate::report::{Diagnostic, Report};

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
}

impl Format {
    pub const NAMES: &'static str = "human, json, github or sarif";

    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "human" => Some(Format::Human),
            "json" => Some(Format::Json),
            "github" => Some(Format::Github),
            "sarif" => Some(Format::Sarif),
            _ => None,
        }
    }
}

/// Renders a report; every format but `github` ends with a newline (`github` is one line per
/// finding, so nothing at all without findings).
pub fn render(report: &Report, format: Format, color: bool) -> String {
    match format {
        Format::Human => human::render(report, human::HumanOptions { color }),
        Format::Json => json::render(report) + "\n",
        Format::Github => github::render(report),
        Format::Sarif => sarif::render(report) + "\n",
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
        ] {
            assert_eq!(Format::parse(name), Some(format));
            assert!(Format::NAMES.contains(name));
        }
        assert_eq!(Format::parse("xml"), None);
    }
}
