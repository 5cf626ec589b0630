//! `Platform` answered by the browser's own `Intl`: no bundled name tables, no time-zone data.

use crate::components::ui::PlatformRef;
use crate::core::builtin;
use crate::core::hours::{WallTime, ZoneRules};
use crate::core::i18n::Lang;
use crate::core::platform::{Platform, StaticPlatform};
use js_sys::{Array, Date, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DisplayNames", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    /// `Intl.DateTimeFormat`, bound with `catch`: an unknown time zone throws a RangeError.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type ZoneFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<ZoneFormat, JsValue>;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &ZoneFormat, date: &Date) -> Array;
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o
}

fn locales(lang: Lang) -> Array {
    Array::of1(&lang.tag().into())
}

/// A few formatters, made once each: small lists searched in order (a hash map would cost more
/// code in the bundle than it saves at this size).
type Cache<K, V> = RefCell<Vec<(K, Option<V>)>>;

fn cached<K: PartialEq, V, R>(
    cache: &Cache<K, V>,
    key: K,
    make: impl FnOnce() -> Option<V>,
    then: impl FnOnce(&V) -> Option<R>,
) -> Option<R> {
    let mut cache = cache.borrow_mut();
    let at = match cache.iter().position(|(k, _)| *k == key) {
        Some(at) => at,
        None => {
            cache.push((key, make()));
            cache.len() - 1
        }
    };
    cache[at].1.as_ref().and_then(then)
}

#[derive(Default)]
pub struct BrowserPlatform {
    regions: Cache<Lang, DisplayNames>,
    languages: Cache<Lang, DisplayNames>,
    zones: Cache<String, ZoneFormat>,
}

impl BrowserPlatform {
    fn display_name(cache: &Cache<Lang, DisplayNames>, kind: &str, lang: Lang, code: &str) -> Option<String> {
        cached(
            cache,
            lang,
            || DisplayNames::new(&locales(lang), &options(&[("type", kind), ("fallback", "none")])).ok(),
            |names| names.of(code).ok()?.as_string(),
        )
    }
}

/// The visitor's own time zone, as the browser reports it.
pub fn browser_time_zone() -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&Array::new(), &Object::new());
    Reflect::get(&format.resolved_options(), &"timeZone".into()).ok()?.as_string()
}

impl ZoneRules for BrowserPlatform {
    fn wall_time(&self, utc_ms: i64, zone: &str) -> Option<WallTime> {
        let make = || {
            let o = options(&[
                ("timeZone", zone),
                ("weekday", "short"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
                ("hourCycle", "h23"),
            ]);
            // An unknown zone throws: the entry then shows its hours as text.
            ZoneFormat::new(&Array::of1(&"en-US".into()), &o).ok()
        };
        let parts = cached(&self.zones, zone.to_string(), make, |f| {
            Some(f.format_to_parts(&Date::new(&(utc_ms as f64).into())))
        })?;
        let (mut weekday, mut hour, mut minute) = (None, None, None);
        for part in parts.iter() {
            let get = |k: &str| Reflect::get(&part, &k.into()).ok().and_then(|v| v.as_string());
            match get("type").as_deref() {
                Some("weekday") => {
                    weekday = get("value")
                        .and_then(|d| ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].iter().position(|x| *x == d))
                }
                Some("hour") => hour = get("value").and_then(|h| h.parse::<u16>().ok()),
                Some("minute") => minute = get("value").and_then(|m| m.parse::<u16>().ok()),
                _ => {}
            }
        }
        Some(WallTime { weekday: weekday? as u8, minute: (hour? % 24) * 60 + minute? })
    }
}

thread_local! {
    /// One platform for every widget on the page: it caches `Intl` formatters.
    static PLATFORM: PlatformRef = PlatformRef(std::rc::Rc::new(BrowserPlatform::default()));
    /// The loader's `(tag) => Promise<string>`: fetches a language's file from beside the wasm.
    static LANGUAGE_SOURCE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static LANGUAGE_WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The loader's `(key) => Promise<string>`: a country's built-in lines and emergency number
    /// (key `MX`), or every country's (key `all`), from a module beside the wasm (feature
    /// `tables-apart`).
    static LINES_SOURCE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static LINES_WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// The loader's `() => Promise<string>`: the time zones' countries ("zone<TAB>CC" lines),
    /// from a module beside the wasm (feature `tables-apart`).
    static ZONES_SOURCE: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    static ZONES_WARNED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// Where the time zones' table comes from when it is not compiled in (see
/// `exports::set_zones_source`). Until it has come, a row's `hours.tz` outside the built-in rows'
/// zones is a time zone if the browser knows it (`builtin::is_time_zone`).
pub(super) fn set_zones_source(source: js_sys::Function) {
    ZONES_SOURCE.with(|s| *s.borrow_mut() = Some(source));
    builtin::set_time_zone_check(|zone| browser_platform().0.wall_time(0, zone).is_some());
}

/// Whether the time zones' table was asked for and could not be had (said once already).
pub(super) fn time_zones_failed() -> bool {
    ZONES_WARNED.with(|w| !w.borrow().is_empty())
}

/// Fetches and takes in the time zones' countries unless they are here; `false` if they cannot
/// be had (said once in the console, naming the file and why): detection then goes on without
/// the time zone.
pub async fn ensure_time_zones() -> bool {
    if builtin::time_zones_here() {
        return true;
    }
    match text_from(&ZONES_SOURCE, "zones").await {
        Ok(text) => {
            builtin::install_time_zones(&text);
            true
        }
        Err(why) => {
            let message = format!(
                "freedom-widget: the time zones' countries could not be loaded: {why}; choosing the country without the time zone"
            );
            ZONES_WARNED.with(|w| super::console::warn(&mut w.borrow_mut(), message));
            false
        }
    }
}

/// The text of the module the loader's `source` gives for `key` (a language's or a country's
/// file), or why there is none.
async fn text_from(
    source: &'static std::thread::LocalKey<RefCell<Option<js_sys::Function>>>,
    key: &str,
) -> Result<String, String> {
    match source.with(|s| s.borrow().as_ref().map(|f| f.call1(&JsValue::NULL, &key.into()))) {
        Some(Ok(promise)) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
            .await
            .map_err(|e| js_sys::Error::from(e).message().as_string().unwrap_or_default())
            .and_then(|t| t.as_string().ok_or_else(|| "its module holds no text".to_string())),
        _ => Err("the loader has no file to give".to_string()),
    }
}

/// Where built-in lines not compiled in come from (see `exports::set_lines_source`).
pub(super) fn set_lines_source(source: js_sys::Function) {
    LINES_SOURCE.with(|s| *s.borrow_mut() = Some(source));
}

/// Fetches and takes in the built-in lines and emergency number of `key` (a country's code, or
/// `EVERY_COUNTRY`) unless they are here; `false` if they cannot be had (said once in the console, naming the
/// file and why).
pub async fn ensure_lines(key: &str) -> bool {
    if builtin::lines_here(key) {
        return true;
    }
    let text = text_from(&LINES_SOURCE, key).await;
    match text.and_then(|t| builtin::install_lines(&format!("lines/{key}"), &t)) {
        Ok(_) if builtin::lines_here(key) => true,
        result => {
            let why = result.err().unwrap_or_else(|| "they are not in it".to_string());
            let message = format!(
                "freedom-widget: the built-in numbers of {} could not be loaded: {why}; showing what was shown before",
                crate::core::validate::Quoted(key)
            );
            LINES_WARNED.with(|w| super::console::warn(&mut w.borrow_mut(), message));
            false
        }
    }
}

/// The page's one `BrowserPlatform`.
pub(super) fn browser_platform() -> PlatformRef {
    PLATFORM.with(Clone::clone)
}

/// Where languages other than English come from (see `exports::set_language_source`).
pub(super) fn set_language_source(source: js_sys::Function) {
    LANGUAGE_SOURCE.with(|s| *s.borrow_mut() = Some(source));
}

/// Fetches and installs `lang`'s messages unless they are here; `false` if they cannot be had
/// (said once in the console).
pub async fn ensure_language(lang: Lang) -> bool {
    if lang.is_loaded() {
        return true;
    }
    let text = text_from(&LANGUAGE_SOURCE, lang.tag()).await.ok();
    match text.map(|t| crate::core::i18n::install_json(lang, &t)) {
        Some(Ok(())) => true,
        _ => {
            let message = format!(
                "freedom-widget: the {} messages could not be loaded; staying in the current language",
                lang.tag()
            );
            LANGUAGE_WARNED.with(|w| super::console::warn(&mut w.borrow_mut(), message));
            false
        }
    }
}

impl Platform for BrowserPlatform {
    // Only the standalone pages (built with `page`) have country pages to open: the embed's wasm
    // keeps the default, which shows the country in place.
    #[cfg(feature = "page")]
    fn open_country_page(&self, href: &str) -> bool {
        let Some(window) = web_sys::window() else { return false };
        let Some(document) = window.document() else { return false };
        // `href` is the build's own (`country_page::link_from`: lower-case letters, `-`, `.` and
        // `/`), so it needs no escaping inside the selector's quotes.
        let selector = format!(".country-pages a[href=\"{href}\"]");
        let built = document.query_selector(&selector).ok().flatten().is_some();
        // In place of this page in the history, as choosing a country elsewhere adds no entry: a
        // quick exit from that page leaves no way Back to this one.
        built && window.location().replace(href).is_ok()
    }
    fn load_language(&self, lang: Lang, done: Box<dyn FnOnce(bool)>) {
        if lang.is_loaded() {
            return done(true);
        }
        wasm_bindgen_futures::spawn_local(async move { done(ensure_language(lang).await) });
    }
    fn load_lines(&self, key: &str, done: Box<dyn FnOnce(bool)>) {
        if builtin::lines_here(key) {
            return done(true);
        }
        let key = key.to_string();
        wasm_bindgen_futures::spawn_local(async move { done(ensure_lines(&key).await) });
    }
    fn country_name(&self, code: &str, lang: Lang) -> String {
        // English names are built in (CLDR's, as Intl gives them: see data/countries.tsv), so an
        // English first render makes no Intl call, whose locale data costs tens of ms to load.
        if let Some(country) = crate::core::country(code).filter(|_| lang == Lang::En) {
            return country.name.to_string();
        }
        Self::display_name(&self.regions, "region", lang, code)
            .unwrap_or_else(|| StaticPlatform.country_name(code, lang))
    }
    fn language_name(&self, tag: &str, lang: Lang) -> String {
        if let Some(name) = (lang == Lang::En).then(|| crate::core::builtin::english_language_name(tag)).flatten() {
            return name.to_string();
        }
        Self::display_name(&self.languages, "language", lang, tag).unwrap_or_else(|| tag.to_string())
    }
    fn date(&self, ymd: &str, lang: Lang) -> String {
        let parts: Vec<u32> = ymd.split('-').filter_map(|p| p.parse().ok()).collect();
        let [y, m, d] = parts[..] else { return ymd.to_string() };
        if lang == Lang::En && (1..=12).contains(&m) {
            // What Intl's "en" medium date style writes ("Nov 25, 2026"), without loading Intl.
            const MONTHS: [&str; 12] =
                ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
            return format!("{} {d}, {y}", MONTHS[m as usize - 1]);
        }
        let date = Date::new(&Date::utc(y as f64, (m - 1) as f64).into());
        date.set_utc_date(d);
        let format = js_sys::Intl::DateTimeFormat::new(
            &locales(lang),
            &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
        );
        format.format().call1(&format, &date).ok().and_then(|s| s.as_string()).unwrap_or_else(|| ymd.to_string())
    }
    fn month_year(&self, ymd: &str, lang: Lang) -> String {
        let parts: Vec<u32> = ymd.split('-').filter_map(|p| p.parse().ok()).collect();
        let [y, m, ..] = parts[..] else { return ymd.to_string() };
        if lang == Lang::En {
            return crate::core::platform::english_month_year(ymd);
        }
        let date = Date::new(&Date::utc(y as f64, m.saturating_sub(1) as f64).into());
        let format = js_sys::Intl::DateTimeFormat::new(
            &locales(lang),
            &options(&[("month", "long"), ("year", "numeric"), ("timeZone", "UTC")]),
        );
        format.format().call1(&format, &date).ok().and_then(|s| s.as_string()).unwrap_or_else(|| ymd.to_string())
    }
    fn now_ms(&self) -> Option<i64> {
        Some(Date::now() as i64)
    }
    fn visitor_zone(&self) -> Option<String> {
        browser_time_zone()
    }
    fn weekday_time(&self, at: WallTime, with_day: bool, lang: Lang) -> String {
        // 1 January 2024 was a Monday: day 1 + weekday is that weekday, formatted in UTC.
        let ms = Date::utc(2024.0, 0.0) + (at.weekday as f64) * 86_400_000.0 + (at.minute as f64) * 60_000.0;
        let mut o = vec![("timeZone", "UTC"), ("hour", "numeric"), ("minute", "2-digit")];
        if with_day {
            o.push(("weekday", "short"));
        }
        let format = js_sys::Intl::DateTimeFormat::new(&locales(lang), &options(&o));
        format
            .format()
            .call1(&format, &Date::new(&ms.into()))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| StaticPlatform.weekday_time(at, with_day, lang))
    }
}
