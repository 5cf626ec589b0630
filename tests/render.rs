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
    let detected = country.map(|c| (c.to_string(), ChosenBy::Option));
    let platform = PlatformRef(Rc::new(StaticPlatform));
    let props =
        AppProps::new(options, Rc::new(directory), builtin::quotes().to_vec().into(), detected, Lang::En, platform);
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

fn render(country: Option<&str>) -> String {
    render_with(Options::default(), country, Directory::default())
}

#[test]
fn us_entry_has_its_tel_link_sms_keyword_and_source() {
    let html = render(Some("US"));
    // An English sentence gives the name its article; the list shows the name as it is.
    assert!(html.contains("Hotlines in the United States"), "{html}");
    assert!(html.contains("Shown for the United States"));
    assert!(html.contains(r#"href="tel:+18883737888""#), "tel: link with E.164");
    assert!(html.contains("1-888-373-7888"), "the number as the source writes it");
    assert!(html.contains(r#"href="sms:233733?&amp;body=HELP""#), "SMS with a body both iOS and Android read");
    assert!(html.contains("https://humantraffickinghotline.org/en/report-trafficking"), "source link");
    assert!(html.contains("source checked 2026-11-25"));
    assert!(!html.to_lowercase().contains("verif"), "the date is when the source was read, not a check of the line");
    // The second, independent page, with its year and link.
    assert!(html.contains(
        r#"href="https://pbjlearning.com/2022/05/26/when-should-you-call-the-national-human-trafficking-hotline/""#
    ));
    assert!(html.contains("a second, independent page confirms this number (2022)"));
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
    assert!(th.contains("For: citizens abroad"), "the audience code, translated");
    let us = render(Some("US"));
    assert!(us.contains("Trafficking hotline"));
}

#[test]
fn a_country_without_a_line_gets_its_emergency_number_and_the_international_entries() {
    let html = render(Some("AF"));
    assert!(html.contains("We have no hotline listed for Afghanistan yet."));
    assert!(html.contains(r#"href="tel:119""#), "AF emergency number from the data");
    assert!(html.contains("Global Modern Slavery Directory"));
    assert!(html.contains("https://globalmodernslavery.org/"));
}

#[test]
fn a_country_with_neither_says_so() {
    let html = render(Some("AQ"));
    assert!(html.contains("We have no emergency number listed for Antarctica."));
    let panel =
        render_with(Options { layout: Layout::Compact, ..Options::default() }, Some("AQ"), Directory::default());
    assert!(!panel.contains("tel:"), "no invented number");
    assert!(html.contains("Global Modern Slavery Directory"));
}

#[test]
fn whatsapp_and_dial_only_numbers() {
    let mx = render(Some("MX"));
    assert!(mx.contains(r#"href="https://wa.me/528005533000""#));
    let ae = render(Some("AE"));
    assert!(ae.contains(r#"href="tel:8007283""#) && ae.contains("800SAVE"));
    assert!(ae.contains("Dial within the United Arab Emirates"));
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
            assert!(
                tag.contains(r#"rel="noopener noreferrer""#) && tag.contains(r#"referrerpolicy="no-referrer""#),
                "{tag}"
            );
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
    assert!(html.find("In their words").unwrap() < html.find("Hotlines in the United States").unwrap());
    assert!(!html.contains("The four Ps"));
    let banner =
        render_with(Options { layout: Layout::Banner, ..Options::default() }, Some("US"), Directory::default());
    assert!(banner.contains(r#"href="tel:+18883737888""#));
    assert!(
        !banner.contains("All countries")
            && !banner.contains("In their words")
            && !banner.contains("Find your country")
    );
    let compact =
        render_with(Options { layout: Layout::Compact, ..Options::default() }, Some("US"), Directory::default());
    assert!(compact.contains("Find your country") && !compact.contains("All countries"));
}

/// Names in the visitor's language come from the browser; here they are marked, so a test can
/// tell a name from a word the widget failed to translate.
struct MarkedNames;

impl freedom_widget::core::hours::ZoneRules for MarkedNames {
    fn wall_time(&self, _utc_ms: i64, _zone: &str) -> Option<freedom_widget::core::hours::WallTime> {
        None
    }
}

impl freedom_widget::core::platform::Platform for MarkedNames {
    fn country_name(&self, code: &str, _lang: Lang) -> String {
        format!("⟦{code}⟧")
    }
    fn language_name(&self, tag: &str, _lang: Lang) -> String {
        format!("⟦{tag}⟧")
    }
    fn date(&self, ymd: &str, _lang: Lang) -> String {
        ymd.to_string()
    }
    fn now_ms(&self) -> Option<i64> {
        None
    }
    fn visitor_zone(&self) -> Option<String> {
        None
    }
    fn weekday_time(&self, at: freedom_widget::core::hours::WallTime, _with_day: bool, _lang: Lang) -> String {
        at.hhmm()
    }
}

#[test]
fn a_country_from_the_pages_link_says_so_not_that_the_site_chose_it() {
    let options = Options { layout: Layout::Compact, sections: vec![Section::Hotlines], ..Options::default() };
    let props = |by: ChosenBy, lang: Lang| {
        AppProps::new(
            options.clone(),
            Rc::new(Directory::default()),
            builtin::quotes().to_vec().into(),
            Some(("MX".to_string(), by)),
            lang,
            PlatformRef(Rc::new(StaticPlatform)),
        )
    };
    let render =
        |by, lang| futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props(by, lang)).render());
    let linked = render(ChosenBy::Link, Lang::En);
    assert!(linked.contains("Shown for Mexico, from the link you opened."), "{linked}");
    assert!(!linked.contains("set by this website"));
    assert!(render(ChosenBy::Option, Lang::En).contains("Shown for Mexico, as set by this website."));
    // In the visitor's language.
    assert!(render(ChosenBy::Link, Lang::Es).contains("por el enlace que abriste"));
}

/// A country's panel alone (compact layout, hotlines only), in a language.
fn panel_in(lang: Lang, country: &str, options: Options) -> String {
    let options = Options { layout: Layout::Compact, sections: vec![Section::Hotlines], ..options };
    let detected = Some((country.to_string(), ChosenBy::Option));
    let platform = PlatformRef(Rc::new(MarkedNames));
    let props = AppProps::new(
        options,
        Rc::new(Directory::default()),
        builtin::quotes().to_vec().into(),
        detected,
        lang,
        platform,
    );
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

/// The text a visitor reads (text nodes and `aria-label`s), leaving out every element marked
/// `lang="en"` (notes the data holds only in English), with the data's own words in place.
fn visible_text_outside_english(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    // Names of open elements marked English, with their depth, so nested tags are skipped too.
    let mut skipping: Option<(String, usize)> = None;
    while let Some(lt) = rest.find('<') {
        if skipping.is_none() {
            out.push_str(&rest[..lt]);
            out.push(' ');
        }
        let gt = rest[lt..].find('>').map(|g| lt + g).expect("a closed tag");
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
        match &mut skipping {
            Some((open, depth)) if *open == name => {
                if tag.starts_with('/') {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                } else if !tag.ends_with('/') {
                    *depth += 1;
                }
            }
            Some(_) => {}
            None if tag.contains(r#"lang="en""#) && !tag.ends_with('/') => skipping = Some((name, 1)),
            None => {
                if let Some(label) = tag.split(r#"aria-label=""#).nth(1).and_then(|l| l.split('"').next()) {
                    out.push_str(label);
                    out.push(' ');
                }
            }
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
}

/// Words of the English interface, of the data's English fields and of the old labels: none
/// may reach a visitor reading another language, except the names and the notes marked English.
fn english_words(country: &str) -> std::collections::BTreeSet<String> {
    use freedom_widget::core::i18n::Key;
    let mut text: Vec<String> = Key::ALL.iter().map(|k| Lang::En.text(*k).to_string()).collect();
    for h in builtin::hotlines_of(country) {
        text.extend(
            h.audience
                .iter()
                .chain(&h.audience_note)
                .chain(&h.hours_text)
                .chain(&h.languages_note)
                .map(|t| t.to_string()),
        );
        text.extend(h.channels.iter().filter_map(|c| c.note.as_ref()).map(|t| t.to_string()));
        text.extend(h.channels.iter().flat_map(|c| c.flags.iter()).map(|f| f.replace('_', " ")));
        text.extend(h.audience_codes.iter().map(|c| c.replace('_', " ")));
    }
    text.push("verified Dial within For".into());
    text.iter()
        .flat_map(|t| t.split(|c: char| !c.is_ascii_alphabetic()).map(str::to_ascii_lowercase).collect::<Vec<_>>())
        .filter(|w| w.len() >= 3)
        .collect()
}

#[test]
fn us_fiji_and_iraq_read_in_every_language_with_english_only_in_names_and_marked_notes() {
    use freedom_widget::core::i18n::Key;
    for country in ["US", "FJ", "IQ"] {
        let english = english_words(country);
        for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
            let html = panel_in(lang, country, Options::default());
            let mut text = visible_text_outside_english(&html);
            // Names stay as they are (the line's, its operator's, a country's or a language's),
            // and so do numbers, addresses, links and the keyword to text.
            for h in builtin::hotlines_of(country) {
                // Names first: a name may hold the number ("… Helpline 1560").
                text = text.replace(&*h.name, " ").replace(&*h.organisation, " ");
                for c in h.channels.iter() {
                    for value in [&c.display, &c.address, &c.url, &c.body].into_iter().flatten() {
                        text = text.replace(&**value, " ");
                    }
                }
            }
            // Words the language itself uses (a brand such as WhatsApp, a loanword) are its own.
            let own: std::collections::BTreeSet<String> = Key::ALL
                .iter()
                .flat_map(|k| {
                    lang.text(*k)
                        .split(|c: char| !c.is_ascii_alphabetic())
                        .map(str::to_ascii_lowercase)
                        .collect::<Vec<_>>()
                })
                .collect();
            let untranslated: Vec<&str> = text
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| english.contains(&w.to_ascii_lowercase()) && !own.contains(&w.to_ascii_lowercase()))
                .collect();
            assert!(
                untranslated.is_empty(),
                "{country} in {}: untranslated English {untranslated:?} in\n{text}",
                lang.tag()
            );
            // What stays English is marked so, with its own direction.
            for note in
                builtin::hotlines_of(country).iter().flat_map(|h| h.channels.iter().filter_map(|c| c.note.as_deref()))
            {
                assert!(
                    html.contains(&format!(r#"<bdi dir="auto" lang="en">{note}</bdi>"#)),
                    "{country} {}: note {note:?} marked English",
                    lang.tag()
                );
            }
        }
    }
}

#[test]
fn codes_flags_area_and_provenance_are_shown_in_the_visitors_language() {
    let us = panel_in(Lang::Es, "US", Options::default());
    assert!(us.contains("gratuito, intérpretes"), "the phone's flags in Spanish");
    assert!(us.contains("fuente consultada el 2026-11-25"));
    assert!(us.contains("una segunda página independiente confirma este número (2022)"));
    assert!(us.contains(r#"<bdi dir="auto" lang="en">TTY/relay: dial 711</bdi>"#));
    let iq = panel_in(Lang::Ar, "IQ", Options::default());
    assert!(iq.contains("الناجون من العنف"), "the audience code in Arabic");
    assert!(iq.contains(r#"<bdi lang="en">Kurdistan Region</bdi>"#), "the area as the proper name it is");
    let fj = panel_in(Lang::Fr, "FJ", Options::default());
    assert!(fj.contains("Pour\u{a0}: enfants") && fj.contains("Pour\u{a0}: femmes"), "{fj}");
    // The source's own hours in English only where they say more than the translated schedule.
    let de = panel_in(Lang::Es, "DE", Options::default());
    assert!(!de.contains("Mon-Fri 09:00-15:00"), "a bare restatement of the hours is not repeated in English");
    let jp = panel_in(Lang::Es, "JP", Options::default());
    assert!(
        jp.contains("(lun–vie 09:30–18:15)")
            && jp.contains(r#"<bdi dir="auto" lang="en">Phone Mon-Fri 09:30-18:15; web form 24/7</bdi>"#),
        "{jp}"
    );
}

#[test]
fn a_partner_can_show_only_lines_a_second_page_confirms() {
    let only = Options { second_source_only: true, ..Options::default() };
    let all_us = panel_in(Lang::En, "US", Options::default());
    assert!(all_us.contains("tel:+18883737888"));
    assert!(panel_in(Lang::En, "US", only.clone()).contains("tel:+18883737888"), "the US line has a second source");
    // New Zealand: Crime Stoppers has a second page, the migrant-exploitation line rests on one.
    let nz = panel_in(Lang::En, "NZ", only.clone());
    assert!(nz.contains("0800 555 111") && !nz.contains("0800 20 00 88"), "{nz}");
    // Peru's one line rests on one page: the country shows what it has without it.
    assert!(panel_in(Lang::En, "PE", Options::default()).contains("tel:1818"));
    let pe = panel_in(Lang::En, "PE", only.clone());
    assert!(!pe.contains("1818"), "{pe}");
    assert!(pe.contains("We have no hotline listed for ⟦PE⟧ yet.") && pe.contains("Global Modern Slavery Directory"));
    assert!(pe.contains(r#"href="tel:105""#), "the emergency number stays");
    let every = Directory::default().with_second_source_only();
    for code in every.countries() {
        assert!(every.hotlines_in(code).iter().all(|h| h.second_source.is_some()), "{code}");
    }
}

#[test]
fn a_number_the_reference_no_longer_holds_is_shown_nowhere() {
    // New Zealand's migrant-exploitation line is 0800 20 00 88 (corrected in the reference).
    for html in [render(Some("NZ")), render(None)] {
        for old in ["0800 200 008", "0800200008", "+64800200008"] {
            assert!(!html.contains(old), "{old} on the page");
        }
    }
    assert!(render(Some("NZ")).contains("0800 20 00 88"));
    for h in builtin::hotlines() {
        for c in h.channels.iter() {
            assert_ne!(c.number(), Some("0800200008"), "{}", h.id);
        }
    }
    // `number()` gives the E.164 form first, so the old number could still hide in a line's
    // display or dial form, in an international entry or in an emergency row, and written
    // another way ("0800-200-008", "+64 800 200 008"): every form is compared by its digits.
    let digits = |form: &str| form.chars().filter(char::is_ascii_digit).collect::<String>();
    let old = ["0800200008", "64800200008"];
    let channels = builtin::hotlines()
        .iter()
        .flat_map(|h| h.channels.iter().map(move |c| (&*h.id, c)))
        .chain(builtin::international().iter().flat_map(|i| i.channels.iter().map(move |c| (&*i.id, c))));
    let mut forms = 0;
    for (id, c) in channels {
        for form in [&c.e164, &c.dial, &c.display].into_iter().flatten() {
            forms += 1;
            assert!(!old.contains(&digits(form).as_str()), "{id}: {form:?} is the number the reference dropped");
        }
    }
    assert!(forms > builtin::hotlines().len(), "only {forms} forms compared");
    for e in builtin::emergency() {
        for number in std::iter::once(&e.number).chain(e.also.iter()) {
            assert!(!old.contains(&digits(number).as_str()), "emergency {}: {number:?}", e.country);
        }
    }
}

/// The README's data counts are the data's, not typed by hand.
#[test]
fn the_readme_counts_come_from_the_data() {
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("data/hotlines.json").unwrap()).unwrap();
    let hotlines = data["hotlines"].as_array().unwrap();
    let countries: std::collections::BTreeSet<&str> = hotlines.iter().filter_map(|h| h["country"].as_str()).collect();
    let trafficking = hotlines.iter().filter(|h| h["scope"] == "trafficking").count();
    let second = hotlines.iter().filter(|h| h.get("second_source").is_some()).count();
    let sentence = format!(
        "{} hotlines in {} countries ({trafficking} trafficking-specific, {} general), {} emergency numbers, {} international entry; {second} hotlines have a second, independent source",
        hotlines.len(),
        countries.len(),
        hotlines.len() - trafficking,
        data["emergency"].as_array().unwrap().len(),
        data["international"].as_array().unwrap().len(),
    );
    let readme = std::fs::read_to_string("README.md").unwrap().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(readme.contains(&sentence), "README.md should say: {sentence}");
    let without: Vec<&str> = builtin::countries().iter().map(|c| c.code).filter(|c| !countries.contains(c)).collect();
    let emergency_only = without.iter().filter(|c| builtin::emergency_of(c).is_some()).count();
    let sentence = format!("{} of the {} countries and territories the widget knows have no line: {emergency_only} of them show their emergency number", without.len(), builtin::countries().len());
    assert!(readme.contains(&sentence), "README.md should say: {sentence}");
}

/// The standalone page at `/`, as the build prerenders it (`src/bin/prerender.rs`).
fn render_standalone_page() -> String {
    use freedom_widget::components::app::PageState;
    let platform = PlatformRef(Rc::new(StaticPlatform));
    let options = Options { quick_exit: Some(true), ..Options::page_defaults() };
    let mut props = AppProps::new(
        options,
        Rc::new(Directory::default()),
        builtin::quotes().to_vec().into(),
        None,
        Lang::En,
        platform,
    );
    props.page = Some(PageState { hydrating: true, ..PageState::default() });
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

#[test]
fn at_the_standalone_page_each_countrys_name_leads_to_its_own_page() {
    // Without a script a button does nothing: at `/` the name is a link to the country's page
    // (in the page's language), which a script turns into showing the country in place, or
    // plain text where there is nothing to show.
    use freedom_widget::core::country_page;
    let html = render_standalone_page();
    let rows: Vec<&str> = html.split(r#"<li data-country=""#).skip(1).collect();
    assert!(rows.len() > 150, "{} rows", rows.len());
    let (mut links, mut texts) = (0, 0);
    for row in &rows {
        let code = &row[..2];
        let name = &row[row.find('>').unwrap() + 1..];
        if country_page::is_built(code) {
            let href = format!(r#"href="{}/""#, code.to_ascii_lowercase());
            let href_en = format!(r#"href="{}/en/""#, code.to_ascii_lowercase());
            assert!(name.starts_with("<a "), "{code}: {}", name.chars().take(80).collect::<String>());
            let tag = &name[..name.find('>').unwrap()];
            assert!(tag.contains(&href) || tag.contains(&href_en), "{code}: {tag}");
            links += 1;
        } else if country_page::countries_with_pages().contains(&code) {
            // A page the build was told not to write: the button, which needs a script.
            assert!(
                name.starts_with(r#"<button type="button""#),
                "{code}: {}",
                name.chars().take(80).collect::<String>()
            );
        } else {
            // Nothing to show (no line, no emergency number): no control, the row says so.
            assert!(
                name.starts_with(r#"<span class="country-name">"#),
                "{code}: {}",
                name.chars().take(80).collect::<String>()
            );
            texts += 1;
        }
    }
    assert!(texts > 0);
    assert_eq!(links, country_page::built().unwrap().len(), "a link for each country whose page the build writes");
    // (With FW_COUNTRY_PAGES unset, as the test command builds, those are Mexico's and Britain's.)
    let mexico = rows.iter().find(|r| r.starts_with("MX")).unwrap();
    assert_eq!(
        mexico.contains(r#"href="mx/en/""#),
        country_page::is_built("MX"),
        "Mexico's page in English, the page's language"
    );
    let britain = rows.iter().find(|r| r.starts_with("GB")).unwrap();
    assert_eq!(britain.contains(r#"href="gb/""#), country_page::is_built("GB"), "English is Britain's page's own");
    // An embed's list (no page of its own to link to) keeps its buttons.
    let embed = render_with(Options { layout: Layout::Full, ..Options::default() }, None, Directory::default());
    let names: Vec<&str> =
        embed.split(r#"<li data-country=""#).skip(1).map(|row| &row[row.find('>').unwrap() + 1..]).collect();
    assert!(names.len() > 150 && names.iter().all(|name| name.starts_with(r#"<button type="button""#)));
}
