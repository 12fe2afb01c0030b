//! The one Tokio runtime the crate owns, for callers that have none: the
//! blocking API and the foreign-language bindings.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};

use crate::error::PowerpackError;

use once_cell::sync::Lazy;
use tokio::runtime::Runtime;

/// Created on first use; its worker threads live as long as the process.
static RUNTIME: Lazy<Runtime> = Lazy::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .thread_name("plivo-powerpack")
        .on_thread_start(block_sigpipe)
        .enable_all()
        .build()
        .expect("the plivo-powerpack runtime could not start")
});

/// The runtime a lone blocking call runs on, driven by its caller's thread alone: the call's
/// connections, timers and I/O all live on it, so a call costs no wake-up of another thread
/// (see [`block_on`]). Only the holder of [`CALLER_SLOTS`] drives it, one thread at a time.
static CALLER_LANE: Lazy<Runtime> = Lazy::new(|| {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("the plivo-powerpack caller runtime could not start")
});

thread_local! {
    /// Set while this thread drives a call on [`CALLER_LANE`].
    static ON_CALLER_LANE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// True inside a call on the caller lane. Whatever spawns tasks there (a connection pool opening
/// a connection) must keep them to that lane: its tasks run only while a caller drives it, so a
/// pool shared with the workers' calls could hand them a connection nobody drives.
pub(crate) fn on_caller_lane() -> bool {
    ON_CALLER_LANE.with(|on| on.get())
}

/// Blocks SIGPIPE on the calling (runtime) thread. Writing to a socket the server closed raises
/// SIGPIPE on the writing thread (std's vectored writes do not pass `MSG_NOSIGNAL`), and its
/// default action ends the process. Rust binaries, CPython and the JVM ignore it; a C, Go or PHP
/// host may not, and a library must not kill its host: blocked, the write fails with `EPIPE`
/// and the call reports a network error.
fn block_sigpipe() {
    #[cfg(unix)]
    // SAFETY: changes only this thread's signal mask.
    unsafe {
        libc::pthread_sigmask(libc::SIG_BLOCK, &sigpipe_set(), std::ptr::null_mut());
    }
}

/// Runs `fut` to completion on the crate's runtime and waits for it, from any
/// thread, including one inside another Tokio runtime.
///
/// A lone blocking call is driven by the calling thread itself, on a single-threaded runtime of
/// its own ([`CALLER_LANE`]) where its connection's task and its socket's readiness live too: it
/// then costs no hand-off to a worker and no wake-up back, the thread switches that cost most on
/// a small machine. While another is in flight, and on a thread inside a Tokio runtime (where
/// `block_on` may not be called), `fut` is spawned onto the workers and the caller waits on a
/// channel: many threads each driving a call would contend for the cores with the workers, where
/// the calls share their connections' tasks.
///
/// A panic inside the call (a bug) comes back as [`PowerpackError::Internal`], never as a
/// panic in the caller's thread or a call that silently vanishes.
pub fn block_on<T, E, F>(fut: F) -> Result<T, E>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: From<PowerpackError> + Send + 'static,
{
    block_on_with(&CALLER_SLOTS, fut)
}

fn block_on_with<T, E, F>(slots: &CallerSlots, fut: F) -> Result<T, E>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: From<PowerpackError> + Send + 'static,
{
    if tokio::runtime::Handle::try_current().is_err() {
        if let Some(_slot) = slots.take() {
            let _sigpipe = SigpipeBlocked::on_this_thread();
            let _lane = OnCallerLane::enter();
            return CALLER_LANE.block_on(CatchUnwind(Box::pin(fut)));
        }
    }
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    RUNTIME.spawn(async move {
        let _ = tx.send(CatchUnwind(Box::pin(fut)).await);
    });
    rx.recv().unwrap_or_else(|_| Err(dropped().into()))
}

/// [`ON_CALLER_LANE`] set for as long as it lives, however the call ends.
struct OnCallerLane;

impl OnCallerLane {
    fn enter() -> Self {
        ON_CALLER_LANE.with(|on| on.set(true));
        OnCallerLane
    }
}

impl Drop for OnCallerLane {
    fn drop(&mut self) {
        ON_CALLER_LANE.with(|on| on.set(false));
    }
}

/// SIGPIPE blocked on a caller's thread while it drives a call, as on the runtime's own threads
/// ([`block_sigpipe`]): the thread may write to a socket the server closed. Dropped, it takes
/// back a SIGPIPE the call raised (so it is not delivered when the mask is restored) and
/// restores the thread's mask. A SIGPIPE pending before the call is left to the host.
struct SigpipeBlocked {
    #[cfg(unix)]
    saved: libc::sigset_t,
    #[cfg(unix)]
    was_pending: bool,
}

#[cfg(unix)]
fn sigpipe_set() -> libc::sigset_t {
    // SAFETY: plain libc calls on a local, zero-initialized signal set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        set
    }
}

#[cfg(unix)]
fn sigpipe_pending() -> bool {
    // SAFETY: sigpending writes the local set; sigismember reads it.
    unsafe {
        let mut pending: libc::sigset_t = std::mem::zeroed();
        libc::sigpending(&mut pending) == 0 && libc::sigismember(&pending, libc::SIGPIPE) == 1
    }
}

impl SigpipeBlocked {
    fn on_this_thread() -> Self {
        #[cfg(unix)]
        // SAFETY: changes only this thread's signal mask; the old one is kept to restore.
        unsafe {
            let mut saved: libc::sigset_t = std::mem::zeroed();
            libc::pthread_sigmask(libc::SIG_BLOCK, &sigpipe_set(), &mut saved);
            SigpipeBlocked { saved, was_pending: sigpipe_pending() }
        }
        #[cfg(not(unix))]
        SigpipeBlocked {}
    }
}

impl Drop for SigpipeBlocked {
    fn drop(&mut self) {
        #[cfg(unix)]
        // SAFETY: sigwait returns at once for a pending signal in the (blocked) set; the mask
        // restored is the one this thread had.
        unsafe {
            let pipe = sigpipe_set();
            if !self.was_pending && sigpipe_pending() {
                let mut taken = 0;
                libc::sigwait(&pipe, &mut taken);
            }
            libc::pthread_sigmask(libc::SIG_SETMASK, &self.saved, std::ptr::null_mut());
        }
    }
}

/// The blocking calls allowed to run on their callers' threads at once.
static CALLER_SLOTS: CallerSlots = CallerSlots::new(1);

struct CallerSlots {
    in_use: AtomicUsize,
    limit: usize,
}

/// A taken slot, given back when dropped (the call ended, whatever its outcome).
struct CallerSlot<'a>(&'a CallerSlots);

impl CallerSlots {
    const fn new(limit: usize) -> Self {
        CallerSlots { in_use: AtomicUsize::new(0), limit }
    }

    fn take(&self) -> Option<CallerSlot<'_>> {
        self.in_use
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| (n < self.limit).then_some(n + 1))
            .ok()
            .map(|_| CallerSlot(self))
    }
}

impl Drop for CallerSlot<'_> {
    fn drop(&mut self) {
        self.0.in_use.fetch_sub(1, Ordering::AcqRel);
    }
}

/// Runs `fut` on the crate's runtime and awaits it from any executor
/// (asyncio, coroutines, Swift tasks via UniFFI). Dropping the returned
/// future (a cancelled caller) aborts the spawned task, so a cancelled call
/// stops at its next await point instead of running on unseen. A panic inside
/// the call comes back as [`PowerpackError::Internal`].
pub async fn spawn<T, E, F>(fut: F) -> Result<T, E>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: From<PowerpackError> + Send + 'static,
{
    struct AbortOnDrop(tokio::task::JoinHandle<()>);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let _guard = AbortOnDrop(RUNTIME.spawn(async move {
        let _ = tx.send(CatchUnwind(Box::pin(fut)).await);
    }));
    rx.await.unwrap_or_else(|_| Err(dropped().into()))
}

/// Runs `fut` on the crate's runtime without waiting for it, then hands its outcome to `then` on
/// the same task: for adapters that complete a call through a callback (the C ABI). One task per
/// call. A panic inside `fut` comes to `then` as [`PowerpackError::Internal`]; one inside `then`
/// is caught and goes no further.
pub fn detach<T, E, F, G>(fut: F, then: G)
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    G: FnOnce(Result<T, E>) + Send + 'static,
    T: Send + 'static,
    E: From<PowerpackError> + Send + 'static,
{
    RUNTIME.spawn(async move {
        let outcome = CatchUnwind(Box::pin(fut)).await;
        let _ = std::panic::catch_unwind(AssertUnwindSafe(|| then(outcome)));
    });
}

fn dropped() -> PowerpackError {
    PowerpackError::Internal { reason: "the plivo-powerpack runtime dropped the call".into() }
}

/// Polls a call's future, turning a panic into `PowerpackError::Internal` with its message
/// (converted into the caller's error type, the bindings' own).
struct CatchUnwind<T, E>(Pin<Box<dyn Future<Output = Result<T, E>> + Send>>);

impl<T, E: From<PowerpackError>> Future for CatchUnwind<T, E> {
    type Output = Result<T, E>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(AssertUnwindSafe(|| inner.as_mut().poll(cx))) {
            Ok(poll) => poll,
            Err(payload) => {
                let message = payload
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_owned())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_owned());
                Poll::Ready(Err(PowerpackError::Internal { reason: format!("the call panicked: {message}") }.into()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panicking_blocking_call_is_an_internal_error() {
        let r: Result<(), PowerpackError> = block_on(async { panic!("decoder bug") });
        match r {
            Err(PowerpackError::Internal { reason }) => assert!(reason.contains("decoder bug"), "{reason}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(block_on(async { Ok::<_, PowerpackError>(7) }).unwrap(), 7, "the runtime still works");
    }

    /// The thread `block_on_with` ran the call on, seen from inside the call.
    fn thread_of_call(slots: &CallerSlots) -> std::thread::ThreadId {
        block_on_with(slots, async { Ok::<_, PowerpackError>(std::thread::current().id()) }).unwrap()
    }

    #[test]
    fn a_blocking_call_runs_on_its_callers_thread_while_a_slot_is_free() {
        let slots = CallerSlots::new(1);
        assert_eq!(thread_of_call(&slots), std::thread::current().id());
        assert_eq!(slots.in_use.load(Ordering::Acquire), 0, "the slot is given back");
    }

    #[test]
    fn only_a_call_on_its_callers_thread_is_on_the_caller_lane_and_only_while_it_runs() {
        let on_lane = |slots: &CallerSlots| block_on_with(slots, async { Ok::<_, PowerpackError>(on_caller_lane()) });
        let slots = CallerSlots::new(1);
        assert!(on_lane(&slots).unwrap());
        assert!(!on_caller_lane(), "cleared when the call returns");
        let _held = slots.take().expect("a free slot");
        assert!(!on_lane(&slots).unwrap(), "a call on the workers is not");
        let r: Result<(), PowerpackError> = block_on_with(&CallerSlots::new(1), async { panic!("decoder bug") });
        assert!(r.is_err());
        assert!(!on_caller_lane(), "cleared when the call panics");
    }

    #[test]
    fn a_blocking_call_goes_to_the_workers_when_every_slot_is_taken() {
        let slots = CallerSlots::new(1);
        let held = slots.take().expect("a free slot");
        assert!(slots.take().is_none(), "one slot only");
        assert_ne!(thread_of_call(&slots), std::thread::current().id());
        drop(held);
        assert_eq!(thread_of_call(&slots), std::thread::current().id(), "free again");
    }

    #[test]
    fn a_blocking_call_inside_a_tokio_runtime_goes_to_the_workers() {
        // Runtime::block_on panics on a thread inside a runtime; the call must not.
        let other = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let here = std::thread::current().id();
        let ran_on = other.block_on(async { thread_of_call(&CallerSlots::new(1)) });
        assert_ne!(ran_on, here);
    }

    #[test]
    fn a_panicking_call_on_the_callers_thread_gives_its_slot_back() {
        let slots = CallerSlots::new(1);
        let r: Result<(), PowerpackError> = block_on_with(&slots, async { panic!("decoder bug") });
        assert!(matches!(r, Err(PowerpackError::Internal { .. })), "{r:?}");
        assert_eq!(slots.in_use.load(Ordering::Acquire), 0);
    }

    #[test]
    fn a_panicking_async_call_is_an_internal_error() {
        let r: Result<(), PowerpackError> = block_on(spawn(async { panic!("{}", String::from("formatted")) }));
        assert!(matches!(r, Err(PowerpackError::Internal { ref reason }) if reason.contains("formatted")), "{r:?}");
    }

    #[test]
    fn a_detached_call_hands_its_outcome_or_its_panic_to_then() {
        let (tx, rx) = std::sync::mpsc::channel();
        let sent = tx.clone();
        detach(async { Ok::<_, PowerpackError>(7) }, move |r| sent.send(r).unwrap());
        assert_eq!(rx.recv().unwrap().unwrap(), 7);
        detach(async { Err::<(), _>(PowerpackError::Internal { reason: "x".into() }) }, |_| panic!("a caller's bug"));
        detach(async { panic!("decoder bug") }, move |r: Result<i32, PowerpackError>| tx.send(r).unwrap());
        let r = rx.recv().unwrap();
        assert!(matches!(r, Err(PowerpackError::Internal { ref reason }) if reason.contains("decoder bug")), "{r:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_sigpipe_raised_while_a_caller_drives_a_call_is_taken_back_and_the_mask_restored() {
        std::thread::spawn(|| {
            // SAFETY: reads this thread's mask; raises a signal at this thread only.
            let mask = || unsafe {
                let mut now: libc::sigset_t = std::mem::zeroed();
                libc::pthread_sigmask(libc::SIG_BLOCK, std::ptr::null(), &mut now);
                libc::sigismember(&now, libc::SIGPIPE)
            };
            assert_eq!(mask(), 0);
            let guard = SigpipeBlocked::on_this_thread();
            assert_eq!(mask(), 1, "blocked while the call runs");
            unsafe { libc::pthread_kill(libc::pthread_self(), libc::SIGPIPE) };
            assert!(sigpipe_pending(), "held, not delivered");
            drop(guard);
            assert!(!sigpipe_pending(), "taken back");
            assert_eq!(mask(), 0, "the thread's mask as it was");
        })
        .join()
        .unwrap();
    }
}
