//! No output format lets repository text start a workflow command or escape its markup.
//!
//! A repository whose folder names, tags, paths, Dockerfile references, image names and
//! configuration keys carry line breaks, workflow commands, terminal escape sequences and
//! Unicode separators is checked, rendered in every format, and each output is read the way
//! the GitHub Actions runner reads a step's output: split into lines at `\n`, `\r\n` and a lone
//! `\r` (the runner reads with .NET's `StreamReader.ReadLine`, which ends lines exactly
//! there), then every line is a workflow command when, after leading whitespace, it starts
//! with `::` (`ActionCommand.TryParseV2`) or when it contains `##[` anywhere
//! (`ActionCommand.TryParse`, the older form). Only `--format github` may hold commands, one
//! per finding, each exactly as stacklint wrote it.

use stacklint::render::github;
use stacklint::render::markdown::{self, BlobLinks, MarkdownOptions};
use stacklint::render::{self, Format};
use stacklint::text::visible::is_workflow_command;
use stacklint::{CheckOptions, MemorySource, Report};

/// What each hostile string tries.
const HOSTILE: &[&str] = &[
    "x\n::error file=evil.yml,line=1::injected",
    "y\r::warning::lone-cr",
    "z\r\n::add-mask::secret",
    "w ##[add-mask]v1-command",
    "t\u{1b}]8;;https://evil.example\u{7}link\u{1b}]8;;\u{7}",
    "c\u{1b}[2J\u{1b}[31mred",
    "s\u{2028}::error::after-line-separator",
    "p\u{2029}q\u{85}r",
    "b\u{202e}reversed",
    "k\u{9b}31m",
    "m\n\n<img src=x onerror=alert(1)>",
];

/// The repository: every hostile string as a folder, a tag, a path, a parent and a name.
fn hostile_repository() -> MemorySource {
    let mut source = MemorySource::new();
    let mut list = String::from("images:\n  base: base\n");
    source.insert(
        "AI/base/meta.yml",
        Some("1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n".into()),
    );
    source.insert(
        "AI/base/1.0/24.03-lts/Dockerfile",
        Some("FROM openeuler/openeuler:24.03-lts\n".into()),
    );
    for (i, text) in HOSTILE.iter().enumerate() {
        let quoted = serde_json::to_string(text).expect("a JSON string is a YAML string");
        let folder = format!("AI/{text}");
        list.push_str(&format!(
            "  {}: {quoted}\n",
            serde_json::to_string(&format!("n{i}{text}")).expect("json")
        ));
        source.insert(
            &format!("{folder}/meta.yml"),
            Some(format!(
                "{quoted}:\n  path: {quoted}\n\"1.{i}-oe2403lts\":\n  path: 1.{i}/24.03-lts/Dockerfile\n  arch: {quoted}\n"
            )),
        );
        source.insert(
            &format!("{folder}/1.{i}/24.03-lts/Dockerfile"),
            Some(format!("FROM openeuler/base:{text}\nFROM {text}\n")),
        );
        source.insert(
            &format!("{folder}/1.{i}/{text}/Dockerfile"),
            Some("FROM scratch\n".into()),
        );
    }
    source.insert("AI/image-list.yml", Some(list));
    let keys: String = HOSTILE
        .iter()
        .map(|text| format!("{} = 1\n", serde_json::to_string(text).expect("json")))
        .collect();
    source.insert(".stacklint.toml", Some(keys));
    source
}

fn report() -> Report {
    let report = stacklint::check(&hostile_repository(), &CheckOptions::default());
    assert!(
        report.diagnostics.len() > 3 * HOSTILE.len(),
        "{:#?}",
        report.diagnostics
    );
    // Fixes carry repository text too (paths, tags, inserted values): some must be rendered.
    let fixes = report
        .diagnostics
        .iter()
        .filter(|d| d.fix.is_some())
        .count();
    assert!(fixes > HOSTILE.len() / 2, "{fixes} fixes");
    report
}

/// The output split as the runner splits it.
fn runner_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let Some(at) = rest.find(['\n', '\r']) else {
            lines.push(rest);
            break;
        };
        lines.push(&rest[..at]);
        let skip = if rest[at..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[at + skip..];
    }
    lines
}

/// Characters that must never reach an output raw, whatever its format.
fn hidden_character(text: &str, allow_sgr: bool) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    text.char_indices().find(|&(at, c)| match c {
        '\n' => false,
        // A carriage return only as part of `\r\n`.
        '\r' => bytes.get(at + 1) != Some(&b'\n'),
        // Colour escapes of our own styling: `ESC [ digits ; m`.
        '\u{1b}' if allow_sgr => {
            let tail = &text[at + 1..];
            let sgr = tail.strip_prefix('[').is_some_and(|rest| {
                let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ';'));
                end.is_some_and(|end| rest[end..].starts_with('m'))
            });
            !sgr
        }
        c => {
            c.is_control() && c != '\t'
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        }
    })
}

fn assert_no_command(format: &str, text: &str) {
    for (number, line) in runner_lines(text).iter().enumerate() {
        assert!(
            !is_workflow_command(line),
            "{format} line {} is a workflow command: {line:?}",
            number + 1
        );
    }
}

#[test]
fn text_formats_hold_no_workflow_command_and_no_hidden_character() {
    let report = report();
    for (name, format, color) in [
        ("human", Format::Human, false),
        ("human (colour)", Format::Human, true),
        ("json", Format::Json, false),
        ("sarif", Format::Sarif, false),
        ("markdown", Format::Markdown, false),
        ("rdjson", Format::Rdjson, false),
    ] {
        let out = render::render(&report, format, color);
        assert_no_command(name, &out);
        if let Some((at, c)) = hidden_character(&out, color) {
            panic!(
                "{name} holds {c:?} raw: …{:?}…",
                &out[at.saturating_sub(40)..(at + 40).min(out.len())]
            );
        }
    }
    let sarif = stacklint::render::sarif::render(&report, "checked\n::error::folder");
    assert_no_command("sarif with a prefix", &sarif);
}

#[test]
fn the_job_summary_is_one_html_block_without_commands() {
    let report = report();
    let options = MarkdownOptions {
        prefix: "sub\r::error::dir".into(),
        links: Some(BlobLinks {
            server_url: "https://github.com".into(),
            repository: "octo/images".into(),
            sha: "abc\n::error::sha".into(),
        }),
        note: Some("Scope: `x\r\n\r\n<script>`".into()),
        max_bytes: None,
        fixes: true,
    };
    let out = markdown::render(&report, &options);
    assert_no_command("markdown", &out);
    assert!(hidden_character(&out, false).is_none(), "{out}");
    let start = out.find("<table>").expect("a table");
    let end = out.find("</table>").expect("a closed table");
    // CommonMark ends an HTML block at a blank line, counting `\r` as a line ending.
    let lines = runner_lines(&out[start..end]);
    assert!(
        lines.iter().all(|line| !line.trim().is_empty()),
        "{:?}",
        lines
    );
    assert!(!out[start..end].contains("<img"), "markup escaped its cell");
}

#[test]
fn github_commands_are_exactly_the_findings() {
    let report = report();
    let out = render::render(&report, Format::Github, false);
    let lines = runner_lines(&out);
    assert_eq!(lines.len(), report.diagnostics.len(), "{out}");
    for (line, diagnostic) in lines.iter().zip(&report.diagnostics) {
        let level = github::level(diagnostic.severity);
        let rest = line
            .strip_prefix(&format!("::{level} "))
            .unwrap_or_else(|| panic!("not our command: {line:?}"));
        // The runner reads the properties up to the next `::`: they must be exactly ours.
        let (properties, data) = rest.split_once("::").expect("a message");
        let file = properties
            .split(',')
            .find_map(|p| p.strip_prefix("file="))
            .expect("a file");
        let unescaped = file
            .replace("%3A", ":")
            .replace("%2C", ",")
            .replace("%0D", "\r")
            .replace("%0A", "\n")
            .replace("%25", "%");
        assert_eq!(unescaped, diagnostic.path, "{line}");
        assert!(properties.ends_with(&format!("title={} {}", diagnostic.code, diagnostic.name)));
        assert!(hidden_character(data, false).is_none(), "{data:?}");
    }
}

#[test]
fn annotation_objects_carry_no_hidden_character() {
    let report = report();
    for annotation in github::annotations(&report, "sub\u{1b}[31m") {
        assert!(
            hidden_character(&annotation.message, false).is_none(),
            "{:?}",
            annotation.message
        );
        assert!(hidden_character(&annotation.title, false).is_none());
    }
}

#[test]
fn hostile_text_is_still_reported_visibly() {
    let report = report();
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    for shown in [
        "\\u{1b}]8;;https://evil.example\\u{7}",
        "\\n::error file=",
        "\\u{2028}::error",
        "\\r::warning",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(shown)),
            "no message shows {shown}: {messages:#?}"
        );
    }
}
