//! The core's error as the bindings see it: the same variants with plain fields, a signed
//! `status` (no unsigned type reaches Kotlin or Java) and `retry_after` as a `Duration`.
//!
//! The field is `reason`, not `message`: Kotlin exceptions already own a `message` property.

use std::time::Duration;

use plivo_powerpack::PowerpackError as Core;

/// Everything that can go wrong; `Validation` is raised before any network I/O.
/// No variant ever contains the auth token.
#[derive(Debug, Clone, PartialEq, thiserror::Error, uniffi::Error)]
pub enum PowerpackError {
    /// A parameter or setting was refused before anything was sent.
    #[error("invalid {field}: {reason}")]
    Validation { field: String, reason: String },
    /// HTTP 401: the auth_id / auth_token pair was refused.
    #[error("authentication failed (HTTP {status}): {reason}")]
    Authentication { status: i32, api_id: Option<String>, reason: String, body_excerpt: String },
    /// HTTP 403: the credentials are valid but may not do this.
    #[error("forbidden (HTTP {status}): {reason}")]
    Forbidden { status: i32, api_id: Option<String>, reason: String, body_excerpt: String },
    /// HTTP 404: no such Powerpack (or it belongs to another account).
    #[error("not found (HTTP {status}): {reason}")]
    NotFound { status: i32, api_id: Option<String>, reason: String, body_excerpt: String },
    /// Another 4xx: the API refused the request as sent.
    #[error("invalid request (HTTP {status}): {reason}")]
    InvalidRequest { status: i32, api_id: Option<String>, reason: String, body_excerpt: String },
    /// HTTP 429 after every retry; `retry_after` is the server's `Retry-After` when it sent one.
    #[error("rate limited (HTTP {status}): {reason}")]
    RateLimited {
        status: i32,
        api_id: Option<String>,
        reason: String,
        body_excerpt: String,
        retry_after: Option<Duration>,
    },
    /// HTTP 5xx after every retry that was allowed.
    #[error("server error (HTTP {status}): {reason}")]
    Server { status: i32, api_id: Option<String>, reason: String, body_excerpt: String },
    /// A timeout expired: connect, one attempt, or the whole call's deadline.
    #[error("timed out: {reason}")]
    Timeout { reason: String },
    /// The connection failed, was reset, or the body was cut short.
    #[error("network error: {reason}")]
    Network { reason: String },
    /// A 2xx response whose body is not the expected JSON; `path` is the JSON path at fault.
    #[error("could not decode the response at {path}: {reason}")]
    Decode { path: String, reason: String, body_excerpt: String },

    /// The TLS handshake failed: the server's certificate is not trusted (unknown issuer,
    /// another host's name) or the server refused it. Not retried.
    #[error("TLS error: {reason}")]
    Tls { reason: String },

    /// A bug in plivo-powerpack (a panic inside the call); the client still works.
    #[error("internal error in plivo-powerpack (a bug, please report it): {reason}")]
    Internal { reason: String },
}

impl From<Core> for PowerpackError {
    fn from(e: Core) -> Self {
        use PowerpackError as F;
        let status = |s: u16| i32::from(s);
        // The core's own reading of `Retry-After`, taken before `e` is consumed below.
        let retry_after = e.retry_after();
        match e {
            Core::Validation { field, reason } => F::Validation { field, reason },
            Core::Authentication { status: s, api_id, reason, body_excerpt } => {
                F::Authentication { status: status(s), api_id, reason, body_excerpt }
            }
            Core::Forbidden { status: s, api_id, reason, body_excerpt } => {
                F::Forbidden { status: status(s), api_id, reason, body_excerpt }
            }
            Core::NotFound { status: s, api_id, reason, body_excerpt } => {
                F::NotFound { status: status(s), api_id, reason, body_excerpt }
            }
            Core::InvalidRequest { status: s, api_id, reason, body_excerpt } => {
                F::InvalidRequest { status: status(s), api_id, reason, body_excerpt }
            }
            Core::RateLimited { status: s, api_id, reason, body_excerpt, .. } => {
                F::RateLimited { status: status(s), api_id, reason, body_excerpt, retry_after }
            }
            Core::Server { status: s, api_id, reason, body_excerpt } => {
                F::Server { status: status(s), api_id, reason, body_excerpt }
            }
            Core::Timeout { reason, .. } => F::Timeout { reason },
            Core::Network { reason, .. } => F::Network { reason },
            Core::Decode { path, reason, body_excerpt } => F::Decode { path, reason, body_excerpt },
            Core::Tls { reason, .. } => F::Tls { reason },
            Core::Internal { reason } => F::Internal { reason },
            // The core's enum is non-exhaustive; a variant added there without a twin here
            // still reaches the caller, as text.
            other => F::Network { reason: other.to_string() },
        }
    }
}

impl PowerpackError {
    pub(crate) fn validation(field: &str, reason: impl Into<String>) -> Self {
        PowerpackError::Validation { field: field.to_owned(), reason: reason.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rate_limit_keeps_every_field_and_the_cores_text() {
        let core = Core::RateLimited {
            status: 429,
            api_id: Some("a1".into()),
            reason: "slow down".into(),
            body_excerpt: "{}".into(),
            retry_after_secs: Some(1.5),
        };
        let text = core.to_string();
        let ffi = PowerpackError::from(core);
        assert_eq!(ffi.to_string(), text);
        assert_eq!(
            ffi,
            PowerpackError::RateLimited {
                status: 429,
                api_id: Some("a1".into()),
                reason: "slow down".into(),
                body_excerpt: "{}".into(),
                retry_after: Some(Duration::from_millis(1500)),
            }
        );
    }

    #[test]
    fn every_variant_maps_to_its_twin_with_the_same_text() {
        let api = |status: u16| (status, Some("id".to_string()), "r".to_string(), "b".to_string());
        let cases: Vec<Core> = vec![
            Core::Validation { field: "uuid".into(), reason: "bad".into() },
            {
                let (status, api_id, reason, body_excerpt) = api(401);
                Core::Authentication { status, api_id, reason, body_excerpt }
            },
            {
                let (status, api_id, reason, body_excerpt) = api(403);
                Core::Forbidden { status, api_id, reason, body_excerpt }
            },
            {
                let (status, api_id, reason, body_excerpt) = api(404);
                Core::NotFound { status, api_id, reason, body_excerpt }
            },
            {
                let (status, api_id, reason, body_excerpt) = api(400);
                Core::InvalidRequest { status, api_id, reason, body_excerpt }
            },
            {
                let (status, api_id, reason, body_excerpt) = api(503);
                Core::Server { status, api_id, reason, body_excerpt }
            },
            Core::Timeout { reason: "deadline".into(), source: None },
            Core::Network { reason: "reset".into(), source: None },
            Core::Decode { path: ".uuid".into(), reason: "missing".into(), body_excerpt: "{}".into() },
            Core::Tls { reason: "the TLS handshake failed".into(), source: None },
            Core::Internal { reason: "the call panicked: bug".into() },
        ];
        let names = [
            "Validation",
            "Authentication",
            "Forbidden",
            "NotFound",
            "InvalidRequest",
            "Server",
            "Timeout",
            "Network",
            "Decode",
        ];
        for (core, name) in cases.into_iter().zip(names) {
            let (text, status) = (core.to_string(), core.status());
            let ffi = PowerpackError::from(core);
            assert_eq!(ffi.to_string(), text);
            assert!(format!("{ffi:?}").starts_with(name), "{ffi:?} is not {name}");
            let ffi_status = match &ffi {
                PowerpackError::Authentication { status, .. }
                | PowerpackError::Forbidden { status, .. }
                | PowerpackError::NotFound { status, .. }
                | PowerpackError::InvalidRequest { status, .. }
                | PowerpackError::Server { status, .. } => Some(*status),
                _ => None,
            };
            assert_eq!(ffi_status, status.map(i32::from), "{name}");
        }
    }
}
