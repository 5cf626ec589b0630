//! Component tests in headless Chromium (wasm-bindgen-test): what a visitor does with a mouse
//! and keyboard. Run by `cargo test --target wasm32-unknown-unknown` (see scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use freedom_widget::components::quotes::Quotes;
use freedom_widget::components::ui::{PlatformRef, Ui};
use freedom_widget::core::builtin;
use freedom_widget::core::i18n::Lang;
use freedom_widget::web::platform::BrowserPlatform;
use gloo_timers::future::TimeoutFuture;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit, ShadowRoot};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts the real widget (shadow root and all) with options, as the embed does.
async fn mount(options: &[(&str, &str)]) -> (Element, ShadowRoot, freedom_widget::web::Handle) {
    let host = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let o = js_sys::Object::new();
    for (k, v) in options {
        js_sys::Reflect::set(&o, &(*k).into(), &(*v).into()).unwrap();
    }
    let handle = freedom_widget::web::mount(host.clone(), o.into()).unwrap();
    let shadow = host.shadow_root().expect("the widget lives in an open shadow root");
    until("the widget is on screen", || shadow.query_selector(".fw").unwrap().is_some()).await;
    TimeoutFuture::new(50).await;
    (host, shadow, handle)
}

/// Waits (up to 3 s) until `ready` holds: Yew renders in slices, and a debug build is slow.
async fn until(what: &str, ready: impl Fn() -> bool) {
    for _ in 0..300 {
        if ready() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting until {what}");
}

/// What the widget says with `console.warn` while `during` runs: the console is where a
/// partner's developer reads it. Each message is still passed on to the console it replaced,
/// which is put back afterwards.
async fn warnings_during<T>(during: impl std::future::Future<Output = T>) -> (T, Vec<String>) {
    said_during("warn", during).await
}

/// What is said with `console[method]` while `during` runs (see `warnings_during`).
async fn said_during<T>(method: &str, during: impl std::future::Future<Output = T>) -> (T, Vec<String>) {
    let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
    let original: js_sys::Function = js_sys::Reflect::get(&console, &method.into()).unwrap().unchecked_into();
    let said = Rc::new(RefCell::new(Vec::new()));
    let record = {
        let (said, original, console) = (said.clone(), original.clone(), console.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
            said.borrow_mut().push(message.as_string().unwrap_or_else(|| format!("{message:?}")));
            let _ = original.call1(&console, &message);
        })
    };
    js_sys::Reflect::set(&console, &method.into(), record.as_ref()).unwrap();
    let out = during.await;
    js_sys::Reflect::set(&console, &method.into(), &original).unwrap();
    drop(record);
    let said = said.borrow().clone();
    (out, said)
}

fn all(root: &ShadowRoot, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().unchecked_into()).collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    target.dispatch_event(&KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()).unwrap();
}

async fn type_into(input: &HtmlInputElement, value: &str) {
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    input.dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    TimeoutFuture::new(100).await;
}

#[wasm_bindgen_test]
async fn typing_narrows_the_country_list_and_enter_picks() {
    let (_host, shadow, handle) = mount(&[("country", "US")]).await;
    let input: HtmlInputElement = shadow.query_selector("#fw-search").unwrap().unwrap().unchecked_into();
    type_into(&input, "a").await;
    let broad = all(&shadow, ".result").len();
    type_into(&input, "mex").await;
    let results = all(&shadow, ".result");
    assert!(broad > results.len(), "typing more narrows the list ({broad} → {})", results.len());
    assert_eq!(text(&results[0]), "Mexico");
    assert!(text(&shadow.query_selector(".search-status").unwrap().unwrap()).contains("Countries found: 1"));
    key(&input, "Enter");
    until("Mexico is chosen", || {
        text(&shadow.query_selector("#fw-directory-heading").unwrap().unwrap()).contains("Mexico")
    })
    .await;
    let heading = text(&shadow.query_selector("#fw-directory-heading").unwrap().unwrap());
    assert_eq!(heading, "Hotlines in Mexico");
    assert!(shadow.query_selector(r#"a[href="tel:+528005533000"]"#).unwrap().is_some());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn accents_do_not_matter_in_the_browser_either() {
    let (_host, shadow, handle) = mount(&[("lang", "en")]).await;
    let input: HtmlInputElement = shadow.query_selector("#fw-search").unwrap().unwrap().unchecked_into();
    type_into(&input, "cote").await;
    let results = all(&shadow, ".result");
    assert!(text(&results[0]).starts_with("Côte"), "{}", text(&results[0]));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn arrow_keys_home_and_end_move_between_tabs() {
    let (_host, shadow, handle) = mount(&[("country", "US")]).await;
    let tabs = all(&shadow, "[role=tab]");
    assert_eq!(tabs.len(), 4);
    let selected = || {
        all(&shadow, "[role=tab]")
            .iter()
            .position(|t| t.get_attribute("aria-selected").as_deref() == Some("true"))
            .unwrap()
    };
    let focused = || shadow.active_element().map(|e| text(&e)).unwrap_or_default();
    tabs[0].unchecked_ref::<HtmlElement>().focus().unwrap();
    key(&tabs[0], "ArrowRight");
    until("the second tab is selected and focused", || selected() == 1 && focused() == "Protection").await;
    assert_eq!(focused(), "Protection", "focus follows the selection");
    assert_eq!(all(&shadow, "[role=tab]")[1].get_attribute("tabindex").as_deref(), Some("0"), "roving tabindex");
    assert_eq!(all(&shadow, "[role=tab]")[0].get_attribute("tabindex").as_deref(), Some("-1"));
    key(&all(&shadow, "[role=tab]")[1], "End");
    until("End selects the last tab", || selected() == 3).await;
    key(&all(&shadow, "[role=tab]")[3], "ArrowRight");
    until("ArrowRight wraps around", || selected() == 0).await;
    key(&all(&shadow, "[role=tab]")[0], "ArrowLeft");
    until("ArrowLeft wraps around", || selected() == 3).await;
    key(&all(&shadow, "[role=tab]")[3], "Home");
    until("Home selects the first tab", || selected() == 0 && focused() == "Prosecution").await;
    let visible: Vec<_> = all(&shadow, "[role=tabpanel]").into_iter().filter(|p| !p.has_attribute("hidden")).collect();
    assert_eq!(visible.len(), 1);
    assert!(text(&visible[0]).contains("Traffickers are investigated"));
    handle.destroy();
}

#[derive(Properties, PartialEq)]
struct QuotesHarnessProps {
    rotate_ms: u32,
}

#[component(QuotesHarness)]
fn quotes_harness(props: &QuotesHarnessProps) -> Html {
    let ui = Ui {
        lang: Lang::En,
        platform: PlatformRef(Rc::new(BrowserPlatform::default())),
        live: true,
        report_url: "https://example.org".into(),
        on_event: Callback::noop(),
    };
    html! {
        <ContextProvider<Ui> context={ui}>
            <Quotes quotes={Rc::<[_]>::from(builtin::quotes().to_vec())} rotate_ms={props.rotate_ms} />
        </ContextProvider<Ui>>
    }
}

#[wasm_bindgen_test]
async fn quotes_rotate_and_pause_stops_them() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let app = yew::Renderer::<QuotesHarness>::with_root_and_props(root.clone(), QuotesHarnessProps { rotate_ms: 60 })
        .render();
    let position = || root.query_selector(".position").unwrap().map(|e| text(&e)).unwrap_or_default();
    until("the quotes are on screen", || !position().is_empty()).await;
    let first = position();
    until("quotes rotate on their own", || position() != first).await;
    let toggle: HtmlElement = root.query_selector(".quote-toggle").unwrap().unwrap().unchecked_into();
    assert_eq!(text(&toggle), "Pause quotes");
    toggle.click();
    until("the control says play", || text(&toggle) == "Play quotes").await;
    let paused_at = position();
    TimeoutFuture::new(300).await;
    assert_eq!(position(), paused_at, "pause stops the rotation");
    app.destroy();
}

#[wasm_bindgen_test]
async fn bad_options_warn_and_the_widget_still_shows() {
    let ((_host, shadow, handle), warnings) =
        warnings_during(mount(&[("layout", "wide"), ("country", "Narnia"), ("sections", "quotes")])).await;
    // Each bad option is said once, naming the option and quoting the value given, with what
    // the widget does instead; the good option is not mentioned.
    for (option, value, instead) in [("layout", "wide", "using full"), ("country", "Narnia", "detecting the country")] {
        let named = format!("freedom-widget: option \"{option}\" = \"{value}\": ");
        let said: Vec<&String> = warnings.iter().filter(|w| w.starts_with(&named)).collect();
        assert_eq!(said.len(), 1, "{option} said once in {warnings:?}");
        assert!(said[0].contains(instead), "{}", said[0]);
    }
    assert!(!warnings.iter().any(|w| w.contains("option \"sections\"")), "{warnings:?}");
    until("only the quotes show", || shadow.query_selector("[part=explainer]").unwrap().is_none()).await;
    assert!(shadow.query_selector("[part=quotes]").unwrap().is_some());
    assert!(shadow.query_selector("[part=explainer]").unwrap().is_none());
    assert!(shadow.query_selector("[data-layout=full]").unwrap().is_some(), "falls back to the default layout");
    handle.destroy();
    assert_eq!(shadow.child_element_count(), 0, "destroy empties the shadow root");
}

/// RFC 8032's first Ed25519 test vector (an empty message), checked by the browser's WebCrypto as
/// the widget checks a data release: the right signature passes; one changed bit, or another key,
/// fails.
#[wasm_bindgen_test]
async fn webcrypto_checks_ed25519_signatures() {
    use freedom_widget::web::crypto::verify_ed25519;
    let hex =
        |s: &str| (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect::<Vec<u8>>();
    let key = hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    let signature = hex(concat!(
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155",
        "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
    ));
    assert_eq!(verify_ed25519(&key, b"", &signature).await, Ok(true));
    let mut changed = signature.clone();
    changed[10] ^= 1;
    assert_eq!(verify_ed25519(&key, b"", &changed).await, Ok(false));
    assert_eq!(verify_ed25519(&key, b"x", &signature).await, Ok(false), "another message");
    let mut other_key = key.clone();
    other_key[0] ^= 1;
    assert_ne!(verify_ed25519(&other_key, b"", &signature).await, Ok(true), "another key");
}

/// The standalone page's rehearsals (which compile Yew's rendering and hydration, off the page, a
/// task before the takeover runs them) run without a warning or an error, and the page is as it
/// was: a visitor and a partner's developer see no trace of them. (A hydration that did not match
/// its markup would panic, which the console's error says.)
#[cfg(feature = "page")]
#[wasm_bindgen_test]
async fn the_takeovers_rehearsals_leave_no_trace() {
    let before = document().body().unwrap().inner_html();
    let (((), warnings), errors) = said_during(
        "error",
        warnings_during(async {
            freedom_widget::web::exports::rehearse_rendering();
            TimeoutFuture::new(0).await;
            freedom_widget::web::exports::rehearse_takeover();
            TimeoutFuture::new(50).await;
        }),
    )
    .await;
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(document().query_selector(".rehearsal").unwrap().is_none(), "no rehearsal in the document");
    assert_eq!(document().body().unwrap().inner_html(), before, "the page is as it was");
}
