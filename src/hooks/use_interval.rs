use gloo::timers::callback::Interval;
use yew::prelude::*;

/// Calls `tick` every `millis` while `running`; the timer is dropped (and stops) when `running`
/// turns false or the component unmounts, so a destroyed widget leaves no timer behind.
#[hook]
pub fn use_interval(tick: Callback<()>, millis: u32, running: bool) {
    use_effect_with(running, move |running| {
        let interval = running.then(|| Interval::new(millis, move || tick.emit(())));
        move || drop(interval)
    });
}
