//! The standalone page (built with the `page` feature only): its widget is prerendered at build
//! time, and the wasm takes that HTML over. Exported to JavaScript in `exports.rs`.

use super::clues::{build_props, Door};
use super::events::event_callback;
use super::js_options::read_options;
use super::platform::browser_platform;
use crate::components::App;
use crate::core::builtin;
use crate::core::directory::Directory;
use crate::core::options::Options;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Takes over the prerendered HTML in `root` (light DOM; the page links the same stylesheet the
/// embed adopts), then detects the country and starts the clock.
pub(super) fn take_over(root: Element, options: JsValue) {
    let mut warned = Vec::new();
    let parsed = read_options(&options, &mut warned);
    // The prerender used the page's defaults; options from a deep link change the markup, so
    // those pages render afresh instead of hydrating markup that no longer matches.
    let prerendered = parsed == Options::page_defaults();
    let parsed = Options { quick_exit: parsed.quick_exit.or(Some(true)), ..parsed };
    let platform = browser_platform();
    let mut props = build_props(&parsed, platform, builtin::quotes().to_vec().into(), Rc::new(Directory::default()), event_callback(root.clone(), None, Rc::new(Cell::new(true))), Door::Page { hydrating: prerendered });
    // Read before taking over, which empties (or, for a deep link, replaces) the box.
    if let Some(input) = root.query_selector("#fw-search").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        props.typed_search = Some(input.value()).filter(|typed| !typed.trim().is_empty()).map(Into::into);
        props.search_had_focus = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|active| active == **input);
    }
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    let app = if prerendered { renderer.hydrate() } else { renderer.render() };
    // The page lives as long as the document.
    std::mem::forget(app);
}
