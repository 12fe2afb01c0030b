//! `powerpack-sandbox`: serves the sandbox until SIGINT/SIGTERM. The first
//! line on stdout is the base URL, so scripts can start it on port 0.

use clap::Parser;
use powerpack_sandbox::serve::{serve, ServeArgs};

/// A local, stateful, fault-injecting stand-in for Plivo's Powerpack API.
#[derive(Parser, Debug)]
#[command(
    version,
    after_help = "Admin API (no credentials): GET /__admin/health, POST|GET|DELETE /__admin/faults, \
                  GET|DELETE /__admin/journal, POST /__admin/reset"
)]
struct Args {
    #[command(flatten)]
    serve: ServeArgs,
}

fn main() {
    if let Err(e) = serve(Args::parse().serve) {
        eprintln!("powerpack-sandbox: {e}");
        std::process::exit(2);
    }
}
