//! Every call of the API as one declaration, and the table that lists them.
//!
//! An [`Operation`] says everything about one call that is not the transport: its name, the
//! checks run before any I/O, the request (method, path segments, query, JSON body, whether a
//! retry is safe) and how its answer is decoded. [`Client::send`](crate::Client::send) is the
//! one path that carries any of them: validate, build the URL with proper escaping, run the
//! retry loop, bound and decode the body, mask the token on every error. The typed methods of
//! [`Client`](crate::Client) and [`NumberPool`](crate::NumberPool) are one line each over it.
//!
//! Each operation is also `Deserialize` from its neutral JSON arguments (snake_case names, the
//! application as `{"type", "id"}`) and its output `Serialize`, so that adapters which carry
//! JSON (the C ABI, the conformance vectors) need no code of their own per call: they expand
//! [`for_each_operation!`](crate::for_each_operation).
//!
//! Adding a call: declare its struct and `impl Operation` here, add one line to the table, add
//! one method to `Client` or `NumberPool` (and its blocking twin). See README "Adding an API call".

use reqwest::Method;
use serde::{Deserialize, Serialize};

use crate::error::PowerpackError;
use crate::model::{DeleteResult, PoolNumber, PoolNumberPage, Powerpack, PowerpackPage, Shortcode, ShortcodePage};
use crate::params::{self, ServiceType};
use crate::pool::NumberFilter;
use crate::retry::Idempotency;
use crate::validate::{self, MAX_PAGE_SIZE};

/// What one attempt of an operation sends, before the account URL is put in front of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request<'a> {
    pub method: Method,
    /// Path segments under `/v1/Account/{auth_id}/`; each is escaped as a segment and the path
    /// always ends in exactly one `/`.
    pub path: Vec<&'a str>,
    /// Query parameters in the order sent; values are percent-escaped (`,` kept).
    pub query: Vec<(&'static str, String)>,
    /// The JSON body, when the call has one (sent with `Content-Type: application/json`).
    pub body: Option<Vec<u8>>,
    /// Whether the request may be sent again after it may have arrived.
    pub idempotency: Idempotency,
}

impl<'a> Request<'a> {
    fn new(method: Method, path: Vec<&'a str>) -> Self {
        Request { method, path, query: Vec::new(), body: None, idempotency: Idempotency::Idempotent }
    }
    fn json(mut self, body: &impl Serialize) -> Self {
        self.body = Some(serde_json::to_vec(body).expect("request bodies are plain data and always serialize"));
        self
    }
    fn page(mut self, limit: u32, offset: u32) -> Self {
        self.query.push(("limit", limit.to_string()));
        self.query.push(("offset", offset.to_string()));
        self
    }
    fn not_idempotent(mut self) -> Self {
        self.idempotency = Idempotency::NotIdempotent;
        self
    }
}

/// One call of the API. See the [module docs](self).
pub trait Operation: Send + Sync {
    /// The call's name in every adapter: `update_powerpack`.
    const NAME: &'static str;
    /// What the call answers, decoded.
    type Output: Send + 'static;
    /// Every check that can be made without the network.
    fn validate(&self) -> Result<(), PowerpackError>;
    /// The request, once validated.
    fn request(&self) -> Request<'_>;
    /// Decodes a 2xx body.
    fn decode(body: &[u8]) -> Result<Self::Output, PowerpackError>;
}

/// A list operation that can be walked page by page (the `list_all_*` calls).
pub trait Paged: Operation + Clone {
    type Item: Send + 'static;
    /// The same list at another page.
    fn at(&self, limit: u32, offset: u32) -> Self;
    /// The page's `total_count` and its items.
    fn split(page: Self::Output) -> (u32, Vec<Self::Item>);
}

fn default_limit() -> u32 {
    MAX_PAGE_SIZE
}

// ---------------------------------------------------------------------------------- Powerpacks

/// `GET Powerpack/{uuid}/`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GetPowerpack {
    pub uuid: String,
}

impl Operation for GetPowerpack {
    const NAME: &'static str = "get_powerpack";
    type Output = Powerpack;
    fn validate(&self) -> Result<(), PowerpackError> {
        validate::path_segment("uuid", &self.uuid)
    }
    fn request(&self) -> Request<'_> {
        Request::new(Method::GET, vec!["Powerpack", &self.uuid])
    }
    fn decode(body: &[u8]) -> Result<Powerpack, PowerpackError> {
        Powerpack::from_json(body)
    }
}

/// `POST Powerpack/`: never retried once it may have arrived (a retry could make a duplicate).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreatePowerpack {
    pub powerpack: params::CreatePowerpack,
}

impl Operation for CreatePowerpack {
    const NAME: &'static str = "create_powerpack";
    type Output = Powerpack;
    fn validate(&self) -> Result<(), PowerpackError> {
        self.powerpack.validate()
    }
    fn request(&self) -> Request<'_> {
        Request::new(Method::POST, vec!["Powerpack"]).json(&self.powerpack).not_idempotent()
    }
    fn decode(body: &[u8]) -> Result<Powerpack, PowerpackError> {
        Powerpack::from_json(body)
    }
}

/// `POST Powerpack/{uuid}/` ("Update a Powerpack"): sets absolute values, so safe to retry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UpdatePowerpack {
    pub uuid: String,
    pub changes: params::UpdatePowerpack,
}

impl Operation for UpdatePowerpack {
    const NAME: &'static str = "update_powerpack";
    type Output = Powerpack;
    fn validate(&self) -> Result<(), PowerpackError> {
        validate::path_segment("uuid", &self.uuid)?;
        self.changes.validate()
    }
    fn request(&self) -> Request<'_> {
        Request::new(Method::POST, vec!["Powerpack", &self.uuid]).json(&self.changes)
    }
    fn decode(body: &[u8]) -> Result<Powerpack, PowerpackError> {
        Powerpack::from_json(body)
    }
}

/// `GET Powerpack/?limit=&offset=`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPowerpacks {
    #[serde(default = "default_limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl Operation for ListPowerpacks {
    const NAME: &'static str = "list_powerpacks";
    type Output = PowerpackPage;
    fn validate(&self) -> Result<(), PowerpackError> {
        validate::page_limit(self.limit)
    }
    fn request(&self) -> Request<'_> {
        Request::new(Method::GET, vec!["Powerpack"]).page(self.limit, self.offset)
    }
    fn decode(body: &[u8]) -> Result<PowerpackPage, PowerpackError> {
        PowerpackPage::from_json(body)
    }
}

impl Paged for ListPowerpacks {
    type Item = Powerpack;
    fn at(&self, limit: u32, offset: u32) -> Self {
        ListPowerpacks { limit, offset }
    }
    fn split(page: PowerpackPage) -> (u32, Vec<Powerpack>) {
        (page.meta.total_count, page.powerpacks)
    }
}

/// `DELETE Powerpack/{uuid}/` with `{"unrent_numbers": false}` unless asked.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeletePowerpack {
    pub uuid: String,
    #[serde(default)]
    pub unrent_numbers: bool,
}

#[derive(Serialize)]
struct UnrentNumbers {
    unrent_numbers: bool,
}

impl Operation for DeletePowerpack {
    const NAME: &'static str = "delete_powerpack";
    type Output = DeleteResult;
    fn validate(&self) -> Result<(), PowerpackError> {
        validate::path_segment("uuid", &self.uuid)
    }
    fn request(&self) -> Request<'_> {
        Request::new(Method::DELETE, vec!["Powerpack", &self.uuid])
            .json(&UnrentNumbers { unrent_numbers: self.unrent_numbers })
    }
    fn decode(body: &[u8]) -> Result<DeleteResult, PowerpackError> {
        DeleteResult::from_json(body)
    }
}

// ---------------------------------------------------------------------------------- number pool

/// The body of an add: `rent` always said out loud, `service` when chosen.
#[derive(Serialize)]
struct AddBody {
    rent: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    service: Option<&'static str>,
}

#[derive(Serialize)]
struct Unrent {
    unrent: bool,
}

fn check_pool(pool_uuid: &str) -> Result<(), PowerpackError> {
    validate::uuid_shape("pool_uuid", pool_uuid)
}

/// Declares a pool operation on one item (`NumberPool/{pool}/{kind}/{item}/`): its struct, its
/// checks and its request. The bodies differ by a field or two; the shape is the same.
macro_rules! pool_item_operation {
    (
        $(#[$doc:meta])* $op:ident, $name:literal, $kind:literal, $item:ident: $check:path,
        { $($field:ident: $ty:ty $(= $default:ident)?),* } -> $out:ty,
        |$op_:ident, $path:ident| $request:expr
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $op {
            pub pool_uuid: String,
            pub $item: String,
            $( $(#[serde($default)])? pub $field: $ty, )*
        }

        impl Operation for $op {
            const NAME: &'static str = $name;
            type Output = $out;
            fn validate(&self) -> Result<(), PowerpackError> {
                check_pool(&self.pool_uuid)?;
                $check(stringify!($item), &self.$item)
            }
            fn request(&self) -> Request<'_> {
                let $op_ = self;
                let $path = vec!["NumberPool", self.pool_uuid.as_str(), $kind, self.$item.as_str()];
                $request
            }
            fn decode(body: &[u8]) -> Result<$out, PowerpackError> {
                <$out>::from_json(body)
            }
        }
    };
}

pool_item_operation! {
    /// `GET NumberPool/{pool}/Number/{number}/`.
    GetNumber, "get_number", "Number", number: validate::phone_number, {} -> PoolNumber,
    |_op, path| Request::new(Method::GET, path)
}
pool_item_operation! {
    /// `POST NumberPool/{pool}/Number/{number}/` with `{"rent": false}`: never buys a number.
    AddNumber, "add_number", "Number", number: validate::phone_number,
    { service: Option<ServiceType> = default } -> PoolNumber,
    |op, path| Request::new(Method::POST, path)
        .json(&AddBody { rent: false, service: op.service.map(ServiceType::as_pool_str) })
        .not_idempotent()
}
pool_item_operation! {
    /// `POST NumberPool/{pool}/Number/{number}/` with `{"rent": true}`: buys the number (costs
    /// money), so never retried once it may have arrived.
    BuyAndAddNumber, "buy_and_add_number", "Number", number: validate::phone_number,
    { service: Option<ServiceType> = default } -> PoolNumber,
    |op, path| Request::new(Method::POST, path)
        .json(&AddBody { rent: true, service: op.service.map(ServiceType::as_pool_str) })
        .not_idempotent()
}
pool_item_operation! {
    /// `DELETE NumberPool/{pool}/Number/{number}/` with `{"unrent": false}` unless asked.
    RemoveNumber, "remove_number", "Number", number: validate::phone_number,
    { unrent: bool = default } -> DeleteResult,
    |op, path| Request::new(Method::DELETE, path).json(&Unrent { unrent: op.unrent })
}
pool_item_operation! {
    /// `GET NumberPool/{pool}/Shortcode/{shortcode}/`.
    GetShortcode, "get_shortcode", "Shortcode", shortcode: validate::shortcode, {} -> Shortcode,
    |_op, path| Request::new(Method::GET, path)
}
pool_item_operation! {
    /// `DELETE NumberPool/{pool}/Shortcode/{shortcode}/` (no body: shortcodes are not rented).
    RemoveShortcode, "remove_shortcode", "Shortcode", shortcode: validate::shortcode, {} -> DeleteResult,
    |_op, path| Request::new(Method::DELETE, path)
}
pool_item_operation! {
    /// `GET NumberPool/{pool}/Tollfree/{number}/`.
    GetTollfree, "get_tollfree", "Tollfree", number: validate::phone_number, {} -> PoolNumber,
    |_op, path| Request::new(Method::GET, path)
}
pool_item_operation! {
    /// `POST NumberPool/{pool}/Tollfree/{number}/` (no body): adds a number the account rents.
    AddTollfree, "add_tollfree", "Tollfree", number: validate::phone_number, {} -> PoolNumber,
    |_op, path| Request::new(Method::POST, path).not_idempotent()
}
pool_item_operation! {
    /// `DELETE NumberPool/{pool}/Tollfree/{number}/` with `{"unrent": false}` unless asked.
    RemoveTollfree, "remove_tollfree", "Tollfree", number: validate::phone_number,
    { unrent: bool = default } -> DeleteResult,
    |op, path| Request::new(Method::DELETE, path).json(&Unrent { unrent: op.unrent })
}

/// `GET NumberPool/{pool}/Number/?{filter}&limit=&offset=`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListNumbers {
    pub pool_uuid: String,
    #[serde(default)]
    pub filter: NumberFilter,
    #[serde(default = "default_limit")]
    pub limit: u32,
    #[serde(default)]
    pub offset: u32,
}

impl Operation for ListNumbers {
    const NAME: &'static str = "list_numbers";
    type Output = PoolNumberPage;
    fn validate(&self) -> Result<(), PowerpackError> {
        check_pool(&self.pool_uuid)?;
        validate::page_limit(self.limit)?;
        self.filter.validate()
    }
    fn request(&self) -> Request<'_> {
        let mut request = Request::new(Method::GET, vec!["NumberPool", &self.pool_uuid, "Number"]);
        request.query = self.filter.query();
        request.page(self.limit, self.offset)
    }
    fn decode(body: &[u8]) -> Result<PoolNumberPage, PowerpackError> {
        PoolNumberPage::from_json(body)
    }
}

impl Paged for ListNumbers {
    type Item = PoolNumber;
    fn at(&self, limit: u32, offset: u32) -> Self {
        ListNumbers { limit, offset, ..self.clone() }
    }
    fn split(page: PoolNumberPage) -> (u32, Vec<PoolNumber>) {
        (page.meta.total_count, page.numbers)
    }
}

/// Declares a pool list without filters (`NumberPool/{pool}/{kind}/?limit=&offset=`).
macro_rules! pool_list_operation {
    ($(#[$doc:meta])* $op:ident, $name:literal, $kind:literal, $page:ty, $item:ty, $items:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $op {
            pub pool_uuid: String,
            #[serde(default = "default_limit")]
            pub limit: u32,
            #[serde(default)]
            pub offset: u32,
        }

        impl Operation for $op {
            const NAME: &'static str = $name;
            type Output = $page;
            fn validate(&self) -> Result<(), PowerpackError> {
                check_pool(&self.pool_uuid)?;
                validate::page_limit(self.limit)
            }
            fn request(&self) -> Request<'_> {
                Request::new(Method::GET, vec!["NumberPool", &self.pool_uuid, $kind]).page(self.limit, self.offset)
            }
            fn decode(body: &[u8]) -> Result<$page, PowerpackError> {
                <$page>::from_json(body)
            }
        }

        impl Paged for $op {
            type Item = $item;
            fn at(&self, limit: u32, offset: u32) -> Self {
                $op { pool_uuid: self.pool_uuid.clone(), limit, offset }
            }
            fn split(page: $page) -> (u32, Vec<$item>) {
                (page.meta.total_count, page.$items)
            }
        }
    };
}

pool_list_operation! {
    /// `GET NumberPool/{pool}/Shortcode/?limit=&offset=`.
    ListShortcodes, "list_shortcodes", "Shortcode", ShortcodePage, Shortcode, shortcodes
}
pool_list_operation! {
    /// `GET NumberPool/{pool}/Tollfree/?limit=&offset=`.
    ListTollfree, "list_tollfree", "Tollfree", PoolNumberPage, PoolNumber, numbers
}

/// The table of every operation, for adapters that expand each call from one list (the C ABI,
/// the conformance runner, the FFI's completeness check). It calls `$callback!` with:
///
/// ```text
/// single { client get_powerpack: GetPowerpack, pool get_number: GetNumber, ... }
/// paged  { client list_all_powerpacks: ListPowerpacks, ... }
/// ```
///
/// `client` / `pool` says which handle carries the call in the typed APIs; `single` entries
/// are one request ([`Client::send`](crate::Client::send)), `paged` entries walk every page
/// of their list operation ([`Client::send_all`](crate::Client::send_all)).
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $callback! {
            single {
                client get_powerpack: GetPowerpack,
                client create_powerpack: CreatePowerpack,
                client update_powerpack: UpdatePowerpack,
                client list_powerpacks: ListPowerpacks,
                client delete_powerpack: DeletePowerpack,
                pool list_numbers: ListNumbers,
                pool get_number: GetNumber,
                pool add_number: AddNumber,
                pool buy_and_add_number: BuyAndAddNumber,
                pool remove_number: RemoveNumber,
                pool list_shortcodes: ListShortcodes,
                pool get_shortcode: GetShortcode,
                pool remove_shortcode: RemoveShortcode,
                pool list_tollfree: ListTollfree,
                pool get_tollfree: GetTollfree,
                pool add_tollfree: AddTollfree,
                pool remove_tollfree: RemoveTollfree,
            }
            paged {
                client list_all_powerpacks: ListPowerpacks,
                pool list_all_numbers: ListNumbers,
                pool list_all_shortcodes: ListShortcodes,
                pool list_all_tollfree: ListTollfree,
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Application, NumberPriority, NumberType, Priority};

    const POOL: &str = "ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f";

    fn body_of(r: &Request<'_>) -> Option<String> {
        r.body.as_ref().map(|b| String::from_utf8(b.clone()).unwrap())
    }

    /// The golden table: every operation's method, path, query, body bytes and idempotency.
    #[test]
    fn every_operation_builds_its_exact_request() {
        use Idempotency::{Idempotent as I, NotIdempotent as N};
        let update = UpdatePowerpack {
            uuid: "u1".into(),
            changes: params::UpdatePowerpack::new()
                .name("n")
                .sticky_sender(false)
                .local_connect(true)
                .application(Application::Xml { app_id: "20342783288007824".into() })
                .number_priority(vec![NumberPriority::new(
                    "US",
                    ServiceType::Sms,
                    Priority {
                        priority1: NumberType::Shortcode,
                        priority2: NumberType::Tollfree,
                        priority3: NumberType::Longcode,
                    },
                )]),
        };
        let filter = NumberFilter::new().country_iso2("US").starts_with(["1415", "1650"]);
        let p = POOL.to_owned();
        let n = "14155550100".to_owned();
        type Row<'a> = (Request<'a>, Method, &'a str, &'a str, Option<&'a str>, Idempotency);
        let create = CreatePowerpack { powerpack: params::CreatePowerpack::new("c").sticky_sender(false) };
        let get = GetPowerpack { uuid: "u1".into() };
        let list = ListPowerpacks { limit: 5, offset: 10 };
        let delete = DeletePowerpack { uuid: "u1".into(), unrent_numbers: false };
        let numbers = ListNumbers { pool_uuid: p.clone(), filter, limit: 20, offset: 0 };
        let add = AddNumber { pool_uuid: p.clone(), number: n.clone(), service: None };
        let buy = BuyAndAddNumber { pool_uuid: p.clone(), number: n.clone(), service: Some(ServiceType::Mms) };
        let remove = RemoveNumber { pool_uuid: p.clone(), number: n.clone(), unrent: false };
        let sc = RemoveShortcode { pool_uuid: p.clone(), shortcode: "444444".into() };
        let tf = AddTollfree { pool_uuid: p.clone(), number: "18005550100".into() };
        let tfs = ListTollfree { pool_uuid: p.clone(), limit: 20, offset: 40 };
        let pool_path = format!("NumberPool/{POOL}/Number/14155550100");
        let rows: Vec<Row<'_>> = vec![
            (get.request(), Method::GET, "Powerpack/u1", "", None, I),
            (create.request(), Method::POST, "Powerpack", "", Some(r#"{"name":"c","sticky_sender":false}"#), N),
            (
                update.request(),
                Method::POST,
                "Powerpack/u1",
                "",
                Some(concat!(
                    r#"{"application_id":"20342783288007824","application_type":"xml","local_connect":true,"#,
                    r#""name":"n","number_priority":[{"country_iso":"US","priority":{"priority1":"shortcode","#,
                    r#""priority2":"tollfree","priority3":"longcode"},"service_type":"SMS"}],"sticky_sender":false}"#
                )),
                I,
            ),
            (list.request(), Method::GET, "Powerpack", "limit=5&offset=10", None, I),
            (delete.request(), Method::DELETE, "Powerpack/u1", "", Some(r#"{"unrent_numbers":false}"#), I),
            (numbers.request(), Method::GET, "", "starts_with=1415,1650&country_iso2=US&limit=20&offset=0", None, I),
            (add.request(), Method::POST, &pool_path, "", Some(r#"{"rent":false}"#), N),
            (buy.request(), Method::POST, &pool_path, "", Some(r#"{"rent":true,"service":"mms"}"#), N),
            (remove.request(), Method::DELETE, &pool_path, "", Some(r#"{"unrent":false}"#), I),
            (sc.request(), Method::DELETE, "", "", None, I),
            (tf.request(), Method::POST, "", "", None, N),
            (tfs.request(), Method::GET, "", "limit=20&offset=40", None, I),
        ];
        for (request, method, path, query, body, idempotency) in rows {
            assert_eq!(request.method, method, "{request:?}");
            if !path.is_empty() {
                assert_eq!(request.path.join("/"), path);
            }
            let q: Vec<String> = request.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
            assert_eq!(q.join("&"), query, "{request:?}");
            assert_eq!(body_of(&request).as_deref(), body, "{request:?}");
            assert_eq!(request.idempotency, idempotency, "{request:?}");
        }
        assert_eq!(sc.request().path, ["NumberPool", POOL, "Shortcode", "444444"]);
        assert_eq!(tf.request().path, ["NumberPool", POOL, "Tollfree", "18005550100"]);
    }

    #[test]
    fn arguments_deserialize_from_the_neutral_form_with_defaults() {
        let op: UpdatePowerpack = serde_json::from_value(serde_json::json!({
            "uuid": "u1",
            "changes": {"sticky_sender": false, "application": {"type": "phlo", "id": "ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f"}}
        }))
        .unwrap();
        assert_eq!(
            op.changes,
            params::UpdatePowerpack::new()
                .sticky_sender(false)
                .application(Application::Phlo { phlo_id: "ca5fd1f2-26c0-43e9-a7e4-0f7c6e4bbd0f".into() })
        );
        let delete: DeletePowerpack = serde_json::from_str(r#"{"uuid": "u1"}"#).unwrap();
        assert!(!delete.unrent_numbers, "unrent_numbers defaults to false");
        let list: ListPowerpacks = serde_json::from_str("{}").unwrap();
        assert_eq!((list.limit, list.offset), (20, 0));
        let remove: RemoveNumber = serde_json::from_str(r#"{"pool_uuid": "p", "number": "1"}"#).unwrap();
        assert!(!remove.unrent);
        assert!(serde_json::from_str::<GetPowerpack>(r#"{"uuid": "u", "extra": 1}"#).is_err(), "unknown keys");
    }

    #[test]
    fn checks_name_the_field_before_anything_is_built() {
        let field = |e: PowerpackError| match e {
            PowerpackError::Validation { field, .. } => field,
            other => panic!("{other:?}"),
        };
        assert_eq!(field(GetPowerpack { uuid: "a/b".into() }.validate().unwrap_err()), "uuid");
        assert_eq!(field(ListPowerpacks { limit: 21, offset: 0 }.validate().unwrap_err()), "limit");
        let bad_pool = GetNumber { pool_uuid: "nope".into(), number: "14155550100".into() };
        assert_eq!(field(bad_pool.validate().unwrap_err()), "pool_uuid");
        let bad_number = GetNumber { pool_uuid: POOL.into(), number: "+14155550100".into() };
        assert_eq!(field(bad_number.validate().unwrap_err()), "number");
        let bad_code = GetShortcode { pool_uuid: POOL.into(), shortcode: "1".into() };
        assert_eq!(field(bad_code.validate().unwrap_err()), "shortcode");
    }

    #[test]
    fn the_table_lists_every_operation_once() {
        macro_rules! names {
            (single { $($o:ident $name:ident: $op:ident,)* } paged { $($po:ident $pname:ident: $pop:ident,)* }) => {{
                $( assert_eq!(stringify!($name), <$op as Operation>::NAME); )*
                vec![$(stringify!($name),)* $(stringify!($pname),)*]
            }};
        }
        let names = crate::for_each_operation!(names);
        let unique: std::collections::BTreeSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(names.len(), 21);
    }
}
