//! A part of a prerendered page that comes alive a task after the rest: the takeover of a
//! country's page hydrated its panel, the four Ps and the quotes in one task of 110 ms on a phone's
//! CPU (Lighthouse's 4× slowdown), which a tap or a key press waited for. Each part wrapped here is
//! hydrated in a task of its own (`use_turn`); until then its prerendered markup stays as it is,
//! and reads and dials as before.

use crate::hooks::use_turn::{keep_focus_by_id, use_turn};
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
    use_turn()?;
    // Yew takes the part over by swapping its prerendered nodes for copies, just after this: a
    // visitor whose focus was in it (a tab of the four Ps, say) keeps it.
    use_effect_with((), |_| keep_focus_by_id());
    Ok(props.children.clone())
}
