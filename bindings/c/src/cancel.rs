//! A cancellation token for async calls, in the manner of Temporal's C bridge: made and freed by
//! the caller, cancelled from any thread, any number of times. A call holds its own reference, so
//! freeing the token while a call runs is safe (that call can then no longer be cancelled).

use std::panic::{catch_unwind, AssertUnwindSafe};

use plivo_powerpack::CancelToken;

/// A cancellation token, as handed to C. Opaque.
pub struct PlivoCancel {
    token: CancelToken,
}

impl PlivoCancel {
    /// What a call holds: its own clone of the token.
    pub(crate) fn token(&self) -> CancelToken {
        self.token.clone()
    }
}

/// A new token, not cancelled. Free it with [`plivo_cancel_free`].
#[no_mangle]
pub extern "C" fn plivo_cancel_new() -> *mut PlivoCancel {
    Box::into_raw(Box::new(PlivoCancel { token: CancelToken::new() }))
}

/// Cancels every call started with this token: each completes at once with the `cancelled`
/// envelope, and its request is dropped (the connection closed). Thread-safe and idempotent.
///
/// # Safety
/// `cancel` is null or a live token.
#[no_mangle]
pub unsafe extern "C" fn plivo_cancel_cancel(cancel: *const PlivoCancel) {
    if let Some(c) = cancel.as_ref() {
        let _ = catch_unwind(AssertUnwindSafe(|| c.token.cancel()));
    }
}

/// Frees a token. Null is a no-op.
///
/// # Safety
/// `cancel` is null or came from [`plivo_cancel_new`] and is not used again.
#[no_mangle]
pub unsafe extern "C" fn plivo_cancel_free(cancel: *mut PlivoCancel) {
    if !cancel.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| drop(Box::from_raw(cancel))));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_cancelled_before_or_after_waiting_resolves() {
        let rt = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let cancel = plivo_cancel_new();
        let token = unsafe { (*cancel).token() };
        unsafe { plivo_cancel_cancel(cancel) };
        rt.block_on(token.cancelled());
        let later = plivo_cancel_new();
        let token = unsafe { (*later).token() };
        let waiter = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(token.cancelled())
        });
        std::thread::sleep(std::time::Duration::from_millis(20));
        unsafe {
            plivo_cancel_cancel(later);
            plivo_cancel_free(later);
            plivo_cancel_free(cancel);
        }
        waiter.join().unwrap();
    }
}
