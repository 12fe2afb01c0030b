//! `powerpack-bench <core|core-blocking|reqwest> <throughput|cold|latency|soak> <base_url> <uuids_file>`
//!
//! One benchmark contender per process, speaking the protocol shared by every
//! contender (see `bench/run.py`): credentials from PLIVO_AUTH_ID/TOKEN,
//! updates toggle `sticky_sender` on the Powerpacks listed in `uuids_file`,
//! and one JSON object is printed at the end.

use std::sync::Arc;
use std::time::Instant;

use plivo_powerpack::{Client, UpdatePowerpack};
use tokio::sync::Semaphore;

const N: usize = 2000;
const CONCURRENCY: usize = 64;
const WARMUP: usize = 100;
/// The `latency` workload: N updates at this concurrency (the driver adds 20 ms per request),
/// timed on the second of two rounds: the first warms what a running service has warm (a JIT,
/// the pool's connections at this concurrency), as the throughput workload's warm-up does.
const LATENCY_CONCURRENCY: usize = 256;
/// The soak: sequential updates while the driver samples the process's memory.
const SOAK_N: usize = 100_000;

/// One update, however the contender does it.
trait Contender: Clone + Send + Sync + 'static {
    fn update(&self, uuid: &str, sticky: bool) -> impl std::future::Future<Output = ()> + Send;
}

#[derive(Clone)]
struct Core(Client);

impl Contender for Core {
    async fn update(&self, uuid: &str, sticky: bool) {
        let p = self.0.update_powerpack(uuid, &UpdatePowerpack::new().sticky_sender(sticky)).await.expect("update");
        assert_eq!(p.sticky_sender, Some(sticky));
    }
}

/// The floor: what any client must at least spend (one reqwest call, the body read, no decoding).
#[derive(Clone)]
struct Raw {
    http: reqwest::Client,
    base: Arc<str>,
    auth: Arc<(String, String)>,
}

impl Contender for Raw {
    async fn update(&self, uuid: &str, sticky: bool) {
        let body = if sticky { r#"{"sticky_sender":true}"# } else { r#"{"sticky_sender":false}"# };
        let r = self
            .http
            .post(format!("{}/v1/Account/{}/Powerpack/{uuid}/", self.base, self.auth.0))
            .basic_auth(&self.auth.0, Some(&self.auth.1))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("send");
        assert!(r.status().is_success());
        r.bytes().await.expect("body");
    }
}

async fn sequential<C: Contender>(c: &C, uuids: &[String], n: usize) -> f64 {
    let started = Instant::now();
    for i in 0..n {
        c.update(&uuids[i % uuids.len()], i % 2 == 0).await;
    }
    started.elapsed().as_secs_f64()
}

async fn concurrent<C: Contender>(c: &C, uuids: &[String], concurrency: usize) -> f64 {
    let gate = Arc::new(Semaphore::new(concurrency));
    let started = Instant::now();
    let tasks: Vec<_> = (0..N)
        .map(|i| {
            let (c, gate, uuid) = (c.clone(), gate.clone(), uuids[i % uuids.len()].clone());
            tokio::spawn(async move {
                let _permit = gate.acquire().await.expect("semaphore");
                c.update(&uuid, i % 2 == 0).await;
            })
        })
        .collect();
    for t in tasks {
        t.await.expect("task");
    }
    started.elapsed().as_secs_f64()
}

async fn run<C: Contender>(c: C, mode: &str, uuids: &[String], started: Instant) -> serde_json::Value {
    if mode == "cold" {
        c.update(&uuids[0], true).await;
        return serde_json::json!({"first_call_s": started.elapsed().as_secs_f64()});
    }
    if mode == "latency" {
        concurrent(&c, uuids, LATENCY_CONCURRENCY).await; // the warm-up round (see LATENCY_CONCURRENCY)
        return serde_json::json!({"latency_s": concurrent(&c, uuids, LATENCY_CONCURRENCY).await});
    }
    if mode == "soak" {
        sequential(&c, uuids, SOAK_N).await;
        return serde_json::json!({"soak_n": SOAK_N});
    }
    sequential(&c, uuids, WARMUP).await;
    let seq_s = sequential(&c, uuids, N).await;
    let conc_s = concurrent(&c, uuids, CONCURRENCY).await;
    serde_json::json!({"seq_s": seq_s, "conc_s": conc_s, "n": N, "concurrency": CONCURRENCY})
}

fn blocking_run(
    c: &plivo_powerpack::blocking::Client,
    mode: &str,
    uuids: &[String],
    started: Instant,
) -> serde_json::Value {
    let update = |i: usize| {
        let sticky = i.is_multiple_of(2);
        let p =
            c.update_powerpack(&uuids[i % uuids.len()], &UpdatePowerpack::new().sticky_sender(sticky)).expect("update");
        assert_eq!(p.sticky_sender, Some(sticky));
    };
    if mode == "cold" {
        update(0);
        return serde_json::json!({"first_call_s": started.elapsed().as_secs_f64()});
    }
    let on_threads = |threads: usize| {
        let t = Instant::now();
        std::thread::scope(|s| {
            for k in 0..threads {
                s.spawn(move || (k..N).step_by(threads).for_each(update));
            }
        });
        t.elapsed().as_secs_f64()
    };
    if mode == "latency" {
        on_threads(LATENCY_CONCURRENCY); // the warm-up round
        return serde_json::json!({"latency_s": on_threads(LATENCY_CONCURRENCY)});
    }
    if mode == "soak" {
        (0..SOAK_N).for_each(update);
        return serde_json::json!({"soak_n": SOAK_N});
    }
    (0..WARMUP).for_each(update);
    let t = Instant::now();
    (0..N).for_each(update);
    let seq_s = t.elapsed().as_secs_f64();
    serde_json::json!({"seq_s": seq_s, "conc_s": on_threads(CONCURRENCY), "n": N, "concurrency": CONCURRENCY})
}

#[tokio::main]
async fn main() {
    let started = Instant::now();
    let args: Vec<String> = std::env::args().collect();
    let [_, contender, mode, base, uuids_file] = args.as_slice() else {
        eprintln!(
            "usage: powerpack-bench <core|core-blocking|reqwest> <throughput|cold|latency|soak> <base_url> <uuids_file>"
        );
        std::process::exit(2);
    };
    let uuids: Vec<String> =
        std::fs::read_to_string(uuids_file).expect("uuids file").lines().map(str::to_owned).collect();
    let id = std::env::var("PLIVO_AUTH_ID").expect("PLIVO_AUTH_ID");
    let token = std::env::var("PLIVO_AUTH_TOKEN").expect("PLIVO_AUTH_TOKEN");
    let result = match contender.as_str() {
        "core" => {
            let client = Client::builder(id, token).base_url(base.as_str()).build().expect("client");
            run(Core(client), mode, &uuids, started).await
        }
        "core-blocking" => {
            // The blocking client, as the bindings' blocking calls use it: the calling thread
            // is outside any runtime and drives each call with the crate's own runtime.
            let client = plivo_powerpack::blocking::Client::from(
                Client::builder(id, token).base_url(base.as_str()).build().expect("client"),
            );
            let mode = mode.clone();
            std::thread::spawn(move || blocking_run(&client, &mode, &uuids, started)).join().expect("thread")
        }
        "reqwest" => {
            let raw = Raw { http: reqwest::Client::new(), base: base.as_str().into(), auth: Arc::new((id, token)) };
            run(raw, mode, &uuids, started).await
        }
        other => panic!("unknown contender {other}"),
    };
    println!("{result}");
}
