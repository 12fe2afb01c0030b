//! The client over real HTTP, against the sandbox: exact method, path,
//! headers and body; decoded answers; every error variant; retries and their
//! spacing; timeouts.

mod common;

use std::time::{Duration, Instant};

use base64::Engine as _;

use plivo_powerpack::{
    blocking, Application, Client, CreatePowerpack, NumberPriority, NumberType, PowerpackError, Priority, RetryPolicy,
    ServiceType, UpdatePowerpack,
};
use powerpack_sandbox::{Entry, Fault, FaultRule, DEFAULT_AUTH_ID as ID, DEFAULT_AUTH_TOKEN as TOKEN};
use serde_json::{json, Value};

use common::{body_of, client, header, sandbox};

fn fault(method: &str, path: &str, count: u32, fault: Fault) -> FaultRule {
    FaultRule { method: Some(method.into()), path: Some(path.into()), count, fault }
}

fn status(code: u16) -> Fault {
    Fault::Status { status: code, retry_after_secs: None, retry_after_date: None, message: None }
}

fn path(uuid: &str) -> String {
    format!("/v1/Account/{ID}/Powerpack/{uuid}/")
}

async fn create(c: &Client, name: &str) -> String {
    c.create_powerpack(&CreatePowerpack::new(name)).await.unwrap().uuid
}

#[tokio::test]
async fn update_sends_exactly_the_seed_request() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "before").await;
    sb.clear_journal();

    let updated = c
        .update_powerpack(&uuid, &UpdatePowerpack::new().name("after").sticky_sender(false).local_connect(false))
        .await
        .unwrap();

    let journal = sb.journal();
    assert_eq!(journal.len(), 1);
    let e = &journal[0];
    assert_eq!(e.method, "POST");
    assert_eq!(e.path, path(&uuid));
    assert_eq!(e.query, None);
    assert_eq!(header(e, "content-type"), Some("application/json"));
    assert_eq!(header(e, "authorization"), Some(format!("Basic {ID}:***").as_str()));
    assert_eq!(e.auth_id.as_deref(), Some(ID));
    let ua = header(e, "user-agent").unwrap();
    assert!(ua.starts_with("plivo-powerpack/") && ua.contains("(Rust)"), "{ua}");
    assert_eq!(body_of(e), json!({"name": "after", "sticky_sender": false, "local_connect": false}));
    assert_eq!(e.status, Some(200));

    assert_eq!(updated.uuid, uuid);
    assert_eq!(updated.name, "after");
    assert_eq!(updated.sticky_sender, Some(false));
    assert_eq!(updated.local_connect, Some(false));
    assert!(updated.api_id.is_some());
    assert!(updated.created_on.is_some());
    assert!(updated.number_pool_uuid.is_some());
}

#[tokio::test]
async fn get_then_update_the_application_and_priority_round_trips() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "pp").await;
    let got = c.get_powerpack(&uuid).await.unwrap();
    assert_eq!((got.sticky_sender, got.local_connect, got.application_id.as_deref()), (Some(true), Some(true), None));

    let priority = NumberPriority::new(
        "US",
        ServiceType::Mms,
        Priority { priority1: NumberType::Longcode, priority2: NumberType::Shortcode, priority3: NumberType::Tollfree },
    );
    let xml = c
        .update_powerpack(
            &got.uuid,
            &UpdatePowerpack::new()
                .application(Application::Xml { app_id: "20342783288007824".into() })
                .number_priority(vec![priority.clone()]),
        )
        .await
        .unwrap();
    assert_eq!(xml.application_type.as_deref(), Some("XML"));
    assert_eq!(xml.application_id.as_deref(), Some("20342783288007824"));
    assert_eq!(xml.number_priority, vec![priority]);

    let phlo_id = "0166c910-1268-47c7-bf30-f5809ee843b9";
    let phlo = c
        .update_powerpack(&uuid, &UpdatePowerpack::new().application(Application::Phlo { phlo_id: phlo_id.into() }))
        .await
        .unwrap();
    assert_eq!((phlo.application_type.as_deref(), phlo.application_id.as_deref()), (Some("PHLO"), Some(phlo_id)));

    let detached = c.update_powerpack(&uuid, &UpdatePowerpack::new().application(Application::Detach)).await.unwrap();
    assert_eq!((detached.application_type, detached.application_id), (None, None));
    let bodies: Vec<Value> = sb.journal().iter().filter(|e| e.method == "POST").map(body_of).collect();
    assert_eq!(bodies.last().unwrap(), &json!({"application_id": "none"}));
    assert_eq!(bodies[bodies.len() - 2], json!({"application_type": "phlo", "application_id": phlo_id}));
}

#[tokio::test]
async fn create_list_pages_and_delete() {
    let sb = sandbox();
    let c = client(&sb);
    for i in 0..45 {
        create(&c, &format!("pp-{i:02}")).await;
    }
    let page = c.list_powerpacks(20, 40).await.unwrap();
    assert_eq!((page.meta.limit, page.meta.offset, page.meta.total_count), (20, 40, 45));
    assert_eq!(page.powerpacks.len(), 5);
    assert_eq!(page.powerpacks[0].name, "pp-40");

    sb.clear_journal();
    let all = c.list_all_powerpacks().await.unwrap();
    assert_eq!(all.len(), 45);
    let queries: Vec<_> =
        sb.journal().iter().map(|e| (e.method.clone(), e.path.clone(), e.query.clone().unwrap())).collect();
    let list_path = format!("/v1/Account/{ID}/Powerpack/");
    assert_eq!(
        queries,
        vec![
            ("GET".into(), list_path.clone(), "limit=20&offset=0".into()),
            ("GET".into(), list_path.clone(), "limit=20&offset=20".into()),
            ("GET".into(), list_path.clone(), "limit=20&offset=40".into()),
        ]
    );

    sb.clear_journal();
    let deleted = c.delete_powerpack(&all[0].uuid, false).await.unwrap();
    assert_eq!(deleted.response.as_deref(), Some("success"));
    let e = &sb.journal()[0];
    assert_eq!((e.method.as_str(), e.path.clone()), ("DELETE", path(&all[0].uuid)));
    assert_eq!(body_of(e), json!({"unrent_numbers": false}), "unrent_numbers is sent, and false by default");
    c.delete_powerpack(&all[1].uuid, true).await.unwrap();
    assert_eq!(body_of(&sb.journal()[1]), json!({"unrent_numbers": true}));
    assert!(c.get_powerpack(&all[0].uuid).await.unwrap_err().is_not_found());
}

#[tokio::test]
async fn an_empty_account_lists_nothing_in_one_request() {
    let sb = sandbox();
    assert!(client(&sb).list_all_powerpacks().await.unwrap().is_empty());
    assert_eq!(sb.journal().len(), 1);
}

#[tokio::test]
async fn invalid_input_is_refused_before_any_request() {
    let sb = sandbox();
    let c = client(&sb);
    let cases: Vec<(&str, PowerpackError)> = vec![
        ("empty update", c.update_powerpack("u", &UpdatePowerpack::new()).await.unwrap_err()),
        ("uuid with slash", c.update_powerpack("a/b", &UpdatePowerpack::new().name("x")).await.unwrap_err()),
        ("uuid with query", c.get_powerpack("a?b=1").await.unwrap_err()),
        ("empty uuid", c.delete_powerpack("", false).await.unwrap_err()),
        ("blank name", c.update_powerpack("u", &UpdatePowerpack::new().name("  ")).await.unwrap_err()),
        ("limit 0", c.list_powerpacks(0, 0).await.unwrap_err()),
        ("limit 21", c.list_powerpacks(21, 0).await.unwrap_err()),
        (
            "xml none",
            c.update_powerpack("u", &UpdatePowerpack::new().application(Application::Xml { app_id: "none".into() }))
                .await
                .unwrap_err(),
        ),
        ("create blank", c.create_powerpack(&CreatePowerpack::new("")).await.unwrap_err()),
    ];
    for (what, err) in cases {
        assert!(err.is_validation(), "{what}: {err:?}");
    }
    assert!(sb.journal().is_empty(), "nothing may reach the server: {:?}", sb.journal());
}

#[tokio::test]
async fn api_errors_arrive_as_their_variants_with_fields() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "taken").await;
    let other = create(&c, "other").await;

    match c.update_powerpack(&other, &UpdatePowerpack::new().name("taken")).await.unwrap_err() {
        PowerpackError::InvalidRequest { status, api_id, reason, body_excerpt } => {
            assert_eq!(status, 400);
            assert!(api_id.is_some());
            assert_eq!(reason, "a Powerpack named \"taken\" already exists");
            assert!(body_excerpt.contains("already exists"));
        }
        e => panic!("{e:?}"),
    }
    match c.get_powerpack("no-such-uuid").await.unwrap_err() {
        PowerpackError::NotFound { status: 404, reason, .. } => assert_eq!(reason, "Powerpack not found"),
        e => panic!("{e:?}"),
    }
    let wrong_token = Client::builder(ID, "wrong").base_url(sb.base_url()).build().unwrap();
    match wrong_token.get_powerpack(&uuid).await.unwrap_err() {
        PowerpackError::Authentication { status: 401, api_id: None, reason, .. } => {
            assert_eq!(reason, "incorrect authentication credentials")
        }
        e => panic!("{e:?}"),
    }
    sb.push_fault(fault("GET", &path(&uuid), 1, status(403)));
    assert!(matches!(c.get_powerpack(&uuid).await.unwrap_err(), PowerpackError::Forbidden { status: 403, .. }));
    sb.push_fault(fault("GET", &path(&uuid), 1, status(500)));
    assert!(matches!(c.get_powerpack(&uuid).await.unwrap_err(), PowerpackError::Server { status: 500, .. }));
}

#[tokio::test]
async fn the_auth_token_never_appears_in_errors() {
    let sb = sandbox();
    let secret = "tok-3b9f1c2d-very-secret";
    let c = Client::builder(ID, secret).base_url(sb.base_url()).build().unwrap();
    // A server that answers with the credentials it was sent, in its message and its body.
    sb.push_fault(fault("GET", &path("x"), 1, Fault::EchoCredentials { status: 400 }));
    let e = c.get_powerpack("x").await.unwrap_err();
    let text = format!("{e} {e:?} {c:?}");
    let header = base64::engine::general_purpose::STANDARD.encode(format!("{ID}:{secret}"));
    assert!(!text.contains(secret), "{text}");
    assert!(!text.contains(&header), "the Authorization header's base64 is the token: {text}");
    match &e {
        PowerpackError::InvalidRequest { reason, body_excerpt, .. } => {
            assert_eq!(reason, &format!("bad credentials {ID}:*** (Authorization: Basic ***)"), "masked, not dropped");
            assert!(body_excerpt.contains(&format!("{ID}:***")), "{body_excerpt}");
            assert!(body_excerpt.contains("\"authorization\":\"Basic ***\""), "{body_excerpt}");
        }
        other => panic!("{other:?}"),
    }
    // Even when a server echoes it back in its error message.
    let c2 = client(&sb);
    sb.push_fault(fault(
        "GET",
        &path("x"),
        1,
        Fault::Status {
            status: 400,
            retry_after_secs: None,
            retry_after_date: None,
            message: Some(format!("bad token {TOKEN}")),
        },
    ));
    let e = c2.get_powerpack("x").await.unwrap_err();
    assert!(!format!("{e} {e:?}").contains(TOKEN), "{e:?}");
}

/// The reason is cut to 1 KiB and the excerpt to 512 B: a token (or the header's base64) that
/// starts a few bytes before either cut must leave none of its characters behind.
#[tokio::test]
async fn a_token_straddling_the_reason_or_excerpt_cut_is_masked_whole() {
    let sb = sandbox();
    let c = client(&sb);
    let message = |text: String| Fault::Status {
        status: 400,
        retry_after_secs: None,
        retry_after_date: None,
        message: Some(text),
    };
    // Where the message starts in the excerpt (the body's layout before it is fixed).
    sb.push_fault(fault("GET", &path("x"), 1, message("MARK".into())));
    let start = match c.get_powerpack("x").await.unwrap_err() {
        PowerpackError::InvalidRequest { body_excerpt, .. } => body_excerpt.find("MARK").expect("message in excerpt"),
        other => panic!("{other:?}"),
    };
    let header = base64::engine::general_purpose::STANDARD.encode(format!("{ID}:{TOKEN}"));
    for echoed in [TOKEN.to_owned(), header.clone()] {
        for (cut, offset) in [(1024, 0), (512, start)] {
            for before in [1, 3, 6] {
                let pad = "x".repeat(cut - offset - before);
                sb.push_fault(fault("GET", &path("x"), 1, message(format!("{pad}{echoed} and more"))));
                let e = c.get_powerpack("x").await.unwrap_err();
                let text = format!("{e:?}");
                for secret in [TOKEN, header.as_str()] {
                    assert!(!text.contains(&secret[..4]), "cut {cut}, {before} bytes before: {text}");
                }
            }
        }
    }
}

#[tokio::test]
async fn server_errors_are_retried_and_the_journal_shows_each_attempt() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "pp").await;
    sb.clear_journal();
    sb.push_fault(fault("POST", &path(&uuid), 2, status(503)));
    let p = c.update_powerpack(&uuid, &UpdatePowerpack::new().local_connect(false)).await.unwrap();
    assert_eq!(p.local_connect, Some(false));
    let statuses: Vec<_> = sb.journal().iter().map(|e| e.status).collect();
    assert_eq!(statuses, [Some(503), Some(503), Some(200)]);
    let bodies: Vec<_> = sb.journal().iter().map(body_of).collect();
    assert!(bodies.iter().all(|b| b == &json!({"local_connect": false})), "each retry resends the same body");
}

#[tokio::test]
async fn retries_stop_after_max_attempts_counting_the_first() {
    let sb = sandbox();
    let c = client(&sb);
    sb.push_fault(fault("GET", &path("u"), 10, status(502)));
    let e = c.get_powerpack("u").await.unwrap_err();
    assert!(matches!(e, PowerpackError::Server { status: 502, .. }), "{e:?}");
    assert_eq!(sb.journal().len(), 3);
}

#[tokio::test]
async fn retry_after_is_honoured_in_seconds_and_as_a_date() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "pp").await;
    sb.clear_journal();
    sb.push_fault(fault(
        "GET",
        &path(&uuid),
        1,
        Fault::Status { status: 429, retry_after_secs: Some(1), retry_after_date: None, message: None },
    ));
    c.get_powerpack(&uuid).await.unwrap();
    let j = sb.journal();
    let gap = j[1].at_ms - j[0].at_ms;
    assert!(gap >= 950.0, "waited only {gap} ms for Retry-After: 1");

    sb.clear_journal();
    let at = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(2));
    sb.push_fault(fault(
        "GET",
        &path(&uuid),
        1,
        Fault::Status { status: 429, retry_after_secs: None, retry_after_date: Some(at), message: None },
    ));
    c.get_powerpack(&uuid).await.unwrap();
    let j = sb.journal();
    let gap = j[1].at_ms - j[0].at_ms;
    // An HTTP-date has whole seconds: at least one second must remain.
    assert!(gap >= 900.0, "waited only {gap} ms for an HTTP-date two seconds ahead");
}

#[tokio::test]
async fn a_rate_limit_outlasting_the_deadline_is_returned_with_its_retry_after() {
    let sb = sandbox();
    let c = Client::builder(ID, TOKEN).base_url(sb.base_url()).total_deadline(Duration::from_secs(2)).build().unwrap();
    sb.push_fault(fault(
        "GET",
        &path("u"),
        5,
        Fault::Status { status: 429, retry_after_secs: Some(30), retry_after_date: None, message: None },
    ));
    let e = c.get_powerpack("u").await.unwrap_err();
    // Had it waited for the Retry-After, the deadline would have ended the call as a Timeout or
    // a second request would be in the journal; neither depends on the wall clock.
    assert!(e.is_rate_limited(), "{e:?}");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(sb.journal().len(), 1);
}

#[tokio::test]
async fn create_is_not_retried_when_it_may_have_been_processed() {
    let sb = sandbox();
    let c = client(&sb);
    let list = format!("/v1/Account/{ID}/Powerpack/");
    sb.push_fault(fault("POST", &list, 1, status(503)));
    assert!(c.create_powerpack(&CreatePowerpack::new("x")).await.unwrap_err().is_server());
    assert_eq!(sb.journal().len(), 1);

    sb.clear_journal();
    sb.push_fault(fault("POST", &list, 1, Fault::Reset));
    assert!(c.create_powerpack(&CreatePowerpack::new("x")).await.unwrap_err().is_network());
    assert_eq!(sb.journal().len(), 1);

    sb.clear_journal();
    sb.push_fault(fault("POST", &list, 1, status(429)));
    c.create_powerpack(&CreatePowerpack::new("x")).await.unwrap();
    assert_eq!(sb.journal().len(), 2, "429 means not processed: retried");
}

#[tokio::test]
async fn transport_faults_become_network_decode_and_timeout_errors() {
    let sb = sandbox();
    let c = Client::builder(ID, TOKEN)
        .base_url(sb.base_url())
        .retry_policy(RetryPolicy::none())
        .attempt_timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let p = path("u");
    sb.push_fault(fault("GET", &p, 1, Fault::Reset));
    assert!(c.get_powerpack("u").await.unwrap_err().is_network());
    sb.push_fault(fault("GET", &p, 1, Fault::TruncatedBody));
    match c.get_powerpack("u").await.unwrap_err() {
        PowerpackError::Network { reason, .. } => assert!(reason.contains("cut short"), "{reason}"),
        e => panic!("{e:?}"),
    }
    sb.push_fault(fault("GET", &p, 1, Fault::MalformedJson));
    match c.get_powerpack("u").await.unwrap_err() {
        PowerpackError::Decode { path, body_excerpt, .. } => {
            assert_eq!(path, ".");
            assert!(body_excerpt.starts_with("{\"api_id\""));
        }
        e => panic!("{e:?}"),
    }
    sb.push_fault(fault("GET", &p, 1, Fault::Html502));
    match c.get_powerpack("u").await.unwrap_err() {
        PowerpackError::Server { status: 502, api_id: None, reason, body_excerpt } => {
            assert_eq!(reason, "bad gateway");
            assert!(body_excerpt.contains("<h1>502 Bad Gateway</h1>"));
        }
        e => panic!("{e:?}"),
    }
    sb.push_fault(fault("GET", &p, 1, Fault::EmptyBody { status: 404 }));
    assert!(c.get_powerpack("u").await.unwrap_err().is_not_found());
    sb.push_fault(fault("GET", &p, 1, Fault::Hang { ms: Some(5_000) }));
    match c.get_powerpack("u").await.unwrap_err() {
        PowerpackError::Timeout { reason, .. } => {
            assert!(reason.contains("attempt timeout of 300ms"), "the attempt timeout ended it: {reason}")
        }
        e => panic!("{e:?}"),
    }
}

#[tokio::test]
async fn a_hanging_server_is_retried_within_the_total_deadline() {
    let sb = sandbox();
    let c = Client::builder(ID, TOKEN)
        .base_url(sb.base_url())
        .attempt_timeout(Duration::from_millis(200))
        .total_deadline(Duration::from_millis(700))
        .retry_policy(RetryPolicy {
            max_attempts: 10,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(1),
        })
        .build()
        .unwrap();
    sb.push_fault(fault("GET", &path("u"), 100, Fault::Hang { ms: Some(10_000) }));
    let started = Instant::now();
    let e = c.get_powerpack("u").await.unwrap_err();
    let took = started.elapsed();
    assert!(e.is_timeout(), "{e:?}");
    // Wall time is the point here: the deadline ends the call, not the 10 s hang. The lower bound
    // is exact (it cannot finish before the deadline); the upper one is generous.
    assert!(took >= Duration::from_millis(650) && took < Duration::from_secs(5), "{took:?}");
    let attempts = sb.journal().len();
    assert!((3..=4).contains(&attempts), "{attempts} attempts");
}

#[tokio::test]
async fn a_connection_refused_is_a_network_error_after_retries() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let c = Client::builder(ID, TOKEN)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry_policy(RetryPolicy {
            max_attempts: 2,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(1),
        })
        .build()
        .unwrap();
    match c.get_powerpack("u").await.unwrap_err() {
        e @ PowerpackError::Network { .. } => {
            let PowerpackError::Network { reason, .. } = &e else { unreachable!() };
            assert!(reason.starts_with("could not connect"), "{reason}");
            assert!(reason.ends_with("(after 2 attempts)"), "every refused attempt is counted: {reason}");
            // Rust callers keep the HTTP client's error as the source, down to the OS error.
            let mut chain = Vec::new();
            let mut source = std::error::Error::source(&e);
            while let Some(s) = source {
                chain.push(s.to_string());
                source = s.source();
            }
            assert!(chain.len() >= 2, "{chain:?}");
            assert!(chain.iter().any(|s| s.to_lowercase().contains("refused")), "{chain:?}");
        }
        e => panic!("{e:?}"),
    }
}

#[test]
fn the_blocking_client_works_from_many_threads_at_once() {
    let sb = sandbox();
    let c = blocking::Client::from(client(&sb));
    let uuid = c.create_powerpack(&CreatePowerpack::new("shared")).unwrap().uuid;
    std::thread::scope(|s| {
        for t in 0..8 {
            let (c, uuid) = (&c, &uuid);
            s.spawn(move || {
                for i in 0..10 {
                    let p = c.update_powerpack(uuid, &UpdatePowerpack::new().sticky_sender((t + i) % 2 == 0)).unwrap();
                    assert_eq!(p.uuid, *uuid);
                }
            });
        }
    });
    assert_eq!(sb.journal().len(), 81);
    assert!(c.get_powerpack(&uuid).is_ok());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_blocking_client_can_be_called_from_inside_a_runtime() {
    let sb = sandbox();
    let c = blocking::Client::from(client(&sb));
    let p = tokio::task::spawn_blocking(move || c.create_powerpack(&CreatePowerpack::new("x"))).await.unwrap();
    assert_eq!(p.unwrap().name, "x");
}

#[tokio::test]
async fn concurrent_updates_from_one_client_all_succeed() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "busy").await;
    let tasks: Vec<_> = (0..200)
        .map(|i| {
            let (c, uuid) = (c.clone(), uuid.clone());
            tokio::spawn(
                async move { c.update_powerpack(&uuid, &UpdatePowerpack::new().name(format!("busy-{i}"))).await },
            )
        })
        .collect();
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    let name = c.get_powerpack(&uuid).await.unwrap().name;
    let sent: std::collections::HashSet<String> = (0..200).map(|i| format!("busy-{i}")).collect();
    assert!(sent.contains(&name), "the last update won: {name}");
    let updates: Vec<Entry> =
        sb.journal().into_iter().filter(|e| e.method == "POST" && e.path == path(&uuid)).collect();
    assert_eq!(updates.len(), 200, "one request per update, no retries");
    assert!(updates.iter().all(|e| e.status == Some(200)));
    let names: std::collections::HashSet<String> =
        updates.iter().map(|e| body_of(e)["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, sent, "every update arrived with its own body");
}

#[tokio::test]
async fn a_body_over_the_size_limit_is_refused_while_reading_not_after() {
    let sb = sandbox();
    let c = client(&sb);
    let uuid = create(&c, "big").await;
    let limit = plivo_powerpack::client::MAX_RESPONSE_BYTES as u64;
    for declare_length in [true, false] {
        sb.clear_journal();
        sb.push_fault(fault("GET", &path(&uuid), 1, Fault::OversizedBody { bytes: 200 * 1024 * 1024, declare_length }));
        match c.get_powerpack(&uuid).await {
            Err(PowerpackError::Decode { path, reason, body_excerpt }) => {
                assert_eq!(path, ".");
                assert!(reason.contains("larger than the 8 MiB limit"), "{reason}");
                let read: u64 = reason.split("at least ").nth(1).unwrap().split(' ').next().unwrap().parse().unwrap();
                if declare_length {
                    assert_eq!(read, 200 * 1024 * 1024, "refused from the Content-Length alone");
                } else {
                    assert!(read > limit && read <= limit + 64 * 1024, "stopped one chunk past the limit: {read}");
                }
                assert!(body_excerpt.is_empty());
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(sb.journal().len(), 1, "not retried");
    }
    // A body just under the limit is read whole (and then fails as the padding it is).
    sb.push_fault(fault("GET", &path(&uuid), 1, Fault::OversizedBody { bytes: limit, declare_length: false }));
    let err = c.get_powerpack(&uuid).await.unwrap_err();
    assert!(matches!(err, PowerpackError::Decode { ref reason, .. } if reason.contains("not valid JSON")), "{err:?}");
}

#[tokio::test]
async fn a_redirect_is_not_followed_and_the_credentials_go_nowhere_else() {
    let sb = sandbox();
    let elsewhere = sandbox();
    let c = client(&sb);
    let target = format!("{}/v1/Account/{ID}/Powerpack/u/", elsewhere.base_url());
    sb.push_fault(fault("GET", &path("u"), 1, Fault::Redirect { status: 302, location: target }));
    match c.get_powerpack("u").await.unwrap_err() {
        PowerpackError::InvalidRequest { status: 302, reason, .. } => assert_eq!(reason, "moved"),
        e => panic!("{e:?}"),
    }
    assert_eq!(sb.journal().len(), 1, "one request, no second one");
    assert!(elsewhere.journal().is_empty(), "nothing reached the Location");
}

#[tokio::test]
async fn list_all_stops_on_a_server_that_miscounts() {
    let sb = sandbox();
    let c = client(&sb);
    for i in 0..3 {
        create(&c, &format!("p{i}")).await;
    }
    let list = format!("/v1/Account/{ID}/Powerpack/");
    // Claims 1,000 but the first page is short: one request, three Powerpacks.
    sb.clear_journal();
    sb.push_fault(fault("GET", &list, 1, Fault::TotalCount { total: 1000 }));
    assert_eq!(c.list_all_powerpacks().await.unwrap().len(), 3);
    assert_eq!(sb.journal().len(), 1);
    sb.reset();
    for i in 0..45 {
        create(&c, &format!("q{i:02}")).await;
    }
    // Claims 1,000 with full pages: walks until the short page at offset 40.
    sb.clear_journal();
    sb.push_fault(fault("GET", &list, 3, Fault::TotalCount { total: 1000 }));
    assert_eq!(c.list_all_powerpacks().await.unwrap().len(), 45);
    let queries: Vec<_> = sb.journal().into_iter().filter_map(|e| e.query).collect();
    assert_eq!(queries, ["limit=20&offset=0", "limit=20&offset=20", "limit=20&offset=40"]);
    // Claims 0 while sending a full page: stops after it instead of asking again.
    sb.clear_journal();
    sb.push_fault(fault("GET", &list, 1, Fault::TotalCount { total: 0 }));
    assert_eq!(c.list_all_powerpacks().await.unwrap().len(), 20);
    assert_eq!(sb.journal().len(), 1);
}

/// A minimal forward proxy for HTTP: records each connection's first request line, then relays
/// bytes both ways to the host named in it.
async fn forward_proxy() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut client, _)) = listener.accept().await else { return };
            let record = record.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    if client.read(&mut byte).await.unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                let text = String::from_utf8_lossy(&head).into_owned();
                let line = text.lines().next().unwrap_or_default().to_owned();
                let authority =
                    line.split(' ').nth(1).and_then(|u| u.strip_prefix("http://")).and_then(|u| u.split('/').next());
                record.lock().unwrap().push(line.clone());
                let Some(authority) = authority else { return };
                let mut upstream = tokio::net::TcpStream::connect(authority).await.unwrap();
                upstream.write_all(&head).await.unwrap();
                let _ = tokio::io::copy_bidirectional(&mut client, &mut upstream).await;
            });
        }
    });
    (url, seen)
}

#[tokio::test]
async fn the_proxy_setting_routes_every_request_through_the_proxy() {
    let sb = sandbox();
    let (proxy, seen) = forward_proxy().await;
    let c = Client::builder(ID, TOKEN).base_url(sb.base_url()).proxy(proxy).build().unwrap();
    let uuid = c.create_powerpack(&CreatePowerpack::new("via proxy")).await.unwrap().uuid;
    assert_eq!(c.get_powerpack(&uuid).await.unwrap().name, "via proxy");
    let lines = seen.lock().unwrap().clone();
    assert_eq!(
        lines.first().map(String::as_str),
        Some(format!("POST {}/v1/Account/{ID}/Powerpack/ HTTP/1.1", sb.base_url()).as_str())
    );
    assert_eq!(sb.journal().len(), 2, "both requests arrived, through the proxy");
}
