//! The browser's clues for detection and language (its languages, the host page's `lang`, the
//! time zone), handed to the core, which decides (`core::detect`, `Lang::negotiate`); and the
//! props the app starts with.

use super::platform::browser_time_zone;
use crate::components::app::PageState;
use crate::components::ui::{PlatformRef, WidgetEvent};
use crate::components::AppProps;
use crate::core::data::Quote;
use crate::core::detect::{self, Clues};
use crate::core::directory::Directory;
use crate::core::i18n::Lang;
use crate::core::options::Options;
use crate::core::{is_country, zone_country};
use std::rc::Rc;

/// Which door a widget came through: an embed (script tag, element, npm) or the standalone page,
/// which takes over its prerendered HTML when its options are those it was prerendered with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Door {
    Embed,
    // Built only with the `page` feature: the embed's wasm has no page to take over.
    #[cfg_attr(not(feature = "page"), allow(dead_code))]
    Page {
        hydrating: bool,
    },
}

pub(super) fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let list = window.navigator().languages();
    let mut out: Vec<String> = list.iter().filter_map(|v| v.as_string()).collect();
    if out.is_empty() {
        out.extend(window.navigator().language());
    }
    out
}

fn page_language() -> Option<String> {
    let lang = web_sys::window()?.document()?.document_element()?.get_attribute("lang")?;
    (!lang.trim().is_empty()).then_some(lang)
}

/// Everything the app needs from options and the browser's clues. An embed heeds the host
/// page's `<html lang>`; the standalone page's own `lang` says nothing of the visitor, so there
/// the language comes from the option, then the browser.
pub(super) fn build_props(
    options: &Options,
    platform: PlatformRef,
    quotes: Rc<[Quote]>,
    directory: Rc<Directory>,
    on_event: yew::Callback<WidgetEvent>,
    door: Door,
) -> AppProps {
    let languages = browser_languages();
    let mut detected = detected_country(options, &languages);
    // The standalone page's `country` comes from its URL: the link the visitor opened, which the
    // panel says, rather than the site's own setting.
    if let (Door::Page { .. }, Some((_, by @ detect::ChosenBy::Option))) = (door, &mut detected) {
        *by = detect::ChosenBy::Link;
    }
    let lang = negotiated_lang(options, &languages, door == Door::Embed);
    let page = match door {
        Door::Embed => None,
        Door::Page { hydrating } => Some(PageState { hydrating, ..PageState::default() }),
    };
    AppProps { on_event, page, ..AppProps::new(options.clone(), directory, quotes, detected, lang, platform) }
}

/// The country the widget shows first, and why: the partner's option, the browser's languages,
/// its time zone, the partner's fallback (`core::detect`).
pub(super) fn detected_country(options: &Options, languages: &[String]) -> Option<(String, detect::ChosenBy)> {
    let (detected, mut clues) = detected_without_time_zone(options, languages);
    if !asks_time_zone(&detected) {
        return detected;
    }
    let zone = browser_time_zone();
    clues.time_zone = zone.as_deref();
    detect::detect(&clues, is_country, zone_country)
}

/// The time zone is asked for only when the option and the browser languages name no country:
/// the browser's first Intl call loads locale data, which costs tens of ms at start-up (and the
/// embed's wasm fetches the time zones' table).
fn detected_without_time_zone<'a>(
    options: &'a Options,
    languages: &'a [String],
) -> (Option<(String, detect::ChosenBy)>, Clues<'a>) {
    let clues = Clues {
        option: options.country.as_deref(),
        languages,
        time_zone: None,
        fallback: options.fallback_country.as_deref(),
    };
    (detect::detect(&clues, is_country, zone_country), clues)
}

fn asks_time_zone(detected: &Option<(String, detect::ChosenBy)>) -> bool {
    matches!(detected, None | Some((_, detect::ChosenBy::Fallback)))
}

/// Whether choosing the country for these options will ask the time zone's country: then the
/// embed's wasm must have fetched the time zones' table first (`platform::ensure_time_zones`).
pub(super) fn detection_asks_time_zone(options: &Options, languages: &[String]) -> bool {
    asks_time_zone(&detected_without_time_zone(options, languages).0)
}

/// Whether a mount or an update with these options (`given`, read as `options`) needs the time
/// zones' table first: its country chosen by the time zone, or a partner's rows given as an
/// option, checked against the whole table as the build checks its own.
pub(super) fn options_need_time_zones(given: &wasm_bindgen::JsValue, options: &Options) -> bool {
    super::js_options::get(given, "hotlines").is_some() || detection_asks_time_zone(options, &browser_languages())
}

/// The widget's language: the partner's option, then (in embeds) the host page's, then the
/// visitor's browser languages.
pub(super) fn negotiated_lang(options: &Options, browser: &[String], heed_page_lang: bool) -> Lang {
    let page = if heed_page_lang { page_language() } else { None };
    Lang::negotiate(
        options.lang.iter().map(String::as_str).chain(page.as_deref()).chain(browser.iter().map(String::as_str)),
    )
}
