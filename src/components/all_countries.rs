//! Every country and its numbers on one list: the whole directory at a glance, and what a
//! visitor without JavaScript reads on the prerendered page.

use super::country_picker::use_search_index;
use super::hotline_card::channel_href;
use super::ui::{ltr, use_ui};
use crate::hooks::use_progressive::use_progressive;
use crate::core::data::ChannelKind;
use crate::core::directory::Directory;
use crate::core::i18n::Key;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct AllCountriesProps {
    pub directory: Rc<Directory>,
    pub on_choose: Callback<String>,
}

/// Rows rendered per task while the list grows: small enough that no task blocks the host
/// page for 50 ms on a slow phone.
const ROWS_PER_TASK: usize = 25;

#[function_component(AllCountries)]
pub fn all_countries(props: &AllCountriesProps) -> Html {
    let ui = use_ui();
    let index = use_search_index();
    // In an embed the list grows a chunk per task; on the page, and when rendered without a
    // browser, it is whole from the start (the prerender must match, and is what no-JS readers get).
    let all_at_once = !ui.live || cfg!(not(target_arch = "wasm32"));
    let shown = use_progressive(index.country_count(), ROWS_PER_TASK, all_at_once);
    // The index (every country's name, folded and sorted) is built with the first rows, in the
    // task after the first render, not in it.
    let entries = if shown == 0 { &[] } else { index.entries() };
    let growing = shown < index.country_count();
    html! {
        <details class="all" part="all-countries" open=true>
            <summary><h2 class="inline">{ ui.t(Key::AllCountriesHeading) }</h2></summary>
            // While the list grows, it keeps the widget's height free below its start, so what
            // follows it (the explainer, the quotes) never shows and then moves down.
            <ul class={classes!("plain", "country-list", growing.then_some("growing"))}>
                { for entries.iter().take(shown).map(|entry| {
                    let code = entry.code;
                    let lines = props.directory.hotlines_in(code);
                    let emergency = props.directory.emergency_in(code);
                    let onclick = props.on_choose.reform(move |_: MouseEvent| code.to_string());
                    html! {
                        <li key={code} class="country-row">
                            <button type="button" class="country-name linklike" {onclick}
                                aria-label={ui.tf(Key::ShowCountry, &[("country", &entry.display_name)])}>{ &entry.display_name }</button>
                            <ul class="plain row-lines">
                                { for lines.iter().map(|h| html! {
                                    <li key={h.id.to_string()}>
                                        <span class="row-name">{ &*h.name }</span>{ " " }
                                        { for h.channels.iter().filter(|c| c.kind == ChannelKind::Phone).filter_map(|c| {
                                            let shown = c.display.as_deref().or(c.number())?;
                                            Some(html! { <a class="row-tel" href={channel_href(c)?}>{ ltr(shown) }</a> })
                                        }) }
                                    </li>
                                }) }
                                if lines.is_empty() {
                                    <li class="small">{ ui.tf(Key::NoLine, &[("country", &entry.display_name)]) }</li>
                                }
                                if let Some(e) = emergency {
                                    <li class="small">{ ui.t_with(Key::EmergencyCall, &[], "number",
                                        html! { <a class="row-tel" href={format!("tel:{}", e.number)}>{ ltr(&e.number) }</a> }) }</li>
                                }
                            </ul>
                        </li>
                    }
                }) }
            </ul>
        </details>
    }
}
