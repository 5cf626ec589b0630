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

/// A country's rows, still as JSON text until first asked for. In the embed's wasm (feature
/// `lines-apart`) the text is not compiled in: the rows arrive with `install_lines`.
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

fn country_lines(country: &str) -> Option<&'static CountryLines> {
    let all = &*BY_COUNTRY;
    all.binary_search_by(|c| c.code.cmp(country)).ok().map(|i| &all[i])
}

/// A country's built-in lines, in the order to show them. Decoded one country at a time, on
/// first use: start-up decodes only the country shown (decoding all of them took most of
/// the start-up's data work). Empty for a country whose lines have not arrived yet
/// (`has_lines_for`).
pub fn hotlines_of(country: &str) -> &'static [Hotline] {
    let Some(lines) = country_lines(country) else { return &[] };
    if lines.json.is_empty() {
        return lines.rows.get().map_or(&[], Vec::as_slice);
    }
    lines.rows.get_or_init(|| {
        use super::json::{self, Json};
        let Ok(Json::Array(rows)) = json::parse(lines.json) else {
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

/// Whether `hotlines_of(country)` has the country's lines: always, except in the embed's wasm
/// before the country's module has arrived. A country with no built-in line has them all.
pub fn has_lines_for(country: &str) -> bool {
    country_lines(country).is_none_or(|lines| !lines.json.is_empty() || lines.rows.get().is_some())
}

/// Whether every country's lines are here (`has_lines_for` each).
pub fn has_every_country_lines() -> bool {
    BY_COUNTRY.iter().all(|lines| !lines.json.is_empty() || lines.rows.get().is_some())
}

/// Reads the lines of one or more countries from a module of the build's own (`CC<TAB>[rows]`,
/// a line per country, as `build.rs` writes them): every row through the one validator, and each
/// of the country it is filed under. `source` names the text in a problem (`lines/MX/MX[2]
/// "id": field ...`). Any problem refuses the whole text: a country's lines are shown whole or
/// not at all.
pub fn read_lines(source: &str, text: &str) -> Result<Vec<(&'static str, Vec<Hotline>)>, String> {
    use super::json::{self, Json};
    let mut found = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (code, rows) = line.split_once('\t').ok_or_else(|| format!("{source}: a line without a tab"))?;
        let Some(lines) = country_lines(code) else {
            return Err(format!(
                "{source}: {} is not a country with lines in this build",
                super::validate::Quoted(code)
            ));
        };
        let list = format!("{source}/{code}");
        let Ok(Json::Array(rows)) = json::parse(rows) else {
            return Err(format!("{list}: not a JSON array of rows"));
        };
        let mut decoded = Vec::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            let row = json::hotline(&list, index, row).map_err(|e| e.to_string())?;
            let check = super::validate::check_hotline(&super::BuiltinReference, &list, index, &row);
            if let Some(problem) = check.into_iter().next() {
                return Err(problem.to_string());
            }
            if *row.country != *code {
                return Err(format!(
                    "{list}[{index}]: a line of {}, filed under {}",
                    super::validate::Quoted(&row.country),
                    super::validate::Quoted(code)
                ));
            }
            decoded.push(row);
        }
        found.push((lines.code, decoded));
    }
    Ok(found)
}

/// Takes in what `read_lines` reads (a country already here keeps its rows); how many countries
/// the text held.
pub fn install_lines(source: &str, text: &str) -> Result<usize, String> {
    let found = read_lines(source, text)?;
    let count = found.len();
    for (code, rows) in found {
        if let Some(lines) = country_lines(code) {
            let _ = lines.rows.set(rows);
        }
    }
    Ok(count)
}

/// The countries that have at least one built-in line, sorted by code.
pub fn countries_with_lines() -> impl Iterator<Item = &'static str> {
    BY_COUNTRY.iter().map(|c| c.code)
}

/// Each country's built-in lines as the JSON text compiled in (`CC`, `[rows]`), for the build's
/// tools: the embed's modules of lines. Empty in the embed's own wasm.
pub fn lines_as_text() -> impl Iterator<Item = (&'static str, &'static str)> {
    BY_COUNTRY.iter().map(|c| (c.code, c.json)).filter(|(_, json)| !json.is_empty())
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
