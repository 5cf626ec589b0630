//! Fetching a file the widget does not trust (a partner's rows, a data release): bounded in time
//! and in size. The
//! size is checked from `Content-Length` before the body is read, and again as the bytes arrive,
//! with the download stopped at the limit, so a huge or endless answer costs neither memory nor
//! bandwidth beyond it; the time limit covers the whole answer, not only its headers.

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What a fetch may cost.
pub(super) struct Bounds {
    /// The most bytes the body may hold.
    pub max_bytes: u32,
    /// How long the whole answer may take, in milliseconds.
    pub timeout_ms: u32,
}

/// Whose file it is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// The host page's own (a partner's rows): this page's origin only, after redirects too (the
    /// browser refuses a redirect to another site), with this site's credentials.
    SameOrigin,
    /// The widget's own origin, which may be a CDN (a data channel): by CORS, with no credentials
    /// and no cookies.
    Widget,
}

/// The body of `href` within `bounds`. The error says what went wrong in words a console reader
/// can act on.
pub(super) async fn fetch_bounded(href: &str, scope: Scope, bounds: &Bounds) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let origin = window.location().origin().unwrap_or_default();
    let controller = web_sys::AbortController::new().map_err(|_| "cannot time out")?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    if scope == Scope::SameOrigin {
        init.set_credentials(web_sys::RequestCredentials::SameOrigin);
        init.set_mode(web_sys::RequestMode::SameOrigin);
    } else {
        init.set_credentials(web_sys::RequestCredentials::Omit);
        init.set_mode(web_sys::RequestMode::Cors);
    }
    let abort = controller.clone();
    // Kept until the body is read: a server that sends its headers, then trickles, is cut off too.
    let _timer = gloo::timers::callback::Timeout::new(bounds.timeout_ms, move || abort.abort());
    let late = || format!("did not load within {} s", bounds.timeout_ms / 1000);
    let response = JsFuture::from(window.fetch_with_str_and_init(href, &init)).await.map_err(|_| match scope {
        Scope::SameOrigin => format!("{}, or was blocked or redirected to another site", late()),
        Scope::Widget => {
            format!("{}, or was blocked (offline, or not allowed by CORS or the page's connect-src)", late())
        }
    })?;
    let response: web_sys::Response = response.unchecked_into();
    // Where the answer came from, should a browser ever follow such a redirect all the same (an
    // answer made up by the site's own service worker has no URL).
    let answered = web_sys::Url::new(&response.url()).map(|u| u.origin()).unwrap_or_else(|_| origin.clone());
    if scope == Scope::SameOrigin && answered != origin {
        return Err(format!("must be on this site ({origin}), but the answer came from {answered}"));
    }
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    let what = if scope == Scope::SameOrigin { "a partner file" } else { "a data release" };
    let too_large = |size: &str| {
        format!("larger than the {} bytes {what} may hold ({size}); not downloaded further", bounds.max_bytes)
    };
    let declared = response.headers().get("content-length").ok().flatten();
    if let Some(length) = declared.as_deref().and_then(|l| l.trim().parse::<u64>().ok()) {
        if length > u64::from(bounds.max_bytes) {
            controller.abort();
            return Err(too_large(&format!("Content-Length {length}")));
        }
    }
    let Some(body) = response.body() else { return Ok(Vec::new()) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| format!("{} (its body stopped)", late()))?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            break;
        }
        let value: Uint8Array =
            Reflect::get(&chunk, &"value".into()).map_err(|_| "could not be read")?.unchecked_into();
        let start = bytes.len();
        if start + value.length() as usize > bounds.max_bytes as usize {
            controller.abort();
            return Err(too_large("more arrived than that"));
        }
        bytes.resize(start + value.length() as usize, 0);
        value.copy_to(&mut bytes[start..]);
    }
    Ok(bytes)
}
