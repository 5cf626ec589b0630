//! A partner's own rows and quotes: from `options.hotlines` / `options.quotes`, and from the
//! same-origin file named by `hotlines-url`. Each source is checked on its own, so a warning names
//! the file (or `options.hotlines`), the row and the field; the built-in data always stays.

use super::console::warn;
use super::js_options::to_json;
use crate::core::builtin;
use crate::core::data::{Hotline, Quote};
use crate::core::directory::Directory;
use crate::core::json::{self, Json};
use crate::core::validate::RowError;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

/// The most a partner file may hold, in characters: four times the whole built-in directory
/// (230 KB). A larger file is refused before it is copied into the wasm's memory, which never
/// shrinks again.
const MAX_PARTNER_FILE: u32 = 1_000_000;

/// The file is read as text and parsed by the crate's own reader (bounded nesting, errors that
/// say where), not by `Response.json()`: a JavaScript value would have to be written out as JSON
/// again to reach the reader, and writing out 100,000 nested arrays overflows the engine's stack.
/// Also says whether the text holds U+FFFD: what `text()` makes of bytes that are not UTF-8.
pub(super) async fn fetch_json(url: &str) -> Result<(Json, bool), String> {
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
    // Same origin after redirects too: the browser refuses a redirect to another site (whose
    // rows the partner never chose), however that site answers CORS.
    init.set_mode(web_sys::RequestMode::SameOrigin);
    let abort = controller.clone();
    let timer = gloo::timers::callback::Timeout::new(5_000, move || abort.abort());
    let response = JsFuture::from(window.fetch_with_str_and_init(&resolved.href(), &init)).await;
    drop(timer);
    let response: web_sys::Response = response
        .map_err(|_| "did not load within 5 s, or was blocked or redirected to another site".to_string())?
        .unchecked_into();
    // Where the answer came from, should a browser ever follow such a redirect all the same (an
    // answer made up by the site's own service worker has no URL).
    let answered = web_sys::Url::new(&response.url()).map(|u| u.origin()).unwrap_or_else(|_| origin.clone());
    if answered != origin {
        return Err(format!("must be on this site ({origin}), but the answer came from {answered}"));
    }
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let text = response.text().map_err(|_| "not text")?;
    let text: js_sys::JsString = JsFuture::from(text).await.map_err(|_| "could not be read")?.unchecked_into();
    if text.length() > MAX_PARTNER_FILE {
        return Err(format!("larger than the {MAX_PARTNER_FILE} characters a partner file may hold"));
    }
    let text = String::from(text);
    let value = json::parse(&text).map_err(|e| format!("not valid JSON ({e})"))?;
    Ok((value, text.contains('\u{FFFD}')))
}
