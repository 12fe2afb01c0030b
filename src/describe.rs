//! The operation table as data: every call's name, handle, arguments and result, the records and
//! enums they carry, the error kinds and the settings keys, as one JSON document
//! ([`description_json`]). Generators and adapters read it instead of restating the table: the
//! Node package builds its methods and its TypeScript declarations from it.
//!
//! The argument and field lists are written here once; the tests below hold them to the serde
//! forms the adapters actually send (the field list serde names when it refuses an unknown key)
//! and to the types the table's operations return, so the description cannot drift from the code.
//!
//! Types are named as JSON sees them: `string`, `boolean`, `integer`, `timestamp` (RFC 3339 text
//! in the neutral form), a record, enum or union below, and `T[]` for a list. `optional` on an
//! argument or a request field means it may be left out (the default is the core's); on a result
//! field, that it may be `null`.

use serde::Serialize;

use crate::error::ErrorKind;

/// One argument of an operation, or one field of a record.
#[derive(Serialize, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    #[serde(rename = "type")]
    pub ty: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub optional: bool,
}

const fn req(name: &'static str, ty: &'static str) -> Field {
    Field { name, ty, optional: false }
}
const fn opt(name: &'static str, ty: &'static str) -> Field {
    Field { name, ty, optional: true }
}

/// One call: `on` is the handle that carries it in the typed APIs (`client`, or `pool`, whose
/// `pool_uuid` argument the handle supplies); `paged` calls walk every page and return the items.
#[derive(Serialize, Clone, Copy)]
pub struct OperationSpec {
    pub name: &'static str,
    pub on: &'static str,
    pub paged: bool,
    pub args: &'static [Field],
    pub result: &'static str,
}

/// A record: request records are what a call sends, result records what it answers.
#[derive(Serialize, Clone, Copy)]
pub struct RecordSpec {
    pub name: &'static str,
    pub fields: &'static [Field],
}

/// An enum of strings, as sent and answered.
#[derive(Serialize, Clone, Copy)]
pub struct EnumSpec {
    pub name: &'static str,
    pub values: &'static [&'static str],
}

/// A tagged union: `tag` names the variant, each variant its fields.
#[derive(Serialize, Clone, Copy)]
pub struct UnionSpec {
    pub name: &'static str,
    pub tag: &'static str,
    pub variants: &'static [(&'static str, &'static [VariantField])],
}

/// A field of a union's variant: `name` is what the typed APIs call it (`app_id`, `phlo_id`),
/// `wire` its key in the neutral JSON (`id` for both).
#[derive(Serialize, Clone, Copy)]
pub struct VariantField {
    pub name: &'static str,
    pub wire: &'static str,
    #[serde(rename = "type")]
    pub ty: &'static str,
}

const POOL: Field = req("pool_uuid", "string");
const PAGE: [Field; 2] = [opt("limit", "integer"), opt("offset", "integer")];

macro_rules! args {
    ($($field:expr),* $(; $($rest:expr),*)?) => { &[$($field,)* $($($rest,)*)?] };
}

/// Every operation, in the table's order (`for_each_operation!`: single calls, then paged).
pub const OPERATIONS: &[OperationSpec] = &[
    op("get_powerpack", "client", false, args![req("uuid", "string")], "Powerpack"),
    op("create_powerpack", "client", false, args![req("powerpack", "CreatePowerpack")], "Powerpack"),
    op(
        "update_powerpack",
        "client",
        false,
        args![req("uuid", "string"), req("changes", "UpdatePowerpack")],
        "Powerpack",
    ),
    op("list_powerpacks", "client", false, args![PAGE[0], PAGE[1]], "PowerpackPage"),
    op(
        "delete_powerpack",
        "client",
        false,
        args![req("uuid", "string"), opt("unrent_numbers", "boolean")],
        "DeleteResult",
    ),
    op("list_numbers", "pool", false, args![POOL, opt("filter", "NumberFilter"), PAGE[0], PAGE[1]], "PoolNumberPage"),
    op("get_number", "pool", false, args![POOL, req("number", "string")], "PoolNumber"),
    op("add_number", "pool", false, args![POOL, req("number", "string"), opt("service", "ServiceType")], "PoolNumber"),
    op(
        "buy_and_add_number",
        "pool",
        false,
        args![POOL, req("number", "string"), opt("service", "ServiceType")],
        "PoolNumber",
    ),
    op("remove_number", "pool", false, args![POOL, req("number", "string"), opt("unrent", "boolean")], "DeleteResult"),
    op("list_shortcodes", "pool", false, args![POOL, PAGE[0], PAGE[1]], "ShortcodePage"),
    op("get_shortcode", "pool", false, args![POOL, req("shortcode", "string")], "Shortcode"),
    op("remove_shortcode", "pool", false, args![POOL, req("shortcode", "string")], "DeleteResult"),
    op("list_tollfree", "pool", false, args![POOL, PAGE[0], PAGE[1]], "PoolNumberPage"),
    op("get_tollfree", "pool", false, args![POOL, req("number", "string")], "PoolNumber"),
    op("add_tollfree", "pool", false, args![POOL, req("number", "string")], "PoolNumber"),
    op(
        "remove_tollfree",
        "pool",
        false,
        args![POOL, req("number", "string"), opt("unrent", "boolean")],
        "DeleteResult",
    ),
    op("list_all_powerpacks", "client", true, args![], "Powerpack[]"),
    op("list_all_numbers", "pool", true, args![POOL, opt("filter", "NumberFilter")], "PoolNumber[]"),
    op("list_all_shortcodes", "pool", true, args![POOL], "Shortcode[]"),
    op("list_all_tollfree", "pool", true, args![POOL], "PoolNumber[]"),
];

const fn op(
    name: &'static str,
    on: &'static str,
    paged: bool,
    args: &'static [Field],
    result: &'static str,
) -> OperationSpec {
    OperationSpec { name, on, paged, args, result }
}

const POWERPACK_FIELDS: [Field; 4] = [
    opt("sticky_sender", "boolean"),
    opt("local_connect", "boolean"),
    opt("application", "Application"),
    opt("number_priority", "NumberPriority[]"),
];

/// What the calls send.
pub const REQUEST_RECORDS: &[RecordSpec] = &[
    RecordSpec {
        name: "CreatePowerpack",
        fields: args![req("name", "string"); POWERPACK_FIELDS[0], POWERPACK_FIELDS[1], POWERPACK_FIELDS[2], POWERPACK_FIELDS[3]],
    },
    RecordSpec {
        name: "UpdatePowerpack",
        fields: args![opt("name", "string"); POWERPACK_FIELDS[0], POWERPACK_FIELDS[1], POWERPACK_FIELDS[2], POWERPACK_FIELDS[3]],
    },
    RecordSpec {
        name: "NumberPriority",
        fields: args![req("country_iso", "string"), req("service_type", "ServiceType"), req("priority", "Priority")],
    },
    RecordSpec {
        name: "Priority",
        fields: args![req("priority1", "NumberType"), req("priority2", "NumberType"), req("priority3", "NumberType")],
    },
    RecordSpec {
        name: "NumberFilter",
        fields: args![
            opt("starts_with", "string[]"),
            opt("country_iso2", "string"),
            opt("number_type", "PoolNumberType"),
            opt("service", "ServiceType")
        ],
    },
];

const META: Field = req("meta", "ListMeta");
const API_ID: Field = opt("api_id", "string");

/// What the calls answer.
pub const RESULT_RECORDS: &[RecordSpec] = &[
    RecordSpec {
        name: "Powerpack",
        fields: args![
            API_ID,
            req("uuid", "string"),
            req("name", "string"),
            opt("sticky_sender", "boolean"),
            opt("local_connect", "boolean"),
            opt("application_type", "string"),
            opt("application_id", "string"),
            opt("number_pool", "string"),
            opt("number_pool_uuid", "string"),
            req("number_priority", "NumberPriority[]"),
            opt("created_on", "timestamp")
        ],
    },
    RecordSpec {
        name: "ListMeta",
        fields: args![
            req("limit", "integer"),
            req("offset", "integer"),
            req("total_count", "integer"),
            opt("next", "string"),
            opt("previous", "string")
        ],
    },
    RecordSpec { name: "PowerpackPage", fields: args![API_ID, META, req("powerpacks", "Powerpack[]")] },
    RecordSpec { name: "DeleteResult", fields: args![API_ID, opt("response", "string")] },
    RecordSpec {
        name: "PoolNumber",
        fields: args![
            API_ID,
            req("number", "string"),
            opt("type", "string"),
            opt("country_iso2", "string"),
            opt("service", "string"),
            opt("number_pool_uuid", "string"),
            opt("account_phone_number_resource", "string"),
            opt("added_on", "timestamp")
        ],
    },
    RecordSpec {
        name: "Shortcode",
        fields: args![
            API_ID,
            req("shortcode", "string"),
            opt("country_iso2", "string"),
            opt("number_pool_uuid", "string"),
            opt("added_on", "timestamp")
        ],
    },
    RecordSpec { name: "PoolNumberPage", fields: args![API_ID, META, req("numbers", "PoolNumber[]")] },
    RecordSpec { name: "ShortcodePage", fields: args![API_ID, META, req("shortcodes", "Shortcode[]")] },
];

pub const ENUMS: &[EnumSpec] = &[
    EnumSpec { name: "ServiceType", values: &["SMS", "MMS"] },
    EnumSpec { name: "NumberType", values: &["shortcode", "tollfree", "longcode"] },
    EnumSpec { name: "PoolNumberType", values: &["fixed", "mobile", "tollfree"] },
];

pub const UNIONS: &[UnionSpec] = &[UnionSpec {
    name: "Application",
    tag: "type",
    variants: &[
        ("xml", &[VariantField { name: "app_id", wire: "id", ty: "string" }]),
        ("phlo", &[VariantField { name: "phlo_id", wire: "id", ty: "string" }]),
        ("detach", &[]),
    ],
}];

/// The client settings [`settings`](crate::settings) reads (durations in milliseconds).
pub const SETTINGS: &[Field] = &[
    opt("auth_id", "string"),
    opt("auth_token", "string"),
    opt("base_url", "string"),
    opt("connect_timeout_ms", "integer"),
    opt("attempt_timeout_ms", "integer"),
    opt("total_deadline_ms", "integer"),
    opt("retry", "RetrySettings"),
    opt("user_agent_suffix", "string"),
    opt("proxy", "string"),
    opt("skip_auth_id_check", "boolean"),
    opt("root_certificates_pem", "string[]"),
    opt("trust_store", "TrustStore"),
];

/// The settings' own records and enums.
pub const SETTINGS_RECORDS: &[RecordSpec] = &[RecordSpec {
    name: "RetrySettings",
    fields: args![opt("max_attempts", "integer"), opt("base_delay_ms", "integer"), opt("max_delay_ms", "integer")],
}];
pub const SETTINGS_ENUMS: &[EnumSpec] = &[EnumSpec { name: "TrustStore", values: &["bundled", "system"] }];

#[derive(Serialize)]
struct Description {
    operations: &'static [OperationSpec],
    request_records: &'static [RecordSpec],
    result_records: &'static [RecordSpec],
    enums: &'static [EnumSpec],
    unions: &'static [UnionSpec],
    error_kinds: Vec<ErrorKind>,
    settings: &'static [Field],
    settings_records: &'static [RecordSpec],
    settings_enums: &'static [EnumSpec],
}

/// The whole description as JSON (keys as the fields above are named).
pub fn description_json() -> String {
    serde_json::to_string(&Description {
        operations: OPERATIONS,
        request_records: REQUEST_RECORDS,
        result_records: RESULT_RECORDS,
        enums: ENUMS,
        unions: UNIONS,
        error_kinds: ErrorKind::ALL.to_vec(),
        settings: SETTINGS,
        settings_records: SETTINGS_RECORDS,
        settings_enums: SETTINGS_ENUMS,
    })
    .expect("the description is static data and always serializes")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::*;
    use crate::operation as ops;

    fn spec(name: &str) -> &'static OperationSpec {
        OPERATIONS.iter().find(|o| o.name == name).unwrap_or_else(|| panic!("{name} is not described"))
    }

    fn names(fields: &[Field]) -> BTreeSet<String> {
        fields.iter().map(|f| f.name.to_owned()).collect()
    }

    /// The fields serde accepts for `T`, read from its refusal of a key no type has.
    fn accepted_fields<T: DeserializeOwned>() -> BTreeSet<String> {
        let message = match serde_json::from_str::<T>(r#"{"__no_such_field__": 0}"#) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("{} accepts an unknown field", std::any::type_name::<T>()),
        };
        // `expected `a``, `expected `a` or `b``, `expected one of `a`, `b`, `c``: every quoted name.
        let list = message.split_once("expected ").unwrap_or_else(|| panic!("{message}")).1;
        list.split('`').skip(1).step_by(2).map(str::to_owned).collect()
    }

    /// The last path segment of a Rust type's name (`Powerpack`, or `Vec<PoolNumber>` as `PoolNumber[]`).
    fn type_label<T>() -> String {
        let full = std::any::type_name::<T>();
        let last = |s: &str| s.rsplit("::").next().unwrap().trim_end_matches('>').to_owned();
        match full.strip_prefix("alloc::vec::Vec<") {
            Some(inner) => format!("{}[]", last(inner)),
            None => last(full),
        }
    }

    macro_rules! check_table {
        (single { $($o:ident $name:ident: $op:ident,)* } paged { $($po:ident $pname:ident: $pop:ident,)* }) => {
            /// Every operation of the table, in order, with its handle, arguments and result.
            #[test]
            fn the_description_is_the_table() {
                let table: Vec<&str> = vec![$(stringify!($name),)* $(stringify!($pname),)*];
                let described: Vec<&str> = OPERATIONS.iter().map(|o| o.name).collect();
                assert_eq!(described, table);
                $(
                    let s = spec(stringify!($name));
                    assert_eq!((s.on, s.paged), (stringify!($o), false), "{}", s.name);
                    assert_eq!(names(s.args), accepted_fields::<ops::$op>(), "{}'s arguments", s.name);
                    assert_eq!(s.result, type_label::<<ops::$op as crate::Operation>::Output>(), "{}", s.name);
                )*
                $(
                    let s = spec(stringify!($pname));
                    assert_eq!((s.on, s.paged), (stringify!($po), true), "{}", s.name);
                    let mut paged_args = accepted_fields::<ops::$pop>();
                    paged_args.remove("limit");
                    paged_args.remove("offset");
                    assert_eq!(names(s.args), paged_args, "{}'s arguments", s.name);
                    let item = type_label::<<ops::$pop as crate::Paged>::Item>();
                    assert_eq!(s.result, format!("{item}[]"), "{}", s.name);
                )*
            }
        };
    }
    crate::for_each_operation!(check_table);

    #[test]
    fn optional_arguments_are_the_ones_serde_can_do_without() {
        for s in OPERATIONS {
            for f in s.args {
                let others: serde_json::Map<String, Value> = s
                    .args
                    .iter()
                    .filter(|g| g.name != f.name && !g.optional)
                    .map(|g| (g.name.into(), sample(g.ty)))
                    .collect();
                let without = Value::Object(others).to_string();
                let refused = crate::runtime::block_on(async move {
                    let client =
                        crate::Client::builder("MAODZKMDFJMJU3MTEYNG", "t").base_url("http://127.0.0.1:9").build()?;
                    match crate::dispatch::call_json(&client, s.name, &without).await {
                        Err(crate::PowerpackError::Validation { field, reason })
                            if reason.starts_with("missing field") =>
                        {
                            Ok::<_, crate::PowerpackError>(Some(field))
                        }
                        _ => Ok(None),
                    }
                })
                .unwrap();
                assert_eq!(refused.is_none(), f.optional, "{}.{}: {refused:?}", s.name, f.name);
            }
        }
    }

    /// A value of a described type that serde takes, for leaving one argument out at a time.
    fn sample(ty: &str) -> Value {
        match ty {
            "string" => Value::from("ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f"),
            "CreatePowerpack" => serde_json::json!({"name": "n"}),
            "UpdatePowerpack" => serde_json::json!({"name": "n"}),
            other => panic!("no sample of {other}"),
        }
    }

    #[test]
    fn request_records_are_the_fields_serde_takes() {
        let checks: Vec<(&str, BTreeSet<String>)> = vec![
            ("CreatePowerpack", accepted_fields::<crate::params::CreatePowerpack>()),
            ("UpdatePowerpack", accepted_fields::<crate::params::UpdatePowerpack>()),
            ("NumberPriority", accepted_fields::<crate::params::NumberPriority>()),
            ("Priority", accepted_fields::<crate::params::Priority>()),
            ("NumberFilter", accepted_fields::<crate::pool::NumberFilter>()),
        ];
        assert_eq!(checks.len(), REQUEST_RECORDS.len());
        for (name, accepted) in checks {
            let record = REQUEST_RECORDS.iter().find(|r| r.name == name).unwrap();
            assert_eq!(names(record.fields), accepted, "{name}");
        }
        let retry = SETTINGS_RECORDS.iter().find(|r| r.name == "RetrySettings").unwrap();
        assert_eq!(names(retry.fields), accepted_fields::<crate::settings::Retry>());
        assert_eq!(names(SETTINGS), accepted_fields::<crate::settings::Config>());
    }

    /// Each result record's fields are the keys its serde form writes, decoded from a full body.
    #[test]
    fn result_records_are_what_the_core_serializes() {
        let pool = "/v1/Account/MA/NumberPool/ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f/";
        let powerpack = format!(
            r#"{{"uuid":"u","name":"n","sticky_sender":true,"local_connect":false,"application_type":"xml",
            "application_id":"1","number_pool":"{pool}","number_priority":[],"created_on":"2021-11-23T08:34:45.181387Z"}}"#
        );
        let meta = r#"{"limit":1,"offset":0,"total_count":1,"next":null,"previous":null}"#;
        let number = r#"{"number":"14155550100","type":"fixed","country_iso2":"US","service":"sms",
            "number_pool_uuid":"p","account_phone_number_resource":"/r/","added_on":"2019-10-09T11:10:59.666461Z"}"#;
        let shortcode =
            r#"{"shortcode":"444444","country_iso2":"US","number_pool_uuid":"p","added_on":"2019-10-09T11:10:59Z"}"#;
        let bodies: Vec<(&str, Value)> = vec![
            ("Powerpack", to_value(crate::Powerpack::from_json(powerpack.as_bytes()))),
            (
                "PowerpackPage",
                to_value(crate::PowerpackPage::from_json(
                    format!(r#"{{"meta":{meta},"objects":[{powerpack}]}}"#).as_bytes(),
                )),
            ),
            ("DeleteResult", to_value(crate::DeleteResult::from_json(br#"{"response":"success"}"#))),
            ("PoolNumber", to_value(crate::PoolNumber::from_json(number.as_bytes()))),
            ("Shortcode", to_value(crate::Shortcode::from_json(shortcode.as_bytes()))),
            (
                "PoolNumberPage",
                to_value(crate::PoolNumberPage::from_json(
                    format!(r#"{{"meta":{meta},"objects":[{number}]}}"#).as_bytes(),
                )),
            ),
            (
                "ShortcodePage",
                to_value(crate::ShortcodePage::from_json(
                    format!(r#"{{"meta":{meta},"objects":[{shortcode}]}}"#).as_bytes(),
                )),
            ),
        ];
        let mut seen = BTreeSet::new();
        for (name, value) in &bodies {
            check_record(name, value, &mut seen);
        }
        let all: BTreeSet<&str> = RESULT_RECORDS.iter().map(|r| r.name).collect();
        assert_eq!(seen.iter().map(String::as_str).collect::<BTreeSet<_>>(), all, "every result record is checked");
    }

    fn to_value<T: Serialize, E: std::fmt::Debug>(decoded: Result<T, E>) -> Value {
        serde_json::to_value(decoded.unwrap()).unwrap()
    }

    /// `value`'s keys are `name`'s fields, a non-optional one is never null, and nested records
    /// (followed through the described types) hold too.
    fn check_record(name: &str, value: &Value, seen: &mut BTreeSet<String>) {
        let record = RESULT_RECORDS.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("{name}"));
        seen.insert(name.to_owned());
        let object = value.as_object().unwrap_or_else(|| panic!("{name}: {value}"));
        let keys: BTreeSet<String> = object.keys().cloned().collect();
        assert_eq!(keys, names(record.fields), "{name}");
        for field in record.fields {
            let v = &object[field.name];
            assert!(field.optional || !v.is_null(), "{name}.{} is null", field.name);
            let inner = field.ty.trim_end_matches("[]");
            if RESULT_RECORDS.iter().any(|r| r.name == inner) {
                match v {
                    Value::Array(items) => items.iter().for_each(|item| check_record(inner, item, seen)),
                    other => check_record(inner, other, seen),
                }
            }
        }
    }

    #[test]
    fn enums_are_what_serde_writes() {
        use crate::params::{NumberType, ServiceType};
        use crate::pool::PoolNumberType;
        let text = |v: Value| v.as_str().unwrap().to_owned();
        let got: Vec<(&str, Vec<String>)> = vec![
            ("ServiceType", [ServiceType::Sms, ServiceType::Mms].map(|v| text(serde_json::json!(v))).to_vec()),
            (
                "NumberType",
                [NumberType::Shortcode, NumberType::Tollfree, NumberType::Longcode]
                    .map(|v| text(serde_json::json!(v)))
                    .to_vec(),
            ),
            (
                "PoolNumberType",
                [PoolNumberType::Fixed, PoolNumberType::Mobile, PoolNumberType::Tollfree]
                    .map(|v| text(serde_json::json!(v)))
                    .to_vec(),
            ),
        ];
        assert_eq!(got.len(), ENUMS.len());
        for (name, values) in got {
            let spec = ENUMS.iter().find(|e| e.name == name).unwrap();
            assert_eq!(spec.values, values.iter().map(String::as_str).collect::<Vec<_>>(), "{name}");
        }
        use crate::params::Application;
        let variants: Vec<Value> = vec![
            serde_json::json!(Application::Xml { app_id: "1".into() }),
            serde_json::json!(Application::Phlo { phlo_id: "1".into() }),
            serde_json::json!(Application::Detach),
        ];
        let spec = &UNIONS[0];
        for (v, (tag, fields)) in variants.iter().zip(spec.variants) {
            assert_eq!(v[spec.tag], *tag);
            let keys: BTreeSet<String> = v.as_object().unwrap().keys().filter(|k| *k != spec.tag).cloned().collect();
            assert_eq!(keys, fields.iter().map(|f| f.wire.to_owned()).collect(), "{tag}");
        }
    }

    #[test]
    fn the_description_is_one_json_document_with_every_error_kind() {
        let d: Value = serde_json::from_str(&description_json()).unwrap();
        assert_eq!(d["operations"].as_array().unwrap().len(), crate::dispatch::OPERATIONS.len());
        assert_eq!(d["error_kinds"][3], "not_found");
        assert_eq!(d["error_kinds"].as_array().unwrap().len(), ErrorKind::ALL.len());
        assert_eq!(d["operations"][2]["args"][1], serde_json::json!({"name": "changes", "type": "UpdatePowerpack"}));
    }
}
