//! The conformance vectors of `tests/vectors/` against the Rust core: every operation through
//! the one request path (`Client::send` / `send_all`, expanded from the operation table), the
//! answers scripted in the sandbox, the requests read back from its journal. Every language's
//! suite runs the same files; the counts go to `target/vectors/rust.json` for `make test`'s
//! table.

use std::time::Duration;

use plivo_powerpack::operation as ops;
use plivo_powerpack::{Client, PowerpackError, RetryPolicy};
use powerpack_sandbox::{Config, Fault, FaultRule, Sandbox};
use serde_json::{json, Value};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

macro_rules! dispatch {
    (single { $($o:ident $name:ident: $op:ident,)* } paged { $($po:ident $pname:ident: $pop:ident,)* }) => {
        /// Runs the named operation with its neutral arguments: the neutral result or the error.
        async fn run(client: &Client, name: &str, args: Value) -> Result<Value, PowerpackError> {
            match name {
                $( stringify!($name) => {
                    let op: ops::$op = serde_json::from_value(args).map_err(argument_error)?;
                    Ok(serde_json::to_value(client.send(&op).await?).unwrap())
                } )*
                $( stringify!($pname) => {
                    let op: ops::$pop = serde_json::from_value(args).map_err(argument_error)?;
                    Ok(serde_json::to_value(client.send_all(&op).await?).unwrap())
                } )*
                other => panic!("no operation {other}"),
            }
        }
    };
}
plivo_powerpack::for_each_operation!(dispatch);

fn argument_error(e: serde_json::Error) -> PowerpackError {
    PowerpackError::Validation { field: "args".into(), reason: e.to_string() }
}

fn load(kind: &str) -> Value {
    let text = std::fs::read_to_string(format!("{ROOT}/tests/vectors/{kind}.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn answer_fault(answer: &Value) -> FaultRule {
    let body = match answer.get("body_fixture").and_then(Value::as_str) {
        Some(path) => std::fs::read_to_string(format!("{ROOT}/tests/fixtures/official-sdks/{path}")).unwrap(),
        None => answer["body"].as_str().unwrap_or_default().to_owned(),
    };
    let headers = answer["headers"]
        .as_array()
        .map(|hs| hs.iter().map(|h| (h[0].as_str().unwrap().to_owned(), h[1].as_str().unwrap().to_owned())).collect())
        .unwrap_or_default();
    let fault = Fault::Answer { status: answer["status"].as_u64().unwrap() as u16, headers, body };
    FaultRule { method: None, path: None, count: 1, fault }
}

/// What one vector did differently from what it expects; empty when it passed.
async fn check(sb: &Sandbox, client: &Client, file: &Value, v: &Value) -> Vec<String> {
    // Nothing left from the vector before: no journal, no queued answer it did not use.
    sb.reset();
    for answer in v["answers"].as_array().unwrap() {
        sb.push_fault(answer_fault(answer));
    }
    let outcome = run(client, v["operation"].as_str().unwrap(), v["args"].clone()).await;
    let journal = sb.journal();
    let expect = &v["expect"];
    let mut problems = Vec::new();
    let attempts = expect["attempts"].as_u64().unwrap() as usize;
    if journal.len() != attempts {
        problems.push(format!("{} requests, expected {attempts}", journal.len()));
    }
    if let Some(requests) = expect.get("requests").and_then(Value::as_array) {
        let every = &file["every_request"];
        let prefix = every["path_prefix"].as_str().unwrap();
        let ua = regex_lite(every["user_agent_pattern"].as_str().unwrap());
        for (i, (want, got)) in requests.iter().zip(&journal).enumerate() {
            let body = (!got.body.is_empty()).then(|| got.body.clone());
            let seen =
                json!({"method": got.method, "path": got.path.strip_prefix(prefix), "query": got.query, "body": body});
            let wanted =
                json!({"method": want["method"], "path": want["path"], "query": want["query"], "body": want["body"]});
            if seen != wanted {
                problems.push(format!("request {i}: sent {seen}, expected {wanted}"));
            }
            let header = |name: &str| got.headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
            let wanted_headers =
                want["headers"].as_object().unwrap().iter().chain(every["headers"].as_object().unwrap());
            for (name, value) in wanted_headers {
                if header(name) != value.as_str() {
                    problems.push(format!("request {i}: header {name} {:?}, expected {value}", header(name)));
                }
            }
            if !header("user-agent").is_some_and(&ua) {
                problems.push(format!("request {i}: user-agent {:?}", header("user-agent")));
            }
        }
    }
    match (outcome, expect.get("result"), expect.get("error")) {
        (Ok(got), Some(want), None) if &got == want => {}
        (Err(e), None, Some(want)) => {
            let got = serde_json::to_value(e.into_parts()).unwrap();
            for (key, value) in want.as_object().unwrap() {
                if &got[key] != value {
                    problems.push(format!("error {key}: {} , expected {value}", got[key]));
                }
            }
        }
        (got, result, error) => problems.push(format!("got {got:?}, expected result {result:?} / error {error:?}")),
    }
    problems
}

/// The one pattern the vectors use, `^plivo-powerpack/[0-9][^ ]* \(Rust\)( .+)?$`, checked by
/// hand: no regex crate in the core's dev-dependencies for one line.
fn regex_lite(pattern: &str) -> impl Fn(&str) -> bool {
    assert_eq!(pattern, r"^plivo-powerpack/[0-9][^ ]* \(Rust\)( .+)?$", "update the runner's matcher");
    |ua: &str| {
        let Some(rest) = ua.strip_prefix("plivo-powerpack/") else { return false };
        let (version, rest) = rest.split_once(' ').unwrap_or((rest, ""));
        version.starts_with(|c: char| c.is_ascii_digit())
            && rest
                .strip_prefix("(Rust)")
                .is_some_and(|tail| tail.is_empty() || tail.starts_with(' ') && tail.len() > 1)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_conformance_vector() {
    let sb = Sandbox::start(Config { rate_limit: None, ..Default::default() }).unwrap();
    let (mut passed, mut failed) = (0, Vec::new());
    for kind in ["requests", "responses", "retries", "validation"] {
        let file = load(kind);
        let c = &file["client"];
        let retry = &c["retry"];
        let client = Client::builder(c["auth_id"].as_str().unwrap(), c["auth_token"].as_str().unwrap())
            .base_url(sb.base_url())
            .retry_policy(RetryPolicy {
                max_attempts: retry["max_attempts"].as_u64().unwrap() as u32,
                base_delay: Duration::from_millis(retry["base_delay_ms"].as_u64().unwrap()),
                max_delay: Duration::from_millis(retry["max_delay_ms"].as_u64().unwrap()),
            })
            .build()
            .unwrap();
        for v in file["vectors"].as_array().unwrap() {
            let problems = check(&sb, &client, &file, v).await;
            if problems.is_empty() {
                passed += 1;
            } else {
                failed.push(format!("{kind}: {}: {}", v["name"], problems.join("; ")));
            }
        }
    }
    let dir = format!("{ROOT}/target/vectors");
    std::fs::create_dir_all(&dir).unwrap();
    let summary = json!({"language": "rust", "passed": passed, "failed": failed.len(), "skipped": 0, "skips": []});
    std::fs::write(format!("{dir}/rust.json"), summary.to_string()).unwrap();
    println!("conformance vectors (rust): {passed} passed, {} failed, 0 skipped", failed.len());
    assert!(failed.is_empty(), "{} failed:\n{}", failed.len(), failed.join("\n"));
    assert!(passed >= 150, "only {passed} vectors");
}
