//! The widget's one stylesheet, adopted into each shadow root as a constructable stylesheet:
//! no `<style>` element and no `style=` attribute, so `style-src 'self'` is enough. The
//! standalone page links the same file.

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

/// `static/widget.css` without its comments (`build.rs`).
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// One sheet shared by every instance on the page.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().and_then(|s| s.replace_sync(CSS).ok().map(|_| s));
}

pub fn adopt(shadow: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = SHEET.with(Clone::clone).ok_or("constructable stylesheets are not supported")?;
    Reflect::set(shadow, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
    Ok(())
}
