//! Options as a JavaScript object (`mount(el, options)`, `update`, the page's URL query) read
//! into the core's `Options`: attribute-like values as strings, the structured ones (`hotlines`,
//! `quotes`, `onEvent`) left to their readers, each problem said once.

use super::console::warn;
use crate::core::i18n::Lang;
use crate::core::is_country;
use crate::core::json::{self, Json};
use crate::core::options::{Options, Warning};
use crate::core::validate::Quoted;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Options that are data or code rather than attribute-like values.
const STRUCTURED: [&str; 3] = ["hotlines", "quotes", "onEvent"];

/// Attribute-like options as name/value strings: strings as they are, booleans and numbers
/// written out, arrays joined with commas (`sections: ["quotes", "hotlines"]`).
pub(super) fn option_pairs(options: &JsValue) -> Vec<(String, String)> {
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

pub(super) fn get(options: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(options, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// A JavaScript value as JSON text, read by the same decoder as the built-in data.
pub(super) fn to_json(value: &JsValue) -> Option<Json> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    json::parse(&text).ok()
}

/// Options read ahead of a mount, with no warnings: the mount itself says each problem.
pub(super) fn parse_quietly(options: &JsValue) -> Options {
    Options::from_pairs(option_pairs(options).iter().map(|(k, v)| (k.as_str(), v.as_str())), is_country).0
}

/// Parses options from a JS object and says each problem once: one path for `mount` and `update`.
pub(super) fn read_options(options: &JsValue, warned: &mut Vec<String>) -> Options {
    let pairs = option_pairs(options);
    say_problems(Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), is_country), warned)
}

/// The standalone page's options, from its URL's query as its script hands them over: only what a
/// link may set (`Options::from_link`), each other key said once and ignored.
#[cfg_attr(not(feature = "page"), allow(dead_code))]
pub(super) fn read_link_options(options: &JsValue, warned: &mut Vec<String>) -> Options {
    let pairs = option_pairs(options);
    say_problems(Options::from_link(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), is_country), warned)
}

fn say_problems((parsed, warnings): (Options, Vec<Warning>), warned: &mut Vec<String>) -> Options {
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
        format!(
            "freedom-widget: option \"lang\" = {}: no translation for this language yet; using English",
            Quoted(asked)
        )
    })
}
