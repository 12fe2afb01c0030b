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

use reqwest::Method;
use serde_json::{json, Map, Value};

use crate::client::{all_pages, Client, MAX_PAGE_SIZE};
use crate::error::PowerpackError;
use crate::model::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, Shortcode, ShortcodePage};
use crate::params::ServiceType;
use crate::retry::Idempotency;
use crate::validate;

/// The most prefixes one `starts_with` filter may carry.
pub const MAX_STARTS_WITH_PREFIXES: usize = 10;

/// A kind of phone number in a pool, for [`NumberFilter::number_type`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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

    /// The query string, `limit` and `offset` last, exactly as sent. Values are checked to be
    /// digits and letters first, so nothing needs escaping.
    pub fn to_query(&self, limit: u32, offset: u32) -> String {
        let mut parts = Vec::with_capacity(6);
        if !self.starts_with.is_empty() {
            parts.push(format!("starts_with={}", self.starts_with.join(",")));
        }
        if let Some(iso) = &self.country_iso2 {
            parts.push(format!("country_iso2={iso}"));
        }
        if let Some(t) = self.number_type {
            parts.push(format!("type={}", t.as_str()));
        }
        if let Some(s) = self.service {
            parts.push(format!("service={}", s.as_pool_str()));
        }
        parts.push(format!("limit={limit}"));
        parts.push(format!("offset={offset}"));
        parts.join("&")
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

fn body(value: Value) -> Option<Vec<u8>> {
    Some(serde_json::to_vec(&value).expect("JSON values serialize"))
}

impl NumberPool {
    /// The pool's uuid.
    pub fn uuid(&self) -> &str {
        &self.uuid
    }

    fn path(&self, kind: &str, item: Option<&str>) -> String {
        match item {
            Some(item) => format!("NumberPool/{}/{kind}/{item}/", self.uuid),
            None => format!("NumberPool/{}/{kind}/", self.uuid),
        }
    }

    // ------------------------------------------------------------ long codes (and all numbers)

    /// One page of the pool's numbers matching `filter`: `limit` 1..=20, `offset` from 0.
    pub async fn list_numbers(
        &self,
        filter: &NumberFilter,
        limit: u32,
        offset: u32,
    ) -> Result<PoolNumberPage, PowerpackError> {
        validate::page_limit(limit)?;
        filter.validate()?;
        let path = format!("{}?{}", self.path("Number", None), filter.to_query(limit, offset));
        let body = self.client.call(Method::GET, &path, None, Idempotency::Idempotent).await?;
        PoolNumberPage::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Every number of the pool matching `filter`, all pages.
    pub async fn list_all_numbers(&self, filter: &NumberFilter) -> Result<Vec<PoolNumber>, PowerpackError> {
        // The first page's call checks the filter before anything is sent.
        all_pages(|offset| async move {
            let page = self.list_numbers(filter, MAX_PAGE_SIZE, offset).await?;
            Ok((page.meta.total_count, page.numbers))
        })
        .await
    }

    /// One number of the pool (`NotFound` when it is not in this pool).
    pub async fn get_number(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        validate::phone_number("number", number)?;
        let body =
            self.client.call(Method::GET, &self.path("Number", Some(number)), None, Idempotency::Idempotent).await?;
        PoolNumber::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Adds a number the account already rents, for `service` (the API's default is SMS when
    /// `None`). Sends `"rent": false`: this never buys a number.
    pub async fn add_number(&self, number: &str, service: Option<ServiceType>) -> Result<PoolNumber, PowerpackError> {
        self.add(number, service, false).await
    }

    /// Buys (rents) a number for the account and adds it to the pool. Sends `"rent": true`.
    /// Costs money: retried only when the request surely never arrived.
    pub async fn buy_and_add_number(
        &self,
        number: &str,
        service: Option<ServiceType>,
    ) -> Result<PoolNumber, PowerpackError> {
        self.add(number, service, true).await
    }

    async fn add(&self, number: &str, service: Option<ServiceType>, rent: bool) -> Result<PoolNumber, PowerpackError> {
        validate::phone_number("number", number)?;
        let mut params = Map::new();
        params.insert("rent".into(), Value::Bool(rent));
        if let Some(service) = service {
            params.insert("service".into(), Value::from(service.as_pool_str()));
        }
        let path = self.path("Number", Some(number));
        let body =
            self.client.call(Method::POST, &path, body(Value::Object(params)), Idempotency::NotIdempotent).await?;
        PoolNumber::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Takes a number out of the pool. With `unrent: false` (what every binding defaults to)
    /// the account keeps renting it; `true` also releases it from the account.
    pub async fn remove_number(&self, number: &str, unrent: bool) -> Result<DeleteResult, PowerpackError> {
        validate::phone_number("number", number)?;
        let path = self.path("Number", Some(number));
        let body =
            self.client.call(Method::DELETE, &path, body(json!({ "unrent": unrent })), Idempotency::Idempotent).await?;
        DeleteResult::from_json(&body).map_err(|e| self.client.redact(e))
    }

    // ------------------------------------------------------------ shortcodes

    /// One page of the pool's shortcodes: `limit` 1..=20, `offset` from 0.
    pub async fn list_shortcodes(&self, limit: u32, offset: u32) -> Result<ShortcodePage, PowerpackError> {
        validate::page_limit(limit)?;
        let path = format!("{}?limit={limit}&offset={offset}", self.path("Shortcode", None));
        let body = self.client.call(Method::GET, &path, None, Idempotency::Idempotent).await?;
        ShortcodePage::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Every shortcode of the pool, all pages.
    pub async fn list_all_shortcodes(&self) -> Result<Vec<Shortcode>, PowerpackError> {
        all_pages(|offset| async move {
            let page = self.list_shortcodes(MAX_PAGE_SIZE, offset).await?;
            Ok((page.meta.total_count, page.shortcodes))
        })
        .await
    }

    /// One shortcode of the pool.
    pub async fn get_shortcode(&self, shortcode: &str) -> Result<Shortcode, PowerpackError> {
        validate::shortcode("shortcode", shortcode)?;
        let path = self.path("Shortcode", Some(shortcode));
        let body = self.client.call(Method::GET, &path, None, Idempotency::Idempotent).await?;
        Shortcode::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Takes a shortcode out of the pool (shortcodes are not rented, so there is no `unrent`).
    pub async fn remove_shortcode(&self, shortcode: &str) -> Result<DeleteResult, PowerpackError> {
        validate::shortcode("shortcode", shortcode)?;
        let path = self.path("Shortcode", Some(shortcode));
        let body = self.client.call(Method::DELETE, &path, None, Idempotency::Idempotent).await?;
        DeleteResult::from_json(&body).map_err(|e| self.client.redact(e))
    }

    // ------------------------------------------------------------ toll-free numbers

    /// One page of the pool's toll-free numbers: `limit` 1..=20, `offset` from 0.
    pub async fn list_tollfree(&self, limit: u32, offset: u32) -> Result<PoolNumberPage, PowerpackError> {
        validate::page_limit(limit)?;
        let path = format!("{}?limit={limit}&offset={offset}", self.path("Tollfree", None));
        let body = self.client.call(Method::GET, &path, None, Idempotency::Idempotent).await?;
        PoolNumberPage::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Every toll-free number of the pool, all pages.
    pub async fn list_all_tollfree(&self) -> Result<Vec<PoolNumber>, PowerpackError> {
        all_pages(|offset| async move {
            let page = self.list_tollfree(MAX_PAGE_SIZE, offset).await?;
            Ok((page.meta.total_count, page.numbers))
        })
        .await
    }

    /// One toll-free number of the pool.
    pub async fn get_tollfree(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        validate::phone_number("number", number)?;
        let path = self.path("Tollfree", Some(number));
        let body = self.client.call(Method::GET, &path, None, Idempotency::Idempotent).await?;
        PoolNumber::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Adds a toll-free number the account already rents.
    pub async fn add_tollfree(&self, number: &str) -> Result<PoolNumber, PowerpackError> {
        validate::phone_number("number", number)?;
        let path = self.path("Tollfree", Some(number));
        let body = self.client.call(Method::POST, &path, None, Idempotency::NotIdempotent).await?;
        PoolNumber::from_json(&body).map_err(|e| self.client.redact(e))
    }

    /// Takes a toll-free number out of the pool; `unrent: true` also releases it from the account.
    pub async fn remove_tollfree(&self, number: &str, unrent: bool) -> Result<DeleteResult, PowerpackError> {
        validate::phone_number("number", number)?;
        let path = self.path("Tollfree", Some(number));
        let body =
            self.client.call(Method::DELETE, &path, body(json!({ "unrent": unrent })), Idempotency::Idempotent).await?;
        DeleteResult::from_json(&body).map_err(|e| self.client.redact(e))
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

    #[test]
    fn an_empty_filter_sends_only_the_page() {
        assert_eq!(NumberFilter::new().to_query(20, 0), "limit=20&offset=0");
    }

    #[test]
    fn a_full_filter_sends_every_parameter_in_a_fixed_order() {
        let f = NumberFilter::new()
            .starts_with(["1415", "1650"])
            .country_iso2("US")
            .number_type(PoolNumberType::Tollfree)
            .service(ServiceType::Mms);
        f.validate().unwrap();
        assert_eq!(
            f.to_query(5, 10),
            "starts_with=1415,1650&country_iso2=US&type=tollfree&service=mms&limit=5&offset=10"
        );
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
