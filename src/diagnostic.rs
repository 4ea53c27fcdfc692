//! The finding model: rules, severities, what a rule reports and the fix it proposes. Rules
//! produce [`Finding`]s (and their [`Fix`]es) with byte spans; [`crate::report`] locates them
//! in lines and columns in one place.

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

/// Whether a fix may be applied without review (`check --fix`) or only on request
/// (`--unsafe-fixes`). Ordered so that `Unsafe < Safe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// A plausible guess the author must review, or a fix that renames a published tag.
    Unsafe,
    /// Evidently what the author meant, and no published tag is renamed.
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// What a rule's fixes can be at best, as its documentation states it (`Fix: safe`, `Fix:
/// unsafe`, `Fix: none`). A rule never proposes a fix better than its kind; without a base to
/// compare with, a tag-renaming rule's fixes stay unsafe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    None,
    Unsafe,
    Safe,
}

impl FixKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FixKind::None => "none",
            FixKind::Unsafe => "unsafe",
            FixKind::Safe => "safe",
        }
    }

    fn parse(word: &str) -> Option<FixKind> {
        match word {
            "none" => Some(FixKind::None),
            "unsafe" => Some(FixKind::Unsafe),
            "safe" => Some(FixKind::Safe),
            _ => None,
        }
    }

    /// Whether a fix of this applicability is within the kind.
    pub fn allows(self, applicability: Applicability) -> bool {
        match self {
            FixKind::None => false,
            FixKind::Unsafe => applicability == Applicability::Unsafe,
            FixKind::Safe => true,
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

/// The line of a rule's documentation that states its fix kind.
const FIX_LINE: &str = "Fix: ";

impl Rule {
    /// The fix kind the rule's documentation states on its `Fix: safe|unsafe|none` line; a
    /// rule without one (a test keeps every rule documented) proposes no fix.
    pub fn fix_kind(&self) -> FixKind {
        self.doc
            .lines()
            .filter_map(|line| line.trim_start().strip_prefix(FIX_LINE))
            .find_map(|rest| {
                let word = rest.split(|c: char| !c.is_ascii_alphabetic()).next()?;
                FixKind::parse(word)
            })
            .unwrap_or(FixKind::None)
    }
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

/// Replace `span` of the file at `path` with `replacement` (an empty span inserts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub path: String,
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(path: impl Into<String>, span: Span, replacement: impl Into<String>) -> Edit {
        Edit {
            path: path.into(),
            span,
            replacement: replacement.into(),
        }
    }
}

/// The tag a fix renames: `tag` of the manifest at `manifest`. Renaming a tag that is already
/// published withdraws an image, so such a fix is unsafe unless the change check knows the
/// tag is new in the change ([`crate::policy::renames`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagRename {
    pub manifest: String,
    pub tag: String,
    /// What the fix is when renaming the tag withdraws nothing: safe when the new spelling is
    /// evidently the meant one, unsafe when it is a guess.
    pub otherwise: Applicability,
}

/// How to repair a finding: edits that never overlap, in one file or several (R001 adds a
/// line to `image-list.yml` for an image root elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// One line: what the edits do (`write \`aarch64\``).
    pub message: String,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
    pub renames_tag: Option<TagRename>,
}

impl Fix {
    pub fn new(applicability: Applicability, message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            message: message.into(),
            applicability,
            edits,
            renames_tag: None,
        }
    }

    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Safe, message, edits)
    }

    /// An unsafe fix: a plausible guess the author must review.
    pub fn guess(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Unsafe, message, edits)
    }

    /// A fix that renames `tag` of `manifest`: unsafe until the change check knows the tag is
    /// new, then `otherwise`.
    pub fn renaming(message: impl Into<String>, edits: Vec<Edit>, rename: TagRename) -> Fix {
        Fix {
            renames_tag: Some(rename),
            ..Fix::guess(message, edits)
        }
    }

    /// The same fix, safe: for a rule whose answer is certain (the edits come from a helper
    /// that proposes guesses elsewhere).
    pub fn into_safe(self) -> Fix {
        debug_assert!(
            self.renames_tag.is_none(),
            "a tag rename is never safe by itself"
        );
        Fix {
            applicability: Applicability::Safe,
            ..self
        }
    }
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
    pub fix: Option<Fix>,
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
            fix: None,
        }
    }

    pub fn fix(mut self, fix: Fix) -> Finding {
        self.fix = Some(fix);
        self
    }

    pub fn maybe_fix(mut self, fix: Option<Fix>) -> Finding {
        self.fix = fix;
        self
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
