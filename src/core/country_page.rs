//! Where each country's own page is (issue 28): `/mx/` in the country's main language, `/mx/en/`
//! in each other one. The build writes the pages (`prerender --country-pages`); the poster's QR
//! code and the partner kit's links point at them. Pure, so the prerender, the poster and the
//! tests share one answer.

use super::builtin::MAIN_LANGUAGES;
use super::i18n::Lang;

/// The language a country's own page is in: its main language where the widget speaks it,
/// else English.
pub fn main_lang(code: &str) -> Lang {
    let code = code.to_ascii_uppercase();
    let tag = MAIN_LANGUAGES.iter().find(|(c, _)| *c == code).map_or("en", |(_, t)| t);
    Lang::ALL.into_iter().find(|l| l.tag() == tag).unwrap_or(Lang::En)
}

/// The page's path from the site's root: `/mx/` in the country's main language, `/mx/en/` in
/// another one. Both segments in lower case (`/cn/zh-hans/`).
pub fn path(code: &str, lang: Lang) -> String {
    let cc = code.to_ascii_lowercase();
    if lang == main_lang(code) {
        format!("/{cc}/")
    } else {
        format!("/{cc}/{}/", lang.tag().to_ascii_lowercase())
    }
}

/// The address of a country's page on the site whose standalone page is at `site` (its folder
/// or its `index.html`; a query or fragment is dropped), in `lang`, or in the country's main
/// language when the link should not choose one.
pub fn link(site: &str, code: &str, lang: Option<Lang>) -> String {
    let site = site.split(['?', '#']).next().unwrap_or_default();
    let folder = &site[..site.rfind('/').map_or(site.len(), |i| i + 1)];
    let folder = if folder.is_empty() { "./" } else { folder };
    format!("{folder}{}", path(code, lang.unwrap_or_else(|| main_lang(code))).trim_start_matches('/'))
}

/// The way from the page of `here` in `here_lang` up to the site's folder: `../` from `/mx/`,
/// `../../` from `/mx/en/`.
pub fn to_site_root(here: &str, here_lang: Lang) -> String {
    "../".repeat(path(here, here_lang).matches('/').count() - 1)
}

/// The address of `code`'s page in `lang`, relative to the page of `here` in `here_lang`:
/// `../br/es/` from `/mx/`, `../../br/en/` from `/mx/en/`. Relative, so the links between the
/// pages work wherever the site is served, at its domain's root or not.
pub fn link_from(here: &str, here_lang: Lang, code: &str, lang: Lang) -> String {
    format!("{}{}", to_site_root(here, here_lang), path(code, lang).trim_start_matches('/'))
}

/// Every country with a line or an emergency number: the countries that get pages, by code.
pub fn countries_with_pages() -> Vec<&'static str> {
    use super::builtin::{countries, emergency_of, hotlines_of};
    countries()
        .iter()
        .map(|c| c.code)
        .filter(|code| !hotlines_of(code).is_empty() || emergency_of(code).is_some())
        .collect()
}

/// Which countries `FW_COUNTRY_PAGES` asks for: unset, empty or `all` every one that has a
/// page, `none` none, else a comma-separated list of codes (any case). A code with no page is
/// an error, so a partner's typo fails the build instead of silently building less.
pub fn select(value: Option<&str>, available: &[&'static str]) -> Result<Vec<&'static str>, String> {
    let value = value.map(str::trim).unwrap_or("");
    if value.is_empty() || value.eq_ignore_ascii_case("all") {
        return Ok(available.to_vec());
    }
    if value.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let mut chosen = Vec::new();
    for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let code = part.to_ascii_uppercase();
        let Some(found) = available.iter().find(|c| **c == code) else {
            return Err(format!("FW_COUNTRY_PAGES: {part:?} is not a country with a line or an emergency number"));
        };
        if !chosen.contains(found) {
            chosen.push(*found);
        }
    }
    Ok(chosen)
}

/// `FW_COUNTRY_PAGES` as this crate was compiled with it: the prerender writes the pages it
/// names, and the standalone page (prerendered, then taken over by its own wasm, both compiled
/// in one build) links to those pages alone.
pub const BUILT_SELECTION: Option<&str> = option_env!("FW_COUNTRY_PAGES");

/// The countries whose pages this build writes (see [`BUILT_SELECTION`]), or why the selection is wrong.
pub fn built() -> Result<Vec<&'static str>, String> {
    select(BUILT_SELECTION, &countries_with_pages())
}

/// Whether this build wrote `code`'s pages. A wrong selection fails the prerender (`built`), so
/// a page that reads one here links to no page.
pub fn is_built(code: &str) -> bool {
    // Chosen once, not for each row of the list of every country.
    static CHOSEN: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    CHOSEN.get_or_init(|| built().unwrap_or_default()).iter().any(|c| c.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_links() {
        assert_eq!(main_lang("MX"), Lang::Es);
        assert_eq!(main_lang("mx"), Lang::Es);
        assert_eq!(main_lang("DE"), Lang::En, "German is not one of the widget's languages");
        assert_eq!(path("MX", Lang::Es), "/mx/");
        assert_eq!(path("MX", Lang::ZhHans), "/mx/zh-hans/");
        assert_eq!(link("https://help.example.org/fw/", "MX", None), "https://help.example.org/fw/mx/");
        assert_eq!(
            link("https://help.example.org/fw/index.html?x=1", "MX", Some(Lang::En)),
            "https://help.example.org/fw/mx/en/"
        );
        assert_eq!(link("https://help.example.org/fw/", "MX", Some(Lang::Es)), "https://help.example.org/fw/mx/");
    }

    #[test]
    fn which_countries_have_pages() {
        let every = countries_with_pages();
        // A country without a line or an emergency number has no page, whatever is chosen.
        let without: Vec<_> =
            super::super::builtin::countries().iter().map(|c| c.code).filter(|c| !every.contains(c)).collect();
        assert!(!without.is_empty() && without.iter().all(|c| !is_built(c)), "{without:?}");
        // Built without FW_COUNTRY_PAGES (as the test command builds): every other country.
        if BUILT_SELECTION.is_none_or(|s| s.trim().is_empty() || s.trim().eq_ignore_ascii_case("all")) {
            assert!(is_built("MX") && is_built("mx"));
            assert_eq!(built(), Ok(every.clone()));
        }
        // Whatever was chosen, `is_built` and `built` agree.
        let chosen = built().unwrap_or_default();
        assert!(every.iter().all(|c| is_built(c) == chosen.contains(c)));
        assert_eq!(select(Some(" mx, ES ,mx"), &every), Ok(vec!["MX", "ES"]));
        assert_eq!(select(Some("none"), &every), Ok(vec![]));
        assert!(select(Some("MX,XX"), &every).unwrap_err().contains("\"XX\""));
    }

    #[test]
    fn links_between_pages() {
        assert_eq!(to_site_root("MX", Lang::Es), "../");
        assert_eq!(to_site_root("MX", Lang::En), "../../");
        assert_eq!(link_from("MX", Lang::Es, "BR", Lang::Es), "../br/es/");
        assert_eq!(link_from("MX", Lang::En, "BR", Lang::En), "../../br/en/");
        assert_eq!(link_from("MX", Lang::En, "GB", Lang::En), "../../gb/", "English is Britain's page's own");
        assert_eq!(link_from("MX", Lang::Es, "MX", Lang::En), "../mx/en/");
        assert_eq!(link_from("CN", Lang::ZhHans, "TW", Lang::ZhHans), "../tw/zh-hans/");
    }
}
