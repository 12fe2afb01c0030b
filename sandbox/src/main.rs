//! `powerpack-sandbox`: serves the sandbox until SIGINT/SIGTERM. The first
//! line on stdout is the base URL, so scripts can start it on port 0.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use clap::Parser;
use powerpack_sandbox::{read_seed, Config, Sandbox, DEFAULT_AUTH_ID, DEFAULT_AUTH_TOKEN};

/// A local, stateful, fault-injecting stand-in for Plivo's Powerpack API.
#[derive(Parser, Debug)]
#[command(version, after_help = format!(
    "Default account (when no --account is given): {DEFAULT_AUTH_ID}:{DEFAULT_AUTH_TOKEN}\n\
     Admin API: GET /__admin/health, POST|GET|DELETE /__admin/faults, GET|DELETE /__admin/journal, POST /__admin/reset"))]
struct Args {
    /// Address to bind (loopback by default).
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Port; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// AUTH_ID:AUTH_TOKEN of an account to accept (repeatable).
    #[arg(long = "account", value_parser = parse_account)]
    accounts: Vec<(String, String)>,
    /// A JSON file of Powerpacks to create at start: {"powerpacks": [{"name": ...}]}.
    #[arg(long)]
    seed: Option<std::path::PathBuf>,
    /// Requests per account as N/SECONDS (default 300/5), or "off".
    #[arg(long, default_value = "300/5", value_parser = parse_rate)]
    rate_limit: RateLimit,
}

#[derive(Debug, Clone)]
struct RateLimit(Option<(u32, Duration)>);

fn parse_account(s: &str) -> Result<(String, String), String> {
    match s.split_once(':') {
        Some((id, token)) if !id.is_empty() && !token.is_empty() => Ok((id.to_owned(), token.to_owned())),
        _ => Err("expected AUTH_ID:AUTH_TOKEN".into()),
    }
}

fn parse_rate(s: &str) -> Result<RateLimit, String> {
    if s.eq_ignore_ascii_case("off") {
        return Ok(RateLimit(None));
    }
    let (n, secs) = s.split_once('/').ok_or("expected N/SECONDS or off")?;
    let n: u32 = n.parse().map_err(|_| "N must be a positive integer")?;
    let secs: f64 = secs.parse().map_err(|_| "SECONDS must be a number")?;
    if n == 0 || !(secs > 0.0) {
        return Err("N and SECONDS must be positive".into());
    }
    Ok(RateLimit(Some((n, Duration::from_secs_f64(secs)))))
}

fn main() {
    let args = Args::parse();
    let seed = match &args.seed {
        None => Vec::new(),
        Some(path) => {
            let text = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())));
            read_seed(&text).unwrap_or_else(|e| fail(&format!("invalid seed file {}: {e}", path.display())))
        }
    };
    let config = Config {
        addr: SocketAddr::new(args.host, args.port),
        accounts: args.accounts,
        rate_limit: args.rate_limit.0,
        seed,
    };
    let sandbox = Sandbox::start(config).unwrap_or_else(|e| fail(&format!("cannot start: {e}")));
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", sandbox.base_url());
    let _ = out.flush();
    drop(out);
    sandbox.wait_for_shutdown_signal();
}

fn fail(message: &str) -> ! {
    eprintln!("powerpack-sandbox: {message}");
    std::process::exit(2);
}
