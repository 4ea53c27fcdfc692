//! The native command line: `stacklint check|graph|explain|rules|schema`.

use std::io::{IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use stacklint::check::ReportScope;
use stacklint::domain::layout::needs_content;
use stacklint::fix::{self, FixMode};
use stacklint::policy::config_file::ConfigFile;
use stacklint::policy::scope;
use stacklint::policy::selection::{self, RulePattern};
use stacklint::render::{self, Format};
use stacklint::source::dir::{read_limited, DirSource};
use stacklint::source::write::{replace_file, WriteError};
use stacklint::{rules, CheckOptions, FileSource, Report, Severity};

/// Exit codes are a contract: scripts tell findings from broken invocations.
const EXIT_FINDINGS: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_INTERNAL: u8 = 3;

#[derive(Parser)]
#[command(
    name = "stacklint",
    version,
    about = "Policy checker for openEuler container-image stacks"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check every meta.yml below DIR.
    Check {
        /// The repository (or a folder of it) to check.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[arg(long, value_enum, default_value_t = Color::Auto)]
        color: Color,
        /// Report only what a change affects. FILE lists the changed paths, one per line,
        /// relative to DIR (`-` reads standard input), e.g.
        /// `git diff --name-only origin/main... | stacklint check --changed-from -`.
        /// The whole repository is still read; findings are reported for the image folders
        /// containing a changed path, their scene's image-list.yml, and the changed files.
        /// With a base, the listed paths count as changed besides what the trees show.
        #[arg(long, value_name = "FILE")]
        changed_from: Option<PathBuf>,
        /// Report only what a change of these paths (relative to DIR) affects, as with
        /// --changed-from; every argument after it is a path, as pre-commit passes the staged
        /// files: `stacklint check --changed AI/x/meta.yml AI/x/1.0/24.03-lts/Dockerfile`.
        #[arg(long, value_name = "PATH", num_args = 1.., allow_hyphen_values = false)]
        changed: Option<Vec<String>>,
        /// Judge DIR as a change of this commit: the merge base of REV and HEAD in DIR's git
        /// repository (a branch, tag or sha; `origin/REV` is tried too). Findings get a
        /// status, new or existing, and the history rules (H) run.
        #[arg(long, value_name = "REV", conflicts_with = "base_dir")]
        base: Option<String>,
        /// Judge DIR as a change of the repository in BASE_DIR (another checkout, an
        /// unpacked release).
        #[arg(long, value_name = "BASE_DIR")]
        base_dir: Option<PathBuf>,
        /// What to report: every finding, what the change affects, or only what the change
        /// introduced. Default: `new` with a base, `changed` with --changed-from, else `all`.
        #[arg(long, value_enum)]
        scope: Option<ScopeArg>,
        /// Whose `.stacklint.toml` judges a change: the base's (a pull request cannot relax
        /// the rules it is checked by) or the head's.
        #[arg(long, value_enum, default_value_t = PolicyFrom::Base)]
        policy_from: PolicyFrom,
        /// Report only findings this baseline does not record (`baseline = "…"` in
        /// `.stacklint.toml` does the same); entries that match nothing are reported (C005).
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Write every current finding to FILE as a baseline (versioned JSON, sorted, one
        /// entry per fingerprint with a count); the check runs and reports as usual.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Run only these rules: codes, names or code prefixes (`Y,P001`), comma-separated,
        /// repeatable. Replaces `select` of the configuration file.
        #[arg(long, value_name = "CODES", value_delimiter = ',')]
        select: Option<Vec<String>>,
        /// Do not run these rules (codes, names or prefixes), comma-separated, repeatable.
        /// Replaces `ignore` of the configuration file.
        #[arg(long, value_name = "CODES", value_delimiter = ',')]
        ignore: Option<Vec<String>>,
        /// Read the configuration from FILE instead of `.stacklint.toml` in DIR.
        #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
        config: Option<PathBuf>,
        /// Ignore `.stacklint.toml`: run every rule at its default severity.
        #[arg(long)]
        no_config: bool,
        /// Apply the safe fixes in place, then report what remains. With a base, only the
        /// findings the change introduced are fixed (and a tag new in the change may be
        /// renamed safely).
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// With `--fix` or `--diff`: the unsafe fixes too (guesses to review, tag renames).
        #[arg(long)]
        unsafe_fixes: bool,
        /// Print the fixes as a unified diff instead of applying them (relative to DIR, for
        /// `patch -p1`); exit 1 when there is something to fix, 0 when not.
        #[arg(long)]
        diff: bool,
    },
    /// Print the in-repo image graph: every published name:tag, its parent and its children.
    Graph {
        /// The repository to read.
        #[arg(default_value = ".")]
        dir: PathBuf,
        #[arg(long, value_enum, default_value_t = GraphFormatArg::Text)]
        format: GraphFormatArg,
        /// Only this image (`NAME` or `NAME:TAG`), its ancestors and its descendants.
        #[arg(long)]
        image: Option<String>,
        /// Read the configuration from FILE instead of `.stacklint.toml` in DIR.
        #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
        config: Option<PathBuf>,
        /// Ignore `.stacklint.toml`: use the default tables.
        #[arg(long)]
        no_config: bool,
    },
    /// Show the documentation of a rule, by code (P001) or name (dockerfile-missing).
    Explain { rule: String },
    /// Print the JSON Schema of a file stacklint reads, for editors (schemas/ holds them).
    Schema {
        #[arg(value_enum)]
        kind: stacklint::render::schema::SchemaKind,
    },
    /// List every rule with its code, name, default severity and summary.
    Rules {
        /// `text`: one line per rule; `markdown`: the reference page (docs/rules.md).
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScopeArg {
    All,
    Changed,
    New,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PolicyFrom {
    Base,
    Head,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormatArg {
    Text,
    Dot,
    /// A Mermaid flowchart: put it in a ```mermaid block and GitHub draws it.
    Mermaid,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal(),
    }
}

fn run(cli: Cli) -> Result<u8, String> {
    match cli.command {
        Command::Check {
            dir,
            format,
            color,
            changed_from,
            changed,
            base,
            base_dir,
            scope,
            policy_from,
            baseline,
            write_baseline,
            select,
            ignore,
            config,
            no_config,
            fix,
            unsafe_fixes,
            diff,
        } => {
            if unsafe_fixes && !fix && !diff {
                return Err("`--unsafe-fixes` applies with `--fix` or `--diff`".into());
            }
            let source = DirSource::open_reading(&dir, needs_content)
                .map_err(|error| format!("cannot read `{}`: {error}", dir.display()))?;
            let base_source = read_base(&dir, base.as_deref(), base_dir.as_deref())?;
            if scope == Some(ScopeArg::New) && base_source.is_none() {
                return Err("`--scope new` needs a base to compare with: give `--base REV` or `--base-dir DIR`".into());
            }
            let options = CheckOptions {
                changed: changed_paths(changed_from.as_deref(), changed)?,
                config_file: config_file(config, no_config)?,
                select: rule_list("--select", select, selection::parse_select)?,
                ignore: rule_list("--ignore", ignore, selection::parse_list)?,
                scope: match scope {
                    Some(ScopeArg::All) => Some(ReportScope::All),
                    Some(ScopeArg::Changed) => Some(ReportScope::Changed),
                    Some(ScopeArg::New) => Some(ReportScope::New),
                    None if base_source.is_some() => Some(ReportScope::New),
                    None => None,
                },
                policy_from_head: policy_from == PolicyFrom::Head,
                baseline: baseline
                    .as_deref()
                    .map(|file| read_baseline(&dir, file))
                    .transpose()?,
                ..CheckOptions::default()
            };
            let base = base_source.as_deref();
            let mode = FixMode { unsafe_fixes };
            if diff {
                return Ok(print_diff(&source, base, &options, mode));
            }
            let (report, fixed) = if fix {
                let (report, fixed) = fix_in_place(&dir, &source, base, &options, mode)?;
                (report, Some(fixed))
            } else {
                (run_check(&source, base, &options), None)
            };
            if let Some(file) = &write_baseline {
                let all: Vec<&stacklint::Diagnostic> = report
                    .diagnostics
                    .iter()
                    .chain(&report.existing)
                    .filter(|d| !matches!(d.code, "C004" | "C005"))
                    .collect();
                std::fs::write(file, stacklint::policy::baseline::write(&all)).map_err(
                    |error| format!("cannot write the baseline `{}`: {error}", file.display()),
                )?;
                eprintln!(
                    "stacklint wrote {} findings to the baseline `{}`",
                    all.len(),
                    file.display()
                );
            }
            let output = render::render(&report, format, use_color(color));
            print(&output);
            if let Some(fixed) = &fixed {
                eprintln!("{}", fixed.note);
            }
            if report.summary.manifests == 0 {
                // Pointing at the wrong folder must not look like a clean repository.
                eprintln!(
                    "warning: no meta.yml found below `{}`; is this an image repository?",
                    dir.display()
                );
            }
            Ok(if fixed.is_some_and(|fixed| fixed.io_failed) {
                EXIT_USAGE
            } else if report.max_severity() >= Some(Severity::Error) {
                EXIT_FINDINGS
            } else {
                0
            })
        }
        Command::Graph {
            dir,
            format,
            image,
            config,
            no_config,
        } => {
            let source = DirSource::open_reading(&dir, needs_content)
                .map_err(|error| format!("cannot read `{}`: {error}", dir.display()))?;
            let options = CheckOptions {
                config_file: config_file(config, no_config)?,
                ..CheckOptions::default()
            };
            let graph = stacklint::check::graph(&source, &options, image.as_deref())?;
            let format = match format {
                GraphFormatArg::Text => stacklint::render::graph::GraphFormat::Text,
                GraphFormatArg::Dot => stacklint::render::graph::GraphFormat::Dot,
                GraphFormatArg::Mermaid => stacklint::render::graph::GraphFormat::Mermaid,
                GraphFormatArg::Json => stacklint::render::graph::GraphFormat::Json,
            };
            print(&stacklint::render::graph::render(&graph, format));
            Ok(0)
        }
        Command::Explain { rule } => {
            let found = rules::find(&rule)
                .ok_or_else(|| format!("no rule `{rule}`; `stacklint rules` lists them all"))?;
            print(&stacklint::render::rules::explanation(found));
            Ok(0)
        }
        Command::Schema { kind } => {
            print(&stacklint::render::schema::render(kind));
            Ok(0)
        }
        Command::Rules {
            format: RulesFormat::Markdown,
        } => {
            print(&stacklint::render::rules::reference());
            Ok(0)
        }
        Command::Rules {
            format: RulesFormat::Text,
        } => {
            print(&stacklint::render::rules::listing());
            Ok(0)
        }
    }
}

/// The check, of a change when there is a base.
fn run_check(
    source: &dyn FileSource,
    base: Option<&dyn FileSource>,
    options: &CheckOptions,
) -> Report {
    match base {
        Some(base) => stacklint::check::check_change(source, base, options),
        None => stacklint::check(source, options),
    }
}

/// The fixes, of what the change introduced when there is a base.
fn run_fix(
    source: &dyn FileSource,
    base: Option<&dyn FileSource>,
    options: &CheckOptions,
    mode: FixMode,
) -> fix::Fixed {
    match base {
        Some(base) => fix::fix_change(source, base, options, mode),
        None => fix::fix(source, options, mode),
    }
}

/// `--diff`: the fixes as one unified diff on stdout, what they are on stderr; exit 1 when
/// something would change.
fn print_diff(
    source: &DirSource,
    base: Option<&dyn FileSource>,
    options: &CheckOptions,
    mode: FixMode,
) -> u8 {
    let fixed = run_fix(source, base, options, mode);
    print(&fixed.patch(""));
    report_skipped(&fixed);
    let counts = fixed.counts(&[]);
    if fixed.files.is_empty() {
        eprintln!("no fixes to apply");
        0
    } else {
        let total: usize = counts.iter().map(|(_, count)| count).sum();
        eprintln!(
            "{} would be applied ({})",
            render::plural(total, "fix", "fixes"),
            fix::counts_text(&counts)
        );
        EXIT_FINDINGS
    }
}

/// What `--fix` did, for the closing lines.
struct FixedInPlace {
    /// `3 fixes applied (A001 ×2, P003 ×1)`.
    note: String,
    /// A file could not be written for an I/O reason.
    io_failed: bool,
}

/// `--fix`: applies the fixes, writes every changed file, then checks the folder again.
fn fix_in_place(
    dir: &Path,
    source: &DirSource,
    base: Option<&dyn FileSource>,
    options: &CheckOptions,
    mode: FixMode,
) -> Result<(Report, FixedInPlace), String> {
    let fixed = run_fix(source, base, options, mode);
    report_skipped(&fixed);
    let mut unwritten = Vec::new();
    let mut io_failed = false;
    for change in &fixed.files {
        let path = &change.path;
        if let Err(error) = replace_file(source.root(), path, &change.before, &change.after) {
            eprintln!("error: not writing `{path}`: {error}");
            io_failed |= matches!(error, WriteError::Io(_));
            unwritten.push(path.clone());
        }
    }
    let counts = fixed.counts(&unwritten);
    let total: usize = counts.iter().map(|(_, count)| count).sum();
    let note = if total == 0 {
        "no fixes applied".to_string()
    } else {
        format!(
            "{} applied ({})",
            render::plural(total, "fix", "fixes"),
            fix::counts_text(&counts)
        )
    };
    // What remains is what the files on disk now say.
    let again = DirSource::open_reading(dir, needs_content)
        .map_err(|error| format!("cannot read `{}` again: {error}", dir.display()))?;
    Ok((
        run_check(&again, base, options),
        FixedInPlace { note, io_failed },
    ))
}

/// Fixes that were not applied, and why; and a warning when the rounds did not settle.
fn report_skipped(fixed: &fix::Fixed) {
    for skipped in &fixed.skipped {
        eprintln!(
            "warning: fix not applied: {} at {}:{}:{} ({}): {}",
            skipped.code,
            skipped.path,
            skipped.line,
            skipped.column,
            skipped.message,
            skipped.reason.describe()
        );
    }
    if !fixed.converged {
        eprintln!(
            "warning: the fixes did not settle after {} rounds; this is a bug in stacklint, please report it",
            fix::MAX_ROUNDS
        );
    }
}

/// The base tree of `--base REV` (from git) or `--base-dir DIR`.
fn read_base(
    dir: &Path,
    rev: Option<&str>,
    base_dir: Option<&Path>,
) -> Result<Option<Box<dyn FileSource>>, String> {
    if let Some(rev) = rev {
        let base = stacklint::source::git::read_base(dir, rev, needs_content)?;
        if !base.merge_base {
            eprintln!(
                "warning: git found no common ancestor of `{rev}` and HEAD; comparing with `{rev}` itself ({})",
                base.commit
            );
        }
        return Ok(Some(Box::new(base.source)));
    }
    match base_dir {
        Some(base_dir) => {
            let source = DirSource::open_reading(base_dir, needs_content).map_err(|error| {
                format!("cannot read the base `{}`: {error}", base_dir.display())
            })?;
            Ok(Some(Box::new(source)))
        }
        None => Ok(None),
    }
}

/// `--baseline FILE`: read here (the core does no I/O); findings about it are reported under
/// its path in the repository when it lies inside DIR.
fn read_baseline(dir: &Path, file: &Path) -> Result<stacklint::check::BaselineFile, String> {
    let cannot = |why: &dyn std::fmt::Display| {
        format!("cannot read the baseline `{}`: {why}", file.display())
    };
    // Bounded, like `--config`: a baseline is not read past the size limit.
    let text = read_limited(file).map_err(|error| cannot(&error))?;
    let inside = match (file.canonicalize(), dir.canonicalize()) {
        (Ok(file), Ok(dir)) => file
            .strip_prefix(&dir)
            .ok()
            .map(|relative| relative.to_string_lossy().replace('\\', "/")),
        _ => None,
    };
    Ok(stacklint::check::BaselineFile {
        path: inside.unwrap_or_else(|| file.display().to_string()),
        text,
    })
}

/// The changed paths of `--changed-from FILE` and `--changed PATH...`, together.
fn changed_paths(
    from: Option<&Path>,
    listed: Option<Vec<String>>,
) -> Result<Option<Vec<String>>, String> {
    let mut changed = from.map(read_changed).transpose()?;
    if let Some(listed) = listed {
        let listed = scope::normalize_changed(listed.iter().map(String::as_str))
            .map_err(|error| format!("`--changed`: {error}"))?;
        changed.get_or_insert_with(Vec::new).extend(listed);
    }
    Ok(changed)
}

/// Reads the `--changed-from` list from a file, or from standard input for `-`.
fn read_changed(path: &Path) -> Result<Vec<String>, String> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read_to_string(path)
    }
    .map_err(|error| {
        format!(
            "cannot read the changed-path list `{}`: {error}",
            path.display()
        )
    })?;
    scope::parse_changed_list(&text).map_err(|error| format!("in `{}`: {error}", path.display()))
}

/// `--select`/`--ignore`: an unknown code is a usage error, with the nearest code.
fn rule_list(
    flag: &str,
    items: Option<Vec<String>>,
    parse: fn(&[String]) -> Result<Vec<RulePattern>, String>,
) -> Result<Option<Vec<RulePattern>>, String> {
    items
        .map(|items| parse(&items).map_err(|error| format!("`{flag}`: {error}")))
        .transpose()
}

/// `--config FILE` / `--no-config` / the repository's `.stacklint.toml`.
fn config_file(config: Option<PathBuf>, no_config: bool) -> Result<ConfigFile, String> {
    Ok(match (config, no_config) {
        (Some(path), _) => read_config(&path)?,
        (None, true) => ConfigFile::Disabled,
        (None, false) => ConfigFile::InRepository,
    })
}

/// `--config FILE`: read here, so that the core stays free of I/O.
fn read_config(path: &Path) -> Result<ConfigFile, String> {
    let cannot = |why: &dyn std::fmt::Display| {
        format!(
            "cannot read the configuration file `{}`: {why}",
            path.display()
        )
    };
    // Bounded: `--config /dev/zero` must not read until memory runs out.
    let text = read_limited(path).map_err(|error| cannot(&error))?;
    Ok(ConfigFile::Given {
        path: path.display().to_string(),
        text,
    })
}

/// Writes to stdout, ignoring a closed pipe (`stacklint check | head`).
fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    panic::set_hook(Box::new(|_| {}));
    match panic::catch_unwind(AssertUnwindSafe(|| run(cli))) {
        Ok(Ok(code)) => ExitCode::from(code),
        Ok(Err(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(EXIT_USAGE)
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            eprintln!("error: internal error in stacklint: {what}\nplease report this with the input that caused it");
            ExitCode::from(EXIT_INTERNAL)
        }
    }
}
