//! The rule reference and the README's rule table are generated; these tests fail when they
//! drift from the rules' source. `STACKLINT_BLESS=1` rewrites them.

use std::fs;
use std::path::Path;

use stacklint::render::rules as docs;

const TABLE_START: &str = "<!-- rules:start -->\n";
const TABLE_END: &str = "<!-- rules:end -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("STACKLINT_BLESS").is_some()
}

#[test]
fn docs_rules_md_is_generated_from_the_rules() {
    let path = root().join("docs/rules.md");
    let expected = docs::reference();
    if bless() {
        fs::write(&path, &expected).expect("write docs/rules.md");
    }
    let actual = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/rules.md is stale: run `STACKLINT_BLESS=1 cargo test --test docs`"
    );
}

#[test]
fn readme_rule_table_is_generated_from_the_rules() {
    let path = root().join("README.md");
    let readme = fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(TABLE_START)
        .expect("README has a rules:start marker")
        + TABLE_START.len();
    let end = readme
        .find(TABLE_END)
        .expect("README has a rules:end marker");
    let table = docs::table();
    if bless() && readme[start..end] != table {
        let updated = format!("{}{}{}", &readme[..start], table, &readme[end..]);
        fs::write(&path, updated).expect("write README.md");
        return;
    }
    assert!(
        readme[start..end] == table,
        "the README rule table is stale: run `STACKLINT_BLESS=1 cargo test --test docs`"
    );
}

#[test]
fn the_json_schemas_are_generated_from_the_rules_definitions() {
    use stacklint::render::schema::{self, SchemaKind};
    for kind in SchemaKind::ALL {
        let path = root().join("schemas").join(kind.file_name());
        let expected = schema::render(kind);
        if bless() {
            fs::create_dir_all(root().join("schemas")).expect("create schemas/");
            fs::write(&path, &expected).expect("write the schema");
        }
        let actual = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            actual == expected,
            "schemas/{} is stale: run `STACKLINT_BLESS=1 cargo test --test docs`",
            kind.file_name()
        );
    }
}

#[test]
fn stacklint_schema_prints_the_committed_schemas() {
    for (kind, file) in [
        ("meta", "meta.schema.json"),
        ("image-list", "image-list.schema.json"),
        ("config", "stacklint.schema.json"),
    ] {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_stacklint"))
            .args(["schema", kind])
            .output()
            .expect("the binary runs");
        assert!(output.status.success(), "stacklint schema {kind}");
        let committed = fs::read_to_string(root().join("schemas").join(file)).unwrap_or_default();
        assert_eq!(String::from_utf8_lossy(&output.stdout), committed, "{kind}");
    }
    let unknown = std::process::Command::new(env!("CARGO_BIN_EXE_stacklint"))
        .args(["schema", "dockerfile"])
        .output()
        .expect("the binary runs");
    assert_eq!(unknown.status.code(), Some(2));
}
