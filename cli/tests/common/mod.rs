//! What the CLI suites share: running the binary against a sandbox, and reading its output.

#![allow(dead_code)] // each test crate uses its own subset

use std::process::{Command, Output};

use powerpack_sandbox::{Sandbox, DEFAULT_AUTH_ID, DEFAULT_AUTH_TOKEN};
use serde_json::Value;

/// Runs `plivo-powerpack ARGS` with the sandbox's credentials and URL in the environment.
pub fn cli(sb: &Sandbox, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_plivo-powerpack"))
        .args(args)
        .env("PLIVO_AUTH_ID", DEFAULT_AUTH_ID)
        .env("PLIVO_AUTH_TOKEN", DEFAULT_AUTH_TOKEN)
        .env("PLIVO_BASE_URL", sb.base_url())
        .output()
        .unwrap()
}

/// Stdout as JSON, after checking the command succeeded.
pub fn stdout_json(o: &Output) -> Value {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Stdout as text, after checking the command succeeded.
pub fn stdout_text(o: &Output) -> String {
    assert!(o.status.success(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
