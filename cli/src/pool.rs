//! `numbers`, `shortcodes` and `tollfree`: a Powerpack's number pool from the terminal.
//!
//! The pool is named by `--powerpack UUID` (one GET to read its pool) or `--pool POOL_UUID`.
//! `numbers add` never buys; `numbers add --buy` does. Removals keep the number rented unless
//! `--unrent` is given.

use clap::{Args, Subcommand, ValueEnum};
use plivo_powerpack::{blocking, NumberFilter, PoolNumberType, PowerpackError, ServiceType};

use crate::{connect, output, Connection, Paging};

/// Which pool: by its Powerpack or by its own uuid.
#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct PoolChoice {
    /// The Powerpack whose pool to use (read with one GET first).
    #[arg(long, value_name = "UUID")]
    powerpack: Option<String>,
    /// The pool's uuid (the segment after NumberPool/ in a Powerpack's number_pool).
    #[arg(long, value_name = "POOL_UUID")]
    pool: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Kind {
    Fixed,
    Mobile,
    Tollfree,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum Service {
    Sms,
    Mms,
}

impl From<Kind> for PoolNumberType {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Fixed => PoolNumberType::Fixed,
            Kind::Mobile => PoolNumberType::Mobile,
            Kind::Tollfree => PoolNumberType::Tollfree,
        }
    }
}

impl From<Service> for ServiceType {
    fn from(s: Service) -> Self {
        match s {
            Service::Sms => ServiceType::Sms,
            Service::Mms => ServiceType::Mms,
        }
    }
}

/// Which pool, and how to reach it: part of every pool command.
#[derive(Args, Debug)]
pub struct Target {
    #[command(flatten)]
    pool: PoolChoice,
    #[command(flatten)]
    conn: Connection,
}

#[derive(Subcommand, Debug)]
pub enum NumbersAction {
    /// List the pool's numbers (long codes and toll-free), with filters.
    List {
        /// A number prefix (repeatable, or comma-separated; at most 10); needs --country.
        #[arg(long, value_delimiter = ',')]
        starts_with: Vec<String>,
        /// ISO 3166-1 alpha-2 country, e.g. US.
        #[arg(long, value_name = "ISO2")]
        country: Option<String>,
        #[arg(long = "type", value_enum)]
        number_type: Option<Kind>,
        #[arg(long, value_enum)]
        service: Option<Service>,
        #[command(flatten)]
        paging: Paging,
        #[command(flatten)]
        at: Target,
    },
    /// Show one number of the pool (E.164 digits without +).
    Get {
        number: String,
        #[command(flatten)]
        at: Target,
    },
    /// Add a number the account rents (never buys unless --buy).
    Add {
        number: String,
        /// Buy (rent) the number for the account first: sends "rent": true. Costs money.
        #[arg(long)]
        buy: bool,
        #[arg(long, value_enum)]
        service: Option<Service>,
        #[command(flatten)]
        at: Target,
    },
    /// Take a number out of the pool.
    Remove {
        number: String,
        /// Also release the number from the account (destructive).
        #[arg(long)]
        unrent: bool,
        #[command(flatten)]
        at: Target,
    },
}

#[derive(Subcommand, Debug)]
pub enum ShortcodesAction {
    /// List the pool's shortcodes.
    List {
        #[command(flatten)]
        paging: Paging,
        #[command(flatten)]
        at: Target,
    },
    /// Show one shortcode.
    Get {
        shortcode: String,
        #[command(flatten)]
        at: Target,
    },
    /// Take a shortcode out of the pool.
    Remove {
        shortcode: String,
        #[command(flatten)]
        at: Target,
    },
}

#[derive(Subcommand, Debug)]
pub enum TollfreeAction {
    /// List the pool's toll-free numbers.
    List {
        #[command(flatten)]
        paging: Paging,
        #[command(flatten)]
        at: Target,
    },
    /// Show one toll-free number.
    Get {
        number: String,
        #[command(flatten)]
        at: Target,
    },
    /// Add a toll-free number the account rents.
    Add {
        number: String,
        #[command(flatten)]
        at: Target,
    },
    /// Take a toll-free number out of the pool.
    Remove {
        number: String,
        /// Also release the number from the account (destructive).
        #[arg(long)]
        unrent: bool,
        #[command(flatten)]
        at: Target,
    },
}

/// The pool a command names, and whether to print JSON.
fn open(at: &Target) -> Result<(blocking::NumberPool, bool), PowerpackError> {
    let client = connect(&at.conn)?;
    let pool = match (&at.pool.pool, &at.pool.powerpack) {
        (Some(pool), _) => client.number_pool(pool)?,
        (None, Some(uuid)) => client.number_pool_of(&client.get_powerpack(uuid)?)?,
        (None, None) => unreachable!("clap requires one of --pool and --powerpack"),
    };
    Ok((pool, at.conn.json))
}

pub fn numbers(action: NumbersAction) -> Result<(), PowerpackError> {
    match action {
        NumbersAction::List { starts_with, country, number_type, service, paging, at } => {
            let (pool, json) = open(&at)?;
            let filter = NumberFilter {
                starts_with,
                country_iso2: country,
                number_type: number_type.map(Into::into),
                service: service.map(Into::into),
            };
            let list = paging
                .fetch(|l, o| Ok(pool.list_numbers(&filter, l, o)?.numbers), || pool.list_all_numbers(&filter))?;
            output::pool_numbers(&list, json);
        }
        NumbersAction::Get { number, at } => {
            let (pool, json) = open(&at)?;
            output::pool_number(&pool.get_number(&number)?, json);
        }
        NumbersAction::Add { number, buy, service, at } => {
            let (pool, json) = open(&at)?;
            let service = service.map(Into::into);
            let added =
                if buy { pool.buy_and_add_number(&number, service)? } else { pool.add_number(&number, service)? };
            output::pool_number(&added, json);
        }
        NumbersAction::Remove { number, unrent, at } => {
            let (pool, json) = open(&at)?;
            output::removed(&number, &pool.remove_number(&number, unrent)?, json);
        }
    }
    Ok(())
}

pub fn shortcodes(action: ShortcodesAction) -> Result<(), PowerpackError> {
    match action {
        ShortcodesAction::List { paging, at } => {
            let (pool, json) = open(&at)?;
            let list =
                paging.fetch(|l, o| Ok(pool.list_shortcodes(l, o)?.shortcodes), || pool.list_all_shortcodes())?;
            output::shortcodes(&list, json);
        }
        ShortcodesAction::Get { shortcode, at } => {
            let (pool, json) = open(&at)?;
            output::shortcode(&pool.get_shortcode(&shortcode)?, json);
        }
        ShortcodesAction::Remove { shortcode, at } => {
            let (pool, json) = open(&at)?;
            output::removed(&shortcode, &pool.remove_shortcode(&shortcode)?, json);
        }
    }
    Ok(())
}

pub fn tollfree(action: TollfreeAction) -> Result<(), PowerpackError> {
    match action {
        TollfreeAction::List { paging, at } => {
            let (pool, json) = open(&at)?;
            let list = paging.fetch(|l, o| Ok(pool.list_tollfree(l, o)?.numbers), || pool.list_all_tollfree())?;
            output::pool_numbers(&list, json);
        }
        TollfreeAction::Get { number, at } => {
            let (pool, json) = open(&at)?;
            output::pool_number(&pool.get_tollfree(&number)?, json);
        }
        TollfreeAction::Add { number, at } => {
            let (pool, json) = open(&at)?;
            output::pool_number(&pool.add_tollfree(&number)?, json);
        }
        TollfreeAction::Remove { number, unrent, at } => {
            let (pool, json) = open(&at)?;
            output::removed(&number, &pool.remove_tollfree(&number, unrent)?, json);
        }
    }
    Ok(())
}
