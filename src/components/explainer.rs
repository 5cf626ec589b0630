//! The four Ps in plain words, as tabs that follow the WAI-ARIA Authoring Practices pattern:
//! arrow keys move between tabs (mirrored right to left), Home and End jump to the ends, only
//! the selected tab is in the tab order (roving tabindex), and a tab is shown as it is focused.

use super::ui::use_ui;
use crate::core::i18n::Key;
use web_sys::HtmlElement;
use yew::prelude::*;

const PS: [(&str, Key, Key); 4] = [
    ("prosecution", Key::PProsecution, Key::PProsecutionBody),
    ("protection", Key::PProtection, Key::PProtectionBody),
    ("prevention", Key::PPrevention, Key::PPreventionBody),
    ("partnership", Key::PPartnership, Key::PPartnershipBody),
];

/// The tab a key press moves to, or `None` for keys the tabs do not handle.
pub fn next_tab(current: usize, key: &str, rtl: bool, count: usize) -> Option<usize> {
    let (forward, back) = if rtl { ("ArrowLeft", "ArrowRight") } else { ("ArrowRight", "ArrowLeft") };
    match key {
        k if k == forward => Some((current + 1) % count),
        k if k == back => Some((current + count - 1) % count),
        "Home" => Some(0),
        "End" => Some(count - 1),
        _ => None,
    }
}

#[component(Explainer)]
pub fn explainer() -> Html {
    let ui = use_ui();
    let selected = use_state(|| 0usize);
    let tabs: Vec<NodeRef> = (0..PS.len()).map(|_| NodeRef::default()).collect();
    let tabs = use_memo((), move |_| tabs);
    let focus_pending = use_mut_ref(|| false);
    // Whether the selected tab was reached by the keyboard. WebKit does not match `:focus-visible`
    // on a tab focused by script after a mouse click on another tab, so a visitor who clicked,
    // then used the arrow keys, saw no focus ring there; this class draws it in every engine.
    let by_key = use_state_eq(|| false);
    {
        // Keyboard moves focus with the selection; a click or first render does not steal focus.
        let tabs = tabs.clone();
        let focus_pending = focus_pending.clone();
        use_effect_with(*selected, move |i| {
            if std::mem::take(&mut *focus_pending.borrow_mut()) {
                if let Some(tab) = tabs[*i].cast::<HtmlElement>() {
                    let _ = tab.focus();
                }
            }
        });
    }
    let onkeydown = {
        let selected = selected.clone();
        let by_key = by_key.clone();
        let rtl = ui.lang.is_rtl();
        Callback::from(move |e: KeyboardEvent| {
            if let Some(next) = next_tab(*selected, &e.key(), rtl, PS.len()) {
                e.prevent_default();
                *focus_pending.borrow_mut() = true;
                by_key.set(true);
                selected.set(next);
            }
        })
    };
    // A tab's click selects it, and draws no keyboard focus ring.
    let click = |i: usize| {
        let (selected, by_key) = (selected.clone(), by_key.clone());
        Callback::from(move |_: MouseEvent| {
            by_key.set(false);
            selected.set(i);
        })
    };
    html! {
        <section class="section explainer" part="explainer" aria-labelledby="fw-explainer-heading">
            <h2 id="fw-explainer-heading">{ ui.t(Key::ExplainerHeading) }</h2>
            <div class="tablist" role="tablist" aria-label={ui.t(Key::ExplainerTabs)} {onkeydown}>
                for (i, (id, title, _)) in PS.iter().enumerate() {
                    <button type="button" role="tab" class={classes!("tab", (i == *selected && *by_key).then_some("by-key"))}
                        part="tab" ref={tabs[i].clone()} id={format!("fw-tab-{id}")} aria-controls={format!("fw-panel-{id}")}
                        aria-selected={if i == *selected { "true" } else { "false" }} tabindex={if i == *selected { "0" } else { "-1" }}
                        onclick={click(i)}>
                        { ui.t(*title) }
                    </button>
                }
            </div>
            for (i, (id, title, body)) in PS.iter().enumerate() {
                <div role="tabpanel" class="tabpanel" id={format!("fw-panel-{id}")} aria-labelledby={format!("fw-tab-{id}")}
                    tabindex="0" hidden={i != *selected}>
                    <h3 class="visually-hidden-print">{ ui.t(*title) }</h3>
                    <p>{ ui.t(*body) }</p>
                </div>
            }
        </section>
    }
}
