//! The Node.js addon: the core's client behind one generic entry, in the manner of the C ABI's
//! JSON call, and the operation table's description. The package's JavaScript layer
//! (`lib/client.js`) builds every method, codec and error class from that description, so no call
//! is written here or there by hand.
//!
//! A call never blocks the event loop and no thread waits for it: [`NativeClient::call`] creates
//! the promise, spawns the call on the core's runtime and returns; the call settles the promise
//! from that runtime through napi's thread-safe deferred. Errors reject with the core's flat
//! error parts as JSON (the neutral form), which the JavaScript layer raises as its typed errors.

use std::sync::Arc;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use plivo_powerpack::{CancelToken, Client, ErrorParts, PowerpackError};

/// The message a cancelled call rejects with; the JavaScript layer raises the signal's reason.
const CANCELLED: &str = r#"{"cancelled":true}"#;

/// The operation table's description (`plivo_powerpack::describe`), as JSON text.
#[napi]
pub fn describe() -> String {
    plivo_powerpack::describe::description_json()
}

/// A client of the core. Holds nothing JavaScript can read back: the token stays in Rust.
#[napi]
pub struct NativeClient {
    client: Arc<Client>,
}

#[napi]
impl NativeClient {
    /// A client from its settings as JSON (`plivo_powerpack::settings`); refused settings throw
    /// with the error parts as JSON.
    #[napi(factory)]
    pub fn from_settings(settings_json: String) -> Result<NativeClient> {
        let client = plivo_powerpack::settings::client_from_json(&settings_json).map_err(to_napi)?;
        Ok(NativeClient { client: Arc::new(client) })
    }

    /// The account the client calls (never the token).
    #[napi(getter)]
    pub fn auth_id(&self) -> String {
        self.client.auth_id().to_owned()
    }

    /// Runs the named operation with its neutral JSON arguments; resolves with the result's
    /// neutral JSON. `cancel` aborts the call: its request is dropped and no retry follows.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn call<'env>(
        &self,
        env: &'env Env,
        operation: String,
        arguments: String,
        cancel: Option<&Cancel>,
    ) -> Result<Object<'env>> {
        let (deferred, promise) = env.create_deferred()?;
        let client = self.client.clone();
        let token = cancel.map(|c| c.token.clone());
        let call = async move {
            let run = plivo_powerpack::dispatch::call_json(&client, &operation, &arguments);
            match token {
                None => run.await.map_err(Outcome::Failed),
                Some(token) => token.run(run).await.ok_or(Outcome::Cancelled)?.map_err(Outcome::Failed),
            }
        };
        plivo_powerpack::runtime::detach(call, move |outcome: std::result::Result<String, Outcome>| match outcome {
            Ok(text) => deferred.resolve(move |_| Ok(text)),
            Err(Outcome::Cancelled) => deferred.reject(Error::new(Status::Cancelled, CANCELLED.to_owned())),
            Err(Outcome::Failed(e)) => deferred.reject(to_napi(e)),
        });
        Ok(promise)
    }
}

/// How a call that did not answer ended.
enum Outcome {
    Failed(PowerpackError),
    Cancelled,
}

impl From<PowerpackError> for Outcome {
    fn from(e: PowerpackError) -> Self {
        Outcome::Failed(e)
    }
}

/// A core error as a napi error whose message is its parts in the neutral JSON (the token is
/// masked in every error the core makes).
fn to_napi(e: PowerpackError) -> Error {
    let parts: ErrorParts = e.into_parts();
    let text = serde_json::to_string(&parts).unwrap_or_else(|_| r#"{"kind":"internal"}"#.to_owned());
    Error::new(Status::GenericFailure, text)
}

/// A cancellation token: the JavaScript layer makes one per call that has an `AbortSignal` and
/// cancels it from the signal's `abort` event. Cancelling twice, or after the call ended, is a
/// no-op.
#[napi]
pub struct Cancel {
    token: CancelToken,
}

#[napi]
impl Cancel {
    #[napi(constructor)]
    #[allow(clippy::new_without_default)] // a JavaScript constructor, not a Rust API
    pub fn new() -> Self {
        Cancel { token: CancelToken::new() }
    }

    #[napi]
    pub fn cancel(&self) {
        self.token.cancel();
    }
}
