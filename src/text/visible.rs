//! Repository text made safe to show: every output quotes file names, tags and values from
//! an untrusted pull request, and some readers act on what they see. A terminal runs escape
//! sequences, the GitHub Actions runner runs any log line that starts with `::` (after
//! leading whitespace) or contains `##[`, and Markdown re-reads the lines after a lone
//! carriage return. So control characters, line and paragraph separators and bidirectional
//! overrides are written as visible escapes (`\u{1b}`), long quoted values are shortened,
//! and text that would read as a workflow command is defused.
//!
//! The runner splits a step's output into lines at `\n`, `\r\n` and a lone `\r` (.NET's
//! `StreamReader.ReadLine`); `U+2028`, `U+2029` and `U+0085` do not end a line there, but
//! they do in YAML 1.1, JavaScript and many editors, so they are escaped too.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach an output as itself. `\n` is decided by the caller.
fn is_hidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\t' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}'
        // Bidirectional marks, embeddings, overrides and isolates reorder what is shown.
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        // Invisible: a tag or path that holds one looks like one that does not.
        | '\u{200b}' | '\u{2060}' | '\u{feff}')
}

/// Where a character must be escaped: anywhere, or anywhere but a line break of our own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    /// One line: `\n` is escaped too (messages, paths).
    One,
    /// `\n` stays a line break (a help that shows a YAML or TOML example).
    Keep,
}

/// `text` with every hidden character written as an escape: `\t`, `\r`, `\n` and `\u{1b}`.
pub fn escape(text: &str, lines: Lines) -> Cow<'_, str> {
    let hidden = |c: char| is_hidden(c) || (c == '\n' && lines == Lines::One);
    // Printable ASCII is the common case, checked a byte at a time.
    let plain = |b: u8| (0x20..0x7f).contains(&b) || (b == b'\n' && lines == Lines::Keep);
    if text.bytes().all(plain) || !text.chars().any(hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' if lines == Lines::One => out.push_str("\\n"),
            c if hidden(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Values quoted in a message longer than this many characters are shortened.
pub const MAX_QUOTED_CHARS: usize = 200;
/// How many characters of a shortened value are kept from its start and from its end.
const KEPT_HEAD: usize = 120;
const KEPT_TAIL: usize = 40;

/// `text` with every `` ` ``-delimited part longer than [`MAX_QUOTED_CHARS`] shortened to its
/// start, `…` and its end: messages quote repository values in backticks, and a 2 MiB `path`
/// must not be repeated whole in every finding about it.
pub fn shorten_quoted(text: &str) -> Cow<'_, str> {
    if text.len() <= MAX_QUOTED_CHARS {
        return Cow::Borrowed(text);
    }
    let long =
        |part: &str| part.len() > MAX_QUOTED_CHARS && part.chars().count() > MAX_QUOTED_CHARS;
    if !text.split('`').any(long) {
        return Cow::Borrowed(text);
    }
    let parts: Vec<Cow<str>> = text
        .split('`')
        .map(|part| {
            if !long(part) {
                return Cow::Borrowed(part);
            }
            let count = part.chars().count();
            let head: String = part.chars().take(KEPT_HEAD).collect();
            let tail: String = part.chars().skip(count - KEPT_TAIL).collect();
            Cow::Owned(format!("{head}…{tail}"))
        })
        .collect();
    Cow::Owned(parts.join("`"))
}

/// Finding text as every output shows it: hidden characters escaped, long values shortened.
/// With [`Lines::Keep`] (a help), a line break stays one only outside `` ` ``-quoted values:
/// our examples are written as lines of their own, repository values are always quoted.
pub fn shown(text: &str, lines: Lines) -> String {
    // Shortened first: a 2 MiB value is not escaped only to be cut.
    let text = shorten_quoted(text);
    let text = text.as_ref();
    let escaped = match lines {
        Lines::One => escape(text, Lines::One),
        Lines::Keep if text.contains('`') && text.contains('\n') => Cow::Owned(
            text.split('`')
                .enumerate()
                .map(|(i, part)| escape(part, if i % 2 == 1 { Lines::One } else { Lines::Keep }))
                .collect::<Vec<_>>()
                .join("`"),
        ),
        Lines::Keep => escape(text, Lines::Keep),
    };
    escaped.into_owned()
}

/// A one-column stand-in for a character that must not be shown as itself in a source excerpt,
/// so the underline below it stays aligned (`␍` for a carriage return, `␤` for a line
/// separator). Tabs are left to the snippet renderer, which expands them.
pub fn picture(c: char) -> Option<char> {
    match c {
        '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('␡'),
        '\u{85}' | '\u{2028}' => Some('␤'),
        '\u{2029}' => Some('¶'),
        c if is_hidden(c) => Some('�'),
        _ => None,
    }
}

/// Plain-text output with nothing the Actions runner would run: in every line, `##[` (a
/// command anywhere in a line) becomes `#\u{23}[`, and a line that starts with `::` after
/// leading whitespace gets its first `:` escaped. Lines are split as the runner splits them.
pub fn defuse_commands(text: &str) -> Cow<'_, str> {
    let starts_command = |line: &str| line.trim_start().starts_with("::");
    // No line can start with `::` when the text holds none: most texts, so that the lines
    // are split only when they may need it.
    let needs = text.contains("##[")
        || (text.contains("::") && text.split(['\n', '\r']).any(starts_command));
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).map_or(rest.len(), |at| at + 1);
        let (line, after) = rest.split_at(end);
        let line = line.replace("##[", "#\\u{23}[");
        if starts_command(&line) {
            let colon = line.find(':').unwrap_or(0);
            out.push_str(&line[..colon]);
            out.push_str("\\u{3a}");
            out.push_str(&line[colon + 1..]);
        } else {
            out.push_str(&line);
        }
        rest = after;
    }
    Cow::Owned(out)
}

/// Whether a line, as the Actions runner reads it, is a workflow command: `::name …::` after
/// leading whitespace, or the older `##[name …]` anywhere in the line.
pub fn is_workflow_command(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed
        .strip_prefix("::")
        .is_some_and(|rest| rest.contains("::"))
        || line.find("##[").is_some_and(|at| line[at..].contains(']'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_become_escapes() {
        assert_eq!(escape("plain `x`", Lines::One), "plain `x`");
        assert_eq!(
            escape("a\u{1b}]8;;x\u{7}b\rc\nd\u{2028}e\u{202e}", Lines::One),
            "a\\u{1b}]8;;x\\u{7}b\\rc\\nd\\u{2028}e\\u{202e}"
        );
        assert_eq!(escape("a\nb\tc\u{85}", Lines::Keep), "a\nb\\tc\\u{85}");
        assert_eq!(escape("é😀", Lines::One), "é😀");
    }

    #[test]
    fn long_quoted_values_keep_their_ends() {
        let path = format!("{}Dockerfile", "a/".repeat(1_000_000));
        let message = format!("tag `x` points at `{path}`, which does not exist");
        let short = shorten_quoted(&message);
        assert!(short.len() < 400, "{}", short.len());
        assert!(short.starts_with("tag `x` points at `a/a/"));
        assert!(short.ends_with("a/Dockerfile`, which does not exist"));
        assert!(short.contains('…'));
        assert_eq!(shorten_quoted("short `one`"), "short `one`");
    }

    #[test]
    fn a_help_keeps_its_own_line_breaks_but_not_those_of_quoted_values() {
        assert_eq!(
            shown("write it as:\n[severity]\nP004 = \"error\"", Lines::Keep),
            "write it as:\n[severity]\nP004 = \"error\""
        );
        assert_eq!(
            shown("create `a\n::error::x`, or\nremove it", Lines::Keep),
            "create `a\\n::error::x`, or\nremove it"
        );
        assert_eq!(shown("one\nline", Lines::One), "one\\nline");
    }

    #[test]
    fn pictures_take_one_column() {
        assert_eq!(picture('\r'), Some('␍'));
        assert_eq!(picture('\u{1b}'), Some('␛'));
        assert_eq!(picture('\u{2028}'), Some('␤'));
        assert_eq!(picture('\u{9b}'), Some('�'));
        assert_eq!(picture('\t'), None);
        assert_eq!(picture('a'), None);
    }

    #[test]
    fn commands_are_defused_the_way_the_runner_reads_lines() {
        let text = "ok\n  ::error file=x::y\rmid ##[add-mask]secret\r\n::warning::z\n";
        let safe = defuse_commands(text);
        for line in safe.split(['\n', '\r']) {
            assert!(!is_workflow_command(line), "{line:?}");
        }
        assert_eq!(
            safe,
            "ok\n  \\u{3a}:error file=x::y\rmid #\\u{23}[add-mask]secret\r\n\\u{3a}:warning::z\n"
        );
        assert_eq!(defuse_commands("a: b :: c"), "a: b :: c");
        assert!(is_workflow_command("\u{2028}::error::x"));
        assert!(is_workflow_command("text ##[group]x"));
        assert!(!is_workflow_command("::not a command"));
    }
}
