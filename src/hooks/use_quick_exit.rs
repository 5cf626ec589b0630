//! Quick exit: the button's action and the Shift×3 shortcut. Everything that touches the page
//! outside the widget (title, history, navigation, key listener) is here, and released when
//! the widget unmounts.

use gloo::events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

/// Presses of Shift within this window count towards the shortcut.
const WINDOW_MS: f64 = 5_000.0;

/// Hides what the visitor was reading, blanks the title, then replaces the current history entry
/// with `url`: in the top window where the browser allows it (an embed inside an iframe), else here.
pub fn leave(url: &str, hide: &[Element]) {
    for e in hide {
        let _ = e.set_attribute("hidden", "");
    }
    let Some(window) = web_sys::window() else { return };
    if let Some(document) = window.document() {
        document.set_title("");
    }
    let top = window.top().ok().flatten();
    let replaced = top.map(|t| t.location().replace(url).is_ok()).unwrap_or(false);
    if !replaced {
        let _ = window.location().replace(url);
    }
}

/// Whether a key press is typing: in a text field, a select or editable content (looked up
/// through shadow roots with `composedPath`).
fn is_typing(event: &KeyboardEvent) -> bool {
    let Some(target) = event.composed_path().get(0).dyn_into::<Element>().ok() else { return false };
    let tag = target.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || target.closest("[contenteditable]").ok().flatten().is_some()
}

/// Listens for Shift pressed three times within five seconds (not while typing) and calls
/// `on_exit`; returns how many presses are counted now, for the screen-reader announcement.
/// A press counts only when Shift goes down and up with no other key (or click) in between, as
/// GOV.UK's "Exit this page" does: Shift+Tab, capitals and shortcuts use Shift as a modifier,
/// and a keyboard user moving backwards must not be thrown off the page. Any other key also
/// starts the count again.
/// Also resets the page, and the count, if the visitor comes back to it from the browser's cache.
#[hook]
pub fn use_quick_exit(enabled: bool, on_exit: Callback<()>, on_return: Callback<()>) -> u8 {
    let presses = use_state(|| 0u8);
    {
        let presses = presses.clone();
        use_effect_with(enabled, move |enabled| {
            let mut listeners = Vec::new();
            if *enabled {
                if let Some(window) = web_sys::window() {
                    let times: Rc<RefCell<Vec<f64>>> = Rc::default();
                    // Shift is down and nothing else has been pressed since.
                    let alone = Rc::new(std::cell::Cell::new(false));
                    let options = EventListenerOptions::run_in_capture_phase();
                    let reset = {
                        let (times, presses) = (times.clone(), presses.clone());
                        move || {
                            let mut times = times.borrow_mut();
                            if !times.is_empty() {
                                times.clear();
                                presses.set(0);
                            }
                        }
                    };
                    listeners.push(EventListener::new_with_options(&window, "keydown", options, {
                        let (alone, reset) = (alone.clone(), reset.clone());
                        move |e| {
                            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                            if e.key() == "Shift" {
                                if !e.repeat() {
                                    alone.set(true);
                                }
                            } else {
                                alone.set(false);
                                reset();
                            }
                        }
                    }));
                    listeners.push(EventListener::new_with_options(&window, "keyup", options, {
                        let alone = alone.clone();
                        move |e| {
                            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                            if e.key() != "Shift" || !alone.replace(false) || is_typing(e) {
                                return;
                            }
                            let now = js_sys::Date::now();
                            let mut times = times.borrow_mut();
                            times.retain(|t| now - t < WINDOW_MS);
                            times.push(now);
                            presses.set(times.len().min(3) as u8);
                            if times.len() >= 3 {
                                times.clear();
                                on_exit.emit(());
                            }
                        }
                    }));
                    // Shift+click (open in a new window, select text) is not a press either.
                    listeners.push(EventListener::new_with_options(&window, "pointerdown", options, {
                        let alone = alone.clone();
                        move |_| alone.set(false)
                    }));
                    listeners.push(EventListener::new(&window, "pageshow", move |e| {
                        let persisted = e.dyn_ref::<web_sys::PageTransitionEvent>().is_some_and(|e| e.persisted());
                        if persisted {
                            // Presses made before the visitor left must not add to new ones.
                            alone.set(false);
                            reset();
                            on_return.emit(());
                        }
                    }));
                }
            }
            move || drop(listeners)
        });
    }
    *presses
}
