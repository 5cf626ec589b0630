use yew::prelude::*;

/// Whether the visitor asked for reduced motion. `true` until the browser has answered, so
/// nothing moves before we know (and nothing moves in a page rendered without a browser).
#[hook]
pub fn use_reduced_motion() -> bool {
    let reduced = use_state_eq(|| true);
    {
        let reduced = reduced.clone();
        use_effect_with((), move |_| {
            let prefers = web_sys::window()
                .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
                .map(|m| m.matches())
                .unwrap_or(false);
            reduced.set(prefers);
        });
    }
    *reduced
}
