use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionResult};

/// Suspends a component taking over prerendered markup until a task of its own, so that a long
/// prerendered list is hydrated a chunk per task rather than in one long task. Needs a `Suspense`
/// above the component; until its turn the prerendered markup stays as it is. Without a browser
/// (the build-time prerender) it never waits.
#[hook]
pub fn use_turn() -> SuspensionResult<()> {
    use_turn_keeping(false)
}

/// `use_turn`, for a part whose prerendered nodes Yew swaps for copies when its turn comes
/// (`components::later`): the visitor's focus is read just before the turn is taken, before any
/// of the part's nodes change, and given to the copy of the focused element once the swap is
/// done (`KeptFocus`). Read any later, it could already be lost: Yew may un-suspend the part, and
/// remove its prerendered nodes, before it renders the part itself.
#[hook]
pub fn use_turn_keeping_focus() -> SuspensionResult<()> {
    use_turn_keeping(true)
}

#[hook]
fn use_turn_keeping(keep_focus: bool) -> SuspensionResult<()> {
    let waiting = use_memo((), move |_| {
        if cfg!(target_arch = "wasm32") {
            let (suspension, handle) = Suspension::new();
            turns::wait(handle, keep_focus);
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
        /// Each part waiting for its turn, and whether its focus is kept through the swap.
        static WAITING: RefCell<VecDeque<(SuspensionHandle, bool)>> = const { RefCell::new(VecDeque::new()) };
    }

    pub fn wait(handle: SuspensionHandle, keep_focus: bool) {
        let first = WAITING.with(|w| {
            let mut w = w.borrow_mut();
            w.push_back((handle, keep_focus));
            w.len() == 1
        });
        if first {
            next_turn();
        }
    }

    fn next_turn() {
        Timeout::new(0, || {
            let next = WAITING.with(|w| w.borrow_mut().pop_front());
            if let Some((handle, keep_focus)) = next {
                let kept = keep_focus.then(super::KeptFocus::take);
                // Yew renders the resumed component in a microtask of this task; the next timer
                // runs after it.
                handle.resume();
                if let Some(kept) = kept {
                    kept.restore();
                }
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

/// Where the focus is in the page, to give it back to the same place once a part taken over
/// (`components::later`) has had its prerendered nodes swapped for the copies Yew hydrated: by
/// the focused element's `id` if it has one, else by its place in the document (the copies have
/// the same markup, in the same place). Taken before the swap, while the focused element is
/// still where it was (`use_turn_keeping_focus`).
struct KeptFocus {
    #[cfg(target_arch = "wasm32")]
    place: Option<(web_sys::Element, String)>,
}

impl KeptFocus {
    fn take() -> KeptFocus {
        KeptFocus {
            #[cfg(target_arch = "wasm32")]
            place: focus::place(),
        }
    }

    /// Once the swap is done, focuses the copy, unless the visitor has since put the focus
    /// somewhere else.
    fn restore(self) {
        #[cfg(target_arch = "wasm32")]
        if let Some((focused, selector)) = self.place {
            focus::refocus(focused, selector, focus::deadline());
        }
    }
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
        // The country's name (a button, or at `/` a link to its page), or the link to one of its
        // numbers (tel: links, no quotes in them).
        let control = match focused.get_attribute("href") {
            _ if focused.class_list().contains("country-name") => ".country-name".to_string(),
            Some(href) if !href.contains('"') => format!("a[href=\"{href}\"]"),
            Some(_) => return,
            None => return,
        };
        let selector = format!("li.country-row[data-country=\"{code}\"] {control}");
        refocus(focused, selector, deadline());
    }

    /// The focused element and a selector for the same place, if the focus is on an element.
    pub fn place() -> Option<(Element, String)> {
        let document = web_sys::window()?.document()?;
        let focused = document.active_element()?;
        if document.body().is_some_and(|body| *body == focused) {
            return None;
        }
        let id = focused.id();
        // Ids the widget writes are plain words (`fw-tab-protection`): nothing to escape.
        if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            return Some((focused, format!("#{id}")));
        }
        // Its place: `:nth-child` at each step up from it to the document's root element.
        let mut steps = Vec::new();
        let mut at = focused.clone();
        while let Some(parent) = at.parent_element() {
            let place = parent.children();
            let index = (0..place.length()).position(|i| place.item(i).is_some_and(|e| e == at))?;
            steps.push(format!("{}:nth-child({})", at.tag_name().to_ascii_lowercase(), index + 1));
            at = parent;
        }
        steps.push(":root".to_string());
        steps.reverse();
        Some((focused, steps.join(" > ")))
    }

    /// How long to wait for the swap: Yew makes it once the part's turn has come and its render
    /// is done, some tasks later on a busy phone (a count of 20 tasks was too few there).
    pub fn deadline() -> f64 {
        js_sys::Date::now() + 3_000.0
    }

    /// Waits (until `until`, a time in ms) for the swap, then focuses the copy, unless the
    /// visitor has since put the focus somewhere else.
    pub fn refocus(old: Element, selector: String, until: f64) {
        Timeout::new(0, move || {
            if old.is_connected() {
                if js_sys::Date::now() < until {
                    refocus(old, selector, until);
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
