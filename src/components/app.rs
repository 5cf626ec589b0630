//! The root: provides the `Ui` context and lays out the sections the partner chose, in order.

use super::all_countries::AllCountries;
use super::country_panel::CountryPanel;
use super::country_picker::CountryPicker;
use super::explainer::Explainer;
use super::language_picker::LanguagePicker;
use super::quick_exit::{QuickExit, SafetyNote};
use super::quotes::Quotes;
use super::state::{Action, WidgetState};
use super::ui::{PlatformRef, Ui, WidgetEvent};
use crate::core::builtin;
use crate::core::data::Quote;
use crate::core::detect::ChosenBy;
use crate::core::directory::Directory;
use crate::core::i18n::{Key, Lang};
use crate::core::options::{Layout, Options, Section, Theme};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    pub options: Rc<Options>,
    pub directory: Rc<Directory>,
    pub quotes: Rc<[Quote]>,
    /// The country detection found (see `core::detect`), computed by the browser edge.
    pub detected: Option<(String, ChosenBy)>,
    pub lang: Lang,
    pub platform: PlatformRef,
    #[prop_or_default]
    pub on_event: Callback<WidgetEvent>,
    /// Only on the standalone page (whose quick exit hides the whole page, not only the widget).
    #[prop_or_default]
    pub page: Option<PageState>,
}

impl AppProps {
    /// The props of a widget with these inputs, in an embed (set `page` for the standalone page).
    pub fn new(
        options: Options,
        directory: Rc<Directory>,
        quotes: Rc<[Quote]>,
        detected: Option<(String, ChosenBy)>,
        lang: Lang,
        platform: PlatformRef,
    ) -> AppProps {
        AppProps {
            options: Rc::new(options),
            directory,
            quotes,
            detected,
            lang,
            platform,
            on_event: Callback::default(),
            page: None,
        }
    }

    /// Taking over prerendered HTML: the first render must equal the prerender, so detection and
    /// the live clock are applied just after it.
    fn hydrating(&self) -> bool {
        self.page.as_ref().is_some_and(|page| page.hydrating)
    }

    /// Taking a country's page over (`/mx/`): its parts come alive a task apart (`Later`). Not the
    /// page at `/`, whose list of every country takes its own turns, a chunk at a time.
    fn taking_over_country_page(&self) -> bool {
        self.hydrating() && self.page.as_ref().is_some_and(|page| page.country_page.is_some())
    }

    /// The country and language the prerender chose, which the takeover's first render keeps.
    fn prerendered(&self) -> (Option<(String, ChosenBy)>, Lang) {
        match self.page.as_ref().and_then(|page| page.country_page.as_ref()) {
            Some(page) => (Some((page.country.to_string(), ChosenBy::Link)), page.lang),
            None => (prerender_choice(&self.options), PRERENDER_LANG),
        }
    }
}

/// What only the standalone page has: HTML prerendered at build time to take over, and what the
/// visitor did in it before the wasm arrived.
#[derive(Clone, PartialEq, Default)]
pub struct PageState {
    /// The page's prerendered HTML is being taken over (its options are those it was prerendered with).
    pub hydrating: bool,
    /// What the visitor typed into the prerendered search box before the page took over.
    pub typed_search: Option<AttrValue>,
    /// Whether that box had the focus.
    pub search_had_focus: bool,
    /// A country's own page (`/mx/`, `/mx/en/`): prerendered with its country, chosen by the link
    /// the visitor opened, in its language; `None` for the standalone page at `/`, prerendered
    /// with no country and in `PRERENDER_LANG`.
    pub country_page: Option<CountryPage>,
}

/// What a country's page was prerendered for: the first render of its takeover is the same.
#[derive(Clone, Debug, PartialEq)]
pub struct CountryPage {
    pub country: AttrValue,
    pub lang: Lang,
}

/// On a country's own page (`here`), opens `code`'s page in the same language if the site built
/// it, and says whether it did. Only the pages' wasm and the prerender have country pages: the
/// embed's leaves this out, and with it the table of each country's main language.
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
fn open_country_page(here: Option<&CountryPage>, platform: &PlatformRef, code: &str) -> bool {
    here.is_some_and(|page| {
        let href = crate::core::country_page::link_from(&page.country, page.lang, code, page.lang);
        platform.0.open_country_page(&href)
    })
}
#[cfg(not(any(feature = "page", not(target_arch = "wasm32"))))]
fn open_country_page(_here: Option<&CountryPage>, _platform: &PlatformRef, _code: &str) -> bool {
    false
}

/// `part` hydrated in a task of its own (`Later`), keyed `key`. Only a page taken over from its
/// prerender (built with `page`, or the prerender itself) hydrates; an embed renders afresh.
#[cfg(any(feature = "page", not(target_arch = "wasm32")))]
fn later(part: Html, key: &'static str) -> Html {
    html! { <super::later::Later key={key}>{ part }</super::later::Later> }
}
#[cfg(not(any(feature = "page", not(target_arch = "wasm32"))))]
fn later(part: Html, _key: &'static str) -> Html {
    part
}

/// The language the standalone page is prerendered in.
pub const PRERENDER_LANG: Lang = Lang::En;

/// What a page rendered without a browser can know: only the site's own options.
pub fn prerender_choice(options: &Options) -> Option<(String, ChosenBy)> {
    options
        .country
        .clone()
        .map(|c| (c, ChosenBy::Option))
        .or_else(|| options.fallback_country.clone().map(|c| (c, ChosenBy::Fallback)))
}

pub fn chosen_by_name(by: &ChosenBy) -> &'static str {
    match by {
        ChosenBy::Option => "option",
        ChosenBy::Link => "link",
        ChosenBy::Language(_) => "language",
        ChosenBy::TimeZone(_) => "time-zone",
        ChosenBy::Fallback => "fallback",
        ChosenBy::Visitor => "visitor",
    }
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let initial = if props.hydrating() { props.prerendered().0 } else { props.detected.clone() };
        use_reducer(move || WidgetState { country: initial, unavailable: None })
    };
    // Live (the real clock, the browser's answers) from the first render, except when taking
    // over prerendered HTML, whose first render must match the prerender. `_eq`: setting it
    // again after the first render costs no second render.
    let live = use_state_eq(|| !props.hydrating());
    // The visitor may switch language without reloading; a new `lang` from the partner resets it.
    // Hydration starts in the prerender's language (the first render must match its markup), and
    // the effect below switches to the visitor's right after.
    // A language whose messages could not be fetched starts in English; the effect below tries again.
    let lang = use_state_eq(|| {
        if props.hydrating() {
            props.prerendered().1
        } else if props.lang.is_loaded() {
            props.lang
        } else {
            Lang::En
        }
    });
    // A language is shown once its messages are here (they are fetched on first use in the
    // browser), so no English text is ever shown under another language's name. Only the latest
    // request counts: a slow file arriving after the visitor chose again is not applied. If the
    // file cannot be had, a re-render puts the picker back on the language actually shown.
    let latest_request = use_mut_ref(|| 0u32);
    let rerender = use_force_update();
    let switch_lang = {
        let lang = lang.clone();
        let platform = props.platform.clone();
        Callback::from(move |l: Lang| {
            let request = {
                let mut latest = latest_request.borrow_mut();
                *latest += 1;
                *latest
            };
            let (lang, latest_request, rerender) = (lang.clone(), latest_request.clone(), rerender.clone());
            platform.0.load_language(
                l,
                Box::new(move |loaded| {
                    if *latest_request.borrow() != request {
                        return;
                    }
                    if loaded {
                        lang.set(l);
                    } else {
                        rerender.force_update();
                    }
                }),
            );
        })
    };
    {
        let switch_lang = switch_lang.clone();
        use_effect_with(props.lang, move |l| switch_lang.emit(*l));
    }
    {
        // Runs in the browser only, right after the first render (and the hydration) and again
        // whenever the edge detects anew (a changed `country` attribute, say).
        let state = state.clone();
        let live = live.clone();
        use_effect_with(props.detected.clone(), move |detected| {
            live.set(true);
            state.dispatch(Action::Detected(detected.clone()));
        });
    }
    {
        // After the first render, with every child's: the edge may now show it.
        let on_event = props.on_event.clone();
        use_effect_with((), move |_| on_event.emit(WidgetEvent::Shown));
    }
    {
        let on_event = props.on_event.clone();
        // The takeover's first render is in the prerender's language, just before the visitor's
        // (already loaded): not a change to announce, or the page's own text would flicker.
        let skip = use_mut_ref(|| props.hydrating());
        use_effect_with(*lang, move |lang| {
            if !std::mem::take(&mut *skip.borrow_mut()) {
                on_event.emit(WidgetEvent::LanguageChange { lang: lang.tag() });
            }
        });
    }
    // The country shown: the one chosen, once its lines are here. The embed's wasm loads each
    // country's lines on first use (`Platform::load_lines`); until they arrive the country shown
    // before stays, and if they cannot be had the choice goes back to it (the finder then shows
    // it again, and choosing the country again tries again), so a country is never shown
    // without its lines. Should the country shown lose its lines (a partner's update removed the
    // channel whose release held them), none is shown until the chosen one's are here.
    let shown_country = use_mut_ref(|| None::<(String, ChosenBy)>);
    let has_release = props.directory.release().is_some();
    let lines_here = |key: &str| has_release || builtin::lines_here(key);
    {
        let mut shown = shown_country.borrow_mut();
        if state.country.as_ref().is_none_or(|(code, _)| lines_here(code)) {
            *shown = state.country.clone();
        } else if shown.as_ref().is_some_and(|(code, _)| !lines_here(code)) {
            *shown = None;
        }
    }
    {
        let (platform, rerender) = (props.platform.clone(), use_force_update());
        let (dispatcher, shown) = (state.dispatcher(), shown_country.clone());
        let wanted = state.country.as_ref().map(|(code, _)| code.clone()).filter(|code| !lines_here(code));
        use_effect_with(wanted, move |wanted| {
            if let Some(code) = wanted {
                let country = code.clone();
                let done = move |here: bool| {
                    if !here {
                        dispatcher.dispatch(Action::Unavailable { country, shown: shown.borrow().clone() });
                    }
                    rerender.force_update();
                };
                platform.0.load_lines(code, Box::new(done));
            }
        });
    }
    // A layout listing every country lists them once all their lines are here (fetched in one
    // file): never a country said to have no line because its file has not arrived.
    let every_country_here = lines_here(builtin::EVERY_COUNTRY);
    {
        let (platform, rerender) = (props.platform.clone(), use_force_update());
        let wanted = props.options.layout == Layout::Full && !every_country_here;
        use_effect_with(wanted, move |wanted| {
            if *wanted {
                platform.0.load_lines(builtin::EVERY_COUNTRY, Box::new(move |_| rerender.force_update()));
            }
        });
    }
    let shown_country = shown_country.borrow().clone();
    {
        let on_event = props.on_event.clone();
        use_effect_with(shown_country.clone(), move |country| {
            if let Some((code, by)) = country {
                on_event.emit(WidgetEvent::CountryChange { country: code.clone(), chosen_by: chosen_by_name(by) });
            }
        });
    }

    let ui = Ui {
        lang: *lang,
        platform: props.platform.clone(),
        live: *live,
        report_url: props.options.report_url.clone().into(),
        on_event: props.on_event.clone(),
    };
    let options = &props.options;
    let layout = options.layout;
    // Stable across renders, so the long list of countries does not re-render when nothing changed.
    // On a country's own page, another country is another page: its own in this page's language,
    // where the site built it, so that the address, the title and the language links are that
    // country's (and a reload or a shared link keeps it). Elsewhere, it shows in place.
    let country_page = props.page.as_ref().and_then(|page| page.country_page.clone());
    let on_choose = use_callback(
        (state.dispatcher(), country_page, ui.platform.clone()),
        |code: String, (dispatcher, country_page, platform)| {
            if !open_country_page(country_page.as_ref(), platform, &code) {
                dispatcher.dispatch(Action::Choose(code));
            }
        },
    );
    let country = shown_country;
    let root = use_node_ref();
    let quick_exit = options.quick_exit == Some(true);
    // The partner's `second-source-only`: the same directory, showing only lines a second,
    // independent page confirms. Kept across renders so the long list does not re-render.
    let directory = use_memo((props.directory.clone(), options.second_source_only), |(directory, only)| {
        if *only {
            Rc::new(directory.with_second_source_only())
        } else {
            directory.clone()
        }
    });
    let directory: Rc<Directory> = (*directory).clone();

    // The finder builds its search index (every country's names, folded) as it first renders:
    // taking a page over, it comes alive in a task of its own (`Later`).
    // A chosen country whose lines could not be had: the finder says so, in its live region.
    let unavailable = state
        .unavailable
        .as_ref()
        .map(|code| AttrValue::from(ui.tf(Key::LinesUnavailable, &[("country", &ui.country_in_text(code))])));
    let picker = html! {
        <CountryPicker selected={country.as_ref().map(|(c, _)| AttrValue::from(c.clone()))} on_choose={on_choose.clone()} {unavailable} typed={props.page.as_ref().and_then(|page| page.typed_search.clone())} keep_focus={props.page.as_ref().is_some_and(|page| page.search_had_focus)} />
    };
    let picker = if props.taking_over_country_page() { later(picker, "picker") } else { picker };
    // The country's panel too, first of them: its number dials without it meanwhile.
    let panel = html! { <CountryPanel directory={directory.clone()} country={country.clone()} {layout} /> };
    let panel = if props.taking_over_country_page() { later(panel, "panel") } else { panel };
    let hotlines_section = html! {
        <section class="section directory" part="directory" aria-labelledby="fw-directory-heading">
            { panel }
            if layout != Layout::Banner {
                { picker }
            }
            if layout == Layout::Full && every_country_here {
                // At `/`, each country's name also leads to its own page, for a visitor whose
                // browser runs no script.
                <AllCountries directory={directory} on_choose={on_choose}
                    page_links={props.page.as_ref().is_some_and(|page| page.country_page.is_none())} />
            }
        </section>
    };
    let sections: Vec<Section> = match layout {
        // A banner is one line: the number, nothing else.
        Layout::Banner => vec![Section::Hotlines],
        _ => options.sections.clone(),
    };
    // Taking a country's page over, the four Ps and the quotes come alive a task after the rest
    // (`Later`): one task for all of it was long enough to hold up a tap on a phone.
    let parts_later = props.taking_over_country_page();
    let body = sections.iter().map(|s| match s {
        Section::Hotlines => hotlines_section.clone(),
        Section::Explainer if parts_later => later(html! { <Explainer /> }, "explainer"),
        Section::Explainer => html! { <Explainer key="explainer" /> },
        Section::Quotes if parts_later => later(html! { <Quotes quotes={props.quotes.clone()} /> }, "quotes"),
        Section::Quotes => html! { <Quotes key="quotes" quotes={props.quotes.clone()} /> },
    });
    // The quick exit and its safety note: on a country's page, they too come alive a task after
    // the rest, the first of the parts (its button already leaves, from js/early-quick-exit.js).
    let quick_exit_part = html! {
        <>
            <QuickExit url={AttrValue::from(options.quick_exit_url.clone())} hide={root.clone()} whole_page={props.page.is_some()} />
            <SafetyNote />
        </>
    };
    let quick_exit_part =
        if props.taking_over_country_page() { later(quick_exit_part, "quick-exit") } else { quick_exit_part };
    let theme = match options.theme {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    };
    let layout_name = match layout {
        Layout::Full => "full",
        Layout::Compact => "compact",
        Layout::Banner => "banner",
    };
    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            <div ref={root.clone()} class={classes!("fw", options.host_fonts.then_some("host-fonts"))} part="root"
                lang={lang.tag()} dir={if lang.is_rtl() { "rtl" } else { "ltr" }}
                data-theme={theme} data-layout={layout_name}
                role="region" aria-label={ui.t(Key::WidgetLabel)}>
                if quick_exit {
                    { quick_exit_part }
                }
                // A country's own page links the same country in each language instead (its
                // address says its language), after the widget: its number comes first.
                if layout != Layout::Banner && props.page.as_ref().is_none_or(|page| page.country_page.is_none()) {
                    <LanguagePicker lang={*lang} on_change={switch_lang} />
                }
                for section in body {
                    { section }
                }
            </div>
        </ContextProvider<Ui>>
    }
}
