//! The chosen country's lines: what a visitor most needs, shown first.

use super::hotline_card::{channel_link, HotlineCard};
use super::ui::use_ui;
use crate::core::detect::ChosenBy;
use crate::core::directory::Directory;
use crate::core::i18n::Key;
use crate::core::options::Layout;
use crate::core::release;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct CountryPanelProps {
    pub directory: Rc<Directory>,
    pub country: Option<(String, ChosenBy)>,
    pub layout: Layout,
}

/// Whether the page's focus is nowhere (on the body: lost with a result that went) or in the widget
/// that holds `heading` (the shadow root's host, for an embed; the widget's root on a page).
fn focus_is_lost_or_ours(heading: &web_sys::HtmlElement) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = heading.owner_document() else { return false };
    let Some(active) = document.active_element() else { return true };
    if document.body().is_some_and(|body| *body == active) {
        return true;
    }
    let widget = match heading.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(shadow) => Some(shadow.host()),
        Err(_) => heading.closest(".fw").ok().flatten(),
    };
    widget.is_some_and(|widget| widget.contains(Some(&active)))
}

#[component(CountryPanel)]
pub fn country_panel(props: &CountryPanelProps) -> Html {
    let ui = use_ui();
    let heading = use_node_ref();
    {
        // A country the visitor picked (in the finder, or the list of every country below) is
        // shown up here, away from where they picked it: the focus goes to its heading, which
        // brings it into view, so a keyboard or screen reader user is where the answer is and a
        // phone's screen shows it (else the focus was lost with the result it was on, and the
        // view stayed at the finder).
        // Its lines may come seconds later on a slow network (a file of their own): by then the
        // visitor may be elsewhere, so only a focus lost or still in the widget is taken.
        let heading = heading.clone();
        use_effect_with(props.country.clone(), move |country| {
            if matches!(country, Some((_, ChosenBy::Visitor))) {
                if let Some(heading) = heading.cast::<web_sys::HtmlElement>().filter(focus_is_lost_or_ours) {
                    let _ = heading.focus();
                }
            }
        });
    }
    let Some((code, by)) = &props.country else {
        return html! {
            <div class="panel" part="panel">
                <h2 id="fw-directory-heading" ref={heading} tabindex="-1">{ ui.t(Key::DirectoryHeadingNone) }</h2>
                <p class="chosen">{ ui.t(Key::ChosenNone) }</p>
                <International entries={props.directory.international()} />
            </div>
        };
    };
    // Every message here places the name inside a sentence ("Hotlines in the United States").
    let name = ui.country_in_text(code);
    let why = match by {
        ChosenBy::Option => Key::ChosenOption,
        ChosenBy::Link => Key::ChosenLink,
        ChosenBy::Language(_) => Key::ChosenLanguage,
        ChosenBy::TimeZone(_) => Key::ChosenTimezone,
        ChosenBy::Fallback => Key::ChosenFallback,
        ChosenBy::Visitor => Key::ChosenVisitor,
    };
    let lines = props.directory.hotlines_in(code);
    let emergency = props.directory.emergency_in(code);
    let data_checked = props.directory.data_checked();
    // A line checked long before the data's date still shows its number (one that is probably
    // right beats none), and says how old it is and what to call instead.
    // (Only where the data has the country's emergency number: none is ever made up. The card's
    // "source checked" date says the age anyway.)
    let checked_long_ago = |h: &crate::core::data::Hotline| -> Option<AttrValue> {
        let instead = emergency?;
        let month_year = ui.platform.0.month_year(&h.checked, ui.lang);
        release::checked_long_ago_note(ui.lang, &h.checked, data_checked, &month_year, &instead.number).map(Into::into)
    };
    // The date of the data beside the sources: the channel's release when it delivered one.
    let data_date = ui.tf(
        if props.directory.release().is_some() { Key::DataDateUpdated } else { Key::DataDate },
        &[("date", &ui.platform.0.date(data_checked, ui.lang))],
    );

    if props.layout == Layout::Banner {
        // One line: the first line's first channel, else the emergency number.
        let first = lines.iter().find_map(|h| h.channels.first().map(|c| (h, c)));
        return html! {
            <div class="panel banner" part="panel">
                <h2 id="fw-directory-heading" ref={heading} tabindex="-1" class="banner-title">{ ui.tf(Key::DirectoryHeading, &[("country", &name)]) }</h2>
                {
                    match first {
                        // The number first: on a narrow screen it must be in view without scrolling.
                        Some((h, c)) => html! { <p class="banner-line">{ channel_link(&ui, h, c) }{" "}<span class="banner-name small">{ super::ui::data_text(&h.name, None) }</span></p> },
                        None => html! { <p class="banner-line">{ emergency_line(&ui, emergency.map(|e| &*e.number), &name) }</p> },
                    }
                }
            </div>
        };
    }

    html! {
        <div class="panel" part="panel">
            <h2 id="fw-directory-heading" ref={heading} tabindex="-1">{ ui.tf(Key::DirectoryHeading, &[("country", &name)]) }</h2>
            <p class="chosen">{ ui.tf(why, &[("country", &name)]) }</p>
            if lines.is_empty() {
                <div class="no-line" role="note">
                    <p><strong>{ ui.tf(Key::NoLine, &[("country", &name)]) }</strong></p>
                    <p>{ ui.t(Key::NoLineAdvice) }</p>
                </div>
            }
            // No empty list: screen readers would announce a list of nothing.
            if !lines.is_empty() {
                <ul class="cards">
                    for h in lines.iter() {
                        <li key={h.id.to_string()}><HotlineCard hotline={h.clone()} checked_long_ago={checked_long_ago(h)} /></li>
                    }
                </ul>
            }
            <div class="emergency" part="emergency">
                <h3>{ ui.t(Key::EmergencyHeading) }</h3>
                {
                    match emergency {
                        Some(e) => html! {
                            <>
                                <p>{ emergency_line(&ui, Some(&e.number), &name) }</p>
                                if !e.also.is_empty() {
                                    <p class="small">{ ui.t_with(Key::EmergencyAlso, &[], "numbers", super::ui::ltr(&e.also.join(", "))) }</p>
                                }
                                <p class="source small">
                                    <a href={e.source_url.to_string()} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">{ ui.t(Key::SourceLabel) }{ super::ui::new_tab(&ui) }</a>
                                    // One text: see `HotlineCard`'s source line.
                                    { format!(" · {}", ui.tf(Key::SourceChecked, &[("date", &ui.platform.0.date(&e.checked, ui.lang))])) }
                                </p>
                            </>
                        },
                        None => html! { <p>{ ui.tf(Key::EmergencyNone, &[("country", &name)]) }</p> },
                    }
                }
            </div>
            if lines.is_empty() {
                <International entries={props.directory.international()} />
            }
            <p class="small data-date">{ data_date }</p>
        </div>
    }
}

fn emergency_line(ui: &super::ui::Ui, number: Option<&str>, country: &str) -> Html {
    match number {
        Some(n) => html! {
            <a class="channel emergency-call" href={format!("tel:{n}")}>
                { ui.t_with(Key::EmergencyCall, &[], "number", super::ui::ltr(n)) }
            </a>
        },
        None => html! { { ui.tf(Key::EmergencyNone, &[("country", country)]) } },
    }
}

#[derive(Properties, Clone, PartialEq)]
struct InternationalProps {
    /// The directory's (a release's, else the built-in ones).
    entries: &'static [crate::core::data::International],
}

/// Entries for anyone anywhere, shown when a country has no line of its own.
#[component(International)]
fn international(props: &InternationalProps) -> Html {
    let ui = use_ui();
    let entries = props.entries;
    html! {
        <div class="international">
            <h3>{ ui.t(Key::InternationalHeading) }</h3>
            <ul class="plain">
                for e in entries.iter() {
                    <li key={e.id.to_string()}>
                        <strong>{ super::ui::data_text(&e.name, None) }</strong>{ " · " }{ super::ui::data_text(&e.organisation, None) }
                        if let Some(d) = &e.description { <p class="small">{ super::ui::data_text(d, Some("en")) }</p> }
                        <ul class="channels">
                            for u in e.channels.iter().filter_map(|c| c.url.as_deref()) {
                                <li><a class="channel" href={u.to_string()} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">{ ui.t(Key::ChannelWeb) }{ " · " }{ super::ui::ltr(u) }{ super::ui::new_tab(&ui) }</a></li>
                            }
                        </ul>
                    </li>
                }
            </ul>
        </div>
    }
}
