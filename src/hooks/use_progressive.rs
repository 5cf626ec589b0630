use gloo::timers::callback::Timeout;
use yew::prelude::*;

/// How many of `total` items to render now: none in the first render, then `chunk` more per task
/// until all are shown, so a long list (every country, in the default layout) never blocks the
/// host page in one long task. The first render, which the visitor waits for, holds only what
/// comes before the list: with its first rows too, it was a task of 50 to 65 ms on a 2-core machine.
/// `all_at_once` renders everything in the first render, for a render without a browser (native
/// tests), which has no later tasks. (The standalone page takes over its prerendered list with
/// `use_turn` instead.)
#[hook]
pub fn use_progressive(total: usize, chunk: usize, all_at_once: bool) -> usize {
    let shown = use_state_eq(|| if all_at_once { total } else { 0 });
    {
        let shown = shown.clone();
        use_effect_with((*shown, total), move |&(n, total)| {
            let more = (n < total).then(|| Timeout::new(0, move || shown.set((n + chunk).min(total))));
            move || drop(more)
        });
    }
    (*shown).min(total)
}
