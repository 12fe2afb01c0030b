//! The HTTP face: Plivo's Powerpack routes, the fault/journal layer around
//! them, and the admin API under `/__admin/`.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use base64::Engine as _;
use futures_util::StreamExt as _;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::faults::{Fault, FaultRule};
use crate::journal::Entry;
use crate::numbers::{check_keys, paging as paging_of, NumberQuery, Route};
use crate::rules::{flag, Rejection};
use crate::store::{Account, Changes};
use crate::{ids, Seed, Shared};

pub fn router(shared: Arc<Shared>) -> Router {
    let api = Router::new()
        .route("/v1/Account/{auth_id}/Powerpack/", get(list).post(create).fallback(method_not_allowed))
        .route(
            "/v1/Account/{auth_id}/Powerpack/{uuid}/",
            get(fetch).post(update).delete(remove).fallback(method_not_allowed),
        )
        .route("/v1/Account/{auth_id}/NumberPool/{pool}/Number/", get(list_numbers).fallback(method_not_allowed))
        .route("/v1/Account/{auth_id}/NumberPool/{pool}/Number/{number}/", pool_number(Route::Number))
        .route("/v1/Account/{auth_id}/NumberPool/{pool}/Tollfree/", get(list_tollfree).fallback(method_not_allowed))
        .route("/v1/Account/{auth_id}/NumberPool/{pool}/Tollfree/{number}/", pool_number(Route::Tollfree))
        .route("/v1/Account/{auth_id}/NumberPool/{pool}/Shortcode/", get(list_shortcodes).fallback(method_not_allowed))
        .route(
            "/v1/Account/{auth_id}/NumberPool/{pool}/Shortcode/{code}/",
            get(get_shortcode).delete(remove_shortcode).fallback(method_not_allowed),
        )
        .fallback(no_route)
        .layer(middleware::from_fn_with_state(shared.clone(), journal_and_faults));
    let admin = Router::new()
        .route("/__admin/health", get(|| async { "ok" }))
        .route("/__admin/faults", post(add_fault).get(list_faults).delete(clear_faults))
        .route("/__admin/journal", get(journal).delete(clear_journal))
        .route("/__admin/reset", post(reset))
        .route("/__admin/seed", post(seed));
    admin.merge(api).with_state(shared)
}

// ---------------------------------------------------------------- responses

fn envelope(status: u16, message: &str, with_api_id: bool) -> Response {
    let body = if with_api_id { json!({"api_id": ids::uuid4(), "error": message}) } else { json!({"error": message}) };
    (StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR), Json(body)).into_response()
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        // Plivo's 401 bodies carry no api_id; every other error does.
        envelope(self.status, &self.message, self.status != 401)
    }
}

/// A single-Powerpack answer: the object with a fresh `api_id`.
fn single(pp: &crate::store::StoredPowerpack, auth_id: &str) -> Response {
    Json(pp.to_json(auth_id, Some(&ids::uuid4()))).into_response()
}

async fn method_not_allowed() -> Response {
    envelope(405, "method not allowed", true)
}

async fn no_route() -> Response {
    envelope(404, "not found", true)
}

// ---------------------------------------------------------------- auth

/// Checks Basic credentials, that the path's auth_id is the caller's, and
/// the caller's rate limit. Returns the auth_id.
fn authenticate(shared: &Shared, headers: &HeaderMap, path_auth_id: &str) -> Result<String, Rejection> {
    let unauthorized = |m: &str| Rejection { status: 401, message: m.to_owned() };
    let Some((id, token)) = basic_credentials(headers) else {
        return Err(unauthorized("authentication credentials were not provided"));
    };
    let mut state = shared.state.lock().unwrap();
    let limit = state.rate_limit;
    let account = state.accounts.get_mut(&id).filter(|a| a.auth_token == token);
    let Some(account) = account else {
        return Err(unauthorized("incorrect authentication credentials"));
    };
    if id != path_auth_id {
        return Err(Rejection { status: 403, message: "the auth_id in the URL is not the caller's".into() });
    }
    if !account.admit(limit) {
        return Err(Rejection { status: 429, message: "too many requests".into() });
    }
    Ok(id)
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = base64::engine::general_purpose::STANDARD.decode(encoded.trim()).ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, token) = text.split_once(':')?;
    Some((id.to_owned(), token.to_owned()))
}

/// A JSON object body; POSTs must say `application/json`.
fn json_object(headers: &HeaderMap, body: &Bytes, required: bool) -> Result<Map<String, Value>, Rejection> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return if required { Err(Rejection::bad_request("a JSON body is required")) } else { Ok(Map::new()) };
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(';').next().unwrap_or("").trim().eq_ignore_ascii_case("application/json"));
    if !is_json {
        return Err(Rejection::bad_request("Content-Type must be application/json"));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Rejection::bad_request("the body must be a JSON object")),
        Err(e) => Err(Rejection::bad_request(format!("malformed JSON: {e}"))),
    }
}

// ---------------------------------------------------------------- Powerpack routes

#[derive(Deserialize)]
struct Paging {
    limit: Option<String>,
    offset: Option<String>,
}

async fn list(
    State(shared): State<Arc<Shared>>,
    Path(auth_id): Path<String>,
    Query(paging): Query<Paging>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let id = authenticate(&shared, &headers, &auth_id)?;
    let (limit, offset) = paging_of(paging.limit.as_deref(), paging.offset.as_deref())?;
    let state = shared.state.lock().unwrap();
    let account = &state.accounts[&id];
    let (total, items) = account.page(limit, offset);
    let objects: Vec<Value> = items.iter().map(|p| p.to_json(&id, None)).collect();
    let link = |off: usize| format!("/v1/Account/{id}/Powerpack/?limit={limit}&offset={off}");
    let next = (offset + limit < total).then(|| link(offset + limit));
    let previous = (offset > 0).then(|| link(offset.saturating_sub(limit)));
    Ok(Json(json!({
        "api_id": ids::uuid4(),
        "meta": {"limit": limit, "offset": offset, "total_count": total, "next": next, "previous": previous},
        "objects": objects,
    }))
    .into_response())
}

async fn create(
    State(shared): State<Arc<Shared>>,
    Path(auth_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Rejection> {
    let id = authenticate(&shared, &headers, &auth_id)?;
    let changes = Changes::parse(&json_object(&headers, &body, true)?)?;
    let mut state = shared.state.lock().unwrap();
    let account = state.accounts.get_mut(&id).expect("authenticated");
    let pp = account.create(changes, None, None)?;
    Ok(single(pp, &id))
}

async fn fetch(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, uuid)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let id = authenticate(&shared, &headers, &auth_id)?;
    let state = shared.state.lock().unwrap();
    let pp = state.accounts[&id].get(&uuid)?;
    Ok(single(pp, &id))
}

async fn update(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, uuid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Rejection> {
    let id = authenticate(&shared, &headers, &auth_id)?;
    let changes = Changes::parse(&json_object(&headers, &body, true)?)?;
    let mut state = shared.state.lock().unwrap();
    let account = state.accounts.get_mut(&id).expect("authenticated");
    let pp = account.update(&uuid, changes)?;
    Ok(single(pp, &id))
}

async fn remove(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, uuid)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Rejection> {
    let id = authenticate(&shared, &headers, &auth_id)?;
    let params = json_object(&headers, &body, false)?;
    check_keys(&params, &[("unrent_numbers", |v| flag(v).is_some(), "a boolean")])?;
    let unrent = params.get("unrent_numbers").and_then(flag).unwrap_or(false);
    let mut state = shared.state.lock().unwrap();
    state.accounts.get_mut(&id).expect("authenticated").delete(&uuid, unrent)?;
    Ok(success())
}

fn success() -> Response {
    Json(json!({"api_id": ids::uuid4(), "response": "success"})).into_response()
}

// ---------------------------------------------------------------- number pool routes

/// Runs `f` on the caller's account after authenticating and checking that the pool is one
/// of its Powerpacks' pools.
fn with_pool<T>(
    shared: &Shared,
    headers: &HeaderMap,
    auth_id: &str,
    pool: &str,
    f: impl FnOnce(&str, &mut Account) -> Result<T, Rejection>,
) -> Result<T, Rejection> {
    let id = authenticate(shared, headers, auth_id)?;
    let mut state = shared.state.lock().unwrap();
    let account = state.accounts.get_mut(&id).expect("authenticated");
    account.pool(pool)?;
    f(&id, account)
}

async fn list_numbers(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, pool)): Path<(String, String)>,
    Query(q): Query<NumberQuery>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    with_pool(&shared, &headers, &auth_id, &pool, |id, a| a.inventory.list(id, &pool, Route::Number, &q))
        .map(|v| Json(v).into_response())
}

async fn list_tollfree(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, pool)): Path<(String, String)>,
    Query(paging): Query<Paging>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    let q = NumberQuery { limit: paging.limit, offset: paging.offset, ..Default::default() };
    with_pool(&shared, &headers, &auth_id, &pool, |id, a| a.inventory.list(id, &pool, Route::Tollfree, &q))
        .map(|v| Json(v).into_response())
}

type ItemPath = Path<(String, String, String)>;

/// `GET`, `POST` and `DELETE` of one number, on the `Number/` or the `Tollfree/` route.
fn pool_number(route: Route) -> MethodRouter<Arc<Shared>> {
    get(move |State(shared): State<Arc<Shared>>, Path((auth_id, pool, number)): ItemPath, headers: HeaderMap| async move {
        with_pool(&shared, &headers, &auth_id, &pool, |id, a| a.inventory.get(id, &pool, &number, route))
            .map(|v| Json(v).into_response())
    })
    .post(move |State(shared): State<Arc<Shared>>, Path((auth_id, pool, number)): ItemPath, headers: HeaderMap, body: Bytes| async move {
        let params = json_object(&headers, &body, false)?;
        with_pool(&shared, &headers, &auth_id, &pool, |id, a| a.inventory.add(id, &pool, &number, route, &params))
            .map(|v| Json(v).into_response())
    })
    .delete(move |State(shared): State<Arc<Shared>>, Path((auth_id, pool, number)): ItemPath, headers: HeaderMap, body: Bytes| async move {
        let params = json_object(&headers, &body, false)?;
        with_pool(&shared, &headers, &auth_id, &pool, |_, a| a.inventory.remove(&pool, &number, route, &params))?;
        Ok::<_, Rejection>(success())
    })
    .fallback(method_not_allowed)
}

async fn list_shortcodes(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, pool)): Path<(String, String)>,
    Query(paging): Query<Paging>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    with_pool(&shared, &headers, &auth_id, &pool, |id, a| {
        a.inventory.list_shortcodes(id, &pool, paging.limit.as_deref(), paging.offset.as_deref())
    })
    .map(|v| Json(v).into_response())
}

async fn get_shortcode(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, pool, code)): Path<(String, String, String)>,
    headers: HeaderMap,
) -> Result<Response, Rejection> {
    with_pool(&shared, &headers, &auth_id, &pool, |_, a| a.inventory.get_shortcode(&pool, &code))
        .map(|v| Json(v).into_response())
}

async fn remove_shortcode(
    State(shared): State<Arc<Shared>>,
    Path((auth_id, pool, code)): Path<(String, String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Rejection> {
    let params = json_object(&headers, &body, false)?;
    with_pool(&shared, &headers, &auth_id, &pool, |_, a| a.inventory.remove_shortcode(&pool, &code, &params))?;
    Ok(success())
}

// ---------------------------------------------------------------- journal and faults

/// Records every API request in the journal and applies queued faults.
async fn journal_and_faults(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, 1 << 20).await {
        Ok(b) => b,
        Err(_) => return envelope(413, "request body too large", true),
    };
    let path = parts.uri.path().to_owned();
    let method = parts.method.as_str().to_owned();
    let auth_id = basic_credentials(&parts.headers).map(|(id, _)| id);
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            let value = if k == header::AUTHORIZATION {
                match &auth_id {
                    Some(id) => format!("Basic {id}:***"),
                    None => "<redacted>".to_owned(),
                }
            } else {
                String::from_utf8_lossy(v.as_bytes()).into_owned()
            };
            (k.as_str().to_owned(), value)
        })
        .collect();
    let (fault, seq) = {
        let mut state = shared.state.lock().unwrap();
        let fault = state.faults.take(&method, &path);
        let at_ms = shared.started.elapsed().as_secs_f64() * 1000.0;
        let seq = state.journal.record(Entry {
            seq: 0,
            at_ms,
            method,
            path,
            query: parts.uri.query().map(str::to_owned),
            headers,
            auth_id,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            status: None,
            fault: fault.as_ref().map(fault_name),
        });
        (fault, seq)
    };
    let response = match fault {
        Some(Fault::Latency { ms }) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(Request::from_parts(parts, Body::from(bytes))).await
        }
        Some(Fault::EchoCredentials { status }) => {
            let credentials = basic_credentials(&parts.headers).map(|(id, token)| format!("{id}:{token}"));
            let echoed = credentials.unwrap_or_default();
            let header = parts.headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
            let body = json!({
                "api_id": ids::uuid4(),
                "error": format!("bad credentials {echoed} (Authorization: {header})"),
                "seen": echoed,
                "authorization": header,
            });
            (StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST), Json(body)).into_response()
        }
        Some(Fault::TotalCount { total }) => {
            let answer = next.run(Request::from_parts(parts, Body::from(bytes))).await;
            with_total_count(answer, total).await
        }
        Some(fault) => fault_response(fault).await,
        None => next.run(Request::from_parts(parts, Body::from(bytes))).await,
    };
    shared.state.lock().unwrap().journal.set_status(seq, response.status().as_u16());
    response
}

/// A list answer whose `meta.total_count` says `total`, whatever the truth.
async fn with_total_count(answer: Response, total: u64) -> Response {
    let (mut parts, body) = answer.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 16 << 20).await else {
        return envelope(500, "sandbox: could not rewrite the list", true);
    };
    let mut value: Value = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    if let Some(meta) = value.get_mut("meta").and_then(Value::as_object_mut) {
        meta.insert("total_count".into(), Value::from(total));
    }
    let body = serde_json::to_vec(&value).unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(body))
}

fn fault_name(f: &Fault) -> String {
    serde_json::to_value(f).ok().and_then(|v| v["kind"].as_str().map(str::to_owned)).unwrap_or_default()
}

async fn fault_response(fault: Fault) -> Response {
    match fault {
        Fault::Answer { status, headers, body } => {
            let mut response = Response::new(Body::from(body));
            *response.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            for (name, value) in headers {
                if let (Ok(name), Ok(value)) =
                    (header::HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(&value))
                {
                    response.headers_mut().append(name, value);
                }
            }
            response
        }
        Fault::Status { status, retry_after_secs, retry_after_date, message } => {
            let text = message.unwrap_or_else(|| {
                StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("error").to_lowercase()
            });
            let mut response = envelope(status, &text, status != 401);
            let retry_after = retry_after_secs.map(|s| s.to_string()).or(retry_after_date);
            if let Some(v) = retry_after.and_then(|v| HeaderValue::from_str(&v).ok()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            response
        }
        Fault::MalformedJson => (
            [(header::CONTENT_TYPE, "application/json")],
            "{\"api_id\": \"5a9fcb68-0b5d-11ea\", \"uuid\": ",
        )
            .into_response(),
        Fault::Html502 => (
            StatusCode::BAD_GATEWAY,
            [(header::CONTENT_TYPE, "text/html")],
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
        )
            .into_response(),
        Fault::EmptyBody { status } => {
            (StatusCode::from_u16(status).unwrap_or(StatusCode::OK), Body::empty()).into_response()
        }
        Fault::TruncatedBody => {
            let first: Result<Bytes, std::io::Error> = Ok(Bytes::from_static(b"{\"api_id\": \"trunc\", \"uuid\": \"86bb"));
            let cut: Result<Bytes, std::io::Error> =
                Err(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "sandbox: truncated body"));
            // The pause lets the head and first bytes go out before the cut.
            let cut = futures_util::stream::once(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                cut
            });
            let stream = futures_util::StreamExt::chain(futures_util::stream::iter([first]), cut);
            let mut response = Response::new(Body::from_stream(stream));
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from_static("400"));
            response
        }
        Fault::Reset => {
            // A body that fails before its first byte makes hyper drop the
            // connection without writing the (still buffered) response head.
            let stream = futures_util::stream::once(async {
                Err::<Bytes, _>(std::io::Error::new(std::io::ErrorKind::ConnectionReset, "sandbox: reset"))
            });
            Response::new(Body::from_stream(stream))
        }
        Fault::Hang { ms } => {
            tokio::time::sleep(Duration::from_millis(ms.unwrap_or(120_000))).await;
            let stream = futures_util::stream::once(async {
                Err::<Bytes, _>(std::io::Error::new(std::io::ErrorKind::TimedOut, "sandbox: hang"))
            });
            Response::new(Body::from_stream(stream))
        }
        Fault::Redirect { status, location } => {
            let mut response = envelope(status, "moved", false);
            if let Ok(v) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            response
        }
        Fault::OversizedBody { bytes, declare_length } => {
            const CHUNK: usize = 64 * 1024;
            let chunk = Bytes::from(vec![b' '; CHUNK]);
            let chunks = bytes / CHUNK as u64;
            let rest = (bytes % CHUNK as u64) as usize;
            let body = futures_util::stream::iter((0..chunks).map(move |_| Ok::<_, std::io::Error>(chunk.clone())))
                .chain(futures_util::stream::iter([Ok(Bytes::from(vec![b' '; rest]))]));
            let mut response = Response::new(Body::from_stream(body));
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
            if declare_length {
                response.headers_mut().insert(header::CONTENT_LENGTH, HeaderValue::from(bytes));
            }
            response
        }
        Fault::Latency { .. } | Fault::TotalCount { .. } | Fault::EchoCredentials { .. } => {
            unreachable!("applied with the request at hand")
        }
    }
}

// ---------------------------------------------------------------- admin

async fn add_fault(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    match serde_json::from_slice::<FaultRule>(&body) {
        Ok(rule) => {
            shared.state.lock().unwrap().faults.push(rule);
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => envelope(400, &format!("invalid fault: {e}"), false),
    }
}

async fn list_faults(State(shared): State<Arc<Shared>>) -> Json<Vec<FaultRule>> {
    Json(shared.state.lock().unwrap().faults.pending())
}

async fn clear_faults(State(shared): State<Arc<Shared>>) -> StatusCode {
    shared.state.lock().unwrap().faults.clear();
    StatusCode::NO_CONTENT
}

async fn journal(State(shared): State<Arc<Shared>>) -> Json<Vec<Entry>> {
    Json(shared.state.lock().unwrap().journal.entries())
}

async fn clear_journal(State(shared): State<Arc<Shared>>) -> StatusCode {
    shared.state.lock().unwrap().journal.clear();
    StatusCode::NO_CONTENT
}

/// Adds a seed document's Powerpacks, numbers and shortcodes (until the next reset).
async fn seed(State(shared): State<Arc<Shared>>, body: Bytes) -> Response {
    let seed = match serde_json::from_slice::<Seed>(&body) {
        Ok(seed) => seed,
        Err(e) => return envelope(400, &format!("invalid seed: {e}"), false),
    };
    let mut state = shared.state.lock().unwrap();
    let first = state.first_account(&shared.config);
    match state.apply_seed(&seed, &first) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => envelope(400, &e, false),
    }
}

/// Forgets every Powerpack, fault and journal entry; accounts stay.
async fn reset(State(shared): State<Arc<Shared>>) -> Result<StatusCode, Infallible> {
    shared.reset();
    Ok(StatusCode::NO_CONTENT)
}
