//! The JSON contract: `{"version":1,"summary":{...},"diagnostics":[...]}`.

use crate::report::Report;

pub fn render(report: &Report) -> String {
    // Serialising plain structs of strings and integers cannot fail.
    serde_json::to_string_pretty(report)
        .unwrap_or_else(|error| format!("{{\"version\":1,\"error\":\"{error}\"}}"))
}
