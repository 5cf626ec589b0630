//! The built-in tables: validated by `build.rs`, embedded as compact JSON and text, decoded once
//! on first use. Text, not Rust statics, because a table of pointers weighs more in the bundle than
//! the text it points to.

use super::data::*;
use std::sync::{LazyLock, OnceLock};

include!(concat!(env!("OUT_DIR"), "/data_generated.rs"));
const DIRECTORY_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/directory.json"));
/// One line per country with lines: "CC<TAB>[rows as JSON]", sorted by code. In the embed's wasm
/// (feature `tables-apart`), one per country with lines or an emergency number, "CC<TAB>L" or
/// "CC<TAB>": the rows and the emergency number come in its file (`install_lines`).
const HOTLINES_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/hotlines.tsv"));
/// Whether this build's countries come in files of their own (the embed's wasm).
const APART: bool = cfg!(feature = "tables-apart");

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

/// A country's rows, still as JSON text until first asked for. In the embed's wasm (`APART`) the
/// text is not compiled in: the rows and the emergency number arrive with `install_lines`.
struct CountryLines {
    code: &'static str,
    /// The rows as JSON text; empty when `APART`.
    json: &'static str,
    /// Whether the country has built-in lines (when `APART`, some have only an emergency number).
    listed: bool,
    rows: OnceLock<Vec<Hotline>>,
    /// When `APART`: the emergency number that came with the rows.
    emergency: OnceLock<Option<Emergency>>,
}

static BY_COUNTRY: LazyLock<Vec<CountryLines>> = LazyLock::new(|| {
    HOTLINES_TSV
        .lines()
        .filter_map(|l| l.split_once('\t'))
        .map(|(code, text)| CountryLines {
            code,
            json: if APART { "" } else { text },
            listed: !APART || text == "L",
            rows: OnceLock::new(),
            emergency: OnceLock::new(),
        })
        .collect()
});

fn country_lines(country: &str) -> Option<&'static CountryLines> {
    let all = &*BY_COUNTRY;
    all.binary_search_by(|c| c.code.cmp(country)).ok().map(|i| &all[i])
}

/// A country's built-in lines, in the order to show them. Decoded one country at a time, on
/// first use: start-up decodes only the country shown (decoding all of them took most of
/// the start-up's data work). Empty for a country whose file has not arrived yet
/// (`has_lines_for`).
pub fn hotlines_of(country: &str) -> &'static [Hotline] {
    let Some(lines) = country_lines(country) else { return &[] };
    if APART {
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

/// Whether `hotlines_of(country)` and `emergency_of(country)` have the country's built-in data:
/// always, except in the embed's wasm before the country's file has arrived. A country the data
/// has nothing for has it all.
pub fn has_lines_for(country: &str) -> bool {
    !APART || country_lines(country).is_none_or(|lines| lines.rows.get().is_some())
}

/// Whether every country's lines are here (`has_lines_for` each).
pub fn has_every_country_lines() -> bool {
    !APART || BY_COUNTRY.iter().all(|lines| lines.rows.get().is_some())
}

/// The key of every country's lines at once (`lines_here`, `Platform::load_lines`): a layout
/// that lists every country needs them all.
pub const EVERY_COUNTRY: &str = "all";

/// Whether the built-in lines of `key` are here: a country's code (`has_lines_for`), or
/// `EVERY_COUNTRY` (`has_every_country_lines`).
pub fn lines_here(key: &str) -> bool {
    if key == EVERY_COUNTRY {
        has_every_country_lines()
    } else {
        has_lines_for(key)
    }
}

/// One country's file, read (`read_lines`).
#[derive(Debug)]
pub struct CountryFile {
    pub code: &'static str,
    pub hotlines: Vec<Hotline>,
    pub emergency: Option<Emergency>,
}

/// Reads the built-in data of one or more countries from a file of the build's own
/// (`CC<TAB>[rows]<TAB>{emergency}`, or `null` for none, a line per country, as `build.rs` writes
/// them): every row and emergency number through the one validator, each of the country it is
/// filed under. `source` names the text in a problem (`lines/MX/MX[2] "id": field ...`). Any
/// problem refuses the whole text: a country's data is shown whole or not at all.
pub fn read_lines(source: &str, text: &str) -> Result<Vec<CountryFile>, String> {
    use super::json::{self, Json};
    use super::validate::Quoted;
    let mut found = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let mut fields = line.split('\t');
        let (Some(code), Some(rows), emergency) = (fields.next(), fields.next(), fields.next()) else {
            return Err(format!("{source}: a line without a tab"));
        };
        let Some(country) = super::country(code).filter(|_| country_lines(code).is_some() || !APART) else {
            return Err(format!("{source}: {} is not a country with data in this build", Quoted(code)));
        };
        let list = format!("{source}/{code}");
        let Ok(Json::Array(rows)) = json::parse(rows) else {
            return Err(format!("{list}: not a JSON array of rows"));
        };
        let mut hotlines = Vec::with_capacity(rows.len());
        for (index, row) in rows.iter().enumerate() {
            let row = json::hotline(&list, index, row).map_err(|e| e.to_string())?;
            let check = super::validate::check_hotline(&super::BuiltinReference, &list, index, &row);
            if let Some(problem) = check.into_iter().next() {
                return Err(problem.to_string());
            }
            if *row.country != *code {
                return Err(format!(
                    "{list}[{index}]: a line of {}, filed under {}",
                    Quoted(&row.country),
                    Quoted(code)
                ));
            }
            hotlines.push(row);
        }
        let emergency = match json::parse(emergency.unwrap_or("null")) {
            Ok(Json::Null) => None,
            Ok(value) => {
                let e = json::emergency(0, &value).map_err(|e| format!("{list}: {e}"))?;
                if let Some(problem) =
                    super::validate::check_emergency(&super::BuiltinReference, 0, &e).into_iter().next()
                {
                    return Err(format!("{list}: {problem}"));
                }
                if *e.country != *code {
                    return Err(format!(
                        "{list}: an emergency number of {}, filed under {}",
                        Quoted(&e.country),
                        Quoted(code)
                    ));
                }
                Some(e)
            }
            Err(_) => return Err(format!("{list}: its emergency number is not JSON")),
        };
        found.push(CountryFile { code: country.code, hotlines, emergency });
    }
    Ok(found)
}

/// Takes in what `read_lines` reads (a country already here keeps its data); how many countries
/// the text held.
pub fn install_lines(source: &str, text: &str) -> Result<usize, String> {
    let found = read_lines(source, text)?;
    let count = found.len();
    for file in found {
        if let Some(lines) = country_lines(file.code) {
            let _ = lines.emergency.set(file.emergency);
            let _ = lines.rows.set(file.hotlines);
        }
    }
    Ok(count)
}

/// The countries that have at least one built-in line, sorted by code.
pub fn countries_with_lines() -> impl Iterator<Item = &'static str> {
    BY_COUNTRY.iter().filter(|c| c.listed).map(|c| c.code)
}

/// Each country's file for the embed's wasm (`CC`, its text: see `read_lines`), as `build.rs`
/// wrote them, for the build's tools, which write them out. Not in the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub fn country_files() -> impl Iterator<Item = (&'static str, &'static str)> {
    const FILES: &str = include_str!(concat!(env!("OUT_DIR"), "/country-files.tsv"));
    FILES.lines().filter_map(|l| Some((l.split_once('\t')?.0, l)))
}

/// Every built-in line, grouped by country (sorted by code): decodes them all, for tools,
/// the poster's checks and tests. The widget asks `hotlines_of` instead.
pub fn hotlines() -> &'static [Hotline] {
    static ALL: LazyLock<Vec<Hotline>> =
        LazyLock::new(|| countries_with_lines().flat_map(|c| hotlines_of(c).iter().cloned()).collect());
    &ALL
}
/// Sorted by country. Empty in the embed's wasm, whose emergency numbers come with each
/// country's file (`emergency_of`).
pub fn emergency() -> &'static [Emergency] {
    &BUNDLE.emergency
}
/// A country's general emergency number, if the data has one (build.rs allows one per
/// country and sorts them by code).
pub fn emergency_of(country: &str) -> Option<&'static Emergency> {
    if APART {
        return country_lines(country)?.emergency.get()?.as_ref();
    }
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

/// (zone, country code) pairs: the table compiled in, sorted by zone; in the embed's wasm
/// (`APART`), the built-in rows' zones, then the table `install_time_zones` took in.
pub fn time_zones() -> impl Iterator<Item = (&'static str, &'static str)> {
    let installed = INSTALLED_ZONES.get().map_or("", String::as_str);
    TIME_ZONES_TSV.lines().chain(installed.lines()).filter_map(|l| l.split_once('\t'))
}

/// The time zones' table, when it is not compiled in: "zone<TAB>CC" lines.
static INSTALLED_ZONES: OnceLock<String> = OnceLock::new();

/// Whether the time zones' countries are here (compiled in, or taken in).
pub fn time_zones_here() -> bool {
    !APART || INSTALLED_ZONES.get().is_some()
}

/// Takes in the time zones' table ("zone<TAB>CC" lines) where it is not compiled in; the first
/// table given stays. Lines that are not a zone and a known country's code are left out.
pub fn install_time_zones(text: &str) {
    let mut table = String::new();
    for (zone, code) in text.lines().filter_map(|l| l.split_once('\t')) {
        if !zone.is_empty() && !zone.contains(char::is_whitespace) && super::is_country(code) {
            table.push_str(zone);
            table.push('\t');
            table.push_str(code);
            table.push('\n');
        }
    }
    let _ = INSTALLED_ZONES.set(table);
}

/// Where the time zones' table is not compiled in and has not been fetched yet, what says whether
/// a zone outside the built-in rows' is one: the browser's own time zone data, which is also what
/// computes a row's hours (`set_time_zone_check`).
static TIME_ZONE_CHECK: OnceLock<fn(&str) -> bool> = OnceLock::new();

/// Sets what says whether a zone is one where the table is not compiled in (the widget's
/// browser edge sets the browser's); the first one set stays.
pub fn set_time_zone_check(check: fn(&str) -> bool) {
    let _ = TIME_ZONE_CHECK.set(check);
}

/// Whether `zone` is a time zone: in the table. In the embed's wasm (`APART`), which carries only
/// the zones of the built-in rows (so those never depend on a browser's own time zone data), a
/// zone not among them is asked of the check set (the browser's) until the whole table has been
/// fetched; the widget fetches it before it reads a partner's or a channel's rows. With neither
/// (never in the widget), any zone passes: the hours' own code then finds out.
pub fn is_time_zone(zone: &str) -> bool {
    if time_zones().any(|(z, _)| z == zone) {
        return true;
    }
    APART && INSTALLED_ZONES.get().is_none() && TIME_ZONE_CHECK.get().is_none_or(|check| check(zone))
}
