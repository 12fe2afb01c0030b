//! Properties of the public decoders and parameters (proptest, run by `make test`): decoding
//! never panics on any bytes or any JSON, and every update or create that passes local
//! validation is a body the sandbox (the API's rules) accepts.

use plivo_powerpack::{
    Application, CreatePowerpack, NumberPriority, NumberType, Priority, ServiceType, UpdatePowerpack,
};
use proptest::prelude::*;
use serde_json::Value;

/// Any JSON value, nested a few levels, with the keys the decoders look for turning up often.
fn json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("uuid".to_owned()),
        Just("name".to_owned()),
        Just("created_on".to_owned()),
        Just("added_on".to_owned()),
        Just("number".to_owned()),
        Just("meta".to_owned()),
        Just("objects".to_owned()),
        Just("number_priority".to_owned()),
        Just("total_count".to_owned()),
        Just("priority".to_owned()),
        "[a-z_]{1,12}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map(Value::Number).unwrap_or(Value::Null)),
        any::<String>().prop_map(Value::from),
        "[0-9]{1,15}-[0-9]{1,2}-[0-9]{1,2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,12})?Z".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn number_type() -> impl Strategy<Value = NumberType> {
    prop_oneof![Just(NumberType::Shortcode), Just(NumberType::Tollfree), Just(NumberType::Longcode)]
}

fn application() -> impl Strategy<Value = Application> {
    prop_oneof![
        "[1-9][0-9]{5,18}".prop_map(|app_id| Application::Xml { app_id }),
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
            .prop_map(|phlo_id| Application::Phlo { phlo_id }),
        Just(Application::Detach),
    ]
}

fn priorities() -> impl Strategy<Value = Vec<NumberPriority>> {
    let one = (
        "[A-Z]{2}",
        prop_oneof![Just(ServiceType::Sms), Just(ServiceType::Mms)],
        (number_type(), number_type(), number_type()),
    )
        .prop_map(|(iso, service, (p1, p2, p3))| {
            NumberPriority::new(iso, service, Priority { priority1: p1, priority2: p2, priority3: p3 })
        });
    prop::collection::vec(one, 0..4)
}

fn update() -> impl Strategy<Value = UpdatePowerpack> {
    (
        prop::option::of("\\PC{0,40}"),
        prop::option::of(any::<bool>()),
        prop::option::of(any::<bool>()),
        prop::option::of(application()),
        prop::option::of(priorities()),
    )
        .prop_map(|(name, sticky_sender, local_connect, application, number_priority)| UpdatePowerpack {
            name,
            sticky_sender,
            local_connect,
            application,
            number_priority,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decoding_any_bytes_never_panics(body in any::<Vec<u8>>()) {
        plivo_powerpack::__fuzz::decode_all(&body);
    }

    #[test]
    fn decoding_any_json_never_panics(value in json()) {
        plivo_powerpack::__fuzz::decode_all(&serde_json::to_vec(&value).unwrap());
        // The same value as each field of a Powerpack and as a list's objects.
        for key in ["uuid", "created_on", "number_priority", "meta", "objects", "sticky_sender"] {
            let body = serde_json::json!({"uuid": "u", "name": "n", "number": "1", "shortcode": "1", key: value.clone()});
            plivo_powerpack::__fuzz::decode_all(&serde_json::to_vec(&body).unwrap());
        }
    }

    #[test]
    fn every_valid_update_is_a_body_the_api_accepts(changes in update()) {
        if changes.validate().is_ok() {
            let body = changes.to_json();
            let map = body.as_object().unwrap();
            prop_assert!(powerpack_sandbox::check_powerpack_body(map).is_ok(), "{body} refused: {:?}", powerpack_sandbox::check_powerpack_body(map));
        }
    }

    #[test]
    fn every_valid_create_is_a_body_the_api_accepts(name in "\\PC{1,40}", sticky in prop::option::of(any::<bool>()), app in prop::option::of(application()), list in prop::option::of(priorities())) {
        let mut create = CreatePowerpack::new(name);
        create.sticky_sender = sticky;
        create.application = app;
        create.number_priority = list;
        if create.validate().is_ok() {
            let body = create.to_json();
            prop_assert!(powerpack_sandbox::check_powerpack_body(body.as_object().unwrap()).is_ok(), "{body}");
        }
    }
}
