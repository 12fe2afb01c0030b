//! Every Powerpack body recorded by Plivo's official SDKs decodes, with the
//! values it carries. The fixtures are verbatim copies (see
//! `tests/fixtures/official-sdks/INDEX.md`); the plivo-python ones are partly
//! hand-made, so they are tolerated rather than trusted.

use std::time::{Duration, UNIX_EPOCH};

use plivo_powerpack::{DeleteResult, NumberType, Powerpack, PowerpackPage, ServiceType};

macro_rules! fixture {
    ($path:literal) => {
        include_bytes!(concat!("fixtures/official-sdks/", $path)).as_slice()
    };
}

const SINGLE_VISHNU: &[&[u8]] = &[
    fixture!("plivo-dotnet/powerpack.json"),
    fixture!("plivo-go/powerpack.json"),
    fixture!("plivo-java/powerpackCreateResponse.json"),
    fixture!("plivo-php/powerpackResponse.json"),
    fixture!("plivo-python/powerpackResponse.json"),
    fixture!("plivo-ruby/powerpackResponse.json"),
];

const LISTS_OF_TWO: &[&[u8]] = &[
    fixture!("plivo-dotnet/powerpackList.json"),
    fixture!("plivo-go/powerpackList.json"),
    fixture!("plivo-java/powerpackListResponse.json"),
    fixture!("plivo-php/powerpackListResponse.json"),
    fixture!("plivo-python/powerpackListResponse.json"),
    fixture!("plivo-ruby/powerpackListResponse.json"),
];

const DELETES: &[&[u8]] = &[
    fixture!("plivo-dotnet/powerpackDeleteResponse.json"),
    fixture!("plivo-go/powerpackDeleteResponse.json"),
    fixture!("plivo-php/powerpackDeleteResponse.json"),
    fixture!("plivo-python/powerpackDeleteResponse.json"),
    fixture!("plivo-ruby/powerpackDelete.json"),
];

#[test]
fn every_recorded_single_powerpack_decodes_with_all_its_fields() {
    for body in SINGLE_VISHNU {
        let p = Powerpack::from_json(body).unwrap();
        assert_eq!(p.api_id.as_deref(), Some("b2e24102-d228-11e9-b61e-0242ac110007"));
        assert_eq!(p.uuid, "86bbb125-97bb-4d72-89fd-81d5c515b015");
        assert_eq!(p.name, "vishnu_sep_01");
        assert_eq!(p.sticky_sender, Some(true));
        assert_eq!(p.local_connect, Some(false));
        assert_eq!(p.application_type.as_deref(), Some("XML"));
        assert_eq!(p.application_id.as_deref(), Some("33660394121755210"));
        assert_eq!(p.number_pool_uuid.as_deref(), Some("659c7f88-c819-46e2-8af4-2d8a84249099"));
        // 2019-09-03T08:50:09.510692Z
        assert_eq!(p.created_on, Some(UNIX_EPOCH + Duration::new(1_567_500_609, 510_692_000)));
    }
}

#[test]
fn number_priority_is_decoded_when_present() {
    let p = Powerpack::from_json(fixture!("plivo-php/powerpackResponse.json")).unwrap();
    assert_eq!(p.number_priority.len(), 4);
    assert_eq!(p.number_priority[1].country_iso, "CA");
    assert_eq!(p.number_priority[1].service_type, ServiceType::Sms);
    assert_eq!(p.number_priority[1].priority.priority2, NumberType::Longcode);
    assert_eq!(p.number_priority[2].service_type, ServiceType::Mms);

    let p = Powerpack::from_json(fixture!("plivo-java/numberPoolPowerPack.json")).unwrap();
    assert_eq!(p.application_type, None, "\"\" means no application");
    assert_eq!(p.application_id, None);
    assert_eq!(p.sticky_sender, Some(false));
    assert_eq!(p.number_priority.len(), 4);
    assert_eq!(p.number_pool_uuid.as_deref(), Some("2b3aae01-22ae-4137-8730-8e0cd057f944"));
}

#[test]
fn absent_number_priority_decodes_as_empty() {
    let p = Powerpack::from_json(fixture!("plivo-go/powerpack.json")).unwrap();
    assert!(p.number_priority.is_empty());
}

#[test]
fn hand_made_python_bodies_are_tolerated() {
    // A stale "smart_sender" instead of sticky_sender, a numeric application_id, no api_id.
    for body in [
        fixture!("plivo-python/powerpackGetPowerpackResponse.json"),
        fixture!("plivo-python/powerpackDeletePowerpackResponse.json"),
    ] {
        let p = Powerpack::from_json(body).unwrap();
        assert_eq!(p.name, "My Powerpack");
        assert_eq!(p.api_id, None);
        assert_eq!(p.sticky_sender, None);
        assert_eq!(p.local_connect, Some(false));
        assert_eq!(p.application_id.as_deref(), Some("123912833468"));
        assert_eq!(p.created_on, Some(UNIX_EPOCH + Duration::from_secs(1_563_193_320)));
    }
    // A duplicated "uuid" key: the last one wins, as in every JSON parser that does not reject it.
    let p = Powerpack::from_json(fixture!("plivo-python/powerpackUpdatePowerpackResponse.json")).unwrap();
    assert_eq!(p.uuid, "<powerpack_uuid>");
    assert_eq!(p.number_pool_uuid.as_deref(), Some("d35f2e82-d387-427f-8594-6fa07613c43a"));

    let p = Powerpack::from_json(fixture!("plivo-python/powerpackCreatePowerpackResponse.json")).unwrap();
    assert_eq!(p.application_id.as_deref(), Some("20342783288007824"));
    assert_eq!(p.created_on, Some(UNIX_EPOCH + Duration::new(1_570_619_459, 666_461_000)));
}

#[test]
fn every_recorded_list_decodes() {
    for body in LISTS_OF_TWO {
        let page = PowerpackPage::from_json(body).unwrap();
        assert_eq!(page.api_id.as_deref(), Some("ff25223a-1c9f-11e4-80aa-12313f048015"));
        assert_eq!((page.meta.limit, page.meta.offset), (20, 0));
        assert_eq!(page.meta.previous, None);
        assert_eq!(page.powerpacks.len(), 2);
        assert_eq!(page.powerpacks[0].api_id, None, "list objects carry no api_id");
        assert_eq!(page.powerpacks[1].name, "Neel_ppk_sdk-14");
        assert_eq!(page.powerpacks[1].application_type, None);
    }
    let java = PowerpackPage::from_json(fixture!("plivo-java/powerpackListResponse.json")).unwrap();
    assert_eq!(java.meta.next.as_deref(), Some("/v1/Account/MAXXXXXXXXXXXXXXXXXX/Powerpack/?limit=20&offset=0"));
    assert_eq!(PowerpackPage::from_json(fixture!("plivo-go/powerpackList.json")).unwrap().meta.total_count, 2);
}

#[test]
fn a_list_without_previous_and_with_four_digit_fractions_decodes() {
    let page = PowerpackPage::from_json(fixture!("plivo-python/powerpackListPowerpackResponse.json")).unwrap();
    assert_eq!(page.meta.total_count, 53);
    assert_eq!(page.meta.previous, None);
    assert_eq!(page.powerpacks.len(), 3);
    // 2019-10-09T16:54:34.0117Z
    assert_eq!(page.powerpacks[2].created_on, Some(UNIX_EPOCH + Duration::new(1_570_640_074, 11_700_000)));
    assert_eq!(page.powerpacks[1].sticky_sender, Some(false));
}

#[test]
fn every_recorded_delete_decodes() {
    for body in DELETES {
        assert_eq!(
            DeleteResult::from_json(body).unwrap(),
            DeleteResult {
                api_id: Some("964edb6e-3f08-11e7-920b-0600a1193e9b".into()),
                response: Some("success".into())
            }
        );
    }
}
