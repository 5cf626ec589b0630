//! A partner's own rows and quotes: from `options.hotlines` / `options.quotes`, and from the
//! same-origin file named by `hotlines-url`. Each source is checked on its own, so a warning names
//! the file (or `options.hotlines`), the row and the field; the built-in data always stays.

use super::console::warn;
use super::fetch::{fetch_bounded, Bounds, Scope};
use super::js_options::to_json;
use crate::core::builtin;
use crate::core::data::{Hotline, Quote};
use crate::core::directory::Directory;
use crate::core::json::{self, Json};
use crate::core::validate::RowError;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Partner rows, each decoded on its own so one broken row costs only itself.
fn partner_rows(source: &str, rows: &JsValue) -> Vec<Result<Hotline, RowError>> {
    match to_json(rows) {
        Some(value) => json::partner_rows(source, &value),
        None => vec![Err(RowError { row: source.into(), field: "hotlines".into(), problem: "not JSON data".into() })],
    }
}

pub(super) fn partner_quotes(value: Option<JsValue>, warned: &mut Vec<String>) -> Rc<[Quote]> {
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
        Some(_) => warn(
            warned,
            "freedom-widget: option \"quotes\": expected an array of {text, speaker, date?, context?}; ignored".into(),
        ),
    }
    quotes.into()
}

/// The directory with the partner's rows from the options object and the URL, warning once per bad row.
pub(super) fn partner_directory(
    js_rows: Option<&JsValue>,
    url_rows: Option<(&str, &Json)>,
    warned: &mut Vec<String>,
) -> Rc<Directory> {
    let mut rows = Vec::new();
    if let Some(js) = js_rows {
        rows.extend(Directory::check_partner_rows("options.hotlines", partner_rows("options.hotlines", js)));
    }
    if let Some((url, list)) = url_rows {
        rows.extend(Directory::check_partner_rows(url, json::partner_rows(url, list)));
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

/// The most a partner file may hold, in bytes: four times the whole built-in directory (230 KB).
/// A larger file is refused before it is copied into the wasm's memory, which never shrinks
/// again: from its `Content-Length`, or once that much has arrived (see `fetch.rs`).
const MAX_PARTNER_FILE: u32 = 1_000_000;

/// The file is read as text and parsed by the crate's own reader (bounded nesting, errors that
/// say where), not by `Response.json()`: a JavaScript value would have to be written out as JSON
/// again to reach the reader, and writing out 100,000 nested arrays overflows the engine's stack.
/// Also says whether the text holds U+FFFD: what bytes that are not UTF-8 become, as the
/// browser's own `text()` would make them.
pub(super) async fn fetch_json(url: &str) -> Result<(Json, bool), String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = window.document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| "not a valid URL".to_string())?;
    let origin = window.location().origin().unwrap_or_default();
    if resolved.origin() != origin {
        return Err(format!("must be on this site ({origin}), not {}", resolved.origin()));
    }
    let bounds = Bounds { max_bytes: MAX_PARTNER_FILE, timeout_ms: 5_000 };
    let bytes = fetch_bounded(&resolved.href(), Scope::SameOrigin, &bounds).await?;
    // As `text()` decodes: UTF-8, a leading byte-order mark dropped, each bad sequence U+FFFD.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = String::from_utf8_lossy(bytes);
    let value = json::parse(&text).map_err(|e| format!("not valid JSON ({e})"))?;
    Ok((value, text.contains('\u{FFFD}')))
}
