//! The country pages (`prerender --country-pages`, issue 28): each names its country and main
//! line in its language, lists every line's links and the emergency number, links its other
//! languages and every other country's page, and finds the page script that takes it over.

#[path = "../src/bin/prerender/country_pages.rs"]
#[allow(dead_code)]
mod country_pages;

use country_pages::{build_page, main_lang, page_path};
use freedom_widget::components::hotline_card::channel_href;
use freedom_widget::core::builtin;
use freedom_widget::core::country_page::{countries_with_pages, select};
use freedom_widget::core::i18n::{Key, Lang};

/// index.html as post-build leaves it (its markers filled, a page script, the wasm's preloads,
/// hashed `./` stylesheets), so the test needs no build of dist/.
fn template() -> String {
    let mut html = std::fs::read_to_string("index.html").unwrap();
    for key in [Key::PageTitle, Key::PageTagline, Key::PagePrivacy, Key::PageAboutSources, Key::PagePartners] {
        html = html.replacen(&format!("<!--text:{}-->", key.id()), Lang::En.text(key), 1);
    }
    let head = "<link rel=\"stylesheet\" href=\"./widget-0123.css\" integrity=\"sha384-x\"/>\n\
        <link rel=\"modulepreload\" href=\"./freedom-widget-0123.js\" crossorigin=\"anonymous\" integrity=\"sha384-y\">\
        <link rel=\"preload\" href=\"./freedom-widget-0123_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\">\
        <script type=\"module\" src=\"./page-0123.js\"></script>\n</head>";
    html.replacen("</head>", head, 1).replacen("<!--prerender-->", "<p>the standalone page's widget</p>", 1)
}

fn page(code: &str, lang: Lang) -> String {
    build_page(&template(), code, lang, None, &countries_with_pages())
}

/// The value of `attr` in each tag that starts with `start`, in order.
fn attrs(html: &str, start: &str, attr: &str) -> Vec<String> {
    html.match_indices(start)
        .filter_map(|(i, _)| {
            let tag = &html[i..i + html[i..].find('>').unwrap()];
            let at = tag.find(&format!(" {attr}=\""))? + attr.len() + 3;
            Some(tag[at..at + tag[at..].find('"').unwrap()].to_string())
        })
        .collect()
}

/// The part of the page between `from` and the next `to`.
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("{from} not in the page"));
    &html[start..start + html[start..].find(to).unwrap()]
}

#[test]
fn mexico_in_spanish_names_the_country_and_dials_every_line() {
    assert_eq!(main_lang("MX"), Lang::Es);
    assert_eq!(page_path("MX", Lang::Es), "/mx/");
    let html = page("MX", Lang::Es);
    assert!(html.contains("<html lang=\"es\" dir=\"ltr\">"));
    let lines = builtin::hotlines_of("MX");
    assert!(!lines.is_empty());
    for h in lines {
        for href in h.channels.iter().filter_map(channel_href) {
            let href = href.replace('&', "&amp;");
            assert!(html.contains(&format!("href=\"{href}\"")), "{}: {href} missing", h.id);
        }
    }
    let emergency = &builtin::emergency_of("MX").unwrap().number;
    assert!(html.contains(&format!("href=\"tel:{emergency}\"")));
    // The title and description: the country's name and its main line, in Spanish.
    let title = between(&html, "<title>", "</title>");
    assert!(
        title.contains("México") && title.contains("800 5533 000") && title.contains("trata de personas"),
        "{title}"
    );
    let description = between(&html, "<meta name=\"description\"", ">");
    assert!(description.contains("México") && description.contains("llama al 800 5533 000"), "{description}");
    assert!(description.contains(&*lines[0].name), "{description}");
    // The page's own text is Spanish too, and the widget is rendered for Mexico from the link.
    assert!(html.contains(Lang::Es.text(Key::PageTagline)));
    assert!(html.contains("Mostramos México por el enlace que abriste."));
    assert!(html.contains("data-page-options=\"country=MX&amp;lang=es&amp;layout=compact\""));
}

#[test]
fn every_language_is_linked_and_one_canonical_with_the_sites_address() {
    let site = Some("https://example.org/");
    let html = build_page(&template(), "MX", Lang::Es, site, &countries_with_pages());
    let alternates = attrs(&html, "<link rel=\"alternate\"", "hreflang");
    let mut expected: Vec<String> = Lang::ALL.iter().map(|l| l.tag().to_string()).collect();
    expected.push("x-default".into());
    assert_eq!(alternates, expected);
    let hrefs = attrs(&html, "<link rel=\"alternate\"", "href");
    assert_eq!(hrefs[1], "https://example.org/mx/en/");
    assert_eq!(hrefs[2], "https://example.org/mx/");
    assert_eq!(hrefs.last().unwrap(), "https://example.org/mx/");
    assert_eq!(attrs(&html, "<link rel=\"canonical\"", "href"), ["https://example.org/mx/"]);
    // In English: its own address is canonical; the stylesheets are two levels up.
    let en = build_page(&template(), "MX", Lang::En, site, &countries_with_pages());
    assert_eq!(attrs(&en, "<link rel=\"canonical\"", "href"), ["https://example.org/mx/en/"]);
    assert!(en.contains("<title>Human trafficking hotline in Mexico: 800 5533 000 · freedom-widget</title>"));
    // A name that takes "the" in an English sentence has it, in the title and the description.
    let us = build_page(&template(), "US", Lang::En, None, &countries_with_pages());
    assert!(
        us.contains("<title>Human trafficking hotline in the United States: 1-888-373-7888 · freedom-widget</title>"),
        "{us}"
    );
    assert!(us.contains("in the United States: call 1-888-373-7888. Every anti-trafficking line in the United States"));
    assert!(us.contains("<h2 id=\"fw-directory-heading\" tabindex=\"-1\">Hotlines in the United States</h2>"));
    assert!(en.contains("href=\"../../widget-0123.css\"") && en.contains("href=\"../../partners/\""));
    assert!(html.contains("href=\"../widget-0123.css\"") && html.contains("href=\"../partners/\""));
    // Without it, none: search engines reject a canonical or alternate link that is not whole.
    let html = page("MX", Lang::Fr);
    assert!(!html.contains("rel=\"canonical\"") && !html.contains("rel=\"alternate\""));
}

#[test]
fn the_rules_for_what_lies_below_the_first_screen_come_after_the_content() {
    let (first, rest) = (".fw{color:red}", ".fw .quote{font-style:italic}");
    let css = format!("{first}{}{rest}", country_pages::BELOW_FIRST_SCREEN);
    let made = country_pages::for_country_pages(
        &template(),
        |name| (name == "widget-0123.css").then(|| css.clone()),
        "country-page-4567.js",
    );
    let html = build_page(&made, "MX", Lang::Es, None, &["MX"]);
    // The first screen's rules in the head, before the number; the rest after the page's content.
    let head = between(&html, "<head>", "</head>");
    assert!(head.contains(&format!("<style>{first}</style>")) && !head.contains(rest));
    let at = html.find(&format!("<style>{rest}</style>")).expect("the rest of the rules at the end");
    assert!(at > html.find("</main>").unwrap() && at < html.find("<script type=\"module\"").unwrap());
    assert!(!html.contains("below the first screen"), "the mark itself is not sent");
    // Each allowed by its hash, and no other inline style.
    let csp = between(&html, "Content-Security-Policy", ">");
    for part in [first, rest] {
        let hash = {
            use sha2::{Digest, Sha256};
            freedom_widget::core::release::base64_encode(&Sha256::digest(part.as_bytes()))
        };
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{part}: {csp}");
    }
}

#[test]
fn the_template_inlines_its_stylesheets_allowed_by_hash_and_loads_its_scripts_last() {
    let css = ".fw{color:red}";
    let made = country_pages::for_country_pages(
        &template(),
        |name| (name == "widget-0123.css").then(|| css.to_string()),
        "country-page-4567.js",
    );
    let html = build_page(&made, "MX", Lang::Es, None, &["MX"]);
    // Its own script (without the standalone page's first paint), at the page's depth.
    assert!(html.contains("<script type=\"module\" src=\"../country-page-4567.js\"></script>"));
    assert!(!html.contains("page-0123.js"));
    assert!(html.contains(&format!("<style>{css}</style>")) && !html.contains("widget-0123.css"));
    // sha256 of ".fw{color:red}", base64: the CSP allows that style and no other inline one.
    let hash = {
        use sha2::{Digest, Sha256};
        freedom_widget::core::release::base64_encode(&Sha256::digest(css.as_bytes()))
    };
    assert!(
        html.contains(&format!("style-src 'self' 'sha256-{hash}'")),
        "{}",
        between(&html, "Content-Security-Policy", ">")
    );
    // The number comes before the page's script and the wasm's preloads.
    let number = html.find("href=\"tel:+528005533000\"").unwrap();
    for tag in ["<script type=\"module\"", "<link rel=\"modulepreload\"", "<link rel=\"preload\""] {
        let at = html.find(tag).unwrap_or_else(|| panic!("{tag} missing"));
        assert!(number < at && at > html.find("</main>").unwrap() && at < html.find("</body>").unwrap(), "{tag}");
        assert!(!between(&html, "<head>", "</head>").contains(tag), "{tag} still in the head");
    }
}

#[test]
fn the_same_country_in_every_language_is_a_link_away() {
    let html = page("MX", Lang::En);
    let nav = between(&html, "<nav class=\"page-languages\"", "</nav>");
    let hrefs = attrs(nav, "<a ", "href");
    let expected: Vec<String> = Lang::ALL.iter().map(|l| format!("../..{}", page_path("MX", *l))).collect();
    assert_eq!(hrefs, expected);
    assert!(nav.contains("<a href=\"../../mx/\" hreflang=\"es\" lang=\"es\">Español</a>"));
    assert_eq!(attrs(nav, "<a ", "aria-current"), ["page"]);
}

#[test]
fn the_list_links_every_other_country_once_in_the_page_language() {
    let all = countries_with_pages();
    let html = page("MX", Lang::Es);
    let nav = between(&html, "<nav class=\"country-pages\"", "</nav>");
    assert!(nav.contains(&format!("aria-label=\"{}\"", Lang::Es.text(Key::CountryPageOthers))));
    let mut hrefs = attrs(nav, "<a ", "href");
    let mut expected: Vec<String> =
        all.iter().filter(|c| **c != "MX").map(|c| format!("..{}", page_path(c, Lang::Es))).collect();
    assert_eq!(hrefs.len(), expected.len());
    hrefs.sort();
    expected.sort();
    assert_eq!(hrefs, expected);
    // Spanish names, in Spanish order: Spain's own page is in Spanish (/es/), Germany's is not.
    assert!(nav.contains("<a href=\"../es/\">España</a>") && nav.contains("<a href=\"../de/es/\">Alemania</a>"));
    assert!(nav.find(">Alemania<").unwrap() < nav.find(">Ecuador<").unwrap());
    assert!(nav.find(">Ecuador<").unwrap() < nav.find(">Egipto<").unwrap());
}

#[test]
fn the_page_script_and_its_files_are_found_from_any_depth() {
    // The standalone page's script takes the page over; its files are the site root's, one
    // folder up from /mx/ and two from /mx/en/ (the CSP's `base-uri 'none'` allows no <base>).
    for (code, lang, up) in [("MX", Lang::Es, "../"), ("MX", Lang::En, "../../"), ("EG", Lang::Ar, "../")] {
        let html = page(code, lang);
        assert_eq!(attrs(&html, "<script", "src"), [format!("{up}page-0123.js")], "{code} {}", lang.tag());
        assert_eq!(attrs(&html, "<link rel=\"modulepreload\"", "href"), [format!("{up}freedom-widget-0123.js")]);
        assert_eq!(attrs(&html, "<link rel=\"preload\"", "href"), [format!("{up}freedom-widget-0123_bg.wasm")]);
        assert!(!html.contains("src=\"./") && !html.contains("href=\"./"), "{code} {}", lang.tag());
        // The options it is taken over with: its own country and language, never the URL's.
        let options = format!("data-page-options=\"country={code}&amp;lang={}&amp;layout=compact\"", lang.tag());
        assert!(html.contains(&options), "{code} {}", lang.tag());
    }
}

#[test]
fn arabic_is_right_to_left() {
    let html = page("MX", Lang::Ar);
    assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(html.contains("المكسيك"));
}

#[test]
fn a_country_with_only_an_emergency_number() {
    let code = countries_with_pages()
        .into_iter()
        .find(|c| builtin::hotlines_of(c).is_empty())
        .expect("some country has an emergency number and no line");
    let number = &builtin::emergency_of(code).unwrap().number;
    let html = page(code, Lang::En);
    assert!(html.contains(&format!("href=\"tel:{number}\"")));
    let title = between(&html, "<title>", "</title>");
    assert!(title.contains(&format!("emergency number {number}")), "{title}");
    let description = between(&html, "<meta name=\"description\"", ">");
    assert!(description.contains("We found no anti-trafficking line"), "{description}");
}

#[test]
fn the_partner_chooses_which_pages() {
    let all = countries_with_pages();
    assert_eq!(select(None, &all).unwrap(), all);
    assert_eq!(select(Some(" all "), &all).unwrap(), all);
    assert_eq!(select(Some(""), &all).unwrap(), all);
    assert!(select(Some("none"), &all).unwrap().is_empty());
    assert_eq!(select(Some("mx, FR,mx"), &all).unwrap(), ["MX", "FR"]);
    assert!(select(Some("MX,XX"), &all).unwrap_err().contains("\"XX\""));
    // A build of some pages links only to those.
    let html = build_page(&template(), "MX", Lang::Es, None, &["MX", "FR"]);
    assert_eq!(attrs(between(&html, "<nav class=\"country-pages\"", "</nav>"), "<a ", "href"), ["../fr/es/"]);
    // A build of one country's pages lists no other: no heading over an empty list.
    let alone = build_page(&template(), "MX", Lang::Es, None, &["MX"]);
    assert!(!alone.contains("country-pages") && !alone.contains(Lang::Es.text(Key::CountryPageOthers)));
    assert!(alone.contains("<nav class=\"page-languages\""));
}

#[test]
fn the_npm_package_leaves_the_country_pages_out() {
    // scripts/pack.mjs copies dist/ but skips each top-level folder named by a country code.
    let pack = std::fs::read_to_string("scripts/pack.mjs").unwrap();
    assert!(pack.contains("filter: (path) => !isCountryPage(path)"), "pack.mjs copies dist/ without its filter");
    assert!(pack.contains("data/countries.tsv") || pack.contains("\"data\", \"countries.tsv\""));
    // Nothing the package needs is a folder a country page could be named like.
    for folder in ["embed", "partners"] {
        assert!(builtin::countries().iter().all(|c| !c.code.eq_ignore_ascii_case(folder)));
    }
}

#[test]
fn dates_are_written_as_the_page_script_writes_them() {
    // The generator checked each template against Node's Intl; these are what a reader sees.
    use country_pages::date_in;
    assert_eq!(date_in("date", "2026-11-25", Lang::En).unwrap(), "Nov 25, 2026");
    assert_eq!(date_in("date", "2026-03-05", Lang::Es).unwrap(), "5 mar 2026");
    assert_eq!(date_in("date", "2026-03-05", Lang::Ar).unwrap(), "05\u{200f}/03\u{200f}/2026");
    assert_eq!(date_in("date", "2026-11-25", Lang::Th).unwrap(), "25 พ.ย. 2569");
    assert_eq!(date_in("month-year", "2024-11-25", Lang::Fr).unwrap(), "novembre 2024");
    assert_eq!(date_in("date", "2026-13-25", Lang::En), None);
    // The page says the data's date in its language.
    let html = page("MX", Lang::Es);
    let checked = date_in("date", &builtin::hotlines_of("MX")[0].checked, Lang::Es).unwrap();
    assert!(html.contains(&checked), "{checked}");
}

/// A page's bytes are a slow phone's wait: Yew's hydration markers carry no Rust type names
/// (`<!--<[]>-->`, as a release build writes them), which the wasm's hydration never reads and
/// which made about 5% of a country page's bytes.
#[test]
fn the_pages_markers_name_no_rust_type() {
    let html = page("MX", Lang::Es);
    assert!(html.contains("<!--<[]>-->") && html.contains("<!--</[]>-->"), "the takeover's markers are there");
    assert_eq!(html.matches("<!--<[").count(), html.matches("<!--</[").count(), "each marker is closed");
    assert!(!html.contains("freedom_widget::") && !html.contains("yew::"), "a Rust type name in the page");
    // Only Yew's component markers change: its suspense markers, and any other comment, stay.
    assert!(html.contains("<!--<?>-->"));
    assert_eq!(
        country_pages::without_type_names(
            "<!--<[a::B]>--><p>&lt;!--&lt;[x]&gt;</p><!--<?>--><!--</[a::B]>--><!--<x-->"
        ),
        "<!--<[]>--><p>&lt;!--&lt;[x]&gt;</p><!--<?>--><!--</[]>--><!--<x-->"
    );
}
