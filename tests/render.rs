//! The components rendered natively (Yew SSR): what a visitor reads on the page, including the
//! prerendered standalone page that works without JavaScript.

use freedom_widget::components::ui::PlatformRef;
use freedom_widget::components::{App, AppProps};
use freedom_widget::core::builtin;
use freedom_widget::core::data::Hotline;
use freedom_widget::core::detect::ChosenBy;
use freedom_widget::core::directory::Directory;
use freedom_widget::core::i18n::Lang;
use freedom_widget::core::options::{Layout, Options, Section};
use freedom_widget::core::platform::StaticPlatform;
use std::rc::Rc;

fn render_with(options: Options, country: Option<&str>, directory: Directory) -> String {
    let props = AppProps {
        options: Rc::new(options),
        directory: Rc::new(directory),
        quotes: builtin::quotes().to_vec().into(),
        detected: country.map(|c| (c.to_string(), ChosenBy::Option)),
        lang: Lang::En,
        platform: PlatformRef(Rc::new(StaticPlatform)),
        hydrating: false,
        on_event: Default::default(),
        is_page: false,
        typed_search: None,
        search_had_focus: false,
    };
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

fn render(country: Option<&str>) -> String {
    render_with(Options::default(), country, Directory::default())
}

#[test]
fn us_entry_has_its_tel_link_sms_keyword_and_source() {
    let html = render(Some("US"));
    assert!(html.contains("Hotlines in United States"));
    assert!(html.contains(r#"href="tel:+18883737888""#), "tel: link with E.164");
    assert!(html.contains("1-888-373-7888"), "the number as the source writes it");
    assert!(html.contains(r#"href="sms:233733?&amp;body=HELP""#), "SMS with a body both iOS and Android read");
    assert!(html.contains("https://humantraffickinghotline.org/en/report-trafficking"), "source link");
    assert!(html.contains("verified 2026-11-25"));
    assert!(html.contains("Report an outdated number"));
    assert!(html.contains("Open 24/7"));
}

#[test]
fn the_four_ps_and_the_quotes() {
    let html = render(Some("US"));
    for p in ["Prosecution", "Protection", "Prevention", "Partnership"] {
        assert!(html.contains(p), "{p}");
    }
    assert!(html.contains(r#"role="tablist""#) && html.contains(r#"aria-selected="true""#));
    assert!(html.contains("It ought to concern every person, because it is a debasement of our common humanity."));
    assert!(html.contains("President Barack Obama"));
    assert!(html.contains("date not given by the source"), "no invented date for the first quote");
}

#[test]
fn general_lines_and_narrower_audiences_are_labelled() {
    let th = render(Some("TH"));
    assert!(th.contains("General line: also takes trafficking reports"));
    // The audience is the data's English, isolated inside the translated "For: …".
    assert!(th.contains(r#"For: <bdi dir="auto" lang="en">Thai nationals abroad</bdi>"#), "{th}");
    let us = render(Some("US"));
    assert!(us.contains("Trafficking hotline"));
}

#[test]
fn a_country_without_a_line_gets_its_emergency_number_and_the_international_entries() {
    let html = render(Some("AF"));
    assert!(html.contains("We know of no verified trafficking hotline for Afghanistan yet."));
    assert!(html.contains(r#"href="tel:119""#), "AF emergency number from the data");
    assert!(html.contains("Global Modern Slavery Directory"));
    assert!(html.contains("https://globalmodernslavery.org/"));
}

#[test]
fn a_country_with_neither_says_so() {
    let html = render(Some("AQ"));
    assert!(html.contains("We have no verified emergency number for Antarctica."));
    assert!(html.contains("Global Modern Slavery Directory"));
}

#[test]
fn whatsapp_and_dial_only_numbers() {
    let mx = render(Some("MX"));
    assert!(mx.contains(r#"href="https://wa.me/528005533000""#));
    let ae = render(Some("AE"));
    assert!(ae.contains(r#"href="tel:8007283""#) && ae.contains("800SAVE"));
    assert!(ae.contains("Dial within United Arab Emirates"));
}

#[test]
fn no_country_chosen_lists_every_country_and_number() {
    let html = render(None);
    assert!(html.contains("Find a hotline in your country"));
    assert!(html.contains("All countries"));
    for h in builtin::hotlines() {
        for c in h.channels.iter().filter(|c| c.kind == freedom_widget::core::data::ChannelKind::Phone) {
            let n = c.number().unwrap().replace('#', "%23");
            assert!(html.contains(&format!("href=\"tel:{n}\"")), "{} {n} in the full list", h.id);
        }
    }
}

#[test]
fn outbound_links_leak_nothing() {
    let html = render(Some("US"));
    for link in html.split("<a ").skip(1) {
        let tag = &link[..link.find('>').unwrap()];
        if tag.contains("href=\"http") {
            assert!(tag.contains(r#"rel="noopener noreferrer""#) && tag.contains(r#"referrerpolicy="no-referrer""#), "{tag}");
        }
    }
}

#[test]
fn partner_text_is_never_html() {
    let row: Hotline = serde_json::from_value(serde_json::json!({
        "id": "zz-evil", "country": "US", "organisation": "<img src=x onerror=alert(1)>", "name": "<script>alert(1)</script>",
        "scope": "trafficking", "channels": [{"kind": "phone", "display": "<b>1</b>", "e164": "+15555550100"}],
        "source_url": "https://example.org", "checked": "2026-11-25"
    })).unwrap();
    let (dir, problems) = Directory::with_partner_rows(vec![Ok(row)]);
    assert!(problems.is_empty());
    let html = render_with(Options::default(), Some("US"), dir);
    assert!(!html.contains("<script>alert") && !html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

#[test]
fn sections_follow_the_partners_order_and_layouts_differ() {
    let o = Options { sections: vec![Section::Quotes, Section::Hotlines], ..Options::default() };
    let html = render_with(o, Some("US"), Directory::default());
    assert!(html.find("In their words").unwrap() < html.find("Hotlines in United States").unwrap());
    assert!(!html.contains("The four Ps"));
    let banner = render_with(Options { layout: Layout::Banner, ..Options::default() }, Some("US"), Directory::default());
    assert!(banner.contains(r#"href="tel:+18883737888""#));
    assert!(!banner.contains("All countries") && !banner.contains("In their words") && !banner.contains("Find your country"));
    let compact = render_with(Options { layout: Layout::Compact, ..Options::default() }, Some("US"), Directory::default());
    assert!(compact.contains("Find your country") && !compact.contains("All countries"));
}
