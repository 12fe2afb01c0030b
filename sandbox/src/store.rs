//! Accounts and their Powerpacks, and the validation rules the real API
//! applies to create and update bodies.

use std::collections::{BTreeMap, HashMap};
use std::time::{Duration, Instant, SystemTime};

use serde_json::{json, Map, Value};

use crate::ids;
use crate::numbers::Inventory;
use crate::rules::Rejection;

/// An account the sandbox accepts, with its Powerpacks.
#[derive(Debug)]
pub struct Account {
    pub auth_token: String,
    /// Keyed by creation sequence so that listing is stable and ordered.
    powerpacks: BTreeMap<u64, StoredPowerpack>,
    by_uuid: HashMap<String, u64>,
    next_seq: u64,
    window: RateWindow,
    /// The account's numbers and the pools' shortcodes.
    pub inventory: Inventory,
}

#[derive(Debug, Clone)]
pub struct StoredPowerpack {
    pub uuid: String,
    pub name: String,
    pub sticky_sender: bool,
    pub local_connect: bool,
    /// `("XML" | "PHLO", id)`, or `None` when detached.
    pub application: Option<(String, String)>,
    pub number_pool_uuid: String,
    pub number_priority: Vec<Value>,
    pub created_on: SystemTime,
}

/// A fixed-window request counter for one account.
#[derive(Debug)]
struct RateWindow {
    started: Instant,
    count: u32,
}

const ALLOWED_KEYS: [&str; 6] =
    ["name", "sticky_sender", "local_connect", "application_type", "application_id", "number_priority"];

/// A create or update body after validation: `None` = not given.
#[derive(Debug, Default)]
pub struct Changes {
    pub name: Option<String>,
    pub sticky_sender: Option<bool>,
    pub local_connect: Option<bool>,
    /// `Some(None)` detaches, `Some(Some(..))` attaches.
    pub application: Option<Option<(String, String)>>,
    pub number_priority: Option<Vec<Value>>,
}

impl Changes {
    /// Applies the API's rules to a JSON body.
    pub fn parse(body: &Map<String, Value>) -> Result<Changes, Rejection> {
        if let Some(key) = body.keys().find(|k| !ALLOWED_KEYS.contains(&k.as_str())) {
            return Err(Rejection::bad_request(format!("unknown parameter: {key}")));
        }
        let mut changes = Changes::default();
        if let Some(v) = body.get("name") {
            match v.as_str() {
                Some(s) if !s.trim().is_empty() => changes.name = Some(s.to_owned()),
                _ => return Err(Rejection::bad_request("name must be a non-empty string")),
            }
        }
        changes.sticky_sender = boolean(body, "sticky_sender")?;
        changes.local_connect = boolean(body, "local_connect")?;

        // `""` is "not given" for both application fields: plivo-python's create sends
        // `application_type: ""` and `application_id: ""` by default, and the API takes them.
        let app_type = match body.get("application_type") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => return Err(Rejection::bad_request("application_type must be a string")),
        };
        match body.get("application_id") {
            None | Some(Value::Null) => {
                if app_type.is_some() {
                    return Err(Rejection::bad_request("application_type requires application_id"));
                }
            }
            Some(Value::String(id)) if id.is_empty() => {
                if app_type.is_some() {
                    return Err(Rejection::bad_request("application_type requires application_id"));
                }
            }
            Some(Value::String(id)) if id.eq_ignore_ascii_case("none") => changes.application = Some(None),
            Some(Value::String(id)) if !id.trim().is_empty() => {
                let kind = match app_type.as_deref().map(str::to_ascii_lowercase).as_deref() {
                    Some("xml") => "XML",
                    Some("phlo") => "PHLO",
                    Some(other) => {
                        return Err(Rejection::bad_request(format!(
                            "application_type must be xml or phlo, got {other:?}"
                        )))
                    }
                    None => {
                        return Err(Rejection::bad_request(
                            "application_type is required when application_id is given and is not 'none'",
                        ))
                    }
                };
                changes.application = Some(Some((kind.to_owned(), id.clone())));
            }
            Some(_) => return Err(Rejection::bad_request("application_id must be a string")),
        }

        if let Some(v) = body.get("number_priority") {
            let Some(items) = v.as_array() else {
                return Err(Rejection::bad_request("number_priority must be a list"));
            };
            for item in items {
                validate_priority(item)?;
            }
            changes.number_priority = Some(items.clone());
        }
        Ok(changes)
    }
}

fn boolean(body: &Map<String, Value>, key: &str) -> Result<Option<bool>, Rejection> {
    match body.get(key) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(Rejection::bad_request(format!("{key} must be a boolean, got {other}"))),
    }
}

fn validate_priority(item: &Value) -> Result<(), Rejection> {
    let bad = |why: &str| Err(Rejection::bad_request(format!("invalid number_priority entry: {why}")));
    let Some(obj) = item.as_object() else { return bad("not an object") };
    match obj.get("country_iso").and_then(Value::as_str) {
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) => {}
        _ => return bad("country_iso must be a two-letter country code"),
    }
    match obj.get("service_type").and_then(Value::as_str) {
        Some("SMS" | "MMS") => {}
        _ => return bad("service_type must be SMS or MMS"),
    }
    let Some(p) = obj.get("priority").and_then(Value::as_object) else { return bad("priority must be an object") };
    let mut seen = Vec::new();
    for key in ["priority1", "priority2", "priority3"] {
        match p.get(key).and_then(Value::as_str) {
            Some(v @ ("shortcode" | "tollfree" | "longcode")) if !seen.contains(&v) => seen.push(v),
            _ => return bad("priority1..3 must be distinct: shortcode, tollfree, longcode"),
        }
    }
    Ok(())
}

impl Account {
    pub fn new(auth_token: String) -> Self {
        Account {
            auth_token,
            powerpacks: BTreeMap::new(),
            by_uuid: HashMap::new(),
            next_seq: 0,
            window: RateWindow { started: Instant::now(), count: 0 },
            inventory: Inventory::default(),
        }
    }

    /// Counts a request; false when the account is over its limit.
    pub fn admit(&mut self, limit: Option<(u32, Duration)>) -> bool {
        let Some((max, per)) = limit else { return true };
        let now = Instant::now();
        if now.duration_since(self.window.started) >= per {
            self.window = RateWindow { started: now, count: 0 };
        }
        self.window.count += 1;
        self.window.count <= max
    }

    fn name_taken(&self, name: &str, except: Option<&str>) -> bool {
        self.powerpacks.values().any(|p| p.name == name && Some(p.uuid.as_str()) != except)
    }

    /// Creates a Powerpack; `uuid` and `pool_uuid` fixed by a seed, fresh ones otherwise.
    pub fn create(
        &mut self,
        changes: Changes,
        uuid: Option<String>,
        pool_uuid: Option<String>,
    ) -> Result<&StoredPowerpack, Rejection> {
        let Some(name) = changes.name else {
            return Err(Rejection::bad_request("name is required"));
        };
        if self.name_taken(&name, None) {
            return Err(Rejection::bad_request(format!("a Powerpack named {name:?} already exists")));
        }
        let uuid = uuid.unwrap_or_else(ids::uuid4);
        if self.by_uuid.contains_key(&uuid) {
            return Err(Rejection::bad_request(format!("uuid {uuid} already exists")));
        }
        let pp = StoredPowerpack {
            uuid: uuid.clone(),
            name,
            sticky_sender: changes.sticky_sender.unwrap_or(true),
            local_connect: changes.local_connect.unwrap_or(true),
            application: changes.application.flatten(),
            number_pool_uuid: pool_uuid.unwrap_or_else(ids::uuid4),
            number_priority: changes.number_priority.unwrap_or_default(),
            created_on: SystemTime::now(),
        };
        let seq = self.next_seq;
        self.next_seq += 1;
        self.by_uuid.insert(uuid, seq);
        Ok(self.powerpacks.entry(seq).or_insert(pp))
    }

    pub fn get(&self, uuid: &str) -> Result<&StoredPowerpack, Rejection> {
        self.by_uuid.get(uuid).and_then(|seq| self.powerpacks.get(seq)).ok_or_else(Rejection::not_found)
    }

    pub fn update(&mut self, uuid: &str, changes: Changes) -> Result<&StoredPowerpack, Rejection> {
        let seq = *self.by_uuid.get(uuid).ok_or_else(Rejection::not_found)?;
        if let Some(name) = &changes.name {
            if self.name_taken(name, Some(uuid)) {
                return Err(Rejection::bad_request(format!("a Powerpack named {name:?} already exists")));
            }
        }
        let pp = self.powerpacks.get_mut(&seq).expect("index and map agree");
        if let Some(name) = changes.name {
            pp.name = name;
        }
        if let Some(v) = changes.sticky_sender {
            pp.sticky_sender = v;
        }
        if let Some(v) = changes.local_connect {
            pp.local_connect = v;
        }
        if let Some(app) = changes.application {
            pp.application = app;
        }
        if let Some(np) = changes.number_priority {
            pp.number_priority = np;
        }
        Ok(pp)
    }

    /// Deletes a Powerpack; its pool goes with it (numbers stay rented unless `unrent_numbers`).
    pub fn delete(&mut self, uuid: &str, unrent_numbers: bool) -> Result<(), Rejection> {
        let seq = self.by_uuid.remove(uuid).ok_or_else(Rejection::not_found)?;
        if let Some(pp) = self.powerpacks.remove(&seq) {
            self.inventory.drop_pool(&pp.number_pool_uuid, unrent_numbers);
        }
        Ok(())
    }

    /// Checks that a number pool of this account exists (else the API's 404).
    pub fn pool(&self, pool_uuid: &str) -> Result<(), Rejection> {
        if self.powerpacks.values().any(|p| p.number_pool_uuid == pool_uuid) {
            Ok(())
        } else {
            Err(Rejection { status: 404, message: "NumberPool not found".into() })
        }
    }

    pub fn page(&self, limit: usize, offset: usize) -> (usize, Vec<&StoredPowerpack>) {
        (self.powerpacks.len(), self.powerpacks.values().skip(offset).take(limit).collect())
    }
}

impl StoredPowerpack {
    /// The Plivo JSON shape; `api_id` is added for single-object answers.
    pub fn to_json(&self, auth_id: &str, api_id: Option<&str>) -> Value {
        let (app_type, app_id) = match &self.application {
            Some((t, id)) => (t.as_str(), id.as_str()),
            None => ("", ""),
        };
        let mut v = json!({
            "application_id": app_id,
            "application_type": app_type,
            "created_on": ids::iso8601_micros(self.created_on),
            "local_connect": self.local_connect,
            "name": self.name,
            "number_pool": format!("/v1/Account/{auth_id}/NumberPool/{}/", self.number_pool_uuid),
            "number_priority": self.number_priority,
            "sticky_sender": self.sticky_sender,
            "uuid": self.uuid,
        });
        if let Some(api_id) = api_id {
            v["api_id"] = Value::from(api_id);
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(v: Value) -> Result<Changes, Rejection> {
        Changes::parse(v.as_object().unwrap())
    }

    #[test]
    fn the_powerpacks_own_booleans_stay_strict() {
        assert!(parse(json!({"local_connect": "false"})).is_err());
    }

    #[test]
    fn string_booleans_are_rejected() {
        assert_eq!(parse(json!({"sticky_sender": "true"})).unwrap_err().status, 400);
    }

    #[test]
    fn application_rules() {
        assert!(parse(json!({"application_id": "123"})).is_err());
        assert!(parse(json!({"application_type": "xml"})).is_err());
        assert!(parse(json!({"application_id": "123", "application_type": "sip"})).is_err());
        let c = parse(json!({"application_id": "123", "application_type": "xml"})).unwrap();
        assert_eq!(c.application, Some(Some(("XML".into(), "123".into()))));
        assert_eq!(parse(json!({"application_id": "none"})).unwrap().application, Some(None));
    }

    #[test]
    fn plivo_pythons_create_defaults_are_taken_as_no_application() {
        let c = parse(json!({"name": "n", "sticky_sender": true, "local_connect": true,
                             "application_type": "", "application_id": "", "number_priority": []}))
        .unwrap();
        assert_eq!(c.application, None, "\"\" is not given, not a detach");
        assert_eq!(c.number_priority, Some(vec![]));
        assert!(parse(json!({"application_type": "xml", "application_id": ""})).is_err());
        assert!(parse(json!({"application_id": 20342783288007824u64})).is_err(), "ids are strings");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        assert_eq!(parse(json!({"smart_sender": true})).unwrap_err().message, "unknown parameter: smart_sender");
    }

    #[test]
    fn names_are_unique_per_account() {
        let mut a = Account::new("t".into());
        a.create(parse(json!({"name": "x"})).unwrap(), None, None).unwrap();
        assert!(a.create(parse(json!({"name": "x"})).unwrap(), None, None).is_err());
        let other = a.create(parse(json!({"name": "y"})).unwrap(), None, None).unwrap().uuid.clone();
        assert!(a.update(&other, parse(json!({"name": "x"})).unwrap()).is_err());
        assert!(a.update(&other, parse(json!({"name": "y"})).unwrap()).is_ok(), "renaming to its own name is fine");
    }

    #[test]
    fn rate_window_admits_up_to_the_limit() {
        let mut a = Account::new("t".into());
        let limit = Some((3, Duration::from_secs(60)));
        assert_eq!((0..5).map(|_| a.admit(limit)).collect::<Vec<_>>(), [true, true, true, false, false]);
        assert!(a.admit(None));
    }
}
