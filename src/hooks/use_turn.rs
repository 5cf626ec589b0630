use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionResult};

/// Suspends a component taking over prerendered markup until a task of its own, so that a long
/// prerendered list is hydrated a chunk per task rather than in one long task. Needs a `Suspense`
/// above the component; until its turn the prerendered markup stays as it is. Without a browser
/// (the build-time prerender) it never waits.
#[hook]
pub fn use_turn() -> SuspensionResult<()> {
    let waiting = use_memo((), |_| {
        if cfg!(target_arch = "wasm32") {
            let (suspension, handle) = Suspension::new();
            turns::wait(handle);
            Some(suspension)
        } else {
            None
        }
    });
    match &*waiting {
        Some(suspension) if !suspension.resumed() => Err(suspension.clone()),
        _ => Ok(()),
    }
}

/// Turns are taken one per timer task, in the order they were asked for, and each timer is set
/// only once the previous turn has begun. Setting them all at once was not enough: Yew runs a
/// resumed component in its scheduler's current run when one is under way (the takeover's own
/// run, which yields to the browser by a timer of its own), so every chunk resumed by then was
/// hydrated in that one run, a task of 120 to 200 ms.
mod turns {
    use gloo::timers::callback::Timeout;
    use std::cell::RefCell;
    use std::collections::VecDeque;
    use yew::suspense::SuspensionHandle;

    thread_local! {
        static WAITING: RefCell<VecDeque<SuspensionHandle>> = const { RefCell::new(VecDeque::new()) };
    }

    pub fn wait(handle: SuspensionHandle) {
        let first = WAITING.with(|w| {
            let mut w = w.borrow_mut();
            w.push_back(handle);
            w.len() == 1
        });
        if first {
            next_turn();
        }
    }

    fn next_turn() {
        Timeout::new(0, || {
            let next = WAITING.with(|w| w.borrow_mut().pop_front());
            if let Some(handle) = next {
                // Yew renders the resumed component in a microtask of this task; the next timer
                // runs after it.
                handle.resume();
                if WAITING.with(|w| !w.borrow().is_empty()) {
                    next_turn();
                }
            }
        })
        .forget();
    }
}
