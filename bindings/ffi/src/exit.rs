//! A clean interpreter exit while async calls are in flight.
//!
//! An async call completes when a runtime worker wakes UniFFI's future, and that wake calls the
//! foreign language's continuation callback right there, on the worker thread. If the foreign
//! runtime is shutting down at that moment, the callback can never run: CPython before 3.14 ends
//! a thread that asks for the GIL during finalization with `pthread_exit`, whose forced unwind
//! cannot cross the Rust frames below, and the process aborts ("FATAL: exception not rethrown").
//!
//! So every async export delivers its completion through [`Guarded`], whose wakes pass the C
//! ABI's exit gate (`plivo_powerpack_c::exit`, one gate for both ways into the library): once
//! [`prepare_for_exit`] was called, from a language's exit hook (Python's `atexit`, which runs
//! before finalization starts), no completion is delivered, and the ones being delivered are
//! waited for. Calls still running are abandoned with the process, which is what exiting means.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

use plivo_powerpack_c::exit as gate;

/// Stops delivering async completions to the calling language and waits, at most `timeout`,
/// for the deliveries in progress to finish. For exit hooks only: after it, async calls never
/// complete. Returns whether every delivery in progress finished in time.
#[uniffi::export]
pub fn prepare_for_exit(timeout: Duration) -> bool {
    gate::prepare_for_exit(timeout)
}

/// A future whose wake-ups reach the foreign caller only while the process is not exiting.
pub(crate) struct Guarded<F> {
    inner: Pin<Box<F>>,
}

impl<F: Future> Guarded<F> {
    pub(crate) fn new(inner: F) -> Self {
        Guarded { inner: Box::pin(inner) }
    }
}

/// The waker handed to the inner future: each wake of UniFFI's waker (which runs the foreign
/// callback) passes the exit gate, which counts it while it runs and drops it once exiting.
struct GuardedWake(Waker);

impl Wake for GuardedWake {
    fn wake(self: Arc<Self>) {
        self.wake_by_ref();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        gate::deliver_unless_exiting(|| self.0.wake_by_ref());
    }
}

impl<F: Future> Future for Guarded<F> {
    type Output = F::Output;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<F::Output> {
        let waker = Waker::from(Arc::new(GuardedWake(cx.waker().clone())));
        self.inner.as_mut().poll(&mut Context::from_waker(&waker))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering::SeqCst};

    struct CountingWake(AtomicU32);
    impl Wake for CountingWake {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, SeqCst);
        }
    }

    /// Pending on its first poll, registering the waker it was given; its owner wakes it.
    struct Parked(Arc<std::sync::Mutex<Option<Waker>>>);
    impl Future for Parked {
        type Output = ();
        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            *self.0.lock().unwrap() = Some(cx.waker().clone());
            Poll::Pending
        }
    }

    // One test for the whole lifecycle: EXITING is process-wide and never reset.
    #[test]
    fn wakes_pass_through_until_exit_then_are_dropped() {
        let outer = Arc::new(CountingWake(AtomicU32::new(0)));
        let outer_waker = Waker::from(outer.clone());
        let slot = Arc::new(std::sync::Mutex::new(None));
        let mut guarded = Guarded::new(Parked(slot.clone()));
        let mut cx = Context::from_waker(&outer_waker);
        assert!(Pin::new(&mut guarded).poll(&mut cx).is_pending());
        let inner_waker = slot.lock().unwrap().clone().unwrap();

        inner_waker.wake_by_ref();
        assert_eq!(outer.0.load(SeqCst), 1, "delivered while running");

        assert!(prepare_for_exit(Duration::from_millis(100)), "nothing was being delivered");
        inner_waker.wake_by_ref();
        assert_eq!(outer.0.load(SeqCst), 1, "dropped once exiting");
        assert_eq!(gate::delivering(), 0);
        assert!(gate::exiting());
    }
}
