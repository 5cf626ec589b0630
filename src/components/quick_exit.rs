//! The quick exit bar: first in tab order, sticky while the widget is in view, with honest words
//! about what it does and does not do.

use super::ui::{use_ui, WidgetEvent};
use crate::core::i18n::Key;
use crate::hooks::use_quick_exit::{leave, use_quick_exit};
use web_sys::Element;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct QuickExitProps {
    pub url: AttrValue,
    /// What to hide at once: the widget's root (and, on the standalone page, the whole page).
    pub hide: NodeRef,
    #[prop_or_default]
    pub whole_page: bool,
}

#[component(QuickExit)]
pub fn quick_exit(props: &QuickExitProps) -> Html {
    let ui = use_ui();
    let title = use_mut_ref(String::new);
    let exit = {
        let (url, hide, whole_page, on_event, title) =
            (props.url.clone(), props.hide.clone(), props.whole_page, ui.on_event.clone(), title.clone());
        Callback::from(move |_: ()| {
            let document = web_sys::window().and_then(|w| w.document());
            *title.borrow_mut() = document.as_ref().map(|d| d.title()).unwrap_or_default();
            let mut targets: Vec<Element> = hide.cast::<Element>().into_iter().collect();
            if whole_page {
                targets.extend(document.and_then(|d| d.body()).map(Element::from));
            }
            on_event.emit(WidgetEvent::QuickExit);
            leave(&url, &targets);
        })
    };
    let on_return = {
        let (hide, title) = (props.hide.clone(), title.clone());
        Callback::from(move |_: ()| {
            // Back from the browser's cache: show the page again, as it was.
            let document = web_sys::window().and_then(|w| w.document());
            if let Some(e) = hide.cast::<Element>() {
                let _ = e.remove_attribute("hidden");
            }
            if let Some(d) = document {
                if let Some(body) = d.body() {
                    let _ = body.remove_attribute("hidden");
                }
                if !title.borrow().is_empty() {
                    d.set_title(&title.borrow());
                }
            }
        })
    };
    let presses = use_quick_exit(true, exit.clone(), on_return);
    let announce = if presses > 0 && presses < 3 {
        ui.tf(Key::QuickExitPresses, &[("count", &presses.to_string())])
    } else {
        String::new()
    };
    // (Only the pages' wasm and the prerender render a whole page's: the embed's leaves it out.)
    let page_build = cfg!(any(feature = "page", not(target_arch = "wasm32")));
    let button = if page_build && props.whole_page {
        // A page's quick exit is a link to where it goes, as GOV.UK's "Exit this page" is: with
        // scripts off, or before the wasm has come, it still leaves. With them, it leaves without
        // a history entry. It acts as a button, so it is one to assistive technology, and Space
        // presses it. `data-to`: where it goes, for the page's script to leave by it the same way
        // before the page is taken over (js/early-quick-exit.js).
        let onclick = exit.reform(|event: MouseEvent| event.prevent_default());
        let onkeydown = {
            let exit = exit.clone();
            Callback::from(move |event: KeyboardEvent| {
                if event.key() == " " {
                    event.prevent_default();
                    exit.emit(());
                }
            })
        };
        html! {
            <a href={props.url.clone()} role="button" rel="noopener noreferrer" referrerpolicy="no-referrer" class="quick-exit-button" part="quick-exit-button"
                {onclick} {onkeydown} aria-describedby="fw-quick-exit-hint" data-to={props.url.clone()}>
                { ui.t(Key::QuickExit) }
            </a>
        }
    } else {
        html! {
            <button type="button" class="quick-exit-button" part="quick-exit-button" onclick={exit.reform(|_: MouseEvent| ())}
                aria-describedby="fw-quick-exit-hint">
                { ui.t(Key::QuickExit) }
            </button>
        }
    };
    // A prerendered page may be read without a script, where Shift three times does nothing: its
    // hint then says only the button (static/page.css shows the one that is true).
    let hint = if page_build && props.whole_page {
        html! {
            <>
                <span class="with-script">{ ui.t(Key::QuickExitHint) }</span>
                <span class="without-script">{ ui.t(Key::QuickExitHintWithoutScript) }</span>
            </>
        }
    } else {
        html! { ui.t(Key::QuickExitHint) }
    };
    html! {
        <div class="quick-exit" part="quick-exit">
            { button }
            <p id="fw-quick-exit-hint" class="small quick-exit-hint">{ hint }</p>
            <p class="visually-hidden" role="status" aria-live="assertive">{ announce }</p>
        </div>
    }
}

/// The honest safety copy shown beside the hotlines: what quick exit does not do, and a tip.
#[component(SafetyNote)]
pub fn safety_note() -> Html {
    let ui = use_ui();
    html! {
        <div class="safety small" part="safety">
            <p>{ ui.t(Key::QuickExitNote) }</p>
            <p>{ ui.t(Key::SafetyTip) }</p>
        </div>
    }
}
