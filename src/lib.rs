//! # plivo-powerpack
//!
//! A typed, validated, retrying client for Plivo's Powerpack API, above all
//! "Update a Powerpack". The same code serves Python, Kotlin/Java, Swift and Ruby through
//! UniFFI (the `plivo-powerpack-ffi` crate in `bindings/ffi`), and C, Go and PHP through a C ABI
//! (`plivo-powerpack-c` in `bindings/c`); both expand this crate's operation table.
//!
//! ```no_run
//! use plivo_powerpack::{Client, UpdatePowerpack};
//! # async fn run() -> Result<(), plivo_powerpack::PowerpackError> {
//! let client = Client::from_env()?;
//! let powerpack = client.get_powerpack("0166c910-1268-47c7-bf30-f5809ee843b9").await?;
//! let updated = client
//!     .update_powerpack(&powerpack.uuid, &UpdatePowerpack::new().name("support-line").sticky_sender(false))
//!     .await?;
//! assert_eq!(updated.sticky_sender, Some(false));
//! # Ok(()) }
//! ```
//!
//! Layout: [`operation`] (every call as one declaration, and the table of them), [`client`]
//! (configuration and the one request path, [`Client::send`]), [`params`] (what is sent),
//! [`model`] (what comes back), [`pool`] (a Powerpack's numbers, shortcodes and toll-free
//! numbers), [`error`], [`retry`] (the retry policy; its rules are a pure function inside),
//! [`blocking`].

pub mod blocking;
pub mod cancel;
pub mod client;
pub mod describe;
pub mod dispatch;
pub mod error;
pub mod model;
pub mod operation;
pub mod params;
pub mod pool;
mod redact;
pub mod retry;
#[doc(hidden)] // the crate's Tokio runtime, shared with the bindings crate; not a supported API
pub mod runtime;
pub mod settings;
mod validate;

#[cfg(test)]
mod properties;

/// Entry points for the fuzz targets in `fuzz/` to the private decoders and checks; not an API.
#[doc(hidden)]
pub mod __fuzz {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use crate::error::PowerpackError;

    /// Every response decoder on one body; their results are of no interest, only that none panics.
    pub fn decode_all(body: &[u8]) {
        let _ = crate::Powerpack::from_json(body);
        let _ = crate::PowerpackPage::from_json(body);
        let _ = crate::PoolNumber::from_json(body);
        let _ = crate::PoolNumberPage::from_json(body);
        let _ = crate::Shortcode::from_json(body);
        let _ = crate::ShortcodePage::from_json(body);
        let _ = crate::DeleteResult::from_json(body);
    }

    pub fn error_from_response(status: u16, body: &[u8]) -> PowerpackError {
        PowerpackError::from_response(status, body, None)
    }
    pub fn retry_after(value: &str) -> Option<Duration> {
        crate::retry::parse_retry_after(value, UNIX_EPOCH)
    }
    pub fn timestamp(value: &str) -> Option<SystemTime> {
        crate::model::parse_timestamp(value)
    }
    pub fn path_segment(value: &str) -> bool {
        crate::validate::path_segment("uuid", value).is_ok()
    }
    pub fn phone_number(value: &str) -> bool {
        crate::validate::phone_number("number", value).is_ok()
    }
    pub fn shortcode(value: &str) -> bool {
        crate::validate::shortcode("shortcode", value).is_ok()
    }
}

pub use cancel::CancelToken;
pub use client::{Client, ClientBuilder, TrustStore};
pub use error::{ErrorKind, ErrorParts, PowerpackError};
pub use model::{
    DeleteResult, ListMeta, PoolNumber, PoolNumberPage, Powerpack, PowerpackPage, Shortcode, ShortcodePage,
};
pub use operation::{Operation, Paged};
pub use params::{Application, CreatePowerpack, NumberPriority, NumberType, Priority, ServiceType, UpdatePowerpack};
pub use pool::{NumberFilter, NumberPool, PoolNumberType};
pub use redact::MASK;
pub use retry::{Idempotency, RetryPolicy};
