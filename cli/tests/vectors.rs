//! The conformance vectors of `tests/vectors/` through the `plivo-powerpack` command: each
//! operation as its command line, `--json` output compared with the neutral form, errors by exit
//! code and message. Vectors the command line cannot express are listed in `skip_reason`. The
//! counts go to `target/vectors/cli.json`. Run by `make test-cli-vectors` (and `cargo test`).

use std::process::Command;

use powerpack_sandbox::{Config, Fault, FaultRule, Sandbox};
use serde_json::{json, Value};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/..");

/// Why the command line cannot express a vector, if it cannot.
fn skip_reason(v: &Value) -> Option<&'static str> {
    let args = &v["args"];
    let fields = args.get("changes").or_else(|| args.get("powerpack"));
    if fields.is_some_and(|f| f.get("number_priority").is_some()) {
        return Some("the command line has no number-priority options");
    }
    None
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Whether the command's `--json` output (first) is the vector's neutral result (second).
type Compare = fn(&Value, &Value) -> bool;

/// The command line of a vector, and how its `--json` output maps to the neutral result.
fn command_line(v: &Value) -> (Vec<String>, Compare) {
    let a = &v["args"];
    let mut argv: Vec<String> = Vec::new();
    let push = |argv: &mut Vec<String>, items: &[&str]| argv.extend(items.iter().map(|s| s.to_string()));
    let fields = |argv: &mut Vec<String>, f: &Value| {
        for key in ["sticky_sender", "local_connect"] {
            if let Some(b) = f.get(key) {
                argv.push(format!("--{}={}", key.replace('_', "-"), b));
            }
        }
        if let Some(app) = f.get("application") {
            match app["type"].as_str().unwrap() {
                "xml" => argv.extend(["--xml-app".to_owned(), s(&app["id"])]),
                "phlo" => argv.extend(["--phlo".to_owned(), s(&app["id"])]),
                _ => argv.push("--detach-app".to_owned()),
            }
        }
    };
    let page = |argv: &mut Vec<String>| {
        argv.extend(["--limit".to_owned(), a.get("limit").map_or("20".into(), s)]);
        argv.extend(["--offset".to_owned(), a.get("offset").map_or("0".into(), s)]);
    };
    let pool = |argv: &mut Vec<String>| argv.extend(["--pool".to_owned(), s(&a["pool_uuid"])]);
    let same: Compare = |got, want| got == want;
    let items = |key: &'static str| -> Compare {
        match key {
            "powerpacks" => |got, want| got == &want["powerpacks"],
            "numbers" => |got, want| got == &want["numbers"],
            _ => |got, want| got == &want["shortcodes"],
        }
    };
    let deleted: Compare = |got, want| got["api_id"] == want["api_id"] && got["response"] == want["response"];
    let op = v["operation"].as_str().unwrap();
    let compare = match op {
        "get_powerpack" => {
            push(&mut argv, &["get", &s(&a["uuid"])]);
            same
        }
        "update_powerpack" => {
            push(&mut argv, &["update", &s(&a["uuid"])]);
            if let Some(name) = a["changes"].get("name") {
                push(&mut argv, &["--name", &s(name)]);
            }
            fields(&mut argv, &a["changes"]);
            same
        }
        "create_powerpack" => {
            push(&mut argv, &["create", &s(&a["powerpack"]["name"])]);
            fields(&mut argv, &a["powerpack"]);
            same
        }
        "list_powerpacks" => {
            argv.push("list".into());
            page(&mut argv);
            items("powerpacks")
        }
        "list_all_powerpacks" => {
            argv.push("list".into());
            same
        }
        "delete_powerpack" => {
            push(&mut argv, &["delete", &s(&a["uuid"])]);
            if a.get("unrent_numbers") == Some(&json!(true)) {
                argv.push("--unrent-numbers".into());
            }
            deleted
        }
        _ => {
            let (group, verb) = match op {
                "list_numbers" | "list_all_numbers" => ("numbers", "list"),
                "get_number" => ("numbers", "get"),
                "add_number" | "buy_and_add_number" => ("numbers", "add"),
                "remove_number" => ("numbers", "remove"),
                "list_shortcodes" | "list_all_shortcodes" => ("shortcodes", "list"),
                "get_shortcode" => ("shortcodes", "get"),
                "remove_shortcode" => ("shortcodes", "remove"),
                "list_tollfree" | "list_all_tollfree" => ("tollfree", "list"),
                "get_tollfree" => ("tollfree", "get"),
                "add_tollfree" => ("tollfree", "add"),
                "remove_tollfree" => ("tollfree", "remove"),
                other => panic!("no command for {other}"),
            };
            push(&mut argv, &[group, verb]);
            for key in ["number", "shortcode"] {
                if let Some(item) = a.get(key) {
                    argv.push(s(item));
                }
            }
            pool(&mut argv);
            if let Some(f) = a.get("filter") {
                if let Some(p) = f.get("starts_with") {
                    let prefixes: Vec<String> = p.as_array().unwrap().iter().map(s).collect();
                    argv.extend(["--starts-with".to_owned(), prefixes.join(",")]);
                }
                for (key, flag) in [("country_iso2", "--country"), ("number_type", "--type"), ("service", "--service")]
                {
                    if let Some(value) = f.get(key) {
                        argv.extend([flag.to_owned(), s(value)]);
                    }
                }
            }
            if let Some(service) = a.get("service") {
                argv.extend(["--service".to_owned(), s(service)]);
            }
            if op == "buy_and_add_number" {
                argv.push("--buy".into());
            }
            if a.get("unrent") == Some(&json!(true)) {
                argv.push("--unrent".into());
            }
            match op {
                "list_numbers" | "list_tollfree" => {
                    page(&mut argv);
                    items("numbers")
                }
                "list_shortcodes" => {
                    page(&mut argv);
                    items("shortcodes")
                }
                "remove_number" | "remove_shortcode" | "remove_tollfree" => deleted,
                _ => same,
            }
        }
    };
    argv.push("--json".into());
    (argv, compare)
}

/// The kinds each exit code stands for (`plivo-powerpack --help`).
fn kinds_of(code: i32) -> &'static [&'static str] {
    match code {
        3 => &["validation"],
        4 => &["authentication", "forbidden"],
        5 => &["not_found"],
        6 => &["rate_limited"],
        7 => &["server"],
        8 => &["network", "tls", "timeout"],
        9 => &["invalid_request"],
        10 => &["decode"],
        11 => &["internal"],
        _ => &[],
    }
}

#[test]
fn every_conformance_vector_through_the_command_line() {
    let sb = Sandbox::start(Config { rate_limit: None, ..Default::default() }).unwrap();
    let (mut passed, mut failed, mut skips) = (0, Vec::new(), Vec::new());
    for kind in ["requests", "responses", "retries", "validation"] {
        let file: Value =
            serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/tests/vectors/{kind}.json")).unwrap())
                .unwrap();
        for v in file["vectors"].as_array().unwrap() {
            if let Some(why) = skip_reason(v) {
                skips.push(json!({"name": v["name"], "why": why}));
                continue;
            }
            sb.reset();
            for answer in v["answers"].as_array().unwrap() {
                let body = match answer.get("body_fixture").and_then(Value::as_str) {
                    Some(p) => std::fs::read_to_string(format!("{ROOT}/tests/fixtures/official-sdks/{p}")).unwrap(),
                    None => answer["body"].as_str().unwrap_or_default().to_owned(),
                };
                let headers = answer["headers"].as_array().unwrap().iter();
                let headers = headers.map(|h| (s(&h[0]), s(&h[1]))).collect();
                let fault = Fault::Answer { status: answer["status"].as_u64().unwrap() as u16, headers, body };
                sb.push_fault(FaultRule { method: None, path: None, count: 1, fault });
            }
            let (argv, compare) = command_line(v);
            let out = Command::new(env!("CARGO_BIN_EXE_plivo-powerpack"))
                .args(&argv)
                .env("PLIVO_AUTH_ID", s(&file["client"]["auth_id"]))
                .env("PLIVO_AUTH_TOKEN", s(&file["client"]["auth_token"]))
                .env("PLIVO_BASE_URL", sb.base_url())
                .output()
                .unwrap();
            let expect = &v["expect"];
            let mut problems = Vec::new();
            let journal = sb.journal();
            if journal.len() as u64 != expect["attempts"].as_u64().unwrap() {
                problems.push(format!("{} requests, expected {}", journal.len(), expect["attempts"]));
            }
            let prefix = file["every_request"]["path_prefix"].as_str().unwrap();
            for (want, got) in expect.get("requests").and_then(Value::as_array).into_iter().flatten().zip(&journal) {
                let body = (!got.body.is_empty()).then(|| got.body.clone());
                let seen = json!({"method": got.method, "path": got.path.strip_prefix(prefix), "query": got.query, "body": body});
                let wanted = json!({"method": want["method"], "path": want["path"], "query": want["query"], "body": want["body"]});
                if seen != wanted {
                    problems.push(format!("sent {seen}, expected {wanted}"));
                }
            }
            let stderr = String::from_utf8_lossy(&out.stderr);
            match (expect.get("result"), expect.get("error")) {
                (Some(want), _) => match serde_json::from_slice::<Value>(&out.stdout) {
                    Ok(got) if out.status.success() && compare(&got, want) => {}
                    other => problems.push(format!("output {other:?}, stderr {stderr}, expected {want}")),
                },
                (None, Some(want)) => {
                    let code = out.status.code().unwrap_or(-1);
                    if !kinds_of(code).contains(&want["kind"].as_str().unwrap()) {
                        problems.push(format!("exit {code} ({stderr}), expected {}", want["kind"]));
                    }
                    for key in ["reason", "api_id", "field"] {
                        if let Some(text) = want.get(key).and_then(Value::as_str) {
                            if !stderr.contains(text) {
                                problems.push(format!("stderr {stderr:?} does not say {key} {text:?}"));
                            }
                        }
                    }
                }
                _ => problems.push("a vector without result or error".into()),
            }
            if problems.is_empty() {
                passed += 1;
            } else {
                failed.push(format!("{kind}: {} ({}): {}", v["name"], argv.join(" "), problems.join("; ")));
            }
        }
    }
    let summary =
        json!({"language": "cli", "passed": passed, "failed": failed.len(), "skipped": skips.len(), "skips": skips});
    std::fs::create_dir_all(format!("{ROOT}/target/vectors")).unwrap();
    std::fs::write(format!("{ROOT}/target/vectors/cli.json"), summary.to_string()).unwrap();
    println!("conformance vectors (cli): {passed} passed, {} failed, {} skipped", failed.len(), skips.len());
    assert!(failed.is_empty(), "{} failed:\n{}", failed.len(), failed.join("\n"));
}
