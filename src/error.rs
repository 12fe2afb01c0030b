//! The one error type of the crate, shared verbatim with every binding.
//!
//! Every variant carries plain fields (no boxed sources) so that UniFFI can hand
//! them to Python, Kotlin and Swift as structured exceptions. The field is called
//! `reason` rather than `message` because Kotlin exceptions already own a
//! `message` property and a field of that name does not compile there.

use std::time::Duration;

use crate::redact::Secrets;

/// The HTTP client's error behind a `Timeout` or `Network` error, kept for Rust callers who
/// walk `std::error::Error::source` (or log it with `{:#}`-style chains). Shared, so the error
/// stays `Clone`; errors compare by their own fields, so two sources always compare equal.
/// The HTTP client's errors carry the URL (no credentials: those travel in a header).
#[derive(Clone)]
pub struct TransportError(std::sync::Arc<dyn std::error::Error + Send + Sync>);

impl TransportError {
    pub(crate) fn new(e: impl std::error::Error + Send + Sync + 'static) -> Self {
        TransportError(std::sync::Arc::new(e))
    }
}

impl std::fmt::Debug for TransportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.0, f)
    }
}

impl std::fmt::Display for TransportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl PartialEq for TransportError {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// How many bytes of a response body an error keeps, so that a huge HTML page
/// from a proxy does not end up in a log line.
pub const BODY_EXCERPT_LIMIT: usize = 512;

/// Everything that can go wrong when talking to the Powerpack API.
///
/// * [`Validation`](Self::Validation) is raised locally, before any network I/O.
/// * The API variants (`Authentication` .. `Server`) carry the HTTP status, the
///   `api_id` Plivo assigned to the request when the body had one, the error text
///   and a short excerpt of the body.
/// * `Timeout`, `Network` and `Decode` describe transport and parsing failures.
///
/// No variant ever contains the auth token: it is never formatted, and any copy
/// of it inside a server's reply is masked before the error is built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum PowerpackError {
    /// A parameter was rejected before anything was sent.
    #[error("invalid {field}: {reason}")]
    Validation { field: String, reason: String },

    /// HTTP 401: the auth_id / auth_token pair was refused.
    #[error("authentication failed (HTTP {status}): {reason}")]
    Authentication { status: u16, api_id: Option<String>, reason: String, body_excerpt: String },

    /// HTTP 403: the credentials are valid but may not do this.
    #[error("forbidden (HTTP {status}): {reason}")]
    Forbidden { status: u16, api_id: Option<String>, reason: String, body_excerpt: String },

    /// HTTP 404: no such Powerpack, pool, number or shortcode (or it belongs to another account).
    #[error("not found (HTTP {status}): {reason}")]
    NotFound { status: u16, api_id: Option<String>, reason: String, body_excerpt: String },

    /// HTTP 400, 405, 409, 422 and any other 4xx/3xx: the API refused the request as sent.
    #[error("invalid request (HTTP {status}): {reason}")]
    InvalidRequest { status: u16, api_id: Option<String>, reason: String, body_excerpt: String },

    /// HTTP 429 after every retry was spent. `retry_after_secs` is the server's
    /// `Retry-After` when it sent one.
    #[error("rate limited (HTTP {status}): {reason}")]
    RateLimited {
        status: u16,
        api_id: Option<String>,
        reason: String,
        body_excerpt: String,
        retry_after_secs: Option<f64>,
    },

    /// HTTP 5xx after every retry that was allowed.
    #[error("server error (HTTP {status}): {reason}")]
    Server { status: u16, api_id: Option<String>, reason: String, body_excerpt: String },

    /// A timeout expired: connect, one attempt, or the whole call's deadline.
    /// `source` is the HTTP client's error when there was one (not for the deadline).
    #[error("timed out: {reason}")]
    Timeout {
        reason: String,
        #[source]
        source: Option<TransportError>,
    },

    /// The connection failed, was reset, or the body was cut short.
    /// `source` is the HTTP client's error, for `std::error::Error::source` chains.
    #[error("network error: {reason}")]
    Network {
        reason: String,
        #[source]
        source: Option<TransportError>,
    },

    /// A 2xx response whose body is not the expected JSON. `path` is the JSON
    /// path of the offending field (`.` for the whole document).
    #[error("could not decode the response at {path}: {reason}")]
    Decode { path: String, reason: String, body_excerpt: String },

    /// The TLS handshake failed: the server's certificate is not trusted (unknown issuer, another
    /// host's name, expired) or the server refused the handshake. Not retried.
    #[error("TLS error: {reason}")]
    Tls {
        reason: String,
        #[source]
        source: Option<TransportError>,
    },

    /// A bug in plivo-powerpack (a panic inside a call): the call failed, the client still
    /// works. Please report it with `reason`.
    #[error("internal error in plivo-powerpack (a bug, please report it): {reason}")]
    Internal { reason: String },
}

impl PowerpackError {
    pub(crate) fn validation(field: &str, reason: impl Into<String>) -> Self {
        PowerpackError::Validation { field: field.to_owned(), reason: reason.into() }
    }

    /// True for [`PowerpackError::Validation`]: the request never left the process.
    pub fn is_validation(&self) -> bool {
        matches!(self, PowerpackError::Validation { .. })
    }
    /// True for a timeout of any kind (connect, attempt or deadline).
    pub fn is_timeout(&self) -> bool {
        matches!(self, PowerpackError::Timeout { .. })
    }
    /// True for a failed TLS handshake (an untrusted certificate).
    pub fn is_tls(&self) -> bool {
        matches!(self, PowerpackError::Tls { .. })
    }
    /// True for connection failures, resets and truncated bodies.
    pub fn is_network(&self) -> bool {
        matches!(self, PowerpackError::Network { .. })
    }
    /// True for HTTP 429.
    pub fn is_rate_limited(&self) -> bool {
        matches!(self, PowerpackError::RateLimited { .. })
    }
    /// True for HTTP 404.
    pub fn is_not_found(&self) -> bool {
        matches!(self, PowerpackError::NotFound { .. })
    }
    /// True for HTTP 5xx.
    pub fn is_server(&self) -> bool {
        matches!(self, PowerpackError::Server { .. })
    }

    /// The HTTP status for API errors, `None` for local and transport errors.
    pub fn status(&self) -> Option<u16> {
        match self {
            PowerpackError::Authentication { status, .. }
            | PowerpackError::Forbidden { status, .. }
            | PowerpackError::NotFound { status, .. }
            | PowerpackError::InvalidRequest { status, .. }
            | PowerpackError::RateLimited { status, .. }
            | PowerpackError::Server { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The `api_id` Plivo assigned to the failed request, when the body had one.
    pub fn api_id(&self) -> Option<&str> {
        match self {
            PowerpackError::Authentication { api_id, .. }
            | PowerpackError::Forbidden { api_id, .. }
            | PowerpackError::NotFound { api_id, .. }
            | PowerpackError::InvalidRequest { api_id, .. }
            | PowerpackError::RateLimited { api_id, .. }
            | PowerpackError::Server { api_id, .. } => api_id.as_deref(),
            _ => None,
        }
    }

    /// The server's `Retry-After`, for a rate-limited call that carried one.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            PowerpackError::RateLimited { retry_after_secs: Some(s), .. } => Some(Duration::from_secs_f64(*s)),
            _ => None,
        }
    }

    /// Builds the error for a non-success HTTP response from its status and body.
    pub(crate) fn from_response(status: u16, body: &[u8], retry_after: Option<Duration>) -> Self {
        Self::from_masked_response(status, body, retry_after, &Secrets::default())
    }

    /// Builds the error for a non-success HTTP response, masking every form of the credentials
    /// in the body and in the decoded message *before* either is cut to its bound.
    pub(crate) fn from_masked_response(
        status: u16,
        body: &[u8],
        retry_after: Option<Duration>,
        secrets: &Secrets,
    ) -> Self {
        let body = secrets.mask_body(body);
        let envelope = ErrorEnvelope::parse(&body);
        let reason = match envelope.message {
            Some(mut message) => {
                // The message was JSON-unescaped: a form written with escapes shows only now.
                secrets.mask(&mut message);
                bounded(message, REASON_LIMIT)
            }
            None => default_reason(status).to_owned(),
        };
        let api_id = envelope.api_id;
        let body_excerpt = excerpt(&body);
        match status {
            401 => PowerpackError::Authentication { status, api_id, reason, body_excerpt },
            403 => PowerpackError::Forbidden { status, api_id, reason, body_excerpt },
            404 => PowerpackError::NotFound { status, api_id, reason, body_excerpt },
            429 => PowerpackError::RateLimited {
                status,
                api_id,
                reason,
                body_excerpt,
                retry_after_secs: retry_after.map(|d| d.as_secs_f64()),
            },
            500..=599 => PowerpackError::Server { status, api_id, reason, body_excerpt },
            _ => PowerpackError::InvalidRequest { status, api_id, reason, body_excerpt },
        }
    }

    /// Applies `f` to every text field of the error (what masking the token needs to reach).
    pub(crate) fn map_text(mut self, f: impl Fn(&mut String)) -> Self {
        match &mut self {
            PowerpackError::Validation { field, reason } => {
                f(field);
                f(reason);
            }
            PowerpackError::Authentication { reason, body_excerpt, api_id, .. }
            | PowerpackError::Forbidden { reason, body_excerpt, api_id, .. }
            | PowerpackError::NotFound { reason, body_excerpt, api_id, .. }
            | PowerpackError::InvalidRequest { reason, body_excerpt, api_id, .. }
            | PowerpackError::RateLimited { reason, body_excerpt, api_id, .. }
            | PowerpackError::Server { reason, body_excerpt, api_id, .. } => {
                f(reason);
                f(body_excerpt);
                if let Some(id) = api_id {
                    f(id);
                }
            }
            PowerpackError::Timeout { reason, .. }
            | PowerpackError::Network { reason, .. }
            | PowerpackError::Tls { reason, .. }
            | PowerpackError::Internal { reason } => f(reason),
            PowerpackError::Decode { path, reason, body_excerpt } => {
                f(path);
                f(reason);
                f(body_excerpt);
            }
        }
        self
    }

    /// Which kind of failure this is: the one exhaustive view every adapter (FFI, C ABI, CLI)
    /// maps from, so that a new variant cannot silently become another kind there.
    pub fn kind(&self) -> ErrorKind {
        match self {
            PowerpackError::Validation { .. } => ErrorKind::Validation,
            PowerpackError::Authentication { .. } => ErrorKind::Authentication,
            PowerpackError::Forbidden { .. } => ErrorKind::Forbidden,
            PowerpackError::NotFound { .. } => ErrorKind::NotFound,
            PowerpackError::InvalidRequest { .. } => ErrorKind::InvalidRequest,
            PowerpackError::RateLimited { .. } => ErrorKind::RateLimited,
            PowerpackError::Server { .. } => ErrorKind::Server,
            PowerpackError::Timeout { .. } => ErrorKind::Timeout,
            PowerpackError::Network { .. } => ErrorKind::Network,
            PowerpackError::Decode { .. } => ErrorKind::Decode,
            PowerpackError::Tls { .. } => ErrorKind::Tls,
            PowerpackError::Internal { .. } => ErrorKind::Internal,
        }
    }

    /// The error as flat, plain fields: what crosses a language boundary.
    pub fn into_parts(self) -> ErrorParts {
        let kind = self.kind();
        let (status, api_id, retry_after) = (self.status(), self.api_id().map(str::to_owned), self.retry_after());
        let message = self.to_string();
        let (field, path, reason, body_excerpt) = match self {
            PowerpackError::Validation { field, reason } => (Some(field), None, reason, None),
            PowerpackError::Authentication { reason, body_excerpt, .. }
            | PowerpackError::Forbidden { reason, body_excerpt, .. }
            | PowerpackError::NotFound { reason, body_excerpt, .. }
            | PowerpackError::InvalidRequest { reason, body_excerpt, .. }
            | PowerpackError::RateLimited { reason, body_excerpt, .. }
            | PowerpackError::Server { reason, body_excerpt, .. } => (None, None, reason, Some(body_excerpt)),
            PowerpackError::Timeout { reason, .. }
            | PowerpackError::Network { reason, .. }
            | PowerpackError::Tls { reason, .. }
            | PowerpackError::Internal { reason } => (None, None, reason, None),
            PowerpackError::Decode { path, reason, body_excerpt } => (None, Some(path), reason, Some(body_excerpt)),
        };
        ErrorParts { kind, message, status, api_id, reason, body_excerpt, retry_after, field, path }
    }
}

/// The kinds of [`PowerpackError`], one per variant. Deliberately exhaustive: a new kind is a
/// change every adapter must answer, at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    Authentication,
    Forbidden,
    NotFound,
    InvalidRequest,
    RateLimited,
    Server,
    Timeout,
    Network,
    Decode,
    Tls,
    Internal,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::Validation,
        ErrorKind::Authentication,
        ErrorKind::Forbidden,
        ErrorKind::NotFound,
        ErrorKind::InvalidRequest,
        ErrorKind::RateLimited,
        ErrorKind::Server,
        ErrorKind::Timeout,
        ErrorKind::Network,
        ErrorKind::Decode,
        ErrorKind::Tls,
        ErrorKind::Internal,
    ];
}

/// A [`PowerpackError`] as flat fields ([`PowerpackError::into_parts`]); serializes to the
/// neutral JSON error of the C ABI and the conformance vectors (`retry_after` in seconds), and
/// reads back from it (the UniFFI layer raises a C ABI error envelope as its typed error).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ErrorParts {
    pub kind: ErrorKind,
    /// The error's whole text, as `Display` writes it.
    pub message: String,
    pub status: Option<u16>,
    pub api_id: Option<String>,
    pub reason: String,
    pub body_excerpt: Option<String>,
    #[serde(serialize_with = "seconds", deserialize_with = "from_seconds", default)]
    pub retry_after: Option<Duration>,
    /// The refused field, for `Validation`.
    pub field: Option<String>,
    /// The JSON path at fault, for `Decode`.
    pub path: Option<String>,
}

fn seconds<S: serde::Serializer>(d: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_some(&d.as_secs_f64()),
        None => s.serialize_none(),
    }
}

/// Seconds back to a duration; a value no `Duration` holds (negative, not finite) reads as none.
fn from_seconds<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Duration>, D::Error> {
    let seconds: Option<f64> = serde::Deserialize::deserialize(d)?;
    Ok(seconds.and_then(|s| Duration::try_from_secs_f64(s).ok()))
}

fn default_reason(status: u16) -> &'static str {
    match status {
        400 => "bad request",
        401 => "authentication failed",
        403 => "forbidden",
        404 => "not found",
        405 => "method not allowed",
        409 => "conflict",
        422 => "unprocessable entity",
        429 => "too many requests",
        500 => "internal server error",
        502 => "bad gateway",
        503 => "service unavailable",
        504 => "gateway timeout",
        300..=399 => "unexpected redirect",
        _ => "unexpected HTTP status",
    }
}

/// The longest `reason` kept from an error body, in bytes: a server's message is a sentence, and
/// a huge one (a 50 MB `error` string) must not become a 50 MB error in every binding.
pub const REASON_LIMIT: usize = 1024;

/// `text` cut to at most `limit` bytes on a char boundary, with `…` when cut.
fn bounded(mut text: String, limit: usize) -> String {
    if text.len() <= limit {
        return text;
    }
    let mut end = limit;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push('…');
    text
}

/// A short, printable excerpt of a body: valid UTF-8 (lossy), whitespace
/// collapsed, at most [`BODY_EXCERPT_LIMIT`] bytes, cut on a char boundary.
pub(crate) fn excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(&body[..body.len().min(BODY_EXCERPT_LIMIT * 2)]);
    let mut out = String::with_capacity(text.len().min(BODY_EXCERPT_LIMIT));
    let mut last_space = false;
    for c in text.trim().chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && last_space {
            continue;
        }
        last_space = c == ' ';
        if out.len() + c.len_utf8() > BODY_EXCERPT_LIMIT {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

/// Plivo's error envelope, `{"api_id": "...", "error": ...}`, read leniently:
/// `api_id` may be missing (401), `error` may be a string or a nested object,
/// the body may be `{}`, empty, or an HTML page from a proxy.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct ErrorEnvelope {
    pub api_id: Option<String>,
    pub message: Option<String>,
}

impl ErrorEnvelope {
    pub fn parse(body: &[u8]) -> Self {
        let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body) else {
            return ErrorEnvelope::default();
        };
        let api_id = map.get("api_id").and_then(|v| v.as_str()).map(str::to_owned);
        let message =
            map.get("error").or_else(|| map.get("message")).and_then(message_of).filter(|m| !m.trim().is_empty());
        ErrorEnvelope { api_id, message }
    }
}

/// Flattens an `error` value into one line: a string as is; an object as
/// `key: value` pairs (nested values as JSON); anything else as JSON.
fn message_of(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(map) if map.is_empty() => None,
        serde_json::Value::Object(map) => Some(
            map.iter()
                .map(|(k, v)| match v {
                    serde_json::Value::String(s) => format!("{k}: {s}"),
                    other => format!("{k}: {other}"),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOT_FOUND: &str =
        include_str!("../tests/fixtures/official-sdks/error-examples/phoneNumberComplianceNotFoundResponse.json");
    const UNAUTHORIZED: &str =
        include_str!("../tests/fixtures/official-sdks/error-examples/messageCreate401Response.json");
    const PROFILE: &str = include_str!("../tests/fixtures/official-sdks/error-examples/profileDeleteResponse.json");

    #[test]
    fn a_huge_error_message_becomes_a_bounded_reason() {
        let body = format!(r#"{{"api_id": "a", "error": "{}"}}"#, "é".repeat(3_000_000));
        let e = PowerpackError::from_response(400, body.as_bytes(), None);
        let (_, _, reason) = api(&e);
        assert!(reason.len() <= REASON_LIMIT + '…'.len_utf8(), "{}", reason.len());
        assert!(reason.starts_with("éé") && reason.ends_with('…'));
        let short = PowerpackError::from_response(400, br#"{"error": "name taken"}"#, None);
        assert_eq!(api(&short).2, "name taken", "a normal message is kept whole");
    }

    fn api(e: &PowerpackError) -> (Option<u16>, Option<&str>, String) {
        let reason = match e {
            PowerpackError::Authentication { reason, .. }
            | PowerpackError::Forbidden { reason, .. }
            | PowerpackError::NotFound { reason, .. }
            | PowerpackError::InvalidRequest { reason, .. }
            | PowerpackError::RateLimited { reason, .. }
            | PowerpackError::Server { reason, .. } => reason.clone(),
            other => panic!("not an API error: {other:?}"),
        };
        (e.status(), e.api_id(), reason)
    }

    #[test]
    fn each_status_maps_to_its_variant() {
        type IsExpected = fn(&PowerpackError) -> bool;
        let table: &[(u16, IsExpected)] = &[
            (400, |e| matches!(e, PowerpackError::InvalidRequest { .. })),
            (401, |e| matches!(e, PowerpackError::Authentication { .. })),
            (403, |e| matches!(e, PowerpackError::Forbidden { .. })),
            (404, |e| matches!(e, PowerpackError::NotFound { .. })),
            (405, |e| matches!(e, PowerpackError::InvalidRequest { .. })),
            (409, |e| matches!(e, PowerpackError::InvalidRequest { .. })),
            (422, |e| matches!(e, PowerpackError::InvalidRequest { .. })),
            (429, |e| matches!(e, PowerpackError::RateLimited { .. })),
            (500, |e| matches!(e, PowerpackError::Server { .. })),
            (502, |e| matches!(e, PowerpackError::Server { .. })),
            (503, |e| matches!(e, PowerpackError::Server { .. })),
            (504, |e| matches!(e, PowerpackError::Server { .. })),
            (302, |e| matches!(e, PowerpackError::InvalidRequest { .. })),
        ];
        for (status, is_expected) in table {
            let e = PowerpackError::from_response(*status, b"{}", None);
            assert!(is_expected(&e), "{status} gave {e:?}");
            assert_eq!(e.status(), Some(*status));
        }
    }

    #[test]
    fn not_found_fixture_keeps_api_id_and_message() {
        let e = PowerpackError::from_response(404, NOT_FOUND.as_bytes(), None);
        assert_eq!(api(&e), (Some(404), Some("error-api-id-001"), "not found".to_owned()));
        assert!(e.is_not_found());
    }

    #[test]
    fn unauthorized_body_without_api_id_is_understood() {
        let e = PowerpackError::from_response(401, UNAUTHORIZED.as_bytes(), None);
        assert_eq!(api(&e), (Some(401), None, "authentication credentials were not provided".to_owned()));
    }

    #[test]
    fn plain_error_envelope_is_read() {
        let e = PowerpackError::from_response(400, PROFILE.as_bytes(), None);
        assert_eq!(api(&e), (Some(400), Some("e4fa5df0-0989-11ed-a350-0242ac110004"), "Profile not found.".to_owned()));
    }

    #[test]
    fn nested_error_object_is_flattened() {
        let body = br#"{"api_id":"a1","error":{"name":"must be unique","sticky_sender":["not a boolean"]}}"#;
        let e = PowerpackError::from_response(400, body, None);
        assert_eq!(
            api(&e),
            (Some(400), Some("a1"), r#"name: must be unique; sticky_sender: ["not a boolean"]"#.to_owned())
        );
    }

    #[test]
    fn empty_object_empty_body_and_html_fall_back_to_the_status_text() {
        for body in [&b"{}"[..], b"", b"<html><body><h1>502 Bad Gateway</h1></body></html>", b"[1,2]"] {
            let e = PowerpackError::from_response(502, body, None);
            assert_eq!(api(&e), (Some(502), None, "bad gateway".to_owned()), "body {body:?}");
        }
        let e = PowerpackError::from_response(502, b"<html>\n\n<h1>502</h1>\n</html>", None);
        match e {
            PowerpackError::Server { body_excerpt, .. } => {
                assert_eq!(body_excerpt, "<html> <h1>502</h1> </html>")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn rate_limited_keeps_retry_after() {
        let e = PowerpackError::from_response(
            429,
            b"{\"api_id\":\"x\",\"error\":\"slow down\"}",
            Some(Duration::from_millis(1500)),
        );
        assert_eq!(e.retry_after(), Some(Duration::from_millis(1500)));
        assert!(e.is_rate_limited());
        assert_eq!(e.to_string(), "rate limited (HTTP 429): slow down");
    }

    #[test]
    fn excerpt_is_bounded_and_cut_on_a_char_boundary() {
        let body = "é".repeat(2000);
        let ex = excerpt(body.as_bytes());
        assert!(ex.len() <= BODY_EXCERPT_LIMIT + '…'.len_utf8());
        assert!(ex.ends_with('…'));
    }

    #[test]
    fn redact_masks_the_secret_everywhere() {
        let secrets = Secrets::new("MAODZKMDFJMJU3MTEYNG", "s3cr3t-token");
        let e = secrets.redact(PowerpackError::from_response(
            400,
            br#"{"error":"bad token s3cr3t-token","api_id":"s3cr3t-token"}"#,
            None,
        ));
        let all = format!("{e} {e:?}");
        assert!(!all.contains("s3cr3t-token"), "{all}");
        assert!(all.contains("bad token ***"));
    }

    /// A token that starts a few bytes before each cut (the 1 KiB reason, the 512 B excerpt, the
    /// 1 KiB the excerpt reads) leaves none of its characters behind, in any echoed form.
    #[test]
    fn a_token_straddling_a_cut_leaves_nothing_behind() {
        use base64::Engine as _;
        let (id, token) = ("MAODZKMDFJMJU3MTEYNG", "q7RwJz4kXv9tPbN2sLm8");
        let secrets = Secrets::new(id, token);
        let b64 = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{token}"));
        for echoed in [token.to_owned(), format!("{id}:{token}"), format!("Basic {b64}")] {
            for cut in [REASON_LIMIT, BODY_EXCERPT_LIMIT, BODY_EXCERPT_LIMIT * 2] {
                for before in 1..8 {
                    // `{"error":"` is 10 bytes: pad so that the echo starts `before` bytes ahead of the cut.
                    let pad = "x".repeat(cut - before - 10);
                    let body = format!(r#"{{"error":"{pad}{echoed} trailing"}}"#);
                    let e = secrets.redact(PowerpackError::from_masked_response(400, body.as_bytes(), None, &secrets));
                    let text = format!("{e:?}");
                    for secret in [token, b64.as_str()] {
                        assert!(!text.contains(&secret[..4]), "cut {cut} - {before}: {secret} left in {text}");
                    }
                }
            }
        }
    }
}
