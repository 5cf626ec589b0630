//! Widget events as DOM events on the host (`freedom-widget:call`, …), bubbling and composed, and
//! the partner's `onEvent`. Nothing leaves the page.

use crate::components::ui::WidgetEvent;
use js_sys::{Function, Object, Reflect};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// Turns widget events into DOM events on the host (`freedom-widget:call`, …), which bubble
/// out of the shadow root, and calls the partner's `onEvent` if given. Nothing leaves the page.
pub(super) fn event_callback(
    host: Element,
    on_event: Option<Function>,
    live: Rc<Cell<bool>>,
) -> yew::Callback<WidgetEvent> {
    yew::Callback::from(move |event: WidgetEvent| {
        if !live.get() {
            return;
        }
        let detail = Object::new();
        let set = |k: &str, v: &str| {
            let _ = Reflect::set(&detail, &k.into(), &v.into());
        };
        let name = match &event {
            WidgetEvent::Call { country, hotline, channel } => {
                set("country", country);
                set("hotline", hotline);
                set("channel", channel);
                "call"
            }
            WidgetEvent::CountryChange { country, chosen_by } => {
                set("country", country);
                set("chosenBy", chosen_by);
                "country-change"
            }
            WidgetEvent::QuickExit => "quick-exit",
            WidgetEvent::LanguageChange { lang } => {
                set("lang", lang);
                "language-change"
            }
            WidgetEvent::Shown => return super::first_paint::hand_over(&host),
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict(&format!("freedom-widget:{name}"), &init) {
            let _ = host.dispatch_event(&e);
        }
        if let Some(f) = &on_event {
            // A partner's handler that throws must not break the widget.
            let _ = f.call2(&JsValue::NULL, &name.into(), &detail);
        }
    })
}
