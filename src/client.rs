//! The client: configuration checked once in [`ClientBuilder::build`], and the
//! Powerpack operations on top of one retrying request loop.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use base64::Engine as _;
use once_cell::sync::OnceCell;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, USER_AGENT};
use reqwest::{Method, Url};

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::error::{excerpt, PowerpackError, TransportError};
use crate::model::{DeleteResult, Powerpack, PowerpackPage};
use crate::operation::{self as ops, Operation, Paged, Request};
use crate::params::{CreatePowerpack, UpdatePowerpack};
use crate::redact::Secrets;
use crate::retry::{self, Decision, Idempotency, Outcome, RetryPolicy};
use crate::runtime;
use crate::validate;
pub use crate::validate::MAX_PAGE_SIZE;

/// What a query value keeps unescaped: RFC 3986's unreserved characters, and `,` (the list
/// separator of `starts_with`, which the API reads unescaped).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~').remove(b',');

/// Plivo's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.plivo.com";
/// Time allowed to open a TCP (and TLS) connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// Time allowed for one attempt: sending the request and reading the whole answer.
pub const DEFAULT_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(30);
/// Time allowed for a whole call, every retry and backoff included.
pub const DEFAULT_TOTAL_DEADLINE: Duration = Duration::from_secs(60);
/// The most bytes read from one response body (8 MiB). A Powerpack is about 1 KiB and a full
/// list page about 20 KiB; anything beyond this is not an answer to decode, and reading it
/// would let a broken server or proxy fill the caller's memory. Such a call fails with
/// [`PowerpackError::Decode`] (not retried) as soon as the limit is passed or a larger
/// `Content-Length` is announced.
pub const MAX_RESPONSE_BYTES: usize = 8 * 1024 * 1024;

/// The crate's User-Agent; bindings append their language with
/// [`ClientBuilder::user_agent_suffix`].
pub const USER_AGENT_BASE: &str = concat!("plivo-powerpack/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// The environment variables read by [`Client::from_env`].
pub const ENV_AUTH_ID: &str = "PLIVO_AUTH_ID";
pub const ENV_AUTH_TOKEN: &str = "PLIVO_AUTH_TOKEN";
/// The environment variable [`Client::from_env`] reads the base URL from, when it is set:
/// how the examples, the demo and tests point a client at a sandbox.
pub const ENV_BASE_URL: &str = "PLIVO_BASE_URL";
/// The environment variable [`Client::from_env`] reads a PEM file of extra certificate
/// authorities from, when it is set (see [`ClientBuilder::root_certificate_pem`]).
pub const ENV_CA_BUNDLE: &str = "PLIVO_CA_BUNDLE";

/// Which certificate authorities a client trusts for `https://`, besides any added with
/// [`ClientBuilder::root_certificate_pem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrustStore {
    /// The Mozilla roots bundled into the library (webpki-roots): the same on every machine.
    #[default]
    Bundled,
    /// The operating system's trust store (rustls-native-certs), for example where a company
    /// installs its TLS-inspecting proxy's CA there.
    System,
}

/// Configures a [`Client`]. Nothing is checked until [`build`](Self::build),
/// which checks everything at once.
#[must_use]
#[derive(Clone, PartialEq)]
pub struct ClientBuilder {
    auth_id: String,
    auth_token: String,
    base_url: String,
    connect_timeout: Duration,
    attempt_timeout: Duration,
    total_deadline: Duration,
    retry: RetryPolicy,
    user_agent_suffix: Option<String>,
    proxy: Option<String>,
    check_auth_id: bool,
    trust_store: TrustStore,
    root_certificates_pem: Vec<String>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("auth_id", &self.auth_id)
            .field("auth_token", &"***")
            .field("base_url", &self.base_url)
            .field("connect_timeout", &self.connect_timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("total_deadline", &self.total_deadline)
            .field("retry", &self.retry)
            .field("trust_store", &self.trust_store)
            .field("root_certificates", &self.root_certificates_pem.len())
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// A builder for these credentials with every default.
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Self {
        ClientBuilder {
            auth_id: auth_id.into(),
            auth_token: auth_token.into(),
            base_url: DEFAULT_BASE_URL.to_owned(),
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            attempt_timeout: DEFAULT_ATTEMPT_TIMEOUT,
            total_deadline: DEFAULT_TOTAL_DEADLINE,
            retry: RetryPolicy::default(),
            user_agent_suffix: None,
            proxy: None,
            check_auth_id: true,
            trust_store: TrustStore::Bundled,
            root_certificates_pem: Vec::new(),
        }
    }

    /// Where the API lives (default [`DEFAULT_BASE_URL`]). Must be `https://`,
    /// or `http://` to a loopback host (a local sandbox): credentials never
    /// travel in clear text to another machine.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }
    /// Time to open a connection (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }
    /// Time for one attempt, from sending to the last byte of the answer (default 30 s).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = timeout;
        self
    }
    /// Time for a whole call including retries and backoff (default 60 s).
    pub fn total_deadline(mut self, deadline: Duration) -> Self {
        self.total_deadline = deadline;
        self
    }
    /// How failed calls are retried (default: 3 attempts in all).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }
    /// Text appended to the User-Agent, e.g. `python/3.11.7`.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.user_agent_suffix = Some(suffix.into());
        self
    }
    /// An HTTP(S) proxy for every request, e.g. `http://proxy.internal:3128`.
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = Some(url.into());
        self
    }
    /// Also trusts the certificate authorities in this PEM text (one certificate or several):
    /// a private CA, a TLS-inspecting proxy's, or a test server's. May be called again to add more.
    pub fn root_certificate_pem(mut self, pem: impl Into<String>) -> Self {
        self.root_certificates_pem.push(pem.into());
        self
    }
    /// Which roots to trust besides those added (default [`TrustStore::Bundled`]).
    pub fn trust_store(mut self, store: TrustStore) -> Self {
        self.trust_store = store;
        self
    }
    /// Accepts auth_ids that do not look like `MA…`/`SA…` (20 characters).
    /// Only for test accounts of unusual shape; the server still checks them.
    pub fn skip_auth_id_check(mut self) -> Self {
        self.check_auth_id = false;
        self
    }

    /// Checks the whole configuration and builds the client. Fails with
    /// [`PowerpackError::Validation`] naming the first bad setting.
    pub fn build(self) -> Result<Client, PowerpackError> {
        if self.check_auth_id {
            validate::auth_id(&self.auth_id)?;
        } else {
            validate::path_segment("auth_id", &self.auth_id)?;
        }
        validate::auth_token(&self.auth_token)?;
        let account_url = account_url(&self.base_url, &self.auth_id)?;
        for (field, d) in [
            ("connect_timeout", self.connect_timeout),
            ("attempt_timeout", self.attempt_timeout),
            ("total_deadline", self.total_deadline),
        ] {
            if d.is_zero() {
                return Err(PowerpackError::validation(field, "must be greater than zero"));
            }
        }
        if self.retry.max_attempts == 0 {
            return Err(PowerpackError::validation(
                "retry.max_attempts",
                "must be at least 1 (the first attempt counts)",
            ));
        }
        if self.retry.base_delay > self.retry.max_delay {
            return Err(PowerpackError::validation("retry.base_delay", "must not exceed retry.max_delay"));
        }
        let mut user_agent = USER_AGENT_BASE.to_owned();
        if let Some(suffix) = &self.user_agent_suffix {
            if suffix.is_empty() || !suffix.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                return Err(PowerpackError::validation("user_agent_suffix", "must be non-empty printable ASCII"));
            }
            user_agent.push(' ');
            user_agent.push_str(suffix);
        }

        let mut auth = HeaderValue::from_str(&format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(format!("{}:{}", self.auth_id, self.auth_token))
        ))
        .map_err(|_| PowerpackError::validation("auth_token", "must be printable ASCII"))?;
        auth.set_sensitive(true);
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, auth);
        headers
            .insert(USER_AGENT, HeaderValue::from_str(&user_agent).expect("user agent checked to be printable ASCII"));

        let mut root_certificates = Vec::new();
        for (i, pem) in self.root_certificates_pem.iter().enumerate() {
            let field = format!("root_certificates_pem[{i}]");
            let certs = reqwest::Certificate::from_pem_bundle(pem.as_bytes())
                .map_err(|e| PowerpackError::validation(&field, format!("not PEM certificates: {e}")))?;
            if certs.is_empty() {
                return Err(PowerpackError::validation(
                    &field,
                    "holds no PEM certificate (-----BEGIN CERTIFICATE-----)",
                ));
            }
            root_certificates.extend(certs);
        }
        let proxy = match &self.proxy {
            Some(p) => Some(
                reqwest::Proxy::all(p.as_str())
                    .map_err(|_| PowerpackError::validation("proxy", "must be a valid proxy URL"))?,
            ),
            None => None,
        };
        let transport = Transport {
            headers,
            trust_store: self.trust_store,
            connect_timeout: self.connect_timeout,
            root_certificates,
            proxy,
        };
        let http = transport
            .build()
            .map_err(|e| PowerpackError::validation("client", format!("could not build the HTTP client: {e}")))?;

        Ok(Client {
            inner: Arc::new(Inner {
                http,
                caller_lane_http: OnceCell::new(),
                transport,
                account: Url::parse(&account_url).expect("account_url was built from a parsed URL"),
                secrets: Secrets::new(&self.auth_id, &self.auth_token),
                auth_id: self.auth_id,
                attempt_timeout: self.attempt_timeout,
                total_deadline: self.total_deadline,
                retry: self.retry,
            }),
        })
    }
}

/// `{base}/v1/Account/{auth_id}/`, after checking the base URL's shape.
fn account_url(base: &str, auth_id: &str) -> Result<String, PowerpackError> {
    let url = Url::parse(base).map_err(|e| PowerpackError::validation("base_url", format!("not a valid URL ({e})")))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(PowerpackError::validation(
                "base_url",
                "http:// is only allowed for loopback hosts (127.0.0.1, ::1, localhost); use https://",
            ))
        }
        other => return Err(PowerpackError::validation("base_url", format!("unsupported scheme {other:?}"))),
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(PowerpackError::validation("base_url", "must not have a query or fragment"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(PowerpackError::validation("base_url", "must not embed credentials"));
    }
    let root = url.as_str().trim_end_matches('/');
    Ok(format!("{root}/v1/Account/{auth_id}/"))
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        None => false,
    }
}

/// A Powerpack API client. Cheap to clone (an `Arc`), safe to share between
/// threads and tasks; clones share its connections (one pool for calls on a Tokio runtime,
/// one for lone blocking calls, which run on a runtime their caller drives).
///
/// The async methods need a Tokio runtime with the time driver enabled. For
/// code without one, [`crate::blocking::Client`] runs the same calls on a
/// runtime the crate owns.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    /// The connection pool of calls on the crate's worker threads and the caller's own runtime.
    http: reqwest::Client,
    /// The pool of lone blocking calls on the runtime their callers drive
    /// ([`runtime::on_caller_lane`]), made on the first such call from `transport`.
    caller_lane_http: OnceCell<reqwest::Client>,
    transport: Transport,
    /// `{base}/v1/Account/{auth_id}/`, parsed once; every request's URL starts from a clone of it.
    account: Url,
    auth_id: String,
    secrets: Secrets,
    attempt_timeout: Duration,
    total_deadline: Duration,
    retry: RetryPolicy,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("auth_id", &self.inner.auth_id)
            .field("auth_token", &"***")
            .field("account_url", &self.inner.account.as_str())
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .field("total_deadline", &self.inner.total_deadline)
            .field("retry", &self.inner.retry)
            .finish()
    }
}

/// Everything a connection pool is made from, checked in [`ClientBuilder::build`]: a client
/// makes its first pool when it is built and may make a second for the caller lane later.
struct Transport {
    headers: HeaderMap,
    trust_store: TrustStore,
    connect_timeout: Duration,
    root_certificates: Vec<reqwest::Certificate>,
    proxy: Option<reqwest::Proxy>,
}

impl Transport {
    fn build(&self) -> reqwest::Result<reqwest::Client> {
        let mut http = reqwest::Client::builder()
            .use_rustls_tls()
            .tls_built_in_webpki_certs(self.trust_store == TrustStore::Bundled)
            .tls_built_in_native_certs(self.trust_store == TrustStore::System)
            .default_headers(self.headers.clone())
            .connect_timeout(self.connect_timeout)
            .redirect(reqwest::redirect::Policy::none())
            .pool_idle_timeout(Duration::from_secs(60))
            .tcp_nodelay(true);
        for cert in &self.root_certificates {
            http = http.add_root_certificate(cert.clone());
        }
        http = match &self.proxy {
            Some(proxy) => http.proxy(proxy.clone()),
            // Explicit is better than reading HTTP(S)_PROXY behind the caller's back.
            None => http.no_proxy(),
        };
        http.build()
    }
}

/// What one HTTP exchange produced.
struct Answer {
    status: u16,
    retry_after: Option<Duration>,
    body: bytes::Bytes,
    /// Set when the body passed [`MAX_RESPONSE_BYTES`]: how much was announced or read.
    oversized: Option<u64>,
}

/// Reads a response body, stopping as soon as it passes [`MAX_RESPONSE_BYTES`].
async fn read_bounded(mut response: reqwest::Response) -> Result<(bytes::Bytes, Option<u64>), reqwest::Error> {
    if let Some(announced) = response.content_length().filter(|&n| n > MAX_RESPONSE_BYTES as u64) {
        return Ok((bytes::Bytes::new(), Some(announced)));
    }
    let mut body = bytes::BytesMut::new();
    while let Some(chunk) = response.chunk().await? {
        if body.len() + chunk.len() > MAX_RESPONSE_BYTES {
            return Ok((bytes::Bytes::new(), Some((body.len() + chunk.len()) as u64)));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((body.freeze(), None))
}

impl Client {
    /// A client for these credentials with every default. See [`ClientBuilder`].
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Result<Self, PowerpackError> {
        ClientBuilder::new(auth_id, auth_token).build()
    }

    /// A builder, to change the base URL, timeouts, retries, proxy or User-Agent.
    pub fn builder(auth_id: impl Into<String>, auth_token: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(auth_id, auth_token)
    }

    /// A builder with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`, the base URL
    /// from `PLIVO_BASE_URL` when that is set and not empty (else `https://api.plivo.com`), and
    /// the certificate authorities of the PEM file `PLIVO_CA_BUNDLE` names, when set.
    /// A later [`ClientBuilder::base_url`] overrides it.
    pub fn builder_from_env() -> Result<ClientBuilder, PowerpackError> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let read =
            |name: &str| var(name).ok_or_else(|| PowerpackError::validation(name, "environment variable is not set"));
        let mut builder = ClientBuilder::new(read(ENV_AUTH_ID)?, read(ENV_AUTH_TOKEN)?);
        if let Some(url) = var(ENV_BASE_URL) {
            builder = builder.base_url(url);
        }
        if let Some(path) = var(ENV_CA_BUNDLE) {
            let pem = std::fs::read_to_string(&path)
                .map_err(|e| PowerpackError::validation(ENV_CA_BUNDLE, format!("cannot read {path}: {e}")))?;
            builder = builder.root_certificate_pem(pem);
        }
        Ok(builder)
    }

    /// A client with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`, and the base URL
    /// from `PLIVO_BASE_URL` when set (see [`Client::builder_from_env`]).
    pub fn from_env() -> Result<Self, PowerpackError> {
        Self::builder_from_env()?.build()
    }

    /// The account this client acts for.
    pub fn auth_id(&self) -> &str {
        &self.inner.auth_id
    }

    /// Fetches one Powerpack.
    pub async fn get_powerpack(&self, uuid: &str) -> Result<Powerpack, PowerpackError> {
        self.send(&ops::GetPowerpack { uuid: uuid.to_owned() }).await
    }

    /// Creates a Powerpack. Retried only when it surely was not processed
    /// (connection refused, HTTP 429), so a retry never makes a duplicate.
    pub async fn create_powerpack(&self, params: &CreatePowerpack) -> Result<Powerpack, PowerpackError> {
        self.send(&ops::CreatePowerpack { powerpack: params.clone() }).await
    }

    /// Updates a Powerpack (the seed call) and returns it as the API now has it.
    pub async fn update_powerpack(&self, uuid: &str, changes: &UpdatePowerpack) -> Result<Powerpack, PowerpackError> {
        self.send(&ops::UpdatePowerpack { uuid: uuid.to_owned(), changes: changes.clone() }).await
    }

    /// One page of Powerpacks: `limit` 1..=20, `offset` from 0.
    pub async fn list_powerpacks(&self, limit: u32, offset: u32) -> Result<PowerpackPage, PowerpackError> {
        self.send(&ops::ListPowerpacks { limit, offset }).await
    }

    /// Every Powerpack of the account, walking the pages by `offset`.
    ///
    /// Stops at `total_count`, or at the first short or empty page, whichever
    /// comes first, so a server that miscounts cannot make it loop forever.
    pub async fn list_all_powerpacks(&self) -> Result<Vec<Powerpack>, PowerpackError> {
        self.send_all(&ops::ListPowerpacks { limit: MAX_PAGE_SIZE, offset: 0 }).await
    }

    /// Deletes a Powerpack. `unrent_numbers: true` also releases its numbers
    /// from the account (destructive); the default in every binding is false.
    pub async fn delete_powerpack(&self, uuid: &str, unrent_numbers: bool) -> Result<DeleteResult, PowerpackError> {
        self.send(&ops::DeletePowerpack { uuid: uuid.to_owned(), unrent_numbers }).await
    }

    /// The one request path of the crate: checks the operation before any I/O, builds its URL
    /// (segments and query escaped), runs the retry loop, bounds and decodes the body, and masks
    /// every form of the credentials in any error, before anything is cut.
    pub async fn send<O: Operation>(&self, op: &O) -> Result<O::Output, PowerpackError> {
        let secrets = &self.inner.secrets;
        let result = async {
            op.validate()?;
            let request = op.request();
            let url = self.url_for(&request);
            let body = self.execute(request.method, url, request.body, request.idempotency).await?;
            O::decode(&body).map_err(|e| match e {
                PowerpackError::Decode { path, reason, .. } => {
                    PowerpackError::Decode { path, reason, body_excerpt: excerpt(&secrets.mask_body(&body)) }
                }
                other => other,
            })
        };
        result.await.map_err(|e| secrets.redact(e))
    }

    /// Every item of a list operation, page by page from `offset` 0 with the largest page (see
    /// [`Client::list_all_powerpacks`] for when it stops). The operation's own limit and offset
    /// are not used.
    pub async fn send_all<O: Paged>(&self, op: &O) -> Result<Vec<O::Item>, PowerpackError> {
        all_pages(|offset| {
            let page = op.at(MAX_PAGE_SIZE, offset);
            async move { Ok(O::split(self.send(&page).await?)) }
        })
        .await
    }

    /// The request's URL: the account URL, its segments (escaped, ending in one `/`) and query.
    fn url_for(&self, request: &Request<'_>) -> Url {
        let mut url = self.inner.account.clone();
        url.path_segments_mut().expect("http(s) URLs have a path").pop_if_empty().extend(&request.path).push("");
        if !request.query.is_empty() {
            let mut query = String::new();
            for (key, value) in &request.query {
                if !query.is_empty() {
                    query.push('&');
                }
                query.push_str(key);
                query.push('=');
                query.extend(utf8_percent_encode(value, QUERY_VALUE));
            }
            url.set_query(Some(&query));
        }
        url
    }

    /// Sends one request with retries; returns the body of a 2xx answer. Errors built from a
    /// response are masked here, before they are bounded; [`Client::send`] masks the rest.
    async fn execute(
        &self,
        method: Method,
        url: Url,
        body: Option<Vec<u8>>,
        idempotency: Idempotency,
    ) -> Result<bytes::Bytes, PowerpackError> {
        let started = Instant::now();
        let deadline = started + self.inner.total_deadline;
        let body = body.map(bytes::Bytes::from);
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let remaining = deadline.saturating_duration_since(Instant::now());
            if remaining.is_zero() {
                return Err(self.deadline_exceeded(attempt - 1));
            }
            let budget = self.inner.attempt_timeout.min(remaining);
            let cut_by_deadline = budget < self.inner.attempt_timeout;

            let mut request = self.http()?.request(method.clone(), url.clone());
            if let Some(b) = &body {
                request = request.header(CONTENT_TYPE, "application/json").body(b.clone());
            }
            let exchange = async {
                let response = request.send().await?;
                let status = response.status().as_u16();
                let retry_after = response
                    .headers()
                    .get(RETRY_AFTER)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| retry::parse_retry_after(v, SystemTime::now()));
                let (body, oversized) = read_bounded(response).await?;
                Ok::<_, reqwest::Error>(Answer { status, retry_after, body, oversized })
            };
            let (outcome, retry_after, error) = match tokio::time::timeout(budget, exchange).await {
                Ok(Ok(Answer { status, oversized: Some(size), .. })) => {
                    return Err(PowerpackError::Decode {
                        path: ".".into(),
                        reason: format!(
                            "the HTTP {status} response body is larger than the {} MiB limit (at least {size} bytes)",
                            MAX_RESPONSE_BYTES / (1024 * 1024)
                        ),
                        body_excerpt: String::new(),
                    })
                }
                Ok(Ok(answer)) if (200..300).contains(&answer.status) => return Ok(answer.body),
                Ok(Ok(answer)) => (
                    Outcome::Status(answer.status),
                    answer.retry_after,
                    PowerpackError::from_masked_response(
                        answer.status,
                        &answer.body,
                        answer.retry_after,
                        &self.inner.secrets,
                    ),
                ),
                Ok(Err(e)) => match transport_failure(e) {
                    (_, _, tls @ PowerpackError::Tls { .. }) => return Err(tls),
                    failure => failure,
                },
                Err(_elapsed) if cut_by_deadline => (Outcome::SentNoAnswer, None, self.deadline_exceeded(attempt)),
                Err(_elapsed) => (
                    Outcome::SentNoAnswer,
                    None,
                    PowerpackError::Timeout {
                        reason: format!(
                            "no complete answer within the attempt timeout of {:?} (attempt {attempt})",
                            self.inner.attempt_timeout
                        ),
                        source: None,
                    },
                ),
            };
            let remaining = deadline.saturating_duration_since(Instant::now());
            match retry::decide(
                &self.inner.retry,
                attempt,
                outcome,
                retry_after,
                idempotency,
                remaining,
                retry::jitter_sample(),
            ) {
                Decision::Stop => return Err(count_attempts(error, attempt)),
                Decision::RetryAfter(delay) => tokio::time::sleep(delay).await,
            }
        }
    }

    /// The connection pool for a call running where this code runs: a pool's connections are
    /// driven by the runtime that opened them, so the caller lane has its own.
    fn http(&self) -> Result<&reqwest::Client, PowerpackError> {
        if !runtime::on_caller_lane() {
            return Ok(&self.inner.http);
        }
        self.inner.caller_lane_http.get_or_try_init(|| self.inner.transport.build()).map_err(|e| {
            PowerpackError::Internal { reason: format!("could not build the caller lane's HTTP client: {e}") }
        })
    }

    fn deadline_exceeded(&self, attempts: u32) -> PowerpackError {
        PowerpackError::Timeout {
            reason: format!("the total deadline of {:?} passed after {attempts} attempt(s)", self.inner.total_deadline),
            source: None,
        }
    }
}

/// Steps through every page of a list by `offset` (`page(offset)` answers `total_count` and
/// the items), stopping at `total_count` or at the first short page, whichever comes first,
/// so a server that miscounts cannot make it loop for ever.
pub(crate) async fn all_pages<T, F, Fut>(mut page: F) -> Result<Vec<T>, PowerpackError>
where
    F: FnMut(u32) -> Fut,
    Fut: std::future::Future<Output = Result<(u32, Vec<T>), PowerpackError>>,
{
    let mut all = Vec::new();
    let mut offset = 0u32;
    loop {
        let (total, items) = page(offset).await?;
        let got = u32::try_from(items.len()).unwrap_or(u32::MAX);
        all.extend(items);
        offset = offset.saturating_add(got);
        if got < MAX_PAGE_SIZE || offset >= total {
            return Ok(all);
        }
    }
}

/// Says how many attempts a transport failure took, when there was more than one: the server
/// cannot record attempts that never reached it (a refused connection), so the caller is told.
fn count_attempts(error: PowerpackError, attempts: u32) -> PowerpackError {
    match error {
        PowerpackError::Network { reason, source } if attempts > 1 => {
            PowerpackError::Network { reason: format!("{reason} (after {attempts} attempts)"), source }
        }
        other => other,
    }
}

/// Classifies a reqwest failure for the retry decision and the caller.
fn transport_failure(e: reqwest::Error) -> (Outcome, Option<Duration>, PowerpackError) {
    let chain = error_chain(&e);
    let (connect, timeout, body) = (e.is_connect(), e.is_timeout(), e.is_body() || e.is_decode());
    let source = Some(TransportError::new(e));
    if is_tls_failure(&chain) {
        // Not transient: the same certificate will be refused again. Never retried.
        let hint = if chain.contains("not valid for name") {
            "the certificate belongs to another host: check base_url"
        } else {
            "trust the server's CA with root_certificate_pem, or the system's with TrustStore::System"
        };
        let reason = format!("the TLS handshake failed: {chain} ({hint})");
        return (Outcome::ConnectFailed, None, PowerpackError::Tls { reason, source });
    }
    if connect {
        let error = if timeout || chain.contains("timed out") {
            PowerpackError::Timeout { reason: format!("connecting timed out: {chain}"), source }
        } else {
            PowerpackError::Network { reason: format!("could not connect: {chain}"), source }
        };
        return (Outcome::ConnectFailed, None, error);
    }
    let error = if timeout {
        PowerpackError::Timeout { reason: chain, source }
    } else if body {
        PowerpackError::Network { reason: format!("the response body was cut short: {chain}"), source }
    } else {
        PowerpackError::Network { reason: format!("the connection failed: {chain}"), source }
    };
    (Outcome::SentNoAnswer, None, error)
}

/// A refused certificate (unknown issuer, wrong name, expired...) or a handshake the peer
/// refused, as rustls words it in the error chain.
fn is_tls_failure(chain: &str) -> bool {
    chain.contains("invalid peer certificate")
        || chain.contains("peer is incompatible")
        || chain.contains("received fatal alert")
}

/// "outer: inner: innermost", without the URL reqwest puts in its Display.
fn error_chain(e: &reqwest::Error) -> String {
    use std::error::Error as _;
    let mut parts = Vec::new();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.contains(&text) {
            parts.push(text);
        }
        source = s.source();
    }
    if parts.is_empty() {
        parts.push(if e.is_timeout() { "operation timed out".to_owned() } else { "request failed".to_owned() });
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "MAODZKMDFJMJU3MTEYNG";

    fn field_of(e: PowerpackError) -> String {
        match e {
            PowerpackError::Validation { field, .. } => field,
            other => panic!("not a validation error: {other:?}"),
        }
    }

    #[test]
    fn build_accepts_https_and_loopback_http() {
        for url in [
            "https://api.plivo.com",
            "http://127.0.0.1:8080",
            "http://localhost:1/",
            "http://[::1]:9",
            "https://example.com/prefix/",
        ] {
            Client::builder(ID, "t").base_url(url).build().unwrap_or_else(|e| panic!("{url}: {e}"));
        }
    }

    #[test]
    fn account_url_has_exactly_one_trailing_slash() {
        assert_eq!(
            account_url("http://127.0.0.1:8080/", ID).unwrap(),
            format!("http://127.0.0.1:8080/v1/Account/{ID}/")
        );
        assert_eq!(account_url("https://h/prefix/", ID).unwrap(), format!("https://h/prefix/v1/Account/{ID}/"));
    }

    #[test]
    fn build_refuses_clear_text_to_remote_hosts_and_odd_urls() {
        for url in
            ["http://api.plivo.com", "http://10.0.0.1", "ftp://x", "not a url", "https://h/?q=1", "https://u:p@h/"]
        {
            assert_eq!(field_of(Client::builder(ID, "t").base_url(url).build().unwrap_err()), "base_url", "{url}");
        }
    }

    #[test]
    fn build_checks_credentials_timeouts_and_retries() {
        assert_eq!(field_of(Client::new("MA123", "t").unwrap_err()), "auth_id");
        assert_eq!(field_of(Client::new(ID, "").unwrap_err()), "auth_token");
        assert_eq!(field_of(Client::new(ID, "a b").unwrap_err()), "auth_token");
        assert_eq!(
            field_of(Client::builder(ID, "t").attempt_timeout(Duration::ZERO).build().unwrap_err()),
            "attempt_timeout"
        );
        assert_eq!(
            field_of(
                Client::builder(ID, "t")
                    .retry_policy(RetryPolicy { max_attempts: 0, ..Default::default() })
                    .build()
                    .unwrap_err()
            ),
            "retry.max_attempts"
        );
        assert_eq!(field_of(Client::builder(ID, "t").user_agent_suffix("é").build().unwrap_err()), "user_agent_suffix");
        assert_eq!(field_of(Client::builder(ID, "t").proxy("::").build().unwrap_err()), "proxy");
        Client::builder("test-account", "t").skip_auth_id_check().base_url("http://127.0.0.1:1").build().unwrap();
        assert_eq!(field_of(Client::builder("a/b", "t").skip_auth_id_check().build().unwrap_err()), "auth_id");
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let token = "super-secret-token-value";
        let builder = Client::builder(ID, token);
        let client = builder.clone().build().unwrap();
        let text = format!("{builder:?} {client:?} {builder:#?} {client:#?}");
        assert!(!text.contains(token), "{text}");
        assert!(text.contains(ID));
    }
}
