//! A small Dockerfile reader: just enough to know what each stage is built on. It handles
//! parser directives (`# escape=`), line continuations, comments, case-insensitive
//! instructions, `ARG` defaults declared before the first `FROM` and the substitutions
//! `$X`, `${X}`, `${X:-d}`, `${X-d}`, `${X:+d}`, `${X+d}`. It is not a full parser: every other
//! instruction is skipped.

use std::collections::HashMap;

use crate::text::Span;

/// The stages of one Dockerfile, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dockerfile {
    pub stages: Vec<Stage>,
    /// Every comment line, from its `#` to the end of the line. Only whole lines are comments
    /// in a Dockerfile: a `#` after an instruction is part of its arguments.
    pub comments: Vec<Span>,
}

/// One `FROM` instruction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    /// The reference as written after `FROM` (`${BASE}`), and where.
    pub written: String,
    pub written_span: Span,
    pub alias: Option<String>,
    pub platform: Option<String>,
    pub base: StageBase,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StageBase {
    /// An earlier stage, by index: not a parent image.
    Stage(usize),
    /// An image reference after substitution. `origin` is the text that carries it: the
    /// `ARG` default when the `FROM` is one variable, otherwise the `FROM` word.
    Image { reference: String, origin: Span },
    /// The reference needs an `ARG` that has no default (or was never declared before the
    /// first `FROM`): the build passes no build-args, so it cannot be known here.
    Unresolved { arg: String, declared: Option<Span> },
}

impl Dockerfile {
    /// The stage that holds the image's parent: the external base of the final stage, after
    /// following stage aliases. `None` when there is no `FROM`.
    pub fn parent(&self) -> Option<&Stage> {
        let mut stage = self.stages.last()?;
        // Stage references always point backwards, so this ends.
        while let StageBase::Stage(earlier) = stage.base {
            stage = self.stages.get(earlier)?;
        }
        Some(stage)
    }
}

/// An `ARG` declared before the first `FROM`.
#[derive(Debug, Clone)]
struct GlobalArg {
    default: Option<String>,
    /// The default value's span, or the name's when there is none.
    span: Span,
}

/// Reads the stages of a Dockerfile. Never fails: what it cannot understand it skips.
pub fn parse(text: &str) -> Dockerfile {
    let escape = escape_char(without_bom(text));
    let mut globals: HashMap<String, GlobalArg> = HashMap::new();
    let mut dockerfile = Dockerfile::default();
    let (lines, comments) = logical_lines(text, escape);
    dockerfile.comments = comments;
    // Stage names seen so far, lower-cased, to the latest stage of that name: each `FROM`
    // looks its base up here instead of scanning every earlier stage.
    let mut aliases: HashMap<String, usize> = HashMap::new();
    for line in lines {
        let words = line.words();
        let Some((keyword, args)) = words.split_first() else {
            continue;
        };
        if keyword.text.eq_ignore_ascii_case("arg") {
            if dockerfile.stages.is_empty() {
                for word in args {
                    declare_arg(&line, word, &mut globals);
                }
            }
        } else if keyword.text.eq_ignore_ascii_case("from") {
            if let Some(stage) = read_from(&line, args, &globals, &aliases) {
                if let Some(alias) = &stage.alias {
                    aliases.insert(alias.to_ascii_lowercase(), dockerfile.stages.len());
                }
                dockerfile.stages.push(stage);
            }
        }
    }
    dockerfile
}

/// The text after a leading UTF-8 byte order mark, which the builder ignores (an editor on
/// Windows may write one; `\u{feff}FROM` is still a `FROM`).
fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// The `# escape=` parser directive, which must come before anything else.
fn escape_char(text: &str) -> char {
    for line in text.lines() {
        let Some(directive) = line.trim().strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = directive.split_once('=') else {
            break;
        };
        let key = key.trim();
        if key.eq_ignore_ascii_case("escape") {
            return match value.trim() {
                "`" => '`',
                _ => '\\',
            };
        }
        if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || key.is_empty() {
            break;
        }
    }
    '\\'
}

/// One instruction after joining continuation lines: its text, and where each piece of it
/// sits in the file.
struct Line {
    text: String,
    /// (offset in `text`, offset in the file) where each joined physical line starts.
    pieces: Vec<(usize, usize)>,
}

struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl Line {
    /// The file offset of byte `at` of the joined text (`at < text.len()`).
    fn offset(&self, at: usize) -> usize {
        let piece = self.pieces.partition_point(|&(start, _)| start <= at);
        let (start, file) = self.pieces[piece.saturating_sub(1)];
        file + (at - start)
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let first = if start < self.text.len() {
            self.offset(start)
        } else {
            self.text
                .len()
                .checked_sub(1)
                .map_or(0, |last| self.offset(last) + 1)
        };
        let last = if end > start && end <= self.text.len() {
            self.offset(end - 1) + 1
        } else {
            first
        };
        Span::new(first, last)
    }

    /// Splits at blanks outside quotes, keeping byte positions.
    fn words(&self) -> Vec<Word<'_>> {
        let mut words = Vec::new();
        let mut start = None;
        let mut quote = None;
        for (at, c) in self.text.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => {
                    quote = Some(c);
                    start.get_or_insert(at);
                }
                (None, c) if c.is_whitespace() => {
                    if let Some(begin) = start.take() {
                        words.push(self.word(begin, at));
                    }
                }
                (None, _) => {
                    start.get_or_insert(at);
                }
            }
        }
        if let Some(begin) = start {
            words.push(self.word(begin, self.text.len()));
        }
        words
    }

    fn word(&self, start: usize, end: usize) -> Word<'_> {
        Word {
            text: &self.text[start..end],
            start,
            end,
        }
    }
}

/// The instructions of a file, continuations joined, and the spans of its comment lines.
fn logical_lines(text: &str, escape: char) -> (Vec<Line>, Vec<Span>) {
    let mut lines = Vec::new();
    let mut comments = Vec::new();
    let mut current: Option<Line> = None;
    let body = without_bom(text);
    let mut offset = text.len() - body.len();
    for physical in body.split_inclusive('\n') {
        let start = offset;
        offset += physical.len();
        let content = physical.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start();
        if trimmed.starts_with('#') {
            let hash = start + (content.len() - trimmed.len());
            comments.push(Span::new(hash, start + content.len()));
        }
        if trimmed.starts_with('#') || trimmed.is_empty() {
            // Comments and blank lines end nothing: inside a continuation they are dropped.
            continue;
        }
        let body = content.trim_end();
        let (body, continues) = match body.strip_suffix(escape) {
            Some(body) => (body, true),
            None => (body, false),
        };
        let line = current.get_or_insert_with(|| Line {
            text: String::new(),
            pieces: Vec::new(),
        });
        if !body.is_empty() {
            line.pieces.push((line.text.len(), start));
        }
        // Joined exactly as BuildKit joins them: the escape character removed, nothing put in
        // its place (`oe22\` + `03sp4` is `oe2203sp4`). Whitespace before the escape, or at
        // the start of the next line, still keeps words apart.
        line.text.push_str(body);
        if !continues {
            if let Some(done) = current.take() {
                lines.push(done);
            }
        }
    }
    lines.extend(current);
    (lines, comments)
}

fn declare_arg(line: &Line, word: &Word<'_>, globals: &mut HashMap<String, GlobalArg>) {
    let (name, default, span) = match word.text.split_once('=') {
        Some((name, raw)) => {
            let value_start = word.start + name.len() + 1;
            let (value, start, end) = unquote(raw, value_start, word.end);
            let expanded = expand(value, globals).ok();
            (
                name,
                Some(expanded.unwrap_or_default()),
                line.span(start, end),
            )
        }
        None => (word.text, None, line.span(word.start, word.end)),
    };
    if !name.is_empty() {
        globals.insert(name.to_string(), GlobalArg { default, span });
    }
}

/// Strips one pair of surrounding quotes, adjusting the byte range.
fn unquote(raw: &str, start: usize, end: usize) -> (&str, usize, usize) {
    for quote in ['"', '\''] {
        if raw.len() >= 2 && raw.starts_with(quote) && raw.ends_with(quote) {
            return (&raw[1..raw.len() - 1], start + 1, end - 1);
        }
    }
    (raw, start, end)
}

fn read_from(
    line: &Line,
    args: &[Word<'_>],
    globals: &HashMap<String, GlobalArg>,
    aliases: &HashMap<String, usize>,
) -> Option<Stage> {
    let mut platform = None;
    let mut rest = args.iter().peekable();
    while let Some(flag) = rest.next_if(|w| w.text.starts_with("--")) {
        if let Some(value) = flag.text.strip_prefix("--platform=") {
            platform = Some(value.to_string());
        }
    }
    let reference = rest.next()?;
    let alias = match (rest.next(), rest.next()) {
        (Some(as_word), Some(name)) if as_word.text.eq_ignore_ascii_case("as") => {
            Some(name.text.to_string())
        }
        _ => None,
    };
    let written_span = line.span(reference.start, reference.end);
    let base = match expand(reference.text, globals) {
        Err(unresolved) => unresolved,
        Ok(value) => match aliases.get(&value.to_ascii_lowercase()) {
            Some(&index) => StageBase::Stage(index),
            None => StageBase::Image {
                origin: single_arg(reference.text)
                    .and_then(|name| globals.get(name))
                    .filter(|arg| arg.default.as_deref() == Some(value.as_str()))
                    .map_or(written_span, |arg| arg.span),
                reference: value,
            },
        },
    };
    Some(Stage {
        written: reference.text.to_string(),
        written_span,
        alias,
        platform,
        base,
    })
}

/// The variable name when `word` is exactly one expansion (`$BASE`, `${BASE}`, `${BASE:-x}`).
fn single_arg(word: &str) -> Option<&str> {
    let inner = match word.strip_prefix("${") {
        Some(rest) => rest.strip_suffix('}')?,
        None => word.strip_prefix('$')?,
    };
    let end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(inner.len());
    let name = &inner[..end];
    (!name.is_empty() && (word.starts_with("${") || end == inner.len())).then_some(name)
}

/// Substitutes variables the way the builder does for `FROM`, using global `ARG` defaults.
fn expand(word: &str, globals: &HashMap<String, GlobalArg>) -> Result<String, StageBase> {
    expand_depth(word, globals, 0)
}

const MAX_NESTING: usize = 8;

/// Expansion stops growing a value past this many bytes: `ARG B=$A$A` repeated doubles the
/// value each time (2^n bytes), and no image reference is longer than a few hundred bytes.
pub const MAX_EXPANDED_BYTES: usize = 4096;

fn expand_depth(
    word: &str,
    globals: &HashMap<String, GlobalArg>,
    depth: usize,
) -> Result<String, StageBase> {
    let unresolved = |name: &str| StageBase::Unresolved {
        arg: name.to_string(),
        declared: globals.get(name).map(|arg| arg.span),
    };
    if depth > MAX_NESTING {
        return Err(unresolved(word));
    }
    let value_of = |name: &str| globals.get(name).and_then(|arg| arg.default.clone());
    let mut out = String::new();
    let mut rest = word;
    while let Some(at) = rest.find('$') {
        if out.len() > MAX_EXPANDED_BYTES {
            // Already far too long to be a reference; the caller reports it as invalid.
            return Ok(out);
        }
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(braced) = after.strip_prefix('{') {
            let close = matching_brace(braced).ok_or_else(|| unresolved(braced))?;
            let inner = &braced[..close];
            rest = &braced[close + 1..];
            let name_end = inner
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(inner.len());
            let (name, modifier) = inner.split_at(name_end);
            let value = value_of(name);
            let expanded = match modifier {
                "" => value.ok_or_else(|| unresolved(name))?,
                _ => {
                    let (op, alternative) =
                        split_modifier(modifier).ok_or_else(|| unresolved(name))?;
                    let alternative = || expand_depth(alternative, globals, depth + 1);
                    match (op, value) {
                        (":-", Some(v)) if !v.is_empty() => v,
                        (":-", _) => alternative()?,
                        ("-", Some(v)) => v,
                        ("-", None) => alternative()?,
                        (":+", Some(v)) if !v.is_empty() => alternative()?,
                        ("+", Some(_)) => alternative()?,
                        _ => String::new(),
                    }
                }
            };
            out.push_str(&expanded);
        } else {
            let name_end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if name_end == 0 {
                out.push('$');
                rest = after;
                continue;
            }
            let name = &after[..name_end];
            out.push_str(&value_of(name).ok_or_else(|| unresolved(name))?);
            rest = &after[name_end..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn split_modifier(modifier: &str) -> Option<(&'static str, &str)> {
    [":-", ":+", "-", "+"]
        .into_iter()
        .find_map(|op| modifier.strip_prefix(op).map(|rest| (op, rest)))
}

/// The index of the `}` closing a `${`, allowing nested `${…}` in defaults.
fn matching_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return Some(at),
            '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parent(text: &str) -> (String, String) {
        let dockerfile = parse(text);
        let stage = dockerfile.parent().expect("has a parent");
        match &stage.base {
            StageBase::Image { reference, origin } => (
                reference.clone(),
                text[origin.start..origin.end].to_string(),
            ),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn plain_from_points_at_its_word() {
        let (image, at) = parent("FROM openeuler/openeuler:22.03-lts-sp4\nRUN x\n");
        assert_eq!(image, "openeuler/openeuler:22.03-lts-sp4");
        assert_eq!(at, image);
    }

    #[test]
    fn arg_defaults_in_every_form() {
        for from in ["${BASE}", "$BASE", "${BASE:-x/y:1}", "${BASE-x/y:1}"] {
            let text = format!("ARG BASE=openeuler/cann:8.0.RC1-oe2203sp4\nFROM {from}\n");
            let (image, at) = parent(&text);
            assert_eq!(image, "openeuler/cann:8.0.RC1-oe2203sp4", "{from}");
            assert_eq!(at, "openeuler/cann:8.0.RC1-oe2203sp4", "{from}");
        }
    }

    #[test]
    fn defaults_apply_when_the_arg_has_none() {
        let text = "ARG BASE\nFROM ${BASE:-openeuler/cann:8.0}\n";
        assert_eq!(parent(text).0, "openeuler/cann:8.0");
        let text = "ARG BASE=\nFROM ${BASE-openeuler/x:1}\n";
        assert_eq!(parent(text), ("".to_string(), "".to_string()));
        let text = "ARG BASE=\nFROM ${BASE:-openeuler/x:1}\n";
        assert_eq!(parent(text).0, "openeuler/x:1");
    }

    #[test]
    fn alternative_values_and_composed_references() {
        let text = "ARG SUFFIX=1 REG=quay.io\nFROM ${REG:+hub.oepkgs.net}/openeuler/cann:8.0-oe2203sp${SUFFIX}\n";
        let (image, at) = parent(text);
        assert_eq!(image, "hub.oepkgs.net/openeuler/cann:8.0-oe2203sp1");
        assert_eq!(
            at,
            "${REG:+hub.oepkgs.net}/openeuler/cann:8.0-oe2203sp${SUFFIX}"
        );
        let text = "ARG V=8.0 \"Q=a b\"\nFROM openeuler/cann:${V}\n";
        assert_eq!(parent(text).0, "openeuler/cann:8.0");
        let text = "ARG OS=22.03\nARG BASE=openeuler/openeuler:${OS}\nFROM $BASE\n";
        assert_eq!(parent(text).0, "openeuler/openeuler:22.03");
    }

    #[test]
    fn quoted_defaults_point_inside_the_quotes() {
        let (image, at) = parent("ARG BASE=\"openeuler/python:3.11\"\nFROM ${BASE}\n");
        assert_eq!(
            (image.as_str(), at.as_str()),
            ("openeuler/python:3.11", "openeuler/python:3.11")
        );
    }

    #[test]
    fn args_without_default_leave_the_parent_unresolved() {
        for text in ["ARG BASE\nFROM ${BASE}\n", "FROM $UNDECLARED\n"] {
            let dockerfile = parse(text);
            let stage = dockerfile.parent().expect("stage");
            assert!(
                matches!(&stage.base, StageBase::Unresolved { arg, .. } if arg == "BASE" || arg == "UNDECLARED"),
                "{text}"
            );
        }
    }

    #[test]
    fn args_inside_a_stage_do_not_reach_later_froms() {
        let text = "FROM a/b:1 AS one\nARG BASE=openeuler/x:1\nFROM ${BASE}\n";
        assert!(matches!(
            parse(text).parent().map(|s| &s.base),
            Some(StageBase::Unresolved { .. })
        ));
    }

    #[test]
    fn stage_aliases_are_followed_to_the_external_base() {
        let text = "ARG BASE=openeuler/openeuler:22.03-lts-sp4\nFROM ${BASE} as py-installer\n\
                    FROM py-installer AS cann-installer\nFROM Cann-Installer\nRUN true\n";
        assert_eq!(parent(text).0, "openeuler/openeuler:22.03-lts-sp4");
        let text = "FROM golang:1.22 AS build\nFROM openeuler/openeuler:24.03-lts AS final\nCOPY --from=build /a /a\n";
        assert_eq!(parent(text).0, "openeuler/openeuler:24.03-lts");
    }

    #[test]
    fn platform_flags_lower_case_and_continuations() {
        let text = "from --platform=$BUILDPLATFORM \\\n    # a comment inside\n    openeuler/cann:8.0 \\\n  as base\n";
        let dockerfile = parse(text);
        let stage = dockerfile.parent().expect("stage");
        assert_eq!(stage.platform.as_deref(), Some("$BUILDPLATFORM"));
        assert_eq!(stage.alias.as_deref(), Some("base"));
        assert_eq!(
            &text[stage.written_span.start..stage.written_span.end],
            "openeuler/cann:8.0"
        );
    }

    #[test]
    fn continuations_join_without_a_space_as_buildkit_joins_them() {
        // Found hardening: joining with a space made this `…-oe22 03sp4`, two words, so the
        // parent looked like `…-oe22` and OS drift went unseen.
        let text = "FROM openeuler/cann:8.0.RC1-oe22\\\n03sp4 \\\n  AS base\nFROM base\n";
        let dockerfile = parse(text);
        let stage = dockerfile.parent().expect("a parent");
        assert_eq!(parent(text).0, "openeuler/cann:8.0.RC1-oe2203sp4");
        assert_eq!(stage.alias.as_deref(), Some("base"));
        let written = &text[stage.written_span.start..stage.written_span.end];
        assert_eq!(written, "openeuler/cann:8.0.RC1-oe22\\\n03sp4");
    }

    #[test]
    fn later_stages_of_the_same_name_win() {
        let text = "FROM a/b:1 AS x\nFROM c/d:2 AS X\nFROM x\n";
        let dockerfile = parse(text);
        assert_eq!(dockerfile.stages[2].base, StageBase::Stage(1));
    }

    #[test]
    fn the_escape_directive_changes_the_continuation_character() {
        let text = "# escape=`\nFROM `\n  openeuler/cann:8.0@sha256:ab\n";
        assert_eq!(parent(text).0, "openeuler/cann:8.0@sha256:ab");
        let text = "# escape=`\nFROM c:\\base\n";
        assert_eq!(parent(text).0, "c:\\base");
    }

    #[test]
    fn several_args_per_line_and_crlf() {
        let text = "ARG A=1 B=openeuler/x:2\r\nFROM ${B}\r\n";
        let (image, at) = parent(text);
        assert_eq!(
            (image.as_str(), at.as_str()),
            ("openeuler/x:2", "openeuler/x:2")
        );
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_first_instruction() {
        // Found while testing pathological input: `\u{feff}ARG` was not an ARG, so the FROM
        // looked unresolved.
        let text = "\u{feff}ARG BASE=openeuler/x:1\nFROM ${BASE}\n";
        assert_eq!(
            parent(text),
            ("openeuler/x:1".into(), "openeuler/x:1".into())
        );
        let text = "\u{feff}# escape=`\nFROM `\n  a/b:1\n";
        assert_eq!(parent(text).0, "a/b:1");
    }

    #[test]
    fn doubling_arg_chains_stop_growing() {
        // Found while testing pathological input: 64 doubling ARGs asked for 2^64 bytes.
        let mut text = String::from("ARG A0=abcdefgh\n");
        for i in 1..=64 {
            text.push_str(&format!("ARG A{i}=${{A{}}}${{A{}}}\n", i - 1, i - 1));
        }
        text.push_str("FROM ${A64}\n");
        let (image, _) = parent(&text);
        assert!(image.len() > MAX_EXPANDED_BYTES && image.len() <= 3 * MAX_EXPANDED_BYTES);
    }

    #[test]
    fn only_whole_lines_are_comments() {
        let text = "# escape=\\\n  # indented\nFROM a # not a comment\nRUN x \\\n# inside\n  y\r\n";
        let found: Vec<&str> = parse(text)
            .comments
            .iter()
            .map(|span| &text[span.start..span.end])
            .collect();
        assert_eq!(found, ["# escape=\\", "# indented", "# inside"]);
    }

    #[test]
    fn no_from_means_no_parent_and_junk_does_not_panic() {
        assert_eq!(parse("# just a comment\nRUN x\n").parent(), None);
        for junk in [
            "FROM",
            "FROM ${",
            "FROM ${A:-${B",
            "ARG =\nFROM $",
            "\\",
            "FROM \\",
        ] {
            let _ = parse(junk).parent();
        }
    }
}
