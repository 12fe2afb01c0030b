//! # plivo-powerpack
//!
//! A typed, validated, retrying client for Plivo's Powerpack API, above all
//! "Update a Powerpack". The same code is exported through UniFFI to Python,
//! Kotlin and Swift (see [`ffi`]).
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
//! Layout: [`client`] (configuration and calls), [`params`] (what is sent),
//! [`model`] (what comes back), [`pool`] (a Powerpack's numbers, shortcodes and
//! toll-free numbers), [`error`], [`retry`] (the retry policy; its
//! rules are a pure function inside), [`blocking`]. The Python, Kotlin and
//! Swift bindings are a separate crate, `bindings/ffi`, over this API.

pub mod blocking;
pub mod client;
pub mod error;
pub mod model;
pub mod params;
pub mod pool;
pub mod retry;
#[doc(hidden)] // the crate's Tokio runtime, shared with the bindings crate; not a supported API
pub mod runtime;
mod validate;

pub use client::{Client, ClientBuilder};
pub use error::PowerpackError;
pub use model::{
    DeleteResult, ListMeta, PoolNumber, PoolNumberPage, Powerpack, PowerpackPage, Shortcode, ShortcodePage,
};
pub use params::{Application, CreatePowerpack, NumberPriority, NumberType, Priority, ServiceType, UpdatePowerpack};
pub use pool::{NumberFilter, NumberPool, PoolNumberType};
pub use retry::RetryPolicy;
