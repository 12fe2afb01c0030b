//! The exported client. Each call is declared once, in `calls!` below (see the crate root),
//! which writes its blocking export (`update_powerpack`: scripts, plain Java, synchronous
//! Swift) and its async export (`update_powerpack_async`: Python `async def`, Kotlin
//! `suspend`, Swift `async`). Adding a call is one entry there.

use std::sync::Arc;

use plivo_powerpack::{Client, ClientBuilder, CreatePowerpack, DeleteResult, Powerpack, UpdatePowerpack};

use crate::config::ClientConfig;
use crate::error::PowerpackError;
use crate::page::PowerpackPage;
use crate::page_args;
use crate::pool::NumberPool;

/// A Powerpack API client. Thread-safe; share one per process.
///
/// Its `Debug` form is exported (Python `repr`, Kotlin `toString`, Swift `debugDescription`):
/// account, base URL, timeouts and retries, the token shown as `***`.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct PowerpackClient {
    inner: Client,
}

#[uniffi::export]
impl PowerpackClient {
    /// A client for these credentials. Fails with `Validation` on a malformed auth_id, an
    /// empty token or a bad setting; nothing is sent.
    #[uniffi::constructor(default(config = None))]
    pub fn new(auth_id: String, auth_token: String, config: Option<ClientConfig>) -> Result<Self, PowerpackError> {
        let inner = config.unwrap_or_default().build(ClientBuilder::new(auth_id, auth_token))?;
        Ok(PowerpackClient { inner })
    }

    /// A client with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`, and the base URL
    /// from `PLIVO_BASE_URL` when that is set; `config.base_url` overrides it.
    #[uniffi::constructor(default(config = None))]
    pub fn from_env(config: Option<ClientConfig>) -> Result<Self, PowerpackError> {
        let inner = config.unwrap_or_default().build(Client::builder_from_env()?)?;
        Ok(PowerpackClient { inner })
    }

    /// The account this client acts for.
    pub fn auth_id(&self) -> String {
        self.inner.auth_id().to_owned()
    }

    /// The number pool with this uuid (the segment after `NumberPool/` in a Powerpack's
    /// `number_pool`). `Validation` when it is not a UUID; sends nothing.
    pub fn number_pool(&self, pool_uuid: String) -> Result<Arc<NumberPool>, PowerpackError> {
        Ok(Arc::new(NumberPool::from(self.inner.number_pool(&pool_uuid)?)))
    }

    /// The number pool of this Powerpack. `Validation` when it came without a `number_pool`;
    /// sends nothing.
    pub fn number_pool_of(&self, powerpack: Powerpack) -> Result<Arc<NumberPool>, PowerpackError> {
        Ok(Arc::new(NumberPool::from(self.inner.number_pool_of(&powerpack)?)))
    }

    /// A handle to this client for the C ABI in the same library (`plivo_call`,
    /// `plivo_call_async`: see `c_abi`), as an address. It shares this client's connection pool
    /// and outlives it; the caller frees it once with `plivo_client_free`.
    pub fn c_client(&self) -> u64 {
        plivo_powerpack_c::PlivoClient::into_raw(self.inner.clone()) as usize as u64
    }
}

calls! {
    impl PowerpackClient;

    /// Fetches one Powerpack.
    fn get_powerpack, get_powerpack_async (uuid: String) -> Powerpack
        = |c| c.get_powerpack(&uuid).await?;

    /// Changes a Powerpack: fields left unset are not sent, `false` is sent as false.
    /// At least one change is required (else `Validation`, and nothing is sent).
    fn update_powerpack, update_powerpack_async (uuid: String, changes: UpdatePowerpack) -> Powerpack
        = |c| c.update_powerpack(&uuid, &changes).await?;

    /// Creates a Powerpack; unset booleans take the API's defaults (true).
    fn create_powerpack, create_powerpack_async (powerpack: CreatePowerpack) -> Powerpack
        = |c| c.create_powerpack(&powerpack).await?;

    /// One page of Powerpacks: `limit` 1..=20 (default 20), `offset` from 0 (default 0).
    #[uniffi::method(default(limit = None, offset = None))]
    fn list_powerpacks, list_powerpacks_async (limit: Option<i32>, offset: Option<i32>) -> PowerpackPage
        = |c| {
            let (limit, offset) = page_args(limit, offset)?;
            c.list_powerpacks(limit, offset).await?
        };

    /// Every Powerpack of the account, all pages.
    fn list_all_powerpacks, list_all_powerpacks_async () -> Vec<Powerpack>
        = |c| c.list_all_powerpacks().await?;

    /// Any operation of the core's table by name (`update_powerpack`, `list_all_numbers`...),
    /// its arguments and its result as JSON text in the neutral form of the conformance vectors
    /// and the C ABI. One string crosses each way instead of records lowered and lifted field by
    /// field: the Python binding's own calls take this path (`plivo_powerpack.PowerpackClient`).
    /// Errors are the same `PowerpackError`s as the typed calls'.
    fn call_json, call_json_async (operation: String, arguments: String) -> String
        = |c| plivo_powerpack::dispatch::call_json(&c, &operation, &arguments).await?;

    /// Deletes a Powerpack; `unrent_numbers` (default false) also releases its numbers.
    #[uniffi::method(default(unrent_numbers = false))]
    fn delete_powerpack, delete_powerpack_async (uuid: String, unrent_numbers: bool) -> DeleteResult
        = |c| c.delete_powerpack(&uuid, unrent_numbers).await?;
}
