//! The one Tokio runtime the crate owns, for callers that have none: the
//! blocking API and the foreign-language bindings.

use std::future::Future;

use once_cell::sync::Lazy;
use tokio::runtime::Runtime;

/// Created on first use; its worker threads live as long as the process.
static RUNTIME: Lazy<Runtime> = Lazy::new(|| {
    tokio::runtime::Builder::new_multi_thread()
        .thread_name("plivo-powerpack")
        .enable_all()
        .build()
        .expect("the plivo-powerpack runtime could not start")
});

/// Runs `fut` to completion on the crate's runtime and waits for it, from any
/// thread, including one inside another Tokio runtime.
///
/// The future is spawned onto the runtime's workers and the caller waits on a
/// channel, rather than driving it with `Runtime::block_on` on the calling
/// thread: the worker that owns the connection then does all the I/O and the
/// caller is woken once, at the end. Measured from Python on loopback, this cut
/// a blocking get from about 240 µs to about 160 µs, and a blocking update from
/// about 330 µs to about 240 µs.
pub fn block_on<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    RUNTIME.spawn(async move {
        let _ = tx.send(fut.await);
    });
    rx.recv().expect("the plivo-powerpack runtime dropped a call")
}

/// Runs `fut` on the crate's runtime and awaits it from any executor
/// (asyncio, coroutines, Swift tasks via UniFFI). Dropping the returned
/// future (a cancelled caller) aborts the spawned task, so a cancelled call
/// stops at its next await point instead of running on unseen.
pub async fn spawn<F>(fut: F) -> F::Output
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    struct AbortOnDrop(tokio::task::JoinHandle<()>);
    impl Drop for AbortOnDrop {
        fn drop(&mut self) {
            self.0.abort();
        }
    }
    let (tx, rx) = tokio::sync::oneshot::channel();
    let _guard = AbortOnDrop(RUNTIME.spawn(async move {
        let _ = tx.send(fut.await);
    }));
    rx.await.expect("the plivo-powerpack runtime dropped a call")
}
