//! The C ABI of plivo-powerpack: a handful of functions over the core's operation table,
//! carrying JSON (serde) both ways, for languages UniFFI does not serve (Go through cgo, PHP
//! through ext-ffi, .NET later).
//!
//! In the manner of Temporal's C bridge: the library frees what it allocates (every string it
//! hands out goes back through [`plivo_string_free`]), async calls complete through a callback
//! with a `user_data` pointer and can be cancelled from any thread with a token, and no panic
//! crosses `extern "C"`: each entry point catches it and answers `internal`. The core still
//! validates everything; the JSON only carries values. The rules for callers are at the top of
//! `include/plivo_powerpack.h`.
//!
//! * the client settings as JSON are the core's (`plivo_powerpack::settings`);
//! * [`dispatch`]: the operation table expanded into one `name -> call` match, and the envelope;
//! * [`cancel`]: the cancellation token;
//! * [`exit`]: the exit gate, so a host can exit while async calls are in flight.

use std::ffi::{c_char, c_void, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};

use plivo_powerpack::Client;

pub mod cancel;
pub mod dispatch;
pub mod exit;

use cancel::PlivoCancel;
use dispatch::Envelope;

/// A client, as handed to C. Opaque; made by [`plivo_client_new`], freed by [`plivo_client_free`].
pub struct PlivoClient {
    inner: Client,
}

impl PlivoClient {
    /// A C handle to an existing client (it shares the client's connection pool): for a library
    /// that makes clients its own way and hands them to C (the UniFFI layer's `c_client`).
    /// Free it with [`plivo_client_free`].
    pub fn into_raw(inner: Client) -> *mut PlivoClient {
        Box::into_raw(Box::new(PlivoClient { inner }))
    }
}

/// Called once when an async call completes: `envelope` is the JSON answer, valid only until the
/// callback returns (the library frees it; copy what you keep).
pub type PlivoCallback = extern "C" fn(user_data: *mut c_void, envelope: *const c_char);

/// A string the caller frees with [`plivo_string_free`]. JSON never holds a NUL byte (it is
/// escaped), so the conversion cannot fail.
fn hand_out(text: String) -> *mut c_char {
    CString::new(text).unwrap_or_else(|_| c"{\"ok\":false}".to_owned()).into_raw()
}

/// A borrowed C string as UTF-8, or the envelope that refuses it.
///
/// # Safety
/// `ptr` is null or a NUL-terminated string that outlives the call.
unsafe fn text<'a>(ptr: *const c_char, what: &str) -> Result<&'a str, Envelope> {
    if ptr.is_null() {
        return Err(Envelope::validation(what, "is a null pointer"));
    }
    CStr::from_ptr(ptr).to_str().map_err(|_| Envelope::validation(what, "is not valid UTF-8"))
}

/// Runs an entry point's body, turning a panic into the `internal` envelope.
fn guarded(body: impl FnOnce() -> Envelope) -> Envelope {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|_| Envelope::internal("a panic in the C ABI entry point"))
}

/// Makes a client from a JSON config (see `include/plivo_powerpack.h`). Returns the client, or
/// null with `*error_out` set to an error envelope (free it with [`plivo_string_free`]).
/// `error_out` may be null when the caller does not want the reason.
///
/// # Safety
/// `config_json` is null or a NUL-terminated string; `error_out` is null or writable.
#[no_mangle]
pub unsafe extern "C" fn plivo_client_new(config_json: *const c_char, error_out: *mut *mut c_char) -> *mut PlivoClient {
    let mut client = None;
    let envelope = guarded(|| {
        let made = text(config_json, "config")
            .and_then(|json| plivo_powerpack::settings::client_from_json(json).map_err(Envelope::from));
        match made {
            Ok(c) => {
                client = Some(c);
                Envelope::ok("null")
            }
            Err(e) => e,
        }
    });
    if !error_out.is_null() {
        *error_out = if client.is_some() { std::ptr::null_mut() } else { hand_out(envelope.into_json()) };
    }
    match client {
        Some(inner) => PlivoClient::into_raw(inner),
        None => std::ptr::null_mut(),
    }
}

/// Frees a client. Calls in flight keep their own reference and complete normally. Null is a no-op.
///
/// # Safety
/// `client` is null or came from [`plivo_client_new`] and is not used again.
#[no_mangle]
pub unsafe extern "C" fn plivo_client_free(client: *mut PlivoClient) {
    if !client.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(client))));
    }
}

/// The client's redacted description (account, base URL, timeouts; the token as `***`), for
/// a binding's `String()`/`__debugInfo`. Free it with [`plivo_string_free`].
///
/// # Safety
/// `client` is null or a live client.
#[no_mangle]
pub unsafe extern "C" fn plivo_client_describe(client: *const PlivoClient) -> *mut c_char {
    let described = catch_unwind(AssertUnwindSafe(|| match client.as_ref() {
        Some(c) => format!("{:?}", c.inner),
        None => "PowerpackClient(null)".to_owned(),
    }));
    hand_out(described.unwrap_or_else(|_| "PowerpackClient(?)".to_owned()))
}

/// Runs one operation and waits for it: returns the envelope `{"ok":true,"result":...}` or
/// `{"ok":false,"error":{...}}`. Never null. Free it with [`plivo_string_free`].
///
/// # Safety
/// `client` is null or a live client; `operation` and `args_json` are null or NUL-terminated.
#[no_mangle]
pub unsafe extern "C" fn plivo_call(
    client: *const PlivoClient,
    operation: *const c_char,
    args_json: *const c_char,
) -> *mut c_char {
    plivo_call_with_cancel(client, operation, args_json, std::ptr::null())
}

/// [`plivo_call`] that another thread can end early through `cancel` (null for none): the call
/// then answers the `cancelled` envelope at once and its request is dropped. For a host that
/// waits for one call on its own thread, the cheapest way there (no hand-off to a library thread
/// and back, see `runtime::block_on`), and still cancellable.
///
/// # Safety
/// As [`plivo_call`]; `cancel` is null or a live token.
#[no_mangle]
pub unsafe extern "C" fn plivo_call_with_cancel(
    client: *const PlivoClient,
    operation: *const c_char,
    args_json: *const c_char,
    cancel: *const PlivoCancel,
) -> *mut c_char {
    let envelope = guarded(|| match prepare(client, operation, args_json) {
        Ok((client, name, args)) => {
            let token = cancel.as_ref().map(PlivoCancel::token);
            plivo_powerpack::runtime::block_on(run_until_cancelled(client, name, args, token))
                .unwrap_or_else(Envelope::from)
        }
        Err(e) => e,
    });
    hand_out(envelope.into_json())
}

/// The named operation's envelope, or `cancelled` as soon as `token` is: the call's future is
/// then dropped and its request stops where it is. Never an `Err` (an error is an envelope too):
/// the `Result` is what `runtime::block_on` and `runtime::detach` run, a panic coming back as
/// their `Internal` error.
async fn run_until_cancelled(
    client: Client,
    name: String,
    args: String,
    token: Option<plivo_powerpack::CancelToken>,
) -> Result<Envelope, plivo_powerpack::PowerpackError> {
    let answer = dispatch::run(&client, &name, &args);
    Ok(match token {
        Some(token) => token.run(answer).await.unwrap_or_else(Envelope::cancelled),
        None => answer.await,
    })
}

/// Starts one operation and returns at once; `callback(user_data, envelope)` is called exactly
/// once, on a library thread, when it completes, fails or is cancelled through `cancel` (null for
/// none). When the arguments are refused before the call starts (a null pointer, invalid UTF-8),
/// the callback runs on the calling thread before this function returns.
///
/// # Safety
/// As [`plivo_call`]; `cancel` is null or a live token; `callback` is safe to call from any thread
/// with `user_data`.
#[no_mangle]
pub unsafe extern "C" fn plivo_call_async(
    client: *const PlivoClient,
    operation: *const c_char,
    args_json: *const c_char,
    cancel: *const PlivoCancel,
    callback: PlivoCallback,
    user_data: *mut c_void,
) {
    let user_data = SendPtr(user_data);
    let started = catch_unwind(AssertUnwindSafe(|| {
        let (client, name, args) = prepare(client, operation, args_json)?;
        let token = cancel.as_ref().map(PlivoCancel::token);
        plivo_powerpack::runtime::detach(run_until_cancelled(client, name, args, token), move |outcome| {
            let user_data = user_data;
            deliver(callback, user_data.0, &outcome.unwrap_or_else(Envelope::from));
        });
        Ok::<(), Envelope>(())
    }));
    match started {
        Ok(Ok(())) => {}
        Ok(Err(refused)) => deliver(callback, user_data.0, &refused),
        Err(_) => deliver(callback, user_data.0, &Envelope::internal("a panic in plivo_call_async")),
    }
}

/// A `user_data` pointer carried to the thread that completes the call; the caller promised it
/// may be used from any thread.
#[derive(Clone, Copy)]
struct SendPtr(*mut c_void);
// SAFETY: the header's contract: `user_data` is handed back, untouched, to the caller's callback.
unsafe impl Send for SendPtr {}

fn deliver(callback: PlivoCallback, user_data: *mut c_void, envelope: &Envelope) {
    let json = CString::new(envelope.to_json()).unwrap_or_else(|_| c"{\"ok\":false}".to_owned());
    // A panic unwinding out of a foreign callback is the caller's bug; it must still not cross
    // back into C, so it stops here.
    exit::deliver_unless_exiting(|| {
        let _ = catch_unwind(AssertUnwindSafe(|| callback(user_data, json.as_ptr())));
    });
}

/// For a host's exit hook: no async completion is delivered after this call; the deliveries in
/// progress are waited for, at most `timeout_ms`. Returns whether they all finished in time.
#[no_mangle]
pub extern "C" fn plivo_prepare_for_exit(timeout_ms: u64) -> bool {
    catch_unwind(|| exit::prepare_for_exit(std::time::Duration::from_millis(timeout_ms))).unwrap_or(false)
}

/// The client (a cheap clone), the operation's name and its arguments' text, or the refusal.
unsafe fn prepare(
    client: *const PlivoClient,
    operation: *const c_char,
    args_json: *const c_char,
) -> Result<(Client, String, String), Envelope> {
    let client = client.as_ref().ok_or_else(|| Envelope::validation("client", "is a null pointer"))?;
    let name = text(operation, "operation")?.to_owned();
    let args = if args_json.is_null() { "{}" } else { text(args_json, "args")? };
    Ok((client.inner.clone(), name, args.to_owned()))
}

/// Frees a string the library handed out. Null is a no-op.
///
/// # Safety
/// `s` is null or came from this library and is not used again.
#[no_mangle]
pub unsafe extern "C" fn plivo_string_free(s: *mut c_char) {
    if !s.is_null() {
        drop(CString::from_raw(s));
    }
}

/// The names of every operation, as a JSON array (free it with [`plivo_string_free`]).
#[no_mangle]
pub extern "C" fn plivo_operations() -> *mut c_char {
    hand_out(serde_json::to_string(plivo_powerpack::dispatch::OPERATIONS).unwrap_or_default())
}

/// The library's version, a static string: never freed.
#[no_mangle]
pub extern "C" fn plivo_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
