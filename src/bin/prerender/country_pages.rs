//! The country pages (issue 28): `DIST/<cc>/index.html` in the country's main language and
//! `DIST/<cc>/<lang>/index.html` in each other language, written at build time from the built
//! standalone page (its stylesheets, CSP and head) with the widget rendered by the same Yew
//! components for that country. Every number reads and dials without JavaScript; the page's
//! script (the standalone page's own) takes the widget over with the page's options
//! (`data-page-options`), so search, the hours, tabs and quick exit come alive in place.
//!
//! A module of the prerender binary, not of the crate, so its name tables never reach the wasm;
//! `tests/country_pages.rs` includes it by path. It needs only the crate, Yew's SSR and `futures`.

use freedom_widget::components::app::{CountryPage, PageState};
use freedom_widget::components::ui::PlatformRef;
use freedom_widget::components::{App, AppProps};
use freedom_widget::core::builtin;
use freedom_widget::core::data::ChannelKind;
use freedom_widget::core::detect::ChosenBy;
use freedom_widget::core::directory::Directory;
use freedom_widget::core::hours::{WallTime, ZoneRules};
use freedom_widget::core::i18n::{country_in_text, format, Key, Lang};
use freedom_widget::core::options::{Layout, Options};
use freedom_widget::core::platform::{Platform, StaticPlatform};
use std::path::Path;
use std::rc::Rc;
use std::sync::OnceLock;

/// Names in every language, from `scripts/gen-country-names.mjs` (CLDR, through Node's Intl).
const COUNTRY_NAMES_TSV: &str = include_str!("../../../data/country-names.tsv");
const LANGUAGE_NAMES_TSV: &str = include_str!("../../../data/language-names-i18n.tsv");
const COLLATION_TSV: &str = include_str!("../../../data/country-collation.tsv");
const DATE_FORMATS_TSV: &str = include_str!("../../../data/date-formats.tsv");

/// The generator's column order: the languages sorted by tag, as it lists `i18n/*.ftl`.
fn column_of(lang: Lang) -> usize {
    let mut tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    tags.sort();
    tags.iter().position(|t| *t == lang.tag()).expect("every language has a column")
}

/// `code → [name per column]` from a generated table (after the `skip` leading columns).
fn table(tsv: &'static str, skip: usize) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
    tags.sort();
    let header = tsv.lines().next().unwrap_or_default();
    // A language added to i18n/ without running the generator would shift every column.
    assert!(header.contains(&tags.join(", ")), "regenerate with node scripts/gen-country-names.mjs: {header}");
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut cells = l.split('\t');
            let code = cells.next().unwrap();
            let rest: Vec<&str> = cells.skip(skip - 1).collect();
            assert_eq!(rest.len(), tags.len(), "{code}: one name per language");
            (code, rest)
        })
        .collect()
}

struct Tables {
    countries: Vec<(&'static str, Vec<&'static str>)>,
    languages: Vec<(&'static str, Vec<&'static str>)>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables { countries: table(COUNTRY_NAMES_TSV, 2), languages: table(LANGUAGE_NAMES_TSV, 1) })
}

/// A name from CLDR's table, `None` where CLDR has none (the page then says the English name).
fn cldr_name(rows: &[(&'static str, Vec<&'static str>)], code: &str, lang: Lang) -> Option<&'static str> {
    let row = &rows.iter().find(|(c, _)| *c == code)?.1;
    Some(row[column_of(lang)]).filter(|n| !n.is_empty())
}

/// A country's name in `lang`, and whether it is in `lang` (else English: CLDR lacks it).
pub fn country_name_in(code: &str, lang: Lang) -> (String, bool) {
    match cldr_name(&tables().countries, code, lang) {
        Some(name) if lang != Lang::En => (name.to_string(), true),
        // English from the widget's own table, the names every English page shows.
        _ => (StaticPlatform.country_name(code, Lang::En), lang == Lang::En),
    }
}

/// A `YYYY-MM-DD` date in `lang` as the browser's Intl writes it for the widget (`kind`: `date`,
/// its medium style, or `month-year`), from the generator's templates; `None` for a date that is
/// not one.
pub fn date_in(kind: &str, ymd: &str, lang: Lang) -> Option<String> {
    let parts: Vec<u32> = ymd.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, d] = parts[..] else { return None };
    let row = DATE_FORMATS_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .find(|cells| cells[0] == lang.tag() && cells[1] == kind)
        .unwrap_or_else(|| panic!("data/date-formats.tsv has no {kind} row for {}", lang.tag()));
    let offset: u32 = row[2].parse().expect("data/date-formats.tsv: a year offset");
    let template = row.get(2 + m as usize).filter(|_| m >= 1)?;
    Some(
        template
            .replace("{dd}", &format!("{d:02}"))
            .replace("{d}", &d.to_string())
            .replace("{y}", &(y + offset).to_string()),
    )
}

/// `Platform` for a page written at build time in any language: the CLDR names and dates of the
/// tables above (English names from the widget's own tables, as `StaticPlatform`), the same
/// words the page's script will show, and no clock, so no page claims a line is open or closed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NamesPlatform;

impl ZoneRules for NamesPlatform {
    fn wall_time(&self, utc_ms: i64, zone: &str) -> Option<WallTime> {
        StaticPlatform.wall_time(utc_ms, zone)
    }
}

impl Platform for NamesPlatform {
    fn country_name(&self, code: &str, lang: Lang) -> String {
        country_name_in(code, lang).0
    }
    fn language_name(&self, tag: &str, lang: Lang) -> String {
        match cldr_name(&tables().languages, tag, lang) {
            Some(name) if lang != Lang::En => name.to_string(),
            _ => StaticPlatform.language_name(tag, Lang::En),
        }
    }
    fn date(&self, ymd: &str, lang: Lang) -> String {
        date_in("date", ymd, lang).unwrap_or_else(|| ymd.to_string())
    }
    fn month_year(&self, ymd: &str, lang: Lang) -> String {
        date_in("month-year", ymd, lang).unwrap_or_else(|| ymd.to_string())
    }
    fn now_ms(&self) -> Option<i64> {
        None
    }
    fn visitor_zone(&self) -> Option<String> {
        None
    }
    fn weekday_time(&self, at: WallTime, with_day: bool, lang: Lang) -> String {
        StaticPlatform.weekday_time(at, with_day, lang)
    }
}

pub use freedom_widget::core::country_page::{link_from, main_lang, path as page_path, to_site_root};

/// The first line with a phone number (its name and number as shown), as the first paint and
/// the widget list it first.
fn main_line(code: &str) -> Option<(String, String)> {
    builtin::hotlines_of(code).iter().find_map(|h| {
        let c = h.channels.iter().find(|c| c.kind == ChannelKind::Phone)?;
        let number = c.number()?;
        Some((h.name.to_string(), c.display.as_deref().unwrap_or(number).to_string()))
    })
}

/// The options a country's page is prerendered and taken over with: its country and language
/// (as a link naming them would set), the compact layout and quick exit, on the standalone
/// page's defaults. The page carries them in `data-page-options`, for its script.
pub fn page_options(code: &str, lang: Lang) -> Options {
    Options {
        country: Some(code.to_string()),
        lang: Some(lang.tag().to_string()),
        quick_exit: Some(true),
        layout: Layout::Compact,
        ..Options::page_defaults()
    }
}

/// The widget for one country and language, as the standalone page's prerender renders it but
/// in the compact layout: the country's panel (and the finder), the four Ps and the quotes, and
/// not the list of every country, which the page's own list of links replaces. The country is
/// chosen by the link the visitor opened (`ChosenBy::Link`); quick exit is on, hiding the page.
/// The page's script takes this markup over (`web::page`) from the same props.
pub fn render_widget(code: &str, lang: Lang) -> String {
    let platform = PlatformRef(Rc::new(NamesPlatform));
    let country_page = CountryPage { country: code.to_string().into(), lang };
    let props = AppProps {
        page: Some(PageState { hydrating: true, country_page: Some(country_page), ..PageState::default() }),
        ..AppProps::new(
            page_options(code, lang),
            Rc::new(Directory::default()),
            builtin::quotes().to_vec().into(),
            Some((code.to_string(), ChosenBy::Link)),
            lang,
            platform,
        )
    };
    render_app(props)
}

/// The app's HTML for a page to take over (its prerender at `/` and each country page's): Yew's
/// server rendering, its markers without type names.
pub fn render_app(props: AppProps) -> String {
    without_type_names(&futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render()))
}

/// Yew's hydration markers as a release build writes them: `<!--<[]>-->`, not
/// `<!--<[freedom_widget::components::app::App]>-->` (a debug build, as the prerender is, names
/// each component). The takeover finds a component's nodes by the markers' `<[`, `</[` and `]>`
/// alone; the names were about 5% of a country page's bytes. What a component writes as text is
/// escaped, so only Yew's markers open with `<!--<[` or `<!--</[`.
pub fn without_type_names(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<!--<") {
        let (before, marker) = rest.split_at(at);
        out.push_str(before);
        let opening = if marker.starts_with("<!--<[") {
            "<!--<["
        } else if marker.starts_with("<!--</[") {
            "<!--</["
        } else {
            out.push_str("<!--<");
            rest = &marker["<!--<".len()..];
            continue;
        };
        let end = marker.find("]>-->").expect("a Yew marker is closed");
        out.push_str(opening);
        out.push_str("]>-->");
        rest = &marker[end + "]>-->".len()..];
    }
    out.push_str(rest);
    out
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Replaces what lies between `after` and the next `until` (both kept).
fn replace_between(html: &mut String, after: &str, until: &str, with: &str) {
    let start = html.find(after).unwrap_or_else(|| panic!("template: {after} not found")) + after.len();
    let end = html[start..].find(until).unwrap_or_else(|| panic!("template: {after} not closed")) + start;
    html.replace_range(start..end, with);
}

/// One country page, built from the standalone page `template` (dist/index.html as post-build
/// wrote it, through `for_country_pages`). `site`: the site's address (`FW_SITE_URL`), for the
/// canonical and alternate (`hreflang`) links, which must be whole addresses; without it there
/// are none. `listed`: the countries whose pages the build writes, for the list of links.
pub fn build_page(template: &str, code: &str, lang: Lang, site: Option<&str>, listed: &[&str]) -> String {
    let path = page_path(code, lang);
    let up = to_site_root(code, lang);
    let t = |key: Key, args: &[(&str, &str)]| escape(&format(lang, key, args));
    // The title and description place the name inside a sentence ("in the United States").
    let country = country_in_text(lang, code, &country_name_in(code, lang).0);
    let emergency = builtin::emergency_of(code).map(|e| e.number.to_string()).unwrap_or_default();
    let (title, description) = match main_line(code) {
        Some((line, number)) => (
            t(Key::CountryPageTitle, &[("country", &country), ("number", &number)]),
            t(Key::CountryPageDescription, &[("line", &line), ("country", &country), ("number", &number)]),
        ),
        None => (
            t(Key::CountryPageTitleEmergency, &[("country", &country), ("number", &emergency)]),
            t(Key::CountryPageDescriptionEmergency, &[("country", &country), ("number", &emergency)]),
        ),
    };
    // Search engines take canonical and alternate links only as whole addresses: without the
    // site's (`FW_SITE_URL`) the page names none, rather than ones they would reject.
    let mut links = String::new();
    if let Some(site) = site.map(|s| s.trim_end_matches('/')) {
        links += &format!("<link rel=\"canonical\" href=\"{site}{path}\">\n");
        for other in Lang::ALL {
            let href = format!("{site}{}", page_path(code, other));
            links += &format!("  <link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\">\n", other.tag());
        }
        links += &format!(
            "  <link rel=\"alternate\" hreflang=\"x-default\" href=\"{site}{}\">\n",
            page_path(code, main_lang(code))
        );
    }

    let mut html = template.to_string();
    let dir = if lang.is_rtl() { "rtl" } else { "ltr" };
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "template: <html lang=\"en\" dir=\"ltr\"> not found");
    html = html.replacen("<html lang=\"en\" dir=\"ltr\">", &format!("<html lang=\"{}\" dir=\"{dir}\">", lang.tag()), 1);
    replace_between(&mut html, "<title", "</title>", &format!(">{title}"));
    replace_between(&mut html, "<meta name=\"description\" content=\"", "\"", &description);
    html = html.replacen("</head>", &format!("  {links}</head>"), 1);
    // The template's links and scripts are relative to the site's root (`./page.css`,
    // `./page-HASH.js`, `partners/`); the CSP's `base-uri 'none'` rules out a <base>, so each is
    // rewritten for the page's depth. The page's script finds its other files from its own URL.
    html = html
        .replace("href=\"./", &format!("href=\"{up}"))
        .replace("src=\"./", &format!("src=\"{up}"))
        .replace("href=\"partners/\"", &format!("href=\"{up}partners/\""));
    // The page's own text (header and footer) in the page's language; `data-text` stays, for a
    // script that later turns the page to the visitor's language.
    for key in [Key::PageTagline, Key::PagePrivacy, Key::PageAboutSources, Key::PagePartners] {
        replace_between(&mut html, &format!("data-text=\"{}\">", key.id()), "<", &escape(lang.text(key)));
    }

    // What the page's script takes the widget over with (`web::page`): the same as `page_options`.
    let options = format!("country={code}&amp;lang={}&amp;layout=compact", lang.tag());
    let widget = render_widget(code, lang);
    // The same country in each language, as links: the widget's language picker needs its
    // script, and a reader who does not read this page's language must still find theirs.
    let mut languages =
        format!("<nav class=\"page-languages\" aria-label=\"{}\">\n      <ul>\n", t(Key::LanguageLabel, &[]));
    for other in Lang::ALL {
        let href = link_from(code, lang, code, other);
        let current = if other == lang { " aria-current=\"page\"" } else { "" };
        let tag = other.tag();
        languages += &format!(
            "        <li><a href=\"{href}\" hreflang=\"{tag}\" lang=\"{tag}\"{current}>{}</a></li>\n",
            escape(other.native_name())
        );
    }
    languages += "      </ul>\n    </nav>";
    let others = t(Key::CountryPageOthers, &[]);
    let mut items = String::new();
    for other in collation_order(lang).into_iter().filter(|c| *c != code && listed.contains(c)) {
        let (name, in_lang) = country_name_in(other, lang);
        // A name CLDR does not have in this language is the English one, marked as such.
        let mark = if in_lang { String::new() } else { " lang=\"en\"".to_string() };
        // (The widget's finder opens the same address: `Platform::open_country_page`.)
        let href = link_from(code, lang, other, lang);
        items += &format!("        <li><a href=\"{href}\"{mark}>{}</a></li>\n", escape(&name));
    }
    // A build of one country's pages has no other country to list: no heading over an empty
    // list, which IBM's checker reports (aria_child_valid: a list owns no list item).
    let nav = if items.is_empty() {
        String::new()
    } else {
        format!(
            "\n    <nav class=\"country-pages\" aria-label=\"{others}\">\n      <h2>{others}</h2>\n      <ul>\n{items}      </ul>\n    </nav>"
        )
    };
    let main = format!(
        "\n    <div id=\"freedom-widget\" class=\"page-widget\" data-page-options=\"{options}\">{widget}</div>\n    {languages}{nav}\n  "
    );
    replace_between(&mut html, "<main id=\"main\" class=\"page-main\">", "</main>", &main);
    html
}

/// The standalone page's HTML made ready to be every country page's template, for a visitor on a
/// slow phone network, where each request costs a round trip: its stylesheets inlined (each
/// `<link rel="stylesheet" href="./NAME">` whose file `read` gives), each allowed by its hash in
/// the CSP's `style-src`, so the number paints as soon as the HTML has arrived, with the rules
/// after a stylesheet's `BELOW_FIRST_SCREEN` mark at the end of the page instead (fewer bytes
/// before the number: 3G carries a kilobyte in 12 ms); and the page's
/// script and the wasm's preloads moved from the head to the end of the body, so their downloads
/// begin only once the HTML has (they would share the narrow line with it). The script is
/// `script`, a country page's own (js/country-page.js: the standalone page's without its first
/// paint, which a page prerendered for its country does not need), in place of the template's.
pub fn for_country_pages(template: &str, read: impl Fn(&str) -> Option<String>, script: &str) -> String {
    use freedom_widget::core::release::base64_encode;
    use sha2::{Digest, Sha256};
    let mut html = template.to_string();
    // What the CSP's `style-src` names to allow one inline stylesheet.
    let allowed = |css: &str| format!("'sha256-{}'", base64_encode(&Sha256::digest(css.as_bytes())));
    let mut hashes = Vec::new();
    // Each stylesheet's rules after its mark, in order, for the end of the page.
    let mut below = String::new();
    let link = "<link rel=\"stylesheet\" href=\"./";
    let mut from = 0;
    while let Some(at) = html[from..].find(link).map(|i| i + from) {
        let name_end = at + link.len() + html[at + link.len()..].find('"').expect("template: a stylesheet link");
        let name = html[at + link.len()..name_end].to_string();
        let end = at + html[at..].find('>').expect("template: a stylesheet link not closed") + 1;
        let Some(css) = read(&name) else {
            from = end;
            continue;
        };
        assert!(!css.contains("</"), "{name}: a stylesheet that could close its <style>");
        let (first_screen, rest) = css.split_once(BELOW_FIRST_SCREEN).unwrap_or((&css, ""));
        hashes.push(allowed(first_screen));
        below += rest;
        let style = format!("<style>{first_screen}</style>");
        html.replace_range(at..end, &style);
        from = at + style.len();
    }
    if !below.is_empty() {
        hashes.push(allowed(&below));
    }
    if !hashes.is_empty() {
        assert!(html.contains("style-src 'self'"), "template: the CSP's style-src not found");
        html = html.replacen("style-src 'self'", &format!("style-src 'self' {}", hashes.join(" ")), 1);
    }
    let tag = "<script type=\"module\" src=\"./";
    let at = html.find(tag).expect("template: the page's script not found") + tag.len();
    let name_end = at + html[at..].find('"').expect("template: the page's script not closed");
    html.replace_range(at..name_end, script);
    let mut moved = String::new();
    for (start, end) in
        [("<link rel=\"modulepreload\"", ">"), ("<link rel=\"preload\"", ">"), ("<script type=\"module\"", "</script>")]
    {
        while let Some(at) = html.find(start) {
            let close = at + html[at..].find(end).expect("template: a tag not closed") + end.len();
            moved += &format!("  {}\n", &html[at..close]);
            html.replace_range(at..close, "");
        }
    }
    // The lines those tags stood on, left blank.
    let head_end = html.find("</head>").expect("template: </head> not found");
    let head: Vec<&str> = html[..head_end].lines().filter(|l| !l.trim().is_empty()).collect();
    html = format!("{}\n{}", head.join("\n"), &html[head_end..]);
    let below = if below.is_empty() { String::new() } else { format!("  <style>{below}</style>\n") };
    html.replacen("</body>", &format!("{below}{moved}</body>"), 1)
}

/// Where a stylesheet's rules for what lies below a country page's first screen begin (a legal
/// comment, which minifying keeps in place): `for_country_pages` puts them at the end of the page.
pub const BELOW_FIRST_SCREEN: &str = "/*! below the first screen */";

/// Every country code in the order of its name in `lang` (`Intl.Collator`'s, from the table).
pub fn collation_order(lang: Lang) -> Vec<&'static str> {
    COLLATION_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .find(|(tag, _)| *tag == lang.tag())
        .map(|(_, codes)| codes.split(' ').collect())
        .unwrap_or_else(|| panic!("data/country-collation.tsv has no row for {}", lang.tag()))
}

/// Writes every selected country's pages under `dist` from `dist/index.html`, each loading the
/// script `script` (a file in `dist`); returns how many pages and bytes.
pub fn write_pages(
    dist: &Path,
    countries: &[&'static str],
    site: Option<&str>,
    script: &str,
) -> std::io::Result<(usize, usize)> {
    let template = std::fs::read_to_string(dist.join("index.html"))?;
    let template = for_country_pages(&template, |name| std::fs::read_to_string(dist.join(name)).ok(), script);
    let (mut pages, mut bytes) = (0, 0);
    for code in countries {
        for lang in Lang::ALL {
            let html = build_page(&template, code, lang, site, countries);
            let dir = dist.join(page_path(code, lang).trim_matches('/'));
            std::fs::create_dir_all(&dir)?;
            std::fs::write(dir.join("index.html"), &html)?;
            pages += 1;
            bytes += html.len();
        }
    }
    Ok((pages, bytes))
}
