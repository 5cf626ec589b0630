//! The hand-over from the first paint (js/first-paint.js: the number, drawn before the wasm
//! arrived) to the widget, once the widget's first render is whole: the first paint goes, the
//! widget (rendered under it, unseen) shows in the same frame, and a visitor who had put the focus
//! on a link of the first paint finds it on the same link in the widget.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The class of the first paint's box in a shadow root, as js/first-paint.js draws it.
pub(super) const CLASS: &str = "fw-first";

/// Removes the first paint from `host`'s shadow root, handing its focus over. Nothing to do for
/// a widget that had none (the standalone page, a second render).
pub(super) fn hand_over(host: &Element) {
    let Some(shadow) = host.shadow_root() else { return };
    let Ok(Some(first)) = shadow.query_selector(&format!(".{CLASS}")) else { return };
    let focused = shadow.active_element().filter(|element| first.contains(Some(element)));
    // The same link in the widget (the same `tel:` or web address), else the widget's first
    // link of that kind: the visitor's place, not the top of the page.
    let target = focused.map(|element| {
        let href = element.get_attribute("href").filter(|h| !h.contains(['"', '\\']));
        href.and_then(|h| shadow.query_selector(&format!(".fw-mount a[href=\"{h}\"]")).ok().flatten())
            .or_else(|| shadow.query_selector(".fw-mount a.channel").ok().flatten())
    });
    first.remove();
    if let Some(Some(target)) = target {
        if let Some(target) = target.dyn_ref::<HtmlElement>() {
            let _ = target.focus();
        }
    }
}
