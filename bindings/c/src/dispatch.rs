//! The core's operation table as one `name -> call` match (expanded from
//! `plivo_powerpack::for_each_operation!`: a call added to the core is served here with no line
//! of its own), and the JSON envelope every call answers with:
//!
//! ```text
//! {"ok": true,  "result": <the decoded value, the core's serde form>}
//! {"ok": false, "error": {"kind", "message", "status", "api_id", "reason", "body_excerpt",
//!                         "retry_after", "field", "path"}}
//! ```
//!
//! `kind` is the core's `ErrorKind` (`validation`, `not_found`, `rate_limited`...), or
//! `cancelled` for a call cancelled through its token; `retry_after` is in seconds.

use plivo_powerpack::operation::{self as ops};
use plivo_powerpack::{Client, PowerpackError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};

use crate::config::field_named;

/// An answer, already JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope(Value);

impl Envelope {
    pub fn ok(result: Value) -> Self {
        Envelope(json!({"ok": true, "result": result}))
    }
    pub fn validation(field: &str, reason: &str) -> Self {
        PowerpackError::Validation { field: field.to_owned(), reason: reason.to_owned() }.into()
    }
    pub fn internal(reason: &str) -> Self {
        PowerpackError::Internal { reason: reason.to_owned() }.into()
    }
    /// A call cancelled through its token: not an error of the API, so a kind of its own.
    pub fn cancelled() -> Self {
        Envelope(json!({"ok": false, "error": {
            "kind": "cancelled", "message": "the call was cancelled", "status": null, "api_id": null,
            "reason": "the call was cancelled", "body_excerpt": null, "retry_after": null, "field": null, "path": null,
        }}))
    }
    pub fn to_json(&self) -> String {
        self.0.to_string()
    }
    pub fn value(&self) -> &Value {
        &self.0
    }
}

impl From<PowerpackError> for Envelope {
    fn from(e: PowerpackError) -> Self {
        Envelope(json!({"ok": false, "error": e.into_parts()}))
    }
}

/// The arguments as a JSON object (`null` and empty text are `{}`).
pub fn parse_args(text: &str) -> Result<Value, Envelope> {
    if text.trim().is_empty() {
        return Ok(Value::Object(Default::default()));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Null) => Ok(Value::Object(Default::default())),
        Ok(object @ Value::Object(_)) => Ok(object),
        Ok(_) => Err(Envelope::validation("args", "must be a JSON object")),
        Err(e) => Err(Envelope::validation("args", &format!("not JSON: {e}"))),
    }
}

/// An operation's arguments from the neutral JSON form; a refusal names the field when serde does.
fn arguments<T: DeserializeOwned>(args: Value) -> Result<T, PowerpackError> {
    serde_json::from_value(args).map_err(|e| {
        let reason = e.to_string();
        let field = field_named(&reason).unwrap_or("args").to_owned();
        PowerpackError::Validation { field, reason }
    })
}

fn to_value(value: impl Serialize) -> Result<Value, PowerpackError> {
    serde_json::to_value(value)
        .map_err(|e| PowerpackError::Internal { reason: format!("a result did not serialize: {e}") })
}

macro_rules! dispatch_table {
    (single { $($o:ident $name:ident: $op:ident,)* } paged { $($po:ident $pname:ident: $pop:ident,)* }) => {
        /// Every operation's name, as `plivo_operations` lists them.
        pub const OPERATIONS: &[&str] = &[$(stringify!($name),)* $(stringify!($pname),)*];

        async fn call(client: &Client, name: &str, args: Value) -> Result<Value, PowerpackError> {
            match name {
                $( stringify!($name) => to_value(client.send(&arguments::<ops::$op>(args)?).await?), )*
                $( stringify!($pname) => to_value(client.send_all(&arguments::<ops::$pop>(args)?).await?), )*
                other => Err(PowerpackError::Validation {
                    field: "operation".into(),
                    reason: format!("no operation named {other:?}; see plivo_operations()"),
                }),
            }
        }
    };
}
plivo_powerpack::for_each_operation!(dispatch_table);

/// Runs the named operation with its JSON arguments: the envelope of its result or its error.
pub async fn run(client: &Client, name: &str, args: Value) -> Envelope {
    match call(client, name, args).await {
        Ok(result) => Envelope::ok(result),
        Err(e) => e.into(),
    }
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

    fn error_of(e: Envelope) -> Value {
        assert_eq!(e.value()["ok"], false, "{e:?}");
        e.value()["error"].clone()
    }

    #[tokio::test]
    async fn bad_arguments_are_validation_errors_naming_the_field_before_any_io() {
        let c = client();
        let e = error_of(run(&c, "get_powerpack", json!({})).await);
        assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("validation"), Some("uuid")));
        let e = error_of(run(&c, "get_powerpack", json!({"uuid": "a/b"})).await);
        assert_eq!((e["kind"].as_str(), e["field"].as_str()), (Some("validation"), Some("uuid")));
        let e = error_of(run(&c, "get_powerpack", json!({"uuid": "u", "colour": 1})).await);
        assert_eq!(e["field"], "colour");
        let e = error_of(run(&c, "no_such_call", json!({})).await);
        assert_eq!(e["field"], "operation");
        let e = error_of(run(&c, "update_powerpack", json!({"uuid": "u", "changes": {}})).await);
        assert_eq!(e["field"], "update", "an empty update is refused by the core");
    }

    #[test]
    fn the_table_has_every_operation() {
        assert_eq!(OPERATIONS.len(), 21);
        assert!(OPERATIONS.contains(&"update_powerpack") && OPERATIONS.contains(&"list_all_tollfree"));
    }

    #[test]
    fn args_must_be_an_object() {
        assert!(parse_args("[1]").is_err());
        assert_eq!(parse_args("").unwrap(), json!({}));
        assert_eq!(parse_args("null").unwrap(), json!({}));
    }
}
