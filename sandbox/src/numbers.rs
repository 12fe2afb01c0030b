//! The numbers an account rents, which pool each one is in, and the pools' shortcodes: the
//! state behind the `NumberPool/{pool_uuid}/Number|Shortcode|Tollfree/` routes.
//!
//! A number belongs to at most one pool. Adding a rented number moves nothing: it must be
//! free; `rent: true` buys a number the account does not have yet (the sandbox sells any
//! well-formed number of a country it knows). Removing with `unrent: true` also ends the
//! rental. Shortcodes cannot be bought through the API; they come from the seed.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::ids;
use crate::rules::{flag, Rejection, ECHOED_BY_OFFICIAL_SDKS, SENT_WITH_A_BUY_BY_PLIVO_RUBY};

/// A number the account rents.
#[derive(Debug, Clone)]
struct Rented {
    country_iso2: String,
    number_type: String,
}

/// A number's place in a pool.
#[derive(Debug, Clone)]
struct Membership {
    pool_uuid: String,
    service: String,
    added_on: SystemTime,
}

#[derive(Debug, Clone)]
struct StoredShortcode {
    country_iso2: String,
    added_on: SystemTime,
}

/// One account's numbers and shortcodes.
#[derive(Debug, Default)]
pub struct Inventory {
    rented: BTreeMap<String, Rented>,
    membership: BTreeMap<String, Membership>,
    /// `(pool_uuid, shortcode)`.
    shortcodes: BTreeMap<(String, String), StoredShortcode>,
}

/// Which route family a call came through: toll-free routes see toll-free numbers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Number,
    Tollfree,
}

/// A number to rent at start (and, through `/__admin/seed`, at any time), optionally
/// already in the pool of a Powerpack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedNumber {
    #[serde(default)]
    pub auth_id: Option<String>,
    pub number: String,
    pub country_iso2: String,
    /// `fixed` (default), `mobile` or `tollfree`.
    #[serde(rename = "type", default = "fixed")]
    pub number_type: String,
    /// The uuid of the Powerpack whose pool holds the number; not in a pool when absent.
    #[serde(default)]
    pub powerpack: Option<String>,
    /// `sms` (default) or `mms`.
    #[serde(default)]
    pub service: Option<String>,
}

fn fixed() -> String {
    "fixed".into()
}

/// A shortcode in the pool of a Powerpack.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedShortcode {
    #[serde(default)]
    pub auth_id: Option<String>,
    pub shortcode: String,
    pub country_iso2: String,
    /// The uuid of the Powerpack whose pool holds the shortcode.
    pub powerpack: String,
}

/// Filters of `GET NumberPool/{uuid}/Number/`, checked as the API does.
#[derive(Debug, Default, Deserialize)]
pub struct NumberQuery {
    pub starts_with: Option<String>,
    pub country_iso2: Option<String>,
    #[serde(rename = "type")]
    pub number_type: Option<String>,
    pub service: Option<String>,
    pub limit: Option<String>,
    pub offset: Option<String>,
}

/// `limit` (1..=20, default 20) and `offset` (default 0) of a list query.
pub fn paging(limit: Option<&str>, offset: Option<&str>) -> Result<(usize, usize), Rejection> {
    let limit = match limit.map(str::parse::<usize>) {
        None => 20,
        Some(Ok(n)) if (1..=20).contains(&n) => n,
        _ => return Err(Rejection::bad_request("limit must be an integer between 1 and 20")),
    };
    let offset = match offset.map(str::parse::<usize>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => return Err(Rejection::bad_request("offset must be a non-negative integer")),
    };
    Ok((limit, offset))
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn valid_type(t: &str) -> bool {
    matches!(t, "fixed" | "mobile" | "tollfree")
}

fn valid_service(s: &str) -> bool {
    matches!(s, "sms" | "mms")
}

/// What the sandbox sells for `rent: true`: the country and kind of a well-formed number, by
/// its country code. NANP toll-free prefixes are toll-free; UK 447 and Indian 9[6-9] mobile.
fn catalogue(number: &str) -> Option<Rented> {
    const COUNTRIES: [(&str, &str); 8] =
        [("1", "US"), ("44", "GB"), ("91", "IN"), ("61", "AU"), ("49", "DE"), ("33", "FR"), ("65", "SG"), ("81", "JP")];
    if !is_digits(number) || !(7..=15).contains(&number.len()) {
        return None;
    }
    let (code, iso) = COUNTRIES.iter().find(|(code, _)| number.starts_with(code))?;
    let national = &number[code.len()..];
    let number_type =
        if *code == "1" && ["800", "888", "877", "866", "855", "844", "833"].iter().any(|p| national.starts_with(p)) {
            "tollfree"
        } else if (*code == "44" && national.starts_with('7'))
            || (*code == "91" && national.starts_with(['6', '7', '8', '9']))
        {
            "mobile"
        } else {
            "fixed"
        };
    Some(Rented { country_iso2: (*iso).to_owned(), number_type: number_type.to_owned() })
}

/// A parameter a route accepts: its name, the check of its value, and how to say what it must be.
pub type Allowed<'a> = (&'a str, fn(&Value) -> bool, &'a str);

/// Only these keys, each of its JSON type (`null` counts as not given), and the keys the
/// official SDKs echo from the path: the API's 400 for anything else.
pub fn check_keys(params: &Map<String, Value>, allowed: &[Allowed<'_>]) -> Result<(), Rejection> {
    for (key, value) in params {
        let ignored = ECHOED_BY_OFFICIAL_SDKS.contains(&key.as_str())
            || (allowed.iter().any(|(k, _, _)| *k == "rent") && SENT_WITH_A_BUY_BY_PLIVO_RUBY.contains(&key.as_str()));
        if value.is_null() || ignored {
            continue;
        }
        match allowed.iter().find(|(k, _, _)| k == key) {
            None => return Err(Rejection::bad_request(format!("unknown parameter: {key}"))),
            Some((_, ok, what)) if !ok(value) => {
                return Err(Rejection::bad_request(format!("{key} must be {what}, got {value}")))
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn not_in_pool(what: &str) -> Rejection {
    Rejection { status: 404, message: format!("{what} not found in this number pool") }
}

impl Inventory {
    /// Rents a seed number and, when it names one, puts it in a pool.
    pub fn seed_number(&mut self, seed: &SeedNumber, pool_uuid: Option<&str>) -> Result<(), String> {
        if !is_digits(&seed.number) || !valid_type(&seed.number_type) {
            return Err(format!("seed number {:?}: digits and a type of fixed, mobile or tollfree", seed.number));
        }
        let service = seed.service.clone().unwrap_or_else(|| "sms".into());
        if !valid_service(&service) {
            return Err(format!("seed number {}: service must be sms or mms", seed.number));
        }
        if self.rented.contains_key(&seed.number) {
            return Err(format!("seed number {} is listed twice", seed.number));
        }
        self.rented.insert(
            seed.number.clone(),
            Rented { country_iso2: seed.country_iso2.clone(), number_type: seed.number_type.clone() },
        );
        if let Some(pool) = pool_uuid {
            let m = Membership { pool_uuid: pool.to_owned(), service, added_on: SystemTime::now() };
            self.membership.insert(seed.number.clone(), m);
        }
        Ok(())
    }

    /// Puts a seed shortcode in a pool.
    pub fn seed_shortcode(&mut self, seed: &SeedShortcode, pool_uuid: &str) -> Result<(), String> {
        if !is_digits(&seed.shortcode) {
            return Err(format!("seed shortcode {:?} must be digits", seed.shortcode));
        }
        let entry = StoredShortcode { country_iso2: seed.country_iso2.clone(), added_on: SystemTime::now() };
        self.shortcodes.insert((pool_uuid.to_owned(), seed.shortcode.clone()), entry);
        Ok(())
    }

    /// The Plivo shape of a pool number; `api_id` for single-object answers.
    fn number_json(&self, auth_id: &str, number: &str, api_id: bool) -> Value {
        let rented = &self.rented[number];
        let m = &self.membership[number];
        let mut v = json!({
            "account_phone_number_resource": format!("/v1/Account/{auth_id}/Number/{number}/"),
            "added_on": ids::iso8601_micros(m.added_on),
            "country_iso2": rented.country_iso2,
            "number": number,
            "number_pool_uuid": m.pool_uuid,
            "service": m.service,
            "type": rented.number_type,
        });
        if api_id {
            v["api_id"] = Value::from(ids::uuid4());
        }
        v
    }

    /// The numbers of a pool (toll-free ones only on the toll-free route), in number order.
    fn pool_numbers<'a>(&'a self, pool_uuid: &'a str, route: Route) -> impl Iterator<Item = &'a String> + 'a {
        self.membership
            .iter()
            .filter(move |(n, m)| {
                m.pool_uuid == pool_uuid && (route == Route::Number || self.rented[*n].number_type == "tollfree")
            })
            .map(|(n, _)| n)
    }

    /// `GET NumberPool/{uuid}/Number/` with its filters, or `.../Tollfree/` (paging only).
    pub fn list(&self, auth_id: &str, pool_uuid: &str, route: Route, q: &NumberQuery) -> Result<Value, Rejection> {
        let (limit, offset) = paging(q.limit.as_deref(), q.offset.as_deref())?;
        let prefixes: Vec<&str> = match q.starts_with.as_deref() {
            None => Vec::new(),
            Some(s) => s.split(',').collect(),
        };
        if prefixes.len() > 10 {
            return Err(Rejection::bad_request("starts_with takes at most 10 comma-separated prefixes"));
        }
        if prefixes.iter().any(|p| !is_digits(p)) {
            return Err(Rejection::bad_request("starts_with must be comma-separated digits"));
        }
        if !prefixes.is_empty() && q.country_iso2.is_none() {
            return Err(Rejection::bad_request("starts_with requires country_iso2"));
        }
        if let Some(iso) = &q.country_iso2 {
            if iso.len() != 2 || !iso.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(Rejection::bad_request("country_iso2 must be a two-letter country code"));
            }
        }
        if q.number_type.as_deref().is_some_and(|t| !valid_type(t)) {
            return Err(Rejection::bad_request("type must be fixed, mobile or tollfree"));
        }
        if q.service.as_deref().is_some_and(|s| !valid_service(s)) {
            return Err(Rejection::bad_request("service must be sms or mms"));
        }
        let matching: Vec<&String> = self
            .pool_numbers(pool_uuid, route)
            .filter(|n| {
                let r = &self.rented[*n];
                (prefixes.is_empty() || prefixes.iter().any(|p| n.starts_with(p)))
                    && q.country_iso2.as_ref().is_none_or(|c| &r.country_iso2 == c)
                    && q.number_type.as_ref().is_none_or(|t| &r.number_type == t)
                    && q.service.as_ref().is_none_or(|s| &self.membership[*n].service == s)
            })
            .collect();
        let objects: Vec<Value> =
            matching.iter().skip(offset).take(limit).map(|n| self.number_json(auth_id, n, false)).collect();
        let kind = if route == Route::Number { "Number" } else { "Tollfree" };
        Ok(envelope_page(auth_id, pool_uuid, kind, limit, offset, matching.len(), objects))
    }

    fn check_member(&self, pool_uuid: &str, number: &str, route: Route) -> Result<(), Rejection> {
        let member = self.membership.get(number).is_some_and(|m| m.pool_uuid == pool_uuid);
        let kind_ok = route == Route::Number || self.rented.get(number).is_some_and(|r| r.number_type == "tollfree");
        if member && kind_ok {
            Ok(())
        } else {
            Err(not_in_pool(if route == Route::Number { "number" } else { "toll-free number" }))
        }
    }

    /// `GET NumberPool/{uuid}/Number|Tollfree/{number}/`.
    pub fn get(&self, auth_id: &str, pool_uuid: &str, number: &str, route: Route) -> Result<Value, Rejection> {
        self.check_member(pool_uuid, number, route)?;
        Ok(self.number_json(auth_id, number, true))
    }

    /// `POST NumberPool/{uuid}/Number|Tollfree/{number}/` with `rent` and `service`.
    pub fn add(
        &mut self,
        auth_id: &str,
        pool_uuid: &str,
        number: &str,
        route: Route,
        params: &Map<String, Value>,
    ) -> Result<Value, Rejection> {
        check_keys(
            params,
            &[
                ("rent", |v| flag(v).is_some(), "a boolean"),
                ("service", |v| v.as_str().is_some_and(valid_service), "\"sms\" or \"mms\""),
            ],
        )?;
        let rent = params.get("rent").and_then(flag).unwrap_or(false);
        let service = params.get("service").and_then(Value::as_str).unwrap_or("sms").to_owned();
        if rent {
            if self.rented.contains_key(number) {
                return Err(Rejection::bad_request(format!(
                    "number {number} is already rented by this account: add it without rent"
                )));
            }
            let bought = catalogue(number)
                .ok_or_else(|| Rejection::bad_request(format!("number {number} is not available to rent")))?;
            if route == Route::Tollfree && bought.number_type != "tollfree" {
                return Err(Rejection::bad_request(format!("number {number} is not a toll-free number")));
            }
            self.rented.insert(number.to_owned(), bought);
        } else {
            let Some(rented) = self.rented.get(number) else {
                return Err(Rejection {
                    status: 404,
                    message: format!("number {number} is not rented by this account (rent: true buys it)"),
                });
            };
            if route == Route::Tollfree && rented.number_type != "tollfree" {
                return Err(Rejection::bad_request(format!("number {number} is not a toll-free number")));
            }
            match self.membership.get(number) {
                Some(m) if m.pool_uuid == pool_uuid => {
                    return Err(Rejection::bad_request(format!("number {number} is already in this number pool")))
                }
                Some(_) => {
                    return Err(Rejection::bad_request(format!("number {number} belongs to another number pool")))
                }
                None => {}
            }
        }
        let m = Membership { pool_uuid: pool_uuid.to_owned(), service, added_on: SystemTime::now() };
        self.membership.insert(number.to_owned(), m);
        Ok(self.number_json(auth_id, number, true))
    }

    /// `DELETE NumberPool/{uuid}/Number|Tollfree/{number}/` with `unrent`.
    pub fn remove(
        &mut self,
        pool_uuid: &str,
        number: &str,
        route: Route,
        params: &Map<String, Value>,
    ) -> Result<(), Rejection> {
        check_keys(params, &[("unrent", |v| flag(v).is_some(), "a boolean")])?;
        self.check_member(pool_uuid, number, route)?;
        self.membership.remove(number);
        if params.get("unrent").and_then(flag).unwrap_or(false) {
            self.rented.remove(number);
        }
        Ok(())
    }

    /// When a Powerpack goes, its pool goes: numbers leave it (and the account when
    /// `unrent_numbers`), its shortcodes are released.
    pub fn drop_pool(&mut self, pool_uuid: &str, unrent_numbers: bool) {
        let members: Vec<String> =
            self.membership.iter().filter(|(_, m)| m.pool_uuid == pool_uuid).map(|(n, _)| n.clone()).collect();
        for n in members {
            self.membership.remove(&n);
            if unrent_numbers {
                self.rented.remove(&n);
            }
        }
        self.shortcodes.retain(|(pool, _), _| pool != pool_uuid);
    }

    fn shortcode_json(pool_uuid: &str, code: &str, s: &StoredShortcode, api_id: bool) -> Value {
        let mut v = json!({
            "added_on": ids::iso8601_micros(s.added_on),
            "country_iso2": s.country_iso2,
            "number_pool_uuid": pool_uuid,
            "shortcode": code,
        });
        if api_id {
            v["api_id"] = Value::from(ids::uuid4());
        }
        v
    }

    /// `GET NumberPool/{uuid}/Shortcode/`.
    pub fn list_shortcodes(
        &self,
        auth_id: &str,
        pool_uuid: &str,
        limit: Option<&str>,
        offset: Option<&str>,
    ) -> Result<Value, Rejection> {
        let (limit, offset) = paging(limit, offset)?;
        let all: Vec<(&String, &StoredShortcode)> =
            self.shortcodes.iter().filter(|((pool, _), _)| pool == pool_uuid).map(|((_, c), s)| (c, s)).collect();
        let objects =
            all.iter().skip(offset).take(limit).map(|(c, s)| Self::shortcode_json(pool_uuid, c, s, false)).collect();
        Ok(envelope_page(auth_id, pool_uuid, "Shortcode", limit, offset, all.len(), objects))
    }

    /// `GET NumberPool/{uuid}/Shortcode/{code}/`.
    pub fn get_shortcode(&self, pool_uuid: &str, code: &str) -> Result<Value, Rejection> {
        let s =
            self.shortcodes.get(&(pool_uuid.to_owned(), code.to_owned())).ok_or_else(|| not_in_pool("shortcode"))?;
        Ok(Self::shortcode_json(pool_uuid, code, s, true))
    }

    /// `DELETE NumberPool/{uuid}/Shortcode/{code}/`: no parameters.
    pub fn remove_shortcode(
        &mut self,
        pool_uuid: &str,
        code: &str,
        params: &Map<String, Value>,
    ) -> Result<(), Rejection> {
        check_keys(params, &[])?;
        self.shortcodes
            .remove(&(pool_uuid.to_owned(), code.to_owned()))
            .map(drop)
            .ok_or_else(|| not_in_pool("shortcode"))
    }
}

/// A list envelope with Plivo's `meta` (links in its own, unusable-by-clients form).
fn envelope_page(
    auth_id: &str,
    pool_uuid: &str,
    kind: &str,
    limit: usize,
    offset: usize,
    total: usize,
    objects: Vec<Value>,
) -> Value {
    let link = |off: usize| {
        format!("/api/v1/account/{auth_id}/numberpool/{pool_uuid}/{}/?limit={limit}&offset={off}", kind.to_lowercase())
    };
    json!({
        "api_id": ids::uuid4(),
        "meta": {
            "limit": limit,
            "offset": offset,
            "total_count": total,
            "next": if offset + limit < total { Value::from(link(offset + limit)) } else { Value::Null },
            "previous": if offset > 0 { Value::from(link(offset.saturating_sub(limit))) } else { Value::Null },
        },
        "objects": objects,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const POOL: &str = "659c7f88-c819-46e2-8af4-2d8a84249099";
    const OTHER: &str = "11111111-2222-3333-4444-555555555555";

    fn inventory() -> Inventory {
        let mut inv = Inventory::default();
        for (n, t) in [("14155550100", "fixed"), ("18005550100", "tollfree"), ("447700900123", "mobile")] {
            let seed = SeedNumber {
                auth_id: None,
                number: n.into(),
                country_iso2: if n.starts_with("44") { "GB".into() } else { "US".into() },
                number_type: t.into(),
                powerpack: None,
                service: None,
            };
            inv.seed_number(&seed, None).unwrap();
        }
        inv
    }

    fn params(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn a_number_belongs_to_at_most_one_pool() {
        let mut inv = inventory();
        inv.add("MA", POOL, "14155550100", Route::Number, &params(json!({"rent": false}))).unwrap();
        let again = inv.add("MA", POOL, "14155550100", Route::Number, &Map::new()).unwrap_err();
        assert_eq!((again.status, again.message.contains("already in this number pool")), (400, true));
        let other = inv.add("MA", OTHER, "14155550100", Route::Number, &Map::new()).unwrap_err();
        assert!(other.message.contains("another number pool"), "{other:?}");
    }

    #[test]
    fn adding_without_rent_needs_a_rented_number_and_rent_buys_one() {
        let mut inv = inventory();
        assert_eq!(inv.add("MA", POOL, "14155559999", Route::Number, &Map::new()).unwrap_err().status, 404);
        let bought = inv
            .add("MA", POOL, "14155559999", Route::Number, &params(json!({"rent": true, "service": "mms"})))
            .unwrap();
        assert_eq!(
            (bought["type"].as_str(), bought["service"].as_str(), bought["country_iso2"].as_str()),
            (Some("fixed"), Some("mms"), Some("US"))
        );
        let rebuy = inv.add("MA", OTHER, "14155559999", Route::Number, &params(json!({"rent": true}))).unwrap_err();
        assert_eq!(rebuy.status, 400);
    }

    #[test]
    fn bad_booleans_and_unknown_parameters_are_rejected() {
        let mut inv = inventory();
        assert_eq!(
            inv.add("MA", POOL, "14155550100", Route::Number, &params(json!({"rent": "yes"}))).unwrap_err().status,
            400
        );
        assert_eq!(
            inv.remove(POOL, "14155550100", Route::Number, &params(json!({"unrent": 0}))).unwrap_err().status,
            400
        );
        assert_eq!(
            inv.add("MA", POOL, "14155550100", Route::Number, &params(json!({"service": "voice"}))).unwrap_err().status,
            400
        );
        assert_eq!(
            inv.add("MA", POOL, "14155550100", Route::Number, &params(json!({"unrent": true}))).unwrap_err().status,
            400
        );
    }

    #[test]
    fn what_the_official_sdks_send_is_taken() {
        let mut inv = inventory();
        // plivo-java: the whole request object, path ids and nulls included.
        let java = json!({"id": POOL, "secondary_id": null, "number": "14155550100", "uuid": POOL, "service": "sms"});
        inv.add("MA", POOL, "14155550100", Route::Number, &params(java)).unwrap();
        // plivo-node and plivo-python: string booleans for rent and unrent.
        inv.remove(POOL, "14155550100", Route::Number, &params(json!({"unrent": "false"}))).unwrap();
        inv.add("MA", POOL, "14155550100", Route::Number, &params(json!({"rent": "false"}))).unwrap();
        // plivo-ruby: a buy found by search forwards the search's parameters.
        let ruby =
            json!({"rent": true, "starts_with": "1415", "country_iso": "US", "type": "fixed", "limit": 1, "offset": 0});
        inv.add("MA", POOL, "14155557777", Route::Number, &params(ruby)).unwrap();
        // Those search keys are not taken where nothing is bought.
        assert_eq!(
            inv.remove(POOL, "14155557777", Route::Number, &params(json!({"limit": 1}))).unwrap_err().status,
            400
        );
    }

    #[test]
    fn the_tollfree_route_sees_only_tollfree_numbers() {
        let mut inv = inventory();
        assert_eq!(inv.add("MA", POOL, "14155550100", Route::Tollfree, &Map::new()).unwrap_err().status, 400);
        inv.add("MA", POOL, "14155550100", Route::Number, &Map::new()).unwrap();
        inv.add("MA", POOL, "18005550100", Route::Tollfree, &Map::new()).unwrap();
        assert_eq!(inv.get("MA", POOL, "14155550100", Route::Tollfree).unwrap_err().status, 404);
        let q = NumberQuery::default();
        assert_eq!(inv.list("MA", POOL, Route::Tollfree, &q).unwrap()["meta"]["total_count"], 1);
        assert_eq!(inv.list("MA", POOL, Route::Number, &q).unwrap()["meta"]["total_count"], 2);
    }

    #[test]
    fn removing_keeps_the_rental_unless_unrent() {
        let mut inv = inventory();
        inv.add("MA", POOL, "14155550100", Route::Number, &Map::new()).unwrap();
        inv.remove(POOL, "14155550100", Route::Number, &params(json!({"unrent": false}))).unwrap();
        inv.add("MA", OTHER, "14155550100", Route::Number, &Map::new()).expect("still rented, free to add");
        inv.remove(OTHER, "14155550100", Route::Number, &params(json!({"unrent": true}))).unwrap();
        assert_eq!(inv.add("MA", OTHER, "14155550100", Route::Number, &Map::new()).unwrap_err().status, 404);
    }

    #[test]
    fn list_filters_follow_the_api_rules() {
        let mut inv = inventory();
        for n in ["14155550100", "447700900123"] {
            inv.add("MA", POOL, n, Route::Number, &Map::new()).unwrap();
        }
        let q = |v: Value| serde_json::from_value::<NumberQuery>(v).unwrap();
        let total =
            |v: Value| inv.list("MA", POOL, Route::Number, &q(v)).map(|p| p["meta"]["total_count"].as_u64().unwrap());
        assert_eq!(total(json!({"country_iso2": "GB"})).unwrap(), 1);
        assert_eq!(total(json!({"type": "mobile"})).unwrap(), 1);
        assert_eq!(total(json!({"starts_with": "1415,4477", "country_iso2": "US"})).unwrap(), 1);
        assert_eq!(total(json!({"starts_with": "1415"})).unwrap_err().status, 400);
        assert_eq!(
            total(json!({"starts_with": "1,2,3,4,5,6,7,8,9,10,11", "country_iso2": "US"})).unwrap_err().status,
            400
        );
        assert_eq!(total(json!({"type": "landline"})).unwrap_err().status, 400);
        assert_eq!(total(json!({"limit": "21"})).unwrap_err().status, 400);
    }

    #[test]
    fn the_catalogue_knows_tollfree_and_mobile_prefixes() {
        assert_eq!(catalogue("18885550100").unwrap().number_type, "tollfree");
        assert_eq!(catalogue("447700900999").unwrap().number_type, "mobile");
        assert_eq!(catalogue("14155550100").unwrap().country_iso2, "US");
        assert!(catalogue("99912345678").is_none());
    }
}
