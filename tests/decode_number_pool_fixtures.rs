//! Every number-pool body recorded by Plivo's official SDKs decodes, with the values it
//! carries: numbers, toll-free numbers, shortcodes, their lists, and removals. The
//! plivo-python files are partly hand-made (a Powerpack answering a removal, a toll-free
//! list whose objects say `tollfree` instead of `number` (plivo-dotnet's says `shortcode`), duplicated keys): tolerated, not trusted.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use plivo_powerpack::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, Shortcode, ShortcodePage};

macro_rules! fixture {
    ($path:literal) => {
        include_bytes!(concat!("fixtures/official-sdks/", $path)).as_slice()
    };
}

const POOL: &str = "659c7f88-c819-46e2-8af4-2d8a84249099";

/// 2019-09-03T08:50:09.578928Z, the `added_on` of most recorded bodies.
fn sep_3() -> Option<SystemTime> {
    Some(UNIX_EPOCH + Duration::new(1_567_500_609, 578_928_000))
}

#[test]
fn every_recorded_single_number_decodes_with_all_its_fields() {
    let bodies = [
        fixture!("plivo-go/numberpoolSingleNoResponse.json"),
        fixture!("plivo-dotnet/numberpoolSingleNoResponse.json"),
        fixture!("plivo-python/numberpoolResponse.json"),
        fixture!("plivo-java/numberpoolResponse.json"),
        fixture!("plivo-php/numberpoolResponse.json"),
        fixture!("plivo-ruby/numberpoolResponse.json"),
    ];
    for body in bodies {
        let n = PoolNumber::from_json(body).unwrap();
        assert_eq!(n.number, "15799140348");
        assert_eq!(n.number_type.as_deref(), Some("fixed"));
        assert_eq!(n.country_iso2.as_deref(), Some("CA"));
        assert_eq!(n.number_pool_uuid.as_deref(), Some(POOL), "number_pool_uuid or numberpool_uuid");
        assert!(n.account_phone_number_resource.as_deref().unwrap().ends_with("/Number/15799140348/"));
        assert_eq!(n.added_on, sep_3());
    }
    let go = PoolNumber::from_json(fixture!("plivo-go/numberpoolSingleNoResponse.json")).unwrap();
    assert_eq!(go.service.as_deref(), Some("mms"));
    assert_eq!(go.api_id.as_deref(), Some("81ca9d16-d229-11e9-b61e-0242ac110007"));
    assert_eq!(PoolNumber::from_json(fixture!("plivo-java/numberpoolResponse.json")).unwrap().api_id, None);
}

#[test]
fn every_recorded_single_tollfree_number_decodes() {
    for (body, number) in [
        (fixture!("plivo-go/numberpoolSingleTollfreeResponse.json"), "18772209942"),
        (fixture!("plivo-dotnet/numberpoolSingleTollfreeResponse.json"), "18772209942"),
        (fixture!("plivo-java/tollfreeResponse.json"), "18889140579"),
        (fixture!("plivo-ruby/tollfreeResponse.json"), "18772209942"),
    ] {
        let n = PoolNumber::from_json(body).unwrap();
        assert_eq!((n.number.as_str(), n.number_type.as_deref()), (number, Some("tollfree")));
        assert_eq!(n.number_pool_uuid.as_deref(), Some(POOL));
    }
}

#[test]
fn hand_made_python_number_bodies_are_tolerated() {
    for body in [
        fixture!("plivo-python/powerpackAddNumberResponse.json"),
        fixture!("plivo-python/powerpackAddTollfreeResponse.json"),
    ] {
        let n = PoolNumber::from_json(body).unwrap();
        assert_eq!(n.number, "15799140336");
        assert_eq!(n.number_pool_uuid.as_deref(), Some("ca5fd1f2-26c0-43e9-a7e4-0dc426e9dd2f"));
        assert_eq!(n.added_on, Some(UNIX_EPOCH + Duration::new(1_570_620_275, 85_797_000)));
    }
    let bought = PoolNumber::from_json(fixture!("plivo-python/powerpackBuyAndNumberResponse.json")).unwrap();
    assert_eq!(bought.number, "14845071864");
}

#[test]
fn every_recorded_number_list_decodes() {
    let lists = [
        fixture!("plivo-go/numberpoolNumberRespone.json"),
        fixture!("plivo-dotnet/numberpoolNumberRespone.json"),
        fixture!("plivo-python/numberpoolListResponse.json"),
        fixture!("plivo-java/numberpoolListResponse.json"),
        fixture!("plivo-php/numberpoolListResponse.json"),
        fixture!("plivo-ruby/numberpoolListResponse.json"),
    ];
    for body in lists {
        let page = PoolNumberPage::from_json(body).unwrap();
        assert_eq!(page.api_id.as_deref(), Some("21a04c42-d229-11e9-b61e-0242ac110007"));
        assert_eq!((page.meta.limit, page.meta.offset, page.meta.total_count), (20, 0, 1));
        assert_eq!(page.meta.previous, None, "\"\" is no link");
        assert_eq!(page.numbers.len(), 1);
        assert_eq!(page.numbers[0].number, "15799140348");
        assert_eq!(page.numbers[0].api_id, None);
        assert_eq!(page.numbers[0].added_on, sep_3());
    }
    let java = PoolNumberPage::from_json(fixture!("plivo-java/numberpoolListResponse.json")).unwrap();
    assert!(java.meta.next.as_deref().unwrap().ends_with("/Number/?limit=20&offset=20"));
    assert_eq!(java.numbers[0].number_pool_uuid.as_deref(), Some("c5d77bad-b0b8-4cad-97bf-f97aa82ff7fe"));

    // plivo-python's: extra top-level keys, a duplicated api_id (the last wins), placeholders.
    let counted = PoolNumberPage::from_json(fixture!("plivo-python/powerpackCountNumbersResponse.json")).unwrap();
    assert_eq!(counted.meta.total_count, 6);
    assert_eq!(counted.api_id.as_deref(), Some("0dacbefa-0a87-11ea-b072-0242ac110007"));
    assert_eq!(counted.numbers.len(), 3);
    assert_eq!(counted.numbers[2].country_iso2.as_deref(), Some("CA"));
    let listed = PoolNumberPage::from_json(fixture!("plivo-python/powerpackListNumbersResponse.json")).unwrap();
    assert_eq!((listed.meta.total_count, listed.numbers.len()), (3, 3));
}

#[test]
fn every_recorded_tollfree_list_decodes() {
    for body in [fixture!("plivo-go/numberpoolTollfreeResponse.json"), fixture!("plivo-ruby/tollfreeListResponse.json")]
    {
        let page = PoolNumberPage::from_json(body).unwrap();
        assert_eq!(page.numbers.len(), 1);
        assert_eq!(
            (page.numbers[0].number.as_str(), page.numbers[0].number_type.as_deref()),
            ("18772209942", Some("tollfree"))
        );
    }
    // plivo-dotnet's toll-free list names the number "shortcode" and has no type.
    let dotnet = PoolNumberPage::from_json(fixture!("plivo-dotnet/numberpoolTollfreeResponse.json")).unwrap();
    assert_eq!((dotnet.numbers[0].number.as_str(), dotnet.numbers[0].number_type.as_deref()), ("18772209942", None));
    let java = PoolNumberPage::from_json(fixture!("plivo-java/tollfreeListResponse.json")).unwrap();
    assert_eq!(java.numbers[0].number, "18889140579");
    // Hand-made: objects name the number "tollfree".
    let found = PoolNumberPage::from_json(fixture!("plivo-python/powerpackFindTollfreeResponse.json")).unwrap();
    assert_eq!(found.numbers[0].number, "18772209942");
    let listed = PoolNumberPage::from_json(fixture!("plivo-python/powerpackListTollfreeResponse.json")).unwrap();
    assert_eq!(listed.numbers[0].number, "{your_tollfree}");
}

#[test]
fn every_recorded_shortcode_and_shortcode_list_decodes() {
    for body in [
        fixture!("plivo-go/numberpoolSingleShortcodeResponse.json"),
        fixture!("plivo-dotnet/numberpoolSingleShortcodeResponse.json"),
        fixture!("plivo-php/shortcodeResponse.json"),
        fixture!("plivo-python/shortcodeResponse.json"),
        fixture!("plivo-ruby/shortcodeResponse.json"),
    ] {
        let s = Shortcode::from_json(body).unwrap();
        assert_eq!(
            s,
            Shortcode {
                api_id: None,
                shortcode: "444444".into(),
                country_iso2: Some("CA".into()),
                number_pool_uuid: Some(POOL.into()),
                added_on: sep_3(),
            }
        );
    }
    for body in [
        fixture!("plivo-go/numberpoolShortCodeResponse.json"),
        fixture!("plivo-dotnet/numberpoolShortCodeResponse.json"),
        fixture!("plivo-php/shortcodeListResponse.json"),
        fixture!("plivo-python/shortcodeListResponse.json"),
        fixture!("plivo-ruby/shortcodeListResponse.json"),
    ] {
        let page = ShortcodePage::from_json(body).unwrap();
        assert_eq!(page.meta.total_count, 1);
        assert_eq!(page.shortcodes[0].shortcode, "444444");
        assert_eq!(page.shortcodes[0].number_pool_uuid.as_deref(), Some(POOL));
    }
    let found = ShortcodePage::from_json(fixture!("plivo-python/powerpackFindShortcodeResponse.json")).unwrap();
    assert_eq!(found.shortcodes[0].country_iso2.as_deref(), Some("US"));
    let listed = ShortcodePage::from_json(fixture!("plivo-python/powerpackListShortcodeResponse.json")).unwrap();
    assert_eq!(listed.shortcodes[0].shortcode, "{your_shortcode}");
}

#[test]
fn the_powerpack_before_every_java_pool_test_names_its_pool() {
    let p = Powerpack::from_json(fixture!("plivo-java/numberPoolPowerPack.json")).unwrap();
    assert_eq!(p.number_pool_uuid.as_deref(), Some("2b3aae01-22ae-4137-8730-8e0cd057f944"));
}

#[test]
fn recorded_removals_decode_including_python_s_powerpack_shaped_ones() {
    for body in [
        fixture!("plivo-python/powerpackRemoveNumberResponse.json"),
        fixture!("plivo-python/powerpackRemoveShortcodeResponse.json"),
        fixture!("plivo-python/powerpackRemoveTollfreeResponse.json"),
    ] {
        assert_eq!(DeleteResult::from_json(body).unwrap(), DeleteResult { api_id: None, response: None });
    }
    // Go answers every pool removal with the Powerpack delete body.
    let go = DeleteResult::from_json(fixture!("plivo-go/powerpackDeleteResponse.json")).unwrap();
    assert_eq!(go.response.as_deref(), Some("success"));
}
