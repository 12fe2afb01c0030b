//! Properties of the private decoders and checks, run by `make test` (proptest): whatever the
//! server or the caller sends, nothing panics, limits hold, and the checks accept exactly what
//! they document.

use std::time::{Duration, UNIX_EPOCH};

use proptest::prelude::*;

use crate::error::{ErrorEnvelope, PowerpackError, REASON_LIMIT};
use crate::model::{format_timestamp, parse_timestamp};
use crate::retry::parse_retry_after;
use crate::validate;

/// Strings that look like timestamps often enough to reach every branch.
fn timestamp_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9+-]{1,16}-[0-9]{1,3}-[0-9]{1,3}[T ][0-9]{1,3}:[0-9]{1,3}:[0-9]{1,3}(\\.[0-9]{0,14})?(Z|\\+00:00)?",
    ]
}

proptest! {
    #[test]
    fn parse_timestamp_never_panics(s in timestamp_like()) {
        let _ = parse_timestamp(&s);
    }

    #[test]
    fn every_time_of_years_1_to_9999_formats_and_parses_back(secs in -62_135_596_800i64..253_402_300_799, micros in 0u32..1_000_000) {
        let t = if secs >= 0 {
            UNIX_EPOCH + Duration::from_secs(secs as u64)
        } else {
            UNIX_EPOCH - Duration::from_secs(secs.unsigned_abs())
        } + Duration::from_micros(u64::from(micros));
        let text = format_timestamp(t);
        prop_assert_eq!(parse_timestamp(&text), Some(t), "{}", text);
    }

    #[test]
    fn parse_retry_after_never_panics(s in any::<String>(), n in any::<u64>()) {
        let _ = parse_retry_after(&s, UNIX_EPOCH);
        let _ = parse_retry_after(&n.to_string(), UNIX_EPOCH);
        let _ = parse_retry_after(&format!("{n}.{n}"), UNIX_EPOCH);
    }

    #[test]
    fn error_bodies_never_panic_and_reasons_stay_bounded(body in any::<Vec<u8>>(), message in ".{0,3000}", status in 300u16..600) {
        let _ = ErrorEnvelope::parse(&body);
        let _ = PowerpackError::from_response(status, &body, None);
        let envelope = serde_json::json!({"api_id": "a", "error": message}).to_string();
        let e = PowerpackError::from_response(status, envelope.as_bytes(), None);
        let reason = e.to_string();
        prop_assert!(reason.len() <= REASON_LIMIT + 200, "{}", reason.len());
    }

    #[test]
    fn path_segments_are_refused_exactly_for_the_documented_characters(s in any::<String>()) {
        let documented = |c: char| matches!(c, '/' | '?' | '#' | '%' | '\\') || c.is_whitespace() || c.is_control();
        let expected_ok = !s.is_empty() && s != "." && s != ".." && !s.chars().any(documented);
        prop_assert_eq!(validate::path_segment("uuid", &s).is_ok(), expected_ok, "{:?}", s);
    }
}
