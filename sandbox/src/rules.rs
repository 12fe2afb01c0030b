//! What the sandbox's routes share about requests: the rejection they answer with, and the
//! leniencies the official SDKs need (string flags, echoed keys). A leaf module, so that the
//! Powerpack store and the number pool depend on it rather than on each other.

use serde_json::Value;

/// A rejected request: status and message, answered in Plivo's envelope.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub status: u16,
    pub message: String,
}

impl Rejection {
    pub fn bad_request(message: impl Into<String>) -> Self {
        Rejection { status: 400, message: message.into() }
    }
    pub fn not_found() -> Self {
        Rejection { status: 404, message: "Powerpack not found".into() }
    }
}

/// Body keys the official SDKs send that only repeat what the path already says (or are
/// empty), taken and ignored as the API does: plivo-java 5.46.3 serializes its request
/// objects whole, so a delete carries `{"id": <uuid>, "secondary_id": null, ...}` and an add
/// `{"id": <pool>, "uuid": <pool>, "number": <number>, ...}` (likewise `tollfree`,
/// `shortcode` and `country_Iso2`). Any other unknown key is still a 400.
pub const ECHOED_BY_OFFICIAL_SDKS: [&str; 7] =
    ["id", "secondary_id", "uuid", "number", "tollfree", "shortcode", "country_Iso2"];

/// What plivo-ruby's `buy_add_number` without a number forwards to the add call after its
/// PhoneNumber search (4.63): the search's own parameters. Taken and ignored on the add routes.
pub const SENT_WITH_A_BUY_BY_PLIVO_RUBY: [&str; 6] =
    ["starts_with", "country_iso", "type", "limit", "offset", "pattern"];

/// A flag of the number-pool and delete routes (`rent`, `unrent`, `unrent_numbers`): a JSON
/// boolean, or the string `"true"`/`"false"`, which plivo-node 4.78 sends for all three and
/// plivo-python 4.63 for `rent`; those SDKs' buy, remove and delete calls work on the API.
/// The Powerpack's own booleans (`sticky_sender`, `local_connect`) stay strict: the API
/// rejected string booleans there (plivo-go 7.43.0 and plivo-node 4.56.1 had to fix it).
pub fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s == "true" => Some(true),
        Value::String(s) if s == "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_pool_flags_take_string_booleans() {
        assert_eq!(
            (flag(&json!("true")), flag(&json!("false")), flag(&json!(false))),
            (Some(true), Some(false), Some(false))
        );
        assert_eq!((flag(&json!("True")), flag(&json!(1)), flag(&json!(null))), (None, None, None));
    }
}
