//! What the CLI prints: tables or JSON on stdout, one line per error on
//! stderr, and an exit code per kind of failure.

use plivo_powerpack::model::format_timestamp;
use plivo_powerpack::{DeleteResult, ErrorKind, PoolNumber, Powerpack, PowerpackError, Shortcode};
use serde_json::json;

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

/// Exhaustive over the core's [`ErrorKind`]: a new kind does not compile until it has a code.
pub fn exit_code(e: &PowerpackError) -> u8 {
    match e.kind() {
        ErrorKind::Validation => EXIT_VALIDATION,
        ErrorKind::Authentication | ErrorKind::Forbidden => EXIT_AUTH,
        ErrorKind::NotFound => EXIT_NOT_FOUND,
        ErrorKind::RateLimited => EXIT_RATE_LIMITED,
        ErrorKind::Server => EXIT_SERVER,
        ErrorKind::Timeout | ErrorKind::Network | ErrorKind::Tls => EXIT_NETWORK,
        ErrorKind::InvalidRequest => EXIT_INVALID_REQUEST,
        ErrorKind::Decode => EXIT_DECODE,
        ErrorKind::Internal => EXIT_INTERNAL,
    }
}

/// The error's own text, plus the api_id to quote to Plivo support.
pub fn error_line(e: &PowerpackError) -> String {
    match e.api_id() {
        Some(id) => format!("{e} (api_id {id})"),
        None => e.to_string(),
    }
}

/// Every `--json` output is the core's serde form of what came back: the same neutral JSON as
/// the C ABI's and the conformance vectors'.
fn json_of(value: &impl serde::Serialize) -> String {
    serde_json::to_string_pretty(value).expect("decoded values always serialize")
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
        println!("{}", json_of(p));
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
        println!("{}", json_of(&list));
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

pub fn pool_number(n: &PoolNumber, as_json: bool) {
    if as_json {
        println!("{}", json_of(n));
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
        println!("{}", json_of(&list));
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

/// One shortcode: a JSON object (as `numbers get` prints one number), or a one-row table.
pub fn shortcode(s: &Shortcode, as_json: bool) {
    if as_json {
        println!("{}", json_of(s));
    } else {
        shortcodes(std::slice::from_ref(s), false);
    }
}

pub fn shortcodes(list: &[Shortcode], as_json: bool) {
    if as_json {
        println!("{}", json_of(&list));
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
