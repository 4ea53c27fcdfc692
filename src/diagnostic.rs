//! The finding model: rules, severities and what a rule reports. Rules produce [`Finding`]s
//! with byte spans; [`crate::report`] locates them in lines and columns in one place.

use serde::Serialize;

use crate::text::Span;

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

/// One rule's public identity. `code` and `name` are a stable contract.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub default_severity: Severity,
    /// One line, for tables and `rules()`.
    pub summary: &'static str,
    /// The full explanation (Markdown), taken from the rule's doc comment.
    pub doc: &'static str,
}

/// Declares a rule as a `static Rule`, keeping its doc comment as the rule's documentation.
#[macro_export]
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = ($code:literal, $name:literal, $severity:ident, $summary:literal);
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: $crate::diagnostic::Rule = $crate::diagnostic::Rule {
            code: $code,
            name: $name,
            default_severity: $crate::diagnostic::Severity::$severity,
            summary: $summary,
            doc: concat!($($doc, "\n"),*),
        };
    };
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
