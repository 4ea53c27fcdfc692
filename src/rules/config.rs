//! C: the configuration itself: `.stacklint.toml` and inline `# stacklint: ignore[...]`
//! comments. These findings are produced while the configuration is read
//! ([`crate::policy::config_file`]), applied ([`crate::policy::suppress`]) and compared with
//! the base's ([`crate::policy::relaxation`]), not by walking the repository, so the family's
//! `check` has nothing to add.

use crate::diagnostic::Finding;
use crate::model::context::Context;
use crate::rule;

rule! {
    /// The configuration file `.stacklint.toml` (or the file given with `--config`) has a
    /// mistake: a TOML syntax error, a key stacklint does not know, a value of the wrong type,
    /// a rule code or name that does not exist, a severity other than `error`, `warning`,
    /// `info` or `off`, or a release that is not a valid OS release.
    ///
    /// The finding points at the exact key or value and names the nearest valid one.
    /// A file with a syntax error is not used at all: the check runs with the defaults, so a
    /// broken configuration never hides findings. Other mistakes drop only the wrong item.
    ///
    /// ```toml
    /// ignore = ["P003", "orphan-dockerfile"]   # codes or names
    /// select = ["Y", "P001"]                    # only these: a family letter, a prefix or a code
    /// [severity]
    /// P004 = "error"                            # error | warning | info | off
    /// [[releases]]
    /// suffix = "2603lts"                        # or dir = "26.03-lts"
    /// [stack]
    /// framework_images = ["paddle"]
    /// ```
    ///
    /// `select` never hides this rule: a typo in the configuration is always reported.
    ///
    /// Fix: none: the configuration is policy, and changing it is the maintainers' call.
    pub static INVALID_CONFIG = ("C001", "invalid-config", Error, "the configuration file has a syntax error, an unknown key, code or severity");
}

rule! {
    /// A `# stacklint: ignore[CODE, ...]` comment that does not do what it says: it silences
    /// no finding (the mistake was fixed, or the comment sits on the wrong line), it names a
    /// rule that does not exist, it names no rule at all, or it is not a directive stacklint
    /// knows.
    ///
    /// A suppression comment applies to findings of the named rules (by code or name) whose
    /// location starts on the comment's own line; a comment alone on its line also applies to
    /// the line directly below it:
    ///
    /// ```yaml
    /// # stacklint: ignore[T005]
    /// 2.1-oe2403lts:
    ///   path: Bigdata/spark/2.0/24.03-lts/Dockerfile   # stacklint: ignore[P003]
    /// ```
    ///
    /// Only real comments count: a `#` inside a quoted, plain or block YAML value is text, and
    /// in a Dockerfile only a whole line is a comment (after an instruction, `#` is part of its
    /// arguments), so put a Dockerfile suppression on the line above the instruction.
    ///
    /// Remove stale suppressions, so that they cannot hide a new mistake on that line later.
    /// `# stacklint: ignore` without codes is refused for the same reason: the help lists the
    /// codes found on the line, to name them explicitly. A suppression of a rule that is
    /// switched off (by `select`, `ignore` or `severity`) is not reported.
    ///
    /// Fix: safe for a suppression that silences nothing: the stale code is removed from the
    /// list, or the whole comment (its line, when it stands alone). Unsafe for a misspelt
    /// code or directive word (`invalid-arh`, `disable[...]`): the correction, which then
    /// silences what the author meant it to. None for a blanket `ignore` on a line with
    /// findings: which of them to silence is the author's call.
    pub static UNUSED_SUPPRESSION = ("C002", "unused-suppression", Warning, "an inline suppression silences nothing, names an unknown rule or no rule");
}

rule! {
    /// A pull request changes `.stacklint.toml` so that it checks less: it switches rules off
    /// (`ignore`, a narrower `select`, `severity = "off"`) or lowers their severity. A change
    /// is checked with the policy of its base, so the relaxed policy applies only after the
    /// change is merged; this finding puts the relaxation in front of the reviewer.
    ///
    /// When the new policy is meant, the reviewer approves it with the change; an action
    /// input (`policy: head`) or `--policy-from head` checks a change with its own policy.
    ///
    /// Fix: none: whether the relaxation is meant is the reviewer's decision.
    pub static POLICY_RELAXED = ("C003", "policy-relaxed", Warning, "the change switches rules off or lowers their severity in .stacklint.toml");
}

rule! {
    /// The baseline file (`--baseline FILE`, or `baseline = "…"` in `.stacklint.toml`) cannot be
    /// used: it is not valid JSON, it does not have the shape `stacklint check
    /// --write-baseline` writes, it was written by a newer stacklint (a later `version`), or
    /// the file the configuration names does not exist. Without it every finding is reported.
    ///
    /// Fix: none: a baseline is written from a check (`--write-baseline`), not repaired.
    pub static INVALID_BASELINE = ("C004", "invalid-baseline", Error, "the baseline file cannot be read, or is of a newer version");
}

rule! {
    /// An entry of the baseline matches no finding any more: the mistake it recorded was
    /// fixed (or moved to another file). Remove the entry, or write the baseline again with
    /// `stacklint check --write-baseline FILE`, so the file shrinks as findings are fixed and
    /// cannot hide the same mistake when it comes back.
    ///
    /// Fix: none: a baseline is JSON written by `--write-baseline`; writing it again is the
    /// fix, and that is a command, not an edit.
    pub static STALE_BASELINE_ENTRY = ("C005", "stale-baseline-entry", Warning, "a baseline entry matches no finding any more");
}

pub static RULES: &[&crate::rules::Rule] = &[
    &INVALID_CONFIG,
    &UNUSED_SUPPRESSION,
    &POLICY_RELAXED,
    &INVALID_BASELINE,
    &STALE_BASELINE_ENTRY,
];

/// The C findings come from reading and applying the configuration, before and after the
/// other families run (see [`crate::check`]).
pub fn check(_context: &Context, _out: &mut Vec<Finding>) {}
