//! Everything the wasm exports to JavaScript, in one place (the loader, `js/loader.js` and
//! `js/mount.js`, is its only caller). Each export is a few lines that hand over to the module
//! that does the work.

use super::mount::{self as mounting, Widget};
use super::{clues, js_options, platform};
use crate::core::builtin;
use crate::core::options::{Layout, Options};
use wasm_bindgen::prelude::*;
use web_sys::Element;

/// A mounted widget: `update(options)` applies new options, `destroy()` removes it and releases
/// every timer and listener.
#[wasm_bindgen]
pub struct Handle {
    widget: Widget,
}

/// Mounts the widget into `host` (inside an open shadow root) and returns its handle.
/// Mounting again into the same element replaces the first widget.
#[wasm_bindgen]
pub fn mount(host: Element, options: JsValue) -> Result<Handle, JsValue> {
    Ok(Handle { widget: mounting::mount(host, options)? })
}

#[wasm_bindgen]
impl Handle {
    /// Applies new options (the same keys as `mount`); unknown or bad values warn and keep defaults.
    pub fn update(&self, options: JsValue) {
        self.widget.update(options);
    }

    /// Removes the widget, its timers and listeners, and empties the element's shadow root.
    pub fn destroy(&self) {
        self.widget.destroy();
    }
}

/// The standalone page (built with the `page` feature only): takes over the prerendered HTML in
/// `root`, then detects the country and starts the clock.
#[cfg(feature = "page")]
#[wasm_bindgen]
pub fn hydrate_page(root: Element, options: JsValue) {
    super::page::take_over(root, options);
}

/// The standalone page: renders a tiny detached component, so that the code every takeover
/// shares with rendering is compiled in a task before `rehearse_takeover`'s (see `page.rs`).
#[cfg(feature = "page")]
#[wasm_bindgen]
pub fn rehearse_rendering() {
    super::page::rehearse_rendering();
}

/// The standalone page: takes over a tiny detached copy of prerendered markup, so that the
/// code every takeover runs is compiled in a task before `hydrate_page`'s (see `page.rs`).
#[cfg(feature = "page")]
#[wasm_bindgen]
pub fn rehearse_takeover() {
    super::page::rehearse_takeover();
}

/// Called by the loader once the wasm runs: where languages other than English come from (a
/// function `(tag) => Promise<string>` that loads that language's module).
#[wasm_bindgen]
pub fn set_language_source(source: js_sys::Function) {
    platform::set_language_source(source);
}

/// Called by the loader once the wasm runs: where the built-in lines not compiled in come from
/// (a function `(key) => Promise<string>`: a country's code, or `all`).
#[wasm_bindgen]
pub fn set_lines_source(source: js_sys::Function) {
    platform::set_lines_source(source);
}

/// Called by the loader once the wasm runs: where the time zones' countries come from when they
/// are not compiled in (a function `() => Promise<string>` of "zone<TAB>CC" lines).
#[wasm_bindgen]
pub fn set_zones_source(source: js_sys::Function) {
    platform::set_zones_source(source);
}

/// Which built-in lines a widget with these options shows first: every country's for a layout
/// that lists them all, else those of the country it will show (as `mount` detects it).
fn lines_key(options: &Options) -> Option<String> {
    if options.layout == Layout::Full {
        return Some(builtin::EVERY_COUNTRY.to_string());
    }
    clues::detected_country(options, &clues::browser_languages()).map(|(code, _)| code)
}

/// Fetches the built-in lines a widget with these options shows first (`lines_key`), so that
/// its first render shows them. Resolves to `false` if they cannot be had (said once in
/// the console, naming the file); the loader then keeps its first paint.
#[wasm_bindgen]
pub fn load_lines_for(options: JsValue) -> js_sys::Promise {
    let given = options.clone();
    let options = js_options::parse_quietly(&options);
    wasm_bindgen_futures::future_to_promise(async move {
        // Mounting chooses the country (by its time zone only if nothing else names one) and
        // checks a partner's rows given as an option against the whole table of zones.
        if clues::options_need_time_zones(&given, &options) {
            platform::ensure_time_zones().await;
        }
        let key = lines_key(&options);
        Ok(JsValue::from_bool(match key {
            Some(key) => platform::ensure_lines(&key).await,
            None => true,
        }))
    })
}

/// Fetches the messages of the language a mount with these options will speak, so the first
/// render is already in it. The loaders await it before `mount` / `hydrate_page`; it resolves to
/// `false` if the language could not be had (the widget then starts in English).
#[wasm_bindgen]
pub fn load_language_for(options: JsValue, heed_page_lang: bool) -> js_sys::Promise {
    let lang =
        clues::negotiated_lang(&js_options::parse_quietly(&options), &clues::browser_languages(), heed_page_lang);
    wasm_bindgen_futures::future_to_promise(
        async move { Ok(JsValue::from_bool(platform::ensure_language(lang).await)) },
    )
}

/// Decodes the built-in data now, in its own task, so that the first mount (and the host page)
/// does not wait for it in one long task. The loader calls it between yields.
#[wasm_bindgen]
pub fn prepare() {
    let _ = (builtin::emergency(), builtin::countries());
}

/// Decodes the built-in data the first render will show, in a task of its own before it (the
/// render's task is shorter for it, and a tap waits for no longer): the emergency numbers, the
/// international lines and the quotes, and every country's lines for a layout that lists them
/// all (`full`, the default), else the named country's. Reads the options as `mount` and
/// `hydrate_page` will (case, unknown values and all).
#[wasm_bindgen]
pub fn prepare_directory_for(options: JsValue) {
    let options = js_options::parse_quietly(&options);
    builtin::quotes();
    if options.layout == Layout::Full {
        for country in builtin::countries_with_lines() {
            builtin::hotlines_of(country);
        }
    } else if let Some(country) = &options.country {
        builtin::hotlines_of(&country.to_ascii_uppercase());
    }
}
