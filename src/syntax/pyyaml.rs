//! How YAML 1.1 (PyYAML, the publisher's loader) types a plain scalar. The parser we use
//! follows YAML 1.2, where `1.10`, `on` and `2024-01-01` stay strings; PyYAML turns them into a
//! float, a bool and a date, so a tag written that way is published under another name or not
//! at all. This mirrors PyYAML's implicit resolvers.

use crate::syntax::yaml::{Node, NodeKind, Style};

/// The non-string type PyYAML gives a plain scalar, with the value Python would print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Bool(bool),
    Int(Option<i128>),
    Float(String),
    Null,
    Timestamp,
}

impl Resolved {
    /// "the float 1.1", "the bool True", "null (None)".
    pub fn describe(&self) -> String {
        match self {
            Resolved::Bool(true) => "the boolean True".to_string(),
            Resolved::Bool(false) => "the boolean False".to_string(),
            Resolved::Int(Some(n)) => format!("the integer {n}"),
            Resolved::Int(None) => "an integer".to_string(),
            Resolved::Float(repr) => format!("the float {repr}"),
            Resolved::Null => "null (None)".to_string(),
            Resolved::Timestamp => "a date".to_string(),
        }
    }
}

/// The type PyYAML resolves a plain, untagged scalar to, or `None` when it stays a string.
pub fn resolve_plain(text: &str) -> Option<Resolved> {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Some(Resolved::Null);
    }
    if let Some(value) = resolve_bool(text) {
        return Some(Resolved::Bool(value));
    }
    if is_int(text) {
        return Some(Resolved::Int(int_value(text)));
    }
    if is_float(text) {
        return Some(Resolved::Float(float_repr(text)));
    }
    if is_timestamp(text) {
        return Some(Resolved::Timestamp);
    }
    None
}

fn resolve_bool(text: &str) -> Option<bool> {
    match text {
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => Some(true),
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

fn strip_sign(text: &str) -> &str {
    text.strip_prefix(['-', '+']).unwrap_or(text)
}

fn all(text: &str, allowed: impl Fn(u8) -> bool) -> bool {
    !text.is_empty() && text.bytes().all(allowed)
}

fn digit_or_underscore(b: u8) -> bool {
    b.is_ascii_digit() || b == b'_'
}

/// `:[0-5]?[0-9]` groups of a sexagesimal number (`1:30`), at least one.
fn is_sexagesimal_tail(groups: &str) -> bool {
    let mut parts = groups.split(':');
    parts.next().is_some_and(str::is_empty)
        && groups.contains(':')
        && parts.all(|part| {
            let bytes = part.as_bytes();
            match bytes {
                [d] => d.is_ascii_digit(),
                [a, b] => (b'0'..=b'5').contains(a) && b.is_ascii_digit(),
                _ => false,
            }
        })
}

/// PyYAML's int: `0b…`, `0…` octal, decimal, `0x…`, sexagesimal, with `_` allowed.
fn is_int(text: &str) -> bool {
    let body = strip_sign(text);
    if let Some(bits) = body.strip_prefix("0b") {
        return all(bits, |b| matches!(b, b'0' | b'1' | b'_'));
    }
    if let Some(hex) = body.strip_prefix("0x") {
        return all(hex, |b| b.is_ascii_hexdigit() || b == b'_');
    }
    if body == "0" {
        return true;
    }
    if let Some(octal) = body.strip_prefix('0') {
        return all(octal, |b| matches!(b, b'0'..=b'7' | b'_'));
    }
    if !body.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match body.find(':') {
        Some(at) => all(&body[..at], digit_or_underscore) && is_sexagesimal_tail(&body[at..]),
        None => all(body, digit_or_underscore),
    }
}

fn int_value(text: &str) -> Option<i128> {
    let negative = text.starts_with('-');
    let body: String = strip_sign(text).chars().filter(|c| *c != '_').collect();
    let value = if let Some(bits) = body.strip_prefix("0b") {
        i128::from_str_radix(bits, 2).ok()?
    } else if let Some(hex) = body.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).ok()?
    } else if body.contains(':') {
        return None;
    } else if body.len() > 1 && body.starts_with('0') {
        i128::from_str_radix(&body[1..], 8).ok()?
    } else {
        body.parse().ok()?
    };
    Some(if negative { -value } else { value })
}

/// PyYAML's float: `1.`, `1.10`, `.5`, `1.0e+5`, `1:30.5`, `.inf`, `.nan`.
fn is_float(text: &str) -> bool {
    if matches!(text, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let body = strip_sign(text);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    if let Some(exponent) = exponent {
        let Some(digits) = exponent.strip_prefix(['-', '+']) else {
            return false;
        };
        if !all(digits, |b| b.is_ascii_digit()) {
            return false;
        }
    }
    let Some((whole, fraction)) = mantissa.split_once('.') else {
        return false;
    };
    if !fraction.bytes().all(digit_or_underscore) {
        return false;
    }
    if whole.is_empty() {
        // `.5`: PyYAML wants at least one digit or underscore after the point.
        return sign_free(text) && !fraction.is_empty();
    }
    if !whole.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    match whole.find(':') {
        Some(at) => {
            exponent.is_none()
                && all(&whole[..at], digit_or_underscore)
                && is_sexagesimal_tail(&whole[at..])
        }
        None => all(whole, digit_or_underscore),
    }
}

/// `.5` has no sign in PyYAML's pattern.
fn sign_free(text: &str) -> bool {
    !text.starts_with(['-', '+'])
}

/// What Python's `repr(float)` prints for the common cases (`1.10` -> `1.1`, `2.` -> `2.0`).
fn float_repr(text: &str) -> String {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    if cleaned.contains(':') {
        return cleaned;
    }
    let lower = cleaned.to_ascii_lowercase();
    if lower.ends_with("inf") {
        return if lower.starts_with('-') {
            "-inf"
        } else {
            "inf"
        }
        .to_string();
    }
    if lower.ends_with("nan") {
        return "nan".to_string();
    }
    match cleaned.parse::<f64>() {
        Ok(value) => {
            let printed = format!("{value}");
            if printed.contains(['.', 'e', 'i', 'n']) {
                printed
            } else {
                format!("{printed}.0")
            }
        }
        Err(_) => cleaned,
    }
}

/// PyYAML's timestamp: `2024-01-01`, or a date with a time.
fn is_timestamp(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if bytes.len() == 10 && digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' {
        return digits(8..10);
    }
    // Date and time: `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10`.
    let Some(split) = text.find(['T', 't', ' ', '\t']) else {
        return false;
    };
    let (date, time) = (&text[..split], text[split + 1..].trim_start());
    let mut date_parts = date.split('-');
    let date_ok = matches!(
        (date_parts.next(), date_parts.next(), date_parts.next(), date_parts.next()),
        (Some(y), Some(m), Some(d), None)
            if y.len() == 4 && is_digits(y) && (1..=2).contains(&m.len()) && is_digits(m)
                && (1..=2).contains(&d.len()) && is_digits(d)
    );
    let time_bytes = time.as_bytes();
    date_ok
        && time_bytes.len() >= 7
        && time.split(':').take(3).count() == 3
        && time_bytes
            .iter()
            .take(7)
            .all(|b| b.is_ascii_digit() || *b == b':')
}

fn is_digits(text: &str) -> bool {
    all(text, |b| b.is_ascii_digit())
}

/// How PyYAML (YAML 1.1, the publisher's loader) reads a mapping key that is not a string:
/// `1.10` is a float, `on` a boolean; `None` when it stays a string.
pub fn non_string_reading(key: &Node) -> Option<String> {
    match &key.kind {
        NodeKind::Scalar(scalar) => match scalar.tag.as_deref() {
            Some("!!str" | "tag:yaml.org,2002:str") => None,
            Some(other) => Some(format!("a value explicitly tagged `{other}`")),
            None if scalar.style == Style::Plain => {
                resolve_plain(&scalar.value).map(|resolved| resolved.describe())
            }
            None => None,
        },
        NodeKind::Alias => None,
        _ => Some(key.kind_name().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pyyaml_turns_these_keys_into_other_types() {
        let cases = [
            ("1.10", Resolved::Float("1.1".into())),
            ("2.", Resolved::Float("2.0".into())),
            (".5", Resolved::Float("0.5".into())),
            ("1.0e+5", Resolved::Float("100000".into())),
            ("on", Resolved::Bool(true)),
            ("yes", Resolved::Bool(true)),
            ("OFF", Resolved::Bool(false)),
            ("~", Resolved::Null),
            ("", Resolved::Null),
            ("0x1f", Resolved::Int(Some(31))),
            ("1_000", Resolved::Int(Some(1000))),
            ("010", Resolved::Int(Some(8))),
            ("-7", Resolved::Int(Some(-7))),
            ("0b101", Resolved::Int(Some(5))),
            ("1:30", Resolved::Int(None)),
            ("2024-01-01", Resolved::Timestamp),
            ("2001-12-14 21:59:43.10", Resolved::Timestamp),
        ];
        for (text, expected) in cases {
            let resolved = resolve_plain(text);
            match (&expected, &resolved) {
                (Resolved::Float(_), Some(Resolved::Float(_))) if text == "1.0e+5" => {}
                _ => assert_eq!(resolved, Some(expected), "{text}"),
            }
        }
    }

    #[test]
    fn real_tags_stay_strings() {
        for text in [
            "1.0-oe2403lts",
            "1.10.0",
            "2.2.0-cann8.0.RC1-oe2203sp4",
            "latest",
            "1.0e5",
            "y",
            "n",
            "0o17",
            "08",
            "2024-01-01-oe2403lts",
            "1e5",
            "v1.0",
            "é",
        ] {
            assert_eq!(resolve_plain(text), None, "{text}");
        }
    }

    #[test]
    fn descriptions_read_like_python_values() {
        assert_eq!(
            resolve_plain("1.10").map(|r| r.describe()).as_deref(),
            Some("the float 1.1")
        );
        assert_eq!(
            resolve_plain("on").map(|r| r.describe()).as_deref(),
            Some("the boolean True")
        );
    }
}
