//! What a card shows: one hotline, what it is for, every way to reach it, when it answers,
//! in which languages, and where the information comes from.

use super::ui::{data_text, ltr, new_tab, use_ui, Ui, WidgetEvent};
use crate::core::data::{Channel, ChannelKind, Hotline, Scope};
use crate::core::hours::{self, OpenStatus};
use crate::core::i18n::{self, Key};
use crate::hooks::use_clipboard::use_clipboard;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct HotlineCardProps {
    pub hotline: Hotline,
    /// "Last checked MONTH YEAR. If it does not connect, call EMERGENCY.": for a line whose
    /// source was last checked more than 18 months before the data's date.
    #[prop_or_default]
    pub checked_long_ago: Option<AttrValue>,
}

/// The link a channel opens. `tel:` carries E.164 where known; `sms:` uses `?&body=`, which
/// both iOS (`&body=`) and Android (`?body=`) read; WhatsApp goes through `wa.me`.
pub fn channel_href(c: &Channel) -> Option<String> {
    let number = || c.number().map(|n| n.replace('#', "%23"));
    Some(match c.kind {
        ChannelKind::Phone => format!("tel:{}", number()?),
        ChannelKind::Sms => match c.body.as_deref() {
            Some(body) => format!("sms:{}?&body={}", number()?, encode_component(body)),
            None => format!("sms:{}", number()?),
        },
        ChannelKind::Whatsapp => format!("https://wa.me/{}", c.e164.as_deref()?.trim_start_matches('+')),
        ChannelKind::Email => format!("mailto:{}", c.address.as_deref()?),
        ChannelKind::Chat | ChannelKind::Web => c.url.as_deref()?.to_string(),
    })
}

fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// One channel as a large link, labelled by what it does ("Call 1-888-373-7888"); a screen reader
/// also hears which line it reaches, and that a web link opens a new tab.
pub fn channel_link(ui: &Ui, h: &Hotline, c: &Channel) -> Html {
    let Some(href) = channel_href(c) else { return Html::default() };
    let shown = c.display.as_deref().or(c.number()).unwrap_or_default();
    let label = match c.kind {
        ChannelKind::Phone => ui.t_with(Key::ChannelCall, &[], "number", ltr(shown)),
        ChannelKind::Sms => match c.body.as_deref() {
            Some(body) => ui.t_with(Key::ChannelSmsBody, &[("body", body)], "number", ltr(shown)),
            None => ui.t_with(Key::ChannelSms, &[], "number", ltr(shown)),
        },
        ChannelKind::Whatsapp => ui.t_with(Key::ChannelWhatsapp, &[], "number", ltr(shown)),
        ChannelKind::Email => {
            ui.t_with(Key::ChannelEmail, &[], "address", ltr(c.address.as_deref().unwrap_or_default()))
        }
        ChannelKind::Chat => html! { { ui.t(Key::ChannelChat) } },
        ChannelKind::Web => html! { { ui.t(Key::ChannelWeb) } },
    };
    let onclick = {
        let on_event = ui.on_event.clone();
        let (country, hotline, channel) = (h.country.to_string(), h.id.to_string(), c.kind.as_str());
        Callback::from(move |_: MouseEvent| {
            on_event.emit(WidgetEvent::Call { country: country.clone(), hotline: hotline.clone(), channel })
        })
    };
    let external = matches!(c.kind, ChannelKind::Whatsapp | ChannelKind::Chat | ChannelKind::Web);
    html! {
        <a class={classes!("channel", format!("channel-{}", c.kind.as_str()))} part="channel" href={href} {onclick}
            target={external.then_some("_blank")}
            rel={external.then_some("noopener noreferrer")}
            referrerpolicy={external.then_some("no-referrer")}>
            { label }
            // Plain text: an element in a visually hidden span keeps its full width off screen.
            <span class="visually-hidden">{ format!(" {}", ui.tf(Key::ChannelLine, &[("line", &h.name)])) }</span>
            if external { { new_tab(ui) } }
        </a>
    }
}

#[component(HotlineCard)]
pub fn hotline_card(props: &HotlineCardProps) -> Html {
    let ui = use_ui();
    let h = &props.hotline;
    let platform = &ui.platform.0;
    let country = ui.country_in_text(&h.country);
    html! {
        <article class="card" part="card" aria-labelledby={format!("fw-h-{}", h.id)}>
            <h3 id={format!("fw-h-{}", h.id)} class="card-title">{ data_text(&h.name, None) }</h3>
            <p class="org">{ data_text(&h.organisation, None) }</p>
            <p class="labels">
                {
                    match h.scope {
                        Scope::Trafficking => html! { <span class="label label-trafficking">{ ui.t(Key::ScopeTrafficking) }</span> },
                        Scope::General => html! { <span class="label label-general">{ ui.t(Key::ScopeGeneral) }</span> },
                    }
                }
                if !h.audience_codes.is_empty() {
                    <span class="label label-audience">{ ui.tf(Key::Audience, &[("audience", &i18n::audience_text(ui.lang, &h.audience_codes))]) }</span>
                } else if let (Some(a), None) = (&h.audience, &h.audience_area) {
                    // A partner row with only the English description: shown, marked as English.
                    <span class="label label-audience">{ ui.t_with(Key::Audience, &[], "audience", english(a)) }</span>
                }
                if let Some(area) = &h.audience_area {
                    // A proper name, shown as the data writes it.
                    <span class="label label-area">{ ui.t_with(Key::AudienceArea, &[], "area", html! { <bdi lang="en">{ &**area }</bdi> }) }</span>
                }
            </p>
            if let Some(note) = &h.audience_note { <p class="small audience-note">{ english(note) }</p> }
            <ul class="channels">
                for (i, c) in h.channels.iter().enumerate() {
                    <li key={i}>
                        { channel_link(&ui, h, c) }
                        if c.kind == ChannelKind::Phone {
                            <CopyNumber number={c.display.as_deref().or(c.number()).unwrap_or_default().to_string()} />
                        }
                        // The flag "only from within the country" already says what this would.
                        if c.kind.is_phone_like() && c.e164.is_none() && !c.flags.iter().any(|f| f == "in_country_only") {
                            <span class="small dial-note">{ ui.tf(Key::DialInCountry, &[("country", &country)]) }</span>
                        }
                        if !c.flags.is_empty() {
                            <span class="small flags">{ i18n::flags_text(ui.lang, &c.flags) }</span>
                        }
                        if let Some(note) = &c.note { <span class="small note">{ english(note) }</span> }
                    </li>
                }
            </ul>
            if let Some(note) = &props.checked_long_ago { <p class="checked-long-ago" role="note">{ note.clone() }</p> }
            <HoursLine hotline={h.clone()} />
            if !h.languages.is_empty() {
                <p class="small"><span class="field">{ format!("{}: ", ui.t(Key::LanguagesLabel)) }</span>
                    { h.languages.iter().map(|t| platform.language_name(t, ui.lang)).collect::<Vec<_>>().join(", ") }
                </p>
            }
            if let Some(note) = &h.languages_note { <p class="small">{ english(note) }</p> }
            <p class="source small">
                <a href={h.source_url.to_string()} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">{ ui.t(Key::SourceLabel) }{ new_tab(&ui) }</a>
                // One text between two links: the prerender's adjacent texts reach the browser as
                // one node, which the takeover splits again, and in right-to-left text the split
                // moved the line (a layout shift on the Arabic pages).
                { format!(" · {} · ", ui.tf(Key::SourceChecked, &[("date", &platform.date(&h.checked, ui.lang))])) }
                if let Some(second) = &h.second_source {
                    <a class="second-source" href={second.url.to_string()} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">
                        { second_source_text(&ui, second.year) }{ new_tab(&ui) }
                    </a>
                    { " · " }
                }
                <a href={ui.report_url.clone()} target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">{ ui.t(Key::ReportOutdated) }{ new_tab(&ui) }</a>
            </p>
        </article>
    }
}

/// Text the data holds only in English (a note, the source's own hours): marked as English,
/// with its own direction, so it reads and is spoken right inside any language.
pub fn english(text: &str) -> Html {
    data_text(text, Some("en"))
}

/// "a second, independent page confirms this number (2022)".
pub fn second_source_text(ui: &Ui, year: Option<u16>) -> String {
    match year {
        Some(year) => ui.tf(Key::SecondSource, &[("year", &year.to_string())]),
        None => ui.t(Key::SecondSourceUndated).to_string(),
    }
}

#[derive(Properties, Clone, PartialEq)]
struct HoursLineProps {
    hotline: Hotline,
}

/// "Open 24/7", "Open now · closes 18:00" or "Closed · opens Mon 09:00", in the visitor's clock.
#[component(HoursLine)]
fn hours_line(props: &HoursLineProps) -> Html {
    let ui = use_ui();
    let h = &props.hotline;
    let platform = &ui.platform.0;
    let status = match (&h.hours, ui.live, platform.now_ms()) {
        (Some(hours), true, Some(now)) => hours::status(hours, now, &**platform),
        (Some(hours), _, _) if hours.always => Some(OpenStatus::Always),
        _ => None,
    };
    let visitor_time = |at: i64| -> String {
        let zone = platform.visitor_zone().unwrap_or_else(|| "UTC".into());
        let today = platform.now_ms().and_then(|now| platform.wall_time(now, &zone)).map(|w| w.weekday);
        match platform.wall_time(at, &zone) {
            Some(w) => platform.weekday_time(w, Some(w.weekday) != today, ui.lang),
            None => String::new(),
        }
    };
    let line = match status {
        Some(OpenStatus::Always) => Some(("open", ui.t(Key::HoursAlways).to_string())),
        Some(OpenStatus::OpenUntil { closes_ms }) => {
            Some(("open", ui.tf(Key::HoursOpen, &[("time", &visitor_time(closes_ms))])))
        }
        Some(OpenStatus::ClosedUntil { opens_ms }) => {
            Some(("closed", ui.tf(Key::HoursClosed, &[("time", &visitor_time(opens_ms))])))
        }
        None => None,
    };
    let schedule = h.hours.as_ref().and_then(|x| i18n::weekly_text(ui.lang, x));
    let note = h.hours_note();
    if line.is_none() && schedule.is_none() && note.is_none() {
        return Html::default();
    }
    html! {
        <p class="hours small">
            <span class="field">{ format!("{}: ", ui.t(Key::HoursLabel)) }</span>
            // The schedule first, the live state after it: the state comes with the page's clock,
            // after a prerendered page is taken over, and must not push the schedule along.
            if let Some(s) = schedule { <span class="schedule">{ format!("({s}) ") }</span> }
            if let Some(note) = note { <span class="schedule">{ english(note) }{ " " }</span> }
            if let Some((kind, text)) = line { <span class={classes!("status", kind)}>{ text }</span> }
        </p>
    }
}

#[derive(Properties, Clone, PartialEq)]
struct CopyNumberProps {
    number: String,
}

/// Copies a number, and says so to screen readers through a polite live region.
#[component(CopyNumber)]
fn copy_number(props: &CopyNumberProps) -> Html {
    let ui = use_ui();
    let (copy, result) = use_clipboard();
    let onclick = {
        let n = props.number.clone();
        Callback::from(move |_: MouseEvent| copy.emit(n.clone()))
    };
    let said = match *result {
        Some(true) => ui.tf(Key::Copied, &[("number", &props.number)]),
        Some(false) => ui.tf(Key::CopyFailed, &[("number", &props.number)]),
        None => String::new(),
    };
    html! {
        <>
            <button type="button" class="copy" part="button" {onclick}>{ ui.t(Key::CopyNumber) }</button>
            <span class="copy-status small" role="status" aria-live="polite">{ said }</span>
        </>
    }
}
