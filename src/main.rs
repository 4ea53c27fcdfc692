//! The native command line: `stacklint check|explain|rules`.

use std::io::{IsTerminal, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use stacklint::policy::config_file::ConfigFile;
use stacklint::policy::scope;
use stacklint::policy::selection::{self, RulePattern};
use stacklint::render::{self, Format};
use stacklint::source::dir::{read_limited, DirSource};
use stacklint::{rules, CheckOptions, Severity};

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
        #[arg(long, value_name = "FILE")]
        changed_from: Option<PathBuf>,
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
    /// List every rule with its code, name, default severity and summary.
    Rules {
        /// `text`: one line per rule; `markdown`: the reference page (docs/rules.md).
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormatArg {
    Text,
    Dot,
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
            select,
            ignore,
            config,
            no_config,
        } => {
            let source = DirSource::open(&dir)
                .map_err(|error| format!("cannot read `{}`: {error}", dir.display()))?;
            let options = CheckOptions {
                changed: changed_from.as_deref().map(read_changed).transpose()?,
                config_file: config_file(config, no_config)?,
                select: rule_list("--select", select, selection::parse_select)?,
                ignore: rule_list("--ignore", ignore, selection::parse_list)?,
                ..CheckOptions::default()
            };
            let report = stacklint::check(&source, &options);
            let output = render::render(&report, format, use_color(color));
            print(&output);
            if report.summary.manifests == 0 {
                // Pointing at the wrong folder must not look like a clean repository.
                eprintln!(
                    "warning: no meta.yml found below `{}`; is this an image repository?",
                    dir.display()
                );
            }
            Ok(if report.max_severity() >= Some(Severity::Error) {
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
            let source = DirSource::open(&dir)
                .map_err(|error| format!("cannot read `{}`: {error}", dir.display()))?;
            let options = CheckOptions {
                config_file: config_file(config, no_config)?,
                ..CheckOptions::default()
            };
            let graph = stacklint::check::graph(&source, &options, image.as_deref())?;
            let format = match format {
                GraphFormatArg::Text => stacklint::render::graph::GraphFormat::Text,
                GraphFormatArg::Dot => stacklint::render::graph::GraphFormat::Dot,
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
