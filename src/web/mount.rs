//! `mount(element, options)`: the widget in an open shadow root (so host CSS cannot reach in and
//! ours cannot leak out), for the script tag, the custom element and the npm package; `update`
//! and `destroy`; a partner's data file applied when it arrives. Exported to JavaScript in
//! `exports.rs`.

use super::channel;
use super::clues::{build_props, Door};
use super::console::{warn, warn_once_per_page};
use super::events::event_callback;
use super::js_options::{get, read_options};
use super::partner_data::{fetch_json, partner_directory, partner_quotes};
use super::platform::browser_platform;
use super::styles;
use crate::components::ui::PlatformRef;
use crate::components::{App, AppProps};
use crate::core::directory::Directory;
use crate::core::json::Json;
use crate::core::release::Release;
use crate::core::validate::Quoted;
use js_sys::Function;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

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
    url_rows: Option<Json>,
    loaded_url: Option<String>,
    /// The signed data release the channel delivered, and the channel asked.
    release: Option<&'static Release>,
    channel: Option<String>,
    on_event: Option<Function>,
    props: AppProps,
    /// The newest options of an `update()` waiting for the time zones' table (see `update`).
    waiting: Option<JsValue>,
}

/// A mounted instance, shared by the widget's handle in JavaScript; empty once destroyed.
type SharedInstance = Rc<RefCell<Option<Instance>>>;

thread_local! {
    /// Mounted instances by host element: mounting again into one element replaces the widget.
    static INSTANCES: RefCell<Vec<(Element, SharedInstance)>> = const { RefCell::new(Vec::new()) };
}

/// A mounted widget, shared with its handle in JavaScript; empty once destroyed.
pub(super) struct Widget {
    instance: SharedInstance,
}

fn shadow_root_of(host: &Element) -> Result<ShadowRoot, JsValue> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)),
    }
}

/// Mounts the widget into `host` (inside an open shadow root). Mounting again into the same
/// element replaces the first widget.
pub(super) fn mount(host: Element, options: JsValue) -> Result<Widget, JsValue> {
    let previous = INSTANCES.with(|list| list.borrow().iter().find(|(e, _)| *e == host).map(|(_, i)| i.clone()));
    if let Some(previous) = previous {
        Widget { instance: previous }.destroy();
    }
    let shadow = shadow_root_of(&host)?;
    styles::adopt(&shadow)?;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let root = document.create_element("div")?;
    root.set_class_name("fw-mount");
    // The loader's first paint stays until the widget's first render is whole (it hands over in
    // `first_paint`); anything else there (a widget destroyed) goes.
    let mut child = shadow.first_element_child();
    while let Some(current) = child {
        child = current.next_element_sibling();
        if !current.class_list().contains(super::first_paint::CLASS) {
            current.remove();
        }
    }
    shadow.append_child(&root)?;

    let mut warned = Vec::new();
    let parsed = read_options(&options, &mut warned);
    let on_event = get(&options, "onEvent").and_then(|f| f.dyn_into::<Function>().ok());
    let js_rows = get(&options, "hotlines");
    let quotes = partner_quotes(get(&options, "quotes"), &mut warned);
    let platform = browser_platform();
    let directory = partner_directory(js_rows.as_ref(), None, &mut warned);
    let live = Rc::new(Cell::new(true));
    let props = build_props(
        &parsed,
        platform.clone(),
        quotes,
        directory,
        event_callback(host.clone(), on_event.clone(), live.clone()),
        Door::Embed,
    );
    let instance = Instance {
        app: yew::Renderer::<App>::with_root_and_props(root, props.clone()).render(),
        live,
        host: host.clone(),
        platform,
        warned,
        js_rows,
        url_rows: None,
        loaded_url: None,
        release: None,
        channel: parsed.data_channel.clone(),
        on_event,
        props,
        waiting: None,
    };
    let cell = Rc::new(RefCell::new(Some(instance)));
    INSTANCES.with(|list| list.borrow_mut().push((host, cell.clone())));
    load_partner_url(&cell, parsed.hotlines_url.clone());
    load_channel(&cell, parsed.data_channel);
    Ok(Widget { instance: cell })
}

fn directory_for(instance: &mut Instance) -> Rc<Directory> {
    let url_rows = instance.url_rows.as_ref().zip(instance.loaded_url.as_deref()).map(|(rows, url)| (url, rows));
    let directory = partner_directory(instance.js_rows.as_ref(), url_rows, &mut instance.warned);
    match instance.release {
        Some(release) => Rc::new(directory.with_release(release)),
        None => directory,
    }
}

/// Asks the data channel for a newer signed release, after the widget shows (never before: the
/// built-in data is on screen first). A release replaces the built-in rows on screen; anything
/// wrong keeps them, said once for the page, naming the channel and why.
fn load_channel(cell: &SharedInstance, url: Option<String>) {
    let Some(url) = url else { return };
    let cell = cell.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let answer = channel::release_at(&url).await;
        let mut guard = cell.borrow_mut();
        let Some(instance) = guard.as_mut() else { return };
        match answer {
            Ok(release) => {
                if let Some(note) = channel::expired_note(&url, release) {
                    warn_once_per_page(note);
                }
                instance.release = Some(release);
                instance.props.directory = directory_for(instance);
                let props = instance.props.clone();
                instance.app.update(props);
            }
            Err(why) => warn_once_per_page(channel::refused(&url, &why)),
        }
    });
}

/// Fetches a partner's same-origin JSON file. A failure (another origin, 404, bad JSON, no
/// answer within 5 s) keeps the built-in data and warns once.
fn load_partner_url(cell: &SharedInstance, url: Option<String>) {
    let Some(url) = url else { return };
    let cell = cell.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_json(&url).await;
        // Its rows' zones are checked against the whole table, as the build checks its own.
        if result.is_ok() {
            super::platform::ensure_time_zones().await;
        }
        let mut guard = cell.borrow_mut();
        let Some(instance) = guard.as_mut() else { return };
        match result {
            Ok((rows, garbled)) => {
                if garbled {
                    warn(&mut instance.warned, format!("freedom-widget: option \"hotlines-url\" = {}: some of its text is not UTF-8 and shows as \u{FFFD}", Quoted(&url)));
                }
                instance.url_rows = Some(rows);
                instance.loaded_url = Some(url);
                let directory = directory_for(instance);
                instance.props.directory = directory;
                let props = instance.props.clone();
                instance.app.update(props);
            }
            Err(why) => warn(
                &mut instance.warned,
                format!("freedom-widget: option \"hotlines-url\" = {}: {why}; using the built-in data", Quoted(&url)),
            ),
        }
    });
}

impl Widget {
    /// Applies new options (the same keys as `mount`); unknown or bad values warn and keep defaults.
    ///
    /// The embed's wasm fetches the time zones' table before its first mount only if that mount
    /// needs it. New options that choose the country by the time zone (no `country` any more) or
    /// bring a partner's rows wait for the table, as a first mount would; only the newest of
    /// several waiting is applied, and options that need no table are applied at once.
    pub(super) fn update(&self, options: JsValue) {
        // Once the table could not be had (said once), updates go on without it, at once.
        let needs_table = !crate::core::builtin::time_zones_here()
            && !super::platform::time_zones_failed()
            && super::clues::options_need_time_zones(&options, &super::js_options::parse_quietly(&options));
        {
            let mut guard = self.instance.borrow_mut();
            let Some(instance) = guard.as_mut() else { return };
            instance.waiting = needs_table.then(|| options.clone());
        }
        if !needs_table {
            return self.apply(options);
        }
        let widget = Widget { instance: self.instance.clone() };
        wasm_bindgen_futures::spawn_local(async move {
            // Without the table (offline, said once), the options apply all the same.
            super::platform::ensure_time_zones().await;
            let waiting = widget.instance.borrow_mut().as_mut().and_then(|i| i.waiting.take());
            if let Some(options) = waiting {
                widget.apply(options);
            }
        });
    }

    fn apply(&self, options: JsValue) {
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
        let channel_changed = parsed.data_channel != instance.channel;
        if channel_changed {
            // Another channel (or none): the built-in data until it answers.
            instance.release = None;
            instance.channel = parsed.data_channel.clone();
        }
        let directory = directory_for(instance);
        let url_changed = parsed.hotlines_url != instance.loaded_url;
        let props = build_props(
            &parsed,
            instance.platform.clone(),
            quotes,
            directory,
            event_callback(instance.host.clone(), instance.on_event.clone(), instance.live.clone()),
            Door::Embed,
        );
        instance.props = props.clone();
        instance.app.update(props);
        drop(guard);
        if url_changed {
            load_partner_url(&self.instance, parsed.hotlines_url);
        }
        if channel_changed {
            load_channel(&self.instance, parsed.data_channel);
        }
    }

    /// Removes the widget, its timers and listeners, and empties the element's shadow root.
    pub(super) fn destroy(&self) {
        let Some(instance) = self.instance.borrow_mut().take() else { return };
        INSTANCES.with(|list| list.borrow_mut().retain(|(_, i)| !Rc::ptr_eq(i, &self.instance)));
        instance.live.set(false);
        instance.app.destroy();
        if let Some(shadow) = instance.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }
}
