//! `numbers`, `shortcodes` and `tollfree` against the sandbox: the requests they send, what
//! they print, and their exit codes.

mod common;

use powerpack_sandbox::{Config, Sandbox, Seed, SeedNumber, SeedShortcode, DEFAULT_AUTH_ID};
use serde_json::{json, Value};

use common::{cli, stdout_json as ok_json, stdout_text as ok_text};

fn seed_number(n: &str, kind: &str) -> SeedNumber {
    SeedNumber {
        auth_id: None,
        number: n.into(),
        country_iso2: "US".into(),
        number_type: kind.into(),
        powerpack: None,
        service: None,
    }
}

/// A sandbox with one Powerpack and rented numbers; returns it, the Powerpack uuid and its pool uuid.
fn setup() -> (Sandbox, String, String) {
    let sb = Sandbox::start(Config { rate_limit: None, ..Default::default() }).unwrap();
    let created = ok_json(&cli(&sb, &["create", "pool owner", "--json"]));
    let uuid = created["uuid"].as_str().unwrap().to_owned();
    let pool = created["number_pool_uuid"].as_str().unwrap().to_owned();
    sb.seed(&Seed {
        numbers: vec![
            seed_number("14155550100", "fixed"),
            seed_number("14155550101", "mobile"),
            seed_number("18005550100", "tollfree"),
        ],
        shortcodes: vec![SeedShortcode {
            auth_id: None,
            shortcode: "444444".into(),
            country_iso2: "US".into(),
            powerpack: uuid.clone(),
        }],
        ..Default::default()
    })
    .unwrap();
    sb.clear_journal();
    (sb, uuid, pool)
}

#[test]
fn numbers_add_list_get_and_remove_by_pool_uuid() {
    let (sb, _, pool) = setup();
    let added = ok_json(&cli(&sb, &["numbers", "add", "14155550100", "--pool", &pool, "--json"]));
    assert_eq!((added["number"].as_str(), added["type"].as_str()), (Some("14155550100"), Some("fixed")));
    let e = &sb.journal()[0];
    assert_eq!(
        (e.method.as_str(), e.path.as_str()),
        ("POST", format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/{pool}/Number/14155550100/").as_str())
    );
    assert_eq!(serde_json::from_str::<Value>(&e.body).unwrap(), json!({"rent": false}));

    ok_json(&cli(&sb, &["numbers", "add", "14155550101", "--pool", &pool, "--service", "mms", "--json"]));
    sb.clear_journal();
    let listed = ok_json(&cli(
        &sb,
        &[
            "numbers",
            "list",
            "--pool",
            &pool,
            "--country",
            "US",
            "--starts-with",
            "1415,1650",
            "--type",
            "mobile",
            "--json",
        ],
    ));
    assert_eq!(
        listed.as_array().unwrap().iter().map(|n| n["number"].as_str().unwrap()).collect::<Vec<_>>(),
        ["14155550101"]
    );
    assert_eq!(
        sb.journal()[0].query.as_deref(),
        Some("starts_with=1415,1650&country_iso2=US&type=mobile&limit=20&offset=0")
    );

    let table = ok_text(&cli(&sb, &["numbers", "list", "--pool", &pool]));
    assert!(table.starts_with("NUMBER"), "{table}");
    assert!(table.contains("14155550101       mobile    US       mms"), "{table}");
    assert!(table.trim_end().ends_with("(2 numbers)"), "{table}");
    let one = ok_text(&cli(&sb, &["numbers", "get", "14155550100", "--pool", &pool]));
    assert!(one.contains("service           sms"), "{one}");

    sb.clear_journal();
    assert_eq!(
        ok_text(&cli(&sb, &["numbers", "remove", "14155550100", "--pool", &pool])).trim(),
        "removed 14155550100"
    );
    ok_text(&cli(&sb, &["numbers", "remove", "14155550101", "--pool", &pool, "--unrent"]));
    let bodies: Vec<String> = sb.journal().into_iter().map(|e| e.body).collect();
    assert_eq!(bodies, [r#"{"unrent":false}"#, r#"{"unrent":true}"#]);
}

#[test]
fn numbers_add_buys_only_with_buy_and_the_pool_can_be_named_by_its_powerpack() {
    let (sb, uuid, pool) = setup();
    let bought = ok_json(&cli(&sb, &["numbers", "add", "16505550199", "--buy", "--powerpack", &uuid, "--json"]));
    assert_eq!(bought["number_pool_uuid"].as_str(), Some(pool.as_str()));
    let journal = sb.journal();
    assert_eq!(
        journal.iter().map(|e| e.method.as_str()).collect::<Vec<_>>(),
        ["GET", "POST"],
        "one GET to find the pool"
    );
    assert_eq!(journal[1].body, r#"{"rent":true}"#);
}

#[test]
fn shortcodes_and_tollfree_commands() {
    let (sb, _, pool) = setup();
    let codes = ok_json(&cli(&sb, &["shortcodes", "list", "--pool", &pool, "--json"]));
    assert_eq!(codes[0]["shortcode"], "444444");
    assert!(ok_text(&cli(&sb, &["shortcodes", "get", "444444", "--pool", &pool])).contains("444444      US"));
    assert_eq!(ok_text(&cli(&sb, &["shortcodes", "remove", "444444", "--pool", &pool])).trim(), "removed 444444");
    assert_eq!(sb.journal().last().unwrap().body, "");

    ok_json(&cli(&sb, &["tollfree", "add", "18005550100", "--pool", &pool, "--json"]));
    let listed = ok_json(&cli(&sb, &["tollfree", "list", "--pool", &pool, "--limit", "5", "--json"]));
    assert_eq!(listed[0]["type"], "tollfree");
    assert_eq!(sb.journal().last().unwrap().query.as_deref(), Some("limit=5&offset=0"));
    assert_eq!(
        ok_json(&cli(&sb, &["tollfree", "get", "18005550100", "--pool", &pool, "--json"]))["number"],
        "18005550100"
    );
    let removed = ok_json(&cli(&sb, &["tollfree", "remove", "18005550100", "--pool", &pool, "--json"]));
    assert_eq!(removed, json!({"removed": "18005550100", "api_id": removed["api_id"], "response": "success"}));
    assert_eq!(sb.journal().last().unwrap().body, r#"{"unrent":false}"#);
}

#[test]
fn pool_failures_have_their_exit_codes() {
    let (sb, _, pool) = setup();
    let out = cli(&sb, &["numbers", "add", "+14155550100", "--pool", &pool]);
    assert_eq!(out.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: invalid number: must be E.164 digits without '+'"));
    assert_eq!(cli(&sb, &["numbers", "list", "--pool", &pool, "--starts-with", "1415"]).status.code(), Some(3));
    assert_eq!(cli(&sb, &["numbers", "list", "--pool", "not-a-uuid"]).status.code(), Some(3));
    assert!(sb.journal().is_empty(), "validation sends nothing");

    assert_eq!(cli(&sb, &["numbers", "get", "14155550100", "--pool", &pool]).status.code(), Some(5));
    assert_eq!(cli(&sb, &["tollfree", "add", "14155550100", "--pool", &pool]).status.code(), Some(9));
    assert_eq!(cli(&sb, &["numbers", "list"]).status.code(), Some(2), "a pool is required");
    assert_eq!(cli(&sb, &["numbers", "list", "--pool", &pool, "--powerpack", "x"]).status.code(), Some(2), "only one");
}
