//! The country finder: type a name in any language, an English name, a code or an alias.

use super::ui::use_ui;
use crate::core::builtin::countries;
use crate::core::i18n::Key;
use crate::core::search::{search, SearchEntry};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// How many matches are listed at once: enough to see the right one, few enough to tab past.
const MAX_RESULTS: usize = 8;

#[derive(Properties, Clone, PartialEq)]
pub struct CountryPickerProps {
    pub selected: Option<AttrValue>,
    pub on_choose: Callback<String>,
    /// Typed into the prerendered box before the page took over: searched for at once.
    #[prop_or_default]
    pub typed: Option<AttrValue>,
    /// The prerendered box had the focus when the page took over: it keeps it.
    #[prop_or_default]
    pub keep_focus: bool,
    /// Why the country last chosen is not shown (its lines could not be had): said in the
    /// finder's live region until the visitor searches again.
    #[prop_or_default]
    pub unavailable: Option<AttrValue>,
}

/// Every country's searchable forms, in the visitor's language, ordered by name. Built on first
/// use, not at mount: a compact widget whose visitor never searches never pays for 250 names.
pub struct SearchIndex {
    ui: super::ui::Ui,
    entries: std::cell::OnceCell<Vec<SearchEntry>>,
}

impl SearchIndex {
    /// How many entries there are (one per country), without building them.
    pub fn country_count(&self) -> usize {
        countries().len()
    }

    pub fn entries(&self) -> &[SearchEntry] {
        self.entries.get_or_init(|| {
            let mut entries: Vec<SearchEntry> = countries()
                .iter()
                .map(|c| {
                    let mut other: Vec<&str> = vec![c.name];
                    other.extend(c.aliases());
                    SearchEntry::new(c.code, self.ui.country_name(c.code), &other)
                })
                .collect();
            entries.sort_by_cached_key(|e| crate::core::search::fold(&e.display_name));
            entries
        })
    }
}

#[hook]
pub fn use_search_index() -> Rc<SearchIndex> {
    let ui = use_ui();
    use_memo((ui.lang, ui.platform.clone(), ui.live), move |_| SearchIndex { ui, entries: Default::default() })
}

#[component(CountryPicker)]
pub fn country_picker(props: &CountryPickerProps) -> Html {
    let ui = use_ui();
    let index = use_search_index();
    // The query lives here: a keystroke re-renders the finder only, not the whole widget.
    let query = use_state(String::new);
    let input = use_node_ref();
    // The box's first render leaves what it holds alone (no `value`): taking a prerendered page
    // over, a visitor may still be typing into it, and Yew sets an input's value as it hydrates.
    let adopted = use_mut_ref(|| false);
    {
        // On the standalone page the prerendered box takes typing before the page takes over:
        // what the visitor typed still counts, up to the last key (the box as it is now, else
        // what the page read before the takeover, for a box swapped for a copy meanwhile), and a
        // visitor typing keeps the focus.
        let (typed, keep_focus, query, input, adopted) =
            (props.typed.clone(), props.keep_focus, query.clone(), input.clone(), adopted.clone());
        use_effect_with((), move |_| {
            *adopted.borrow_mut() = true;
            let input = input.cast::<HtmlInputElement>();
            let now = input.as_ref().map(HtmlInputElement::value).filter(|now| !now.trim().is_empty());
            if let Some(typed) = now.or(typed.map(|typed| typed.to_string())) {
                query.set(typed);
            }
            if let Some(input) = input.filter(|_| keep_focus) {
                let _ = input.focus();
            }
        });
    }
    let value = (*adopted.borrow()).then(|| (*query).clone());
    let results = if query.trim().is_empty() { Vec::new() } else { search(index.entries(), &query, None) };
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let onkeydown = {
        // Enter picks the best match, so a visitor can type "mex" and go.
        let first = results.first().map(|e| e.code.to_string());
        let (on_choose, query) = (props.on_choose.clone(), query.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                if let Some(code) = &first {
                    e.prevent_default();
                    query.set(String::new());
                    on_choose.emit(code.clone());
                }
            }
        })
    };
    let status = if query.trim().is_empty() {
        props.unavailable.as_deref().unwrap_or_default().to_string()
    } else if results.is_empty() {
        ui.tf(Key::SearchNone, &[("query", query.trim())])
    } else {
        ui.tf(Key::SearchCount, &[("count", &results.len().to_string())])
    };
    // A result's click: the search box empties and that country is shown.
    let choose = |code: &'static str| {
        let query = query.clone();
        props.on_choose.reform(move |_: MouseEvent| {
            query.set(String::new());
            code.to_string()
        })
    };
    html! {
        <div class="picker" part="picker">
            <label for="fw-search" class="field">{ ui.t(Key::SearchLabel) }</label>
            <p id="fw-search-hint" class="small">{ ui.t(Key::SearchHint) }</p>
            <input id="fw-search" ref={input} type="search" part="search" autocomplete="off" spellcheck="false"
                aria-describedby="fw-search-hint" aria-controls="fw-results"
                {value} {oninput} {onkeydown} />
            <p class="small search-status" role="status" aria-live="polite">{ status }</p>
            // Hidden while empty: an empty list is nothing to announce (and an empty `ul` is no valid list).
            <ul id="fw-results" class="results plain" hidden={results.is_empty()}>
                for e in results.iter().take(MAX_RESULTS) {
                    <li key={e.code}>
                        <button type="button" class="result" onclick={choose(e.code)}
                            aria-current={(props.selected.as_deref() == Some(e.code)).then_some("true")}>
                            { &e.display_name }
                        </button>
                    </li>
                }
            </ul>
        </div>
    }
}
