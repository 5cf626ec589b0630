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

/// Called as a chunk is taken over, just before Yew swaps its prerendered nodes for the copies
/// it has hydrated: if the focus is on one of the rows of `countries` (a country's button, or
/// one of its numbers), the same control in the copy gets it once the swap is done. Without
/// this, a visitor who had tabbed into the list before the page took it over would be sent back
/// to the top of the page.
pub fn keep_focus_in(countries: &[&'static str]) {
    #[cfg(target_arch = "wasm32")]
    focus::keep(countries);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = countries;
}

/// Called as a part is taken over (`components::later`), just before Yew swaps its prerendered
/// nodes for the copies it has hydrated: if the focus is on an element with an `id`, the copy
/// (which has the same `id`) gets it once the swap is done.
pub fn keep_focus_by_id() {
    #[cfg(target_arch = "wasm32")]
    focus::keep_by_id();
}

#[cfg(target_arch = "wasm32")]
mod focus {
    use gloo::timers::callback::Timeout;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlElement};

    pub fn keep(countries: &[&'static str]) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(focused) = document.active_element() else { return };
        let Some(code) = focused
            .closest("li.country-row[data-country]")
            .ok()
            .flatten()
            .and_then(|row| row.get_attribute("data-country"))
            .filter(|code| countries.contains(&code.as_str()))
        else {
            return;
        };
        // The country's button, or the link to one of its numbers (tel: links, no quotes in them).
        let control = match focused.get_attribute("href") {
            Some(href) if !href.contains('"') => format!("a[href=\"{href}\"]"),
            Some(_) => return,
            None => "button.country-name".to_string(),
        };
        let selector = format!("li.country-row[data-country=\"{code}\"] {control}");
        refocus(focused, selector, 20);
    }

    pub fn keep_by_id() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(focused) = document.active_element() else { return };
        let id = focused.id();
        // Ids the widget writes are plain words (`fw-tab-protection`): nothing to escape.
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return;
        }
        refocus(focused, format!("#{id}"), 20);
    }

    /// Waits (a few tasks at most) for the swap, then focuses the copy, unless the visitor has
    /// since put the focus somewhere else.
    fn refocus(old: Element, selector: String, tries: u32) {
        Timeout::new(0, move || {
            if old.is_connected() {
                if tries > 0 {
                    refocus(old, selector, tries - 1);
                }
                return;
            }
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            let focus_lost = match (document.active_element(), document.body()) {
                (None, _) => true,
                (Some(active), Some(body)) => active == *body,
                (Some(_), None) => false,
            };
            if focus_lost {
                if let Some(copy) =
                    document.query_selector(&selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlElement>().ok())
                {
                    let _ = copy.focus();
                }
            }
        })
        .forget();
    }
}
