//! Renders the standalone page's widget at build time (Yew SSR, natively) into `dist/index.html`,
//! so that a visitor without JavaScript still reads every country's numbers, the four Ps and
//! the quotes; the wasm then hydrates the same markup.
//!
//! Usage: prerender <path/to/index.html>  (replaces the `<!--prerender-->` marker in place)
//!        prerender --assets <out.json>    (what the JavaScript build needs; see `build_assets`)
//!        prerender --country-pages <dist> <script>
//!                                         (a page per country and language, each loading <script>,
//!                                          the country pages' script in dist; see `country_pages`;
//!                                          env FW_COUNTRY_PAGES: all, none or codes; FW_SITE_URL)

// A directory of its own beside the binary: a file of src/bin/ would be taken for another binary.
#[path = "prerender/country_pages.rs"]
mod country_pages;

use freedom_widget::components::app::PageState;
use freedom_widget::components::ui::PlatformRef;
use freedom_widget::components::AppProps;
use freedom_widget::core::builtin;
use freedom_widget::core::directory::Directory;
use freedom_widget::core::i18n::{country_in_text, Key, Lang};
use freedom_widget::core::options::{Options, DEFAULT_DATA_CHANNEL, LINK_OPTIONS, OPTION_SPECS};
use freedom_widget::core::platform::StaticPlatform;
use std::rc::Rc;

/// The countries whose pages the build writes: those `FW_COUNTRY_PAGES` names, or every one.
/// Read as the crate was compiled, as the standalone page's wasm reads it for its links.
fn country_pages_built() -> Vec<&'static str> {
    let now = std::env::var("FW_COUNTRY_PAGES").ok();
    assert_eq!(
        now.as_deref().unwrap_or(""),
        freedom_widget::core::country_page::BUILT_SELECTION.unwrap_or(""),
        "FW_COUNTRY_PAGES changed since the crate was compiled: run the prerender through cargo with the same value"
    );
    freedom_widget::core::country_page::built().unwrap_or_else(|e| panic!("{e}"))
}

/// The markup the page hydrates: what `hydrate_page` renders first for the same options.
pub fn render_page(options: Options, lang: Lang) -> String {
    let platform = PlatformRef(Rc::new(StaticPlatform));
    let props = AppProps {
        page: Some(PageState { hydrating: true, ..PageState::default() }),
        ..AppProps::new(options, Rc::new(Directory::default()), builtin::quotes().to_vec().into(), None, lang, platform)
    };
    country_pages::render_app(props)
}

/// The messages the first paint speaks (js/first-paint.js), in every language: its table carries
/// them, so that a page in another language shows its number as soon as one in English does,
/// not one request later (the language's own file, with every message, is for the widget).
const FIRST_PAINT_KEYS: &[freedom_widget::core::i18n::Key] = {
    use freedom_widget::core::i18n::Key::*;
    &[
        WidgetLabel,
        LanguageLabel,
        DirectoryHeading,
        DirectoryHeadingNone,
        ChosenOption,
        ChosenLanguage,
        ChosenTimezone,
        ChosenFallback,
        ChosenNone,
        ChannelCall,
        ChannelLine,
        ChannelWeb,
        NewTab,
        EmergencyHeading,
        EmergencyCall,
        InternationalHeading,
        NoLine,
    ]
};

/// The standalone page's own text around the widget (its subtitle and footer, `data-text` in
/// `index.html`): written into the page in English here, and turned to the visitor's language by
/// its script (js/page.js) from the page's first-paint table.
const PAGE_TEXT_KEYS: &[Key] =
    &[Key::PageTitle, Key::PageTagline, Key::PagePrivacy, Key::PageAboutSources, Key::PagePartners];

/// What only the standalone page's script says (a country from its link, and the page's own
/// text), so the embeds' `embed.js` does not carry it in every language.
const PAGE_FIRST_PAINT_KEYS: &[Key] = &[Key::ChosenLink];

/// What the first paint shows before the wasm arrives, and keeps showing if it never does
/// (js/first-paint.js), from the same data and detection tables as the widget:
/// - `countries`: every code detection accepts, each followed by its English name, `|`-separated;
/// - `lines`: per country, `[line name, tel, shown number, second source (1 or 0), emergency]`:
///   the first line with a phone number, as the widget lists it first ("" where there is none);
///   `second` lets a partner's `second-source-only` hide a line that rests on one page;
/// - `international`: the international directory's name and address, for a visitor with no country;
/// - `english`: the messages it needs; `messages`: the same in each other language; `rtl`: the
///   languages written right to left; `names`: each language's name in itself (the language
///   picker's place), which also lists every language there is.
fn first_paint_table(keys: &[freedom_widget::core::i18n::Key]) -> serde_json::Value {
    use freedom_widget::core::data::ChannelKind;
    use freedom_widget::core::i18n::Key;
    let directory = Directory::default();
    let mut lines = serde_json::Map::new();
    for country in builtin::countries() {
        let line = directory.hotlines_in(country.code).iter().find_map(|h| {
            let c = h.channels.iter().find(|c| c.kind == ChannelKind::Phone)?;
            let number = c.number()?;
            Some((
                h.name.to_string(),
                number.to_string(),
                c.display.as_deref().unwrap_or(number).to_string(),
                h.second_source.is_some(),
            ))
        });
        let emergency = builtin::emergency_of(country.code).map(|e| e.number.to_string());
        if line.is_none() && emergency.is_none() {
            continue;
        }
        let (name, tel, shown, second) = line.unwrap_or_default();
        let row = serde_json::json!([name, tel, shown, u8::from(second), emergency.unwrap_or_default()]);
        lines.insert(country.code.into(), row);
    }
    // English names are built in, as in the widget (`BrowserPlatform::country_name`): the first
    // `Intl` call loads locale data, which took longer than drawing the whole first paint. The
    // first paint places a name only inside a sentence: each is written as the widget's messages
    // place it (`country_in_text`: "the United States").
    let codes: Vec<String> = builtin::countries()
        .iter()
        .map(|c| {
            assert!(!c.name.contains('|'), "{}: a country name with | would split the first paint's list", c.code);
            format!("{}{}", c.code, country_in_text(Lang::En, c.code, c.name))
        })
        .collect();
    let international = builtin::international().first().expect("the data has an international entry");
    let url = international
        .channels
        .iter()
        .find_map(|c| c.url.as_deref())
        .expect("the international entry has a web address");
    let messages_in = |lang: Lang| -> serde_json::Map<String, serde_json::Value> {
        keys.iter().map(|key: &Key| (key.id().to_string(), lang.text(*key).into())).collect()
    };
    let english = messages_in(Lang::En);
    let messages: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .iter()
        .filter(|lang| **lang != Lang::En)
        .map(|lang| (lang.tag().to_string(), messages_in(*lang).into()))
        .collect();
    let rtl: Vec<&str> = Lang::ALL.iter().filter(|l| l.is_rtl()).map(|l| l.tag()).collect();
    let names: serde_json::Map<String, serde_json::Value> =
        Lang::ALL.iter().map(|l| (l.tag().to_string(), l.native_name().into())).collect();
    serde_json::json!({
        "countries": codes.join("|"),
        "lines": lines,
        "international": [&*international.name, url],
        "english": english,
        "messages": messages,
        "rtl": rtl,
        "names": names,
    })
}

/// Each time zone's country (`core::zone_country`'s table), for the first paint of a visitor
/// whose country only the time zone tells: a module of its own, loaded only then.
fn zone_table() -> serde_json::Value {
    builtin::time_zones()
        .map(|(zone, country)| (zone.to_string(), serde_json::Value::from(country)))
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// Everything the JavaScript side of the build needs from Rust, from the same types the widget
/// uses: the option attributes, the first paint's table and the time zones' countries, each
/// language but English as
/// `{"key": "text"}` (the wasm carries English alone and fetches the others), every
/// language's name in itself (the partner kit's list), and the build's data channel
/// (`FW_DATA_CHANNEL`, "" for none: the partner kit's default).
fn build_assets() -> String {
    use freedom_widget::core::i18n::Key;
    let languages: serde_json::Map<String, serde_json::Value> = Lang::ALL
        .iter()
        .filter(|lang| **lang != Lang::En)
        .map(|lang| {
            let messages: serde_json::Map<String, serde_json::Value> =
                Key::ALL.iter().map(|key| (key.id().to_string(), lang.text(*key).into())).collect();
            (lang.tag().to_string(), messages.into())
        })
        .collect();
    let mut names: Vec<(&str, &str)> = Lang::ALL.iter().map(|lang| (lang.tag(), lang.native_name())).collect();
    names.sort();
    let attributes: Vec<&str> = OPTION_SPECS.iter().map(|spec| spec.attribute).collect();
    let assets = serde_json::json!({
        "optionAttributes": attributes,
        "linkOptions": LINK_OPTIONS,
        "firstPaint": first_paint_table(FIRST_PAINT_KEYS),
        "pageFirstPaint": first_paint_table(&[FIRST_PAINT_KEYS, PAGE_FIRST_PAINT_KEYS, PAGE_TEXT_KEYS].concat()),
        "zones": zone_table(),
        "languages": languages,
        "languageNames": names,
        // Each country's built-in lines and emergency number as the embed's wasm takes them in
        // (`builtin::install_lines`), a module each, and one module of them all for a layout
        // listing every country.
        "lines": builtin::country_files()
            .map(|(code, text)| (code.to_string(), serde_json::Value::from(text)))
            .collect::<serde_json::Map<_, _>>(),
        "dataChannel": DEFAULT_DATA_CHANNEL.unwrap_or_default(),
        // The countries whose pages this build writes (FW_COUNTRY_PAGES), each with its main
        // language (the language of `/mx/`): the partner kit links to them.
        "countryPages": country_pages_built()
            .into_iter()
            .map(|code| (code.to_string(), serde_json::Value::from(country_pages::main_lang(code).tag())))
            .collect::<serde_json::Map<_, _>>(),
    });
    serde_json::to_string_pretty(&assets).unwrap() + "\n"
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--assets") {
        let path = args.get(1).expect("usage: prerender --assets <out.json>");
        std::fs::write(path, build_assets()).unwrap();
        return;
    }
    if args.first().map(String::as_str) == Some("--country-pages") {
        let usage = "usage: prerender --country-pages <dist> <the country pages' script in dist>";
        let dist = std::path::Path::new(args.get(1).expect(usage));
        let script = args.get(2).expect(usage);
        assert!(dist.join(script).is_file(), "{}: no {script}", dist.display());
        let countries = country_pages_built();
        let site = std::env::var("FW_SITE_URL").ok().filter(|s| !s.is_empty());
        let (pages, bytes) = country_pages::write_pages(dist, &countries, site.as_deref(), script)
            .unwrap_or_else(|e| panic!("{}: {e}", dist.display()));
        eprintln!(
            "prerender: {pages} country pages ({} countries), {bytes} bytes, in {}",
            countries.len(),
            dist.display()
        );
        return;
    }
    let path = args.first().cloned().expect("usage: prerender <index.html>");
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    const MARKER: &str = "<!--prerender-->";
    assert!(page.contains(MARKER), "{path} has no {MARKER} marker");
    let html = render_page(
        Options { quick_exit: Some(true), ..Options::page_defaults() },
        freedom_widget::components::app::PRERENDER_LANG,
    );
    let mut page = page.replacen(MARKER, &html, 1);
    for key in PAGE_TEXT_KEYS {
        let marker = format!("<!--text:{}-->", key.id());
        assert!(page.contains(&marker), "{path} has no {marker} marker");
        let text = Lang::En.text(*key).replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        page = page.replacen(&marker, &text, 1);
    }
    std::fs::write(&path, page).unwrap();
    eprintln!("prerender: wrote {} bytes of widget HTML into {path}", html.len());
}
