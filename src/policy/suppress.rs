//! Inline suppressions in YAML files and Dockerfiles: `# stacklint: ignore[P003, T005]`
//! silences findings of those rules (by code or name) whose location starts on the comment's
//! line; a comment alone on its line also covers the line directly below it. A suppression
//! that silences nothing, names an unknown rule or names no rule is a C002 finding, so stale
//! or blanket suppressions cannot hide new mistakes.

use std::collections::{BTreeMap, HashMap};

use crate::diagnostic::{Edit, Finding, Fix};
use crate::domain::layout::CONFIG_FILE_NAME;
use crate::model::Repo;
use crate::policy::selection::{RulePattern, Selection, UnknownRule};
use crate::rules::config::UNUSED_SUPPRESSION;
use crate::rules::{self, Rule};
use crate::syntax::Syntax;
use crate::text::SourceFile;
use crate::text::Span;

/// One `# stacklint: ...` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// From the `#` to the closing `]` (or the end of what was understood).
    pub span: Span,
    /// 1-based line of the comment.
    pub line: usize,
    /// Nothing but the comment on its line: it also covers the next line.
    pub own_line: bool,
    /// The word after `stacklint:` (`ignore`, or what stands there instead).
    pub verb: Span,
    pub kind: DirectiveKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveKind {
    /// `ignore[A, B]`: at least one item.
    Ignore(Vec<Code>),
    /// `ignore` or `ignore[]`: names no rule.
    Blanket,
    /// `ignore[P003` or `ignore=P003`: why it cannot be read.
    Malformed(String),
    /// `# stacklint: disable[P003]`: a word other than `ignore`, and what follows it.
    UnknownVerb { verb: String, rest: String },
}

/// One item of an `ignore[...]` list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub text: String,
    pub span: Span,
    pub rule: Option<&'static Rule>,
}

impl Directive {
    fn covers(&self, line: usize) -> bool {
        line == self.line || (self.own_line && line == self.line + 1)
    }

    fn lines_text(&self) -> String {
        if self.own_line {
            format!("line {} or {}", self.line, self.line + 1)
        } else {
            format!("line {}", self.line)
        }
    }
}

/// Finds every directive in a file's comments (as its parser found them: a `#` inside a
/// quoted or plain YAML value, or after a Dockerfile instruction, is not a comment). A
/// directive is `stacklint:`, in any case, after a comment's `#` or after a `#` that follows
/// whitespace inside a comment (`# note # stacklint: ignore[P003]`).
pub fn scan(file: &SourceFile) -> Vec<Directive> {
    let text = file.text.as_str();
    file.comments
        .iter()
        .filter_map(|comment| {
            let body = text.get(comment.start..comment.end)?;
            let line = file.lines.position(text, comment.start).line;
            let (line_start, _) = file.lines.line_span(text, line);
            let own_line = text.get(line_start..comment.start)?.trim().is_empty();
            scan_comment(body, comment.start, line, own_line)
        })
        .collect()
}

fn scan_comment(line: &str, offset: usize, number: usize, own_line: bool) -> Option<Directive> {
    let bytes = line.as_bytes();
    let (hash, body) = line.match_indices('#').find_map(|(at, _)| {
        let starts_comment = at == 0 || matches!(bytes[at - 1], b' ' | b'\t');
        let after = line[at + 1..].trim_start_matches([' ', '\t']);
        let body = strip_prefix_ignore_case(after, "stacklint:")?;
        starts_comment.then_some((at, body))
    })?;
    let body_start = line.len() - body.len();
    let rest = body.trim_start_matches([' ', '\t']);
    let verb_start = line.len() - rest.len();
    let verb_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let verb = &rest[..verb_len];
    let after_verb = rest[verb_len..].trim_start_matches([' ', '\t']);
    let at = |start: usize, end: usize| Span::new(offset + start, offset + end);
    let end_of_comment = line.trim_end().len().max(body_start);
    let (kind, end) = if !verb.eq_ignore_ascii_case("ignore") {
        (
            DirectiveKind::UnknownVerb {
                verb: verb.to_string(),
                rest: after_verb.trim_end().to_string(),
            },
            end_of_comment,
        )
    } else if let Some(list) = after_verb.strip_prefix('[') {
        let list_start = line.len() - list.len();
        match list.find(']') {
            Some(close) => {
                let codes = codes(&list[..close], offset + list_start);
                let kind = if codes.is_empty() {
                    DirectiveKind::Blanket
                } else {
                    DirectiveKind::Ignore(codes)
                };
                (kind, list_start + close + 1)
            }
            None => (
                DirectiveKind::Malformed("the list of codes has no closing `]`".into()),
                end_of_comment,
            ),
        }
    } else if after_verb.is_empty() || after_verb.starts_with('#') {
        (DirectiveKind::Blanket, verb_start + verb_len)
    } else {
        (
            DirectiveKind::Malformed(format!(
                "`{}` follows `ignore`, where a `[` list of codes was expected",
                after_verb.trim_end()
            )),
            end_of_comment,
        )
    };
    Some(Directive {
        span: at(hash, end),
        line: number,
        own_line,
        verb: at(verb_start, verb_start + verb_len),
        kind,
    })
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The comma-separated items of `[...]`, with their spans; empty items are skipped.
fn codes(list: &str, list_offset: usize) -> Vec<Code> {
    let mut codes = Vec::new();
    let mut start = 0;
    for item in list.split(',') {
        let trimmed = item.trim();
        if !trimmed.is_empty() {
            let lead = item.len() - item.trim_start().len();
            let from = list_offset + start + lead;
            codes.push(Code {
                text: trimmed.to_string(),
                span: Span::new(from, from + trimmed.len()),
                rule: rules::find(trimmed),
            });
        }
        start += item.len() + 1;
    }
    codes
}

/// The directives of one file and what each one matched.
struct FileDirectives {
    directives: Vec<Directive>,
    /// Per directive, per code: whether it silenced a finding.
    used: Vec<Vec<bool>>,
    /// Per directive: the codes of the findings on its lines (the help of a blanket `ignore`).
    found: Vec<Vec<&'static str>>,
}

/// Removes the findings the directives silence and returns the C002 findings. Runs after
/// the selection, so a directive for a rule that is switched off is neither used nor unused.
pub fn apply(repo: &Repo, selection: &Selection, findings: &mut Vec<Finding>) -> Vec<Finding> {
    apply_in(
        repo,
        repo.paths().iter().map(String::as_str),
        selection,
        findings,
    )
}

/// [`apply`] with the directives of `paths` only: the findings are those of these files.
pub fn apply_in<'p>(
    repo: &Repo,
    paths: impl Iterator<Item = &'p str>,
    selection: &Selection,
    findings: &mut Vec<Finding>,
) -> Vec<Finding> {
    let mut files: BTreeMap<&str, FileDirectives> = BTreeMap::new();
    for path in paths {
        if path == CONFIG_FILE_NAME {
            continue;
        }
        let Some(file) = repo.file(path) else {
            continue;
        };
        let directives = scan(file);
        if !directives.is_empty() {
            files.insert(
                path,
                FileDirectives {
                    used: directives
                        .iter()
                        .map(|d| vec![false; code_count(d)])
                        .collect(),
                    found: vec![Vec::new(); directives.len()],
                    directives,
                },
            );
        }
    }
    if files.is_empty() {
        return Vec::new();
    }

    let mut silenced = vec![false; findings.len()];
    for (index, finding) in findings.iter().enumerate() {
        let Some(file_directives) = files.get_mut(finding.path.as_str()) else {
            continue;
        };
        let Some(file) = repo.file(&finding.path) else {
            continue;
        };
        let line = file.lines.position(&file.text, finding.span.start).line;
        let FileDirectives {
            directives,
            used,
            found,
        } = file_directives;
        for (at, directive) in directives.iter().enumerate() {
            if !directive.covers(line) {
                continue;
            }
            if !found[at].contains(&finding.rule.code) {
                found[at].push(finding.rule.code);
            }
            if let DirectiveKind::Ignore(codes) = &directive.kind {
                for (code, used) in codes.iter().zip(used[at].iter_mut()) {
                    if code.rule.is_some_and(|rule| rule.code == finding.rule.code) {
                        *used = true;
                        silenced[index] = true;
                    }
                }
            }
        }
    }
    let mut silenced = silenced.into_iter();
    findings.retain(|_| !silenced.next().unwrap_or(false));

    let mut out = Vec::new();
    for (path, file) in &files {
        let Some(source) = repo.file(path) else {
            continue;
        };
        for (at, directive) in file.directives.iter().enumerate() {
            let place = Place {
                path,
                file: source,
                directive,
            };
            report(&place, &file.used[at], &file.found[at], selection, &mut out);
        }
    }
    out
}

/// The edit that silences `rule` for a finding that starts on `line` (1-based) of `file`,
/// written in `syntax`: the code added to a directive that covers the line already, else a
/// new directive where [`scan`] reads one: at the end of the line in YAML, or as a comment
/// line above it (in a Dockerfile, where only whole lines are comments, and in YAML where the
/// end of the line is inside a value). Every candidate is checked by parsing the edited text;
/// `None` when no place silences it (or it is silenced already).
pub fn silencing_edit(
    file: &SourceFile,
    syntax: Syntax,
    line: usize,
    rule: &'static Rule,
) -> Option<Edit> {
    if rule.code == UNUSED_SUPPRESSION.code || line == 0 || line > file.lines.line_count() {
        return None;
    }
    let names = |code: &Code| code.rule.is_some_and(|r| r.code == rule.code);
    let mut candidates = Vec::new();
    for directive in scan(file).iter().filter(|d| d.covers(line)) {
        if let DirectiveKind::Ignore(codes) = &directive.kind {
            if codes.iter().any(names) {
                return None;
            }
            if let Some(last) = codes.last() {
                let end = Span::new(last.span.end, last.span.end);
                candidates.push((end, format!(", {}", rule.code), line));
            }
        }
    }
    let directive = format!("# stacklint: ignore[{}]", rule.code);
    let (start, end) = file.lines.line_span(&file.text, line);
    let content = file.slice(Span::new(start, end));
    if syntax == Syntax::Yaml && !content.trim().is_empty() {
        let visible_end = start + content.trim_end().len();
        candidates.push((Span::new(visible_end, end), format!(" {directive}"), line));
    }
    let indent = &content[..content.len() - content.trim_start().len()];
    let newline = match file.text.get(end..end + 2) {
        Some("\r\n") => "\r\n",
        _ => "\n",
    };
    candidates.push((
        Span::new(start, start),
        format!("{indent}{directive}{newline}"),
        line + 1,
    ));
    candidates.into_iter().find_map(|(span, text, line_after)| {
        let edited = crate::text::edit::apply(&file.text, [(span, text.as_str())])?;
        let edit = Edit::new(file.path.clone(), span, text);
        let mut after = SourceFile::new(file.path.clone(), edited);
        after.comments = syntax.comments(&after.text);
        let silenced = scan(&after).iter().any(|d| {
            d.covers(line_after)
                && matches!(&d.kind, DirectiveKind::Ignore(codes) if codes.iter().any(names))
        });
        silenced.then_some(edit)
    })
}

fn code_count(directive: &Directive) -> usize {
    match &directive.kind {
        DirectiveKind::Ignore(codes) => codes.len(),
        _ => 0,
    }
}

const EXAMPLE: &str = "# stacklint: ignore[P003]";

/// One directive where it was found, for its findings and their fixes.
struct Place<'a> {
    path: &'a str,
    file: &'a SourceFile,
    directive: &'a Directive,
}

impl Place<'_> {
    fn finding(&self, span: Span, message: String) -> Finding {
        Finding::new(&UNUSED_SUPPRESSION, self.path, span, message)
    }

    fn edit(&self, span: Span, replacement: impl Into<String>) -> Edit {
        Edit::new(self.path, span, replacement)
    }

    /// Removes the directive to the end of its comment: the whole line when the comment
    /// stands alone on it, else with the blanks before it.
    fn remove_comment(&self) -> Fix {
        let text = &self.file.text;
        let start = self.directive.span.start;
        let comment_end = self
            .file
            .comments
            .iter()
            .find(|comment| comment.start <= start && start < comment.end)
            .map_or(self.directive.span.end, |comment| comment.end);
        let line_start = text
            .get(..start)
            .and_then(|before| before.rfind('\n'))
            .map_or(0, |at| at + 1);
        let alone = text
            .get(line_start..start)
            .is_some_and(|before| before.trim().is_empty());
        let span = if alone {
            let next_line = text
                .get(comment_end..)
                .and_then(|rest| rest.find('\n'))
                .map_or(text.len(), |at| comment_end + at + 1);
            Span::new(line_start, next_line)
        } else {
            let blanks = text
                .get(line_start..start)
                .map_or(0, |before| before.len() - before.trim_end().len());
            Span::new(start - blanks, comment_end)
        };
        Fix::safe("remove the suppression comment", vec![self.edit(span, "")])
    }

    /// Removes `codes[index]` from the list with the separator next to it.
    fn remove_code(&self, codes: &[Code], index: usize) -> Option<Fix> {
        let code = codes.get(index)?;
        let span = match (
            index.checked_sub(1).and_then(|i| codes.get(i)),
            codes.get(index + 1),
        ) {
            (Some(previous), _) => Span::new(previous.span.end, code.span.end),
            (None, Some(next)) => Span::new(code.span.start, next.span.start),
            (None, None) => return None,
        };
        Some(Fix::safe(
            format!("remove `{}` from the list", code.text),
            vec![self.edit(span, "")],
        ))
    }
}

/// What each unknown code of one directive is nearest to, looked up once per spelling: a
/// comment may name the same unknown code thousands of times.
#[derive(Default)]
struct Unknowns<'t> {
    at: HashMap<&'t str, usize>,
    rules: Vec<UnknownRule>,
}

impl<'t> Unknowns<'t> {
    fn of(&mut self, text: &'t str) -> &UnknownRule {
        let next = self.rules.len();
        let at = *self.at.entry(text).or_insert(next);
        if at == next {
            self.rules.push(UnknownRule::new(text));
        }
        &self.rules[at]
    }

    /// The one rule a misspelt code was meant to be, when a suggestion is that certain.
    fn correction(&mut self, code: &'t Code) -> Option<&'static str> {
        if code.rule.is_some() || RulePattern::parse(&code.text).is_ok() {
            return None;
        }
        match self.of(&code.text).suggestions.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

fn report(
    place: &Place,
    used: &[bool],
    found: &[&'static str],
    selection: &Selection,
    out: &mut Vec<Finding>,
) {
    let directive = place.directive;
    match &directive.kind {
        DirectiveKind::UnknownVerb { verb, rest } => {
            let (help, fix) = if rest.starts_with('[') {
                (
                    format!("did you mean `# stacklint: ignore{rest}`?"),
                    Some(Fix::guess(
                        "write `ignore`",
                        vec![place.edit(directive.verb, "ignore")],
                    )),
                )
            } else {
                (format!("write the rules to silence as `{EXAMPLE}`"), None)
            };
            out.push(
                place
                    .finding(
                        directive.span,
                        format!("`# stacklint: {verb}` is not a stacklint directive; the only one is `ignore[CODES]`"),
                    )
                    .help(help)
                    .maybe_fix(fix),
            )
        }
        DirectiveKind::Malformed(why) => out.push(
            place
                .finding(
                    directive.span,
                    format!("this suppression cannot be read: {why}"),
                )
                .help(format!(
                    "write it as `{EXAMPLE}`, naming each rule by code or name"
                )),
        ),
        DirectiveKind::Blanket => {
            // Naming the codes found would choose what to hide for the author: no fix then.
            let (help, fix) = match found {
                [] => (
                    format!(
                        "no finding starts on {}; remove the comment",
                        directive.lines_text()
                    ),
                    Some(place.remove_comment()),
                ),
                codes => (
                    format!(
                        "name the rules to silence: `# stacklint: ignore[{}]`",
                        codes.join(", ")
                    ),
                    None,
                ),
            };
            out.push(
                place
                    .finding(
                        directive.span,
                        "`# stacklint: ignore` must name the rules it silences; it silences nothing, so that a new mistake on the line is not hidden".into(),
                    )
                    .help(help)
                    .maybe_fix(fix),
            );
        }
        DirectiveKind::Ignore(codes) => {
            let stale: Vec<bool> = codes
                .iter()
                .zip(used)
                .map(|(code, used)| match code.rule {
                    None => true,
                    Some(rule) => !used && selection.enabled(rule),
                })
                .collect();
            let all_stale = stale.iter().all(|s| *s);
            let mut unknowns = Unknowns::default();
            // Removing the comment is right only when no code is worth correcting instead.
            let remove_all =
                all_stale && codes.iter().all(|code| unknowns.correction(code).is_none());
            for (index, (code, stale)) in codes.iter().zip(stale).enumerate() {
                if !stale {
                    continue;
                }
                let remove = if all_stale {
                    "remove the comment".to_string()
                } else {
                    format!("remove `{}` from the list", code.text)
                };
                let fix = match unknowns.correction(code) {
                    Some(intended) => Some(Fix::guess(
                        format!("write `{intended}`"),
                        vec![place.edit(code.span, intended)],
                    )),
                    None if remove_all => Some(place.remove_comment()),
                    None => place.remove_code(codes, index),
                };
                let finding = match code.rule {
                    None => unknown_code(place.path, code, &remove, &mut unknowns),
                    Some(rule) => place
                        .finding(
                            code.span,
                            format!(
                                "`ignore[{}]` silences nothing: no {} ({}) finding starts on {}",
                                code.text,
                                rule.code,
                                rule.name,
                                directive.lines_text()
                            ),
                        )
                        .help(format!(
                            "{remove}: a stale suppression could hide a new mistake later"
                        )),
                };
                out.push(finding.maybe_fix(fix));
            }
        }
    }
}

fn unknown_code<'t>(
    path: &str,
    code: &'t Code,
    remove: &str,
    unknowns: &mut Unknowns<'t>,
) -> Finding {
    let help = match RulePattern::parse(&code.text) {
        Ok(_) => "a suppression names single rules: write each code in full, e.g. `P003`".into(),
        Err(_) => {
            let unknown = unknowns.of(&code.text);
            if unknown.suggestions.is_empty() {
                format!("{}; otherwise {remove}", unknown.help())
            } else {
                unknown.help()
            }
        }
    };
    Finding::new(
        &UNUSED_SUPPRESSION,
        path,
        code.span,
        format!(
            "the suppression names `{}`, which is no rule code or name",
            code.text
        ),
    )
    .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::tables::Config;
    use crate::source::MemorySource;

    fn rule(code: &str) -> &'static Rule {
        rules::find(code).expect("rule exists")
    }

    fn texts<'t>(text: &'t str, directive: &Directive) -> Vec<&'t str> {
        match &directive.kind {
            DirectiveKind::Ignore(codes) => codes
                .iter()
                .map(|c| &text[c.span.start..c.span.end])
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The directives of a YAML text, from the comments its parser found.
    fn scan_yaml(text: &str) -> Vec<Directive> {
        let mut file = SourceFile::new("a/meta.yml", text.to_string());
        file.comments = crate::syntax::yaml::parse(text).comments;
        scan(&file)
    }

    #[test]
    fn directives_are_comments_with_codes_and_names() {
        let text = "# stacklint: ignore[P003]\nkey: v  #stacklint:IGNORE[ T005 ,orphan-dockerfile, ]\nurl: a#stacklint: ignore[P001]\nx: 1 # note # Stacklint: ignore[Y002]\r\n";
        let found = scan_yaml(text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!((found[0].line, found[0].own_line), (1, true));
        assert_eq!(
            &text[found[0].span.start..found[0].span.end],
            "# stacklint: ignore[P003]"
        );
        assert_eq!(texts(text, &found[0]), ["P003"]);
        assert_eq!((found[1].line, found[1].own_line), (2, false));
        assert_eq!(texts(text, &found[1]), ["T005", "orphan-dockerfile"]);
        let DirectiveKind::Ignore(codes) = &found[1].kind else {
            panic!("an ignore list");
        };
        assert_eq!(codes[1].rule, Some(rule("P005")));
        assert_eq!(found[2].line, 4, "`a#` is not a comment; a second `#` is");
        assert_eq!(texts(text, &found[2]), ["Y002"]);
        assert!(found[0].covers(2) && !found[1].covers(3) && found[1].covers(2));
    }

    #[test]
    fn text_inside_values_is_no_directive() {
        let text = "a: \"x # stacklint: ignore[P001]\"\nb: |\n  # stacklint: ignore[P001]\nc: 'y #stacklint: ignore[P001]' # stacklint: ignore[P003]\n";
        let found = scan_yaml(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].line, texts(text, &found[0])), (4, vec!["P003"]));
    }

    #[test]
    fn blanket_malformed_and_unknown_directives_are_kept_for_c002() {
        let text = "a: 1 # stacklint: ignore\nb: 2 # stacklint: ignore[]\n# stacklint: ignore[P003\n# stacklint: ignore=P003\n# stacklint: disable[P003]\n";
        let kinds: Vec<DirectiveKind> = scan_yaml(text).into_iter().map(|d| d.kind).collect();
        assert_eq!(kinds[0], DirectiveKind::Blanket);
        assert_eq!(kinds[1], DirectiveKind::Blanket);
        assert!(matches!(&kinds[2], DirectiveKind::Malformed(why) if why.contains("closing `]`")));
        assert!(matches!(&kinds[3], DirectiveKind::Malformed(why) if why.contains("`=P003`")));
        assert_eq!(
            kinds[4],
            DirectiveKind::UnknownVerb {
                verb: "disable".into(),
                rest: "[P003]".into()
            }
        );
    }

    fn finding(path: &str, text: &str, needle: &str, code: &str) -> Finding {
        let start = text.find(needle).expect("needle in text");
        Finding::new(
            rule(code),
            path,
            Span::new(start, start + needle.len()),
            "m",
        )
    }

    #[test]
    fn used_codes_silence_and_stale_or_unknown_ones_are_c002() {
        let meta = "# stacklint: ignore[T005, P003]\n1.0-oe2403lts:\n  path: /x/Dockerfile # stacklint: ignore[P003, P0O3]\n  arch: x86_64 # stacklint: ignore\n";
        let source = MemorySource::new().with("a/meta.yml", meta);
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let mut findings = vec![
            finding("a/meta.yml", meta, "1.0-oe2403lts", "T005"),
            finding("a/meta.yml", meta, "/x/Dockerfile", "P003"),
            finding("a/meta.yml", meta, "x86_64", "A001"),
        ];
        let unused = apply(&repo, &Selection::default(), &mut findings);
        let left: Vec<&str> = findings.iter().map(|f| f.rule.code).collect();
        assert_eq!(left, ["A001"], "a blanket ignore silences nothing");
        let reported: Vec<(&str, String, String)> = unused
            .iter()
            .map(|f| {
                assert_eq!(f.rule.code, "C002");
                (
                    &meta[f.span.start..f.span.end],
                    f.message.clone(),
                    f.help.clone().unwrap_or_default(),
                )
            })
            .collect();
        assert_eq!(reported.len(), 3, "{reported:#?}");
        assert_eq!(
            reported[0].0, "P003",
            "line 1 covers line 2, where no P003 starts"
        );
        assert!(
            reported[0].1.contains("on line 1 or 2"),
            "{}",
            reported[0].1
        );
        assert_eq!(
            reported[0].2,
            "remove `P003` from the list: a stale suppression could hide a new mistake later"
        );
        assert_eq!(reported[1].0, "P0O3");
        assert_eq!(reported[1].2, "did you mean `P003`?");
        assert_eq!(reported[2].0, "# stacklint: ignore");
        assert_eq!(
            reported[2].2,
            "name the rules to silence: `# stacklint: ignore[A001]`"
        );
    }

    /// `meta` after each C002 fix alone, for a P003 finding on `/x/Dockerfile`.
    fn fixed(meta: &str) -> Vec<(String, crate::diagnostic::Applicability)> {
        let source = MemorySource::new().with("a/meta.yml", meta);
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let mut findings = vec![finding("a/meta.yml", meta, "/x/Dockerfile", "P003")];
        apply(&repo, &Selection::default(), &mut findings)
            .into_iter()
            .filter_map(|f| {
                let fix = f.fix?;
                let after = crate::text::edit::apply(
                    meta,
                    fix.edits.iter().map(|e| (e.span, e.replacement.as_str())),
                )
                .expect("edits apply");
                Some((after, fix.applicability))
            })
            .collect()
    }

    #[test]
    fn stale_codes_and_comments_are_removed_and_corrections_are_guesses() {
        use crate::diagnostic::Applicability::{Safe, Unsafe};
        let entry = "t:\n  path: /x/Dockerfile";
        assert_eq!(
            fixed(&format!("# stacklint: ignore[T005]\r\n{entry}\n")),
            [(format!("{entry}\n"), Safe)]
        );
        assert_eq!(
            fixed(&format!("{entry}  # stacklint: ignore[P003, T005]\n")),
            [(format!("{entry}  # stacklint: ignore[P003]\n"), Safe)]
        );
        assert_eq!(
            fixed(&format!("{entry}  # stacklint: ignore[T005, P003]\n")),
            [(format!("{entry}  # stacklint: ignore[P003]\n"), Safe)]
        );
        assert_eq!(
            fixed(&format!("{entry} # why # stacklint: ignore[T005]\n")),
            [(format!("{entry} # why\n"), Safe)]
        );
        assert_eq!(
            fixed(&format!("{entry} # stacklint: ignore[P0O3]\n")),
            [(format!("{entry} # stacklint: ignore[P003]\n"), Unsafe)]
        );
        assert!(fixed(&format!("{entry} # stacklint: ignore\n")).is_empty());
        assert_eq!(
            fixed(&format!("# stacklint: ignore\n\n{entry}\n")),
            [(format!("\n{entry}\n"), Safe)]
        );
        assert_eq!(
            fixed(&format!("{entry} # stacklint: disable[P003]\n")),
            [(format!("{entry} # stacklint: ignore[P003]\n"), Unsafe)]
        );
    }

    #[test]
    fn suppressions_of_switched_off_rules_are_not_reported() {
        let dockerfile = "# stacklint: ignore[L006]\nFROM openeuler/openeuler:latest\n";
        let source = MemorySource::new().with("a/Dockerfile", dockerfile);
        let config = Config::default();
        let repo = Repo::load(&source, &config);
        let selection = Selection {
            ignore: vec![RulePattern::Prefix("L".into())],
            ..Selection::default()
        };
        assert!(apply(&repo, &selection, &mut Vec::new()).is_empty());
        let unused = apply(&repo, &Selection::default(), &mut Vec::new());
        assert_eq!(unused.len(), 1);
        assert_eq!(
            unused[0].help.as_deref(),
            Some("remove the comment: a stale suppression could hide a new mistake later")
        );
    }
}
