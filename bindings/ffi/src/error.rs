//! The core's error as the bindings see it: the same variants with plain fields, a signed
//! `status` (no unsigned type reaches Kotlin or Java) and `retry_after` as a `Duration`.
//!
//! The field is `reason`, not `message`: Kotlin exceptions already own a `message` property.

use std::time::Duration;

use plivo_powerpack::{ErrorKind, ErrorParts, PowerpackError as Core};

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
        e.into_parts().into()
    }
}

impl From<ErrorParts> for PowerpackError {
    /// The one mapping from the core's error, whole or as the C ABI's envelope carries it: an
    /// exhaustive match on its [`ErrorKind`], so a kind added to the core does not compile here
    /// until it has its variant.
    fn from(p: ErrorParts) -> Self {
        use PowerpackError as F;
        let status = i32::from(p.status.unwrap_or_default());
        let (api_id, reason) = (p.api_id, p.reason);
        let body_excerpt = p.body_excerpt.unwrap_or_default();
        match p.kind {
            ErrorKind::Validation => F::Validation { field: p.field.unwrap_or_default(), reason },
            ErrorKind::Authentication => F::Authentication { status, api_id, reason, body_excerpt },
            ErrorKind::Forbidden => F::Forbidden { status, api_id, reason, body_excerpt },
            ErrorKind::NotFound => F::NotFound { status, api_id, reason, body_excerpt },
            ErrorKind::InvalidRequest => F::InvalidRequest { status, api_id, reason, body_excerpt },
            ErrorKind::RateLimited => {
                F::RateLimited { status, api_id, reason, body_excerpt, retry_after: p.retry_after }
            }
            ErrorKind::Server => F::Server { status, api_id, reason, body_excerpt },
            ErrorKind::Timeout => F::Timeout { reason },
            ErrorKind::Network => F::Network { reason },
            ErrorKind::Decode => F::Decode { path: p.path.unwrap_or_default(), reason, body_excerpt },
            ErrorKind::Tls => F::Tls { reason },
            ErrorKind::Internal => F::Internal { reason },
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

    /// Each kind of the core, paired with the exact value it must become (every field), and
    /// the same text; the table must cover every kind.
    #[test]
    fn every_kind_maps_to_its_twin_with_every_field_and_the_same_text() {
        let (id, r, b) = (|| Some("id".to_string()), || "r".to_string(), || "b".to_string());
        let cases: Vec<(Core, PowerpackError)> = vec![
            (
                Core::Validation { field: "uuid".into(), reason: "bad".into() },
                PowerpackError::Validation { field: "uuid".into(), reason: "bad".into() },
            ),
            (
                Core::Authentication { status: 401, api_id: id(), reason: r(), body_excerpt: b() },
                PowerpackError::Authentication { status: 401, api_id: id(), reason: r(), body_excerpt: b() },
            ),
            (
                Core::Forbidden { status: 403, api_id: id(), reason: r(), body_excerpt: b() },
                PowerpackError::Forbidden { status: 403, api_id: id(), reason: r(), body_excerpt: b() },
            ),
            (
                Core::NotFound { status: 404, api_id: None, reason: r(), body_excerpt: b() },
                PowerpackError::NotFound { status: 404, api_id: None, reason: r(), body_excerpt: b() },
            ),
            (
                Core::InvalidRequest { status: 409, api_id: id(), reason: r(), body_excerpt: b() },
                PowerpackError::InvalidRequest { status: 409, api_id: id(), reason: r(), body_excerpt: b() },
            ),
            (
                Core::RateLimited { status: 429, api_id: id(), reason: r(), body_excerpt: b(), retry_after_secs: None },
                PowerpackError::RateLimited {
                    status: 429,
                    api_id: id(),
                    reason: r(),
                    body_excerpt: b(),
                    retry_after: None,
                },
            ),
            (
                Core::Server { status: 503, api_id: id(), reason: r(), body_excerpt: b() },
                PowerpackError::Server { status: 503, api_id: id(), reason: r(), body_excerpt: b() },
            ),
            (
                Core::Timeout { reason: "deadline".into(), source: None },
                PowerpackError::Timeout { reason: "deadline".into() },
            ),
            (
                Core::Network { reason: "reset".into(), source: None },
                PowerpackError::Network { reason: "reset".into() },
            ),
            (
                Core::Decode { path: ".uuid".into(), reason: "missing".into(), body_excerpt: "{}".into() },
                PowerpackError::Decode { path: ".uuid".into(), reason: "missing".into(), body_excerpt: "{}".into() },
            ),
            (
                Core::Tls { reason: "handshake".into(), source: None },
                PowerpackError::Tls { reason: "handshake".into() },
            ),
            (Core::Internal { reason: "bug".into() }, PowerpackError::Internal { reason: "bug".into() }),
        ];
        let covered: std::collections::HashSet<ErrorKind> = cases.iter().map(|(core, _)| core.kind()).collect();
        assert_eq!(covered.len(), ErrorKind::ALL.len(), "every kind has a row");
        for (core, expected) in cases {
            let text = core.to_string();
            let ffi = PowerpackError::from(core);
            assert_eq!(ffi.to_string(), text);
            assert_eq!(ffi, expected);
        }
    }
}
