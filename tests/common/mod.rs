//! What several native test files share (each includes it with `mod common;`).

use std::sync::mpsc;
use std::time::Duration;

/// Runs `f` on its own thread and fails if it takes longer than the bound: a hang is a failure
/// with its input, not a test run that never ends. Generous, for debug builds on a busy machine.
pub fn within<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(Duration::from_secs(10)) {
        Ok(v) => v,
        // The sender was dropped without a value: the thread panicked; surface its panic.
        Err(mpsc::RecvTimeoutError::Disconnected) => std::panic::resume_unwind(worker.join().unwrap_err()),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("no answer within 10 s"),
    }
}
