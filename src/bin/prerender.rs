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
        quotes: builtin::QUOTES.to_vec().into(),
        detected: None,
        lang,
        platform: PlatformRef(Rc::new(StaticPlatform)),
        hydrating: true,
        on_event: Default::default(),
    };
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: prerender <index.html>");
    let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    const MARKER: &str = "<!--prerender-->";
    assert!(page.contains(MARKER), "{path} has no {MARKER} marker");
    let html = render_page(Options { quick_exit: Some(true), ..Options::default() }, Lang::En);
    std::fs::write(&path, page.replacen(MARKER, &html, 1)).unwrap();
    eprintln!("prerender: wrote {} bytes of widget HTML into {path}", html.len());
}
