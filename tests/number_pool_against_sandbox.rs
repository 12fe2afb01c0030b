//! The number pool over real HTTP, against the sandbox: exact method, path, query and body of
//! every call; decoded answers; `rent` always explicit and `unrent` false by default; local
//! validation before any request; every error kind; which calls are retried.

mod common;

use std::time::Duration;

use plivo_powerpack::{
    blocking, Client, CreatePowerpack, NumberFilter, NumberPool, PoolNumberType, Powerpack, PowerpackError, ServiceType,
};
use powerpack_sandbox::{Fault, FaultRule, Sandbox, Seed, SeedNumber, SeedShortcode, DEFAULT_AUTH_ID as ID};
use serde_json::json;

use common::{body_of, client, header, sandbox};

fn number(n: &str, country: &str, kind: &str, powerpack: Option<&str>) -> SeedNumber {
    SeedNumber {
        auth_id: None,
        number: n.into(),
        country_iso2: country.into(),
        number_type: kind.into(),
        powerpack: powerpack.map(Into::into),
        service: None,
    }
}

/// A Powerpack, its pool, and the account's rented numbers (none in the pool yet).
async fn setup(sb: &Sandbox, c: &Client) -> (Powerpack, NumberPool) {
    let pp = c.create_powerpack(&CreatePowerpack::new("pool owner")).await.unwrap();
    sb.seed(&Seed {
        numbers: vec![
            number("14155550100", "US", "fixed", None),
            number("14155550101", "US", "mobile", None),
            number("447700900123", "GB", "mobile", None),
            number("18005550100", "US", "tollfree", None),
        ],
        ..Default::default()
    })
    .unwrap();
    let pool = c.number_pool_of(&pp).unwrap();
    sb.clear_journal();
    (pp, pool)
}

fn pool_path(pool: &NumberPool, rest: &str) -> String {
    format!("/v1/Account/{ID}/NumberPool/{}/{rest}", pool.uuid())
}

#[tokio::test]
async fn add_number_sends_rent_false_and_decodes_the_number() {
    let sb = sandbox();
    let c = client(&sb);
    let (pp, pool) = setup(&sb, &c).await;
    assert_eq!(Some(pool.uuid()), pp.number_pool_uuid.as_deref());

    let added = pool.add_number("14155550100", None).await.unwrap();

    let journal = sb.journal();
    assert_eq!(journal.len(), 1);
    let e = &journal[0];
    assert_eq!(
        (e.method.as_str(), e.path.as_str(), e.query.as_deref()),
        ("POST", pool_path(&pool, "Number/14155550100/").as_str(), None)
    );
    assert_eq!(header(e, "content-type"), Some("application/json"));
    assert_eq!(header(e, "authorization"), Some(format!("Basic {ID}:***").as_str()));
    assert_eq!(body_of(e), json!({"rent": false}));
    assert_eq!(added.number, "14155550100");
    assert_eq!(added.number_type.as_deref(), Some("fixed"));
    assert_eq!(added.country_iso2.as_deref(), Some("US"));
    assert_eq!(added.service.as_deref(), Some("sms"));
    assert_eq!(added.number_pool_uuid.as_deref(), Some(pool.uuid()));
    assert_eq!(added.account_phone_number_resource, Some(format!("/v1/Account/{ID}/Number/14155550100/")));
    assert!(added.api_id.is_some());
    let age = std::time::SystemTime::now().duration_since(added.added_on.unwrap()).unwrap();
    assert!(age < Duration::from_secs(60), "{age:?}");

    let found = pool.get_number("14155550100").await.unwrap();
    assert_eq!((found.number.as_str(), found.added_on), ("14155550100", added.added_on));
    assert_eq!(sb.journal()[1].method, "GET");
}

#[tokio::test]
async fn buy_and_add_sends_rent_true_with_the_service() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;

    let bought = pool.buy_and_add_number("14155559999", Some(ServiceType::Mms)).await.unwrap();

    let e = &sb.journal()[0];
    assert_eq!((e.method.as_str(), e.path.as_str()), ("POST", pool_path(&pool, "Number/14155559999/").as_str()));
    assert_eq!(body_of(e), json!({"rent": true, "service": "mms"}));
    assert_eq!((bought.number.as_str(), bought.service.as_deref()), ("14155559999", Some("mms")));
}

#[tokio::test]
async fn remove_sends_unrent_false_unless_asked_and_unrent_releases_the_number() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;
    pool.add_number("14155550100", None).await.unwrap();
    pool.add_number("14155550101", None).await.unwrap();
    sb.clear_journal();

    let kept = pool.remove_number("14155550100", false).await.unwrap();
    assert_eq!(kept.response.as_deref(), Some("success"));
    let released = pool.remove_number("14155550101", true).await.unwrap();
    assert_eq!(released.response.as_deref(), Some("success"));

    let journal = sb.journal();
    assert_eq!(
        (journal[0].method.as_str(), journal[0].path.as_str()),
        ("DELETE", pool_path(&pool, "Number/14155550100/").as_str())
    );
    assert_eq!(body_of(&journal[0]), json!({"unrent": false}));
    assert_eq!(body_of(&journal[1]), json!({"unrent": true}));

    // Still rented: it can come back. Released: it cannot, without buying it again.
    pool.add_number("14155550100", None).await.unwrap();
    let gone = pool.add_number("14155550101", None).await.unwrap_err();
    assert!(matches!(gone, PowerpackError::NotFound { status: 404, .. }), "{gone:?}");
    let absent = pool.get_number("14155550101").await.unwrap_err();
    assert!(matches!(absent, PowerpackError::NotFound { .. }), "{absent:?}");
}

#[tokio::test]
async fn list_numbers_sends_every_filter_and_decodes_the_page() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;
    for n in ["14155550100", "14155550101", "447700900123"] {
        pool.add_number(n, None).await.unwrap();
    }
    sb.clear_journal();

    let filter = NumberFilter::new()
        .country_iso2("US")
        .starts_with(["1415", "1650"])
        .number_type(PoolNumberType::Mobile)
        .service(ServiceType::Sms);
    let page = pool.list_numbers(&filter, 5, 0).await.unwrap();

    let e = &sb.journal()[0];
    assert_eq!((e.method.as_str(), e.path.as_str()), ("GET", pool_path(&pool, "Number/").as_str()));
    assert_eq!(
        e.query.as_deref(),
        Some("starts_with=1415,1650&country_iso2=US&type=mobile&service=sms&limit=5&offset=0")
    );
    assert_eq!(e.body, "");
    assert_eq!((page.meta.total_count, page.meta.limit, page.meta.offset), (1, 5, 0));
    assert_eq!(page.numbers.len(), 1);
    assert_eq!(page.numbers[0].number, "14155550101");
    assert_eq!(page.numbers[0].api_id, None, "list objects carry no api_id");

    let all = pool.list_numbers(&NumberFilter::new(), 20, 0).await.unwrap();
    let numbers: Vec<&str> = all.numbers.iter().map(|n| n.number.as_str()).collect();
    assert_eq!(numbers, ["14155550100", "14155550101", "447700900123"]);
    let gb = pool.list_numbers(&NumberFilter::new().country_iso2("GB"), 20, 0).await.unwrap();
    assert_eq!(gb.numbers.len(), 1);
}

#[tokio::test]
async fn list_all_numbers_walks_the_pages_by_offset() {
    let sb = sandbox();
    let c = client(&sb);
    let (pp, pool) = setup(&sb, &c).await;
    let numbers: Vec<SeedNumber> =
        (0..25).map(|i| number(&format!("1650555{i:04}"), "US", "fixed", Some(&pp.uuid))).collect();
    sb.seed(&Seed { numbers, ..Default::default() }).unwrap();
    sb.clear_journal();

    let all = pool.list_all_numbers(&NumberFilter::new().country_iso2("US")).await.unwrap();

    assert_eq!(all.len(), 25);
    assert_eq!(all[24].number, "16505550024");
    let queries: Vec<Option<String>> = sb.journal().into_iter().map(|e| e.query).collect();
    assert_eq!(
        queries,
        [Some("country_iso2=US&limit=20&offset=0".to_owned()), Some("country_iso2=US&limit=20&offset=20".to_owned())]
    );
}

#[tokio::test]
async fn shortcodes_list_find_and_remove_without_a_body() {
    let sb = sandbox();
    let c = client(&sb);
    let (pp, pool) = setup(&sb, &c).await;
    let shortcodes = ["444444", "555555"]
        .map(|s| SeedShortcode {
            auth_id: None,
            shortcode: s.into(),
            country_iso2: "US".into(),
            powerpack: pp.uuid.clone(),
        })
        .to_vec();
    sb.seed(&Seed { shortcodes, ..Default::default() }).unwrap();
    sb.clear_journal();

    let page = pool.list_shortcodes(1, 1).await.unwrap();
    assert_eq!((page.meta.total_count, page.shortcodes.len()), (2, 1));
    assert_eq!(page.shortcodes[0].shortcode, "555555");
    let one = pool.get_shortcode("444444").await.unwrap();
    assert_eq!((one.shortcode.as_str(), one.country_iso2.as_deref()), ("444444", Some("US")));
    assert_eq!(one.number_pool_uuid.as_deref(), Some(pool.uuid()));
    assert_eq!(pool.remove_shortcode("444444").await.unwrap().response.as_deref(), Some("success"));
    assert_eq!(pool.list_all_shortcodes().await.unwrap().len(), 1);

    let journal = sb.journal();
    assert_eq!(
        (journal[0].path.as_str(), journal[0].query.as_deref()),
        (pool_path(&pool, "Shortcode/").as_str(), Some("limit=1&offset=1"))
    );
    assert_eq!(journal[1].path, pool_path(&pool, "Shortcode/444444/"));
    assert_eq!((journal[2].method.as_str(), journal[2].body.as_str()), ("DELETE", ""));
    assert_eq!(header(&journal[2], "content-type"), None, "no body, no content type");
    let missing = pool.get_shortcode("444444").await.unwrap_err();
    assert!(matches!(missing, PowerpackError::NotFound { .. }), "{missing:?}");
}

#[tokio::test]
async fn tollfree_numbers_add_list_find_and_remove() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;

    let added = pool.add_tollfree("18005550100").await.unwrap();
    assert_eq!(added.number_type.as_deref(), Some("tollfree"));
    pool.add_number("14155550100", None).await.unwrap();
    let page = pool.list_tollfree(20, 0).await.unwrap();
    assert_eq!(page.numbers.iter().map(|n| n.number.as_str()).collect::<Vec<_>>(), ["18005550100"]);
    assert_eq!(pool.get_tollfree("18005550100").await.unwrap().number, "18005550100");
    let not_tollfree = pool.get_tollfree("14155550100").await.unwrap_err();
    assert!(matches!(not_tollfree, PowerpackError::NotFound { .. }), "{not_tollfree:?}");
    pool.remove_tollfree("18005550100", false).await.unwrap();
    assert!(pool.list_all_tollfree().await.unwrap().is_empty());

    let j = sb.journal();
    assert_eq!(
        (j[0].method.as_str(), j[0].path.as_str(), j[0].body.as_str()),
        ("POST", pool_path(&pool, "Tollfree/18005550100/").as_str(), "")
    );
    assert_eq!(j[2].query.as_deref(), Some("limit=20&offset=0"));
    let removal = j.iter().find(|e| e.method == "DELETE").unwrap();
    assert_eq!(
        (removal.path.as_str(), body_of(removal)),
        (pool_path(&pool, "Tollfree/18005550100/").as_str(), json!({"unrent": false}))
    );

    let wrong_kind = pool.add_tollfree("14155550101").await.unwrap_err();
    assert!(
        matches!(wrong_kind, PowerpackError::InvalidRequest { status: 400, ref reason, .. } if reason.contains("toll-free")),
        "{wrong_kind:?}"
    );
}

#[tokio::test]
async fn a_number_in_another_pool_is_refused_by_the_api() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;
    let other = c.create_powerpack(&CreatePowerpack::new("other")).await.unwrap();
    let other_pool = c.number_pool_of(&other).unwrap();
    pool.add_number("14155550100", None).await.unwrap();

    let err = other_pool.add_number("14155550100", None).await.unwrap_err();
    match err {
        PowerpackError::InvalidRequest { status, reason, api_id, .. } => {
            assert_eq!(status, 400);
            assert!(reason.contains("another number pool"), "{reason}");
            assert!(api_id.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_unknown_pool_and_bad_credentials_are_their_errors() {
    let sb = sandbox();
    let c = client(&sb);
    let unknown = c.number_pool("0166c910-1268-47c7-bf30-f5809ee843b9").unwrap();
    let err = unknown.list_numbers(&NumberFilter::new(), 20, 0).await.unwrap_err();
    assert!(matches!(err, PowerpackError::NotFound { status: 404, .. }), "{err:?}");

    let wrong = Client::builder(ID, "wrong-token").base_url(sb.base_url()).build().unwrap();
    let err = wrong.number_pool(unknown.uuid()).unwrap().list_shortcodes(20, 0).await.unwrap_err();
    assert!(matches!(err, PowerpackError::Authentication { status: 401, api_id: None, .. }), "{err:?}");
}

#[tokio::test]
async fn invalid_input_is_refused_before_any_request() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;
    let field = |e: PowerpackError| match e {
        PowerpackError::Validation { field, .. } => field,
        other => panic!("not a validation error: {other:?}"),
    };

    assert_eq!(field(pool.add_number("+14155550100", None).await.unwrap_err()), "number");
    assert_eq!(field(pool.buy_and_add_number("1415", None).await.unwrap_err()), "number");
    assert_eq!(field(pool.get_number("1415555010x").await.unwrap_err()), "number");
    assert_eq!(field(pool.remove_number("../Powerpack", false).await.unwrap_err()), "number");
    assert_eq!(field(pool.add_tollfree("").await.unwrap_err()), "number");
    assert_eq!(field(pool.get_shortcode("44").await.unwrap_err()), "shortcode");
    assert_eq!(field(pool.remove_shortcode("444444/").await.unwrap_err()), "shortcode");
    assert_eq!(field(pool.list_numbers(&NumberFilter::new(), 0, 0).await.unwrap_err()), "limit");
    assert_eq!(field(pool.list_tollfree(21, 0).await.unwrap_err()), "limit");
    assert_eq!(
        field(pool.list_numbers(&NumberFilter::new().starts_with(["1415"]), 20, 0).await.unwrap_err()),
        "starts_with"
    );
    assert_eq!(
        field(pool.list_all_numbers(&NumberFilter::new().country_iso2("usa")).await.unwrap_err()),
        "country_iso2"
    );
    assert_eq!(field(c.number_pool("not-a-uuid").unwrap_err()), "pool_uuid");
    let mut no_pool = c.get_powerpack(&c.list_all_powerpacks().await.unwrap()[0].uuid).await.unwrap();
    sb.clear_journal();
    no_pool.number_pool_uuid = None;
    assert_eq!(field(c.number_pool_of(&no_pool).unwrap_err()), "powerpack.number_pool");

    assert!(sb.journal().is_empty(), "nothing was sent: {:?}", sb.journal());
}

#[tokio::test]
async fn buying_is_not_retried_once_it_may_have_arrived_but_reads_and_removals_are() {
    let sb = sandbox();
    let c = client(&sb);
    let (_, pool) = setup(&sb, &c).await;
    let add_path = pool_path(&pool, "Number/14155559999/");
    let status =
        |code: u16| Fault::Status { status: code, retry_after_secs: None, retry_after_date: None, message: None };
    sb.push_fault(FaultRule {
        method: Some("POST".into()),
        path: Some(add_path.clone()),
        count: 1,
        fault: status(503),
    });

    let err = pool.buy_and_add_number("14155559999", None).await.unwrap_err();
    assert!(matches!(err, PowerpackError::Server { status: 503, .. }), "{err:?}");
    assert_eq!(sb.journal().len(), 1, "a buy is never repeated after the server saw it");

    sb.clear_journal();
    sb.push_fault(FaultRule {
        method: Some("POST".into()),
        path: Some(add_path.clone()),
        count: 1,
        fault: status(429),
    });
    pool.buy_and_add_number("14155559999", None).await.unwrap();
    assert_eq!(
        sb.journal().iter().map(|e| e.status).collect::<Vec<_>>(),
        [Some(429), Some(200)],
        "429 means not processed"
    );

    sb.clear_journal();
    sb.push_fault(FaultRule {
        method: Some("DELETE".into()),
        path: Some(add_path.clone()),
        count: 2,
        fault: status(503),
    });
    pool.remove_number("14155559999", false).await.unwrap();
    let journal = sb.journal();
    assert_eq!(journal.iter().map(|e| e.status).collect::<Vec<_>>(), [Some(503), Some(503), Some(200)]);
    assert!(journal.iter().all(|e| body_of(e) == json!({"unrent": false})), "every attempt sends the same body");
}

#[tokio::test]
async fn deleting_a_powerpack_releases_its_pool_and_unrent_numbers_ends_the_rentals() {
    let sb = sandbox();
    let c = client(&sb);
    let (pp, pool) = setup(&sb, &c).await;
    pool.add_number("14155550100", None).await.unwrap();
    pool.add_number("14155550101", None).await.unwrap();
    c.delete_powerpack(&pp.uuid, false).await.unwrap();

    let next = c.create_powerpack(&CreatePowerpack::new("next")).await.unwrap();
    let next_pool = c.number_pool_of(&next).unwrap();
    next_pool.add_number("14155550100", None).await.expect("still rented after a plain delete");
    c.delete_powerpack(&next.uuid, true).await.unwrap();

    let last = c.create_powerpack(&CreatePowerpack::new("last")).await.unwrap();
    let err = c.number_pool_of(&last).unwrap().add_number("14155550100", None).await.unwrap_err();
    assert!(matches!(err, PowerpackError::NotFound { .. }), "unrent_numbers released it: {err:?}");
}

#[test]
fn the_blocking_pool_makes_the_same_calls() {
    let sb = sandbox();
    let c = blocking::Client::from(client(&sb));
    let pp = c.create_powerpack(&CreatePowerpack::new("blocking")).unwrap();
    let pool = c.number_pool_of(&pp).unwrap();
    let added = pool.buy_and_add_number("14155551234", None).unwrap();
    assert_eq!(added.number_pool_uuid.as_deref(), Some(pool.uuid()));
    assert_eq!(pool.list_all_numbers(&NumberFilter::new()).unwrap().len(), 1);
    assert_eq!(pool.remove_number("14155551234", false).unwrap().response.as_deref(), Some("success"));
    assert!(pool.list_numbers(&NumberFilter::new(), 20, 0).unwrap().numbers.is_empty());
}
