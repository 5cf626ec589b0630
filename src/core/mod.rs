//! The pure-Rust core: data, validation, search, detection, hours, options and strings.
//! Nothing here touches the browser, so all of it is tested natively with `cargo test`.

pub mod builtin;
pub mod country_page;
pub mod data;
pub mod detect;
pub mod directory;
pub mod hours;
pub mod i18n;
pub mod json;
pub mod options;
pub mod platform;
pub mod release;
pub mod search;
pub mod validate;

/// The country with this ISO code, if the widget knows it.
pub fn country(code: &str) -> Option<&'static data::Country> {
    let all = builtin::countries();
    all.binary_search_by(|c| c.code.cmp(code)).ok().map(|i| &all[i])
}

pub fn is_country(code: &str) -> bool {
    country(code).is_some()
}

/// The country a time zone is in, from the generated table (`data/timezones.tsv`); in the embed's
/// wasm, once it has been fetched (`builtin::time_zones_here`).
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
        builtin::is_time_zone(zone)
    }
}
