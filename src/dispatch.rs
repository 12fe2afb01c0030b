//! The operation table by name, JSON both ways: what the adapters that speak JSON call (the C ABI,
//! and through it Go and PHP; the Python binding's fast path).
//!
//! The arguments are the neutral JSON form of an operation (`{"uuid": "...", "changes": {...}}`,
//! the conformance vectors' form); the result is the core's serde form of what the call returns.
//! The text is parsed straight into the operation and the result written straight to text, with
//! no `serde_json::Value` in between: one call costs two small serde passes, not four.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::operation as ops;
use crate::{Client, PowerpackError};

macro_rules! dispatch_table {
    (single { $($o:ident $name:ident: $op:ident,)* } paged { $($po:ident $pname:ident: $pop:ident,)* }) => {
        /// Every operation's name, in the table's order.
        pub const OPERATIONS: &[&str] = &[$(stringify!($name),)* $(stringify!($pname),)*];

        /// Runs the named operation with its arguments in the neutral JSON form and returns its
        /// result in the core's serde form. Unknown names, malformed arguments and every check
        /// the operation makes are `Validation` errors, raised before any I/O.
        pub async fn call_json(client: &Client, operation: &str, arguments: &str) -> Result<String, PowerpackError> {
            let arguments = object_text(arguments)?;
            match operation {
                $( stringify!($name) => to_text(&client.send(&parse::<ops::$op>(arguments)?).await?), )*
                $( stringify!($pname) => to_text(&client.send_all(&parse::<ops::$pop>(arguments)?).await?), )*
                other => Err(PowerpackError::Validation {
                    field: "operation".into(),
                    reason: format!("no operation named {other:?}; the operations are {}", OPERATIONS.join(", ")),
                }),
            }
        }
    };
}
crate::for_each_operation!(dispatch_table);

/// The arguments' text when it is a JSON object; empty text and `null` are the empty object.
fn object_text(text: &str) -> Result<&str, PowerpackError> {
    let trimmed = text.trim();
    if trimmed.is_empty() || trimmed == "null" {
        return Ok("{}");
    }
    if trimmed.starts_with('{') {
        return Ok(trimmed);
    }
    let reason = match serde_json::from_str::<serde::de::IgnoredAny>(trimmed) {
        Ok(_) => "must be a JSON object".to_owned(),
        Err(e) => format!("not JSON: {}", without_position(&e)),
    };
    Err(PowerpackError::Validation { field: "args".into(), reason })
}

/// An operation from its arguments; a refusal names the field at fault: the key whose value serde
/// stopped at (`limit`, `sticky_sender`), or the one it names as missing, in its object's path.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, PowerpackError> {
    serde_json::from_str(text).map_err(|e| {
        let reason = without_position(&e);
        if e.is_syntax() || e.is_eof() {
            return PowerpackError::Validation { field: "args".into(), reason: format!("not JSON: {reason}") };
        }
        let at = key_path_at(text, offset(text, e.line(), e.column()));
        let field = match (reason.starts_with("missing field"), field_named(&reason), at) {
            // serde stops at the end of the object that lacks the field: `at` is that object's path.
            (true, Some(missing), Some(object)) => Some(format!("{object}.{missing}")),
            (true, Some(missing), None) => Some(missing.to_owned()),
            (_, _, at) => at,
        };
        PowerpackError::Validation { field: field.unwrap_or_else(|| "args".into()), reason }
    })
}

fn to_text(value: &impl Serialize) -> Result<String, PowerpackError> {
    serde_json::to_string(value)
        .map_err(|e| PowerpackError::Internal { reason: format!("a result did not serialize: {e}") })
}

/// serde_json's message without its ` at line L column C` suffix: the arguments are one short
/// line written by a program, and the message reads the same whichever way they were parsed.
fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

/// The byte offset of serde_json's 1-based line and (byte) column in `text`.
fn offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + column).min(text.len())
}

/// The keys under which the neutral form wraps a call's record: the core names a record's
/// fields without them (`name`, `application.phlo_id`, `number_priority[0]`, `starts_with`).
const RECORD_WRAPPERS: [&str; 3] = ["changes", "powerpack", "filter"];

/// The path of the value open at byte `end` of a JSON text, in the core's field naming: the key
/// a parser stopped at (or in whose value it stopped), with its enclosing keys and array indexes
/// and without a record's wrapper key (`number_priority[0].country_iso`, `limit`). None at the
/// top level or before the first key.
fn key_path_at(text: &str, end: usize) -> Option<String> {
    enum Open<'a> {
        Object(Option<&'a str>),
        Array(usize),
    }
    let prefix = &text.as_bytes()[..end.min(text.len())];
    let mut open: Vec<Open<'_>> = Vec::new();
    let mut key_next = false; // after `{` or an object's `,`: the next string is a key
    let mut i = 0;
    while i < prefix.len() {
        match prefix[i] {
            b'"' => {
                let start = i + 1;
                i = start;
                while i < prefix.len() && prefix[i] != b'"' {
                    i += if prefix[i] == b'\\' { 2 } else { 1 };
                }
                if key_next {
                    if let Some(Open::Object(key)) = open.last_mut() {
                        *key = std::str::from_utf8(&prefix[start..i.min(prefix.len())]).ok();
                    }
                    key_next = false;
                }
            }
            b'{' => {
                open.push(Open::Object(None));
                key_next = true;
            }
            b'[' => open.push(Open::Array(0)),
            b'}' | b']' => {
                open.pop();
            }
            b',' => match open.last_mut() {
                Some(Open::Object(_)) => key_next = true,
                Some(Open::Array(index)) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for (depth, entry) in open.iter().enumerate() {
        match entry {
            Open::Object(Some(key)) if depth == 0 && RECORD_WRAPPERS.contains(key) => {}
            Open::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Open::Array(index) => path.push_str(&format!("[{index}]")),
            Open::Object(None) => {}
        }
    }
    (!path.is_empty()).then_some(path)
}

/// The field a serde message names between backticks (`missing field `uuid``, `unknown field `x``).
pub fn field_named(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(&message[start..start + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::builder("MAODZKMDFJMJU3MTEYNG", "a-realistic-token-0123456789")
            .base_url("http://127.0.0.1:9")
            .build()
            .unwrap()
    }

    async fn refusal(operation: &str, arguments: &str) -> (String, String) {
        match call_json(&client(), operation, arguments).await {
            Err(PowerpackError::Validation { field, reason }) => (field, reason),
            other => panic!("{operation} {arguments}: expected a validation error, got {other:?}"),
        }
    }

    #[tokio::test]
    async fn bad_arguments_are_validation_errors_naming_the_field_before_any_io() {
        assert_eq!(refusal("get_powerpack", "{}").await.0, "uuid");
        assert_eq!(refusal("get_powerpack", r#"{"uuid": "a/b"}"#).await.0, "uuid");
        assert_eq!(refusal("get_powerpack", r#"{"uuid": "u", "colour": 1}"#).await.0, "colour");
        assert_eq!(refusal("update_powerpack", r#"{"uuid": "u", "changes": {}}"#).await.0, "update");
        let (field, reason) = refusal("no_such_call", "{}").await;
        assert_eq!(field, "operation");
        assert!(reason.contains("update_powerpack"), "{reason}");
    }

    #[tokio::test]
    async fn arguments_must_be_one_json_object() {
        assert_eq!(refusal("get_powerpack", "[1]").await, ("args".into(), "must be a JSON object".into()));
        let (field, reason) = refusal("get_powerpack", "{\"uuid\": ").await;
        assert_eq!(field, "args");
        assert!(reason.starts_with("not JSON: ") && !reason.contains(" at line "), "{reason}");
        let (field, reason) = refusal("get_powerpack", "nope").await;
        assert_eq!((field.as_str(), reason.starts_with("not JSON: ")), ("args", true), "{reason}");
        // Empty text and null are the empty object: the missing field is what is named.
        assert_eq!(refusal("get_powerpack", "  ").await.0, "uuid");
        assert_eq!(refusal("get_powerpack", "null").await.0, "uuid");
    }

    #[tokio::test]
    async fn a_wrong_type_names_no_position() {
        let (field, reason) = refusal("update_powerpack", r#"{"uuid": "u", "changes": {"sticky_sender": "no"}}"#).await;
        assert_eq!(field, "sticky_sender");
        assert_eq!(reason, r#"invalid type: string "no", expected a boolean"#);
    }

    #[test]
    fn the_table_has_every_operation() {
        assert_eq!(OPERATIONS.len(), 21);
        assert!(OPERATIONS.contains(&"update_powerpack") && OPERATIONS.contains(&"list_all_tollfree"));
    }

    #[tokio::test]
    async fn a_value_of_the_wrong_type_or_range_names_its_key_not_the_value() {
        assert_eq!(refusal("list_powerpacks", r#"{"limit": -1}"#).await.0, "limit");
        assert_eq!(refusal("list_powerpacks", r#"{"limit": "5"}"#).await.0, "limit");
        assert_eq!(refusal("list_powerpacks", r#"{"offset": 99999999999}"#).await.0, "offset");
        assert_eq!(refusal("list_powerpacks", "{\n  \"limit\": 1,\n  \"offset\": -2\n}").await.0, "offset");
        let (field, reason) =
            refusal("update_powerpack", r#"{"uuid": "u", "changes": {"sticky_sender": "yes"}}"#).await;
        assert_eq!(field, "sticky_sender", "named as the core names a record's fields");
        assert!(reason.contains("expected a boolean"), "{reason}");
        assert_eq!(refusal("update_powerpack", r#"{"uuid": "u", "changes": {"colour": 1}}"#).await.0, "colour");
        let nested = r#"{"uuid": "u", "changes": {"name": "a:b\"c", "number_priority": [{}, {"country_iso": 5}]}}"#;
        assert_eq!(
            refusal("update_powerpack", nested).await.0,
            "number_priority[0].country_iso",
            "missing in the first"
        );
        let nested = r#"{"uuid": "u", "changes": {"number_priority": [{"country_iso": "US", "service_type": "SMS",
            "priority": {"priority1": "tollfree", "priority2": "longcode", "priority3": "shortcode"}}, {"country_iso": 5}]}}"#;
        assert_eq!(refusal("update_powerpack", nested).await.0, "number_priority[1].country_iso");
        assert_eq!(
            refusal("create_powerpack", r#"{"powerpack": {"name": "n", "local_connect": 1}}"#).await.0,
            "local_connect"
        );
        assert_eq!(refusal("get_powerpack", r#"{"uuid": 7}"#).await.0, "uuid");
    }

    #[test]
    fn key_path_at_reads_the_keys_open_at_a_position() {
        let text = r#"{"a": {"b": [1, {"c": "x}y"#;
        assert_eq!(key_path_at(text, text.len()).as_deref(), Some("a.b[1].c"));
        let wrapped = r#"{"changes": {"b": 1"#;
        assert_eq!(key_path_at(wrapped, wrapped.len()).as_deref(), Some("b"), "a record's wrapper is dropped");
        let inner = r#"{"a": {"changes": 1"#;
        assert_eq!(key_path_at(inner, inner.len()).as_deref(), Some("a.changes"), "only at the top");
        assert_eq!(key_path_at(r#"{"a": 1, "b": 2}"#, 16), None, "every object closed");
        assert_eq!(key_path_at(r#"{"a\"b": 1"#, 10).as_deref(), Some(r#"a\"b"#));
        assert_eq!(key_path_at(r#"{"a": ["x", "y"], "b"#, 20).as_deref(), Some("b"), "array strings are values");
        assert_eq!(key_path_at(r#"{"a": 1, "colour""#, 17).as_deref(), Some("colour"), "stopped at a key");
        assert_eq!(key_path_at("", 5), None);
    }

    #[test]
    fn field_named_reads_serde_messages() {
        assert_eq!(field_named("missing field `uuid`"), Some("uuid"));
        assert_eq!(field_named("unknown field `x`, expected one of `a`"), Some("x"));
        assert_eq!(field_named("invalid type"), None);
    }
}
