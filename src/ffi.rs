//! The UniFFI surface shared by the Python, Kotlin and Swift bindings.
//!
//! Deliberately thin: it turns flat, defaulted arguments (Python keyword
//! arguments, Kotlin named arguments, Swift labels) into the core's parameter
//! types and forwards to [`crate::Client`]. Every rule lives in the core.
//!
//! Each call exists twice: a blocking method (`update_powerpack`) for
//! scripts and plain Java, and an async one (`update_powerpack_async`:
//! Python `async def`, Kotlin `suspend`, Swift `async`). Async calls run on
//! the crate's own multi-threaded Tokio runtime, not on UniFFI's
//! single-threaded async-compat fallback, and a cancelled caller aborts the
//! Rust task (see `runtime::spawn`).

use std::time::Duration;

use crate::error::PowerpackError;
use crate::model::{DeleteResult, Powerpack, PowerpackPage};
use crate::params::{Application, CreatePowerpack, NumberPriority, UpdatePowerpack};
use crate::retry::RetryPolicy;
use crate::{client, runtime, Client, ClientBuilder};

/// Client settings. Every field has the documented default of the core.
///
/// Durations are signed milliseconds (`i64`) so that the record is usable
/// from Java, where Kotlin's unsigned types cannot be constructed.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ClientConfig {
    /// `None` = `https://api.plivo.com`. `http://` only for loopback hosts.
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Time to open a connection, in milliseconds (default 5000).
    #[uniffi(default = 5000)]
    pub connect_timeout_ms: i64,
    /// Time for one attempt, in milliseconds (default 30000).
    #[uniffi(default = 30000)]
    pub attempt_timeout_ms: i64,
    /// Time for a whole call with its retries, in milliseconds (default 60000).
    #[uniffi(default = 60000)]
    pub total_deadline_ms: i64,
    /// `None` = 3 attempts in all, 200 ms base backoff, 5 s cap.
    #[uniffi(default = None)]
    pub retry: Option<RetryPolicy>,
    /// Appended to the User-Agent; the bindings pass their language and version.
    #[uniffi(default = None)]
    pub user_agent_suffix: Option<String>,
    /// An HTTP(S) proxy URL for every request.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// Accept auth_ids that are not `MA…`/`SA…` of 20 characters.
    #[uniffi(default = false)]
    pub skip_auth_id_check: bool,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            base_url: None,
            connect_timeout_ms: client::DEFAULT_CONNECT_TIMEOUT.as_millis() as i64,
            attempt_timeout_ms: client::DEFAULT_ATTEMPT_TIMEOUT.as_millis() as i64,
            total_deadline_ms: client::DEFAULT_TOTAL_DEADLINE.as_millis() as i64,
            retry: None,
            user_agent_suffix: None,
            proxy: None,
            skip_auth_id_check: false,
        }
    }
}

impl ClientConfig {
    fn apply(self, mut b: ClientBuilder) -> Result<Client, PowerpackError> {
        if let Some(url) = self.base_url {
            b = b.base_url(url);
        }
        b = b
            .connect_timeout(millis("connect_timeout", self.connect_timeout_ms)?)
            .attempt_timeout(millis("attempt_timeout", self.attempt_timeout_ms)?)
            .total_deadline(millis("total_deadline", self.total_deadline_ms)?);
        if let Some(retry) = self.retry {
            b = b.retry_policy(retry);
        }
        if let Some(suffix) = self.user_agent_suffix {
            b = b.user_agent_suffix(suffix);
        }
        if let Some(proxy) = self.proxy {
            b = b.proxy(proxy);
        }
        if self.skip_auth_id_check {
            b = b.skip_auth_id_check();
        }
        b.build()
    }
}

/// A positive number of milliseconds as a `Duration`.
fn millis(field: &str, ms: i64) -> Result<Duration, PowerpackError> {
    u64::try_from(ms)
        .ok()
        .filter(|&ms| ms > 0)
        .map(Duration::from_millis)
        .ok_or_else(|| PowerpackError::validation(field, format!("must be greater than zero, got {ms} ms")))
}

/// A page position from a foreign caller: signed there (Java has no
/// unsigned ints), never negative here.
fn non_negative(field: &str, value: i32) -> Result<u32, PowerpackError> {
    u32::try_from(value).map_err(|_| PowerpackError::validation(field, format!("must not be negative, got {value}")))
}

/// A Powerpack API client. Thread-safe; share one per process.
///
/// Its `Debug` form is exported (Python `repr`, Kotlin `toString`, Swift
/// `debugDescription`): account, base URL, timeouts and retries, the token
/// shown as `***`.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct PowerpackClient {
    inner: Client,
}

#[uniffi::export]
impl PowerpackClient {
    /// A client for these credentials. Fails with `Validation` on a malformed
    /// auth_id, an empty token or a bad setting; nothing is sent.
    #[uniffi::constructor(default(config = None))]
    pub fn new(auth_id: String, auth_token: String, config: Option<ClientConfig>) -> Result<Self, PowerpackError> {
        let inner = config.unwrap_or_default().apply(ClientBuilder::new(auth_id, auth_token))?;
        Ok(PowerpackClient { inner })
    }

    /// A client with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`.
    #[uniffi::constructor(default(config = None))]
    pub fn from_env(config: Option<ClientConfig>) -> Result<Self, PowerpackError> {
        let inner = config.unwrap_or_default().apply(Client::builder_from_env()?)?;
        Ok(PowerpackClient { inner })
    }

    /// The account this client acts for.
    pub fn auth_id(&self) -> String {
        self.inner.auth_id().to_owned()
    }

    /// Fetches one Powerpack.
    pub fn get_powerpack(&self, uuid: String) -> Result<Powerpack, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.get_powerpack(&uuid).await })
    }

    /// Changes a Powerpack; unset arguments are left as they are, `false` is
    /// sent as false. At least one change is required.
    #[uniffi::method(default(name = None, sticky_sender = None, local_connect = None, application = None, number_priority = None))]
    pub fn update_powerpack(
        &self,
        uuid: String,
        name: Option<String>,
        sticky_sender: Option<bool>,
        local_connect: Option<bool>,
        application: Option<Application>,
        number_priority: Option<Vec<NumberPriority>>,
    ) -> Result<Powerpack, PowerpackError> {
        let c = self.inner.clone();
        let changes = UpdatePowerpack { name, sticky_sender, local_connect, application, number_priority };
        runtime::block_on(async move { c.update_powerpack(&uuid, &changes).await })
    }

    /// Creates a Powerpack; unset booleans take the API's defaults (true).
    #[uniffi::method(default(sticky_sender = None, local_connect = None, application = None, number_priority = None))]
    pub fn create_powerpack(
        &self,
        name: String,
        sticky_sender: Option<bool>,
        local_connect: Option<bool>,
        application: Option<Application>,
        number_priority: Option<Vec<NumberPriority>>,
    ) -> Result<Powerpack, PowerpackError> {
        let c = self.inner.clone();
        let params = CreatePowerpack { name, sticky_sender, local_connect, application, number_priority };
        runtime::block_on(async move { c.create_powerpack(&params).await })
    }

    /// One page: `limit` 1..=20 (default 20), `offset` (default 0).
    #[uniffi::method(default(limit = 20, offset = 0))]
    pub fn list_powerpacks(&self, limit: i32, offset: i32) -> Result<PowerpackPage, PowerpackError> {
        let (limit, offset) = (non_negative("limit", limit)?, non_negative("offset", offset)?);
        let c = self.inner.clone();
        runtime::block_on(async move { c.list_powerpacks(limit, offset).await })
    }

    /// Every Powerpack of the account, all pages.
    pub fn list_all_powerpacks(&self) -> Result<Vec<Powerpack>, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.list_all_powerpacks().await })
    }

    /// Deletes a Powerpack; `unrent_numbers` (default false) also releases its numbers.
    #[uniffi::method(default(unrent_numbers = false))]
    pub fn delete_powerpack(&self, uuid: String, unrent_numbers: bool) -> Result<DeleteResult, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.delete_powerpack(&uuid, unrent_numbers).await })
    }
}

/// The async counterparts, named with an `_async` suffix.
#[uniffi::export]
impl PowerpackClient {
    /// Async [`get_powerpack`](Self::get_powerpack).
    pub async fn get_powerpack_async(&self, uuid: String) -> Result<Powerpack, PowerpackError> {
        let c = self.inner.clone();
        runtime::spawn(async move { c.get_powerpack(&uuid).await }).await
    }

    /// Async [`update_powerpack`](Self::update_powerpack).
    #[uniffi::method(default(name = None, sticky_sender = None, local_connect = None, application = None, number_priority = None))]
    pub async fn update_powerpack_async(
        &self,
        uuid: String,
        name: Option<String>,
        sticky_sender: Option<bool>,
        local_connect: Option<bool>,
        application: Option<Application>,
        number_priority: Option<Vec<NumberPriority>>,
    ) -> Result<Powerpack, PowerpackError> {
        let c = self.inner.clone();
        let changes = UpdatePowerpack { name, sticky_sender, local_connect, application, number_priority };
        runtime::spawn(async move { c.update_powerpack(&uuid, &changes).await }).await
    }

    /// Async [`create_powerpack`](Self::create_powerpack).
    #[uniffi::method(default(sticky_sender = None, local_connect = None, application = None, number_priority = None))]
    pub async fn create_powerpack_async(
        &self,
        name: String,
        sticky_sender: Option<bool>,
        local_connect: Option<bool>,
        application: Option<Application>,
        number_priority: Option<Vec<NumberPriority>>,
    ) -> Result<Powerpack, PowerpackError> {
        let c = self.inner.clone();
        let params = CreatePowerpack { name, sticky_sender, local_connect, application, number_priority };
        runtime::spawn(async move { c.create_powerpack(&params).await }).await
    }

    /// Async [`list_powerpacks`](Self::list_powerpacks).
    #[uniffi::method(default(limit = 20, offset = 0))]
    pub async fn list_powerpacks_async(&self, limit: i32, offset: i32) -> Result<PowerpackPage, PowerpackError> {
        let (limit, offset) = (non_negative("limit", limit)?, non_negative("offset", offset)?);
        let c = self.inner.clone();
        runtime::spawn(async move { c.list_powerpacks(limit, offset).await }).await
    }

    /// Async [`list_all_powerpacks`](Self::list_all_powerpacks).
    pub async fn list_all_powerpacks_async(&self) -> Result<Vec<Powerpack>, PowerpackError> {
        let c = self.inner.clone();
        runtime::spawn(async move { c.list_all_powerpacks().await }).await
    }

    /// Async [`delete_powerpack`](Self::delete_powerpack).
    #[uniffi::method(default(unrent_numbers = false))]
    pub async fn delete_powerpack_async(&self, uuid: String, unrent_numbers: bool) -> Result<DeleteResult, PowerpackError> {
        let c = self.inner.clone();
        runtime::spawn(async move { c.delete_powerpack(&uuid, unrent_numbers).await }).await
    }
}
