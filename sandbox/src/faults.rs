//! Scripted failures: "for the next N requests matching this method and
//! path, misbehave like this". Deterministic, consumed in the order queued.

use serde::{Deserialize, Serialize};

/// How to misbehave.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fault {
    /// Answer with this status and Plivo's error envelope. For 429/503 a
    /// `retry_after_secs` or an HTTP-date `retry_after_date` may be added.
    Status {
        status: u16,
        #[serde(default)]
        retry_after_secs: Option<u64>,
        #[serde(default)]
        retry_after_date: Option<String>,
        #[serde(default)]
        message: Option<String>,
    },
    /// Wait this long, then handle the request normally.
    Latency { ms: u64 },
    /// A 200 whose body is not JSON.
    MalformedJson,
    /// A 502 HTML page, as a load balancer or proxy would send.
    Html502,
    /// This status with an empty body.
    EmptyBody { status: u16 },
    /// A 200 that promises a full body and closes the connection half-way.
    TruncatedBody,
    /// Close the connection without an answer.
    Reset,
    /// Never answer (for `ms`, default 120 s, then close).
    Hang {
        #[serde(default)]
        ms: Option<u64>,
    },
    /// Answer `status` (default 302) with a `Location` header, as a misconfigured proxy might.
    Redirect {
        #[serde(default = "found")]
        status: u16,
        location: String,
    },
    /// Answer `status` (default 400) with the caller's credentials, decoded (`auth_id:token`)
    /// and as the `Authorization` header value (`Basic base64(auth_id:token)`), in the error
    /// message and again in the body: a misbehaving server or proxy, for redaction tests.
    EchoCredentials {
        #[serde(default = "bad_request")]
        status: u16,
    },
    /// Handle the request normally, but claim this `meta.total_count` in a list answer, as a
    /// server that miscounts would.
    TotalCount { total: u64 },
    /// Answer exactly this: the status, these headers and this raw body, whatever the request
    /// (the scripted mode of the conformance vectors: queue one per expected request, in order;
    /// the journal still records what was sent).
    Answer {
        status: u16,
        #[serde(default)]
        headers: Vec<(String, String)>,
        #[serde(default)]
        body: String,
    },
    /// A 200 whose body is `bytes` long (JSON-ish padding, streamed, never held in memory),
    /// with a Content-Length header when `declare_length`, chunked otherwise.
    OversizedBody {
        bytes: u64,
        #[serde(default)]
        declare_length: bool,
    },
}

/// A queued fault and which requests it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FaultRule {
    /// HTTP method to match; any when absent.
    #[serde(default)]
    pub method: Option<String>,
    /// Exact path to match (no query); any when absent.
    #[serde(default)]
    pub path: Option<String>,
    /// How many matching requests it applies to (default 1).
    #[serde(default = "one")]
    pub count: u32,
    #[serde(flatten)]
    pub fault: Fault,
}

fn one() -> u32 {
    1
}

impl FaultRule {
    fn matches(&self, method: &str, path: &str) -> bool {
        self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
            && self.path.as_deref().is_none_or(|p| p == path)
    }
}

/// The queue of rules.
#[derive(Debug, Default)]
pub struct Faults {
    rules: Vec<FaultRule>,
}

impl Faults {
    pub fn push(&mut self, rule: FaultRule) {
        if rule.count > 0 {
            self.rules.push(rule);
        }
    }

    pub fn clear(&mut self) {
        self.rules.clear();
    }

    pub fn pending(&self) -> Vec<FaultRule> {
        self.rules.clone()
    }

    /// The fault for this request, if a rule matches; uses up one count.
    pub fn take(&mut self, method: &str, path: &str) -> Option<Fault> {
        let i = self.rules.iter().position(|r| r.matches(method, path))?;
        let rule = &mut self.rules[i];
        let fault = rule.fault.clone();
        rule.count -= 1;
        if rule.count == 0 {
            self.rules.remove(i);
        }
        Some(fault)
    }
}

fn found() -> u16 {
    302
}

fn bad_request() -> u16 {
    400
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_match_method_and_path_and_run_out() {
        let mut f = Faults::default();
        f.push(
            serde_json::from_str(r#"{"method":"POST","path":"/a/","count":2,"kind":"status","status":503}"#).unwrap(),
        );
        assert_eq!(f.take("GET", "/a/"), None);
        assert_eq!(f.take("POST", "/b/"), None);
        assert!(matches!(f.take("post", "/a/"), Some(Fault::Status { status: 503, .. })));
        assert!(f.take("POST", "/a/").is_some());
        assert_eq!(f.take("POST", "/a/"), None);
    }

    #[test]
    fn rules_apply_in_the_order_queued() {
        let mut f = Faults::default();
        f.push(serde_json::from_str(r#"{"kind":"reset"}"#).unwrap());
        f.push(serde_json::from_str(r#"{"kind":"html502"}"#).unwrap());
        assert_eq!(f.take("GET", "/x/"), Some(Fault::Reset));
        assert_eq!(f.take("GET", "/x/"), Some(Fault::Html502));
        assert_eq!(f.take("GET", "/x/"), None);
    }
}
