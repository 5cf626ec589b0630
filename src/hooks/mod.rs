//! Custom hooks: the few places a component reaches into the browser, kept small and named.

pub mod use_clipboard;
pub mod use_interval;
pub mod use_progressive;
pub mod use_quick_exit;
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
pub mod use_reader_place;
pub mod use_reduced_motion;
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
pub mod use_turn;
