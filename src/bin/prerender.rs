//! Renders the standalone page's widget at build time (Yew SSR, natively) into `dist/index.html`,
//! so that a visitor without JavaScript still reads every country's numbers, the four Ps and
//! the quotes; the wasm then hydrates the same markup.
//!
//! Usage: prerender <path/to/index.html>  (replaces the `<!--prerender-->` marker in place)
//!        prerender --assets <out.json>    (what the JavaScript build needs; see `build_assets`)

use freedom_widget::components::app::PageState;
use freedom_widget::components::ui::PlatformRef;
use freedom_widget::components::{App, AppProps};
use freedom_widget::core::builtin;
use freedom_widget::core::directory::Directory;
use freedom_widget::core::i18n::Lang;
use freedom_widget::core::options::{Options, OPTION_SPECS};
use freedom_widget::core::platform::StaticPlatform;
use std::rc::Rc;

/// The markup the page hydrates: what `hydrate_page` renders first for the same options.
pub fn render_page(options: Options, lang: Lang) -> String {
    let platform = PlatformRef(Rc::new(StaticPlatform));
    let props = AppProps {
        page: Some(PageState { hydrating: true, ..PageState::default() }),
        ..AppProps::new(options, Rc::new(Directory::default()), builtin::quotes().to_vec().into(), None, lang, platform)
    };
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

/// What the loader's no-wasm fallback shows, per country: the first line's first phone number,
/// with whether a second, independent page confirms that line (`second`, so the fallback of a
/// partner who chose `second-source-only` shows no other), and the emergency number; and the
/// international directory for a visitor with no country.
fn fallback_table() -> serde_json::Value {
    let directory = Directory::default();
    let mut lines = serde_json::Map::new();
    for country in builtin::countries() {
        let hotlines = directory.hotlines_in(country.code);
        let line = hotlines.iter().find_map(|h| {
            let c = h.channels.iter().find(|c| c.kind == freedom_widget::core::data::ChannelKind::Phone)?;
            let number = c.number()?;
            let mut line = serde_json::json!({ "name": &*h.name, "tel": number, "display": c.display.as_deref().unwrap_or(number) });
            if h.second_source.is_some() {
                line["second"] = true.into();
            }
            Some(line)
        });
        let mut entry = serde_json::Map::new();
        if let Some(line) = line {
            entry.insert("line".into(), line);
        }
        if let Some(emergency) = builtin::emergency_of(country.code) {
            entry.insert("emergency".into(), (&*emergency.number).into());
        }
        if !entry.is_empty() {
            lines.insert(country.code.into(), entry.into());
        }
    }
    let international = builtin::international().first().expect("the data has an international entry");
    let url = international
        .channels
        .iter()
        .find_map(|c| c.url.as_deref())
        .expect("the international entry has a web address");
    serde_json::json!({ "lines": lines, "international": { "name": &*international.name, "url": url } })
}

/// Everything the JavaScript side of the build needs from Rust, from the same types the widget
/// uses: the option attributes, the no-wasm fallback table, each language but English as
/// `{"key": "text"}` (the wasm carries English alone and fetches the others), and every
/// language's name in itself (the partner kit's list).
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
        "fallback": fallback_table(),
        "languages": languages,
        "languageNames": names,
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
    let path = args.first().cloned().expect("usage: prerender <index.html>");
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    const MARKER: &str = "<!--prerender-->";
    assert!(page.contains(MARKER), "{path} has no {MARKER} marker");
    let html = render_page(
        Options { quick_exit: Some(true), ..Options::page_defaults() },
        freedom_widget::components::app::PRERENDER_LANG,
    );
    std::fs::write(&path, page.replacen(MARKER, &html, 1)).unwrap();
    eprintln!("prerender: wrote {} bytes of widget HTML into {path}", html.len());
}
