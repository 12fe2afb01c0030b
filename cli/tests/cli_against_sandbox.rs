//! Drives the `plivo-powerpack` binary against the sandbox: output, stderr
//! and exit codes.

mod common;

use std::process::Command;

use powerpack_sandbox::{Config, Fault, FaultRule, Sandbox, DEFAULT_AUTH_ID};
use serde_json::Value;

use common::{cli, stderr, stdout_json};

fn sandbox() -> Sandbox {
    Sandbox::start(Config { rate_limit: None, ..Default::default() }).unwrap()
}

#[test]
fn the_seed_flow_from_the_terminal() {
    let sb = sandbox();
    let created = stdout_json(&cli(&sb, &["create", "demo", "--json"]));
    let uuid = created["uuid"].as_str().unwrap();

    let updated = stdout_json(&cli(
        &sb,
        &[
            "update",
            uuid,
            "--name",
            "renamed",
            "--sticky-sender",
            "false",
            "--local-connect",
            "false",
            "--xml-app",
            "20342783288007824",
            "--json",
        ],
    ));
    assert_eq!(updated["name"], "renamed");
    assert_eq!(updated["sticky_sender"], false);
    assert_eq!(updated["local_connect"], false);
    assert_eq!(updated["application_type"], "XML");
    let sent: Value = serde_json::from_str(&sb.journal().last().unwrap().body).unwrap();
    assert_eq!(
        sent,
        serde_json::json!({"name": "renamed", "sticky_sender": false, "local_connect": false,
                            "application_type": "xml", "application_id": "20342783288007824"})
    );
    let ua = sb.journal().last().unwrap().headers.iter().find(|(k, _)| k == "user-agent").unwrap().1.clone();
    assert!(ua.contains("cli/"), "{ua}");

    let table = cli(&sb, &["get", uuid]);
    assert!(table.status.success());
    let text = String::from_utf8(table.stdout).unwrap();
    assert!(text.contains("name              renamed"), "{text}");
    assert!(text.contains("application       XML 20342783288007824"), "{text}");

    let detached = stdout_json(&cli(&sb, &["update", uuid, "--detach-app", "--json"]));
    assert_eq!(detached["application_id"], Value::Null);
}

#[test]
fn list_walks_every_page_or_shows_one() {
    let sb = sandbox();
    for i in 0..22 {
        assert!(cli(&sb, &["create", &format!("p{i:02}")]).status.success());
    }
    assert_eq!(stdout_json(&cli(&sb, &["list", "--json"])).as_array().unwrap().len(), 22);
    let page = stdout_json(&cli(&sb, &["list", "--limit", "5", "--offset", "20", "--json"]));
    assert_eq!(page.as_array().unwrap().len(), 2);
    let table = String::from_utf8(cli(&sb, &["list"]).stdout).unwrap();
    assert!(table.starts_with("UUID"), "{table}");
    assert!(table.trim_end().ends_with("(22 Powerpacks)"), "{table}");
}

#[test]
fn delete_sends_unrent_numbers_only_when_asked() {
    let sb = sandbox();
    let uuid = stdout_json(&cli(&sb, &["create", "gone", "--json"]))["uuid"].as_str().unwrap().to_owned();
    let out = cli(&sb, &["delete", &uuid, "--unrent-numbers"]);
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().trim(), format!("deleted {uuid}"));
    assert_eq!(sb.journal().last().unwrap().body, r#"{"unrent_numbers":true}"#);
}

#[test]
fn each_kind_of_failure_has_its_exit_code_and_one_stderr_line() {
    let sb = sandbox();
    // Validation: nothing is sent.
    let out = cli(&sb, &["update", "some-uuid"]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).starts_with("error: invalid update: nothing to update"), "{}", stderr(&out));
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(sb.journal().is_empty());

    let out = cli(&sb, &["get", "missing"]);
    assert_eq!(out.status.code(), Some(5));
    assert!(stderr(&out).contains("not found (HTTP 404)") && stderr(&out).contains("api_id"), "{}", stderr(&out));

    let out = Command::new(env!("CARGO_BIN_EXE_plivo-powerpack"))
        .args(["get", "x", "--base-url", sb.base_url(), "--auth-id", DEFAULT_AUTH_ID, "--auth-token", "wrong"])
        .env_remove("PLIVO_AUTH_ID")
        .env_remove("PLIVO_AUTH_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(!stderr(&out).contains("wrong"), "the token is never printed");

    let path = format!("/v1/Account/{DEFAULT_AUTH_ID}/Powerpack/x/");
    let rule = |fault| FaultRule { method: Some("GET".into()), path: Some(path.clone()), count: 3, fault };
    sb.push_fault(rule(Fault::Status {
        status: 429,
        retry_after_secs: Some(0),
        retry_after_date: None,
        message: None,
    }));
    assert_eq!(cli(&sb, &["get", "x"]).status.code(), Some(6));
    sb.push_fault(rule(Fault::Status {
        status: 503,
        retry_after_secs: Some(0),
        retry_after_date: None,
        message: None,
    }));
    assert_eq!(cli(&sb, &["get", "x"]).status.code(), Some(7));
    sb.push_fault(rule(Fault::Reset));
    assert_eq!(cli(&sb, &["get", "x"]).status.code(), Some(8));
    sb.push_fault(FaultRule { count: 1, ..rule(Fault::MalformedJson) });
    assert_eq!(cli(&sb, &["get", "x"]).status.code(), Some(10));

    assert!(cli(&sb, &["create", "dup"]).status.success());
    let out = cli(&sb, &["create", "dup"]);
    assert_eq!(out.status.code(), Some(9));

    let out = cli(&sb, &["update", "x", "--xml-app", "1", "--detach-app"]);
    assert_eq!(out.status.code(), Some(2), "conflicting flags are a usage error");
}

#[test]
fn clear_text_to_a_remote_host_is_refused() {
    let out = Command::new(env!("CARGO_BIN_EXE_plivo-powerpack"))
        .args(["get", "x", "--base-url", "http://api.plivo.com", "--auth-id", DEFAULT_AUTH_ID, "--auth-token", "t"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("invalid base_url"), "{}", stderr(&out));
}

#[test]
fn over_https_the_sandbox_ca_is_trusted_with_ca_cert_and_only_then() {
    let identity = powerpack_sandbox::TlsIdentity::generate(&["127.0.0.1".to_owned()]).unwrap();
    let ca = std::env::temp_dir().join(format!("plivo-cli-ca-{}.pem", std::process::id()));
    std::fs::write(&ca, identity.ca_pem.clone().unwrap()).unwrap();
    let sb = Sandbox::start(Config { rate_limit: None, tls: Some(identity), ..Default::default() }).unwrap();
    assert!(sb.base_url().starts_with("https://"));

    let refused = cli(&sb, &["list"]);
    assert_eq!(refused.status.code(), Some(8), "TLS failures share the network exit code");
    assert!(stderr(&refused).starts_with("error: TLS error: the TLS handshake failed"), "{}", stderr(&refused));
    assert!(sb.journal().is_empty());

    let created = stdout_json(&cli(&sb, &["create", "over tls", "--json", "--ca-cert", ca.to_str().unwrap()]));
    assert_eq!(created["name"], "over tls");
    // PLIVO_CA_BUNDLE does the same, for every client made from the environment.
    let listed = Command::new(env!("CARGO_BIN_EXE_plivo-powerpack"))
        .args(["list", "--json"])
        .env("PLIVO_AUTH_ID", DEFAULT_AUTH_ID)
        .env("PLIVO_AUTH_TOKEN", powerpack_sandbox::DEFAULT_AUTH_TOKEN)
        .env("PLIVO_BASE_URL", sb.base_url())
        .env("PLIVO_CA_BUNDLE", &ca)
        .output()
        .unwrap();
    assert_eq!(stdout_json(&listed).as_array().unwrap().len(), 1);
    std::fs::remove_file(&ca).unwrap();
}
