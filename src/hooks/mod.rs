//! Custom hooks: the few places a component reaches into the browser, kept small and named.

pub mod use_clipboard;
pub mod use_interval;
pub mod use_progressive;
pub mod use_quick_exit;
pub mod use_reduced_motion;
