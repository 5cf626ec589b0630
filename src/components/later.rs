//! A part of a prerendered page that comes alive a task after the rest: the takeover of a
//! country's page hydrated its panel, the four Ps and the quotes in one task of 110 ms on a phone's
//! CPU (Lighthouse's 4× slowdown), which a tap or a key press waited for. Each part wrapped here is
//! hydrated in a task of its own (`use_turn`); until then its prerendered markup stays as it is,
//! and reads and dials as before.

use super::ui::{use_ui, Ui};
use crate::hooks::use_turn::use_turn_keeping_focus;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct LaterProps {
    pub children: Html,
}

/// Its children, hydrated a task later than the rest of the page.
#[component(Later)]
pub fn later(props: &LaterProps) -> Html {
    html! {
        <Suspense fallback={Html::default()}>
            <TakeTurn children={props.children.clone()} />
        </Suspense>
    }
}

#[component(TakeTurn)]
fn take_turn(props: &LaterProps) -> HtmlResult {
    let ui = use_ui();
    // The part's first render must match its prerender, in which nothing depends on the live
    // clock (a line's "Open now"): the rest of the page may have gone live while the part waited
    // for its turn. It goes live a task after its own first render, so that its hydration and
    // the clock's additions are not one long task either.
    let live = use_state_eq(|| false);
    // Yew takes the part over by swapping its prerendered nodes for copies when its turn comes: a
    // visitor whose focus was in it (a tab of the four Ps, a number in the panel, the quick exit)
    // keeps it.
    use_turn_keeping_focus()?;
    let going_live = live.setter();
    use_effect_with((), move |_| go_live_next_task(going_live));
    let ui = Ui { live: ui.live && *live, ..ui };
    Ok(html! { <ContextProvider<Ui> context={ui}>{ props.children.clone() }</ContextProvider<Ui>> })
}

#[cfg(target_arch = "wasm32")]
fn go_live_next_task(live: UseStateSetter<bool>) {
    gloo::timers::callback::Timeout::new(0, move || live.set(true)).forget();
}
#[cfg(not(target_arch = "wasm32"))]
fn go_live_next_task(live: UseStateSetter<bool>) {
    live.set(true);
}
