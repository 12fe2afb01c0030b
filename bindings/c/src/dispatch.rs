//! The JSON envelope every call of the C ABI answers with, around the core's operation table by
//! name (`plivo_powerpack::dispatch`: a call added to the core is served here with no line of its
//! own):
//!
//! ```text
//! {"ok": true,  "result": <the decoded value, the core's serde form>}
//! {"ok": false, "error": {"kind", "message", "status", "api_id", "reason", "body_excerpt",
//!                         "retry_after", "field", "path"}}
//! ```
//!
//! `kind` is the core's `ErrorKind` (`validation`, `not_found`, `rate_limited`...), or
//! `cancelled` for a call cancelled through its token; `retry_after` is in seconds.

use plivo_powerpack::dispatch::call_json;
use plivo_powerpack::{Client, PowerpackError};
use serde_json::json;

/// An answer, already JSON text.
#[derive(Debug, Clone, PartialEq)]
pub struct Envelope(String);

impl Envelope {
    /// A result already in the core's serde form (JSON text).
    pub fn ok(result_json: &str) -> Self {
        Envelope(format!(r#"{{"ok":true,"result":{result_json}}}"#))
    }
    pub fn validation(field: &str, reason: &str) -> Self {
        PowerpackError::Validation { field: field.to_owned(), reason: reason.to_owned() }.into()
    }
    pub fn internal(reason: &str) -> Self {
        PowerpackError::Internal { reason: reason.to_owned() }.into()
    }
    /// A call cancelled through its token: not an error of the API, so a kind of its own.
    pub fn cancelled() -> Self {
        let mut parts =
            serde_json::to_value(PowerpackError::Internal { reason: "the call was cancelled".into() }.into_parts())
                .unwrap_or_default();
        parts["kind"] = json!("cancelled");
        parts["message"] = json!("the call was cancelled");
        Envelope(json!({"ok": false, "error": parts}).to_string())
    }
    pub fn to_json(&self) -> &str {
        &self.0
    }
    pub fn into_json(self) -> String {
        self.0
    }
}

impl From<PowerpackError> for Envelope {
    fn from(e: PowerpackError) -> Self {
        Envelope(json!({"ok": false, "error": e.into_parts()}).to_string())
    }
}

/// Runs the named operation with its JSON arguments (the core's `dispatch::call_json`): the
/// envelope of its result or its error.
pub async fn run(client: &Client, name: &str, args: &str) -> Envelope {
    match call_json(client, name, args).await {
        Ok(result) => Envelope::ok(&result),
        Err(e) => e.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn client() -> Client {
        Client::builder("MAODZKMDFJMJU3MTEYNG", "a-realistic-token-0123456789")
            .base_url("http://127.0.0.1:9")
            .build()
            .unwrap()
    }

    fn parsed(e: &Envelope) -> Value {
        serde_json::from_str(e.to_json()).expect("an envelope is JSON")
    }

    #[tokio::test]
    async fn a_refusal_is_an_error_envelope_naming_the_field() {
        let e = parsed(&run(&client(), "get_powerpack", "{}").await);
        assert_eq!(e["ok"], false);
        assert_eq!((e["error"]["kind"].as_str(), e["error"]["field"].as_str()), (Some("validation"), Some("uuid")));
    }

    #[test]
    fn a_result_is_wrapped_as_it_is() {
        assert_eq!(parsed(&Envelope::ok(r#"{"a":[1,2]}"#)), json!({"ok": true, "result": {"a": [1, 2]}}));
        assert_eq!(parsed(&Envelope::ok("null")), json!({"ok": true, "result": null}));
    }

    #[test]
    fn cancelled_has_every_error_field() {
        let e = parsed(&Envelope::cancelled());
        let internal = parsed(&Envelope::internal("x"));
        let keys = |v: &Value| v["error"].as_object().unwrap().keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(&e), keys(&internal));
        assert_eq!(
            (e["error"]["kind"].as_str(), e["error"]["reason"].as_str()),
            (Some("cancelled"), Some("the call was cancelled"))
        );
    }
}
