//! `plivo-powerpack`: the Powerpack API from a terminal, on the Rust core.

mod output;
mod pool;

use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use plivo_powerpack::{blocking, Application, Client, CreatePowerpack, PowerpackError, TrustStore, UpdatePowerpack};
use powerpack_sandbox::serve::{serve, ServeArgs};

/// Manage Plivo Powerpacks and their number pools. Credentials come from
/// --auth-id/--auth-token or PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN.
#[derive(Parser, Debug)]
#[command(version, after_help = output::EXIT_CODES_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Debug)]
pub(crate) struct Connection {
    /// Account auth_id (MA… or SA…).
    #[arg(long, env = "PLIVO_AUTH_ID", hide_env_values = true)]
    auth_id: String,
    /// Account auth token. Prefer the environment variable: flags show up in `ps`.
    #[arg(long, env = "PLIVO_AUTH_TOKEN", hide_env_values = true)]
    auth_token: String,
    /// API base URL (a sandbox, say). https://, or http:// for loopback hosts only.
    #[arg(long, env = "PLIVO_BASE_URL", default_value = plivo_powerpack::client::DEFAULT_BASE_URL)]
    base_url: String,
    /// Whole-call deadline in seconds, retries included.
    #[arg(long, default_value_t = 60.0)]
    timeout: f64,
    /// A PEM file of certificate authorities to trust as well (a private CA, a TLS-inspecting
    /// proxy's, the sandbox's --tls-ca-out).
    #[arg(long, env = "PLIVO_CA_BUNDLE", value_name = "PEM_FILE")]
    ca_cert: Option<std::path::PathBuf>,
    /// Trust the operating system's certificate store instead of the bundled Mozilla roots.
    #[arg(long)]
    system_trust: bool,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
}

/// Page options of the list commands: every page when neither is given.
#[derive(Args, Debug)]
pub(crate) struct Paging {
    /// Page size, 1 to 20.
    #[arg(long)]
    limit: Option<u32>,
    #[arg(long)]
    offset: Option<u32>,
}

impl Paging {
    /// One page (`limit` default 20, `offset` default 0) when either option was given, else every page.
    pub(crate) fn fetch<T>(
        &self,
        one_page: impl FnOnce(u32, u32) -> Result<Vec<T>, PowerpackError>,
        all: impl FnOnce() -> Result<Vec<T>, PowerpackError>,
    ) -> Result<Vec<T>, PowerpackError> {
        if self.limit.is_none() && self.offset.is_none() {
            all()
        } else {
            one_page(self.limit.unwrap_or(20), self.offset.unwrap_or(0))
        }
    }
}

/// Which application to attach, or to detach it.
#[derive(Args, Debug, Default)]
#[group(multiple = false)]
struct AppChoice {
    /// Attach this XML application id.
    #[arg(long, value_name = "APP_ID")]
    xml_app: Option<String>,
    /// Attach this PHLO id.
    #[arg(long, value_name = "PHLO_ID")]
    phlo: Option<String>,
    /// Detach the application (sends application_id "none").
    #[arg(long)]
    detach_app: bool,
}

impl AppChoice {
    fn into_application(self) -> Option<Application> {
        match (self.xml_app, self.phlo, self.detach_app) {
            (Some(app_id), _, _) => Some(Application::Xml { app_id }),
            (_, Some(phlo_id), _) => Some(Application::Phlo { phlo_id }),
            (_, _, true) => Some(Application::Detach),
            _ => None,
        }
    }
}

/// The two switches shared by create and update.
#[derive(Args, Debug)]
struct Switches {
    /// Turn sticky sender on or off (on create, the API's default is on).
    #[arg(long, value_name = "true|false")]
    sticky_sender: Option<bool>,
    /// Turn local connect on or off (on create, the API's default is on).
    #[arg(long, value_name = "true|false")]
    local_connect: Option<bool>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Update a Powerpack: only the options given are changed.
    Update {
        uuid: String,
        /// New name, unique in the account.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        switches: Switches,
        #[command(flatten)]
        app: AppChoice,
        #[command(flatten)]
        conn: Connection,
    },
    /// Show one Powerpack.
    Get {
        uuid: String,
        #[command(flatten)]
        conn: Connection,
    },
    /// Create a Powerpack.
    Create {
        name: String,
        #[command(flatten)]
        switches: Switches,
        #[command(flatten)]
        app: AppChoice,
        #[command(flatten)]
        conn: Connection,
    },
    /// List Powerpacks: every page, or one page with --limit/--offset.
    List {
        #[command(flatten)]
        paging: Paging,
        #[command(flatten)]
        conn: Connection,
    },
    /// Delete a Powerpack.
    Delete {
        uuid: String,
        /// Also release its numbers from the account (destructive).
        #[arg(long)]
        unrent_numbers: bool,
        #[command(flatten)]
        conn: Connection,
    },
    /// A Powerpack's pool numbers: list, get, add (--buy to rent), remove (--unrent).
    #[command(subcommand)]
    Numbers(pool::NumbersAction),
    /// A Powerpack's shortcodes: list, get, remove.
    #[command(subcommand)]
    Shortcodes(pool::ShortcodesAction),
    /// A Powerpack's toll-free numbers: list, get, add, remove (--unrent).
    #[command(subcommand)]
    Tollfree(pool::TollfreeAction),
    /// Serve the local sandbox API until Ctrl-C.
    Sandbox {
        #[command(flatten)]
        args: ServeArgs,
    },
}

pub(crate) fn connect(conn: &Connection) -> Result<blocking::Client, PowerpackError> {
    if !(conn.timeout > 0.0 && conn.timeout.is_finite()) {
        return Err(PowerpackError::Validation {
            field: "timeout".into(),
            reason: "must be a positive number of seconds".into(),
        });
    }
    let mut builder = Client::builder(&conn.auth_id, &conn.auth_token);
    if let Some(path) = &conn.ca_cert {
        let pem = std::fs::read_to_string(path).map_err(|e| PowerpackError::Validation {
            field: "ca_cert".into(),
            reason: format!("cannot read {}: {e}", path.display()),
        })?;
        builder = builder.root_certificate_pem(pem);
    }
    if conn.system_trust {
        builder = builder.trust_store(TrustStore::System);
    }
    let client = builder
        .base_url(&conn.base_url)
        .total_deadline(Duration::from_secs_f64(conn.timeout))
        .user_agent_suffix(concat!("cli/", env!("CARGO_PKG_VERSION")))
        .build()?;
    Ok(client.into())
}

fn run(command: Command) -> Result<(), PowerpackError> {
    match command {
        Command::Update { uuid, name, switches, app, conn } => {
            let changes = UpdatePowerpack {
                name,
                sticky_sender: switches.sticky_sender,
                local_connect: switches.local_connect,
                application: app.into_application(),
                number_priority: None,
            };
            let p = connect(&conn)?.update_powerpack(&uuid, &changes)?;
            output::powerpack(&p, conn.json);
        }
        Command::Get { uuid, conn } => {
            let p = connect(&conn)?.get_powerpack(&uuid)?;
            output::powerpack(&p, conn.json);
        }
        Command::Create { name, switches, app, conn } => {
            let params = CreatePowerpack {
                name,
                sticky_sender: switches.sticky_sender,
                local_connect: switches.local_connect,
                application: app.into_application(),
                number_priority: None,
            };
            let p = connect(&conn)?.create_powerpack(&params)?;
            output::powerpack(&p, conn.json);
        }
        Command::List { paging, conn } => {
            let client = connect(&conn)?;
            let list =
                paging.fetch(|l, o| Ok(client.list_powerpacks(l, o)?.powerpacks), || client.list_all_powerpacks())?;
            output::powerpacks(&list, conn.json);
        }
        Command::Delete { uuid, unrent_numbers, conn } => {
            let result = connect(&conn)?.delete_powerpack(&uuid, unrent_numbers)?;
            output::deleted(&uuid, &result, conn.json);
        }
        Command::Numbers(cmd) => pool::numbers(cmd)?,
        Command::Shortcodes(cmd) => pool::shortcodes(cmd)?,
        Command::Tollfree(cmd) => pool::tollfree(cmd)?,
        Command::Sandbox { args } => {
            if let Err(e) = serve(args) {
                eprintln!("error: sandbox: {e}");
                std::process::exit(i32::from(output::EXIT_NETWORK));
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse().command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", output::error_line(&e));
            ExitCode::from(output::exit_code(&e))
        }
    }
}
