//! A blocking client for code without an async runtime: scripts, plain
//! threads, Java. Every call runs on the crate's own Tokio runtime, so it is
//! safe from any thread, including from inside another runtime.

use crate::error::PowerpackError;
use crate::model::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, PowerpackPage, Shortcode, ShortcodePage};
use crate::params::{CreatePowerpack, ServiceType, UpdatePowerpack};
use crate::pool::NumberFilter;
use crate::runtime;

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

    /// See [`crate::Client::get_powerpack`].
    pub fn get_powerpack(&self, uuid: &str) -> Result<Powerpack, PowerpackError> {
        let (c, uuid) = (self.inner.clone(), uuid.to_owned());
        runtime::block_on(async move { c.get_powerpack(&uuid).await })
    }

    /// See [`crate::Client::create_powerpack`].
    pub fn create_powerpack(&self, params: &CreatePowerpack) -> Result<Powerpack, PowerpackError> {
        let (c, params) = (self.inner.clone(), params.clone());
        runtime::block_on(async move { c.create_powerpack(&params).await })
    }

    /// See [`crate::Client::update_powerpack`].
    pub fn update_powerpack(&self, uuid: &str, changes: &UpdatePowerpack) -> Result<Powerpack, PowerpackError> {
        let (c, uuid, changes) = (self.inner.clone(), uuid.to_owned(), changes.clone());
        runtime::block_on(async move { c.update_powerpack(&uuid, &changes).await })
    }

    /// See [`crate::Client::list_powerpacks`].
    pub fn list_powerpacks(&self, limit: u32, offset: u32) -> Result<PowerpackPage, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.list_powerpacks(limit, offset).await })
    }

    /// See [`crate::Client::list_all_powerpacks`].
    pub fn list_all_powerpacks(&self) -> Result<Vec<Powerpack>, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.list_all_powerpacks().await })
    }

    /// See [`crate::Client::delete_powerpack`].
    pub fn delete_powerpack(&self, uuid: &str, unrent_numbers: bool) -> Result<DeleteResult, PowerpackError> {
        let (c, uuid) = (self.inner.clone(), uuid.to_owned());
        runtime::block_on(async move { c.delete_powerpack(&uuid, unrent_numbers).await })
    }

    /// See [`crate::Client::number_pool`].
    pub fn number_pool(&self, pool_uuid: &str) -> Result<NumberPool, PowerpackError> {
        self.inner.number_pool(pool_uuid).map(|inner| NumberPool { inner })
    }

    /// See [`crate::Client::number_pool_of`].
    pub fn number_pool_of(&self, powerpack: &Powerpack) -> Result<NumberPool, PowerpackError> {
        self.inner.number_pool_of(powerpack).map(|inner| NumberPool { inner })
    }
}

/// The blocking face of [`crate::NumberPool`]; same calls, same errors.
#[derive(Debug, Clone)]
pub struct NumberPool {
    inner: crate::NumberPool,
}

/// Writes blocking forwards to the async pool: `fn name(arg: Type, ...) -> Return;` runs
/// `name` of [`crate::NumberPool`] on the crate's runtime, arguments cloned into the task.
macro_rules! forward {
    ($( $(#[$doc:meta])* fn $name:ident($($arg:ident: &$ty:ty),*; $($copy:ident: $cty:ty),*) -> $ret:ty; )*) => {
        impl NumberPool {
            $(
                $(#[$doc])*
                pub fn $name(&self, $($arg: &$ty,)* $($copy: $cty),*) -> Result<$ret, PowerpackError> {
                    let pool = self.inner.clone();
                    $(let $arg = $arg.to_owned();)*
                    runtime::block_on(async move { pool.$name($(&$arg,)* $($copy),*).await })
                }
            )*
        }
    };
}

impl NumberPool {
    /// The pool's uuid.
    pub fn uuid(&self) -> &str {
        self.inner.uuid()
    }
}

forward! {
    /// See [`crate::NumberPool::list_numbers`].
    fn list_numbers(filter: &NumberFilter; limit: u32, offset: u32) -> PoolNumberPage;
    /// See [`crate::NumberPool::list_all_numbers`].
    fn list_all_numbers(filter: &NumberFilter;) -> Vec<PoolNumber>;
    /// See [`crate::NumberPool::get_number`].
    fn get_number(number: &str;) -> PoolNumber;
    /// See [`crate::NumberPool::add_number`].
    fn add_number(number: &str; service: Option<ServiceType>) -> PoolNumber;
    /// See [`crate::NumberPool::buy_and_add_number`].
    fn buy_and_add_number(number: &str; service: Option<ServiceType>) -> PoolNumber;
    /// See [`crate::NumberPool::remove_number`].
    fn remove_number(number: &str; unrent: bool) -> DeleteResult;
    /// See [`crate::NumberPool::list_shortcodes`].
    fn list_shortcodes(; limit: u32, offset: u32) -> ShortcodePage;
    /// See [`crate::NumberPool::list_all_shortcodes`].
    fn list_all_shortcodes(;) -> Vec<Shortcode>;
    /// See [`crate::NumberPool::get_shortcode`].
    fn get_shortcode(shortcode: &str;) -> Shortcode;
    /// See [`crate::NumberPool::remove_shortcode`].
    fn remove_shortcode(shortcode: &str;) -> DeleteResult;
    /// See [`crate::NumberPool::list_tollfree`].
    fn list_tollfree(; limit: u32, offset: u32) -> PoolNumberPage;
    /// See [`crate::NumberPool::list_all_tollfree`].
    fn list_all_tollfree(;) -> Vec<PoolNumber>;
    /// See [`crate::NumberPool::get_tollfree`].
    fn get_tollfree(number: &str;) -> PoolNumber;
    /// See [`crate::NumberPool::add_tollfree`].
    fn add_tollfree(number: &str;) -> PoolNumber;
    /// See [`crate::NumberPool::remove_tollfree`].
    fn remove_tollfree(number: &str; unrent: bool) -> DeleteResult;
}
