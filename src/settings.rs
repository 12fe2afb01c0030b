//! A client's settings as one JSON object: what the adapters that carry JSON take (the C ABI's
//! `plivo_client_new`, the Node addon). Durations are milliseconds; every key is optional but the
//! credentials (absent both, they come from `PLIVO_AUTH_ID`, `PLIVO_AUTH_TOKEN`, and
//! `PLIVO_BASE_URL` / `PLIVO_CA_BUNDLE` when set, as `from_env` does); an unknown key is refused,
//! naming it. The builder checks every value. The keys are listed in
//! [`describe`](crate::describe), and a test there holds the two together.
//!
//! No type here derives `Debug`: one holds the token.

use std::time::Duration;

use serde::Deserialize;

use crate::dispatch::field_named;
use crate::{Client, ClientBuilder, PowerpackError, RetryPolicy, TrustStore};
use serde_json::Value;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    auth_id: Option<String>,
    auth_token: Option<String>,
    base_url: Option<String>,
    connect_timeout_ms: Option<u64>,
    attempt_timeout_ms: Option<u64>,
    total_deadline_ms: Option<u64>,
    retry: Option<Retry>,
    user_agent_suffix: Option<String>,
    proxy: Option<String>,
    #[serde(default)]
    skip_auth_id_check: bool,
    #[serde(default)]
    root_certificates_pem: Vec<String>,
    trust_store: Option<Store>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Retry {
    max_attempts: Option<u32>,
    base_delay_ms: Option<u64>,
    max_delay_ms: Option<u64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Store {
    Bundled,
    System,
}

fn invalid(field: &str, reason: impl Into<String>) -> PowerpackError {
    PowerpackError::Validation { field: field.to_owned(), reason: reason.into() }
}

/// A client from its JSON settings.
pub fn client_from_json(json: &str) -> Result<Client, PowerpackError> {
    let value: Value = serde_json::from_str(json).map_err(|e| invalid("config", format!("not JSON: {e}")))?;
    // serde's messages quote the values they refuse: the token must not be one of them.
    let token = value.get("auth_token").and_then(Value::as_str).unwrap_or_default().to_owned();
    let config: Config = serde_json::from_value(value).map_err(|e| {
        let mut reason = e.to_string();
        if !token.is_empty() {
            reason = reason.replace(&token, crate::MASK);
        }
        invalid(&field_named(&reason).map_or("config".to_owned(), |f| format!("config.{f}")), reason)
    })?;
    config.into_builder()?.build()
}

impl Config {
    fn into_builder(self) -> Result<ClientBuilder, PowerpackError> {
        let b = match (self.auth_id, self.auth_token) {
            (Some(id), Some(token)) => ClientBuilder::new(id, token),
            (None, None) => Client::builder_from_env()?,
            (Some(_), None) => return Err(invalid("config.auth_token", "is required with auth_id")),
            (None, Some(_)) => return Err(invalid("config.auth_id", "is required with auth_token")),
        };
        let ms = |ms: Option<u64>| ms.map(Duration::from_millis);
        let settings = Settings {
            base_url: self.base_url,
            connect_timeout: ms(self.connect_timeout_ms),
            attempt_timeout: ms(self.attempt_timeout_ms),
            total_deadline: ms(self.total_deadline_ms),
            retry: self
                .retry
                .map(|r| RetryPolicy::default().with(r.max_attempts, ms(r.base_delay_ms), ms(r.max_delay_ms))),
            user_agent_suffix: self.user_agent_suffix,
            proxy: self.proxy,
            skip_auth_id_check: self.skip_auth_id_check,
            root_certificates_pem: self.root_certificates_pem,
            trust_store: self.trust_store.map(|store| match store {
                Store::System => TrustStore::System,
                Store::Bundled => TrustStore::Bundled,
            }),
        };
        Ok(settings.apply(b))
    }
}

/// Every client setting but the credentials, each optional (`None`: the core's default): what an
/// adapter that receives settings as data (this module's JSON, the UniFFI layer's `ClientConfig`)
/// hands the builder, so that each setting reaches it through one line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub base_url: Option<String>,
    pub connect_timeout: Option<Duration>,
    pub attempt_timeout: Option<Duration>,
    pub total_deadline: Option<Duration>,
    pub retry: Option<RetryPolicy>,
    pub user_agent_suffix: Option<String>,
    pub proxy: Option<String>,
    pub skip_auth_id_check: bool,
    pub root_certificates_pem: Vec<String>,
    pub trust_store: Option<TrustStore>,
}

impl Settings {
    /// `b` with every setting that was given; the builder checks them when it builds.
    pub fn apply(self, mut b: ClientBuilder) -> ClientBuilder {
        if let Some(url) = self.base_url {
            b = b.base_url(url);
        }
        if let Some(t) = self.connect_timeout {
            b = b.connect_timeout(t);
        }
        if let Some(t) = self.attempt_timeout {
            b = b.attempt_timeout(t);
        }
        if let Some(t) = self.total_deadline {
            b = b.total_deadline(t);
        }
        if let Some(policy) = self.retry {
            b = b.retry_policy(policy);
        }
        if let Some(suffix) = self.user_agent_suffix {
            b = b.user_agent_suffix(suffix);
        }
        if let Some(proxy) = self.proxy {
            b = b.proxy(proxy);
        }
        if self.skip_auth_id_check {
            b = b.skip_auth_id_check();
        }
        for pem in self.root_certificates_pem {
            b = b.root_certificate_pem(pem);
        }
        if let Some(store) = self.trust_store {
            b = b.trust_store(store);
        }
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "MAODZKMDFJMJU3MTEYNG";

    fn field_of(json: &str) -> String {
        match client_from_json(json) {
            Err(PowerpackError::Validation { field, .. }) => field,
            other => panic!("{json}: {other:?}"),
        }
    }

    #[test]
    fn every_setting_is_read_and_checked_by_the_core() {
        let json = format!(
            r#"{{"auth_id":"{ID}","auth_token":"t","base_url":"http://127.0.0.1:9","connect_timeout_ms":100,
                "attempt_timeout_ms":200,"total_deadline_ms":300,"retry":{{"max_attempts":2,"base_delay_ms":1,"max_delay_ms":2}},
                "user_agent_suffix":"go/1.27","trust_store":"system"}}"#
        );
        let text = format!("{:?}", client_from_json(&json).unwrap());
        assert!(text.contains("attempt_timeout: 200ms") && text.contains("total_deadline: 300ms"), "{text}");
        assert_eq!(
            field_of(&format!(r#"{{"auth_id":"{ID}","auth_token":"t","attempt_timeout_ms":0}}"#)),
            "attempt_timeout"
        );
        assert_eq!(field_of(&format!(r#"{{"auth_id":"{ID}","auth_token":"t","colour":1}}"#)), "config.colour");
        assert_eq!(field_of(&format!(r#"{{"auth_id":"{ID}"}}"#)), "config.auth_token");
        assert_eq!(field_of("not json"), "config");
    }

    #[test]
    fn a_refused_value_never_quotes_the_token() {
        let json = format!(r#"{{"auth_id":"{ID}","auth_token":"tok-secret-9","connect_timeout_ms":"tok-secret-9"}}"#);
        let e = client_from_json(&json).unwrap_err();
        assert!(!format!("{e:?}").contains("tok-secret-9"), "{e:?}");
    }
}
