//! The stack tag grammar of oEEP-0014, read on `name + tag` as one identity and parsed from the
//! right: optional `-dev`, the OS suffix, then `-`-separated `<component><version>` parts. The
//! leading part is the image's own version (optionally prefixed by its own name:
//! `pytorch2.1.0.a1`) or, for LLM images, an application name (`chatglm2_6b`).

use std::collections::BTreeSet;
use std::ops::Range;

use crate::diagnostic::Severity;
use crate::domain::os_release::OsRelease;
use crate::domain::tables::StackTables;
use crate::domain::tag;

/// Which layer of the stack an image is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Sdk,
    Framework,
    Llm,
}

impl Layer {
    pub fn of(name: &str, tables: &StackTables) -> Option<Layer> {
        let has = |list: &BTreeSet<String>| list.contains(name);
        if has(&tables.sdk_images) {
            Some(Layer::Sdk)
        } else if has(&tables.framework_images) {
            Some(Layer::Framework)
        } else if has(&tables.llm_images) {
            Some(Layer::Llm)
        } else {
            None
        }
    }

    /// `sdk`, `framework`, `llm`: the layer in machine-readable output.
    pub fn id(self) -> &'static str {
        match self {
            Layer::Sdk => "sdk",
            Layer::Framework => "framework",
            Layer::Llm => "llm",
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Layer::Sdk => "SDK",
            Layer::Framework => "framework",
            Layer::Llm => "LLM",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComponentKind {
    Sdk,
    Framework,
    Extra,
    Unknown,
}

/// One `<name><version>` part, e.g. `cann8.0.RC1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    pub name: String,
    pub version: String,
    pub kind: ComponentKind,
    /// Byte range of the part inside the tag.
    pub range: Range<usize>,
}

impl Component {
    /// `cann8.0.RC1`.
    pub fn spelled(&self) -> String {
        format!("{}{}", self.name, self.version)
    }
}

/// A grammar violation, located inside the tag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub range: Range<usize>,
    pub severity: Severity,
    pub message: String,
    pub help: Option<String>,
}

/// A tag read as a stack identity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StackTag {
    /// `None` for images that are not stack layers (their tags are still readable).
    pub layer: Option<Layer>,
    /// The image's own version with a repeated name removed (`2.1.0.a1`), or the application
    /// name of an LLM image; empty when the tag starts with a component.
    pub own: String,
    pub components: Vec<Component>,
    pub os: OsRelease,
    pub dev: bool,
    pub problems: Vec<Problem>,
}

impl StackTag {
    pub fn first(&self, kind: ComponentKind) -> Option<&Component> {
        self.components.iter().find(|c| c.kind == kind)
    }

    pub fn extras(&self) -> impl Iterator<Item = &Component> {
        self.components
            .iter()
            .filter(|c| c.kind == ComponentKind::Extra)
    }

    /// Whether this identity carries `component` at its version: either as one of its parts,
    /// or as the image itself (`openeuler/cann:8.0.RC1-…` carries `cann8.0.RC1`).
    pub fn carries(&self, image: &str, component: &Component) -> Match {
        let own = (image == component.name).then_some(self.own.as_str());
        let parts = self
            .components
            .iter()
            .filter(|c| c.name == component.name)
            .map(|c| c.version.as_str());
        own.into_iter()
            .chain(parts)
            .map(|version| compare_versions(version, &component.version))
            .max()
            .unwrap_or(Match::No)
    }
}

/// How well a version found matches the one expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Match {
    No,
    /// Equal except for letter case (`8.1.rc1` and `8.1.RC1`).
    CaseOnly,
    Exact,
}

pub fn compare_versions(found: &str, expected: &str) -> Match {
    if found == expected {
        Match::Exact
    } else if found.eq_ignore_ascii_case(expected) {
        Match::CaseOnly
    } else {
        Match::No
    }
}

/// Reads `name:tag`. `None` when the tag has no well-formed OS suffix (the tag rules report that).
pub fn read(name: &str, full_tag: &str, tables: &StackTables) -> Option<StackTag> {
    let parts = tag::split(full_tag)?;
    let layer = Layer::of(name, tables);
    let mut problems = Vec::new();
    let mut pieces = Vec::new();
    let mut at = 0;
    for piece in parts.head.split('-') {
        pieces.push((piece, at..at + piece.len()));
        at += piece.len() + 1;
    }
    let mut own = String::new();
    let mut components = Vec::new();
    for (i, (piece, range)) in pieces.into_iter().enumerate() {
        if piece.eq_ignore_ascii_case("dev") {
            problems.push(Problem {
                range,
                severity: Severity::Error,
                message: "`-dev` must come last, after the OS suffix".into(),
                help: Some("move `-dev` to the end of the tag, e.g. `pytorch2.1.0-cann7.0.RC1-oe2203sp2-dev`".into()),
            });
            continue;
        }
        if i == 0 {
            if let Some(version) = own_version(name, piece) {
                own = version.to_string();
                continue;
            }
            let component = component(piece, range.clone(), tables);
            let is_known = matches!(
                component.kind,
                ComponentKind::Sdk | ComponentKind::Framework
            );
            if !is_known || component.version.is_empty() {
                // An application name (LLM images) or a version-less label.
                if layer.is_some() && layer != Some(Layer::Llm) {
                    problems.push(Problem {
                        range,
                        severity: Severity::Error,
                        message: format!(
                            "a {} tag must start with the image's own version, found `{piece}`",
                            layer.map_or("stack", Layer::noun)
                        ),
                        help: Some(format!("start the tag with the {name} version, e.g. `2.2.0-…` or `{name}2.2.0-…`")),
                    });
                }
                own = piece.to_string();
                continue;
            }
            components.push(component);
            continue;
        }
        components.push(component(piece, range, tables));
    }
    let mut tag = StackTag {
        layer,
        own,
        components,
        os: parts.os,
        dev: parts.dev,
        problems,
    };
    if layer.is_some() {
        check_components(name, parts.head.len(), &mut tag, tables);
    }
    Some(tag)
}

/// At most this many names in a help's list: a configuration may know thousands.
const LISTED_NAMES: usize = 20;

/// `a, b, c`, or the first names and `…`.
fn listed(names: &BTreeSet<&str>) -> String {
    let shown: Vec<&str> = names.iter().copied().take(LISTED_NAMES).collect();
    if names.len() > LISTED_NAMES {
        format!("{}, …", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

/// The leading part as the image's own version: `2.2.0`, or `pytorch2.1.0.a1` for `pytorch`.
fn own_version<'p>(name: &str, piece: &'p str) -> Option<&'p str> {
    let version = piece.strip_prefix(name).unwrap_or(piece);
    version
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some(version)
}

fn component(piece: &str, range: Range<usize>, tables: &StackTables) -> Component {
    // On equal names the later table wins, as a configuration's addition should.
    let known = [
        (&tables.extra_components, ComponentKind::Extra),
        (&tables.framework_components, ComponentKind::Framework),
        (&tables.sdk_components, ComponentKind::Sdk),
    ];
    // The longest known name followed by a digit: `torch_npu2.5.1` is `torch_npu`, not `torch`.
    // Only the prefixes that end before a digit (or the whole piece) can be that name.
    let ends = piece
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(at, _)| at)
        .chain(std::iter::once(piece.len()));
    let mut best: Option<(&str, ComponentKind)> = None;
    for end in ends {
        let name = &piece[..end];
        if let Some((_, kind)) = known.iter().find(|(names, _)| names.contains(name)) {
            best = Some((name, *kind));
        }
    }
    let (name, kind) = match best {
        Some(found) => found,
        None => {
            let end = piece
                .find(|c: char| c.is_ascii_digit())
                .unwrap_or(piece.len());
            (&piece[..end], ComponentKind::Unknown)
        }
    };
    Component {
        name: name.to_string(),
        version: piece[name.len()..].to_string(),
        kind,
        range,
    }
}

fn check_components(name: &str, head_len: usize, tag: &mut StackTag, tables: &StackTables) {
    let mut problems = Vec::new();
    for c in &tag.components {
        if c.name.is_empty() {
            problems.push(Problem {
                range: c.range.clone(),
                severity: Severity::Error,
                message: format!("component `{}` has no name", c.version),
                help: Some(
                    "write each component as `<name><version>`, e.g. `cann8.0.RC1` or `python3.11`"
                        .into(),
                ),
            });
        } else if c.version.is_empty() {
            problems.push(Problem {
                range: c.range.clone(),
                severity: Severity::Error,
                message: format!("component `{}` has no version", c.name),
                help: Some(format!(
                    "write the version right after the name, e.g. `{}1.0`",
                    c.name
                )),
            });
        } else if c.kind == ComponentKind::Unknown {
            // The first names of each sorted set are the first of their union.
            let known: BTreeSet<&str> = [
                &tables.sdk_components,
                &tables.framework_components,
                &tables.extra_components,
            ]
            .into_iter()
            .flat_map(|names| names.iter().take(LISTED_NAMES + 1))
            .map(String::as_str)
            .collect();
            problems.push(Problem {
                range: c.range.clone(),
                severity: Severity::Info,
                message: format!("unknown stack component `{}`", c.name),
                help: Some(format!("known components: {}", listed(&known))),
            });
        }
    }
    // Missing components are reported on the whole head of the tag.
    let whole = 0..head_len;
    // Version-less components count here too: they are reported once, above.
    let named =
        |kind| -> Vec<&Component> { tag.components.iter().filter(|c| c.kind == kind).collect() };
    let sdks = named(ComponentKind::Sdk);
    let frameworks = named(ComponentKind::Framework);
    match tag.layer {
        Some(Layer::Framework) if sdks.len() != 1 => {
            let found = if sdks.is_empty() {
                "no SDK component".to_string()
            } else {
                let list: Vec<String> = sdks.iter().map(|c| format!("`{}`", c.spelled())).collect();
                format!("{} SDK components ({})", sdks.len(), list.join(", "))
            };
            problems.push(Problem {
                range: whole,
                severity: Severity::Error,
                message: format!("framework tag names {found}; exactly one is expected"),
                help: Some(format!("write `<{name}-version>-<sdk><sdk-version>-oe<release>`, e.g. `2.2.0-cann8.0.RC1-oe2203sp4`")),
            });
        }
        Some(Layer::Llm) if sdks.is_empty() || frameworks.is_empty() => {
            let missing = match (frameworks.is_empty(), sdks.is_empty()) {
                (true, true) => "a framework and an SDK component",
                (true, false) => "a framework component",
                _ => "an SDK component",
            };
            problems.push(Problem {
                range: whole,
                severity: Severity::Error,
                message: format!("LLM tag names no {}", missing.trim_start_matches("a ").trim_start_matches("an ")),
                help: Some("write `<app>-<framework><version>-<sdk><version>-oe<release>`, e.g. `chatglm2_6b-pytorch2.1.0-cann8.0.RC1-oe2203sp4`".into()),
            });
        }
        Some(Layer::Llm) => {
            if let (Some(sdk), Some(framework)) = (sdks.first(), frameworks.first()) {
                if sdk.range.start < framework.range.start {
                    problems.push(Problem {
                        range: sdk.range.start..framework.range.end,
                        severity: Severity::Info,
                        message: format!(
                            "the SDK `{}` comes before the framework `{}`; oEEP-0014's format puts the framework first",
                            sdk.spelled(),
                            framework.spelled()
                        ),
                        help: Some(format!("prefer `…-{}-{}-oe…`", framework.spelled(), sdk.spelled())),
                    });
                }
            }
        }
        _ => {}
    }
    tag.problems.extend(problems);
    crate::sort::sort_by_key(&mut tag.problems, |p| (p.range.start, p.range.end));
}

/// The layer a stack tag says it is built on: its image name and the tags that spell it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpliedParent {
    pub image: String,
    /// Every accepted spelling, preferred first.
    pub tags: Vec<String>,
    /// The components the parent must carry (its own version included).
    pub carries: Vec<Component>,
}

/// The parent a framework or LLM tag implies; `None` for SDK images and tags that do not name
/// their layers (T006 reports those).
pub fn implied_parent(tag: &StackTag) -> Option<ImpliedParent> {
    let sdk = tag
        .first(ComponentKind::Sdk)
        .filter(|c| !c.version.is_empty())?;
    let os = format!("oe{}", tag.os.suffix());
    let extras: Vec<String> = tag.extras().map(Component::spelled).collect();
    let with_extras = |head: String| -> Vec<String> {
        let mut tags = vec![format!("{head}-{os}")];
        if !extras.is_empty() {
            tags.push(format!("{head}-{}-{os}", extras.join("-")));
        }
        tags
    };
    match tag.layer? {
        Layer::Framework => {
            let mut tags = with_extras(sdk.version.clone());
            tags.extend(with_extras(sdk.spelled()));
            Some(ImpliedParent {
                image: sdk.name.clone(),
                tags,
                carries: vec![sdk.clone()],
            })
        }
        Layer::Llm => {
            let framework = tag
                .first(ComponentKind::Framework)
                .filter(|c| !c.version.is_empty())?;
            let mut tags = with_extras(format!("{}-{}", framework.version, sdk.spelled()));
            tags.extend(with_extras(format!(
                "{}-{}",
                framework.spelled(),
                sdk.spelled()
            )));
            Some(ImpliedParent {
                image: framework.name.clone(),
                tags,
                carries: vec![framework.clone(), sdk.clone()],
            })
        }
        Layer::Sdk => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_ok(name: &str, tag: &str) -> StackTag {
        read(name, tag, &StackTables::default()).expect(tag)
    }

    fn messages(tag: &StackTag) -> Vec<(Severity, String)> {
        tag.problems
            .iter()
            .map(|p| (p.severity, p.message.clone()))
            .collect()
    }

    #[test]
    fn framework_tags_in_both_spellings() {
        for tag in [
            "2.2.0-cann8.0.RC1-oe2203sp4",
            "pytorch2.2.0-cann8.0.RC1-oe2203sp4",
        ] {
            let t = read_ok("pytorch", tag);
            assert_eq!(t.own, "2.2.0");
            assert_eq!(
                t.first(ComponentKind::Sdk).map(Component::spelled),
                Some("cann8.0.RC1".into())
            );
            assert!(t.problems.is_empty(), "{:?}", t.problems);
            let parent = implied_parent(&t).expect("parent");
            assert_eq!(parent.image, "cann");
            assert_eq!(parent.tags, ["8.0.RC1-oe2203sp4", "cann8.0.RC1-oe2203sp4"]);
        }
    }

    #[test]
    fn llm_tags_with_app_names_versions_and_extras() {
        let t = read_ok(
            "llm",
            "chatglm2_6b-pytorch2.1.0.a1-cann7.0.RC1.alpha002-oe2203sp2",
        );
        assert_eq!(t.own, "chatglm2_6b");
        assert!(t.problems.is_empty(), "{:?}", t.problems);
        let parent = implied_parent(&t).expect("parent");
        assert_eq!(parent.image, "pytorch");
        assert_eq!(parent.tags[0], "2.1.0.a1-cann7.0.RC1.alpha002-oe2203sp2");
        assert_eq!(
            parent.tags[1],
            "pytorch2.1.0.a1-cann7.0.RC1.alpha002-oe2203sp2"
        );

        let t = read_ok(
            "vllm-ascend",
            "0.7.3rc2-torch_npu2.5.1-cann8.0.0-python3.10-oe2203lts",
        );
        assert_eq!(t.own, "0.7.3rc2");
        let names: Vec<&str> = t.components.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["torch_npu", "cann", "python"]);
        assert!(t.problems.is_empty(), "{:?}", t.problems);
        let parent = implied_parent(&t).expect("parent");
        assert_eq!(parent.image, "torch_npu");
        assert!(parent
            .tags
            .contains(&"2.5.1-cann8.0.0-python3.10-oe2203lts".to_string()));
    }

    #[test]
    fn the_specs_own_order_is_accepted_with_an_info() {
        let t = read_ok(
            "llm",
            "chatglm6b-cann7.0.RC1.alpha002-pytorch2.1.0-oe2203sp2",
        );
        assert_eq!(messages(&t).len(), 1);
        assert_eq!(t.problems[0].severity, Severity::Info);
        assert!(implied_parent(&t).is_some());
    }

    #[test]
    fn violations() {
        let t = read_ok("pytorch", "2.2.0-oe2203sp4");
        assert_eq!(
            messages(&t),
            [(
                Severity::Error,
                "framework tag names no SDK component; exactly one is expected".into()
            )]
        );
        let t = read_ok("pytorch", "2.2.0-cann8.0-cuda12.1-oe2203sp4");
        assert!(messages(&t)[0]
            .1
            .contains("2 SDK components (`cann8.0`, `cuda12.1`)"));
        let t = read_ok("llm", "chat-cann8.0-oe2203sp4");
        assert_eq!(
            messages(&t),
            [(
                Severity::Error,
                "LLM tag names no framework component".into()
            )]
        );
        let t = read_ok("pytorch", "2.2.0-cann-oe2203sp4");
        assert!(messages(&t)
            .iter()
            .any(|(s, m)| *s == Severity::Error && m == "component `cann` has no version"));
        let t = read_ok("pytorch", "2.2.0-dev-cann8.0-oe2203sp4");
        assert_eq!(
            messages(&t)[0].1,
            "`-dev` must come last, after the OS suffix"
        );
        let t = read_ok("pytorch", "2.2.0-cann8.0-foo1.2-oe2203sp4");
        assert_eq!(
            messages(&t),
            [(Severity::Info, "unknown stack component `foo`".into())]
        );
        let t = read_ok("pytorch", "2.2.0-cann8.0-oe2203sp4-dev");
        assert!(t.dev && t.problems.is_empty());
    }

    #[test]
    fn sdk_and_non_stack_images_are_read_without_layer_rules() {
        let t = read_ok("cuda", "11.8.0-cudnn8.9.0-oe2203lts");
        assert!(t.problems.is_empty());
        assert_eq!(t.own, "11.8.0");
        let t = read_ok("cann", "cann7.0.RC1.alpha002-oe2203sp2");
        assert_eq!(t.own, "7.0.RC1.alpha002");
        let t = read_ok("nginx", "whatever-oe2403lts");
        assert!(t.layer.is_none() && t.problems.is_empty());
        assert!(read("pytorch", "2.2.0", &StackTables::default()).is_none());
    }

    #[test]
    fn carries_compares_own_versions_and_parts_with_case() {
        let tables = StackTables::default();
        let parent = read_ok("cann", "8.1.RC1-python3.11-oe2203lts");
        let child = read("pytorch", "2.5.1-cann8.1.rc1-oe2203lts", &tables).expect("child");
        let sdk = child.first(ComponentKind::Sdk).expect("sdk");
        assert_eq!(parent.carries("cann", sdk), Match::CaseOnly);
        let llm_parent = read_ok("llm", "fastchat-pytorch2.1.0-cann8.0-oe2203sp4");
        let child = read_ok("llm", "chat-pytorch2.1.0-cann8.0-oe2203sp4");
        for c in &child.components {
            assert_eq!(llm_parent.carries("llm", c), Match::Exact);
        }
    }
}
