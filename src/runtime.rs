//! The one Tokio runtime the crate owns, for callers that have none: the
//! blocking API and the foreign-language bindings.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
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

/// Blocks SIGPIPE on the calling (runtime) thread. Writing to a socket the server closed raises
/// SIGPIPE on the writing thread (std's vectored writes do not pass `MSG_NOSIGNAL`), and its
/// default action ends the process. Rust binaries, CPython and the JVM ignore it; a C, Go or PHP
/// host may not, and a library must not kill its host: blocked, the write fails with `EPIPE`
/// and the call reports a network error.
fn block_sigpipe() {
    #[cfg(unix)]
    // SAFETY: plain libc calls on a local, zero-initialized signal set; they only change this
    // thread's signal mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGPIPE);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Runs `fut` to completion on the crate's runtime and waits for it, from any
/// thread, including one inside another Tokio runtime.
///
/// The future is spawned onto the runtime's workers and the caller waits on a
/// channel, rather than driving it with `Runtime::block_on` on the calling
/// thread: the worker that owns the connection then does all the I/O and the
/// caller is woken once, at the end. Measured from Python on loopback, this cut
/// a blocking get from about 240 µs to about 160 µs, and a blocking update from
/// about 330 µs to about 240 µs.
///
/// A panic inside the call (a bug) comes back as [`PowerpackError::Internal`], never as a
/// panic in the caller's thread or a call that silently vanishes.
pub fn block_on<T, E, F>(fut: F) -> Result<T, E>
where
    F: Future<Output = Result<T, E>> + Send + 'static,
    T: Send + 'static,
    E: From<PowerpackError> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    RUNTIME.spawn(async move {
        let _ = tx.send(CatchUnwind(Box::pin(fut)).await);
    });
    rx.recv().unwrap_or_else(|_| Err(dropped().into()))
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

/// Runs `fut` on the crate's runtime without waiting for it: for adapters that complete a call
/// through a callback (the C ABI). A panic inside it is caught and goes no further.
pub fn detach<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    RUNTIME.spawn(async move {
        let _ = CatchUnwind(Box::pin(async move {
            fut.await;
            Ok::<(), PowerpackError>(())
        }))
        .await;
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

    #[test]
    fn a_panicking_async_call_is_an_internal_error() {
        let r: Result<(), PowerpackError> = block_on(spawn(async { panic!("{}", String::from("formatted")) }));
        assert!(matches!(r, Err(PowerpackError::Internal { ref reason }) if reason.contains("formatted")), "{r:?}");
    }
}
