//! Client settings as one record. Every field is optional and `None` means the core's default,
//! so the defaults have one source (`plivo_powerpack::client::DEFAULT_*`,
//! `RetryPolicy::default()`) and cannot drift from what a binding shows.

use std::time::Duration;

use plivo_powerpack::{Client, ClientBuilder, TrustStore};

use crate::error::PowerpackError;

/// Client settings; every field defaults to the core's value.
#[derive(Debug, Clone, Default, PartialEq, uniffi::Record)]
pub struct ClientConfig {
    /// Default `https://api.plivo.com`, or `PLIVO_BASE_URL` for `from_env`.
    /// `http://` is accepted only for loopback hosts.
    #[uniffi(default = None)]
    pub base_url: Option<String>,
    /// Time to open a connection (default 5 s).
    #[uniffi(default = None)]
    pub connect_timeout: Option<Duration>,
    /// Time for one attempt (default 30 s).
    #[uniffi(default = None)]
    pub attempt_timeout: Option<Duration>,
    /// Time for a whole call with its retries (default 60 s).
    #[uniffi(default = None)]
    pub total_deadline: Option<Duration>,
    /// Default: 3 attempts in all, 200 ms base backoff, 5 s cap.
    #[uniffi(default = None)]
    pub retry: Option<RetryPolicy>,
    /// Appended to the User-Agent; the bindings pass their language and version.
    #[uniffi(default = None)]
    pub user_agent_suffix: Option<String>,
    /// An HTTP(S) proxy URL for every request.
    #[uniffi(default = None)]
    pub proxy: Option<String>,
    /// Accept auth_ids that are not `MA…`/`SA…` of 20 characters.
    #[uniffi(default = false)]
    pub skip_auth_id_check: bool,
    /// Certificate authorities to trust besides the trust store, each a PEM text (one or more
    /// certificates): a private CA, a TLS-inspecting proxy's, a test server's.
    #[uniffi(default = [])]
    pub root_certificates_pem: Vec<String>,
    /// Which roots to trust (default: the bundled Mozilla roots).
    #[uniffi(default = None)]
    pub trust_store: Option<TrustStore>,
}

/// How failed calls are retried; every field defaults to the core's value.
/// `max_attempts` counts every attempt, the first included (1 disables retries).
#[derive(Debug, Clone, Default, PartialEq, Eq, uniffi::Record)]
pub struct RetryPolicy {
    /// Default 3.
    #[uniffi(default = None)]
    pub max_attempts: Option<i32>,
    /// The backoff before the first retry, before jitter (default 200 ms).
    #[uniffi(default = None)]
    pub base_delay: Option<Duration>,
    /// The longest backoff, before jitter (default 5 s).
    #[uniffi(default = None)]
    pub max_delay: Option<Duration>,
}

impl RetryPolicy {
    fn to_core(&self) -> Result<plivo_powerpack::RetryPolicy, PowerpackError> {
        let max_attempts = self.max_attempts.map(|n| crate::non_negative("retry.max_attempts", n)).transpose()?;
        Ok(plivo_powerpack::RetryPolicy::default().with(max_attempts, self.base_delay, self.max_delay))
    }
}

impl ClientConfig {
    /// Applies the settings that were given to `builder` and builds: the core validates them.
    pub(crate) fn build(self, b: ClientBuilder) -> Result<Client, PowerpackError> {
        Ok(self.apply(b)?.build()?)
    }

    /// `builder` with every setting that was given.
    fn apply(self, b: ClientBuilder) -> Result<ClientBuilder, PowerpackError> {
        let settings = plivo_powerpack::settings::Settings {
            base_url: self.base_url,
            connect_timeout: self.connect_timeout,
            attempt_timeout: self.attempt_timeout,
            total_deadline: self.total_deadline,
            retry: self.retry.as_ref().map(RetryPolicy::to_core).transpose()?,
            user_agent_suffix: self.user_agent_suffix,
            proxy: self.proxy,
            skip_auth_id_check: self.skip_auth_id_check,
            root_certificates_pem: self.root_certificates_pem,
            trust_store: self.trust_store,
        };
        Ok(settings.apply(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "MAXXXXXXXXXXXXXXXXXX";

    #[test]
    fn an_empty_config_is_the_cores_defaults() {
        assert_eq!(ClientConfig::default().apply(ClientBuilder::new(ID, "t")).unwrap(), ClientBuilder::new(ID, "t"));
        assert_eq!(RetryPolicy::default().to_core().unwrap(), plivo_powerpack::RetryPolicy::default());
    }

    /// Every setting, compared as a whole builder (not as Debug text, which shows only some).
    #[test]
    fn every_given_setting_reaches_the_core() {
        let config = ClientConfig {
            base_url: Some("http://127.0.0.1:9".into()),
            connect_timeout: Some(Duration::from_millis(700)),
            attempt_timeout: Some(Duration::from_millis(1500)),
            total_deadline: Some(Duration::from_secs(9)),
            retry: Some(RetryPolicy {
                max_attempts: Some(5),
                base_delay: Some(Duration::from_millis(10)),
                max_delay: Some(Duration::from_millis(40)),
            }),
            user_agent_suffix: Some("python/3.11".into()),
            proxy: Some("http://127.0.0.1:3128".into()),
            skip_auth_id_check: true,
            root_certificates_pem: vec!["PEM".into()],
            trust_store: Some(plivo_powerpack::TrustStore::System),
        };
        let expected = ClientBuilder::new(ID, "t")
            .base_url("http://127.0.0.1:9")
            .connect_timeout(Duration::from_millis(700))
            .attempt_timeout(Duration::from_millis(1500))
            .total_deadline(Duration::from_secs(9))
            .retry_policy(plivo_powerpack::RetryPolicy {
                max_attempts: 5,
                base_delay: Duration::from_millis(10),
                max_delay: Duration::from_millis(40),
            })
            .user_agent_suffix("python/3.11")
            .proxy("http://127.0.0.1:3128")
            .skip_auth_id_check()
            .root_certificate_pem("PEM")
            .trust_store(plivo_powerpack::TrustStore::System);
        assert_eq!(config.apply(ClientBuilder::new(ID, "t")).unwrap(), expected);
    }

    #[test]
    fn bad_settings_are_validation_errors_naming_the_field() {
        let zero = ClientConfig { attempt_timeout: Some(Duration::ZERO), ..ClientConfig::default() };
        let negative = ClientConfig {
            retry: Some(RetryPolicy { max_attempts: Some(-1), ..RetryPolicy::default() }),
            ..ClientConfig::default()
        };
        for (config, field) in [(zero, "attempt_timeout"), (negative, "retry.max_attempts")] {
            match config.build(ClientBuilder::new(ID, "t")) {
                Err(PowerpackError::Validation { field: f, .. }) => assert_eq!(f, field),
                other => panic!("{field}: {other:?}"),
            }
        }
    }
}
