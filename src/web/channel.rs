//! The signed data channel: after the widget shows, a newer release of the directory from the URL
//! the `data-channel` option names (or the build's default), so that a corrected number reaches
//! every visitor of a page nobody updates. Fetched once per page and URL, by CORS with no
//! credentials, bounded in time and size (`fetch`); its signature checked by the browser's
//! WebCrypto (`crypto`) before a byte of it is read as data; then every row through the one
//! validator (`core::release::open_verified`). Anything wrong keeps the data built in.

use super::crypto::{verify_ed25519, CannotCheck};
use super::fetch::{fetch_bounded, Bounds, Scope};
use crate::core::builtin;
use crate::core::release::{self, Release, TRUSTED_KEYS};
use crate::core::BuiltinReference;
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// How long a channel may take, whole: it is never waited for (the built-in data shows first).
const TIMEOUT_MS: u32 = 10_000;

type Answer = Result<&'static Release, String>;

thread_local! {
    /// Each channel asked for on this page: the fetch under way (every widget naming the URL
    /// waits for the one), and its answer once it has one.
    static CHANNELS: RefCell<Vec<(String, js_sys::Promise, Option<Answer>)>> = const { RefCell::new(Vec::new()) };
}

/// Said once per page by a build that trusts the test key: such a build is for tests only.
pub(super) fn say_if_test_build() {
    if release::trusts_test_key() {
        super::console::warn_once_per_page(
            "freedom-widget: this build trusts the TEST data key (FW_DATA_TRUST_TEST_KEY=1): for tests only, never publish it".into(),
        );
    }
}

/// The release at `url`, or why there is none (said in words a console reader can act on).
/// A release is kept for the page's life: one per page and channel.
pub(super) async fn release_at(url: &str) -> Answer {
    say_if_test_build();
    let known = CHANNELS.with(|c| c.borrow().iter().find(|(u, ..)| u == url).map(|(_, p, _)| p.clone()));
    let promise = known.unwrap_or_else(|| {
        let owned = url.to_string();
        let promise = wasm_bindgen_futures::future_to_promise(async move {
            let answer = fetch_and_open(&owned).await;
            CHANNELS.with(|c| {
                if let Some(entry) = c.borrow_mut().iter_mut().find(|(u, ..)| *u == owned) {
                    entry.2 = Some(answer);
                }
            });
            Ok(JsValue::UNDEFINED)
        });
        CHANNELS.with(|c| c.borrow_mut().push((url.to_string(), promise.clone(), None)));
        promise
    });
    let _ = JsFuture::from(promise).await;
    CHANNELS
        .with(|c| c.borrow().iter().find(|(u, ..)| u == url).and_then(|(.., a)| a.clone()))
        .unwrap_or_else(|| Err("no answer".into()))
}

async fn fetch_and_open(url: &str) -> Answer {
    let bounds = Bounds { max_bytes: release::MAX_RELEASE_BYTES as u32, timeout_ms: TIMEOUT_MS };
    let bytes = fetch_bounded(url, Scope::Widget, &bounds).await?;
    let envelope = release::read_envelope(&bytes, TRUSTED_KEYS).map_err(|e| e.to_string())?;
    match verify_ed25519(&envelope.key.public, &envelope.signed_bytes(), &envelope.signature).await {
        Ok(true) => {}
        Ok(false) => return Err(format!("its signature is not the {} key's", envelope.key.name)),
        Err(CannotCheck(why)) => return Err(why.to_string()),
    }
    // An older release is refused before anything more is fetched; a newer one's rows' zones
    // are checked against the whole table, as the build checks its own.
    let newer = release::read_newer(&envelope, builtin::data_version()).map_err(|e| e.to_string())?;
    super::platform::ensure_time_zones().await;
    let release = newer.validate(&BuiltinReference).map_err(|e| e.to_string())?;
    Ok(Box::leak(Box::new(release)))
}

/// The console's words for a channel that gave nothing usable.
pub(super) fn refused(url: &str, why: &str) -> String {
    format!(
        "freedom-widget: data channel {}: {why}; showing the data built in (of {})",
        crate::core::validate::Quoted(url),
        builtin::data_checked()
    )
}

/// Said once a release is past its `expires`: its numbers still show (a probably right number
/// beats none), with how old the data is and how to get current data.
pub(super) fn expired_note(url: &str, release: &Release) -> Option<String> {
    let now = (js_sys::Date::now() / 1000.0) as i64;
    release::is_expired(release, now).then(|| {
        format!(
            "freedom-widget: data channel {}: the release expired on {} (its data is of {}); its numbers still show. Current data comes from the channel once it is re-signed: ask the site to check the channel, or see the project's releases",
            crate::core::validate::Quoted(url),
            release.expires,
            release.data_checked
        )
    })
}
