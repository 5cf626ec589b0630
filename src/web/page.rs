//! The standalone page (built with the `page` feature only): its widget is prerendered at build
//! time, and the wasm takes that HTML over. Exported to JavaScript in `exports.rs`.

use super::clues::{build_props, Door};
use super::events::event_callback;
use super::js_options::read_link_options;
use super::platform::browser_platform;
use crate::components::app::CountryPage;
use crate::components::{App, AppProps};
use crate::core::builtin;
use crate::core::directory::Directory;
use crate::core::options::Options;
use js_sys::{Array, Function, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Takes over the prerendered HTML in `root` (light DOM; the page links the same stylesheet the
/// embed adopts), then detects the country and starts the clock.
pub(super) fn take_over(root: Element, options: JsValue) {
    let mut warned = Vec::new();
    // A country's own page (`/mx/`) was prerendered for its country and language, which it
    // carries (`data-page-options`, written by the build): it is taken over with those, and its
    // URL's query is not read. The standalone page's options come from its URL, which anyone
    // can write: only what a link may set.
    if let Some(own) = root.get_attribute("data-page-options") {
        return take_over_country_page(root, &own);
    }
    let parsed = read_link_options(&options, &mut warned);
    // The prerender used the page's defaults. A deep link naming only a country and a language
    // (the poster's QR code: `?country=MX&lang=es`) still takes the prerender over, which starts
    // as prerendered and turns to that country and language just after, as for a visitor's
    // detected ones: rendering afresh emptied the list of every country and regrew it under a
    // reader (gone for up to 1.7 s in WebKit, everything below it moved by 8,000 px). Other
    // options change the markup, so those pages render afresh.
    let defaults = Options::page_defaults();
    let prerendered =
        Options { country: defaults.country.clone(), lang: defaults.lang.clone(), ..parsed.clone() } == defaults;
    let parsed = Options { quick_exit: parsed.quick_exit.or(Some(true)), ..parsed };
    // The build's channel: a link to the page cannot name another (core::options::LINK_OPTIONS).
    let channel = parsed.data_channel.clone();
    let platform = browser_platform();
    let mut props = build_props(
        &parsed,
        platform,
        builtin::quotes().to_vec().into(),
        Rc::new(Directory::default()),
        event_callback(root.clone(), None, Rc::new(Cell::new(true))),
        Door::Page { hydrating: prerendered },
    );
    if prerendered {
        // The first render must match the prerender, which chose no country from the options:
        // the deep link's country comes with detection's answer (`props.detected`) just after.
        props.options = Rc::new(Options { country: defaults.country, ..parsed });
    }
    keep_typed_search(&root, &mut props);
    let parts = if prerendered { reader_place_parts(&root) } else { Vec::new() };
    start(root, props, prerendered, parts, channel);
}

/// A country's page: the first render equals its prerender (`CountryPage`: its country, chosen
/// by the link the visitor opened, in its language), then the clock goes live. Nothing above the
/// widget changes height, so the reader's place needs no keeping.
fn take_over_country_page(root: Element, own: &str) {
    let pairs = own.split('&').filter_map(|pair| pair.split_once('='));
    let (parsed, problems) = Options::from_link(pairs, crate::core::is_country);
    // The build wrote them: a problem is the build's, said once, and the page still takes over.
    for problem in problems {
        super::console::warn_once_per_page(problem.to_string());
    }
    let parsed = Options { quick_exit: parsed.quick_exit.or(Some(true)), ..parsed };
    let channel = parsed.data_channel.clone();
    let mut props = build_props(
        &parsed,
        browser_platform(),
        builtin::quotes().to_vec().into(),
        Rc::new(Directory::default()),
        event_callback(root.clone(), None, Rc::new(Cell::new(true))),
        Door::Page { hydrating: true },
    );
    let Some(country) = parsed.country.clone() else {
        super::console::warn_once_per_page(format!("freedom-widget: this country page names no country ({own})"));
        return;
    };
    let page = props.page.get_or_insert_with(Default::default);
    page.country_page = Some(CountryPage { country: country.into(), lang: props.lang });
    keep_typed_search(&root, &mut props);
    // Yew's first render, which takes the page's shell over, a task after this preparation (its
    // options, its data, what was typed): together they were a task over 50 ms in some loads on
    // a phone's CPU (Lighthouse's 4× slowdown), which a tap waited for. Nothing is left without
    // its handler meanwhile: the search box keeps what is typed, and the quick exit button leaves
    // until its own turn (js/early-quick-exit.js).
    gloo::timers::callback::Timeout::new(0, move || start(root, props, true, Vec::new(), channel)).forget();
}

/// What the visitor typed into the prerendered search box, and whether it had the focus: read
/// before taking over, which empties (or, for a deep link, replaces) the box.
fn keep_typed_search(root: &Element, props: &mut AppProps) {
    let Some(input) =
        root.query_selector("#fw-search").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let page = props.page.get_or_insert_with(Default::default);
    page.typed_search = Some(input.value()).filter(|typed| !typed.trim().is_empty()).map(Into::into);
    page.search_had_focus = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|active| active == **input);
}

/// Renders (or hydrates) the page's app into `root`, and shows newer signed data when the
/// channel has it.
fn start(root: Element, props: AppProps, prerendered: bool, parts: Vec<(Element, f64)>, channel: Option<String>) {
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props.clone());
    let mut app = if prerendered { renderer.hydrate() } else { renderer.render() };
    keep_reader_place(parts);
    // The page lives as long as the document: its app stays, to show newer signed data.
    let Some(url) = channel else { return std::mem::forget(app) };
    wasm_bindgen_futures::spawn_local(async move {
        match super::channel::release_at(&url).await {
            Ok(release) => {
                if let Some(note) = super::channel::expired_note(&url, release) {
                    super::console::warn_once_per_page(note);
                }
                let directory = Rc::new(props.directory.with_release(release));
                app.update(AppProps { directory, ..props });
            }
            Err(why) => super::console::warn_once_per_page(super::channel::refused(&url, &why)),
        }
        std::mem::forget(app);
    });
}

/// Keeps a reader who has scrolled down in place while the parts of the page above them change
/// height as it takes over (the country panel filled in for a deep link or a detected country,
/// the text turning to the visitor's language), in engines without scroll anchoring (WebKit):
/// when a part wholly above the window changes height, the window scrolls by as much, before
/// the change is painted. Without it the reader lost 300 px there and a click aimed at a tab
/// landed elsewhere. The parts are the widget's sections and the directory's own (its panel,
/// search and list), never one inside another, so no change is counted twice. Their heights are
/// taken before the takeover: its first renders can come before the first observation.
fn keep_reader_place(parts: Vec<(Element, f64)>) {
    use web_sys::{ResizeObserver, ResizeObserverEntry};
    if parts.is_empty() || anchors_scroll() {
        return;
    }
    let observed: Vec<Element> = parts.iter().map(|(part, _)| part.clone()).collect();
    let heights = RefCell::new(parts);
    let on_resize = Closure::<dyn FnMut(Array)>::new(move |entries: Array| {
        let Some(window) = web_sys::window() else { return };
        for entry in entries.iter() {
            let target = entry.unchecked_into::<ResizeObserverEntry>().target();
            let rect = target.get_bounding_client_rect();
            let mut heights = heights.borrow_mut();
            let Some((_, height)) = heights.iter_mut().find(|(part, _)| *part == target) else { continue };
            let grown = rect.height() - std::mem::replace(height, rect.height());
            // The list of every country keeps the place itself when it re-sorts.
            if crate::hooks::use_reader_place::already_kept(&target) {
                continue;
            }
            // Wholly above the window's top before the change: the reader is below it.
            if grown != 0.0 && target.is_connected() && rect.bottom() - grown <= 0.0 {
                window.scroll_by_with_x_and_y(0.0, grown);
            }
        }
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    for part in &observed {
        observer.observe(part);
    }
    // Both live as long as the page.
    on_resize.forget();
    std::mem::forget(observer);
}

/// Whether the engine keeps the reader's place by itself (CSS scroll anchoring: Chromium,
/// Firefox); doing it twice scrolled twice as far.
fn anchors_scroll() -> bool {
    let supports = Reflect::get(&js_sys::global(), &"CSS".into())
        .and_then(|css| Reflect::get(&css, &"supports".into()).map(|f| (css, f)))
        .ok()
        .and_then(|(css, f)| f.dyn_into::<Function>().ok().map(|f| (css, f)));
    supports
        .is_some_and(|(css, f)| f.call2(&css, &"overflow-anchor".into(), &"auto".into()).is_ok_and(|r| r.is_truthy()))
}

/// The parts `keep_reader_place` watches, with their heights as prerendered.
fn reader_place_parts(root: &Element) -> Vec<(Element, f64)> {
    let Ok(parts) = root.query_selector_all(".fw > :not(.directory), .fw > .directory > *") else { return Vec::new() };
    (0..parts.length())
        .filter_map(|i| parts.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .map(|part| {
            let height = part.get_bounding_client_rect().height();
            (part, height)
        })
        .collect()
}

/// A component with what the page's own have (state, a listener, an attribute, text), as small as
/// that can be: rendered and taken over off the page, so that their code is compiled before the
/// takeover runs it.
#[yew::component(Rehearsal)]
fn rehearsal() -> yew::Html {
    use yew::prelude::*;
    let pressed = use_state_eq(|| false);
    let onclick = Callback::from(move |_: MouseEvent| pressed.set(true));
    html! { <p class="rehearsal" {onclick}>{ "." }</p> }
}

/// Renders `Rehearsal` into a detached element, then lets it go: the first half of what
/// `rehearse_takeover` compiled in one task (Yew's scheduler, a component's life, hooks,
/// listeners), so that each half's task is shorter. Together they took 55–60 ms in one task on a
/// country's page at a phone's CPU (4×) in some loads (issue 28: none over 50 ms).
pub(super) fn rehearse_rendering() {
    let Some(stage) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.create_element("div").ok()) else {
        return;
    };
    let app = yew::Renderer::<Rehearsal>::with_root(stage).render();
    // Yew renders in a microtask queued by `render`; this one comes after it.
    wasm_bindgen_futures::spawn_local(async move { app.destroy() });
}

/// Takes over a tiny detached copy of prerendered markup, then lets it go. Chromium compiles
/// each of the wasm's functions the first time it runs: a page's first takeover compiled Yew's
/// hydration and rendering code in the takeover's own task (on a country's page at a phone's CPU
/// as Lighthouse slows it, 4×: a median of 64 ms in CPU profiles, 29 ms with all the code
/// compiled up front). Run a task before `take_over` (and a task after `rehearse_rendering`),
/// this compiles the code they share in a task of its own, and leaves nothing behind: the copy is
/// never in the document.
pub(super) fn rehearse_takeover() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(stage) = document.create_element("div") else { return };
    // What Yew's server rendering writes for `Rehearsal` (its component's comment markers around
    // its element), built node by node rather than parsed from HTML. Yew checks a marker by its
    // brackets only.
    let Ok(paragraph) = document.create_element("p") else { return };
    paragraph.set_class_name("rehearsal");
    paragraph.set_text_content(Some("."));
    let nodes: [web_sys::Node; 3] = [
        document.create_comment("<[rehearsal]>").into(),
        paragraph.into(),
        document.create_comment("</[rehearsal]>").into(),
    ];
    if nodes.iter().any(|node| stage.append_child(node).is_err()) {
        return;
    }
    let app = yew::Renderer::<Rehearsal>::with_root(stage).hydrate();
    // Yew renders in a microtask queued by `hydrate`; this one comes after it.
    wasm_bindgen_futures::spawn_local(async move { app.destroy() });
}
