//! The JSON contract: `{"version":1,"summary":{...},"diagnostics":[...]}`, and the JSON writer
//! it shares with SARIF.
//!
//! The writer escapes more than JSON requires, so that repository text in a path cannot act on
//! whoever reads the output as text: line and paragraph separators, C1 controls and
//! bidirectional overrides are written as `\uXXXX`, and the `[` of `##[` (a workflow command
//! anywhere in a log line) as `\u005b`. Decoders read exactly the same strings.

use std::io;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::report::Report;

pub fn render(report: &Report) -> String {
    pretty(report)
}

/// Pretty-printed JSON, safe to print to a terminal or a CI log.
pub fn pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SafeFormatter::default());
    // Plain structs of strings and integers always serialise; the bytes are UTF-8.
    match value.serialize(&mut serializer) {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(error) => format!("{{\"version\":1,\"error\":\"{error}\"}}"),
    }
}

/// Characters JSON allows raw that a reader of the text should not meet raw.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[derive(Default)]
struct SafeFormatter {
    pretty: PrettyFormatter<'static>,
}

impl Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every character to escape is past ASCII: a byte scan clears most fragments.
        let wide = fragment.bytes().any(|b| b >= 0x7f);
        let escapes = fragment.contains("##[") || (wide && fragment.chars().any(needs_escape));
        if !escapes {
            return writer.write_all(fragment.as_bytes());
        }
        let mut previous = ['\0', '\0'];
        for c in fragment.chars() {
            if needs_escape(c) || (c == '[' && previous == ['#', '#']) {
                write!(writer, "\\u{:04x}", u32::from(c))?;
            } else {
                let mut buffer = [0; 4];
                writer.write_all(c.encode_utf8(&mut buffer).as_bytes())?;
            }
            previous = [previous[1], c];
        }
        Ok(())
    }

    // Layout is PrettyFormatter's.
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_a_reader_would_act_on_is_escaped_and_decodes_unchanged() {
        let value =
            serde_json::json!({"path": "a\u{2028}b ##[add-mask]x \u{9b}31m \u{202e} é \"q\" \n"});
        let text = pretty(&value);
        assert!(
            text.contains("a\\u2028b ##\\u005badd-mask]x \\u009b31m \\u202e é \\\"q\\\" \\n"),
            "{text}"
        );
        let back: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, value);
        assert_eq!(
            pretty(&serde_json::json!({"a": [1]})),
            "{\n  \"a\": [\n    1\n  ]\n}"
        );
    }
}
