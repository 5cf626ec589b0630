//! freedom-widget: the right anti-trafficking hotline, a plain explainer of the four Ps and a
//! few words of resolve, in one Yew component tree that three doors share (the standalone
//! page, the script tag / custom element, and the npm package).
//!
//! - `core`: pure Rust, no browser: data, validation, search, detection, hours, options, strings.
//! - `components`: the Yew components, one per file with its `Props`.
//! - `web`: the thin browser edge: `mount(element, options)` and what only a browser can answer.

#[cfg(feature = "widget")]
pub mod components;
pub mod core;
#[cfg(feature = "widget")]
pub mod hooks;
/// Browser only: native builds (tests, the prerender) have no DOM to mount into.
#[cfg(all(feature = "widget", target_arch = "wasm32"))]
pub mod web;

/// Talc instead of Rust's default wasm allocator (dlmalloc): smaller in the bundle and faster.
/// Single-threaded wasm only, which is what every build of this crate is.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
