//! The UniFFI layer of plivo-powerpack: what the Python, Kotlin and Swift bindings call.
//!
//! A thin crate over the idiomatic Rust core (`plivo-powerpack`), in the manner of
//! matrix-rust-sdk's `matrix-sdk-ffi`: the core knows nothing of UniFFI, and this crate is the
//! only code that does. It adds what foreign callers need and Rust callers do not:
//!
//! * [`client`]: the exported `PowerpackClient`, each call declared once for both its blocking
//!   and its async export;
//! * [`config`]: the client settings as one record, with durations as `Duration` (Python
//!   `timedelta`, Java `java.time.Duration`, Swift `TimeInterval`) and the core's defaults;
//! * [`error`]: the core's error flattened to plain, signed fields;
//! * [`page`]: list pages with signed counts (no unsigned type reaches Kotlin or Java);
//! * [`remote`]: the core's records and enums, exported as they are.

pub mod client;
pub mod config;
pub mod error;
pub mod page;
mod remote;

// The namespace, and so the generated modules' names, stay those of the product:
// `plivo_powerpack.py`, `plivo_powerpack.kt`, `PlivoPowerpack.swift`.
uniffi::setup_scaffolding!("plivo_powerpack");

/// A signed count or position from a foreign caller as the core's `u32`.
fn non_negative(field: &str, value: i32) -> Result<u32, error::PowerpackError> {
    u32::try_from(value).map_err(|_| error::PowerpackError::validation(field, format!("must not be negative, got {value}")))
}
