//! The sandbox's own behaviour, with raw HTTP requests (the core client would
//! refuse to send most of these): every validation rule, isolation, rate
//! limiting, the admin API and every fault.

use std::time::Duration;

use powerpack_sandbox::{Config, Sandbox, DEFAULT_AUTH_ID, DEFAULT_AUTH_TOKEN};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};

const OTHER_ID: &str = "MAOTHERACCOUNT000002";
const OTHER_TOKEN: &str = "other-token";

fn two_accounts(rate_limit: Option<(u32, Duration)>) -> Sandbox {
    Sandbox::start(Config {
        accounts: vec![(DEFAULT_AUTH_ID.into(), DEFAULT_AUTH_TOKEN.into()), (OTHER_ID.into(), OTHER_TOKEN.into())],
        rate_limit,
        ..Default::default()
    })
    .unwrap()
}

struct Api {
    base: String,
    http: Client,
}

impl Api {
    fn new(sb: &Sandbox) -> Self {
        Api { base: sb.base_url().to_owned(), http: Client::new() }
    }

    async fn call(
        &self,
        method: Method,
        path: &str,
        auth: Option<(&str, &str)>,
        body: Option<&str>,
    ) -> (StatusCode, Value, reqwest::header::HeaderMap) {
        let mut req = self.http.request(method, format!("{}{path}", self.base));
        if let Some((id, token)) = auth {
            req = req.basic_auth(id, Some(token));
        }
        if let Some(b) = body {
            req = req.header("content-type", "application/json").body(b.to_owned());
        }
        let resp = req.send().await.unwrap();
        let status = resp.status();
        let headers = resp.headers().clone();
        let text = resp.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)), headers)
    }

    async fn as_default(&self, method: Method, path: &str, body: Option<&str>) -> (StatusCode, Value) {
        let (s, v, _) = self.call(method, path, Some((DEFAULT_AUTH_ID, DEFAULT_AUTH_TOKEN)), body).await;
        (s, v)
    }

    async fn create(&self, body: Value) -> Value {
        let (s, v) = self.as_default(Method::POST, &list_path(), Some(&body.to_string())).await;
        assert_eq!(s, 200, "{v}");
        v
    }
}

fn list_path() -> String {
    format!("/v1/Account/{DEFAULT_AUTH_ID}/Powerpack/")
}

fn one_path(uuid: &str) -> String {
    format!("/v1/Account/{DEFAULT_AUTH_ID}/Powerpack/{uuid}/")
}

#[tokio::test]
async fn create_answers_plivos_shape_with_defaults() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let v = api.create(json!({"name": "first"})).await;
    assert_eq!(v["name"], "first");
    assert_eq!(v["sticky_sender"], true);
    assert_eq!(v["local_connect"], true);
    assert_eq!(v["application_type"], "");
    assert_eq!(v["application_id"], "");
    assert_eq!(v["uuid"].as_str().unwrap().len(), 36);
    assert_eq!(v["api_id"].as_str().unwrap().len(), 36);
    let pool = v["number_pool"].as_str().unwrap();
    assert!(pool.starts_with(&format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/")) && pool.ends_with('/'), "{pool}");
    let created = v["created_on"].as_str().unwrap();
    assert!(created.ends_with('Z') && created.len() == 27, "{created}");
}

#[tokio::test]
async fn update_changes_only_what_is_given() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let uuid = api.create(json!({"name": "pp", "application_type": "xml", "application_id": "123"})).await["uuid"]
        .as_str()
        .unwrap()
        .to_owned();
    let (s, v) = api.as_default(Method::POST, &one_path(&uuid), Some(r#"{"sticky_sender": false}"#)).await;
    assert_eq!(s, 200);
    assert_eq!((v["sticky_sender"].clone(), v["local_connect"].clone()), (json!(false), json!(true)));
    assert_eq!((v["application_type"].clone(), v["application_id"].clone()), (json!("XML"), json!("123")));
    let (_, v) = api.as_default(Method::POST, &one_path(&uuid), Some(r#"{"application_id": "none"}"#)).await;
    assert_eq!((v["application_type"].clone(), v["application_id"].clone()), (json!(""), json!("")));
    let (_, v) = api.as_default(Method::GET, &one_path(&uuid), None).await;
    assert_eq!(v["sticky_sender"], false);
}

#[tokio::test]
async fn every_validation_rule_answers_400_with_an_envelope() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let uuid = api.create(json!({"name": "exists"})).await["uuid"].as_str().unwrap().to_owned();
    let p = one_path(&uuid);
    let cases = [
        (r#"{"sticky_sender": "true"}"#, "sticky_sender must be a boolean"),
        (r#"{"local_connect": 1}"#, "local_connect must be a boolean"),
        (r#"{"smart_sender": true}"#, "unknown parameter: smart_sender"),
        (r#"{"name": "#, "malformed JSON"),
        (r#"[1]"#, "the body must be a JSON object"),
        (r#"{"name": ""}"#, "name must be a non-empty string"),
        (r#"{"application_id": "123"}"#, "application_type is required"),
        (r#"{"application_type": "xml"}"#, "application_type requires application_id"),
        (r#"{"application_id": "1", "application_type": "sip"}"#, "application_type must be xml or phlo"),
        (
            r#"{"number_priority": [{"country_iso": "US", "service_type": "SMS", "priority": {"priority1": "shortcode", "priority2": "shortcode", "priority3": "longcode"}}]}"#,
            "invalid number_priority entry",
        ),
        (r#"{"number_priority": {}}"#, "number_priority must be a list"),
    ];
    for (body, want) in cases {
        let (s, v) = api.as_default(Method::POST, &p, Some(body)).await;
        assert_eq!(s, 400, "{body}");
        assert!(v["error"].as_str().unwrap().contains(want), "{body}: {v}");
        assert!(v["api_id"].is_string());
    }
    // Duplicate names within an account, on create and on rename.
    let (s, v) = api.as_default(Method::POST, &list_path(), Some(r#"{"name": "exists"}"#)).await;
    assert_eq!((s.as_u16(), v["error"].as_str().unwrap()), (400, "a Powerpack named \"exists\" already exists"));
    let (s, _) = api.as_default(Method::POST, &list_path(), Some(r#"{"sticky_sender": true}"#)).await;
    assert_eq!(s, 400, "create needs a name");
    // A body that is not declared JSON.
    let (s, v, _) = {
        let resp = api
            .http
            .post(format!("{}{p}", api.base))
            .basic_auth(DEFAULT_AUTH_ID, Some(DEFAULT_AUTH_TOKEN))
            .body("name=x")
            .send()
            .await
            .unwrap();
        (resp.status(), resp.json::<Value>().await.unwrap(), ())
    };
    assert_eq!((s.as_u16(), v["error"].as_str().unwrap()), (400, "Content-Type must be application/json"));
}

#[tokio::test]
async fn paging_limits_are_enforced_and_meta_counts() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    for i in 0..3 {
        api.create(json!({"name": format!("p{i}")})).await;
    }
    for bad in ["limit=0", "limit=21", "limit=x", "offset=-1"] {
        let (s, _) = api.as_default(Method::GET, &format!("{}?{bad}", list_path()), None).await;
        assert_eq!(s, 400, "{bad}");
    }
    let (s, v) = api.as_default(Method::GET, &format!("{}?limit=2&offset=1", list_path()), None).await;
    assert_eq!(s, 200);
    assert_eq!(v["meta"]["total_count"], 3);
    assert_eq!(v["meta"]["next"], Value::Null);
    assert_eq!(v["objects"].as_array().unwrap().len(), 2);
    assert_eq!(v["objects"][0]["name"], "p1");
    assert!(v["objects"][0].get("api_id").is_none(), "list objects carry no api_id");
}

#[tokio::test]
async fn authentication_and_account_isolation() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let uuid = api.create(json!({"name": "mine"})).await["uuid"].as_str().unwrap().to_owned();

    let (s, v, _) = api.call(Method::GET, &list_path(), None, None).await;
    assert_eq!(s, 401);
    assert_eq!(v, json!({"error": "authentication credentials were not provided"}), "401 bodies have no api_id");
    let (s, _, _) = api.call(Method::GET, &list_path(), Some((DEFAULT_AUTH_ID, "wrong")), None).await;
    assert_eq!(s, 401);
    // The other account may not use this account's URL...
    let (s, _, _) = api.call(Method::GET, &one_path(&uuid), Some((OTHER_ID, OTHER_TOKEN)), None).await;
    assert_eq!(s, 403);
    // ...and does not see this account's Powerpack under its own.
    let other = format!("/v1/Account/{OTHER_ID}/Powerpack/{uuid}/");
    let (s, _, _) = api.call(Method::GET, &other, Some((OTHER_ID, OTHER_TOKEN)), None).await;
    assert_eq!(s, 404);
    // Names are unique per account only.
    let (s, _, _) = api
        .call(
            Method::POST,
            &format!("/v1/Account/{OTHER_ID}/Powerpack/"),
            Some((OTHER_ID, OTHER_TOKEN)),
            Some(r#"{"name":"mine"}"#),
        )
        .await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn unknown_uuids_wrong_methods_and_odd_paths() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    assert_eq!(api.as_default(Method::GET, &one_path("nope"), None).await.0, 404);
    assert_eq!(api.as_default(Method::POST, &one_path("nope"), Some(r#"{"name":"x"}"#)).await.0, 404);
    assert_eq!(api.as_default(Method::DELETE, &one_path("nope"), None).await.0, 404);
    assert_eq!(api.as_default(Method::PUT, &one_path("nope"), None).await.0, 405);
    assert_eq!(api.as_default(Method::DELETE, &list_path(), None).await.0, 405);
    let no_slash = list_path().trim_end_matches('/').to_owned();
    assert_eq!(api.as_default(Method::GET, &no_slash, None).await.0, 404);
    assert_eq!(api.as_default(Method::GET, &format!("{}/x//", list_path()), None).await.0, 404);
}

#[tokio::test]
async fn delete_checks_unrent_numbers_and_removes() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let uuid = api.create(json!({"name": "gone"})).await["uuid"].as_str().unwrap().to_owned();
    assert_eq!(api.as_default(Method::DELETE, &one_path(&uuid), Some(r#"{"unrent_numbers": "yes"}"#)).await.0, 400);
    let (s, v) = api.as_default(Method::DELETE, &one_path(&uuid), Some(r#"{"unrent_numbers": false}"#)).await;
    assert_eq!((s.as_u16(), v["response"].as_str()), (200, Some("success")));
    assert_eq!(api.as_default(Method::GET, &one_path(&uuid), None).await.0, 404);
}

#[tokio::test]
async fn the_rate_limit_is_per_account() {
    let sb = two_accounts(Some((5, Duration::from_secs(60))));
    let api = Api::new(&sb);
    let mut statuses = Vec::new();
    for _ in 0..7 {
        statuses.push(api.as_default(Method::GET, &list_path(), None).await.0.as_u16());
    }
    assert_eq!(statuses, [200, 200, 200, 200, 200, 429, 429]);
    let (s, v, _) =
        api.call(Method::GET, &format!("/v1/Account/{OTHER_ID}/Powerpack/"), Some((OTHER_ID, OTHER_TOKEN)), None).await;
    assert_eq!(s, 200, "{v}");
}

#[tokio::test]
async fn faults_are_scoped_counted_and_journaled() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let admin = |p: &str| format!("{}/__admin/{p}", api.base);
    let rule = json!({"method": "GET", "path": list_path(), "count": 2, "kind": "status", "status": 503, "retry_after_secs": 7});
    assert_eq!(api.http.post(admin("faults")).body(rule.to_string()).send().await.unwrap().status(), 204);
    assert_eq!(api.http.post(admin("faults")).body("{\"kind\":\"nope\"}").send().await.unwrap().status(), 400);
    let pending: Value = api.http.get(admin("faults")).send().await.unwrap().json().await.unwrap();
    assert_eq!(pending[0]["count"], 2);

    let (s, v, h) = api.call(Method::GET, &list_path(), Some((DEFAULT_AUTH_ID, DEFAULT_AUTH_TOKEN)), None).await;
    assert_eq!((s.as_u16(), h["retry-after"].to_str().unwrap()), (503, "7"));
    assert!(v["api_id"].is_string());
    assert_eq!(
        api.as_default(Method::POST, &list_path(), Some(r#"{"name":"a"}"#)).await.0,
        200,
        "other methods unaffected"
    );
    assert_eq!(api.as_default(Method::GET, &list_path(), None).await.0, 503);
    assert_eq!(api.as_default(Method::GET, &list_path(), None).await.0, 200, "count used up");

    let journal: Value = api.http.get(admin("journal")).send().await.unwrap().json().await.unwrap();
    let entries = journal.as_array().unwrap();
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[0]["fault"], "status");
    assert_eq!(entries[0]["status"], 503);
    assert_eq!(entries[1]["body"], r#"{"name":"a"}"#);
    let auth = entries[1]["headers"].as_array().unwrap().iter().find(|h| h[0] == "authorization").unwrap();
    assert_eq!(auth[1], format!("Basic {DEFAULT_AUTH_ID}:***"));
    assert!(!journal.to_string().contains(DEFAULT_AUTH_TOKEN), "the journal holds no secret");
    assert!(entries[3]["at_ms"].as_f64().unwrap() >= entries[0]["at_ms"].as_f64().unwrap());

    assert_eq!(api.http.post(admin("reset")).send().await.unwrap().status(), 204);
    let journal: Value = api.http.get(admin("journal")).send().await.unwrap().json().await.unwrap();
    assert_eq!(journal, json!([]));
    let (_, v) = api.as_default(Method::GET, &list_path(), None).await;
    assert_eq!(v["meta"]["total_count"], 0, "reset forgets Powerpacks");
}

#[tokio::test]
async fn every_fault_kind_misbehaves_as_described() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let push = |f: Value| {
        let (http, url) = (api.http.clone(), format!("{}/__admin/faults", api.base));
        async move { assert_eq!(http.post(url).body(f.to_string()).send().await.unwrap().status(), 204) }
    };
    let get = || {
        api.http
            .get(format!("{}{}", api.base, list_path()))
            .basic_auth(DEFAULT_AUTH_ID, Some(DEFAULT_AUTH_TOKEN))
            .send()
    };

    push(json!({"kind": "status", "status": 429, "retry_after_date": "Wed, 21 Oct 2037 07:28:00 GMT"})).await;
    let r = get().await.unwrap();
    assert_eq!(
        (r.status().as_u16(), r.headers()["retry-after"].to_str().unwrap()),
        (429, "Wed, 21 Oct 2037 07:28:00 GMT")
    );

    push(json!({"kind": "latency", "ms": 300})).await;
    let started = std::time::Instant::now();
    assert_eq!(get().await.unwrap().status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(300));

    push(json!({"kind": "malformed_json"})).await;
    let r = get().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(serde_json::from_str::<Value>(&r.text().await.unwrap()).is_err());

    push(json!({"kind": "html502"})).await;
    let r = get().await.unwrap();
    assert_eq!((r.status().as_u16(), r.headers()["content-type"].to_str().unwrap()), (502, "text/html"));
    assert!(r.text().await.unwrap().contains("<h1>502 Bad Gateway</h1>"));

    push(json!({"kind": "empty_body", "status": 404})).await;
    let r = get().await.unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.text().await.unwrap(), "");

    push(json!({"kind": "truncated_body"})).await;
    let r = get().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_err(), "the body must end early");

    push(json!({"kind": "reset"})).await;
    assert!(get().await.is_err(), "no answer at all");

    push(json!({"kind": "hang", "ms": 5000})).await;
    let hung = tokio::time::timeout(Duration::from_millis(500), get()).await;
    assert!(hung.is_err(), "still waiting after 500 ms");

    let journal: Value =
        api.http.get(format!("{}/__admin/journal", api.base)).send().await.unwrap().json().await.unwrap();
    let kinds: Vec<_> =
        journal.as_array().unwrap().iter().map(|e| e["fault"].as_str().unwrap_or("-").to_owned()).collect();
    assert_eq!(
        kinds,
        ["status", "latency", "malformed_json", "html502", "empty_body", "truncated_body", "reset", "hang"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_concurrent_updates_leave_consistent_state() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let uuids: Vec<String> = {
        let mut v = Vec::new();
        for i in 0..10 {
            v.push(api.create(json!({"name": format!("c{i}")})).await["uuid"].as_str().unwrap().to_owned());
        }
        v
    };
    // Many connections: 16 independent clients (pools) and 2,000 tasks started at once, at most
    // 1,000 on the wire together (each costs two file descriptors in this one process). 2,000
    // proves what 10,000 did (every update lands whole, under the one state lock) in a fifth of
    // the time of every `make test`.
    let clients: Vec<Client> = (0..16).map(|_| Client::new()).collect();
    let on_the_wire = std::sync::Arc::new(tokio::sync::Semaphore::new(1_000));
    let base = api.base.clone();
    let tasks: Vec<_> = (0..2_000)
        .map(|i| {
            let http = clients[i % clients.len()].clone();
            let url = format!("{base}{}", one_path(&uuids[i % uuids.len()]));
            let gate = on_the_wire.clone();
            tokio::spawn(async move {
                let _permit = gate.acquire_owned().await.unwrap();
                let body = json!({"sticky_sender": i % 2 == 0, "name": format!("n{i}")}).to_string();
                http.post(url)
                    .basic_auth(DEFAULT_AUTH_ID, Some(DEFAULT_AUTH_TOKEN))
                    .header("content-type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
            })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        assert_eq!(t.await.unwrap().unwrap(), 200);
        ok += 1;
    }
    assert_eq!(ok, 2_000);
    // Each Powerpack ends with the name of one of its own updates and a
    // sticky_sender that matches that update (names and flags move together).
    let (_, list) = api.as_default(Method::GET, &format!("{}?limit=20", list_path()), None).await;
    let objects = list["objects"].as_array().unwrap();
    assert_eq!(objects.len(), 10);
    for (idx, pp) in objects.iter().enumerate() {
        let n: usize = pp["name"].as_str().unwrap()[1..].parse().unwrap();
        assert_eq!(n % 10, idx, "name came from an update of this Powerpack");
        assert_eq!(pp["sticky_sender"], json!(n.is_multiple_of(2)));
    }
    assert_eq!(sb.journal().len(), 10 + 2_000 + 1);
}

#[tokio::test]
async fn a_seed_file_fills_pools_and_every_reset_restores_it() {
    let seed = powerpack_sandbox::read_seed(
        r#"{"powerpacks": [{"name": "seeded", "uuid": "86bbb125-97bb-4d72-89fd-81d5c515b015",
                             "number_pool_uuid": "659c7f88-c819-46e2-8af4-2d8a84249099"}],
            "numbers": [{"number": "14155550100", "country_iso2": "US", "powerpack": "86bbb125-97bb-4d72-89fd-81d5c515b015"},
                        {"number": "18005550100", "country_iso2": "US", "type": "tollfree", "auth_id": "MAOTHERACCOUNT000002"}],
            "shortcodes": [{"shortcode": "444444", "country_iso2": "US", "powerpack": "86bbb125-97bb-4d72-89fd-81d5c515b015"}]}"#,
    )
    .unwrap();
    assert!(
        powerpack_sandbox::read_seed(r#"{"numbers": [{"number": "1", "country_iso2": "US", "pool": "x"}]}"#).is_err(),
        "unknown keys are refused"
    );
    let sb = Sandbox::start(Config {
        accounts: vec![(DEFAULT_AUTH_ID.into(), DEFAULT_AUTH_TOKEN.into()), (OTHER_ID.into(), OTHER_TOKEN.into())],
        rate_limit: None,
        seed,
        ..Default::default()
    })
    .unwrap();
    let api = Api::new(&sb);
    let (_, pp) = api.as_default(Method::GET, &one_path("86bbb125-97bb-4d72-89fd-81d5c515b015"), None).await;
    let pool = "659c7f88-c819-46e2-8af4-2d8a84249099";
    assert_eq!(pp["number_pool"], format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/{pool}/"));
    let numbers = format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/{pool}/Number/");

    let (s, page) = api.as_default(Method::GET, &numbers, None).await;
    assert_eq!(s, 200);
    assert_eq!(page["meta"]["total_count"], 1);
    let n = &page["objects"][0];
    assert_eq!(
        (n["number"].as_str(), n["type"].as_str(), n["service"].as_str()),
        (Some("14155550100"), Some("fixed"), Some("sms"))
    );
    assert_eq!(n["number_pool_uuid"].as_str(), Some(pool));
    assert!(n.get("api_id").is_none(), "list objects carry no api_id");

    let one = format!("{numbers}14155550100/");
    let (s, _) = api.as_default(Method::DELETE, &one, Some(r#"{"unrent": true}"#)).await;
    assert_eq!(s, 200);
    assert_eq!(api.as_default(Method::GET, &one, None).await.0, 404);
    assert_eq!(api.as_default(Method::PUT, &one, None).await.0, 405);
    let (s, body) = api.as_default(Method::POST, &one, Some(r#"{"rent": "yes"}"#)).await;
    assert_eq!((s.as_u16(), body["error"].as_str()), (400, Some(r#"rent must be a boolean, got "yes""#)));

    // The other account's toll-free number is not this account's to add.
    let tollfree = format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/{pool}/Tollfree/18005550100/");
    assert_eq!(api.as_default(Method::POST, &tollfree, None).await.0, 404);
    // Another account cannot reach this account's pool at all.
    let (s, _, _) =
        api.call(Method::GET, &numbers.replace(DEFAULT_AUTH_ID, OTHER_ID), Some((OTHER_ID, OTHER_TOKEN)), None).await;
    assert_eq!(s, 404);

    sb.reset();
    let (_, page) = api.as_default(Method::GET, &numbers, None).await;
    assert_eq!(page["meta"]["total_count"], 1, "the reset restored the seeded number");
    let (s, codes) = api.as_default(Method::GET, &numbers.replace("/Number/", "/Shortcode/"), None).await;
    assert_eq!((s.as_u16(), codes["objects"][0]["shortcode"].as_str()), (200, Some("444444")));
}

#[tokio::test]
async fn the_admin_seed_endpoint_adds_until_the_next_reset() {
    let sb = two_accounts(None);
    let api = Api::new(&sb);
    let pp = api.create(json!({"name": "owner"})).await;
    let uuid = pp["uuid"].as_str().unwrap();
    let http = Client::new();
    let seed = |body: String| http.post(format!("{}/__admin/seed", sb.base_url())).body(body).send();
    let ok =
        seed(format!(r#"{{"numbers": [{{"number": "14155550100", "country_iso2": "US", "powerpack": "{uuid}"}}]}}"#))
            .await
            .unwrap();
    assert_eq!(ok.status(), 204);
    let bad = seed(r#"{"shortcodes": [{"shortcode": "444444", "country_iso2": "US", "powerpack": "nope"}]}"#.into())
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
    assert!(bad.text().await.unwrap().contains("no Powerpack nope"));

    let pool = pp["number_pool"].as_str().unwrap().trim_end_matches('/').rsplit('/').next().unwrap().to_owned();
    let path = format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/{pool}/Number/14155550100/");
    assert_eq!(api.as_default(Method::GET, &path, None).await.0, 200);
    sb.reset();
    let pp = api.create(json!({"name": "owner"})).await;
    let pool = pp["number_pool"].as_str().unwrap().trim_end_matches('/').rsplit('/').next().unwrap().to_owned();
    let (_, page) =
        api.as_default(Method::GET, &format!("/v1/Account/{DEFAULT_AUTH_ID}/NumberPool/{pool}/Number/"), None).await;
    assert_eq!(page["meta"]["total_count"], 0, "a reset forgets what the admin seed added");
}
