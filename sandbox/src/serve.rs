//! The command-line face shared by `powerpack-sandbox` and `plivo-powerpack sandbox`.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};

use crate::{parse_account, parse_rate_limit, read_seed, Config, RateLimit, Sandbox};

/// Options of a sandbox started from a command line.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address to bind (loopback by default).
    #[arg(long, default_value = "127.0.0.1")]
    pub host: IpAddr,
    /// Port; 0 picks a free one.
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// AUTH_ID:AUTH_TOKEN of an account to accept (repeatable). Without it:
    /// MASANDBOX00000000001:sandbox-auth-token.
    #[arg(long = "account", value_parser = parse_account)]
    pub accounts: Vec<(String, String)>,
    /// A JSON file of Powerpacks, numbers and shortcodes to create at start and on reset:
    /// {"powerpacks": [{"name": ..., "uuid": ...}], "numbers": [{"number": ..., "country_iso2": ...,
    /// "type": ..., "powerpack": UUID}], "shortcodes": [{"shortcode": ..., "country_iso2": ..., "powerpack": UUID}]}.
    #[arg(long)]
    pub seed: Option<std::path::PathBuf>,
    /// Requests per account as N/SECONDS, or "off".
    #[arg(long, default_value = "300/5", value_parser = parse_rate_limit)]
    pub rate_limit: RateLimit,
}

/// Starts the sandbox, prints its base URL as the first line on stdout, and
/// serves until SIGINT or SIGTERM.
pub fn serve(args: ServeArgs) -> Result<(), String> {
    let seed = match &args.seed {
        None => Default::default(),
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            read_seed(&text).map_err(|e| format!("invalid seed file {}: {e}", path.display()))?
        }
    };
    let config = Config {
        addr: SocketAddr::new(args.host, args.port),
        accounts: args.accounts,
        rate_limit: args.rate_limit.0,
        seed,
    };
    let sandbox = Sandbox::start(config).map_err(|e| format!("cannot start: {e}"))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", sandbox.base_url());
    let _ = out.flush();
    drop(out);
    sandbox.wait_for_shutdown_signal();
    Ok(())
}
