//! A Powerpack's number pool: its long codes, shortcodes and toll-free numbers.
//!
//! Every Powerpack owns one pool (its `number_pool` path names it). A [`NumberPool`] is a
//! handle on one pool, made by [`Client::number_pool`] from a pool uuid or by
//! [`Client::number_pool_of`] from a [`Powerpack`]; it costs nothing and sends nothing until a
//! call. Every number, shortcode and filter is checked before any I/O.
//!
//! ```no_run
//! use plivo_powerpack::{Client, NumberFilter, PoolNumberType, ServiceType};
//! # async fn run(client: Client) -> Result<(), plivo_powerpack::PowerpackError> {
//! let powerpack = client.get_powerpack("0166c910-1268-47c7-bf30-f5809ee843b9").await?;
//! let pool = client.number_pool_of(&powerpack)?;            // or client.number_pool("<pool uuid>")?
//! pool.add_number("14155550100", None).await?;              // {"rent": false}
//! pool.buy_and_add_number("14155550199", Some(ServiceType::Mms)).await?;   // {"rent": true, "service": "mms"}
//! let filter = NumberFilter::new().country_iso2("US").starts_with(["1415"]).number_type(PoolNumberType::Fixed);
//! let page = pool.list_numbers(&filter, 20, 0).await?;      // or pool.list_all_numbers(&filter)
//! for n in &page.numbers {
//!     println!("{} {:?} {:?}", n.number, n.number_type, n.added_on);
//! }
//! pool.remove_number("14155550100", false).await?;          // {"unrent": false}: the account keeps it
//! let shortcodes = pool.list_all_shortcodes().await?;
//! pool.add_tollfree("18005550100").await?;
//! pool.remove_tollfree("18005550100", false).await?;
//! # Ok(()) }
//! ```
//!
//! Two choices differ from Plivo's SDKs on purpose:
//! * adding a number always says whether to buy it: [`NumberPool::add_number`] sends
//!   `"rent": false`, [`NumberPool::buy_and_add_number`] sends `"rent": true`; neither relies
//!   on a server default, and a buy is never retried after the request may have arrived;
//! * removing sends `"unrent": false` unless the caller asks for the number to be released.

use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::PowerpackError;
use crate::model::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, Shortcode, ShortcodePage};
use crate::operation as ops;
use crate::params::ServiceType;
use crate::validate::{self, MAX_PAGE_SIZE};

/// The most prefixes one `starts_with` filter may carry.
pub const MAX_STARTS_WITH_PREFIXES: usize = 10;

/// A kind of phone number in a pool, for [`NumberFilter::number_type`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PoolNumberType {
    Fixed,
    Mobile,
    Tollfree,
}

impl PoolNumberType {
    /// The API's spelling: `fixed`, `mobile`, `tollfree`.
    pub fn as_str(self) -> &'static str {
        match self {
            PoolNumberType::Fixed => "fixed",
            PoolNumberType::Mobile => "mobile",
            PoolNumberType::Tollfree => "tollfree",
        }
    }
}

impl ServiceType {
    /// The spelling of the number-pool endpoints: `sms`, `mms`.
    pub(crate) fn as_pool_str(self) -> &'static str {
        match self {
            ServiceType::Sms => "sms",
            ServiceType::Mms => "mms",
        }
    }
}

/// Which pool numbers to list. Every field is optional; the empty filter lists all.
///
/// ```
/// use plivo_powerpack::{NumberFilter, PoolNumberType};
/// let filter = NumberFilter::new().country_iso2("US").starts_with(["1415", "1650"]).number_type(PoolNumberType::Mobile);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[must_use]
pub struct NumberFilter {
    /// Number prefixes (digits), at most 10; needs `country_iso2`. Sent comma-separated.
    pub starts_with: Vec<String>,
    /// ISO 3166-1 alpha-2 country of the numbers, upper case.
    pub country_iso2: Option<String>,
    pub number_type: Option<PoolNumberType>,
    pub service: Option<ServiceType>,
}

impl NumberFilter {
    /// The empty filter: every number of the pool.
    pub fn new() -> Self {
        Self::default()
    }
    /// Numbers starting with any of these prefixes (needs [`country_iso2`](Self::country_iso2)).
    pub fn starts_with<I, S>(mut self, prefixes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.starts_with = prefixes.into_iter().map(Into::into).collect();
        self
    }
    /// Numbers of this country (`"US"`).
    pub fn country_iso2(mut self, iso: impl Into<String>) -> Self {
        self.country_iso2 = Some(iso.into());
        self
    }
    /// Numbers of this kind.
    pub fn number_type(mut self, number_type: PoolNumberType) -> Self {
        self.number_type = Some(number_type);
        self
    }
    /// Numbers serving this service in the pool.
    pub fn service(mut self, service: ServiceType) -> Self {
        self.service = Some(service);
        self
    }

    /// Checks the API's filter rules locally.
    pub fn validate(&self) -> Result<(), PowerpackError> {
        if let Some(iso) = &self.country_iso2 {
            validate::country_iso2("country_iso2", iso)?;
        }
        if self.starts_with.len() > MAX_STARTS_WITH_PREFIXES {
            return Err(PowerpackError::validation(
                "starts_with",
                format!("at most {MAX_STARTS_WITH_PREFIXES} prefixes, got {}", self.starts_with.len()),
            ));
        }
        for (i, prefix) in self.starts_with.iter().enumerate() {
            if prefix.is_empty() || prefix.len() > 15 || !prefix.bytes().all(|b| b.is_ascii_digit()) {
                return Err(PowerpackError::validation(
                    &format!("starts_with[{i}]"),
                    format!("must be 1 to 15 digits, got {prefix:?}"),
                ));
            }
        }
        if !self.starts_with.is_empty() && self.country_iso2.is_none() {
            return Err(PowerpackError::validation("starts_with", "needs country_iso2 to be set as well"));
        }
        Ok(())
    }

    /// The filter's query parameters, in the order sent (`limit` and `offset` follow them).
    pub(crate) fn query(&self) -> Vec<(&'static str, String)> {
        let mut query = Vec::with_capacity(6);
        if !self.starts_with.is_empty() {
            query.push(("starts_with", self.starts_with.join(",")));
        }
        if let Some(iso) = &self.country_iso2 {
            query.push(("country_iso2", iso.clone()));
        }
        if let Some(t) = self.number_type {
            query.push(("type", t.as_str().to_owned()));
        }
        if let Some(s) = self.service {
            query.push(("service", s.as_pool_str().to_owned()));
        }
        query
    }
}

/// A handle on one number pool; see the [module docs](self). Cheap to clone.
#[derive(Debug, Clone)]
pub struct NumberPool {
    client: Client,
    uuid: String,
}

impl Client {
    /// The number pool with this uuid (the segment after `NumberPool/` in a Powerpack's
    /// `number_pool`). Fails with `Validation` when it is not a UUID; sends nothing.
    pub fn number_pool(&self, pool_uuid: &str) -> Result<NumberPool, PowerpackError> {
        validate::uuid_shape("pool_uuid", pool_uuid)?;
        Ok(NumberPool { client: self.clone(), uuid: pool_uuid.to_owned() })
    }

    /// The number pool of this Powerpack. Fails with `Validation` when the Powerpack came
    /// without a `number_pool`; sends nothing.
    pub fn number_pool_of(&self, powerpack: &Powerpack) -> Result<NumberPool, PowerpackError> {
        let uuid = powerpack.number_pool_uuid.as_deref().ok_or_else(|| {
            PowerpackError::validation("powerpack.number_pool", "this Powerpack has no number pool path")
        })?;
        self.number_pool(uuid)
    }
}

impl NumberPool {
    /// The pool's uuid.
    pub fn uuid(&self) -> &str {
        &self.uuid
    }

    fn item(&self, item: &str) -> (String, String) {
        (self.uuid.clone(), item.to_owned())
    }

    // ------------------------------------------------------------ long codes (and all numbers)

    /// One page of the pool's numbers matching `filter`: `limit` 1..=20, `offset` from 0.
    pub async fn list_numbers(
        &self,
        filter: &NumberFilter,
        limit: u32,
        offset: u32,
    ) -> Result<PoolNumberPage, PowerpackError> {
        self.client
            .send(&ops::ListNumbers { pool_uuid: self.uuid.clone(), filter: filter.clone(), limit, offset })
            .await
    }

    /// Every number of the pool matching `filter`, all pages.
    pub async fn list_all_numbers(&self, filter: &NumberFilter) -> Result<Vec<PoolNumber>, PowerpackError> {
        let op =
            ops::ListNumbers { pool_uuid: self.uuid.clone(), filter: filter.clone(), limit: MAX_PAGE_SIZE, offset: 0 };
        self.client.send_all(&op).await
    }

    /// One number of the pool (`NotFound` when it is not in this pool).
    pub async fn get_number(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::GetNumber { pool_uuid, number }).await
    }

    /// Adds a number the account already rents, for `service` (the API's default is SMS when
    /// `None`). Sends `"rent": false`: this never buys a number.
    pub async fn add_number(&self, number: &str, service: Option<ServiceType>) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::AddNumber { pool_uuid, number, service }).await
    }

    /// Buys (rents) a number for the account and adds it to the pool. Sends `"rent": true`.
    /// Costs money: retried only when the request surely never arrived.
    pub async fn buy_and_add_number(
        &self,
        number: &str,
        service: Option<ServiceType>,
    ) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::BuyAndAddNumber { pool_uuid, number, service }).await
    }

    /// Takes a number out of the pool. With `unrent: false` (what every binding defaults to)
    /// the account keeps renting it; `true` also releases it from the account.
    pub async fn remove_number(&self, number: &str, unrent: bool) -> Result<DeleteResult, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::RemoveNumber { pool_uuid, number, unrent }).await
    }

    // ------------------------------------------------------------ shortcodes

    /// One page of the pool's shortcodes: `limit` 1..=20, `offset` from 0.
    pub async fn list_shortcodes(&self, limit: u32, offset: u32) -> Result<ShortcodePage, PowerpackError> {
        self.client.send(&ops::ListShortcodes { pool_uuid: self.uuid.clone(), limit, offset }).await
    }

    /// Every shortcode of the pool, all pages.
    pub async fn list_all_shortcodes(&self) -> Result<Vec<Shortcode>, PowerpackError> {
        self.client
            .send_all(&ops::ListShortcodes { pool_uuid: self.uuid.clone(), limit: MAX_PAGE_SIZE, offset: 0 })
            .await
    }

    /// One shortcode of the pool.
    pub async fn get_shortcode(&self, shortcode: &str) -> Result<Shortcode, PowerpackError> {
        let (pool_uuid, shortcode) = self.item(shortcode);
        self.client.send(&ops::GetShortcode { pool_uuid, shortcode }).await
    }

    /// Takes a shortcode out of the pool (shortcodes are not rented, so there is no `unrent`).
    pub async fn remove_shortcode(&self, shortcode: &str) -> Result<DeleteResult, PowerpackError> {
        let (pool_uuid, shortcode) = self.item(shortcode);
        self.client.send(&ops::RemoveShortcode { pool_uuid, shortcode }).await
    }

    // ------------------------------------------------------------ toll-free numbers

    /// One page of the pool's toll-free numbers: `limit` 1..=20, `offset` from 0.
    pub async fn list_tollfree(&self, limit: u32, offset: u32) -> Result<PoolNumberPage, PowerpackError> {
        self.client.send(&ops::ListTollfree { pool_uuid: self.uuid.clone(), limit, offset }).await
    }

    /// Every toll-free number of the pool, all pages.
    pub async fn list_all_tollfree(&self) -> Result<Vec<PoolNumber>, PowerpackError> {
        self.client.send_all(&ops::ListTollfree { pool_uuid: self.uuid.clone(), limit: MAX_PAGE_SIZE, offset: 0 }).await
    }

    /// One toll-free number of the pool.
    pub async fn get_tollfree(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::GetTollfree { pool_uuid, number }).await
    }

    /// Adds a toll-free number the account already rents.
    pub async fn add_tollfree(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::AddTollfree { pool_uuid, number }).await
    }

    /// Takes a toll-free number out of the pool; `unrent: true` also releases it from the account.
    pub async fn remove_tollfree(&self, number: &str, unrent: bool) -> Result<DeleteResult, PowerpackError> {
        let (pool_uuid, number) = self.item(number);
        self.client.send(&ops::RemoveTollfree { pool_uuid, number, unrent }).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field_of(e: PowerpackError) -> String {
        match e {
            PowerpackError::Validation { field, .. } => field,
            other => panic!("not a validation error: {other:?}"),
        }
    }

    fn query_of(f: &NumberFilter) -> String {
        f.query().iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&")
    }

    #[test]
    fn an_empty_filter_sends_nothing() {
        assert_eq!(query_of(&NumberFilter::new()), "");
    }

    #[test]
    fn a_full_filter_sends_every_parameter_in_a_fixed_order() {
        let f = NumberFilter::new()
            .starts_with(["1415", "1650"])
            .country_iso2("US")
            .number_type(PoolNumberType::Tollfree)
            .service(ServiceType::Mms);
        f.validate().unwrap();
        assert_eq!(query_of(&f), "starts_with=1415,1650&country_iso2=US&type=tollfree&service=mms");
    }

    #[test]
    fn starts_with_needs_a_country() {
        assert_eq!(field_of(NumberFilter::new().starts_with(["1415"]).validate().unwrap_err()), "starts_with");
    }

    #[test]
    fn starts_with_takes_at_most_ten_digit_prefixes() {
        let eleven: Vec<String> = (10..21).map(|n| n.to_string()).collect();
        assert_eq!(
            field_of(NumberFilter::new().country_iso2("US").starts_with(eleven).validate().unwrap_err()),
            "starts_with"
        );
        let ten: Vec<String> = (10..20).map(|n| n.to_string()).collect();
        NumberFilter::new().country_iso2("US").starts_with(ten).validate().unwrap();
        for bad in ["", "14a", "+1", "1234567890123456"] {
            let f = NumberFilter::new().country_iso2("US").starts_with(["1", bad]);
            assert_eq!(field_of(f.validate().unwrap_err()), "starts_with[1]", "{bad:?}");
        }
    }

    #[test]
    fn the_country_is_two_upper_case_letters() {
        assert_eq!(field_of(NumberFilter::new().country_iso2("us").validate().unwrap_err()), "country_iso2");
    }
}
