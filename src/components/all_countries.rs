//! Every country and its numbers on one list: the whole directory at a glance, and what a
//! visitor without JavaScript reads on the prerendered page.

use super::country_picker::use_search_index;
use super::hotline_card::channel_href;
use super::ui::{data_text, ltr, use_ui, Ui};
use crate::core::data::ChannelKind;
use crate::core::directory::Directory;
use crate::core::i18n::Key;
use crate::core::search::SearchEntry;
use crate::hooks::use_progressive::use_progressive;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct AllCountriesProps {
    pub directory: Rc<Directory>,
    pub on_choose: Callback<String>,
    /// The standalone page at `/`: each name is a link to the country's own page where the build
    /// wrote it. A script shows the country in place instead; without one the link opens its
    /// page (a button would do nothing there).
    #[prop_or_default]
    pub page_links: bool,
}

/// Rows rendered per task while the list grows: small enough that no task blocks the host
/// page for 50 ms on a slow phone.
const ROWS_PER_TASK: usize = 25;

/// Rows per prerendered chunk of the standalone page's list, each taken over in a task of its
/// own. Fewer than `ROWS_PER_TASK`: taking a row over costs more than rendering it afresh (its
/// nodes are collected and copied), and 25 rows were a task of about 60 ms in Lighthouse's mobile
/// preset (the CPU 4× slower), one of ten such tasks on `/`.
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
const ROWS_PER_PRERENDERED_CHUNK: usize = 12;

#[component(AllCountries)]
pub fn all_countries(props: &AllCountriesProps) -> Html {
    let ui = use_ui();
    // Decided once, at the list's first render: a list rendered at build time, or taken over from
    // that prerender on the standalone page, keeps the prerendered markup; a list started in the
    // browser (embeds, and pages opened by a deep link) grows.
    let from_prerender = *use_state(|| !ui.live);
    let end = use_node_ref();
    let skip = {
        let end = end.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(end) = end.cast::<web_sys::HtmlElement>() {
                e.prevent_default();
                let _ = end.focus();
            }
        })
    };
    html! {
        <>
            <details class="all" part="all-countries" open=true>
                <summary><h2 class="inline">{ ui.t(Key::AllCountriesHeading) }</h2></summary>
                // About 570 controls follow: one step past them, to whatever comes after the list.
                // The link works without the wasm on the standalone page; in a shadow root a
                // fragment link cannot reach its target, so the click moves the focus itself.
                <a class="skip-link visually-hidden focusable" href="#fw-all-end" onclick={skip}>{ ui.t(Key::SkipAllCountries) }</a>
                if from_prerender {
                    { prerendered_list(props) }
                } else {
                    <GrowingList directory={props.directory.clone()} on_choose={props.on_choose.clone()} page_links={props.page_links} />
                }
            </details>
            // After the `details`, not in it: from an element inside its content, Chromium's Tab
            // went back to the skip link.
            <p id="fw-all-end" ref={end} class="visually-hidden focusable" tabindex="-1">{ ui.t(Key::AllCountriesEnd) }</p>
        </>
    }
}

/// The list in an embed: empty in the first render, then ROWS_PER_TASK more rows per task.
#[component(GrowingList)]
fn growing_list(props: &AllCountriesProps) -> Html {
    let ui = use_ui();
    let index = use_search_index();
    // Without a browser (native tests) there are no later tasks: everything at once.
    let shown = use_progressive(index.country_count(), ROWS_PER_TASK, cfg!(not(target_arch = "wasm32")));
    // The index (every country's name, folded and sorted) is built with the first rows, in the
    // task after the first render, not in it.
    let entries = if shown == 0 { &[] } else { index.entries() };
    let growing = shown < index.country_count();
    html! {
        // While the list grows, it keeps the widget's height free below its start, so what
        // follows it (the explainer, the quotes) never shows and then moves down.
        <ul class={classes!("plain", "country-list", growing.then_some("growing"))}>
            for entry in entries.iter().take(shown) {
                { country_row(&ui, entry, &props.directory, &props.on_choose, props.page_links.then_some(ui.lang)) }
            }
        </ul>
    }
}

/// The list as prerendered, in chunks of ROWS_PER_PRERENDERED_CHUNK rows, each under a
/// `Suspense` of its own. On the standalone page each chunk is taken over (hydrated) in a task of
/// its own: hydrating every country in one pass was a task of 90 to 150 ms. Until its turn a
/// chunk's prerendered rows stay on the page as they are: readable, and their links dial.
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
fn prerendered_list(props: &AllCountriesProps) -> Html {
    html! { <PrerenderedList directory={props.directory.clone()} on_choose={props.on_choose.clone()} page_links={props.page_links} /> }
}

/// Embeds are never prerendered: their wasm carries none of this (nor Yew's `Suspense`).
#[cfg(not(any(feature = "page", not(target_arch = "wasm32"))))]
fn prerendered_list(_: &AllCountriesProps) -> Html {
    Html::default()
}

#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
#[component(PrerenderedList)]
fn prerendered_list_component(props: &AllCountriesProps) -> Html {
    let ui = use_ui();
    let index = use_search_index();
    let count = index.country_count();
    let chunks = count.div_ceil(ROWS_PER_PRERENDERED_CHUNK);
    // Each name leads to its country's page in the visitor's language from the first, even in
    // rows still rendered in the prerender's: only an attribute, which a takeover may change
    // (js/page.js has pointed the prerendered links there already).
    let page_lang = props.page_links.then_some(ui.lang);
    // The language and order the page was prerendered in, kept until every chunk is taken over:
    // a takeover must match the prerendered markup, even if the page has switched to the
    // visitor's language meanwhile. Then the whole list turns to the visitor's language at once,
    // never half in one order and half in another.
    let prerendered = use_mut_ref(|| Some((ui.clone(), Shared(index.clone()))));
    let all_taken_over = use_state_eq(|| false);
    let taken_over = use_mut_ref(|| 0);
    let on_taken_over = {
        let all_taken_over = all_taken_over.setter();
        use_callback((), move |_: (), _| {
            *taken_over.borrow_mut() += 1;
            if *taken_over.borrow() == chunks {
                all_taken_over.set(true);
            }
        })
    };
    // Once all are taken over, a visitor reading the prerender's language (English) keeps the
    // rows as they are: re-rendering all of them for nothing was one more task of about 50 ms.
    let first = prerendered.borrow().clone();
    let (ui, index) = match first {
        Some(first) if !*all_taken_over || first.0.lang == ui.lang => first,
        _ => {
            prerendered.borrow_mut().take();
            (ui, Shared(index))
        }
    };
    // Turning to the visitor's language re-sorts every row at once, under a reader who may have
    // scrolled down: the list keeps their place itself (see the hook for why).
    let list = use_node_ref();
    crate::hooks::use_reader_place::use_reader_place(list.clone(), (ui.lang, index.clone()));
    html! {
        <ul ref={list} class="plain country-list">
            for start in (0..count).step_by(ROWS_PER_PRERENDERED_CHUNK) {
                <Suspense key={start.to_string()}>
                    <PrerenderedRows {start} ui={ui.clone()} index={index.clone()} directory={props.directory.clone()}
                        on_choose={props.on_choose.clone()} on_taken_over={on_taken_over.clone()} {page_lang} />
                </Suspense>
            }
        </ul>
    }
}

/// The country index, compared by identity: one index is built for the whole list, not one per chunk.
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
#[derive(Clone)]
struct Shared(Rc<super::country_picker::SearchIndex>);

#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
#[derive(Properties, Clone, PartialEq)]
struct PrerenderedRowsProps {
    start: usize,
    ui: Ui,
    index: Shared,
    directory: Rc<Directory>,
    on_choose: Callback<String>,
    on_taken_over: Callback<()>,
    /// The language of the country pages its names lead to (the visitor's), if they lead to any.
    page_lang: Option<crate::core::i18n::Lang>,
}

#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
#[component(PrerenderedRows)]
fn prerendered_rows(props: &PrerenderedRowsProps) -> HtmlResult {
    crate::hooks::use_turn::use_turn()?;
    let entries = props.index.0.entries();
    let rows =
        entries.get(props.start..(props.start + ROWS_PER_PRERENDERED_CHUNK).min(entries.len())).unwrap_or_default();
    {
        let on_taken_over = props.on_taken_over.clone();
        let codes: Vec<&'static str> = rows.iter().map(|entry| entry.code).collect();
        use_effect_with((), move |_| {
            // Yew takes a chunk over by swapping its prerendered nodes for copies, just after
            // this: a visitor who had tabbed into these rows keeps their place.
            crate::hooks::use_turn::keep_focus_in(&codes);
            on_taken_over.emit(());
        });
    }
    Ok(html! {
        for entry in rows {
            { country_row(&props.ui, entry, &props.directory, &props.on_choose, props.page_lang) }
        }
    })
}

/// The address of `code`'s page in `page_lang` from the standalone page at `/` (`mx/en/`), if the
/// build wrote it and the list is `/`'s (`page_lang` is then its language). Embeds link to no
/// page: their wasm carries none of this.
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
fn country_page_href(page_lang: Option<crate::core::i18n::Lang>, code: &str) -> Option<String> {
    use crate::core::country_page;
    let lang = page_lang.filter(|_| country_page::is_built(code))?;
    Some(country_page::path(code, lang).trim_start_matches('/').to_string())
}
#[cfg(not(any(feature = "page", not(target_arch = "wasm32"))))]
fn country_page_href(_: Option<crate::core::i18n::Lang>, _: &str) -> Option<String> {
    None
}

/// One country's row: its name (which shows the country above) and its numbers. `page_lang`: at
/// `/`, the language of the country pages its name leads to.
fn country_row(
    ui: &Ui,
    entry: &SearchEntry,
    directory: &Directory,
    on_choose: &Callback<String>,
    page_lang: Option<crate::core::i18n::Lang>,
) -> Html {
    let code = entry.code;
    let lines = directory.hotlines_in(code);
    let emergency = directory.emergency_in(code);
    // The row lists the name as it is; its messages place it inside a sentence.
    let in_text = crate::core::i18n::country_in_text(ui.lang, code, &entry.display_name);
    let label = ui.tf(Key::ShowCountry, &[("country", &in_text)]);
    let name = match country_page_href(page_lang, code) {
        Some(href) => {
            // A plain click shows the country here, as the button does; a click that asks for
            // a new tab or window (a modifier key, the middle button) opens its page there.
            let on_choose = on_choose.clone();
            let onclick = Callback::from(move |e: MouseEvent| {
                if e.button() == 0 && !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key()) {
                    e.prevent_default();
                    on_choose.emit(code.to_string());
                }
            });
            html! { <a class="country-name linklike" {href} {onclick} aria-label={label}>{ &entry.display_name }</a> }
        }
        // At `/`, a country with nothing to show has no page and needs no control: its row
        // says so.
        None if page_lang.is_some() && lines.is_empty() && emergency.is_none() => {
            html! { <span class="country-name">{ &entry.display_name }</span> }
        }
        None => {
            let onclick = on_choose.reform(move |_: MouseEvent| code.to_string());
            html! { <button type="button" class="country-name linklike" {onclick} aria-label={label}>{ &entry.display_name }</button> }
        }
    };
    html! {
        <li key={code} class="country-row" data-country={code}>
            { name }
            <ul class="plain row-lines">
                for h in lines.iter() {
                    <li key={h.id.to_string()}>
                        <span class="row-name">{ data_text(&h.name, None) }</span>{ " " }
                        for (shown, href) in h.channels.iter().filter(|c| c.kind == ChannelKind::Phone)
                            .filter_map(|c| Some((c.display.as_deref().or(c.number())?, channel_href(c)?))) {
                            // The number alone would be all a screen reader says of the link.
                            <a class="row-tel" {href} aria-label={ui.tf(Key::CallLine, &[("line", &h.name), ("number", shown)])}>{ ltr(shown) }</a>
                        }
                    </li>
                }
                if lines.is_empty() {
                    <li class="small">{ ui.tf(Key::NoLine, &[("country", &in_text)]) }</li>
                }
                if let Some(e) = emergency {
                    <li class="small">{ ui.t_with(Key::EmergencyCall, &[], "number",
                        html! { <a class="row-tel" href={format!("tel:{}", e.number)}
                            aria-label={ui.tf(Key::CallEmergency, &[("number", &e.number)])}>{ ltr(&e.number) }</a> }) }</li>
                }
            </ul>
        </li>
    }
}
