//! One edit to `.stacklint.toml`: a rule's `[severity]`, as the playground's settings make it.
//! The line is written where a person would write it (in the `[severity]` table, whichever
//! form it has), everything else is kept byte for byte, and the result is read back: an edit
//! that would not configure exactly what was asked is refused, never written.

use toml::de::DeTable;

use crate::diagnostic::Severity;
use crate::domain::layout::CONFIG_FILE_NAME;
use crate::domain::tables::Config;
use crate::policy::config_file;
use crate::rules::{self, Rule};

/// What `[severity]` says about one rule: a severity, `off`, or nothing (the default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    Default,
    Off,
    Severity(Severity),
}

impl Setting {
    /// `error`, `warning`, `info`, `off`; `None` is the default.
    pub fn parse(text: Option<&str>) -> Result<Setting, String> {
        match text {
            None => Ok(Setting::Default),
            Some("off") => Ok(Setting::Off),
            Some(text) => Severity::parse(text).map(Setting::Severity).ok_or_else(|| {
                format!("`{text}` is not a severity; expected error, warning, info or off")
            }),
        }
    }

    fn value(self) -> Option<&'static str> {
        match self {
            Setting::Default => None,
            Setting::Off => Some("off"),
            Setting::Severity(severity) => Some(severity.as_str()),
        }
    }
}

/// The text of `.stacklint.toml` (`""` when there is none) with `code`'s `[severity]` set.
pub fn set_severity(text: &str, code: &str, setting: Setting) -> Result<String, String> {
    let rule = rules::find(code)
        .ok_or_else(|| format!("no rule `{code}`; `stacklint rules` lists them"))?;
    let table = DeTable::parse(text).map_err(|_| {
        format!("`{CONFIG_FILE_NAME}` is not valid TOML; fix it (C001 says where) before changing a rule")
    })?;
    // Read back: only an edit that configures exactly what was asked is given out.
    let edited = edit(text, table.get_ref(), rule, setting)
        .filter(|edited| configured(edited, rule) == setting)
        .ok_or_else(|| {
            format!(
                "`{CONFIG_FILE_NAME}` writes `severity` in a form this edit cannot change safely (an inline table); set `{} = \"{}\"` under `[severity]` by hand",
                rule.code,
                setting.value().unwrap_or("…")
            )
        })?;
    Ok(edited)
}

/// What the file configures for `rule`, read the way a check reads it.
fn configured(text: &str, rule: &Rule) -> Setting {
    let loaded = config_file::parse(CONFIG_FILE_NAME, text, &Config::default());
    match loaded.selection.configured_severity(rule) {
        None => Setting::Default,
        Some(None) => Setting::Off,
        Some(Some(severity)) => Setting::Severity(severity),
    }
}

fn edit(text: &str, table: &DeTable<'_>, rule: &Rule, setting: Setting) -> Option<String> {
    let line = setting
        .value()
        .map(|value| format!("{} = \"{value}\"", rule.code));
    let Some((_, severity)) = table.iter().find(|(key, _)| key.get_ref() == "severity") else {
        let Some(line) = line else {
            return Some(text.to_string());
        };
        let separator = match text {
            "" => "",
            _ if text.ends_with("\n\n") => "",
            _ if text.ends_with('\n') => "\n",
            _ => "\n\n",
        };
        return Some(format!("{text}{separator}[severity]\n{line}\n"));
    };
    let entries = severity.get_ref().as_table()?;
    let own: Vec<_> = entries
        .iter()
        .filter(|(key, _)| rules::find(key.get_ref()).is_some_and(|r| r.code == rule.code))
        .collect();
    let written = text.get(severity.span())?;
    let inline = written.starts_with('{');
    let mut out = text.to_string();
    match (&line, own.first()) {
        // Replace the first value, drop repeated ones (last first, so spans stay valid).
        (Some(_), Some(first)) if !inline => {
            for (key, value) in own.iter().skip(1).rev() {
                let lines = line_range(text, key.span().start, value.span().end);
                out.replace_range(lines, "");
            }
            out.replace_range(first.1.span(), &format!("\"{}\"", setting.value()?));
        }
        (None, Some(_)) if !inline => {
            for (key, value) in own.iter().rev() {
                out.replace_range(line_range(text, key.span().start, value.span().end), "");
            }
        }
        (None, None) => {}
        (Some(line), None) if !inline => {
            // After the table's last line, or its header when it is empty.
            let after = entries
                .iter()
                .map(|(_, value)| value.span().end)
                .max()
                .unwrap_or(severity.span().end);
            let at = line_end(text, after);
            let prefix = if written.starts_with('[') {
                ""
            } else {
                "severity."
            };
            let newline = if at == text.len() && !text.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            out.insert_str(at, &format!("{newline}{prefix}{line}\n"));
        }
        // An inline table is one expression: rewriting it is for its author.
        _ => return None,
    }
    Some(out)
}

/// The byte range of the lines from `start` to `end`, with the final line break.
fn line_range(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let from = text
        .get(..start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |at| at + 1);
    let to = line_end(text, end);
    from..to
}

/// Just past the line break ending the line that holds `offset` (the end of the text if none).
fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |at| offset + at + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(text: &str, code: &str, setting: &str) -> Result<String, String> {
        let setting = Setting::parse((setting != "default").then_some(setting))?;
        set_severity(text, code, setting)
    }

    #[test]
    fn a_missing_table_is_added_at_the_end() {
        assert_eq!(
            set("", "P001", "off").as_deref(),
            Ok("[severity]\nP001 = \"off\"\n")
        );
        assert_eq!(
            set("ignore = [\"P003\"]", "P001", "info").as_deref(),
            Ok("ignore = [\"P003\"]\n\n[severity]\nP001 = \"info\"\n")
        );
        assert_eq!(
            set("# none\n", "P001", "default").as_deref(),
            Ok("# none\n")
        );
    }

    #[test]
    fn an_existing_table_gets_the_line_after_its_last_key() {
        let text = "[severity]\nP004 = \"error\" # keep\n\n[[releases]]\nsuffix = \"2603lts\"\n";
        assert_eq!(
            set(text, "P001", "off").as_deref(),
            Ok("[severity]\nP004 = \"error\" # keep\nP001 = \"off\"\n\n[[releases]]\nsuffix = \"2603lts\"\n")
        );
        assert_eq!(
            set("[severity]", "P001", "off").as_deref(),
            Ok("[severity]\nP001 = \"off\"\n")
        );
        assert_eq!(
            set("severity.P004 = \"info\"\n", "P001", "off").as_deref(),
            Ok("severity.P004 = \"info\"\nseverity.P001 = \"off\"\n")
        );
    }

    #[test]
    fn a_rule_named_by_code_or_name_is_changed_or_removed_in_place() {
        let text = "[severity]\ndockerfile-missing = \"off\"\nP004 = \"error\"\n";
        assert_eq!(
            set(text, "P001", "warning").as_deref(),
            Ok("[severity]\ndockerfile-missing = \"warning\"\nP004 = \"error\"\n")
        );
        assert_eq!(
            set(text, "P001", "default").as_deref(),
            Ok("[severity]\nP004 = \"error\"\n")
        );
    }

    #[test]
    fn what_cannot_be_edited_safely_is_refused() {
        assert!(set("[severity", "P001", "off").is_err_and(|e| e.contains("not valid TOML")));
        assert!(set("severity = { P004 = \"info\" }\n", "P001", "off").is_err());
        assert!(set("severity = 3\n", "P001", "off").is_err());
        assert!(set("", "P999", "off").is_err_and(|e| e.contains("no rule `P999`")));
        assert!(set("", "P001", "loud").is_err_and(|e| e.contains("not a severity")));
    }
}
