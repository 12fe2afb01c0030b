//! What the suites against the sandbox share: a sandbox without rate limit, a client with
//! fast retries, and readers of journal entries.

#![allow(dead_code)] // each test crate uses its own subset

use std::time::Duration;

use plivo_powerpack::{Client, RetryPolicy};
use powerpack_sandbox::{Config, Entry, Sandbox, DEFAULT_AUTH_ID as ID, DEFAULT_AUTH_TOKEN as TOKEN};
use serde_json::Value;

pub fn sandbox() -> Sandbox {
    Sandbox::start(Config { rate_limit: None, ..Default::default() }).unwrap()
}

/// A client with fast retries so that retry tests take milliseconds.
pub fn client(sb: &Sandbox) -> Client {
    Client::builder(ID, TOKEN)
        .base_url(sb.base_url())
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(50),
        })
        .attempt_timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

pub fn header<'a>(e: &'a Entry, name: &str) -> Option<&'a str> {
    e.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

pub fn body_of(e: &Entry) -> Value {
    serde_json::from_str(&e.body).unwrap()
}
