//! A blocking client for code without an async runtime: scripts, plain
//! threads, Java. Every call runs on the crate's own Tokio runtime, so it is
//! safe from any thread, including from inside another runtime.

use crate::error::PowerpackError;
use crate::model::{DeleteResult, Powerpack, PowerpackPage};
use crate::params::{CreatePowerpack, UpdatePowerpack};
use crate::runtime;

/// The blocking face of [`crate::Client`]; same calls, same errors.
#[derive(Debug, Clone)]
pub struct Client {
    inner: crate::Client,
}

impl From<crate::Client> for Client {
    fn from(inner: crate::Client) -> Self {
        Client { inner }
    }
}

impl Client {
    /// A blocking client with every default.
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Result<Self, PowerpackError> {
        crate::Client::new(auth_id, auth_token).map(Self::from)
    }

    /// A blocking client with credentials from `PLIVO_AUTH_ID` / `PLIVO_AUTH_TOKEN`.
    pub fn from_env() -> Result<Self, PowerpackError> {
        crate::Client::from_env().map(Self::from)
    }

    /// The async client behind this one.
    pub fn async_client(&self) -> &crate::Client {
        &self.inner
    }

    /// See [`crate::Client::get_powerpack`].
    pub fn get_powerpack(&self, uuid: &str) -> Result<Powerpack, PowerpackError> {
        let (c, uuid) = (self.inner.clone(), uuid.to_owned());
        runtime::block_on(async move { c.get_powerpack(&uuid).await })
    }

    /// See [`crate::Client::create_powerpack`].
    pub fn create_powerpack(&self, params: &CreatePowerpack) -> Result<Powerpack, PowerpackError> {
        let (c, params) = (self.inner.clone(), params.clone());
        runtime::block_on(async move { c.create_powerpack(&params).await })
    }

    /// See [`crate::Client::update_powerpack`].
    pub fn update_powerpack(&self, uuid: &str, changes: &UpdatePowerpack) -> Result<Powerpack, PowerpackError> {
        let (c, uuid, changes) = (self.inner.clone(), uuid.to_owned(), changes.clone());
        runtime::block_on(async move { c.update_powerpack(&uuid, &changes).await })
    }

    /// See [`crate::Client::list_powerpacks`].
    pub fn list_powerpacks(&self, limit: u32, offset: u32) -> Result<PowerpackPage, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.list_powerpacks(limit, offset).await })
    }

    /// See [`crate::Client::list_all_powerpacks`].
    pub fn list_all_powerpacks(&self) -> Result<Vec<Powerpack>, PowerpackError> {
        let c = self.inner.clone();
        runtime::block_on(async move { c.list_all_powerpacks().await })
    }

    /// See [`crate::Client::delete_powerpack`].
    pub fn delete_powerpack(&self, uuid: &str, unrent_numbers: bool) -> Result<DeleteResult, PowerpackError> {
        let (c, uuid) = (self.inner.clone(), uuid.to_owned());
        runtime::block_on(async move { c.delete_powerpack(&uuid, unrent_numbers).await })
    }
}
