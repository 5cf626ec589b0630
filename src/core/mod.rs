//! The pure-Rust core: data, validation, search, detection, hours, options and strings.
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod data;
pub mod detect;
pub mod directory;
pub mod hours;
pub mod i18n;
pub mod json;
pub mod options;
pub mod platform;
pub mod search;
pub mod validate;

/// The built-in tables: validated by `build.rs`, embedded as compact JSON and text, decoded once
/// on first use. Text, not Rust statics, because a table of pointers weighs more in the bundle than
/// the text it points to.
pub mod builtin {
    use super::data::*;
    use std::sync::LazyLock;

    include!(concat!(env!("OUT_DIR"), "/data_generated.rs"));
    const DIRECTORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/directory.json"));

    struct Bundle {
        hotlines: Vec<Hotline>,
        emergency: Vec<Emergency>,
        international: Vec<International>,
        quotes: Vec<Quote>,
    }

    /// Decodes the bundled data with the same reader partner rows go through.
    fn decode() -> Bundle {
        use super::json::{self, Json};
        let doc = json::parse(DIRECTORY_JSON).expect("build.rs wrote valid JSON");
        let Json::Object(fields) = doc else { panic!("build.rs wrote an object") };
        let list = |key: &str| match fields.iter().find(|(k, _)| k == key) {
            Some((_, Json::Array(rows))) => rows.clone(),
            _ => Vec::new(),
        };
        let valid = "build.rs validated the data";
        Bundle {
            hotlines: list("hotlines").iter().enumerate().map(|(i, r)| json::hotline("hotlines", i, r).expect(valid)).collect(),
            emergency: list("emergency").iter().enumerate().map(|(i, r)| json::emergency(i, r).expect(valid)).collect(),
            international: list("international").iter().enumerate().map(|(i, r)| json::international(i, r).expect(valid)).collect(),
            quotes: list("quotes").iter().enumerate().map(|(i, r)| json::quote("quotes", i, r).expect(valid)).collect(),
        }
    }

    static BUNDLE: LazyLock<Bundle> = LazyLock::new(decode);

    /// Grouped by country (sorted by code), each country's rows in the order to show them.
    pub fn hotlines() -> &'static [Hotline] {
        &BUNDLE.hotlines
    }
    /// Sorted by country.
    pub fn emergency() -> &'static [Emergency] {
        &BUNDLE.emergency
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
}

/// The country with this ISO code, if the widget knows it.
pub fn country(code: &str) -> Option<&'static data::Country> {
    let all = builtin::countries();
    all.binary_search_by(|c| c.code.cmp(code)).ok().map(|i| &all[i])
}

pub fn is_country(code: &str) -> bool {
    country(code).is_some()
}

/// The country a time zone is in, from the generated table (`data/timezones.tsv`).
pub fn zone_country(zone: &str) -> Option<&'static str> {
    builtin::time_zones().find(|(z, _)| *z == zone).map(|(_, c)| c)
}

/// What the validator knows of the world, from the same tables.
pub struct BuiltinReference;

impl validate::Reference for BuiltinReference {
    fn is_country(&self, code: &str) -> bool {
        is_country(code)
    }
    fn is_time_zone(&self, zone: &str) -> bool {
        zone_country(zone).is_some()
    }
}
