//! Attributed quotes, verbatim. They rotate no faster than every 10 seconds, with a visible
//! pause/play control; rotation pauses while the pointer or focus is on them and never starts
//! for a visitor who asked for reduced motion.

use super::ui::use_ui;
use crate::core::data::Quote;
use crate::core::i18n::{Key, Lang};
use crate::hooks::use_interval::use_interval;
use crate::hooks::use_reduced_motion::use_reduced_motion;
use std::rc::Rc;
use yew::prelude::*;

/// Time each quote stays on screen.
pub const ROTATE_MS: u32 = 10_000;

#[derive(Properties, Clone, PartialEq)]
pub struct QuotesProps {
    pub quotes: Rc<[Quote]>,
    /// Time each quote stays; tests shorten it, partners cannot (no faster than 8 s is the rule).
    #[prop_or(ROTATE_MS)]
    pub rotate_ms: u32,
}

#[component(Quotes)]
pub fn quotes(props: &QuotesProps) -> Html {
    let ui = use_ui();
    let count = props.quotes.len();
    let index = use_reducer(|| Position(0));
    let reduced_motion = use_reduced_motion();
    // `None` until the visitor presses pause or play; then their choice stands.
    let chosen = use_state(|| None::<bool>);
    let hovered = use_state(|| false);
    let focused = use_state(|| false);
    let playing = chosen.unwrap_or(!reduced_motion) && count > 1;
    let tick = {
        let dispatcher = index.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Step::Next(count)))
    };
    use_interval(tick, props.rotate_ms, ui.live && playing && !*hovered && !*focused);

    if count == 0 {
        return Html::default();
    }
    let current = &props.quotes[index.0 % count];
    let toggle = {
        let chosen = chosen.clone();
        Callback::from(move |_: MouseEvent| chosen.set(Some(!playing)))
    };
    let step = |s: fn(usize) -> Step| {
        let index = index.clone();
        let chosen = chosen.clone();
        // Moving by hand stops the rotation, so the quote the visitor chose stays.
        Callback::from(move |_: MouseEvent| {
            chosen.set(Some(false));
            index.dispatch(s(count))
        })
    };
    let set = |state: &UseStateHandle<bool>, v: bool| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(v))
    };
    let set_focus = |v: bool| {
        let focused = focused.clone();
        Callback::from(move |_: FocusEvent| focused.set(v))
    };
    html! {
        <section class="section quotes" part="quotes" aria-labelledby="fw-quotes-heading"
            onmouseenter={set(&hovered, true)} onmouseleave={set(&hovered, false)}
            onfocusin={set_focus(true)} onfocusout={set_focus(false)}>
            <h2 id="fw-quotes-heading">{ ui.t(Key::QuotesHeading) }</h2>
            // Announced only when the visitor moves by hand: a rotating live region would talk over them.
            <div class="quote-frame" aria-live={if playing { "off" } else { "polite" }}>
                <figure class="quote" part="quote" key={current.id.to_string()}>
                    <blockquote lang="en" dir="auto"><p>{ format!("“{}”", current.text) }</p></blockquote>
                    if let Some(key) = translation_key(&current.id).filter(|_| ui.lang != Lang::En) {
                        <p class="translation" lang={ui.lang.tag()}>
                            <span class="label">{ ui.t(Key::QuoteTranslation) }</span>{ " " }{ ui.t(key) }
                        </p>
                    }
                    <figcaption>
                        { "— " }<bdi class="speaker" dir="auto" lang="en">{ &*current.speaker }</bdi>
                        { ", " }
                        {
                            match &current.date {
                                Some(d) => html! { <bdi class="date" dir="auto" lang="en">{ &**d }</bdi> },
                                None => html! { <span class="date">{ ui.t(Key::QuoteDateUnknown) }</span> },
                            }
                        }
                        if let Some(c) = &current.context { <span class="small context">{ " · " }<bdi dir="auto" lang="en">{ &**c }</bdi></span> }
                    </figcaption>
                </figure>
            </div>
            if count > 1 {
                <div class="quote-controls">
                    <button type="button" class="quote-toggle" part="button" onclick={toggle}
                        aria-label={if playing { ui.t(Key::QuotePause) } else { ui.t(Key::QuotePlay) }}>
                        { if playing { ui.t(Key::QuotePause) } else { ui.t(Key::QuotePlay) } }
                    </button>
                    <button type="button" part="button" onclick={step(Step::Previous)}>{ ui.t(Key::QuotePrevious) }</button>
                    <button type="button" part="button" onclick={step(Step::Next)}>{ ui.t(Key::QuoteNext) }</button>
                    <span class="small position">{ ui.tf(Key::QuotePosition, &[("n", &(index.0 % count + 1).to_string()), ("total", &count.to_string())]) }</span>
                </div>
            }
        </section>
    }
}

#[derive(PartialEq)]
struct Position(usize);

enum Step {
    Next(usize),
    Previous(usize),
}

impl Reducible for Position {
    type Action = Step;
    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new(Position(match step {
            Step::Next(n) => (self.0 + 1) % n.max(1),
            Step::Previous(n) => (self.0 + n.max(1) - 1) % n.max(1),
        }))
    }
}

/// The translation of a built-in quote, shown under the English original (partner quotes have none).
fn translation_key(id: &str) -> Option<Key> {
    match id {
        "obama-modern-slavery" => Some(Key::QuoteObamaModernSlavery),
        "kerry-strategic-interest" => Some(Key::QuoteKerryStrategicInterest),
        "kerry-tip-report-2016" => Some(Key::QuoteKerryTipReport2016),
        _ => None,
    }
}
