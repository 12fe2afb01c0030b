//! The exported number pool: a Powerpack's numbers, shortcodes and toll-free numbers, each
//! call declared once for its blocking and its async export (see `calls!` at the crate root).
//! Made by `PowerpackClient.number_pool(pool_uuid)` or `.number_pool_of(powerpack)`.

use plivo_powerpack::{DeleteResult, NumberFilter, PoolNumber, ServiceType, Shortcode};

use crate::error::PowerpackError;
use crate::page::{PoolNumberPage, ShortcodePage};
use crate::page_args;

/// A handle on one number pool; it sends nothing until a call. Thread-safe.
///
/// `add_number` never buys (it sends `"rent": false`); `buy_and_add_number` does (`"rent": true`).
/// Removals keep the number rented (`unrent` false) unless asked.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct NumberPool {
    inner: plivo_powerpack::NumberPool,
}

impl From<plivo_powerpack::NumberPool> for NumberPool {
    fn from(inner: plivo_powerpack::NumberPool) -> Self {
        NumberPool { inner }
    }
}

#[uniffi::export]
impl NumberPool {
    /// The pool's uuid.
    pub fn uuid(&self) -> String {
        self.inner.uuid().to_owned()
    }
}

calls! {
    impl NumberPool;

    /// One page of the pool's numbers matching `filter` (default: all): `limit` 1..=20
    /// (default 20), `offset` from 0. `starts_with` takes at most 10 prefixes and needs
    /// `country_iso2`.
    #[uniffi::method(default(limit = None, offset = None, filter))]
    fn list_numbers, list_numbers_async (filter: NumberFilter, limit: Option<i32>, offset: Option<i32>) -> PoolNumberPage
        = |p| {
            let (limit, offset) = page_args(limit, offset)?;
            p.list_numbers(&filter, limit, offset).await?
        };

    /// Every number of the pool matching `filter` (default: all), all pages.
    #[uniffi::method(default(filter))]
    fn list_all_numbers, list_all_numbers_async (filter: NumberFilter) -> Vec<PoolNumber>
        = |p| p.list_all_numbers(&filter).await?;

    /// One number of the pool, in E.164 digits without `+` (`NotFound` when not in this pool).
    fn get_number, get_number_async (number: String) -> PoolNumber
        = |p| p.get_number(&number).await?;

    /// Adds a number the account already rents; never buys (sends `"rent": false`).
    /// `service` defaults to the API's (SMS).
    #[uniffi::method(default(service = None))]
    fn add_number, add_number_async (number: String, service: Option<ServiceType>) -> PoolNumber
        = |p| p.add_number(&number, service).await?;

    /// Buys (rents) a number and adds it to the pool (sends `"rent": true`). Costs money:
    /// retried only when the request surely never arrived.
    #[uniffi::method(default(service = None))]
    fn buy_and_add_number, buy_and_add_number_async (number: String, service: Option<ServiceType>) -> PoolNumber
        = |p| p.buy_and_add_number(&number, service).await?;

    /// Takes a number out of the pool; `unrent` (default false) also releases it from the account.
    #[uniffi::method(default(unrent = false))]
    fn remove_number, remove_number_async (number: String, unrent: bool) -> DeleteResult
        = |p| p.remove_number(&number, unrent).await?;

    /// One page of the pool's shortcodes: `limit` 1..=20 (default 20), `offset` from 0.
    #[uniffi::method(default(limit = None, offset = None))]
    fn list_shortcodes, list_shortcodes_async (limit: Option<i32>, offset: Option<i32>) -> ShortcodePage
        = |p| {
            let (limit, offset) = page_args(limit, offset)?;
            p.list_shortcodes(limit, offset).await?
        };

    /// Every shortcode of the pool, all pages.
    fn list_all_shortcodes, list_all_shortcodes_async () -> Vec<Shortcode>
        = |p| p.list_all_shortcodes().await?;

    /// One shortcode of the pool (3 to 8 digits).
    fn get_shortcode, get_shortcode_async (shortcode: String) -> Shortcode
        = |p| p.get_shortcode(&shortcode).await?;

    /// Takes a shortcode out of the pool.
    fn remove_shortcode, remove_shortcode_async (shortcode: String) -> DeleteResult
        = |p| p.remove_shortcode(&shortcode).await?;

    /// One page of the pool's toll-free numbers: `limit` 1..=20 (default 20), `offset` from 0.
    #[uniffi::method(default(limit = None, offset = None))]
    fn list_tollfree, list_tollfree_async (limit: Option<i32>, offset: Option<i32>) -> PoolNumberPage
        = |p| {
            let (limit, offset) = page_args(limit, offset)?;
            p.list_tollfree(limit, offset).await?
        };

    /// Every toll-free number of the pool, all pages.
    fn list_all_tollfree, list_all_tollfree_async () -> Vec<PoolNumber>
        = |p| p.list_all_tollfree().await?;

    /// One toll-free number of the pool.
    fn get_tollfree, get_tollfree_async (number: String) -> PoolNumber
        = |p| p.get_tollfree(&number).await?;

    /// Adds a toll-free number the account already rents.
    fn add_tollfree, add_tollfree_async (number: String) -> PoolNumber
        = |p| p.add_tollfree(&number).await?;

    /// Takes a toll-free number out of the pool; `unrent` (default false) also releases it.
    #[uniffi::method(default(unrent = false))]
    fn remove_tollfree, remove_tollfree_async (number: String, unrent: bool) -> DeleteResult
        = |p| p.remove_tollfree(&number, unrent).await?;
}
