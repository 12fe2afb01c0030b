//! A blocking client for code without an async runtime: scripts, plain
//! threads, Java. Every call runs on a Tokio runtime the crate owns (a call alone in flight on
//! one that its caller's thread drives, see `runtime::block_on`), so it is safe from any
//! thread, including from inside another runtime.
//!
//! One generic path, [`Client::send`] (and [`Client::send_all`]), carries every operation; the
//! typed methods below are one line each over it, as their async twins are over
//! [`crate::Client::send`].

use crate::error::PowerpackError;
use crate::model::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, PowerpackPage, Shortcode, ShortcodePage};
use crate::operation::{self as ops, Operation, Paged};
use crate::params::{CreatePowerpack, ServiceType, UpdatePowerpack};
use crate::pool::NumberFilter;
use crate::runtime;
use crate::validate::MAX_PAGE_SIZE;

/// The blocking face of [`crate::Client`]; same calls, same errors.
#[derive(Debug, Clone)]
pub struct Client {
    inner: crate::Client,
}

impl From<crate::Client> for Client {
    fn from(inner: crate::Client) -> Self {
        Client { inner }
    }
}

impl Client {
    /// A blocking client with every default.
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Result<Self, PowerpackError> {
        crate::Client::new(auth_id, auth_token).map(Self::from)
    }

    /// A blocking client with credentials from `PLIVO_AUTH_ID` / `PLIVO_AUTH_TOKEN`.
    pub fn from_env() -> Result<Self, PowerpackError> {
        crate::Client::from_env().map(Self::from)
    }

    /// The async client behind this one.
    pub fn async_client(&self) -> &crate::Client {
        &self.inner
    }

    /// Runs one operation and waits for it: the blocking twin of [`crate::Client::send`].
    pub fn send<O: Operation + 'static>(&self, op: O) -> Result<O::Output, PowerpackError> {
        let client = self.inner.clone();
        runtime::block_on(async move { client.send(&op).await })
    }

    /// Every page of a list operation: the blocking twin of [`crate::Client::send_all`].
    pub fn send_all<O: Paged + 'static>(&self, op: O) -> Result<Vec<O::Item>, PowerpackError> {
        let client = self.inner.clone();
        runtime::block_on(async move { client.send_all(&op).await })
    }

    /// See [`crate::Client::get_powerpack`].
    pub fn get_powerpack(&self, uuid: &str) -> Result<Powerpack, PowerpackError> {
        self.send(ops::GetPowerpack { uuid: uuid.to_owned() })
    }

    /// See [`crate::Client::create_powerpack`].
    pub fn create_powerpack(&self, params: &CreatePowerpack) -> Result<Powerpack, PowerpackError> {
        self.send(ops::CreatePowerpack { powerpack: params.clone() })
    }

    /// See [`crate::Client::update_powerpack`].
    pub fn update_powerpack(&self, uuid: &str, changes: &UpdatePowerpack) -> Result<Powerpack, PowerpackError> {
        self.send(ops::UpdatePowerpack { uuid: uuid.to_owned(), changes: changes.clone() })
    }

    /// See [`crate::Client::list_powerpacks`].
    pub fn list_powerpacks(&self, limit: u32, offset: u32) -> Result<PowerpackPage, PowerpackError> {
        self.send(ops::ListPowerpacks { limit, offset })
    }

    /// See [`crate::Client::list_all_powerpacks`].
    pub fn list_all_powerpacks(&self) -> Result<Vec<Powerpack>, PowerpackError> {
        self.send_all(ops::ListPowerpacks { limit: MAX_PAGE_SIZE, offset: 0 })
    }

    /// See [`crate::Client::delete_powerpack`].
    pub fn delete_powerpack(&self, uuid: &str, unrent_numbers: bool) -> Result<DeleteResult, PowerpackError> {
        self.send(ops::DeletePowerpack { uuid: uuid.to_owned(), unrent_numbers })
    }

    /// See [`crate::Client::number_pool`].
    pub fn number_pool(&self, pool_uuid: &str) -> Result<NumberPool, PowerpackError> {
        self.inner.number_pool(pool_uuid).map(|pool| NumberPool { client: self.clone(), uuid: pool.uuid().to_owned() })
    }

    /// See [`crate::Client::number_pool_of`].
    pub fn number_pool_of(&self, powerpack: &Powerpack) -> Result<NumberPool, PowerpackError> {
        self.inner
            .number_pool_of(powerpack)
            .map(|pool| NumberPool { client: self.clone(), uuid: pool.uuid().to_owned() })
    }
}

/// The blocking face of [`crate::NumberPool`]; same calls, same errors.
#[derive(Debug, Clone)]
pub struct NumberPool {
    client: Client,
    uuid: String,
}

impl NumberPool {
    /// The pool's uuid.
    pub fn uuid(&self) -> &str {
        &self.uuid
    }

    fn item(&self, item: &str) -> (String, String) {
        (self.uuid.clone(), item.to_owned())
    }

    /// See [`crate::NumberPool::list_numbers`].
    pub fn list_numbers(
        &self,
        filter: &NumberFilter,
        limit: u32,
        offset: u32,
    ) -> Result<PoolNumberPage, PowerpackError> {
        self.client.send(ops::ListNumbers { pool_uuid: self.uuid.clone(), filter: filter.clone(), limit, offset })
    }
    /// See [`crate::NumberPool::list_all_numbers`].
    pub fn list_all_numbers(&self, filter: &NumberFilter) -> Result<Vec<PoolNumber>, PowerpackError> {
        let filter = filter.clone();
        self.client.send_all(ops::ListNumbers { pool_uuid: self.uuid.clone(), filter, limit: MAX_PAGE_SIZE, offset: 0 })
    }
    /// See [`crate::NumberPool::get_number`].
    pub fn get_number(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::GetNumber { pool_uuid, number })
    }
    /// See [`crate::NumberPool::add_number`].
    pub fn add_number(&self, number: &str, service: Option<ServiceType>) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::AddNumber { pool_uuid, number, service })
    }
    /// See [`crate::NumberPool::buy_and_add_number`].
    pub fn buy_and_add_number(&self, number: &str, service: Option<ServiceType>) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::BuyAndAddNumber { pool_uuid, number, service })
    }
    /// See [`crate::NumberPool::remove_number`].
    pub fn remove_number(&self, number: &str, unrent: bool) -> Result<DeleteResult, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::RemoveNumber { pool_uuid, number, unrent })
    }
    /// See [`crate::NumberPool::list_shortcodes`].
    pub fn list_shortcodes(&self, limit: u32, offset: u32) -> Result<ShortcodePage, PowerpackError> {
        self.client.send(ops::ListShortcodes { pool_uuid: self.uuid.clone(), limit, offset })
    }
    /// See [`crate::NumberPool::list_all_shortcodes`].
    pub fn list_all_shortcodes(&self) -> Result<Vec<Shortcode>, PowerpackError> {
        self.client.send_all(ops::ListShortcodes { pool_uuid: self.uuid.clone(), limit: MAX_PAGE_SIZE, offset: 0 })
    }
    /// See [`crate::NumberPool::get_shortcode`].
    pub fn get_shortcode(&self, shortcode: &str) -> Result<Shortcode, PowerpackError> {
        let (pool_uuid, shortcode) = self.item(shortcode);
        self.client.send(ops::GetShortcode { pool_uuid, shortcode })
    }
    /// See [`crate::NumberPool::remove_shortcode`].
    pub fn remove_shortcode(&self, shortcode: &str) -> Result<DeleteResult, PowerpackError> {
        let (pool_uuid, shortcode) = self.item(shortcode);
        self.client.send(ops::RemoveShortcode { pool_uuid, shortcode })
    }
    /// See [`crate::NumberPool::list_tollfree`].
    pub fn list_tollfree(&self, limit: u32, offset: u32) -> Result<PoolNumberPage, PowerpackError> {
        self.client.send(ops::ListTollfree { pool_uuid: self.uuid.clone(), limit, offset })
    }
    /// See [`crate::NumberPool::list_all_tollfree`].
    pub fn list_all_tollfree(&self) -> Result<Vec<PoolNumber>, PowerpackError> {
        self.client.send_all(ops::ListTollfree { pool_uuid: self.uuid.clone(), limit: MAX_PAGE_SIZE, offset: 0 })
    }
    /// See [`crate::NumberPool::get_tollfree`].
    pub fn get_tollfree(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::GetTollfree { pool_uuid, number })
    }
    /// See [`crate::NumberPool::add_tollfree`].
    pub fn add_tollfree(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::AddTollfree { pool_uuid, number })
    }
    /// See [`crate::NumberPool::remove_tollfree`].
    pub fn remove_tollfree(&self, number: &str, unrent: bool) -> Result<DeleteResult, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(ops::RemoveTollfree { pool_uuid, number, unrent })
    }
}
