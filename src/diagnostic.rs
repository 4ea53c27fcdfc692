//! The finding model. Rules produce [`Finding`]s with byte spans; [`crate::report`] turns them
//! into located [`Diagnostic`]s (1-based lines, character columns) in one place.

use serde::Serialize;

use crate::rules::Rule;

/// How serious a finding is. Ordered so that `Error > Warning > Info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<Severity> {
        match text {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A half-open byte range `[start, end)` inside one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// An empty span at the start of the file, for findings about a whole file.
    pub fn file_start() -> Span {
        Span::new(0, 0)
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A second location that explains a finding (the first of two duplicate keys, the parent's entry).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelatedSpan {
    pub path: String,
    pub span: Span,
    pub message: String,
}

/// What a rule reports, before it is located in lines and columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub path: String,
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
    /// A short label drawn under the span in human output; the rule name when absent.
    pub label: Option<String>,
    pub related: Vec<RelatedSpan>,
}

impl Finding {
    /// A finding at the rule's default severity.
    pub fn new(
        rule: &'static Rule,
        path: impl Into<String>,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            rule,
            severity: rule.default_severity,
            path: path.into(),
            span,
            message: message.into(),
            help: None,
            label: None,
            related: Vec::new(),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    pub fn maybe_help(mut self, help: Option<String>) -> Finding {
        self.help = help;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Finding {
        self.label = Some(label.into());
        self
    }

    pub fn severity(mut self, severity: Severity) -> Finding {
        self.severity = severity;
        self
    }

    pub fn related(
        mut self,
        path: impl Into<String>,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        self.related.push(RelatedSpan {
            path: path.into(),
            span,
            message: message.into(),
        });
        self
    }
}

/// A related location in the public JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Related {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
}

/// A located finding: the public JSON contract shared by the CLI, the action and the playground.
/// Columns count Unicode scalar values, 1-based; `end_column` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub message: String,
    pub help: Option<String>,
    pub related: Vec<Related>,
    #[serde(skip)]
    pub label: Option<String>,
    /// Byte range in the file, kept for renderers that need the source text; not serialised.
    #[serde(skip)]
    pub span: Span,
}
