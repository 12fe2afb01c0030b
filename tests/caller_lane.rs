//! A lone blocking call runs on a runtime its caller's thread drives, with a connection pool of
//! its own (`runtime::block_on`): these check what that must not break, against a plain HTTP/1.1
//! server that counts its connections and closes idle ones as real servers do.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use plivo_powerpack::{blocking, Client};

const ID: &str = "MAXXXXXXXXXXXXXXXXXX";
/// The Powerpack the fixture answers with, asked for by its own UUID.
const UUID: &str = "5ec4c8c9-cd74-42b5-9e41-0d7670d6bb46";
const BODY: &str = include_str!("fixtures/official-sdks/plivo-python/powerpackGetPowerpackResponse.json");

/// A server answering every request with [`BODY`] (the first with a 503 and `Retry-After: 1`
/// when `busy_first`), keeping a connection open for `keep_alive` after each answer and then
/// closing it (nginx's `keepalive_timeout`). Counts connections.
struct Server {
    url: String,
    connections: Arc<AtomicUsize>,
}

impl Server {
    fn start(keep_alive: Duration) -> Server {
        Server::with_first_answer_busy(keep_alive, false)
    }

    fn with_first_answer_busy(keep_alive: Duration, busy_first: bool) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(AtomicUsize::new(usize::from(!busy_first)));
        let count = connections.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { return };
                count.fetch_add(1, Ordering::SeqCst);
                let requests = requests.clone();
                std::thread::spawn(move || serve(stream, keep_alive, &requests));
            }
        });
        Server { url, connections }
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

/// Answers requests on one connection until the client closes it or it stays idle for
/// `keep_alive`; request 0 of the server (counted in `requests`) is told to come back in 1 s.
fn serve(stream: TcpStream, keep_alive: Duration, requests: &AtomicUsize) {
    stream.set_read_timeout(Some(keep_alive)).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut writer = stream;
    loop {
        let mut length = 0usize;
        let mut line = String::new();
        loop {
            line.clear();
            match reader.read_line(&mut line) {
                Ok(0) | Err(_) => return, // closed by the client, or idle too long: close
                Ok(_) => {}
            }
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().unwrap();
                }
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let answer = if requests.fetch_add(1, Ordering::SeqCst) == 0 {
            let busy = r#"{"api_id":"a","error":"busy"}"#;
            format!(
                "HTTP/1.1 503 Service Unavailable\r\nretry-after: 1\r\ncontent-length: {}\r\n\r\n{busy}",
                busy.len()
            )
        } else {
            format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{BODY}", BODY.len())
        };
        if writer.write_all(answer.as_bytes()).is_err() {
            return;
        }
    }
}

/// Held by each test: a blocking call takes the caller lane only while no other is in flight, and
/// what these tests count depends on which path each call took.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    static SERIAL: Mutex<()> = Mutex::new(());
    SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn client(server: &Server) -> Client {
    Client::builder(ID, "t").base_url(&server.url).attempt_timeout(Duration::from_secs(3)).build().unwrap()
}

#[test]
fn sequential_blocking_calls_share_one_connection() {
    let _serial = one_at_a_time();
    let server = Server::start(Duration::from_secs(30));
    let c = blocking::Client::from(client(&server));
    for _ in 0..5 {
        assert_eq!(c.get_powerpack(UUID).unwrap().uuid, UUID);
    }
    assert_eq!(server.connections(), 1, "the caller's pool keeps its connection between calls");
}

#[test]
fn a_blocking_call_after_the_server_closed_the_idle_connection_succeeds() {
    let _serial = one_at_a_time();
    // Between two lone calls nothing drives the caller's runtime, so its pool cannot see the
    // close when it happens; the next call must still not fail on the dead connection.
    let server = Server::start(Duration::from_millis(50));
    let c = blocking::Client::from(client(&server));
    for round in 1..=3 {
        assert_eq!(c.get_powerpack(UUID).unwrap().uuid, UUID, "round {round}");
        std::thread::sleep(Duration::from_millis(300));
    }
    assert_eq!(server.connections(), 3, "a new connection for each call after the close");
}

#[test]
fn calls_on_the_workers_never_take_a_connection_the_caller_lane_opened() {
    let _serial = one_at_a_time();
    // The lane's connections are driven only while a blocking call runs. Here a lone call waits
    // out a 503's `Retry-After: 1` on the lane, its connection idle, while a call from a Tokio
    // runtime starts: had it been handed that connection, it would wait on a socket nobody reads
    // as soon as the lone call ended. It must open its own.
    let server = Server::with_first_answer_busy(Duration::from_secs(30), true);
    let async_client = client(&server);
    let c = blocking::Client::from(async_client.clone());
    std::thread::scope(|s| {
        let lone = s.spawn(|| c.get_powerpack(UUID));
        std::thread::sleep(Duration::from_millis(300));
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap();
        assert_eq!(runtime.block_on(async_client.get_powerpack(UUID)).unwrap().uuid, UUID);
        assert_eq!(lone.join().unwrap().unwrap().uuid, UUID, "the lone call's retry succeeds");
    });
    assert_eq!(server.connections(), 2, "one connection for the lane, one for the runtime's call");
    assert_eq!(c.get_powerpack(UUID).unwrap().uuid, UUID, "the lane's connection still serves it");
    assert_eq!(server.connections(), 2);
}
