//! The built-in tables: validated by `build.rs`, embedded as compact JSON and text, decoded once
//! on first use. Text, not Rust statics, because a table of pointers weighs more in the bundle than
//! the text it points to.

use super::data::*;
use std::sync::{LazyLock, OnceLock};

include!(concat!(env!("OUT_DIR"), "/data_generated.rs"));
const DIRECTORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/directory.json"));
/// One line per country with lines: "CC<TAB>[rows as JSON]", sorted by code.
const HOTLINES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/hotlines.tsv"));

struct Bundle {
    emergency: Vec<Emergency>,
    international: Vec<International>,
    quotes: Vec<Quote>,
}

/// Decodes the bundled data with the same reader partner rows go through.
fn decode() -> Bundle {
    use super::json::{self, Json};
    // `unwrap_or_else(|_| unreachable!())` rather than `expect`: `expect` formats the error
    // with Debug, which would bring Rust's Debug machinery into the bundle for text build.rs
    // has already checked.
    let Ok(doc) = json::parse(DIRECTORY_JSON) else { unreachable!("build.rs wrote valid JSON") };
    let Json::Object(fields) = doc else { panic!("build.rs wrote an object") };
    let list = |key: &str| match fields.iter().find(|(k, _)| k == key) {
        Some((_, Json::Array(rows))) => rows.clone(),
        _ => Vec::new(),
    };
    let valid = "build.rs validated the data";
    Bundle {
        emergency: list("emergency")
            .iter()
            .enumerate()
            .map(|(i, r)| json::emergency(i, r).unwrap_or_else(|_| unreachable!("{valid}")))
            .collect(),
        international: list("international")
            .iter()
            .enumerate()
            .map(|(i, r)| json::international(i, r).unwrap_or_else(|_| unreachable!("{valid}")))
            .collect(),
        quotes: list("quotes")
            .iter()
            .enumerate()
            .map(|(i, r)| json::quote("quotes", i, r).unwrap_or_else(|_| unreachable!("{valid}")))
            .collect(),
    }
}

static BUNDLE: LazyLock<Bundle> = LazyLock::new(decode);

/// A country's rows, still as JSON text until first asked for.
struct CountryLines {
    code: &'static str,
    json: &'static str,
    rows: OnceLock<Vec<Hotline>>,
}

static BY_COUNTRY: LazyLock<Vec<CountryLines>> = LazyLock::new(|| {
    HOTLINES_TSV
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, json)| CountryLines { code, json, rows: OnceLock::new() })
        .collect()
});

/// A country's built-in lines, in the order to show them. Decoded one country at a time, on
/// first use: start-up decodes only the country shown (decoding all of them took most of
/// the start-up's data work).
pub fn hotlines_of(country: &str) -> &'static [Hotline] {
    let all = &*BY_COUNTRY;
    let Ok(i) = all.binary_search_by(|c| c.code.cmp(country)) else { return &[] };
    all[i].rows.get_or_init(|| {
        use super::json::{self, Json};
        let Ok(Json::Array(rows)) = json::parse(all[i].json) else {
            panic!("build.rs wrote a JSON array for {country}")
        };
        rows.iter()
            .enumerate()
            .map(|(n, r)| {
                json::hotline("hotlines", n, r).unwrap_or_else(|_| unreachable!("build.rs validated the data"))
            })
            .collect()
    })
}

/// The countries that have at least one built-in line, sorted by code.
pub fn countries_with_lines() -> impl Iterator<Item = &'static str> {
    BY_COUNTRY.iter().map(|c| c.code)
}

/// Every built-in line, grouped by country (sorted by code): decodes them all, for tools,
/// the poster's checks and tests. The widget asks `hotlines_of` instead.
pub fn hotlines() -> &'static [Hotline] {
    static ALL: LazyLock<Vec<Hotline>> =
        LazyLock::new(|| countries_with_lines().flat_map(|c| hotlines_of(c).iter().cloned()).collect());
    &ALL
}
/// Sorted by country.
pub fn emergency() -> &'static [Emergency] {
    &BUNDLE.emergency
}
/// A country's general emergency number, if the data has one (build.rs allows one per
/// country and sorts them by code).
pub fn emergency_of(country: &str) -> Option<&'static Emergency> {
    let all = emergency();
    all.binary_search_by(|e| (*e.country).cmp(country)).ok().map(|i| &all[i])
}
pub fn international() -> &'static [International] {
    &BUNDLE.international
}
pub fn quotes() -> &'static [Quote] {
    &BUNDLE.quotes
}

static COUNTRY_TABLE: LazyLock<Vec<Country>> = LazyLock::new(|| {
    COUNTRIES_TSV
        .lines()
        .map(|line| {
            let mut cols = line.split('\t');
            let code = cols.next().unwrap_or_default();
            let name = cols.next().unwrap_or(code);
            Country { code, name, aliases: cols.next().unwrap_or_default() }
        })
        .collect()
});

/// The date of the data built in (`checked` in data/hotlines.json), said beside the sources.
pub fn data_checked() -> &'static str {
    DATA_CHECKED
}

/// The built-in data's version, which a signed data release must exceed: its date's first
/// second (UTC). A release signed after the build (`data-release` numbers each by the time it is
/// signed) is always newer.
pub fn data_version() -> u64 {
    super::release::parse_utc(&format!("{DATA_CHECKED}T00:00:00Z")).map_or(0, |s| s.max(0) as u64)
}

/// Every country the widget knows, sorted by code, with its English name and aliases.
pub fn countries() -> &'static [Country] {
    &COUNTRY_TABLE
}

/// The English name of a language tag (CLDR's, from `data/language-names.tsv`).
pub fn english_language_name(tag: &str) -> Option<&'static str> {
    LANGUAGE_NAMES_TSV.lines().filter_map(|l| l.split_once('\t')).find(|(t, _)| *t == tag).map(|(_, n)| n)
}

/// (zone, country code) pairs, sorted by zone.
pub fn time_zones() -> impl Iterator<Item = (&'static str, &'static str)> {
    TIME_ZONES_TSV.lines().filter_map(|l| l.split_once('\t'))
}
