//! The widget's Yew components, one per file with its `Props` beside it.

pub mod all_countries;
pub mod app;
pub mod country_panel;
pub mod country_picker;
pub mod explainer;
pub mod hotline_card;
pub mod language_picker;
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
pub mod later;
pub mod quick_exit;
pub mod quotes;
pub mod state;
pub mod ui;

pub use app::{App, AppProps};
