//! A local stand-in for Plivo's Powerpack API, for tests and demos.
//!
//! Stateful (accounts, Powerpacks, unique names, number pools with their numbers,
//! shortcodes and toll-free numbers; a number in at most one pool), validating like
//! the real API (Basic auth, JSON booleans, the application rule, paging limits, the
//! number filters), rate
//! limited per account, and scriptable: the admin API under `/__admin/`
//! queues faults (statuses, latency, malformed or truncated bodies, resets,
//! hangs) and keeps a journal of every request received, without secrets.
//!
//! ```no_run
//! let sandbox = powerpack_sandbox::Sandbox::start(Default::default()).unwrap();
//! println!("serving on {}", sandbox.base_url());
//! // dropped: the server stops
//! ```

mod faults;
mod http;
mod ids;
mod journal;
mod numbers;
mod rules;
pub mod serve;
mod store;
mod tls;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use faults::{Fault, FaultRule};
pub use journal::Entry;
pub use numbers::{SeedNumber, SeedShortcode};
use store::{Account, Changes};
pub use tls::{TlsIdentity, LOOPBACK_NAMES};

/// The account served when none is configured.
pub const DEFAULT_AUTH_ID: &str = "MASANDBOX00000000001";
/// Its token. Public on purpose: the sandbox is a local test server.
pub const DEFAULT_AUTH_TOKEN: &str = "sandbox-auth-token";
/// Plivo's documented default limit: 300 requests per 5 seconds per account.
pub const DEFAULT_RATE_LIMIT: (u32, Duration) = (300, Duration::from_secs(5));

/// How to start a sandbox.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to bind; port 0 picks a free one.
    pub addr: SocketAddr,
    /// `(auth_id, auth_token)` pairs; the default account when empty.
    pub accounts: Vec<(String, String)>,
    /// `(requests, per)` per account; `None` turns rate limiting off.
    pub rate_limit: Option<(u32, Duration)>,
    /// Powerpacks, numbers and shortcodes to create at start and after every reset.
    pub seed: Seed,
    /// Serve HTTPS with this identity instead of HTTP.
    pub tls: Option<TlsIdentity>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            accounts: Vec::new(),
            rate_limit: Some(DEFAULT_RATE_LIMIT),
            seed: Seed::default(),
            tls: None,
        }
    }
}

/// A Powerpack created at start: the create body, an optional fixed uuid and pool uuid
/// (so that both stay the same after every reset), and the account (the first one when absent).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SeedPowerpack {
    #[serde(default)]
    pub auth_id: Option<String>,
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default)]
    pub number_pool_uuid: Option<String>,
    #[serde(flatten)]
    pub body: serde_json::Map<String, serde_json::Value>,
}

/// What a sandbox holds at start and after every reset: a seed file, or the body of
/// `POST /__admin/seed` (which adds to the state until the next reset).
///
/// ```json
/// {"powerpacks": [{"name": "support", "uuid": "86bbb125-97bb-4d72-89fd-81d5c515b015",
///                  "number_pool_uuid": "659c7f88-c819-46e2-8af4-2d8a84249099"}],
///  "numbers": [{"number": "14155550100", "country_iso2": "US", "type": "fixed",
///               "powerpack": "86bbb125-97bb-4d72-89fd-81d5c515b015"},
///              {"number": "18005550100", "country_iso2": "US", "type": "tollfree"}],
///  "shortcodes": [{"shortcode": "444444", "country_iso2": "US",
///                  "powerpack": "86bbb125-97bb-4d72-89fd-81d5c515b015"}]}
/// ```
///
/// A number without `powerpack` is rented by the account but in no pool; a number or
/// shortcode with one is in that Powerpack's pool. `auth_id` (optional on every entry)
/// picks the account, the first one by default.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seed {
    #[serde(default)]
    pub powerpacks: Vec<SeedPowerpack>,
    #[serde(default)]
    pub numbers: Vec<SeedNumber>,
    #[serde(default)]
    pub shortcodes: Vec<SeedShortcode>,
}

/// Reads a seed document (see [`Seed`]).
pub fn read_seed(text: &str) -> Result<Seed, String> {
    serde_json::from_str::<Seed>(text).map_err(|e| e.to_string())
}

/// Checks a create or update body against the rules the sandbox applies (the API's), without a
/// server: for property tests that whatever a client builds is accepted.
pub fn check_powerpack_body(body: &serde_json::Map<String, serde_json::Value>) -> Result<(), String> {
    Changes::parse(body).map(drop).map_err(|r| r.message)
}

/// A rate limit as given on a command line: `N/SECONDS`, or `off`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RateLimit(pub Option<(u32, Duration)>);

/// Parses `--rate-limit N/SECONDS` or `off`.
pub fn parse_rate_limit(s: &str) -> Result<RateLimit, String> {
    if s.eq_ignore_ascii_case("off") {
        return Ok(RateLimit(None));
    }
    let (n, secs) = s.split_once('/').ok_or("expected N/SECONDS or off")?;
    let n: u32 = n.parse().map_err(|_| "N must be a positive integer")?;
    let secs: f64 = secs.parse().map_err(|_| "SECONDS must be a number")?;
    if n == 0 || !(secs > 0.0 && secs.is_finite()) {
        return Err("N and SECONDS must be positive".into());
    }
    Ok(RateLimit(Some((n, Duration::from_secs_f64(secs)))))
}

/// Parses `--account AUTH_ID:AUTH_TOKEN`.
pub fn parse_account(s: &str) -> Result<(String, String), String> {
    match s.split_once(':') {
        Some((id, token)) if !id.is_empty() && !token.is_empty() => Ok((id.to_owned(), token.to_owned())),
        _ => Err("expected AUTH_ID:AUTH_TOKEN".into()),
    }
}

pub(crate) struct State {
    accounts: HashMap<String, Account>,
    rate_limit: Option<(u32, Duration)>,
    faults: faults::Faults,
    journal: journal::Journal,
}

impl State {
    /// Creates the seed's Powerpacks, then rents its numbers and places them and its
    /// shortcodes in pools. `first` is the account used when an entry names none.
    pub(crate) fn apply_seed(&mut self, seed: &Seed, first: &str) -> Result<(), String> {
        fn account_of<'a>(
            accounts: &'a mut HashMap<String, Account>,
            id: &Option<String>,
            first: &str,
        ) -> Result<&'a mut Account, String> {
            let id = id.as_deref().unwrap_or(first);
            accounts.get_mut(id).ok_or_else(|| format!("seed names unknown account {id}"))
        }
        for p in &seed.powerpacks {
            let account = account_of(&mut self.accounts, &p.auth_id, first)?;
            let changes = Changes::parse(&p.body).map_err(|r| format!("seed Powerpack: {}", r.message))?;
            account
                .create(changes, p.uuid.clone(), p.number_pool_uuid.clone())
                .map_err(|r| format!("seed Powerpack: {}", r.message))?;
        }
        for n in &seed.numbers {
            let account = account_of(&mut self.accounts, &n.auth_id, first)?;
            let pool = match &n.powerpack {
                Some(uuid) => Some(
                    account
                        .get(uuid)
                        .map_err(|_| format!("seed number {}: no Powerpack {uuid}", n.number))?
                        .number_pool_uuid
                        .clone(),
                ),
                None => None,
            };
            account.inventory.seed_number(n, pool.as_deref())?;
        }
        for c in &seed.shortcodes {
            let account = account_of(&mut self.accounts, &c.auth_id, first)?;
            let pool = account
                .get(&c.powerpack)
                .map_err(|_| format!("seed shortcode {}: no Powerpack {}", c.shortcode, c.powerpack))?
                .number_pool_uuid
                .clone();
            account.inventory.seed_shortcode(c, &pool)?;
        }
        Ok(())
    }

    /// The account an admin seed applies to when its entries name none.
    pub(crate) fn first_account(&self, config: &Config) -> String {
        config.accounts.first().map(|(id, _)| id.clone()).unwrap_or_else(|| DEFAULT_AUTH_ID.to_owned())
    }
}

pub(crate) struct Shared {
    state: Mutex<State>,
    started: Instant,
    config: Config,
}

impl Shared {
    fn new(config: Config) -> Result<Self, String> {
        let shared = Shared {
            state: Mutex::new(State {
                accounts: HashMap::new(),
                rate_limit: config.rate_limit,
                faults: Default::default(),
                journal: Default::default(),
            }),
            started: Instant::now(),
            config,
        };
        shared.load()?;
        Ok(shared)
    }

    /// Accounts from the config, then the seed Powerpacks.
    fn load(&self) -> Result<(), String> {
        let mut state = self.state.lock().unwrap();
        state.accounts.clear();
        let accounts = if self.config.accounts.is_empty() {
            vec![(DEFAULT_AUTH_ID.to_owned(), DEFAULT_AUTH_TOKEN.to_owned())]
        } else {
            self.config.accounts.clone()
        };
        let first = accounts[0].0.clone();
        for (id, token) in accounts {
            state.accounts.insert(id, Account::new(token));
        }
        state.apply_seed(&self.config.seed, &first)
    }

    fn reset(&self) {
        self.load().expect("the seed loaded at start loads again");
        let mut state = self.state.lock().unwrap();
        state.faults.clear();
        state.journal.clear();
    }
}

/// A running sandbox on its own thread and runtime; stops when dropped.
pub struct Sandbox {
    base_url: String,
    shared: Arc<Shared>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Sandbox {
    /// Binds, starts serving on a background thread, and returns once ready.
    pub fn start(config: Config) -> std::io::Result<Sandbox> {
        let shared = Arc::new(Shared::new(config.clone()).map_err(std::io::Error::other)?);
        let tls = match &config.tls {
            Some(identity) => Some(identity.server_config().map_err(std::io::Error::other)?),
            None => None,
        };
        let listener = std::net::TcpListener::bind(config.addr)?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let app = http::router(shared.clone());
        let thread = std::thread::Builder::new().name("powerpack-sandbox".into()).spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("sandbox runtime");
            runtime.block_on(async move {
                match tls {
                    None => {
                        let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                        tokio::select! {
                            r = axum::serve(listener, app) => { r.expect("sandbox server failed") }
                            _ = stop_rx => {}
                        }
                    }
                    Some(config) => {
                        let rustls = axum_server::tls_rustls::RustlsConfig::from_config(config);
                        let server = axum_server::from_tcp_rustls(listener, rustls);
                        tokio::select! {
                            r = server.serve(app.into_make_service()) => { r.expect("sandbox server failed") }
                            _ = stop_rx => {}
                        }
                    }
                }
            });
            // In-flight requests (a hanging fault, say) are abandoned, not awaited.
            runtime.shutdown_timeout(Duration::from_millis(100));
        })?;
        Ok(Sandbox { base_url: format!("{scheme}://{addr}"), shared, stop: Some(stop_tx), thread: Some(thread) })
    }

    /// `http://127.0.0.1:PORT` (or `https://` with TLS), to pass as the client's base URL.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Queues a fault.
    pub fn push_fault(&self, rule: FaultRule) {
        self.shared.state.lock().unwrap().faults.push(rule);
    }

    /// Every request received since start or the last reset, oldest first.
    pub fn journal(&self) -> Vec<Entry> {
        self.shared.state.lock().unwrap().journal.entries()
    }

    /// Adds a seed's Powerpacks, numbers and shortcodes, as `POST /__admin/seed` does.
    pub fn seed(&self, seed: &Seed) -> Result<(), String> {
        let mut state = self.shared.state.lock().unwrap();
        let first = state.first_account(&self.shared.config);
        state.apply_seed(seed, &first)
    }

    /// Forgets the journal only.
    pub fn clear_journal(&self) {
        self.shared.state.lock().unwrap().journal.clear();
    }

    /// Forgets Powerpacks (re-seeding), faults and the journal.
    pub fn reset(&self) {
        self.shared.reset();
    }

    /// Serves until Ctrl-C or SIGTERM (for the binary).
    pub fn wait_for_shutdown_signal(self) {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("signal runtime");
        rt.block_on(async {
            #[cfg(unix)]
            {
                let mut term =
                    tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            #[cfg(not(unix))]
            let _ = tokio::signal::ctrl_c().await;
        });
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}
