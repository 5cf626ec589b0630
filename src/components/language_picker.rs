//! Switches the widget's language in place: no reload, nothing written to the URL or history.

use super::ui::use_ui;
use crate::core::i18n::{Key, Lang};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct LanguagePickerProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[component(LanguagePicker)]
pub fn language_picker(props: &LanguagePickerProps) -> Html {
    let ui = use_ui();
    let onchange = props.on_change.reform(|e: Event| {
        let tag = e.target_unchecked_into::<HtmlSelectElement>().value();
        Lang::ALL.into_iter().find(|l| l.tag() == tag).unwrap_or_default()
    });
    // The select shows the language the widget speaks: after a choice that could not be
    // loaded (or one overtaken by a later choice), the browser's own selection is put back.
    let select = use_node_ref();
    {
        let select = select.clone();
        let tag = props.lang.tag();
        use_effect(move || {
            if let Some(s) = select.cast::<HtmlSelectElement>() {
                if s.value() != tag {
                    s.set_value(tag);
                }
            }
        });
    }
    html! {
        <div class="language" part="language">
            <label for="fw-language" class="small">{ ui.t(Key::LanguageLabel) }</label>
            <select id="fw-language" part="select" ref={select} {onchange}>
                // Each language named in itself, so a visitor finds theirs whatever is shown.
                for l in Lang::ALL.iter() {
                    <option value={l.tag()} lang={l.tag()} selected={*l == props.lang}>{ l.native_name() }</option>
                }
            </select>
        </div>
    }
}
