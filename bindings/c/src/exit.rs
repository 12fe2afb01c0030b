//! The exit gate: no completion callback into a host that is shutting down.
//!
//! A completion runs the host's callback on a runtime worker thread. If the host is finalizing
//! at that moment the callback may never return: CPython before 3.14 ends a thread that asks for
//! the GIL during finalization with `pthread_exit`, whose forced unwind cannot cross Rust frames,
//! and the process aborts ("FATAL: exception not rethrown"). A host's exit hook (Python's
//! `atexit`, which runs before finalization) calls [`prepare_for_exit`]: no completion is
//! delivered after it, and the ones being delivered are waited for. Calls still running are
//! abandoned with the process, which is what exiting means.
//!
//! One gate for the whole library: the C ABI's callbacks and the UniFFI layer's async
//! completions (`plivo_powerpack_ffi::exit`) both pass through [`deliver_unless_exiting`].

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::time::{Duration, Instant};

static EXITING: AtomicBool = AtomicBool::new(false);
static DELIVERING: AtomicUsize = AtomicUsize::new(0);

/// Runs `deliver` (a foreign callback) unless the host is exiting. The count is raised before
/// the flag is read, and [`prepare_for_exit`] sets the flag before reading the count, so a
/// delivery is either waited for or skipped, never missed (sequentially consistent atomics).
pub fn deliver_unless_exiting(deliver: impl FnOnce()) {
    DELIVERING.fetch_add(1, SeqCst);
    if !EXITING.load(SeqCst) {
        deliver();
    }
    DELIVERING.fetch_sub(1, SeqCst);
}

/// Stops delivering completions and waits, at most `timeout`, for the deliveries in progress.
/// For exit hooks only: afterwards async calls never complete. Returns whether every delivery in
/// progress finished in time.
pub fn prepare_for_exit(timeout: Duration) -> bool {
    EXITING.store(true, SeqCst);
    let deadline = Instant::now() + timeout;
    while DELIVERING.load(SeqCst) > 0 {
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    true
}

/// Whether [`prepare_for_exit`] was called.
pub fn exiting() -> bool {
    EXITING.load(SeqCst)
}

/// The deliveries in progress (for tests).
pub fn delivering() -> usize {
    DELIVERING.load(SeqCst)
}
