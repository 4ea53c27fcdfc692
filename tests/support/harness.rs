//! The robustness harness shared by `tests/robustness.rs` (a fixed-seed run in CI) and the
//! local fuzz targets in `fuzz/` (coverage-guided, long runs). It feeds one mutated file into
//! a small, otherwise clean repository, runs every parser, the full check, every renderer and
//! the fixes, and checks what must hold for any input: no panic, located diagnostics that point
//! at real characters, no silent pass on a file that cannot be read or parsed, and fixes that
//! apply, keep YAML valid, never leave more findings than before and change nothing the
//! second time.

#![allow(dead_code)]

use stacklint::domain::image_ref::ImageRef;
use stacklint::fix::{self, FixMode};
use stacklint::render::{self, Format};
use stacklint::syntax::dockerfile::{self, StageBase};
use stacklint::syntax::yaml::{self, Node, NodeKind};
use stacklint::{CheckOptions, Diagnostic, MemorySource, Report, Severity};

pub const META: &str = "AI/pytorch/meta.yml";
pub const IMAGE_LIST: &str = "AI/image-list.yml";
pub const DOCKERFILE: &str = "AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts/Dockerfile";

/// The repository every mutated file lands in: one scene, a parent and a child image.
pub const REPO: &[(&str, &str)] = &[
    (IMAGE_LIST, "images:\n  cann: cann\n  pytorch: pytorch\n"),
    (
        "AI/cann/meta.yml",
        "8.0.RC1-oe2403lts:\n  path: 8.0.RC1/24.03-lts/Dockerfile\n  arch: aarch64\n",
    ),
    (
        "AI/cann/8.0.RC1/24.03-lts/Dockerfile",
        "ARG BASE=openeuler/openeuler:24.03-lts\nFROM ${BASE}\nRUN dnf install -y python3\n",
    ),
    ("AI/cann/README.md", "# cann\n"),
    (
        META,
        "# PyTorch on CANN\n2.2.0-cann8.0.RC1-oe2403lts:\n  path: 2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\n  arch: aarch64\n",
    ),
    (
        DOCKERFILE,
        "ARG BASE=openeuler/cann:8.0.RC1-oe2403lts\nFROM ${BASE}\nARG VERSION=2.2.0\nRUN pip3 install torch==${VERSION}\n",
    ),
    ("AI/pytorch/README.md", "# pytorch\n"),
];

/// Which file of [`REPO`] the input replaces.
pub const SLOTS: &[&str] = &[META, IMAGE_LIST, DOCKERFILE];

/// Seeds for the mutator: realistic files of each kind, including known-awkward forms.
pub const SEEDS: &[&str] = &[
    "2.2.0-cann8.0.RC1-oe2403lts:\n  path: 2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\n  arch: aarch64\n",
    "# comment\n\"1.10-oe2403lts\":\n  path: 1.10/24.03-lts/Dockerfile\n  arch: x86_64,aarch64\nlatest:\n  path: 2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\n",
    "a: {path: x/Dockerfile, arch: [x86_64]}\nb: &e\n  path: ../y\nc: *e\n? complex\n: key\n",
    "t1:\r\n  path: 2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\r\nt1:\r\n  path: x\r\n---\r\nz: 1\r\n",
    "é-oe2403lts:\n  path: 'ü/24.03-lts/Dockerfile'\n  arch: \"\\u00e9\"\n😀: |\n  block\n  text\n",
    "images:\n  cann: cann\n  pytorch: pytorch\n  chatglm: llm/chatglm\n",
    "images:\n- cann\n- pytorch: pytorch\nother: 1\n",
    "ARG BASE=openeuler/cann:8.0.RC1-oe2403lts\nFROM ${BASE}\nARG VERSION=2.2.0\nRUN pip3 install torch==${VERSION}\n",
    "# escape=`\nARG A=1 B=\"openeuler/x:2\"\nFROM --platform=$BUILDPLATFORM ${B:-y} AS one\nFROM one as two\nFROM `\n  two\n",
    "ARG REG\nFROM ${REG:+hub.oepkgs.net}/openeuler/cann:8.0-oe2403lts${X-${Y:-z}}\r\nFROM \\\n # c\n  $UNSET\n",
    // Fixable mistakes of every kind, so that mutations keep reaching the fixes.
    "2.2.0-cann8.0.RC1-oe2403lts:\n  path: AI/pytorch/2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\n  arch: [arm64]\n# stacklint: ignore[T005]\n2.2.0-cann8.0.RC1-24.03-lts:\n  pth: 2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\n1.10: 2.2.0-cann8.0.RC1/24.03-lts/Dockerfile\n",
    "\u{feff}2.2.0-cann8.0.RC1-oe2403lts:\r\n  path:\t2.2.0-cann8.0.RC1/24.03-lts/Dockerfile  # keep\r\n  arch: AMD64, aarch64,aarch64,\r\n2.2.0+x-cann8.0.RC1-oe2403sp9:\r\n  path: \"2.2.0-cann8.0.RC1/22.03-lts/Dockerfile\"",
    "images:\n  cann: cann # the SDK\n",
    "# stacklint: ignore[L006]\nARG BASE=openeuler/cann:8.0.RC1-oe2403sp1\nFROM ${BASE}\n",
    "FROM openeuler/openeuler:latest # stacklint: ignore[P001]\n",
];

/// Tokens that mean something to YAML, to Dockerfiles or to column arithmetic.
pub const TOKENS: &[&str] = &[
    ":",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "&a ",
    "*a",
    "!!",
    "!!str ",
    "!!int ",
    "---",
    "...",
    "%YAML 1.2\n",
    "#",
    "\\",
    "${",
    "}",
    "$",
    "FROM ",
    "ARG ",
    " AS ",
    "path: ",
    "arch: ",
    "images:",
    ": ",
    "? ",
    "|",
    ">",
    "é",
    "😀",
    "\u{200b}",
    "\u{feff}",
    "\u{0301}",
    "\u{10ffff}",
    " ",
    "    ",
    "..",
    "/",
    "@sha256:",
    "-oe2403lts",
    "\0",
];

/// A tiny deterministic PRNG (xorshift64*): reproducible runs without a dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Applies 1 to 8 random edits to `input` (bytes: the result need not be UTF-8).
pub fn mutate(rng: &mut Rng, input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(input.len() + 1);
        match rng.below(10) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] = rng.next() as u8;
            }
            2..=4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, token.iter().copied());
            }
            5 if at < input.len() => {
                let end = (at + 1 + rng.below(16)).min(input.len());
                input.drain(at..end);
            }
            6 => input.truncate(at),
            7 if at < input.len() => {
                let end = (at + 1 + rng.below(64)).min(input.len());
                let chunk: Vec<u8> = input[at..end].to_vec();
                let to = rng.below(input.len() + 1);
                input.splice(to..to, chunk);
            }
            8 => {
                let seed = SEEDS[rng.below(SEEDS.len())].as_bytes();
                let start = rng.below(seed.len());
                let end = (start + rng.below(seed.len() - start + 1)).min(seed.len());
                input.splice(at..at, seed[start..end].iter().copied());
            }
            _ => {
                let line = input[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |i| i + 1);
                let indent = rng.below(5);
                input.splice(line..line, std::iter::repeat_n(b' ', indent));
            }
        }
    }
}

/// Runs everything on one input. `selector` picks the slot; returns the report for callers
/// that check more.
pub fn run(selector: u8, input: &[u8]) -> Report {
    let text = String::from_utf8_lossy(input);
    check_yaml(&text);
    check_dockerfile(&text);
    check_image_refs(&text);

    let slot = SLOTS[selector as usize % SLOTS.len()];
    let mut source = MemorySource::new();
    for (path, content) in REPO {
        if *path != slot {
            source.insert(path, Some(content.to_string()));
        }
    }
    source.insert_bytes(slot, input.to_vec());
    let report = stacklint::check(&source, &CheckOptions::default());
    if let Err(problem) = check_report(&report) {
        panic!("{problem}\ninput ({slot}): {:?}", text);
    }
    if let Err(problem) = check_not_silent(&report, slot, input) {
        panic!("{problem}\ninput ({slot}): {:?}", text);
    }
    for format in [
        Format::Human,
        Format::Json,
        Format::Github,
        Format::Sarif,
        Format::Markdown,
        Format::Rdjson,
    ] {
        let out = render::render(&report, format, false);
        if let Err(problem) = check_rendered(&report, format, &out) {
            panic!("{problem}\ninput ({slot}): {:?}\noutput:\n{out}", text);
        }
    }
    // Every other input fixes the unsafe ones too: both modes are covered at one check's cost.
    let mode = FixMode {
        unsafe_fixes: input.len() % 2 == 0,
    };
    if let Err(problem) = check_fixes(&source, &report, mode) {
        panic!("{problem}\ninput ({slot}, {mode:?}): {:?}", text);
    }
    report
}

/// The fix invariants: every fix's edits apply to the text they were made for; fixing
/// settles, keeps every YAML file that parsed parseable, ends with no more findings than
/// before (unless it repaired a file's syntax, which lets the rest of it be checked), and
/// fixing the result again changes nothing.
fn check_fixes(source: &MemorySource, report: &Report, mode: FixMode) -> Result<(), String> {
    for d in &report.diagnostics {
        let Some(fix) = &d.fix else { continue };
        for edit in &fix.edits {
            let file = report.sources.get(&edit.path).ok_or_else(|| {
                format!(
                    "{}: a fix edits `{}`, which was not read",
                    d.code, edit.path
                )
            })?;
            if !on_boundaries(&file.text, edit.start, edit.end) {
                return Err(format!("{}: edit {edit:?} off its file", d.code));
            }
        }
        if fix.message.trim().is_empty() {
            return Err(format!("{}: a fix without a message", d.code));
        }
    }
    let options = CheckOptions::default();
    let fixed = fix::fix(source, &options, mode);
    if !fixed.converged {
        return Err("the fixes did not settle".into());
    }
    // Skipping a fix that reveals more is policy; these two are a rule's mistakes.
    if let Some(skipped) = fixed.skipped.iter().find(|s| {
        matches!(
            s.reason,
            fix::SkipReason::InvalidYaml | fix::SkipReason::Unresolved
        )
    }) {
        return Err(format!("a rule proposed a broken fix: {skipped:?}"));
    }
    for change in &fixed.files {
        let path = &change.path;
        if path.ends_with(".yml")
            && yaml::parse(&change.before).error.is_none()
            && yaml::parse(&change.after).error.is_some()
        {
            return Err(format!(
                "fixing made `{path}` invalid YAML:\n{}",
                change.after
            ));
        }
    }
    // Repairing a syntax error lets the rest of the file be checked at last.
    let repaired = fixed.files.iter().any(|change| {
        yaml::parse(&change.before).error.is_some() && yaml::parse(&change.after).error.is_none()
    });
    if !repaired && fixed.report.diagnostics.len() > report.diagnostics.len() {
        return Err(format!(
            "fixing left {} findings, {} before",
            fixed.report.diagnostics.len(),
            report.diagnostics.len()
        ));
    }
    check_report(&fixed.report)?;
    let mut again = source.clone();
    for change in &fixed.files {
        again.insert(&change.path, Some(change.after.clone()));
    }
    let second = fix::fix(&again, &options, mode);
    if !second.files.is_empty() {
        return Err(format!(
            "fixing is not idempotent: the second run changed {:?}",
            second.files
        ));
    }
    Ok(())
}

fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn check_yaml(text: &str) {
    let doc = yaml::parse(text);
    if let Some(error) = &doc.error {
        assert!(
            on_boundaries(text, error.span.start, error.span.end),
            "YAML error span {:?} off the text: {text:?}",
            error.span
        );
    }
    if let Some(span) = doc.extra_document {
        assert!(on_boundaries(text, span.start, span.end), "{text:?}");
    }
    let mut stack: Vec<&Node> = doc.root.iter().collect();
    while let Some(node) = stack.pop() {
        assert!(
            on_boundaries(text, node.span.start, node.span.end),
            "YAML node span {:?} off the text: {text:?}",
            node.span
        );
        match &node.kind {
            NodeKind::Mapping(pairs) => {
                stack.extend(pairs.iter().flat_map(|p| [&p.key, &p.value]));
            }
            NodeKind::Sequence(items) => stack.extend(items),
            NodeKind::Scalar(_) | NodeKind::Alias => {}
        }
    }
}

fn check_dockerfile(text: &str) {
    let parsed = dockerfile::parse(text);
    for (i, stage) in parsed.stages.iter().enumerate() {
        let mut spans = vec![stage.written_span];
        match &stage.base {
            StageBase::Stage(earlier) => assert!(*earlier < i, "stage {i} -> {earlier}: {text:?}"),
            StageBase::Image { origin, .. } => spans.push(*origin),
            StageBase::Unresolved { declared, .. } => spans.extend(*declared),
        }
        for span in spans {
            assert!(
                on_boundaries(text, span.start, span.end),
                "Dockerfile span {span:?} off the text: {text:?}"
            );
        }
    }
    let _ = parsed.parent();
}

fn check_image_refs(text: &str) {
    for word in text.split(|c: char| c.is_whitespace() || c == '=') {
        if let Some(reference) = ImageRef::parse(word) {
            let again = ImageRef::parse(&reference.to_string());
            assert_eq!(
                again.as_ref(),
                Some(&reference),
                "{word:?} does not round-trip"
            );
            let _ = reference.name();
        }
    }
}

/// The located-position invariants of one range in one file.
fn check_range(
    report: &Report,
    path: &str,
    (line, column, end_line, end_column): (usize, usize, usize, usize),
) -> Result<(), String> {
    if line == 0 || column == 0 || end_line == 0 || end_column == 0 {
        return Err(format!(
            "{path}: zero line or column {line}:{column}-{end_line}:{end_column}"
        ));
    }
    if (end_line, end_column) < (line, column) {
        return Err(format!(
            "{path}: end before start {line}:{column}-{end_line}:{end_column}"
        ));
    }
    if let Some(file) = report.sources.get(path) {
        for (l, c) in [(line, column), (end_line, end_column)] {
            if l > file.lines.line_count() {
                return Err(format!(
                    "{path}: line {l} past the last line {}",
                    file.lines.line_count()
                ));
            }
            let (start, end) = file.lines.line_span(&file.text, l);
            let chars = file.text[start..end].chars().count();
            if c > chars + 1 {
                return Err(format!(
                    "{path}: column {c} past the end of line {l} ({chars} characters)"
                ));
            }
        }
    }
    Ok(())
}

pub fn check_diagnostic(report: &Report, d: &Diagnostic) -> Result<(), String> {
    check_range(
        report,
        &d.path,
        (d.line, d.column, d.end_line, d.end_column),
    )?;
    if let Some(file) = report.sources.get(&d.path) {
        if !on_boundaries(&file.text, d.span.start, d.span.end) {
            return Err(format!(
                "{} {}: span {:?} not on character boundaries",
                d.code, d.path, d.span
            ));
        }
    }
    for related in &d.related {
        check_range(
            report,
            &related.path,
            (
                related.line,
                related.column,
                related.end_line,
                related.end_column,
            ),
        )?;
    }
    if d.message.trim().is_empty() {
        return Err(format!("{}: empty message", d.code));
    }
    Ok(())
}

pub fn check_report(report: &Report) -> Result<(), String> {
    for d in &report.diagnostics {
        check_diagnostic(report, d).map_err(|e| format!("{e}\n{d:#?}"))?;
    }
    Ok(())
}

/// A file that cannot be read or parsed must produce an error on that file.
fn check_not_silent(report: &Report, slot: &str, input: &[u8]) -> Result<(), String> {
    let has_error = |code: Option<&str>| {
        report.diagnostics.iter().any(|d| {
            d.path == slot && d.severity == Severity::Error && code.is_none_or(|c| d.code == c)
        })
    };
    let Ok(text) = std::str::from_utf8(input) else {
        return if has_error(Some("F001")) {
            Ok(())
        } else {
            Err("non-UTF-8 input passed without F001".into())
        };
    };
    if text.contains('\0') {
        return if has_error(Some("F001")) {
            Ok(())
        } else {
            Err("binary input passed without F001".into())
        };
    }
    if slot.ends_with(".yml") {
        let doc = yaml::parse(text);
        if (doc.error.is_some() || doc.extra_document.is_some()) && !has_error(Some("Y001")) {
            return Err("broken YAML passed without Y001".into());
        }
    }
    Ok(())
}

fn check_rendered(report: &Report, format: Format, out: &str) -> Result<(), String> {
    match format {
        // All are serialised by serde_json, so they are JSON; what can break is the content.
        Format::Json | Format::Sarif | Format::Rdjson => {
            if !out.ends_with("}\n") {
                return Err(format!("{format:?} output is not one complete object"));
            }
        }
        Format::Github => {
            if out.lines().count() != report.diagnostics.len() {
                return Err("github output is not one line per finding".into());
            }
        }
        Format::Human => {
            for d in &report.diagnostics {
                if !out.contains(&format!("[{}]", d.code)) {
                    return Err(format!("human output lacks {}", d.code));
                }
            }
        }
        Format::Markdown => {
            // The table is one HTML block: a blank line inside would let Markdown re-read it.
            if let (Some(start), Some(end)) = (out.find("<table>"), out.find("</table>")) {
                if out
                    .get(start..end)
                    .is_some_and(|table| table.contains("\n\n"))
                {
                    return Err("markdown table is not one HTML block".into());
                }
            }
        }
    }
    Ok(())
}
