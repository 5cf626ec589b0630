//! `mount(element, options)`: the one entry point the script tag, the custom element and the
//! npm package share. It gives the widget an open shadow root (so host CSS cannot reach in and
//! ours cannot leak out), reads the browser's clues for detection, and returns a `Handle`.

use super::platform::{browser_time_zone, BrowserPlatform};
use super::styles;
use crate::components::ui::{PlatformRef, WidgetEvent};
use crate::components::{App, AppProps};
use crate::core::data::{Hotline, Quote};
use crate::core::detect::{self, Clues};
use crate::core::directory::Directory;
use crate::core::i18n::Lang;
use crate::core::options::Options;
use crate::core::json::{self, Json};
use crate::core::validate::{Quoted, RowError};
use crate::core::{builtin, is_country, zone_country};
use js_sys::{Array, Function, Object, Reflect};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// Options that are data or code rather than attribute-like values.
const STRUCTURED: [&str; 3] = ["hotlines", "quotes", "onEvent"];

struct Instance {
    app: AppHandle<App>,
    /// False once destroyed: work Yew had already scheduled (a first render's effects) may
    /// still run, and must not speak for a widget that is gone.
    live: Rc<Cell<bool>>,
    host: Element,
    platform: PlatformRef,
    /// Warnings already said, so each is said once.
    warned: Vec<String>,
    /// Partner rows from `hotlines` and `hotlines-url`, kept across `update()`.
    js_rows: Option<JsValue>,
    url_rows: Option<JsValue>,
    loaded_url: Option<String>,
    on_event: Option<Function>,
    props: AppProps,
}

thread_local! {
    /// Mounted instances by host element: mounting again into one element replaces the widget.
    static INSTANCES: RefCell<Vec<(Element, Rc<RefCell<Option<Instance>>>)>> = const { RefCell::new(Vec::new()) };
    static PLATFORM: PlatformRef = PlatformRef(Rc::new(BrowserPlatform::default()));
}

/// A mounted widget: `update(options)` applies new options, `destroy()` removes it and releases
/// every timer and listener.
#[wasm_bindgen]
pub struct Handle {
    instance: Rc<RefCell<Option<Instance>>>,
}

/// Says `message` in the console unless `warned` shows it was said already.
pub(crate) fn warn(warned: &mut Vec<String>, message: String) {
    if !warned.contains(&message) {
        web_sys::console::warn_1(&(&message).into());
        warned.push(message);
    }
}

/// Attribute-like options as name/value strings: strings as they are, booleans and numbers
/// written out, arrays joined with commas (`sections: ["quotes", "hotlines"]`).
fn option_pairs(options: &JsValue) -> Vec<(String, String)> {
    let Some(object) = options.dyn_ref::<Object>() else { return Vec::new() };
    let mut pairs = Vec::new();
    for entry in Object::entries(object).iter() {
        let entry: Array = entry.unchecked_into();
        let key = entry.get(0).as_string().unwrap_or_default();
        let value = entry.get(1);
        if STRUCTURED.contains(&key.as_str()) || value.is_undefined() || value.is_null() {
            continue;
        }
        let text = if let Some(s) = value.as_string() {
            s
        } else if let Some(b) = value.as_bool() {
            b.to_string()
        } else if Array::is_array(&value) {
            Array::from(&value).iter().filter_map(|v| v.as_string()).collect::<Vec<_>>().join(",")
        } else {
            // Numbers and objects, written as JavaScript writes them: the warning names them as given.
            js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()).unwrap_or_default()
        };
        pairs.push((key, text));
    }
    pairs
}

fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(options, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// A JavaScript value as JSON text, read by the same decoder as the built-in data.
fn to_json(value: &JsValue) -> Option<Json> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    json::parse(&text).ok()
}

/// Partner rows, each decoded on its own so one broken row costs only itself.
fn partner_rows(source: &str, rows: &JsValue) -> Vec<Result<Hotline, RowError>> {
    match to_json(rows) {
        Some(value) => json::partner_rows(source, &value),
        None => vec![Err(RowError { row: source.into(), field: "hotlines".into(), problem: "not JSON data".into() })],
    }
}

fn partner_quotes(value: Option<JsValue>, warned: &mut Vec<String>) -> Rc<[Quote]> {
    let mut quotes: Vec<Quote> = builtin::quotes().to_vec();
    match value.as_ref().map(to_json) {
        None => {}
        Some(Some(Json::Array(list))) => {
            for (i, q) in list.iter().enumerate() {
                match json::quote("quotes", i, q) {
                    Ok(q) => quotes.push(q),
                    Err(e) => warn(warned, format!("freedom-widget: partner quote skipped: {e}")),
                }
            }
        }
        Some(_) => warn(warned, "freedom-widget: option \"quotes\": expected an array of {text, speaker, date?, context?}; ignored".into()),
    }
    quotes.into()
}

fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let list = window.navigator().languages();
    let mut out: Vec<String> = list.iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(window.navigator().language());
    }
    out
}

fn page_language() -> Option<String> {
    let lang = web_sys::window()?.document()?.document_element()?.get_attribute("lang")?;
    (!lang.trim().is_empty()).then_some(lang)
}

/// Everything the app needs from options and the browser, and what was wrong with them.
/// An embed heeds the host page's `<html lang>`; the standalone page's own `lang` says nothing of
/// the visitor, so there the language comes from the option, then the browser.
fn build_props(options: &Options, platform: PlatformRef, quotes: Rc<[Quote]>, directory: Rc<Directory>, on_event: yew::Callback<WidgetEvent>, hydrating: bool, heed_page_lang: bool) -> AppProps {
    let languages = browser_languages();
    let mut clues = Clues {
        option: options.country.as_deref(),
        languages: &languages,
        time_zone: None,
        fallback: options.fallback_country.as_deref(),
    };
    // The time zone is asked for only when the option and the browser languages name no country:
    // the browser's first Intl call loads locale data, which costs tens of ms at start-up.
    let mut detected = detect::detect(&clues, is_country, zone_country);
    let zone;
    if matches!(detected, None | Some((_, detect::ChosenBy::Fallback))) {
        zone = browser_time_zone();
        clues.time_zone = zone.as_deref();
        detected = detect::detect(&clues, is_country, zone_country);
    }
    let lang = negotiated_lang(options, &languages, heed_page_lang);
    AppProps { options: Rc::new(options.clone()), directory, quotes, detected, lang, platform, hydrating, on_event, is_page: false, typed_search: None, search_had_focus: false }
}

/// The widget's language: the partner's option, then (in embeds) the host page's, then the
/// visitor's browser languages.
fn negotiated_lang(options: &Options, browser: &[String], heed_page_lang: bool) -> Lang {
    let page = if heed_page_lang { page_language() } else { None };
    Lang::negotiate(options.lang.iter().map(String::as_str).chain(page.as_deref()).chain(browser.iter().map(String::as_str)))
}

/// Fetches the messages of the language a mount with these options will speak, so the first
/// render is already in it. The loaders await it before `mount` / `hydrate_page`; it resolves to
/// `false` if the language could not be had (the widget then starts in English).
#[wasm_bindgen]
pub fn load_language_for(options: JsValue, heed_page_lang: bool) -> js_sys::Promise {
    let lang = negotiated_lang(&parse_quietly(&options), &browser_languages(), heed_page_lang);
    wasm_bindgen_futures::future_to_promise(async move { Ok(JsValue::from_bool(super::platform::ensure_language(lang).await)) })
}

/// Options read ahead of a mount, with no warnings: the mount itself says each problem.
fn parse_quietly(options: &JsValue) -> Options {
    Options::from_pairs(option_pairs(options).iter().map(|(k, v)| (k.as_str(), v.as_str())), is_country).0
}

/// Parses options from a JS object and says each problem once: one path for `mount`, `update` and
/// the standalone page.
fn read_options(options: &JsValue, warned: &mut Vec<String>) -> Options {
    let (parsed, warnings) = Options::from_pairs(option_pairs(options).iter().map(|(k, v)| (k.as_str(), v.as_str())), is_country);
    for w in warnings {
        warn(warned, w.to_string());
    }
    if let Some(w) = language_warning(&parsed) {
        warn(warned, w);
    }
    parsed
}

fn language_warning(options: &Options) -> Option<String> {
    let asked = options.lang.as_deref()?;
    let got = Lang::negotiate([asked]);
    (got == Lang::En && !asked.to_ascii_lowercase().starts_with("en")).then(|| {
        format!("freedom-widget: option \"lang\" = {}: no translation for this language yet; using English", Quoted(asked))
    })
}

/// Turns widget events into DOM events on the host (`freedom-widget:call`, …), which bubble
/// out of the shadow root, and calls the partner's `onEvent` if given. Nothing leaves the page.
fn event_callback(host: Element, on_event: Option<Function>, live: Rc<Cell<bool>>) -> yew::Callback<WidgetEvent> {
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

fn shadow_root_of(host: &Element) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// Mounts the widget into `host` (inside an open shadow root) and returns its handle.
/// Mounting again into the same element replaces the first widget.
#[wasm_bindgen]
pub fn mount(host: Element, options: JsValue) -> Result<Handle, JsValue> {
    let previous = INSTANCES.with(|list| list.borrow().iter().find(|(e, _)| *e == host).map(|(_, i)| i.clone()));
    if let Some(previous) = previous {
        Handle { instance: previous }.destroy();
    }
    let shadow = shadow_root_of(&host)?;
    styles::adopt(&shadow)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let root = document.create_element("div")?;
    root.set_class_name("fw-mount");
    // Clear a fallback the loader may have put there, then mount.
    shadow.set_inner_html("");
    shadow.append_child(&root)?;

    let mut warned = Vec::new();
    let parsed = read_options(&options, &mut warned);
    let on_event = get(&options, "onEvent").and_then(|f| f.dyn_into::<Function>().ok());
    let js_rows = get(&options, "hotlines");
    let quotes = partner_quotes(get(&options, "quotes"), &mut warned);
    let platform = PLATFORM.with(Clone::clone);
    let directory = partner_directory(js_rows.as_ref(), None, &mut warned);
    let live = Rc::new(Cell::new(true));
    let props = build_props(&parsed, platform.clone(), quotes, directory, event_callback(host.clone(), on_event.clone(), live.clone()), false, true);
    let instance = Instance {
        app: yew::Renderer::<App>::with_root_and_props(root, props.clone()).render(),
        live,
        host: host.clone(),
        platform,
        warned,
        js_rows,
        url_rows: None,
        loaded_url: None,
        on_event,
        props,
    };
    let cell = Rc::new(RefCell::new(Some(instance)));
    INSTANCES.with(|list| list.borrow_mut().push((host, cell.clone())));
    load_partner_url(&cell, parsed.hotlines_url.clone());
    Ok(Handle { instance: cell })
}

/// The directory with the partner's rows from the options object and the URL, warning once per bad row.
fn partner_directory(js_rows: Option<&JsValue>, url_rows: Option<(&str, &JsValue)>, warned: &mut Vec<String>) -> Rc<Directory> {
    let mut rows = Vec::new();
    if let Some(js) = js_rows {
        rows.extend(partner_rows("options.hotlines", js));
    }
    if let Some((url, list)) = url_rows {
        rows.extend(partner_rows(url, list));
    }
    if rows.is_empty() {
        return Rc::new(Directory::default());
    }
    let (directory, problems) = Directory::with_partner_rows(rows);
    for p in problems {
        warn(warned, format!("freedom-widget: partner hotline skipped: {p}"));
    }
    Rc::new(directory)
}

fn directory_for(instance: &mut Instance) -> Rc<Directory> {
    let url_rows = instance.url_rows.as_ref().zip(instance.loaded_url.as_deref()).map(|(rows, url)| (url, rows));
    partner_directory(instance.js_rows.as_ref(), url_rows, &mut instance.warned)
}

/// Fetches a partner's same-origin JSON file. A failure (another origin, 404, bad JSON, no
/// answer within 5 s) keeps the built-in data and warns once.
fn load_partner_url(cell: &Rc<RefCell<Option<Instance>>>, url: Option<String>) {
    let Some(url) = url else { return };
    let cell = cell.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_json(&url).await;
        let mut guard = cell.borrow_mut();
        let Some(instance) = guard.as_mut() else { return };
        match result {
            Ok(rows) => {
                instance.url_rows = Some(rows);
                instance.loaded_url = Some(url);
                let directory = directory_for(instance);
                instance.props.directory = directory;
                let props = instance.props.clone();
                instance.app.update(props);
            }
            Err(why) => warn(&mut instance.warned, format!("freedom-widget: option \"hotlines-url\" = {}: {why}; using the built-in data", Quoted(&url))),
        }
    });
}

async fn fetch_json(url: &str) -> Result<JsValue, String> {
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or("no window")?;
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| "not a valid URL".to_string())?;
    let origin = window.location().origin().unwrap_or_default();
    if resolved.origin() != origin {
        return Err(format!("must be on this site ({origin}), not {}", resolved.origin()));
    }
    let controller = web_sys::AbortController::new().map_err(|_| "cannot time out")?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(web_sys::RequestCredentials::SameOrigin);
    let abort = controller.clone();
    let timer = gloo::timers::callback::Timeout::new(5_000, move || abort.abort());
    let response = JsFuture::from(window.fetch_with_str_and_init(&resolved.href(), &init)).await;
    drop(timer);
    let response: web_sys::Response = response.map_err(|_| "did not load within 5 s or was blocked".to_string())?.unchecked_into();
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let json = response.json().map_err(|_| "not JSON")?;
    JsFuture::from(json).await.map_err(|_| "not valid JSON".to_string())
}

#[wasm_bindgen]
impl Handle {
    /// Applies new options (the same keys as `mount`); unknown or bad values warn and keep defaults.
    pub fn update(&self, options: JsValue) {
        let mut guard = self.instance.borrow_mut();
        let Some(instance) = guard.as_mut() else { return };
        let parsed = read_options(&options, &mut instance.warned);
        if let Some(f) = get(&options, "onEvent").and_then(|f| f.dyn_into::<Function>().ok()) {
            instance.on_event = Some(f);
        }
        if let Some(rows) = get(&options, "hotlines") {
            instance.js_rows = Some(rows);
        }
        let quotes = match get(&options, "quotes") {
            Some(q) => partner_quotes(Some(q), &mut instance.warned),
            None => instance.props.quotes.clone(),
        };
        let directory = directory_for(instance);
        let url_changed = parsed.hotlines_url != instance.loaded_url;
        let props = build_props(&parsed, instance.platform.clone(), quotes, directory, event_callback(instance.host.clone(), instance.on_event.clone(), instance.live.clone()), false, true);
        instance.props = props.clone();
        instance.app.update(props);
        drop(guard);
        if url_changed {
            load_partner_url(&self.instance, parsed.hotlines_url);
        }
    }

    /// Removes the widget, its timers and listeners, and empties the element's shadow root.
    pub fn destroy(&self) {
        let Some(instance) = self.instance.borrow_mut().take() else { return };
        INSTANCES.with(|list| list.borrow_mut().retain(|(_, i)| !Rc::ptr_eq(i, &self.instance)));
        instance.live.set(false);
        instance.app.destroy();
        if let Some(shadow) = instance.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}

/// The standalone page (built with the `page` feature only): takes over the prerendered HTML in `root` (light DOM; the page links
/// the same stylesheet the embed adopts), then detects the country and starts the clock.
#[cfg(feature = "page")]
#[wasm_bindgen]
pub fn hydrate_page(root: Element, options: JsValue) {
    let mut warned = Vec::new();
    let parsed = read_options(&options, &mut warned);
    // The prerender used the page's defaults. A deep link naming only a country and a language
    // (the poster's QR code: `?country=MX&lang=es`) still takes the prerender over, which starts
    // as prerendered and turns to that country and language just after, as for a visitor's
    // detected ones: rendering afresh emptied the list of every country and regrew it under a
    // reader (gone for up to 1.7 s in WebKit, everything below it moved by 8,000 px). Other
    // options change the markup, so those pages render afresh.
    let defaults = Options::page_defaults();
    let prerendered = Options { country: defaults.country.clone(), lang: defaults.lang.clone(), ..parsed.clone() } == defaults;
    let parsed = Options { quick_exit: parsed.quick_exit.or(Some(true)), ..parsed };
    let platform = PLATFORM.with(Clone::clone);
    let mut props = build_props(&parsed, platform, builtin::quotes().to_vec().into(), Rc::new(Directory::default()), event_callback(root.clone(), None, Rc::new(Cell::new(true))), prerendered, false);
    props.is_page = true;
    if prerendered {
        // The first render must match the prerender, which chose no country from the options:
        // the deep link's country comes with detection's answer (`props.detected`) just after.
        props.options = Rc::new(Options { country: defaults.country, ..parsed });
    }
    // Read before taking over, which empties (or, for a deep link, replaces) the box.
    if let Some(input) = root.query_selector("#fw-search").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        props.typed_search = Some(input.value()).filter(|typed| !typed.trim().is_empty()).map(Into::into);
        props.search_had_focus = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .is_some_and(|active| active == **input);
    }
    let parts = if prerendered { reader_place_parts(&root) } else { Vec::new() };
    let renderer = yew::Renderer::<App>::with_root_and_props(root, props);
    let app = if prerendered { renderer.hydrate() } else { renderer.render() };
    keep_reader_place(parts);
    // The page lives as long as the document.
    std::mem::forget(app);
}

/// Keeps a reader who has scrolled down in place while the parts of the page above them change
/// height as it takes over (the country panel filled in for a deep link or a detected country,
/// the text turning to the visitor's language), in engines without scroll anchoring (WebKit):
/// when a part wholly above the window changes height, the window scrolls by as much, before
/// the change is painted. Without it the reader lost 300 px there and a click aimed at a tab
/// landed elsewhere. The parts are the widget's sections and the directory's own (its panel,
/// search and list), never one inside another, so no change is counted twice. Their heights are
/// taken before the takeover: its first renders can come before the first observation.
#[cfg(feature = "page")]
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
#[cfg(feature = "page")]
fn anchors_scroll() -> bool {
    let supports = Reflect::get(&js_sys::global(), &"CSS".into())
        .and_then(|css| Reflect::get(&css, &"supports".into()).map(|f| (css, f)))
        .ok()
        .and_then(|(css, f)| f.dyn_into::<Function>().ok().map(|f| (css, f)));
    supports.is_some_and(|(css, f)| f.call2(&css, &"overflow-anchor".into(), &"auto".into()).is_ok_and(|r| r.is_truthy()))
}

/// The parts `keep_reader_place` watches, with their heights as prerendered.
#[cfg(feature = "page")]
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

/// Decodes the built-in data now, in its own task, so that the first mount (and the host page)
/// does not wait for it in one long task. The loader calls it between yields.
#[wasm_bindgen]
pub fn prepare() {
    let _ = (builtin::emergency(), builtin::countries());
}

/// For a layout that lists every country (`full`, the default), decodes all their lines now, in
/// a task of its own before the first render; other layouts decode only the country shown.
/// Reads the options as `mount` and `hydrate_page` will (case, unknown values and all).
#[wasm_bindgen]
pub fn prepare_directory_for(options: JsValue) {
    if parse_quietly(&options).layout == crate::core::options::Layout::Full {
        for country in builtin::countries_with_lines() {
            builtin::hotlines_of(country);
        }
    }
}
