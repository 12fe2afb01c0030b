//! The C ABI (`plivo-powerpack-c`) linked into this library, and the way back from its error
//! envelope to the typed errors.
//!
//! A call through UniFFI's generated Python or Kotlin crosses the FFI several times (a handle
//! clone, a buffer per argument, the call, the result's free), and JNA builds a `Structure` for
//! every buffer and status, each registered in JNA's global memory table: that, not the HTTP
//! call, was most of the bindings' cost (BENCHMARKS.md). `plivo_call` takes C strings and returns
//! one, so a binding's hot call is one crossing and a free. Those bindings take the C ABI through
//! [`PowerpackClient::c_client`](crate::client::PowerpackClient::c_client); on an error envelope
//! they call [`raise_envelope_error`], which raises the same typed `PowerpackError` the UniFFI
//! calls raise (errors are the cold path: one more crossing there costs nothing that matters).

// Linking the crate is what exports its `#[no_mangle]` functions from this cdylib.
pub use plivo_powerpack_c;

use crate::error::PowerpackError;

#[derive(serde::Deserialize)]
struct FailedEnvelope {
    error: serde_json::Value,
}

/// Raises the typed error an error envelope of `plivo_call` describes; `Ok` only for an envelope
/// that is not a failure (the caller's bug: it should have read the result).
#[uniffi::export]
pub fn raise_envelope_error(envelope: String) -> Result<(), PowerpackError> {
    if envelope.starts_with(r#"{"ok":true"#) {
        return Ok(());
    }
    let unreadable =
        |e: serde_json::Error| PowerpackError::Internal { reason: format!("an unreadable error envelope: {e}") };
    let error = serde_json::from_str::<FailedEnvelope>(&envelope).map_err(unreadable)?.error;
    // `cancelled` is the C ABI's own kind, not the core's: a binding that cancels through the
    // token handles the cancellation itself and does not ask for an error.
    if error["kind"] == "cancelled" {
        return Err(PowerpackError::Internal { reason: error["reason"].as_str().unwrap_or_default().to_owned() });
    }
    Err(serde_json::from_value::<plivo_powerpack::ErrorParts>(error).map_err(unreadable)?.into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use plivo_powerpack::PowerpackError as Core;

    /// What the C ABI writes for a core error, read back: the UniFFI error the typed call raises.
    fn round_trip(core: Core) -> PowerpackError {
        let envelope = serde_json::json!({"ok": false, "error": core.clone().into_parts()}).to_string();
        let raised = raise_envelope_error(envelope).unwrap_err();
        assert_eq!(raised, PowerpackError::from(core), "the envelope's error differs from the typed call's");
        raised
    }

    #[test]
    fn every_kind_comes_back_as_the_typed_calls_error() {
        let (id, r, b) = (|| Some("id".to_string()), || "r".to_string(), || "b".to_string());
        for core in [
            Core::Validation { field: "uuid".into(), reason: "bad".into() },
            Core::Authentication { status: 401, api_id: id(), reason: r(), body_excerpt: b() },
            Core::Forbidden { status: 403, api_id: None, reason: r(), body_excerpt: b() },
            Core::NotFound { status: 404, api_id: id(), reason: r(), body_excerpt: b() },
            Core::InvalidRequest { status: 400, api_id: id(), reason: r(), body_excerpt: b() },
            Core::RateLimited {
                status: 429,
                api_id: id(),
                reason: r(),
                body_excerpt: b(),
                retry_after_secs: Some(1.5),
            },
            Core::RateLimited { status: 429, api_id: None, reason: r(), body_excerpt: b(), retry_after_secs: None },
            Core::Server { status: 503, api_id: id(), reason: r(), body_excerpt: b() },
            Core::Timeout { reason: r(), source: None },
            Core::Network { reason: r(), source: None },
            Core::Decode { path: "$.uuid".into(), reason: r(), body_excerpt: b() },
            Core::Tls { reason: r(), source: None },
            Core::Internal { reason: r() },
        ] {
            round_trip(core);
        }
    }

    #[test]
    fn a_success_envelope_raises_nothing_and_garbage_is_internal() {
        assert_eq!(raise_envelope_error(r#"{"ok":true,"result":null}"#.into()), Ok(()));
        assert!(matches!(raise_envelope_error("{".into()), Err(PowerpackError::Internal { .. })));
    }

    #[test]
    fn a_cancelled_envelope_is_internal() {
        let raised = raise_envelope_error(
            r#"{"ok":false,"error":{"kind":"cancelled","message":"the call was cancelled","reason":"the call was cancelled"}}"#.into(),
        );
        assert_eq!(raised, Err(PowerpackError::Internal { reason: "the call was cancelled".into() }));
    }

    #[test]
    fn a_c_client_handle_serves_plivo_call_and_is_freed() {
        let client = crate::client::PowerpackClient::new(
            "MA00000000000000000A".into(),
            "token".into(),
            Some(crate::config::ClientConfig { base_url: Some("http://127.0.0.1:9".into()), ..Default::default() }),
        )
        .unwrap();
        let handle = client.c_client() as usize as *mut plivo_powerpack_c::PlivoClient;
        drop(client);
        // A refusal made before any I/O: the handle works after its UniFFI client is gone.
        // SAFETY: a live handle from c_client; the strings are NUL-terminated literals.
        unsafe {
            let answer = plivo_powerpack_c::plivo_call(handle, c"get_powerpack".as_ptr(), c"{\"uuid\":\"\"}".as_ptr());
            let text = std::ffi::CStr::from_ptr(answer).to_str().unwrap().to_owned();
            plivo_powerpack_c::plivo_string_free(answer);
            plivo_powerpack_c::plivo_client_free(handle);
            let raised = raise_envelope_error(text).unwrap_err();
            assert!(matches!(raised, PowerpackError::Validation { ref field, .. } if field == "uuid"), "{raised:?}");
        }
    }
}
