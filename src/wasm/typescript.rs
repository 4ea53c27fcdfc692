//! The TypeScript declarations of the WASM API's plain-object types (the JSON v1 report, the
//! options, fixes, annotations), appended to `stacklint.d.ts` by wasm-bindgen; docs/wasm-api.md
//! describes the same types in prose. Members are only added, never changed.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/**
 * One file: its text; null for "exists, not read"; its raw bytes (checked like a file on disk:
 * NUL bytes, UTF-8, size); or why the caller could not read it.
 */
export type FileContent =
  | string
  | null
  | Uint8Array
  | { unreadable: "too-large"; bytes: number }
  | { unreadable: "outside-root" }
  | { unreadable: "io"; message?: string };

/** The repository: repository-relative path -> content. */
export type Files = Record<string, FileContent> | Map<string, FileContent>;

export type Severity = "error" | "warning" | "info";

/** Output formats, as for the CLI's `--format`. */
export type Format = "human" | "json" | "github" | "sarif" | "markdown" | "rdjson";

export interface CheckOptions {
  /**
   * What is reported. A list of changed paths (as before): only findings in the images they
   * affect (the whole repository is still read). `"all"`: every finding; `"changed"`: what
   * the change affects; `"new"` (needs `base`): only what the change introduced. Absent or
   * null: `"new"` with a base, else everything.
   */
  scope?: string[] | "all" | "changed" | "new" | null;
  /**
   * The base of a change, in the same form as `files`: every finding gets a status, the
   * history rules run, and the base's `.stacklint.toml` is the policy.
   */
  base?: Files | null;
  /** Paths the caller knows changed besides what comparing the trees shows. */
  changed?: string[] | null;
  /** Whose `.stacklint.toml` judges a change: "base" (default) or "head". */
  policy?: "base" | "head" | null;
  /**
   * A baseline (what `stacklint check --write-baseline` writes): its findings are not
   * reported; entries matching nothing are C005 findings under `path`. Without it, a
   * `baseline` key of `.stacklint.toml` names one among `files`.
   */
  baseline?: { path: string; text: string } | null;
  /**
   * Run only these rules: codes, names or code prefixes (`["Y", "P001"]`). Replaces `select`
   * of the repository's `.stacklint.toml`. Absent or null: the file's, or every rule.
   */
  select?: string[] | null;
  /** Do not run these rules (codes, names or prefixes). Replaces `ignore` of `.stacklint.toml`. */
  ignore?: string[] | null;
  /**
   * A configuration file to use instead of the repository's `.stacklint.toml` (the CLI's
   * `--config`): its findings are reported under `path`.
   */
  config?: { path: string; text: string } | null;
}

export interface FixOptions extends CheckOptions {
  /** Also apply the unsafe fixes (guesses to review, tag renames). Default false. */
  unsafe?: boolean;
  /** The checked folder relative to the repository root, put in front of the patch's paths. */
  prefix?: string;
}

export interface RenderOptions extends CheckOptions {
  /** Default "human". */
  format?: Format;
  /** ANSI colours in human output. Default false. */
  color?: boolean;
}

/** A second location that explains a diagnostic. Lines and columns are 1-based. */
export interface Related {
  path: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  message: string;
}

/**
 * One edit of a fix: replace the range with `replacement` (an empty range inserts).
 * `start`/`end` are byte offsets into the file's UTF-8 text; the lines and columns are the
 * same range as for diagnostics (1-based, Unicode characters, `end_column` exclusive).
 */
export interface Edit {
  path: string;
  start: number;
  end: number;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  replacement: string;
}

/** How to repair a diagnostic. The edits never overlap; a fix may edit several files. */
export interface Fix {
  message: string;
  /** `safe`: evidently what the author meant; `unsafe`: a guess to review, or a tag rename. */
  applicability: "safe" | "unsafe";
  /** The tag of the diagnostic's manifest the fix renames (a published image would move). */
  renames_tag: string | null;
  edits: Edit[];
}

/**
 * One finding. Lines and columns are 1-based; columns count Unicode characters (not UTF-16
 * units); `end_column` is exclusive.
 */
export interface Diagnostic {
  code: string;
  name: string;
  severity: Severity;
  path: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
  message: string;
  help: string | null;
  related: Related[];
  /**
   * Identifies the finding across commits (rule, path, flagged text, message without line
   * numbers): 16 hex digits, the same wherever the finding moves in its file.
   */
  fingerprint: string;
  /** With a base: "new" (the change introduced it) or "existing"; null without a base. */
  status: "new" | "existing" | null;
  /** The fix, when a rule knows one; null otherwise. */
  fix: Fix | null;
}

/** Counts of the reported diagnostics, and of what was read. */
export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  manifests: number;
  entries: number;
  /** Findings the base had already in what the change touched, not reported (scope "new"). */
  existing: number;
}

/** The JSON contract shared with `stacklint check --format json`. */
export interface Report {
  version: 1;
  summary: Summary;
  diagnostics: Diagnostic[];
  /** With scope "new": the existing findings in what the change touched; else empty. */
  existing: Diagnostic[];
}

export interface RuleInfo {
  code: string;
  name: string;
  default_severity: Severity;
  summary: string;
  /** The rule's documentation (`docs/rules.md#<code>`). */
  help_uri: string;
  /** What the rule's fixes can be at best. */
  fix: "safe" | "unsafe" | "none";
}

/** A fix `applyFixes` did not apply, and why. */
export interface SkippedFix {
  code: string;
  path: string;
  line: number;
  column: number;
  /** The fix's message. */
  message: string;
  /** `more-findings`: it would reveal more than it removes; the others are bugs in stacklint. */
  reason: "more-findings" | "invalid-yaml" | "unresolved" | "too-large";
  /** The reason as a sentence. */
  description: string;
}

/** What `applyFixes` did. */
export interface FixResult {
  /** The new text of every file the fixes changed (files left alone are not listed). */
  files: Record<string, string>;
  /** The report on the fixed files. */
  report: Report;
  /** Fixes applied per rule, sorted by code. */
  applied: { code: string; count: number }[];
  /** The same as text, as the CLI prints it: `A001 ×2, P003 ×1` (empty when none). */
  counts: string;
  skipped: SkippedFix[];
  /** Every change as one unified diff (`git apply` / `patch -p1`), paths under `prefix`. */
  patch: string;
  /** False only when the fixes did not settle within the round limit (a bug). */
  converged: boolean;
}



/** What `Workspace.fix` applies. */
export interface WorkspaceFixOptions {
  /** Also the unsafe fixes. Default false. */
  unsafe?: boolean;
  /** Only the fixes of findings in these files (an editor's "fix all" on one document). */
  focus?: string[] | null;
}

/** What `Workspace.fix` did: `applyFixes`' answer, and the edits an editor applies. */
export interface WorkspaceFix extends FixResult {
  /**
   * For each changed file, the edits turning its text in the workspace into its fixed text:
   * one per run of changed lines, narrowed to the characters that differ, located in the
   * text before (byte offsets and lines/columns as for diagnostics), sorted by path.
   */
  edits: Edit[];
}

/**
 * One finding as a GitHub annotation: the arguments of `@actions/core`'s
 * `error|warning|notice(message, properties)`. Lines 1-based; columns only on one-line
 * ranges, `endColumn` inclusive (GitHub's reading).
 */
export interface Annotation {
  level: "error" | "warning" | "notice";
  /** The repository path: the checked folder's prefix in front of the finding's path. */
  file: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
  /** `P001 dockerfile-missing`. */
  title: string;
  /** The message, then `help: …`, then `note: path:line:column: …` per related location. */
  message: string;
}

/** Where a finding's file opens: `<serverUrl>/<repository>/blob/<sha>/<path>#L<line>`. */
export interface BlobLinks {
  serverUrl: string;
  repository: string;
  sha: string;
}

export interface MarkdownOptions {
  /** The checked folder relative to the repository root; default "". */
  prefix?: string;
  links?: BlobLinks | null;
  /** One plain-text sentence after the counts (what was checked). */
  note?: string | null;
  /** Stop adding rows before this many bytes (GitHub's step summary takes at most 1 MiB). */
  maxBytes?: number | null;
  /** After the table, each fix as a `diff` block of its change. Default false. */
  fixes?: boolean;
}

/** What an image is built on, as `stacklint graph` says it. */
export interface GraphParent {
  kind: "in-repo" | "dangling" | "os-base" | "external" | "unresolved" | "invalid" | "none";
  /** In-repo parents by their published name, others as written; null for "none". */
  image: string | null;
  /** The reference as the Dockerfile writes it, when that differs from `image`. */
  written?: string;
}

/** One declared image of the graph (`stacklint graph --format json`). */
export interface GraphImage {
  /** `openeuler/cann:8.0.RC1-oe2203sp4`. */
  image: string;
  name: string;
  tag: string;
  /** The meta.yml declaring the tag. */
  manifest: string;
  /** The Dockerfile it is built from; null when none could be read. */
  dockerfile: string | null;
  parent: GraphParent;
  /** Published names of the images built on this one. */
  children: string[];
  /** Its layer of the AI stack; null for images that are none. */
  layer: "sdk" | "framework" | "llm" | null;
  /** The tag key in the manifest (1-based, `end_column` exclusive) and its entry's last line. */
  declared: { line: number; column: number; end_line: number; end_column: number; last_line: number };
  /** The repository path the entry's `path` names when no file is there. */
  missing_dockerfile: string | null;
  /** The parent the stack tag implies (oEEP-0014), by published name. */
  implied_parent: string | null;
}

export interface Graph {
  images: GraphImage[];
}

/** One rule under the repository's `.stacklint.toml`. */
export interface RuleSetting {
  code: string;
  /** What it reports at; null when it is off (by `[severity]`, `select` or `ignore`). */
  severity: Severity | null;
  /** What `[severity]` says about it; null when nothing. */
  configured: Severity | "off" | null;
}

export interface Policy {
  /** The configuration file read, or null without one. */
  path: string | null;
  /** Every rule, sorted by code. */
  rules: RuleSetting[];
}

/** The options of a `Workspace`: what a check of it runs with. */
export interface WorkspaceOptions {
  select?: string[] | null;
  ignore?: string[] | null;
  /** A configuration file to use instead of the repository's `.stacklint.toml`. */
  config?: { path: string; text: string } | null;
  baseline?: { path: string; text: string } | null;
}

/** A range of a file: lines 1-based, columns 1-based in Unicode characters, `end_column` exclusive. */
export interface Location {
  path: string;
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

/** A tag read as oEEP-0014 reads it. */
export interface TagParts {
  /** The published image name. */
  image: string;
  tag: string;
  layer: "SDK" | "framework" | "LLM" | null;
  /** The image's own version (an LLM image's application name). */
  version: string;
  sdk: string | null;
  framework: string | null;
  extras: string[];
  /** `openEuler 24.03 LTS` */
  os: string;
  /** `oe2403lts` */
  os_suffix: string;
  dev: boolean;
  /** The parent the tag implies: its image and every accepted spelling of its tag. */
  implies: { image: string; tags: string[] } | null;
}

/** What a `FROM` (or the `ARG` default it takes) is built on. */
export interface ParentInfo {
  kind: "in-repo" | "dangling" | "os-base" | "external" | "stage" | "unresolved" | "invalid" | "none";
  /** The reference after `ARG` substitution. */
  reference: string | null;
}

/** What is at a position (`Workspace.inspect`). */
export interface Inspection {
  kind: "rule" | "tag" | "entry-path" | "image-folder" | "parent";
  /** The word the answer is about. */
  range: Location;
  /** The answer as Markdown, for a hover. */
  hover: string;
  /** Where "go to definition" leads: a tag's key in its parent's meta.yml, a folder's meta.yml, a path's file. */
  targets: Location[];
  rule?: RuleInfo;
  tag?: TagParts;
  parent?: ParentInfo;
}

/** A range of a file that names another file of the repository. */
export interface Link {
  range: Location;
  target: string;
}

/** Replace `range` with `text`. */
export interface TextEdit {
  range: Location;
  text: string;
}

/** What the core reads: every shell reads exactly these files (see `needsContent`). */
export interface Limits {
  /** Larger files are reported (F001), not parsed: pass `{unreadable: "too-large", bytes}`. */
  maxFileBytes: number;
}
"#;
