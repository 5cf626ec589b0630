//! The thin browser edge: mounting into an element (with its own Shadow DOM), answering the
//! `Platform` questions with `Intl`, turning widget events into DOM events, and loading a
//! partner's data file. Everything a visitor sees is decided in `core` and `components`.

pub mod mount;
pub mod platform;
pub mod styles;

#[cfg(feature = "page")]
pub use mount::hydrate_page;
pub use mount::{mount, Handle};
