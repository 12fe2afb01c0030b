//! The UniFFI layer of plivo-powerpack: what the Python, Kotlin and Swift bindings call.
//!
//! A thin crate over the idiomatic Rust core (`plivo-powerpack`), in the manner of
//! matrix-rust-sdk's `matrix-sdk-ffi`: the core knows nothing of UniFFI, and this crate is the
//! only code that does. It adds what foreign callers need and Rust callers do not:
//!
//! * [`c_abi`]: the C ABI in the same library, for the bindings' hot calls, and the way back
//!   from its error envelope to the typed errors;
//! * [`client`]: the exported `PowerpackClient`, each call declared once for both its blocking
//!   and its async export;
//! * [`config`]: the client settings as one record, with durations as `Duration` (Python
//!   `timedelta`, Java `java.time.Duration`, Swift `TimeInterval`) and the core's defaults;
//! * [`error`]: the core's error flattened to plain, signed fields;
//! * [`exit`]: `prepare_for_exit`, so an interpreter can exit while async calls are in flight;
//! * [`pool`]: the exported `NumberPool` (a Powerpack's numbers, shortcodes, toll-free numbers);
//! * [`page`]: list pages with signed counts (no unsigned type reaches Kotlin or Java);
//! * [`remote`]: the core's records and enums, exported as they are.

/// Writes the blocking and the async export of each call of an exported object from one
/// declaration:
///
/// ```text
/// impl PowerpackClient;                    // the object; its `inner` is the core value
/// /// docs
/// #[uniffi::method(default(...))]          // optional, applied to both
/// fn name, name_async (arg: Type, ...) -> Return = |client| body;
/// ```
///
/// Blocking calls run on the core's runtime and wait for the answer (`runtime::block_on`);
/// async calls are spawned onto it and awaited (`runtime::spawn`), so they never depend on
/// UniFFI's single-threaded async-compat fallback, and a cancelled Python or Kotlin caller
/// aborts the Rust task. (Swift task cancellation does not reach Rust: uniffi-rs #2771.) Their
/// completions are delivered through `exit::Guarded`, which stops delivering at process exit.
///
/// `body` runs inside an async block with `client` (a clone of the object's `inner`) and the
/// arguments in scope; `?` converts the core's errors, and its value is converted into
/// `Return` with `Into`.
macro_rules! calls {
    (impl $object:ident; $(
        $(#[$attr:meta])*
        fn $name:ident, $async_name:ident ($($arg:ident: $ty:ty),*) -> $ret:ty = |$client:ident| $body:expr;
    )*) => {
        #[uniffi::export]
        impl $object {
            $(
                $(#[$attr])*
                pub fn $name(&self, $($arg: $ty),*) -> Result<$ret, PowerpackError> {
                    let $client = self.inner.clone();
                    ::plivo_powerpack::runtime::block_on(async move { Ok::<$ret, PowerpackError>($body.into()) })
                }
            )*
        }

        #[uniffi::export]
        impl $object {
            $(
                $(#[$attr])*
                pub async fn $async_name(&self, $($arg: $ty),*) -> Result<$ret, PowerpackError> {
                    let $client = self.inner.clone();
                    $crate::exit::Guarded::new(::plivo_powerpack::runtime::spawn(async move {
                        Ok::<$ret, PowerpackError>($body.into())
                    }))
                    .await
                }
            )*
        }
    };
}

pub mod c_abi;
pub mod client;
pub mod config;
pub mod error;
pub mod exit;
pub mod page;
pub mod pool;
mod remote;

// The namespace, and so the generated modules' names, stay those of the product:
// `plivo_powerpack.py`, `plivo_powerpack.kt`, `PlivoPowerpack.swift`.
uniffi::setup_scaffolding!("plivo_powerpack");

/// A list call's optional `limit` (default 20) and `offset` (default 0) as the core's `u32`s.
fn page_args(limit: Option<i32>, offset: Option<i32>) -> Result<(u32, u32), error::PowerpackError> {
    let limit = limit.map(|n| non_negative("limit", n)).transpose()?.unwrap_or(plivo_powerpack::client::MAX_PAGE_SIZE);
    let offset = offset.map(|n| non_negative("offset", n)).transpose()?.unwrap_or(0);
    Ok((limit, offset))
}

/// A signed count or position from a foreign caller as the core's `u32`.
fn non_negative(field: &str, value: i32) -> Result<u32, error::PowerpackError> {
    u32::try_from(value)
        .map_err(|_| error::PowerpackError::validation(field, format!("must not be negative, got {value}")))
}

/// The object that carries a call of the core's operation table in the typed APIs.
macro_rules! handle {
    (client) => {
        crate::client::PowerpackClient
    };
    (pool) => {
        crate::pool::NumberPool
    };
}

/// Every operation of the core's table is exported under its own name, on the object the table
/// names: a call added to the core without its line in `calls!` does not compile.
macro_rules! every_operation_is_exported {
    (single { $($o:ident $name:ident: $op:ident,)* } paged { $($po:ident $pname:ident: $pop:ident,)* }) => {
        #[allow(dead_code)]
        fn every_operation_of_the_core_is_exported() {
            $( let _ = <handle!($o)>::$name; )*
            $( let _ = <handle!($po)>::$pname; )*
        }
    };
}
plivo_powerpack::for_each_operation!(every_operation_is_exported);
