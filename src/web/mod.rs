//! The thin browser edge, one file per capability: everything exported to JavaScript
//! (`exports`), mounting into an element with its own Shadow DOM (`mount`), the standalone page's
//! takeover (`page`), the hand-over from the loader's first paint (`first_paint`), options from a
//! JavaScript object (`js_options`), a partner's rows and file (`partner_data`), a fetch bounded in
//! time and size (`fetch`), Ed25519 signatures checked by WebCrypto
//! (`crypto`), newer signed data from a channel (`channel`), the browser's
//! clues for detection and language (`clues`), widget events as DOM events (`events`), the
//! console (`console`), answers from `Intl` (`platform`) and the adopted stylesheet (`styles`).
//! Everything a visitor sees is decided in `core` and `components`.

mod channel;
mod clues;
mod console;
pub mod crypto;
mod events;
pub mod exports;
mod fetch;
mod first_paint;
mod js_options;
mod mount;
#[cfg(feature = "page")]
mod page;
mod partner_data;
pub mod platform;
pub mod styles;

#[cfg(feature = "page")]
pub use exports::hydrate_page;
pub use exports::{mount, Handle};
