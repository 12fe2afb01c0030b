//! When to try again, as a pure function of what happened.
//!
//! [`decide`] takes the attempt number, what the attempt produced, the
//! server's `Retry-After`, whether the call may be repeated, the time left
//! before the deadline and a jitter sample, and answers stop or retry after a
//! delay. Nothing here sleeps, reads a clock or draws random numbers, so every
//! rule is pinned down by the table of tests below.

use std::time::{Duration, SystemTime};

/// How a failed call is retried.
///
/// `max_attempts` counts **every** attempt, the first one included: the
/// default of 3 means one call and at most two retries. Delays grow as
/// `base_delay * 2^(retry-1)`, capped at `max_delay`, and the actual sleep is
/// drawn uniformly from `[0, that]` ("full jitter") so that many clients
/// rate-limited together do not come back together. A `Retry-After` from the
/// server replaces the computed delay (it is not jittered), but never beyond
/// the call's total deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included. 1 disables retries.
    pub max_attempts: u32,
    /// The backoff before the first retry (before jitter).
    pub base_delay: Duration,
    /// The longest computed backoff (before jitter).
    pub max_delay: Duration,
}

impl RetryPolicy {
    /// This policy with each given value in place of its own (the adapters' optional settings).
    pub fn with(
        mut self,
        max_attempts: Option<u32>,
        base_delay: Option<Duration>,
        max_delay: Option<Duration>,
    ) -> Self {
        if let Some(n) = max_attempts {
            self.max_attempts = n;
        }
        if let Some(d) = base_delay {
            self.base_delay = d;
        }
        if let Some(d) = max_delay {
            self.max_delay = d;
        }
        self
    }
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_attempts: 3, base_delay: Duration::from_millis(200), max_delay: Duration::from_secs(5) }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        RetryPolicy { max_attempts: 1, ..Self::default() }
    }

    /// The un-jittered backoff before retry number `retry` (1 = first retry).
    pub fn backoff(&self, retry: u32) -> Duration {
        let factor = 1u64.checked_shl(retry.saturating_sub(1)).unwrap_or(u64::MAX);
        self.base_delay
            .checked_mul(u32::try_from(factor).unwrap_or(u32::MAX))
            .unwrap_or(Duration::MAX)
            .min(self.max_delay)
    }
}

/// Whether repeating a request can do harm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
    /// Update, get, list and delete set or read absolute state: safe to repeat.
    Idempotent,
    /// Create: repeating a request that was processed makes a duplicate, so it
    /// is retried only when it surely was not processed.
    NotIdempotent,
}

/// What one attempt produced, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The server answered with this HTTP status.
    Status(u16),
    /// The connection could not be established: the request never left.
    ConnectFailed,
    /// The request may have been sent, but no (complete) answer came: reset,
    /// truncated body, or the per-attempt timeout.
    SentNoAnswer,
}

/// The verdict of [`decide`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Decision {
    /// Return what the attempt produced.
    Stop,
    /// Sleep this long, then try again.
    RetryAfter(Duration),
}

/// Decides whether attempt number `attempt` (1-based) is followed by another.
///
/// * Retried: 429, 502, 503, 504 and connect failures for every call; for
///   idempotent calls also a request sent without an answer. 500 is not
///   retried: Plivo uses it for errors that repeat.
/// * Create (not idempotent) is retried only on connect failures and 429,
///   the two cases where the request surely was not processed.
/// * `jitter` is a sample from `[0, 1)` that scales the computed backoff.
/// * `remaining` is the time left before the total deadline; a delay that
///   would not leave time for another attempt stops instead.
pub(crate) fn decide(
    policy: &RetryPolicy,
    attempt: u32,
    outcome: Outcome,
    retry_after: Option<Duration>,
    idempotency: Idempotency,
    remaining: Duration,
    jitter: f64,
) -> Decision {
    if attempt >= policy.max_attempts {
        return Decision::Stop;
    }
    let retryable = match outcome {
        Outcome::Status(429) | Outcome::ConnectFailed => true,
        Outcome::Status(502..=504) | Outcome::SentNoAnswer => idempotency == Idempotency::Idempotent,
        Outcome::Status(_) => false,
    };
    if !retryable {
        return Decision::Stop;
    }
    let delay = match (outcome, retry_after) {
        (Outcome::Status(_), Some(server_says)) => server_says,
        _ => policy.backoff(attempt).mul_f64(jitter.clamp(0.0, 1.0)),
    };
    if delay >= remaining {
        return Decision::Stop;
    }
    Decision::RetryAfter(delay)
}

/// Reads a `Retry-After` value: delay-seconds (`"120"`, fractions tolerated)
/// or an HTTP-date, relative to `now`. A date in the past means "now".
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<f64>() {
        return (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(86_400.0)));
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A jitter sample in `[0, 1)` without a random-number crate: std's
/// `RandomState` is seeded per process from the OS, and hashing a counter
/// with it gives independent-enough values for spreading retries.
pub(crate) fn jitter_sample() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    static STATE: once_cell::sync::Lazy<std::collections::hash_map::RandomState> =
        once_cell::sync::Lazy::new(Default::default);
    let mut h = STATE.build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use Decision::*;
    use Idempotency::*;
    use Outcome::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;
    const LOTS: Duration = Duration::from_secs(3600);

    /// attempt, outcome, Retry-After, idempotency, time left, jitter, expected, why
    type Row = (u32, Outcome, Option<Duration>, Idempotency, Duration, f64, Decision, &'static str);

    #[test]
    fn decision_table() {
        let p = RetryPolicy::default(); // 3 attempts, 200 ms base, 5 s cap
        #[rustfmt::skip]
        let table: &[Row] = &[
            (1, Status(429), None,          Idempotent,    LOTS, 1.0, RetryAfter(MS(200)), "429 backs off"),
            (2, Status(429), None,          Idempotent,    LOTS, 1.0, RetryAfter(MS(400)), "backoff doubles"),
            (3, Status(429), None,          Idempotent,    LOTS, 1.0, Stop,                "attempts spent: the first counts"),
            (1, Status(429), Some(MS(1500)),Idempotent,    LOTS, 0.1, RetryAfter(MS(1500)),"Retry-After wins, unjittered"),
            (1, Status(429), Some(MS(1500)),Idempotent,    MS(1000), 0.1, Stop,            "Retry-After past the deadline"),
            (1, Status(503), Some(MS(10)),  Idempotent,    LOTS, 1.0, RetryAfter(MS(10)),  "Retry-After on 503 honoured"),
            (1, Status(502), None,          Idempotent,    LOTS, 0.5, RetryAfter(MS(100)), "jitter scales the delay"),
            (1, Status(503), None,          Idempotent,    LOTS, 0.0, RetryAfter(MS(0)),   "zero jitter retries at once"),
            (1, Status(504), None,          Idempotent,    LOTS, 1.0, RetryAfter(MS(200)), "504 retried"),
            (1, Status(500), None,          Idempotent,    LOTS, 1.0, Stop,                "500 not retried"),
            (1, Status(400), None,          Idempotent,    LOTS, 1.0, Stop,                "400 not retried"),
            (1, Status(401), None,          Idempotent,    LOTS, 1.0, Stop,                "401 not retried"),
            (1, Status(404), None,          Idempotent,    LOTS, 1.0, Stop,                "404 not retried"),
            (1, Status(200), None,          Idempotent,    LOTS, 1.0, Stop,                "success is final"),
            (1, ConnectFailed, None,        Idempotent,    LOTS, 1.0, RetryAfter(MS(200)), "connect failure retried"),
            (1, SentNoAnswer, None,         Idempotent,    LOTS, 1.0, RetryAfter(MS(200)), "reset retried when idempotent"),
            (1, SentNoAnswer, None,         NotIdempotent, LOTS, 1.0, Stop,                "create not retried after a reset"),
            (1, Status(503), None,          NotIdempotent, LOTS, 1.0, Stop,                "create not retried on 503"),
            (1, Status(429), None,          NotIdempotent, LOTS, 1.0, RetryAfter(MS(200)), "create retried on 429"),
            (1, ConnectFailed, None,        NotIdempotent, LOTS, 1.0, RetryAfter(MS(200)), "create retried on connect failure"),
            (1, ConnectFailed, Some(MS(900)),Idempotent,   LOTS, 1.0, RetryAfter(MS(200)), "Retry-After only applies to answers"),
            (1, Status(502), None,          Idempotent,    MS(150), 1.0, Stop,             "backoff past the deadline"),
        ];
        for (attempt, outcome, retry_after, idem, remaining, jitter, want, why) in table {
            let got = decide(&p, *attempt, *outcome, *retry_after, *idem, *remaining, *jitter);
            assert_eq!(got, *want, "{why}");
        }
    }

    #[test]
    fn one_attempt_means_no_retry() {
        assert_eq!(decide(&RetryPolicy::none(), 1, Status(503), None, Idempotent, LOTS, 1.0), Stop);
    }

    #[test]
    fn backoff_is_capped_and_never_overflows() {
        let p = RetryPolicy {
            max_attempts: 100,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
        };
        assert_eq!(p.backoff(1), MS(200));
        assert_eq!(p.backoff(5), MS(3_200));
        assert_eq!(p.backoff(6), MS(5_000));
        assert_eq!(p.backoff(90), MS(5_000));
    }

    #[test]
    fn retry_after_in_seconds_and_as_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        assert_eq!(parse_retry_after("2", now), Some(MS(2000)));
        assert_eq!(parse_retry_after(" 0.25 ", now), Some(MS(250)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:40 GMT", now), Some(MS(3000)));
        assert_eq!(parse_retry_after("Sun, 06 Nov 1994 08:49:00 GMT", now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("-1", now), None);
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn jitter_samples_stay_in_range_and_vary() {
        let samples: Vec<f64> = (0..1000).map(|_| jitter_sample()).collect();
        assert!(samples.iter().all(|s| (0.0..1.0).contains(s)));
        let mean = samples.iter().sum::<f64>() / samples.len() as f64;
        assert!((0.4..0.6).contains(&mean), "mean {mean}");
    }
}
