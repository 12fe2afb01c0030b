//! A cancellation token for the adapters whose callers cancel from outside a call's future (the
//! C ABI's `PlivoCancel`, the Node addon's `AbortSignal`): cancelled from any thread, any number
//! of times; each call holds its own clone, so the caller's handle may go while a call runs.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use tokio::sync::Notify;

/// See the [module docs](self). Clones share one state.
#[derive(Clone, Default)]
pub struct CancelToken(Arc<State>);

#[derive(Default)]
struct State {
    cancelled: AtomicBool,
    wake: Notify,
}

impl CancelToken {
    pub fn new() -> Self {
        Self::default()
    }

    /// Cancels every call holding a clone; idempotent.
    pub fn cancel(&self) {
        self.0.cancelled.store(true, Ordering::SeqCst);
        self.0.wake.notify_waiters();
    }

    /// Completes when the token is (or already was) cancelled.
    pub async fn cancelled(&self) {
        loop {
            let woken = self.0.wake.notified();
            tokio::pin!(woken);
            // Registered before the flag is read, so a cancel between the two is not missed.
            woken.as_mut().enable();
            if self.0.cancelled.load(Ordering::SeqCst) {
                return;
            }
            woken.await;
        }
    }

    /// `fut`'s output, or `None` as soon as the token is cancelled: `fut` is then dropped (a
    /// request stops where it is, and no retry follows). A cancel wins over an output ready at
    /// the same poll.
    pub async fn run<F: Future>(&self, fut: F) -> Option<F::Output> {
        tokio::select! {
            biased;
            () = self.cancelled() => None,
            output = fut => Some(output),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_token_cancelled_before_or_while_waiting_ends_the_call() {
        let token = CancelToken::new();
        token.cancel();
        assert_eq!(token.run(std::future::pending::<()>()).await, None, "cancelled before");
        let later = CancelToken::new();
        let waiting = tokio::spawn({
            let token = later.clone();
            async move { token.run(std::future::pending::<()>()).await }
        });
        tokio::task::yield_now().await;
        later.cancel();
        later.cancel(); // twice is a no-op
        assert_eq!(waiting.await.unwrap(), None, "cancelled while waiting");
        assert_eq!(CancelToken::new().run(async { 7 }).await, Some(7), "not cancelled");
    }
}
