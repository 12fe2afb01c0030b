//! Response types and their tolerant decoding.
//!
//! Decoding is written by hand over `serde_json::Value` rather than derived,
//! because real and recorded bodies disagree with the docs in small ways that
//! must not fail a call: `""` for "no application", a numeric
//! `application_id`, absent `api_id`/`number_priority`/`sticky_sender`,
//! duplicated keys (the last wins), unknown keys, and fractional seconds of
//! any length. A field that is present but of an unusable type still fails,
//! with its JSON path in [`PowerpackError::Decode`].

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::{Map, Value};

use serde::{Serialize, Serializer};

use crate::error::{excerpt, PowerpackError};
use crate::params::{NumberPriority, NumberType, Priority, ServiceType};

/// A Powerpack as the API returns it. Nothing the API sends is dropped.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Powerpack {
    /// The id Plivo gave this API request; absent inside list pages.
    pub api_id: Option<String>,
    pub uuid: String,
    pub name: String,
    /// `None` only when the body lacked the field (some recorded bodies do).
    pub sticky_sender: Option<bool>,
    /// `None` only when the body lacked the field.
    pub local_connect: Option<bool>,
    /// `"XML"` or `"PHLO"` as sent by the API; `None` when no application is attached.
    pub application_type: Option<String>,
    /// The attached application's id; `None` when no application is attached.
    pub application_id: Option<String>,
    /// The number pool's path, `/v1/Account/{auth_id}/NumberPool/{pool_uuid}/`.
    pub number_pool: Option<String>,
    /// The pool uuid taken from `number_pool`, for the number-pool endpoints.
    pub number_pool_uuid: Option<String>,
    /// Empty when the API sent none.
    pub number_priority: Vec<NumberPriority>,
    /// When the Powerpack was created (UTC).
    #[serde(serialize_with = "timestamp")]
    pub created_on: Option<SystemTime>,
}

/// Paging information of a list response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListMeta {
    pub limit: u32,
    pub offset: u32,
    pub total_count: u32,
    /// Plivo's `next` link; often `null`, `""` or unusable. Page with `offset`.
    pub next: Option<String>,
    pub previous: Option<String>,
}

/// One page of Powerpacks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PowerpackPage {
    pub api_id: Option<String>,
    pub meta: ListMeta,
    pub powerpacks: Vec<Powerpack>,
}

/// The answer to a delete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeleteResult {
    pub api_id: Option<String>,
    /// `"success"` from the API; `None` for an empty (204) body.
    pub response: Option<String>,
}

/// A number in a Powerpack's number pool: a long code or a toll-free number.
///
/// Strings are kept as the API sends them (`number_type` `"fixed"`, `"mobile"` or
/// `"tollfree"`; `service` `"sms"` or `"mms"`), so a value Plivo adds later is not lost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolNumber {
    /// The id Plivo gave this API request; absent inside list pages.
    pub api_id: Option<String>,
    /// The number in E.164 form without `+`, e.g. `"14155550100"`.
    pub number: String,
    /// `"fixed"`, `"mobile"` or `"tollfree"` (the API's `type`, and its serde name).
    #[serde(rename = "type")]
    pub number_type: Option<String>,
    /// ISO 3166-1 alpha-2 country of the number.
    pub country_iso2: Option<String>,
    /// `"sms"` or `"mms"` when the API says which service the number serves in the pool.
    pub service: Option<String>,
    /// The pool the number belongs to.
    pub number_pool_uuid: Option<String>,
    /// The number's path under the account, `/v1/Account/{auth_id}/Number/{number}/`.
    pub account_phone_number_resource: Option<String>,
    /// When the number was added to the pool (UTC).
    #[serde(serialize_with = "timestamp")]
    pub added_on: Option<SystemTime>,
}

/// A shortcode in a Powerpack's number pool.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Shortcode {
    /// The id Plivo gave this API request; absent inside list pages.
    pub api_id: Option<String>,
    /// The shortcode's digits, e.g. `"444444"`.
    pub shortcode: String,
    pub country_iso2: Option<String>,
    pub number_pool_uuid: Option<String>,
    /// When the shortcode was added to the pool (UTC).
    #[serde(serialize_with = "timestamp")]
    pub added_on: Option<SystemTime>,
}

/// One page of pool numbers (or of toll-free numbers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolNumberPage {
    pub api_id: Option<String>,
    pub meta: ListMeta,
    pub numbers: Vec<PoolNumber>,
}

/// One page of shortcodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShortcodePage {
    pub api_id: Option<String>,
    pub meta: ListMeta,
    pub shortcodes: Vec<Shortcode>,
}

impl PoolNumber {
    /// Decodes a single-number response body (find, add, buy and add).
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        let map = parse_object(body)?;
        Self::from_map(&Fields { map: &map, path: String::new(), body })
    }

    fn from_map(f: &Fields<'_>) -> Result<Self, PowerpackError> {
        Ok(PoolNumber {
            api_id: f.opt_nonempty_str("api_id")?,
            // Recorded toll-free bodies name the number `tollfree` (plivo-python) or even
            // `shortcode` (plivo-dotnet's toll-free list); `number` wins when present.
            number: match (f.opt_str("number")?, f.opt_str("tollfree")?, f.opt_str("shortcode")?) {
                (Some(n), _, _) | (None, Some(n), _) | (None, None, Some(n)) => n,
                (None, None, None) => return Err(f.err("number", "missing".into())),
            },
            number_type: f.opt_nonempty_str("type")?,
            country_iso2: f.opt_nonempty_str("country_iso2")?,
            service: f.opt_nonempty_str("service")?,
            number_pool_uuid: pool_uuid_field(f)?,
            account_phone_number_resource: f.opt_nonempty_str("account_phone_number_resource")?,
            added_on: f.opt_time("added_on")?,
        })
    }
}

impl Shortcode {
    /// Decodes a single-shortcode response body.
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        let map = parse_object(body)?;
        Self::from_map(&Fields { map: &map, path: String::new(), body })
    }

    fn from_map(f: &Fields<'_>) -> Result<Self, PowerpackError> {
        Ok(Shortcode {
            api_id: f.opt_nonempty_str("api_id")?,
            shortcode: f.str("shortcode")?,
            country_iso2: f.opt_nonempty_str("country_iso2")?,
            number_pool_uuid: pool_uuid_field(f)?,
            added_on: f.opt_time("added_on")?,
        })
    }
}

/// `number_pool_uuid`, or `numberpool_uuid` as some recorded single-number bodies spell it,
/// or the uuid inside a `number_pool` path.
fn pool_uuid_field(f: &Fields<'_>) -> Result<Option<String>, PowerpackError> {
    if let Some(id) = f.opt_nonempty_str("number_pool_uuid")? {
        return Ok(Some(id));
    }
    if let Some(id) = f.opt_nonempty_str("numberpool_uuid")? {
        return Ok(Some(id));
    }
    Ok(f.opt_nonempty_str("number_pool")?.as_deref().and_then(pool_uuid_of))
}

impl PoolNumberPage {
    /// Decodes a list response of pool numbers or of toll-free numbers.
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        let (api_id, meta, numbers) = decode_page(body, PoolNumber::from_map)?;
        Ok(PoolNumberPage { api_id, meta, numbers })
    }
}

impl ShortcodePage {
    /// Decodes a list response of shortcodes.
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        let (api_id, meta, shortcodes) = decode_page(body, Shortcode::from_map)?;
        Ok(ShortcodePage { api_id, meta, shortcodes })
    }
}

/// Parses a body into a JSON object, failing with a `Decode` error.
pub(crate) fn parse_object(body: &[u8]) -> Result<Map<String, Value>, PowerpackError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(decode_error(".", format!("expected a JSON object, got {}", kind(&other)), body)),
        Err(e) => Err(decode_error(".", format!("not valid JSON: {e}"), body)),
    }
}

pub(crate) fn decode_error(path: &str, reason: impl Into<String>, body: &[u8]) -> PowerpackError {
    PowerpackError::Decode { path: path.to_owned(), reason: reason.into(), body_excerpt: excerpt(body) }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A field reader that knows its JSON path, for precise decode errors.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    path: String,
    body: &'a [u8],
}

impl<'a> Fields<'a> {
    fn err(&self, key: &str, reason: String) -> PowerpackError {
        decode_error(&format!("{}.{key}", self.path), reason, self.body)
    }

    /// A string; `null` and absence are `None`. Numbers are accepted and
    /// printed (recorded bodies carry numeric application ids).
    fn opt_str(&self, key: &str) -> Result<Option<String>, PowerpackError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(other) => Err(self.err(key, format!("expected a string, got {}", kind(other)))),
        }
    }

    /// A string where `""` also means "none".
    fn opt_nonempty_str(&self, key: &str) -> Result<Option<String>, PowerpackError> {
        Ok(self.opt_str(key)?.filter(|s| !s.is_empty()))
    }

    fn str(&self, key: &str) -> Result<String, PowerpackError> {
        self.opt_str(key)?.ok_or_else(|| self.err(key, "missing".into()))
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>, PowerpackError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
            Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
            Some(other) => Err(self.err(key, format!("expected a boolean, got {}", kind(other)))),
        }
    }

    fn u32_or(&self, key: &str, default: u32) -> Result<u32, PowerpackError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Ok(default),
            Some(Value::Number(n)) => n
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| self.err(key, format!("expected a non-negative integer, got {n}"))),
            Some(other) => Err(self.err(key, format!("expected an integer, got {}", kind(other)))),
        }
    }

    /// An ISO-8601 UTC timestamp; `""`, `null` and absence are `None`.
    fn opt_time(&self, key: &str) -> Result<Option<SystemTime>, PowerpackError> {
        match self.opt_nonempty_str(key)? {
            None => Ok(None),
            Some(s) => parse_timestamp(&s)
                .map(Some)
                .ok_or_else(|| self.err(key, format!("not an ISO-8601 UTC timestamp: {s:?}"))),
        }
    }

    fn nested(&self, key: &str, map: &'a Map<String, Value>) -> Fields<'a> {
        Fields { map, path: format!("{}.{key}", self.path), body: self.body }
    }
}

impl Powerpack {
    /// Decodes a single-object response body (get, create, update).
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        let map = parse_object(body)?;
        Self::from_map(&Fields { map: &map, path: String::new(), body })
    }

    fn from_map(f: &Fields<'_>) -> Result<Self, PowerpackError> {
        let number_pool = f.opt_nonempty_str("number_pool")?;
        let number_pool_uuid = number_pool.as_deref().and_then(pool_uuid_of);
        let created_on = f.opt_time("created_on")?;
        Ok(Powerpack {
            api_id: f.opt_nonempty_str("api_id")?,
            uuid: f.str("uuid")?,
            name: f.str("name")?,
            sticky_sender: f.opt_bool("sticky_sender")?,
            local_connect: f.opt_bool("local_connect")?,
            application_type: f.opt_nonempty_str("application_type")?,
            application_id: f.opt_nonempty_str("application_id")?,
            number_pool,
            number_pool_uuid,
            number_priority: decode_number_priority(f)?,
            created_on,
        })
    }
}

fn decode_number_priority(f: &Fields<'_>) -> Result<Vec<NumberPriority>, PowerpackError> {
    let items = match f.map.get("number_priority") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => return Err(f.err("number_priority", format!("expected an array, got {}", kind(other)))),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let key = format!("number_priority[{i}]");
        let Value::Object(map) = item else {
            return Err(f.err(&key, format!("expected an object, got {}", kind(item))));
        };
        let entry = f.nested(&key, map);
        let service = entry.str("service_type")?;
        let service_type = ServiceType::parse(&service)
            .ok_or_else(|| entry.err("service_type", format!("unknown service type {service:?}")))?;
        let Some(Value::Object(pmap)) = map.get("priority") else {
            return Err(entry.err("priority", "expected an object".into()));
        };
        let p = entry.nested("priority", pmap);
        let rank = |k: &str| -> Result<NumberType, PowerpackError> {
            let s = p.str(k)?;
            NumberType::parse(&s).ok_or_else(|| p.err(k, format!("unknown number type {s:?}")))
        };
        out.push(NumberPriority {
            country_iso: entry.str("country_iso")?,
            service_type,
            priority: Priority {
                priority1: rank("priority1")?,
                priority2: rank("priority2")?,
                priority3: rank("priority3")?,
            },
        });
    }
    Ok(out)
}

impl PowerpackPage {
    /// Decodes a list response body.
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        let (api_id, meta, powerpacks) = decode_page(body, Powerpack::from_map)?;
        Ok(PowerpackPage { api_id, meta, powerpacks })
    }
}

/// The parts of every list envelope: `api_id`, `meta` and the decoded `objects`.
fn decode_page<T>(
    body: &[u8],
    item: impl Fn(&Fields<'_>) -> Result<T, PowerpackError>,
) -> Result<(Option<String>, ListMeta, Vec<T>), PowerpackError> {
    let map = parse_object(body)?;
    let f = Fields { map: &map, path: String::new(), body };
    let meta = match map.get("meta") {
        Some(Value::Object(m)) => {
            let m = f.nested("meta", m);
            ListMeta {
                limit: m.u32_or("limit", 20)?,
                offset: m.u32_or("offset", 0)?,
                total_count: m.u32_or("total_count", 0)?,
                next: m.opt_nonempty_str("next")?,
                previous: m.opt_nonempty_str("previous")?,
            }
        }
        _ => return Err(f.err("meta", "missing".into())),
    };
    let items = match map.get("objects") {
        Some(Value::Array(items)) => items.as_slice(),
        None | Some(Value::Null) => &[],
        Some(other) => return Err(f.err("objects", format!("expected an array, got {}", kind(other)))),
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, obj) in items.iter().enumerate() {
        let key = format!("objects[{i}]");
        let Value::Object(obj) = obj else {
            return Err(f.err(&key, format!("expected an object, got {}", kind(obj))));
        };
        out.push(item(&f.nested(&key, obj))?);
    }
    Ok((f.opt_nonempty_str("api_id")?, meta, out))
}

impl DeleteResult {
    /// Decodes a delete response; an empty body (HTTP 204) is a success too.
    pub fn from_json(body: &[u8]) -> Result<Self, PowerpackError> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(DeleteResult { api_id: None, response: None });
        }
        let map = parse_object(body)?;
        let f = Fields { map: &map, path: String::new(), body };
        Ok(DeleteResult { api_id: f.opt_nonempty_str("api_id")?, response: f.opt_nonempty_str("response")? })
    }
}

/// `/v1/Account/MA.../NumberPool/{uuid}/` -> `{uuid}`.
pub(crate) fn pool_uuid_of(number_pool: &str) -> Option<String> {
    let rest = number_pool.split("/NumberPool/").nth(1)?;
    let id = rest.split('/').next()?;
    (!id.is_empty()).then(|| id.to_owned())
}

/// The years a decoded time may have: what every binding's date type holds (Python's
/// `datetime`, Java's `Instant`, Swift's `Date`), and far beyond any real `created_on`.
pub const TIMESTAMP_YEARS: std::ops::RangeInclusive<i64> = 1..=9999;

/// Parses `YYYY-MM-DDTHH:MM:SS[.fraction][Z|+00:00]` (UTC) with any number of fractional
/// digits (nanoseconds beyond 9 digits are dropped). A missing zone is read as UTC, which is
/// what Plivo means. Anything else is `None`, never a panic: a year outside
/// [`TIMESTAMP_YEARS`], a date that does not exist (`2019-02-31`), a second of 60, fields of the
/// wrong width or with signs.
pub(crate) fn parse_timestamp(s: &str) -> Option<SystemTime> {
    let s = s.trim();
    let s = s.strip_suffix('Z').or_else(|| s.strip_suffix("+00:00")).or_else(|| s.strip_suffix("+0000")).unwrap_or(s);
    let (date, time) = s.split_once(['T', ' '])?;
    let mut d = date.splitn(3, '-');
    let year = fixed_digits(d.next()?, 4)?;
    let month = fixed_digits(d.next()?, 2)?;
    let day = fixed_digits(d.next()?, 2)?;
    let (hms, frac) = match time.split_once('.') {
        Some((hms, frac)) => (hms, Some(frac)),
        None => (time, None),
    };
    let mut t = hms.splitn(3, ':');
    let hour = fixed_digits(t.next()?, 2)?;
    let minute = fixed_digits(t.next()?, 2)?;
    let second = fixed_digits(t.next()?, 2)?;
    if !TIMESTAMP_YEARS.contains(&year)
        || !(1..=12).contains(&month)
        || !(1..=days_in_month(year, month)).contains(&day)
        || hour > 23
        || minute > 59
        || second > 59
    {
        return None;
    }
    let nanos = match frac {
        None => 0,
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => return None,
        Some(f) => {
            let digits = &f[..f.len().min(9)];
            digits.parse::<u32>().ok()? * 10u32.pow(9 - digits.len() as u32)
        }
    };
    // Bounded above, so none of this can overflow: |days| < 3.7 million.
    let days = days_from_civil(year, month as u32, day as u32);
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second;
    let since_epoch = Duration::new(secs.unsigned_abs(), 0);
    let whole = if secs >= 0 { UNIX_EPOCH.checked_add(since_epoch)? } else { UNIX_EPOCH.checked_sub(since_epoch)? };
    whole.checked_add(Duration::from_nanos(u64::from(nanos)))
}

/// A field of exactly `width` ASCII digits (no sign, no space), as a number.
fn fixed_digits(field: &str, width: usize) -> Option<i64> {
    if field.len() != width || !field.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    field.parse().ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Times serialize as [`format_timestamp`] writes them (the neutral form of the C ABI and the
/// conformance vectors).
fn timestamp<S: Serializer>(t: &Option<SystemTime>, s: S) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => s.serialize_some(&format_timestamp(*t)),
        None => s.serialize_none(),
    }
}

/// Formats a time as Plivo does: `2019-10-09T11:10:59.666461Z` (UTC, microseconds).
#[doc(hidden)] // for the CLI; not part of the supported API
pub fn format_timestamp(t: SystemTime) -> String {
    // Whole seconds and microseconds, both counted forward from the (possibly negative) second.
    let (secs, micros) = match t.duration_since(UNIX_EPOCH) {
        Ok(d) => (d.as_secs() as i64, d.subsec_micros()),
        Err(before) => {
            let d = before.duration();
            let (s, us) = (d.as_secs() as i64, d.subsec_micros());
            if us == 0 {
                (-s, 0)
            } else {
                (-s - 1, 1_000_000 - us)
            }
        }
    };
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, day) = civil_from_days(days);
    format!("{y:04}-{m:02}-{day:02}T{:02}:{:02}:{:02}.{micros:06}Z", rem / 3600, (rem % 3600) / 60, rem % 60)
}

/// The date of a day count since 1970-01-01 (the inverse of `days_from_civil`).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_with_any_fraction_length_parse() {
        let base = UNIX_EPOCH + Duration::from_secs(1_567_500_609); // 2019-09-03T08:50:09Z
        assert_eq!(parse_timestamp("2019-09-03T08:50:09Z"), Some(base));
        assert_eq!(parse_timestamp("2019-09-03T08:50:09.510692Z"), Some(base + Duration::from_micros(510_692)));
        assert_eq!(parse_timestamp("2019-09-03T08:50:09.0117Z"), Some(base + Duration::from_micros(11_700)));
        assert_eq!(parse_timestamp("2019-09-03T08:50:09.5"), Some(base + Duration::from_millis(500)));
        assert_eq!(
            parse_timestamp("2019-09-03T08:50:09.123456789123+00:00"),
            Some(base + Duration::from_nanos(123_456_789))
        );
        for bad in ["", "2019-13-03T08:50:09Z", "yesterday", "2019-09-03T08:50:09.Z", "2019-09-03"] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn absurd_and_impossible_timestamps_are_refused_without_panicking() {
        for bad in [
            "201244444444419-10-09T16:54:34.000000117Z", // overflowed the multiplication
            "292277026596-10-09T16:54:34Z",              // overflowed SystemTime
            "10000-01-01T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "2019-02-31T00:00:00Z", // was read as March 3
            "2019-02-29T00:00:00Z", // not a leap year
            "2019-09-03T08:50:60Z", // second 60 rolled over
            "2019-09-03T24:00:00Z",
            "+2019-09-03T08:50:09Z",
            "2019-9-03T08:50:09Z",
            "2019-09-03T08:50:-9Z",
        ] {
            assert_eq!(parse_timestamp(bad), None, "{bad:?}");
        }
        assert!(parse_timestamp("2020-02-29T00:00:00Z").is_some(), "a leap day");
        assert!(parse_timestamp("2000-02-29T00:00:00Z").is_some(), "a leap century");
    }

    #[test]
    fn the_whole_range_of_years_parses_and_formats_back() {
        for s in ["0001-01-01T00:00:00.000000Z", "1969-12-31T23:59:59.500000Z", "9999-12-31T23:59:59.999999Z"] {
            let t = parse_timestamp(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(format_timestamp(t), s);
        }
    }

    #[test]
    fn timestamps_format_and_parse_back() {
        for s in ["2019-09-03T08:50:09.510692Z", "2000-02-29T23:59:59.000001Z", "1970-01-01T00:00:00.000000Z"] {
            assert_eq!(format_timestamp(parse_timestamp(s).unwrap()), s);
        }
    }

    #[test]
    fn pool_uuid_is_taken_from_the_number_pool_path() {
        assert_eq!(
            pool_uuid_of("/v1/Account/MAODZKMDFJMJU3MTEYNG/NumberPool/659c7f88-c819-46e2-8af4-2d8a84249099/")
                .as_deref(),
            Some("659c7f88-c819-46e2-8af4-2d8a84249099")
        );
        assert_eq!(pool_uuid_of("/v1/Account/X/"), None);
        assert_eq!(pool_uuid_of("/v1/Account/X/NumberPool//"), None);
    }

    #[test]
    fn a_wrongly_typed_field_names_its_path() {
        let body = br#"{"uuid":"u","name":"n","number_priority":[{"country_iso":"US","service_type":"SMS","priority":{"priority1":"shortcode","priority2":"x","priority3":"longcode"}}]}"#;
        match Powerpack::from_json(body) {
            Err(PowerpackError::Decode { path, reason, body_excerpt }) => {
                assert_eq!(path, ".number_priority[0].priority.priority2");
                assert!(reason.contains("\"x\""), "{reason}");
                assert!(body_excerpt.starts_with("{\"uuid\""));
            }
            other => panic!("{other:?}"),
        }
        match Powerpack::from_json(br#"{"uuid":"u","name":"n","sticky_sender":3}"#) {
            Err(PowerpackError::Decode { path, .. }) => assert_eq!(path, ".sticky_sender"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_missing_uuid_is_a_decode_error() {
        assert!(matches!(
            Powerpack::from_json(br#"{"name":"n"}"#),
            Err(PowerpackError::Decode { ref path, .. }) if path == ".uuid"
        ));
    }

    #[test]
    fn non_json_and_non_objects_are_decode_errors_at_the_root() {
        for body in [&b"<html>"[..], b"", b"[]", b"{\"uuid\":"] {
            assert!(matches!(Powerpack::from_json(body), Err(PowerpackError::Decode { ref path, .. }) if path == "."));
        }
    }

    #[test]
    fn an_empty_delete_body_is_success() {
        assert_eq!(DeleteResult::from_json(b"").unwrap(), DeleteResult { api_id: None, response: None });
    }
}
