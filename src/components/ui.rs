//! What every component needs to speak: the language, the platform (names, clock) and the
//! partner's event callback, shared through a Yew context.

use crate::core::i18n::{self, Key, Lang};
use crate::core::platform::Platform;
use std::rc::Rc;
use yew::prelude::*;

/// Something a partner may count with their own tools. The widget itself sends nothing anywhere:
/// the browser edge turns these into DOM `CustomEvent`s on the host element.
#[derive(Clone, Debug, PartialEq)]
pub enum WidgetEvent {
    /// A visitor opened a channel link (call, text, WhatsApp, email, chat, web).
    Call { country: String, hotline: String, channel: &'static str },
    /// The country shown changed, and why.
    CountryChange { country: String, chosen_by: &'static str },
    /// The visitor switched the quick exit on.
    QuickExit,
    /// The language the widget shows (its tag), once its messages are here: at the first render
    /// and at each change (the visitor's pick, a partner's update). The standalone page turns its
    /// own text with it.
    LanguageChange { lang: &'static str },
    /// The widget's first render is whole (in the browser): the edge hands over from the loader's
    /// first paint. Not a partner's event.
    Shown,
}

/// The environment, compared by identity so that props stay cheap to diff.
#[derive(Clone)]
pub struct PlatformRef(pub Rc<dyn Platform>);

impl PartialEq for PlatformRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, PartialEq)]
pub struct Ui {
    pub lang: Lang,
    pub platform: PlatformRef,
    /// False while the page is being rendered at build time or hydrated: nothing that depends
    /// on the live clock or the browser is shown until the widget runs in the browser.
    pub live: bool,
    pub report_url: AttrValue,
    pub on_event: Callback<WidgetEvent>,
}

impl Ui {
    pub fn t(&self, key: Key) -> &'static str {
        self.lang.text(key)
    }
    pub fn tf(&self, key: Key, args: &[(&str, &str)]) -> String {
        i18n::format(self.lang, key, args)
    }
    pub fn country_name(&self, code: &str) -> String {
        self.platform.0.country_name(code, self.lang)
    }
    /// The country's name as a message places it inside a sentence ("Hotlines in the United
    /// States"): `i18n::country_in_text`. Lists and menus show `country_name`.
    pub fn country_in_text(&self, code: &str) -> String {
        i18n::country_in_text(self.lang, code, &self.country_name(code))
    }
}

#[hook]
pub fn use_ui() -> Ui {
    use_context::<Ui>().expect("components render inside App, which provides Ui")
}

impl Ui {
    /// A message with one placeholder filled by markup rather than text, e.g. a number wrapped
    /// in `<bdi dir="ltr">` so that it reads left to right inside right-to-left text.
    pub fn t_with(&self, key: Key, args: &[(&str, &str)], slot: &str, node: Html) -> Html {
        let text = self.tf(key, args);
        let marker = format!("{{ ${slot} }}");
        match text.split_once(&marker) {
            Some((before, after)) => html! { <>{ before.to_string() }{ node }{ after.to_string() }</> },
            None => html! { { text } },
        }
    }
}

/// A number or address that must read left to right in any language.
pub fn ltr(text: &str) -> Html {
    html! { <bdi dir="ltr">{ text.to_string() }</bdi> }
}

/// Data text (a line's or organisation's name, a note, hours) isolated in its own direction, so
/// that English inside Arabic, or Arabic inside English, reads in its own order; and marked with
/// its language where the data says which (`None` for names, which come in the local language,
/// often mixed with English). The data's own notes are English (data/SOURCES.md).
pub fn data_text(text: &str, lang: Option<&'static str>) -> Html {
    html! { <bdi dir="auto" {lang}>{ text.to_string() }</bdi> }
}

/// Said inside a link that opens a new tab (visually hidden), in the visitor's language.
pub fn new_tab(ui: &Ui) -> Html {
    html! { <span class="visually-hidden">{ " " }{ ui.t(Key::NewTab) }</span> }
}
