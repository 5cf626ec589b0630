//! Where is the number chosen? Here: the country to show first, without any network request
//! or permission prompt. First match wins:
//! 1. the partner's `country` option;
//! 2. the region in the browser's languages (`es-MX` → MX);
//! 3. the browser's time zone, mapped to its country by the generated table;
//! 4. the partner's `fallback-country`;
//! 5. nothing: the picker opens with no country chosen.
//!
//! Never an IP look-up; never the Geolocation API.

/// Why a country was chosen, so the widget can say so and the visitor can change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChosenBy {
    /// The site's own setting.
    Option,
    /// The link the visitor opened (the standalone page's `?country=`: a poster's QR code, a
    /// shared link), which is not the site's word.
    Link,
    /// The browser's language list (holds the tag that matched, e.g. `es-MX`).
    Language(String),
    /// The device's time zone (holds the zone, e.g. `Asia/Tokyo`).
    TimeZone(String),
    /// The site's fallback.
    Fallback,
    /// The visitor picked it.
    Visitor,
}

/// What the browser tells us, gathered by the thin browser edge and passed in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clues<'a> {
    pub option: Option<&'a str>,
    pub languages: &'a [String],
    pub time_zone: Option<&'a str>,
    pub fallback: Option<&'a str>,
}

/// The region subtag of a BCP 47 tag, upper-cased: `es-MX` → `MX`, `zh-Hant-TW` → `TW`.
/// Numeric regions (`es-419`) name no country.
pub fn region_of(tag: &str) -> Option<String> {
    tag.split(['-', '_'])
        .skip(1)
        .find(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(|p| p.to_ascii_uppercase())
}

pub fn detect(
    clues: &Clues<'_>,
    is_country: impl Fn(&str) -> bool,
    zone_country: impl Fn(&str) -> Option<&'static str>,
) -> Option<(String, ChosenBy)> {
    let known = |c: &str| {
        let c = c.trim().to_ascii_uppercase();
        is_country(&c).then_some(c)
    };
    if let Some(c) = clues.option.and_then(known) {
        return Some((c, ChosenBy::Option));
    }
    for tag in clues.languages {
        if let Some(c) = region_of(tag).as_deref().and_then(known) {
            return Some((c, ChosenBy::Language(tag.clone())));
        }
    }
    if let Some(zone) = clues.time_zone {
        if let Some(c) = zone_country(zone).and_then(known) {
            return Some((c, ChosenBy::TimeZone(zone.to_string())));
        }
    }
    clues.fallback.and_then(known).map(|c| (c, ChosenBy::Fallback))
}
