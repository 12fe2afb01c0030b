//! HTTPS end to end: the client against the sandbox serving TLS with a CA made at start. An
//! untrusted certificate fails at once with `Tls` (never retried as if transient); the CA added
//! with `root_certificate_pem` makes the same call succeed; a certificate for another name fails.

mod common;

use std::time::{Duration, Instant};

use plivo_powerpack::{Client, CreatePowerpack, PowerpackError, RetryPolicy, TrustStore};
use powerpack_sandbox::{Config, Sandbox, TlsIdentity, DEFAULT_AUTH_ID as ID, DEFAULT_AUTH_TOKEN as TOKEN};

use common::header;

fn tls_sandbox(names: &[&str]) -> (Sandbox, String) {
    let identity = TlsIdentity::generate(&names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    let ca = identity.ca_pem.clone().unwrap();
    let sb = Sandbox::start(Config { rate_limit: None, tls: Some(identity), ..Default::default() }).unwrap();
    assert!(sb.base_url().starts_with("https://127.0.0.1:"), "{}", sb.base_url());
    (sb, ca)
}

/// Slow retries: a retried TLS failure would take at least 10 s.
fn builder(sb: &Sandbox) -> plivo_powerpack::ClientBuilder {
    Client::builder(ID, TOKEN)
        .base_url(sb.base_url())
        .retry_policy(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(10_000),
            max_delay: Duration::from_millis(10_000),
        })
        .total_deadline(Duration::from_secs(60))
}

#[tokio::test]
async fn with_the_sandbox_ca_the_call_succeeds_over_https() {
    let (sb, ca) = tls_sandbox(&["127.0.0.1", "localhost"]);
    let c = builder(&sb).root_certificate_pem(ca).build().unwrap();
    let created = c.create_powerpack(&CreatePowerpack::new("over tls")).await.unwrap();
    assert_eq!(c.get_powerpack(&created.uuid).await.unwrap().name, "over tls");
    let journal = sb.journal();
    assert_eq!(journal.len(), 2);
    assert_eq!(header(&journal[0], "authorization"), Some(format!("Basic {ID}:***").as_str()));
}

#[tokio::test]
async fn localhost_is_a_name_of_the_certificate_too() {
    let (sb, ca) = tls_sandbox(&["127.0.0.1", "localhost"]);
    let url = sb.base_url().replace("127.0.0.1", "localhost");
    let c = Client::builder(ID, TOKEN).base_url(url).root_certificate_pem(ca).build().unwrap();
    assert!(c.list_powerpacks(20, 0).await.unwrap().powerpacks.is_empty());
}

#[tokio::test]
async fn an_unknown_issuer_fails_at_once_with_a_tls_error() {
    let (sb, _) = tls_sandbox(&["127.0.0.1", "localhost"]);
    for store in [TrustStore::Bundled, TrustStore::System] {
        let c = builder(&sb).trust_store(store).build().unwrap();
        let started = Instant::now();
        let e = c.get_powerpack("u").await.unwrap_err();
        // Wall time is the point: a retry would have waited 10 s first.
        assert!(started.elapsed() < Duration::from_secs(5), "not retried ({store:?}): {:?}", started.elapsed());
        match &e {
            PowerpackError::Tls { reason, .. } => {
                assert!(reason.contains("UnknownIssuer"), "{reason}");
                assert!(reason.contains("with root_certificate_pem"), "{reason}");
            }
            other => panic!("{other:?}"),
        }
        assert!(e.is_tls() && !e.is_network());
    }
    assert!(sb.journal().is_empty(), "no request got past the handshake");
}

#[tokio::test]
async fn a_certificate_for_another_name_fails() {
    let (sb, ca) = tls_sandbox(&["api.example.test"]);
    let c = builder(&sb).root_certificate_pem(ca).build().unwrap();
    match c.get_powerpack("u").await.unwrap_err() {
        PowerpackError::Tls { reason, .. } => {
            assert!(reason.contains("not valid for name \"127.0.0.1\""), "{reason}");
            assert!(reason.contains("check base_url"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    assert!(sb.journal().is_empty());
}

#[test]
fn a_root_certificate_that_is_not_pem_is_refused_when_building() {
    for bad in ["", "not a certificate", "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"] {
        match Client::builder(ID, TOKEN).root_certificate_pem(bad).build().unwrap_err() {
            PowerpackError::Validation { field, .. } => assert_eq!(field, "root_certificates_pem[0]", "{bad:?}"),
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}
