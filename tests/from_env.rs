//! `Client::from_env` reads its credentials and the base URL from the environment. In a test
//! binary of its own: the environment is process-wide, and no other test here reads it.

use plivo_powerpack::{blocking, Client, PowerpackError};
use powerpack_sandbox::{Config, Sandbox, DEFAULT_AUTH_ID as ID, DEFAULT_AUTH_TOKEN as TOKEN};

fn field_of(e: PowerpackError) -> String {
    match e {
        PowerpackError::Validation { field, .. } => field,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn from_env_reads_the_credentials_and_plivo_base_url() {
    let sb = Sandbox::start(Config { rate_limit: None, ..Default::default() }).unwrap();
    std::env::set_var("PLIVO_AUTH_ID", ID);
    std::env::set_var("PLIVO_AUTH_TOKEN", TOKEN);

    // Without PLIVO_BASE_URL: the real API, https.
    std::env::remove_var("PLIVO_BASE_URL");
    assert!(format!("{:?}", Client::from_env().unwrap()).contains("https://api.plivo.com/v1/Account/"));

    // With it: the sandbox, and the request arrives there.
    std::env::set_var("PLIVO_BASE_URL", sb.base_url());
    let client = blocking::Client::from_env().unwrap();
    assert_eq!(client.list_powerpacks(20, 0).unwrap().meta.total_count, 0);
    assert_eq!(sb.journal().len(), 1);

    // An empty value counts as unset; a bad one is refused like any base URL.
    std::env::set_var("PLIVO_BASE_URL", "");
    assert!(format!("{:?}", Client::from_env().unwrap()).contains("https://api.plivo.com"));
    std::env::set_var("PLIVO_BASE_URL", "http://example.com");
    assert_eq!(field_of(Client::from_env().unwrap_err()), "base_url");

    // A base URL set in code wins over the environment.
    let client = Client::builder_from_env().unwrap().base_url(sb.base_url()).build().unwrap();
    assert!(format!("{client:?}").contains(sb.base_url()));

    std::env::remove_var("PLIVO_AUTH_TOKEN");
    assert_eq!(field_of(Client::from_env().unwrap_err()), "PLIVO_AUTH_TOKEN");
}
