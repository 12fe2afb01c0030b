//! The command-line face shared by `powerpack-sandbox` and `plivo-powerpack sandbox`.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};

use crate::{parse_account, parse_rate_limit, read_seed, Config, RateLimit, Sandbox, TlsIdentity};

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
    /// Serve HTTPS: with a certificate for --tls-names signed by a CA made at start, or with
    /// --tls-cert/--tls-key. The first stdout line is then an https:// URL.
    #[arg(long)]
    pub tls: bool,
    /// The certificate chain to serve (PEM); with --tls-key.
    #[arg(long, requires_all = ["tls", "tls_key"])]
    pub tls_cert: Option<std::path::PathBuf>,
    /// The certificate's private key (PEM); with --tls-cert.
    #[arg(long, requires_all = ["tls", "tls_cert"])]
    pub tls_key: Option<std::path::PathBuf>,
    /// Names the generated certificate is valid for (IP addresses or DNS names).
    #[arg(long, value_delimiter = ',', default_values_t = crate::LOOPBACK_NAMES.map(String::from), requires = "tls")]
    pub tls_names: Vec<String>,
    /// Write the generated CA certificate (PEM) here, for clients to trust.
    #[arg(long, requires = "tls", conflicts_with = "tls_cert")]
    pub tls_ca_out: Option<std::path::PathBuf>,
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
    let tls = match (args.tls, &args.tls_cert, &args.tls_key) {
        (false, _, _) => None,
        (true, Some(cert), Some(key)) => Some(TlsIdentity::from_files(cert, key)?),
        (true, _, _) => Some(TlsIdentity::generate(&args.tls_names)?),
    };
    if let (Some(path), Some(ca)) = (&args.tls_ca_out, tls.as_ref().and_then(|t| t.ca_pem.as_ref())) {
        std::fs::write(path, ca).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    let config = Config {
        addr: SocketAddr::new(args.host, args.port),
        accounts: args.accounts,
        rate_limit: args.rate_limit.0,
        seed,
        tls,
    };
    let sandbox = Sandbox::start(config).map_err(|e| format!("cannot start: {e}"))?;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", sandbox.base_url());
    let _ = out.flush();
    drop(out);
    sandbox.wait_for_shutdown_signal();
    Ok(())
}
