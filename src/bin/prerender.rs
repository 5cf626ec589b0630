//! Renders the standalone page's widget at build time (Yew SSR, natively) into `dist/index.html`,
//! so that a visitor without JavaScript still reads every country's numbers, the four Ps and
//! the quotes; the wasm then hydrates the same markup.
//!
//! Usage: prerender <path/to/index.html>  (replaces the `<!--prerender-->` marker in place)

use freedom_widget::components::ui::PlatformRef;
use freedom_widget::components::{App, AppProps};
use freedom_widget::core::builtin;
use freedom_widget::core::directory::Directory;
use freedom_widget::core::i18n::Lang;
use freedom_widget::core::options::Options;
use freedom_widget::core::platform::StaticPlatform;
use std::rc::Rc;

/// The markup the page hydrates: what `hydrate_page` renders first for the same options.
pub fn render_page(options: Options, lang: Lang) -> String {
    let props = AppProps {
        options: Rc::new(options),
        directory: Rc::new(Directory::default()),
        quotes: builtin::quotes().to_vec().into(),
        detected: None,
        lang,
        platform: PlatformRef(Rc::new(StaticPlatform)),
        hydrating: true,
        on_event: Default::default(),
        is_page: true,
        typed_search: None,
        search_had_focus: false,
    };
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

/// One line per country for the embed's no-wasm fallback: the first line's first phone number,
/// and whether a second, independent page confirms that line (`second`), so the fallback of a
/// partner who chose `second-source-only` shows no other.
fn fallback_table() -> String {
    let directory = Directory::default();
    let mut table = serde_json::Map::new();
    for country in builtin::countries() {
        let lines = directory.hotlines_in(country.code);
        let line = lines.iter().find_map(|h| {
            let c = h.channels.iter().find(|c| c.kind == freedom_widget::core::data::ChannelKind::Phone)?;
            Some((h, c, c.number()?))
        });
        if let Some((h, c, number)) = line {
            let display = c.display.as_deref().unwrap_or(number);
            let mut entry = serde_json::json!({ "name": &*h.name, "tel": number, "display": display });
            if h.second_source.is_some() {
                entry["second"] = true.into();
            }
            table.insert(country.code.into(), entry);
        }
    }
    serde_json::to_string_pretty(&table).unwrap() + "\n"
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--fallback") {
        let path = args.get(1).expect("usage: prerender --fallback <out.json>");
        std::fs::write(path, fallback_table()).unwrap();
        return;
    }
    let path = args.first().cloned().expect("usage: prerender <index.html>");
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    const MARKER: &str = "<!--prerender-->";
    assert!(page.contains(MARKER), "{path} has no {MARKER} marker");
    let html = render_page(Options { quick_exit: Some(true), ..Options::page_defaults() }, freedom_widget::components::app::PRERENDER_LANG);
    std::fs::write(&path, page.replacen(MARKER, &html, 1)).unwrap();
    eprintln!("prerender: wrote {} bytes of widget HTML into {path}", html.len());
}
