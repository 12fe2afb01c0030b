//! What the CLI prints: tables or JSON on stdout, one line per error on
//! stderr, and an exit code per kind of failure.

use plivo_powerpack::model::format_timestamp;
use plivo_powerpack::{DeleteResult, PoolNumber, Powerpack, PowerpackError, Shortcode};
use serde_json::{json, Value};

pub const EXIT_VALIDATION: u8 = 3;
pub const EXIT_AUTH: u8 = 4;
pub const EXIT_NOT_FOUND: u8 = 5;
pub const EXIT_RATE_LIMITED: u8 = 6;
pub const EXIT_SERVER: u8 = 7;
pub const EXIT_NETWORK: u8 = 8;
pub const EXIT_INVALID_REQUEST: u8 = 9;
pub const EXIT_DECODE: u8 = 10;
pub const EXIT_INTERNAL: u8 = 11;

pub const EXIT_CODES_HELP: &str = "Exit codes: 0 ok, 2 usage, 3 validation (nothing sent), 4 authentication or \
forbidden, 5 not found, 6 rate limited, 7 server error, 8 network, TLS or timeout, 9 request refused (400/405/409/422), \
10 undecodable response, 11 internal error (a bug in plivo-powerpack).";

pub fn exit_code(e: &PowerpackError) -> u8 {
    match e {
        PowerpackError::Validation { .. } => EXIT_VALIDATION,
        PowerpackError::Authentication { .. } | PowerpackError::Forbidden { .. } => EXIT_AUTH,
        PowerpackError::NotFound { .. } => EXIT_NOT_FOUND,
        PowerpackError::RateLimited { .. } => EXIT_RATE_LIMITED,
        PowerpackError::Server { .. } => EXIT_SERVER,
        PowerpackError::Timeout { .. } | PowerpackError::Network { .. } | PowerpackError::Tls { .. } => EXIT_NETWORK,
        PowerpackError::InvalidRequest { .. } => EXIT_INVALID_REQUEST,
        PowerpackError::Internal { .. } => EXIT_INTERNAL,
        _ => EXIT_DECODE,
    }
}

/// The error's own text, plus the api_id to quote to Plivo support.
pub fn error_line(e: &PowerpackError) -> String {
    match e.api_id() {
        Some(id) => format!("{e} (api_id {id})"),
        None => e.to_string(),
    }
}

pub fn to_json(p: &Powerpack) -> Value {
    json!({
        "api_id": p.api_id,
        "uuid": p.uuid,
        "name": p.name,
        "sticky_sender": p.sticky_sender,
        "local_connect": p.local_connect,
        "application_type": p.application_type,
        "application_id": p.application_id,
        "number_pool": p.number_pool,
        "number_pool_uuid": p.number_pool_uuid,
        "number_priority": serde_json::to_value(&p.number_priority).expect("number priorities serialize"),
        "created_on": p.created_on.map(format_timestamp),
    })
}

fn flag(v: Option<bool>) -> &'static str {
    match v {
        Some(true) => "true",
        Some(false) => "false",
        None => "-",
    }
}

fn application(p: &Powerpack) -> String {
    match (&p.application_type, &p.application_id) {
        (Some(t), Some(id)) => format!("{t} {id}"),
        _ => "none".to_owned(),
    }
}

pub fn powerpack(p: &Powerpack, as_json: bool) {
    if as_json {
        println!("{}", serde_json::to_string_pretty(&to_json(p)).expect("JSON"));
        return;
    }
    let rows = [
        ("uuid", p.uuid.clone()),
        ("name", p.name.clone()),
        ("sticky_sender", flag(p.sticky_sender).to_owned()),
        ("local_connect", flag(p.local_connect).to_owned()),
        ("application", application(p)),
        ("number_pool_uuid", p.number_pool_uuid.clone().unwrap_or_else(|| "-".into())),
        ("number_priority", p.number_priority.len().to_string() + " entries"),
        ("created_on", p.created_on.map(format_timestamp).unwrap_or_else(|| "-".into())),
    ];
    for (k, v) in rows {
        println!("{k:<17} {v}");
    }
}

pub fn powerpacks(list: &[Powerpack], as_json: bool) {
    if as_json {
        let items: Vec<Value> = list.iter().map(to_json).collect();
        println!("{}", serde_json::to_string_pretty(&items).expect("JSON"));
        return;
    }
    let name_width = list.iter().map(|p| p.name.chars().count()).max().unwrap_or(4).max(4);
    println!("{:<36}  {:<name_width$}  {:<6}  {:<6}  APPLICATION", "UUID", "NAME", "STICKY", "LOCAL");
    for p in list {
        println!(
            "{:<36}  {:<name_width$}  {:<6}  {:<6}  {}",
            p.uuid,
            p.name,
            flag(p.sticky_sender),
            flag(p.local_connect),
            application(p)
        );
    }
    println!("({} Powerpack{})", list.len(), if list.len() == 1 { "" } else { "s" });
}

pub fn deleted(uuid: &str, result: &DeleteResult, as_json: bool) {
    if as_json {
        println!("{}", json!({"uuid": uuid, "api_id": result.api_id, "response": result.response}));
    } else {
        println!("deleted {uuid}");
    }
}

fn time(t: Option<std::time::SystemTime>) -> String {
    t.map(format_timestamp).unwrap_or_else(|| "-".into())
}

fn or_dash(v: &Option<String>) -> &str {
    v.as_deref().unwrap_or("-")
}

pub fn pool_number_json(n: &PoolNumber) -> Value {
    json!({
        "api_id": n.api_id,
        "number": n.number,
        "type": n.number_type,
        "country_iso2": n.country_iso2,
        "service": n.service,
        "number_pool_uuid": n.number_pool_uuid,
        "account_phone_number_resource": n.account_phone_number_resource,
        "added_on": n.added_on.map(format_timestamp),
    })
}

pub fn pool_number(n: &PoolNumber, as_json: bool) {
    if as_json {
        println!("{}", serde_json::to_string_pretty(&pool_number_json(n)).expect("JSON"));
        return;
    }
    let rows = [
        ("number", n.number.as_str()),
        ("type", or_dash(&n.number_type)),
        ("country_iso2", or_dash(&n.country_iso2)),
        ("service", or_dash(&n.service)),
        ("number_pool_uuid", or_dash(&n.number_pool_uuid)),
    ];
    for (k, v) in rows {
        println!("{k:<17} {v}");
    }
    println!("{:<17} {}", "added_on", time(n.added_on));
}

pub fn pool_numbers(list: &[PoolNumber], as_json: bool) {
    if as_json {
        let items: Vec<Value> = list.iter().map(pool_number_json).collect();
        println!("{}", serde_json::to_string_pretty(&items).expect("JSON"));
        return;
    }
    println!("{:<16}  {:<8}  {:<7}  {:<7}  ADDED_ON", "NUMBER", "TYPE", "COUNTRY", "SERVICE");
    for n in list {
        println!(
            "{:<16}  {:<8}  {:<7}  {:<7}  {}",
            n.number,
            or_dash(&n.number_type),
            or_dash(&n.country_iso2),
            or_dash(&n.service),
            time(n.added_on)
        );
    }
    println!("({} number{})", list.len(), if list.len() == 1 { "" } else { "s" });
}

pub fn shortcodes(list: &[Shortcode], as_json: bool) {
    if as_json {
        let items: Vec<Value> = list
            .iter()
            .map(|s| {
                json!({
                    "api_id": s.api_id,
                    "shortcode": s.shortcode,
                    "country_iso2": s.country_iso2,
                    "number_pool_uuid": s.number_pool_uuid,
                    "added_on": s.added_on.map(format_timestamp),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items).expect("JSON"));
        return;
    }
    println!("{:<10}  {:<7}  ADDED_ON", "SHORTCODE", "COUNTRY");
    for s in list {
        println!("{:<10}  {:<7}  {}", s.shortcode, or_dash(&s.country_iso2), time(s.added_on));
    }
    println!("({} shortcode{})", list.len(), if list.len() == 1 { "" } else { "s" });
}

pub fn removed(what: &str, result: &DeleteResult, as_json: bool) {
    if as_json {
        println!("{}", json!({"removed": what, "api_id": result.api_id, "response": result.response}));
    } else {
        println!("removed {what}");
    }
}
