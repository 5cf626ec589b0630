//! Partner options: good values are taken, bad ones warn (naming the option and value) and
//! keep the default.

use freedom_widget::core::is_country;
use freedom_widget::core::options::{Layout, Options, Section, Theme, Warning, DEFAULT_REPORT_URL};

fn parse(pairs: &[(&str, &str)]) -> (Options, Vec<Warning>) {
    Options::from_pairs(pairs.iter().copied(), is_country)
}

#[test]
fn attribute_names_script_tag_names_and_js_keys_all_work() {
    let (o, w) = parse(&[
        ("country", "th"),
        ("data-lang", "es"),
        ("fallbackCountry", "MX"),
        ("layout", "compact"),
        ("theme", "DARK"),
    ]);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.country.as_deref(), Some("TH"));
    assert_eq!(o.lang.as_deref(), Some("es"));
    assert_eq!(o.fallback_country.as_deref(), Some("MX"));
    assert_eq!(o.layout, Layout::Compact);
    assert_eq!(o.theme, Theme::Dark);
}

#[test]
fn sections_keep_the_partners_order() {
    let (o, w) = parse(&[("sections", "quotes, hotlines")]);
    assert!(w.is_empty());
    assert_eq!(o.sections, vec![Section::Quotes, Section::Hotlines]);
}

#[test]
fn bad_values_warn_and_fall_back() {
    let (o, w) = parse(&[
        ("layout", "wide"),
        ("theme", "pink"),
        ("country", "Narnia"),
        ("sections", "videos"),
        ("quick-exit", "maybe"),
        ("colour", "red"),
    ]);
    assert_eq!(o, Options::default());
    let said: Vec<String> = w.iter().map(ToString::to_string).collect();
    assert_eq!(said.len(), 6, "{said:#?}");
    assert!(said[0].contains("\"layout\"") && said[0].contains("\"wide\"") && said[0].contains("full"));
    assert!(said[2].contains("\"country\"") && said[2].contains("Narnia"));
    assert!(said[5].contains("\"colour\"") && said[5].contains("unknown option"));
}

#[test]
fn a_bad_section_is_skipped_and_the_good_ones_stay() {
    let (o, w) = parse(&[("sections", "explainer,videos,explainer")]);
    assert_eq!(o.sections, vec![Section::Explainer]);
    assert_eq!(w.len(), 1, "one warning for one bad value: {w:?}");
    assert!(w[0].to_string().contains("\"videos\" is not a section") && w[0].to_string().contains("listed twice"));
}

#[test]
fn urls_are_checked() {
    let (o, w) = parse(&[("report-url", "mailto:data@example.org"), ("quick-exit-url", "https://www.bbc.com/weather")]);
    assert!(w.is_empty());
    assert_eq!(o.report_url, "mailto:data@example.org");
    let (o, w) = parse(&[("report-url", "javascript:alert(1)"), ("quick-exit-url", "javascript:void(0)")]);
    assert_eq!(w.len(), 2);
    assert_eq!(o.report_url, DEFAULT_REPORT_URL);
}

#[test]
fn boolean_attributes() {
    assert_eq!(parse(&[("quick-exit", "")]).0.quick_exit, Some(true));
    assert_eq!(parse(&[("quickExit", "false")]).0.quick_exit, Some(false));
    assert!(parse(&[("host-fonts", "true")]).0.host_fonts);
}

/// A link to the standalone page (`/?…`), as its query hands the pairs over.
fn from_link(pairs: &[(&str, &str)]) -> (Options, Vec<Warning>) {
    Options::from_link(pairs.iter().copied(), is_country)
}

#[test]
fn a_link_to_the_page_chooses_only_the_country_the_language_and_the_look() {
    let (o, w) = from_link(&[("country", "mx"), ("lang", "es"), ("layout", "compact"), ("theme", "dark")]);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!((o.country.as_deref(), o.lang.as_deref()), (Some("MX"), Some("es")));
    assert_eq!((o.layout, o.theme), (Layout::Compact, Theme::Dark));
}

#[test]
fn a_crafted_link_cannot_move_quick_exit_reports_or_hide_the_lines() {
    // What a person controlling a visitor could send them: quick exit to their own site (to learn
    // when the visitor fled), reports to them, no quick exit, no hotline.
    let crafted = [
        ("country", "US"),
        ("quick-exit-url", "https://evil.example/landing"),
        ("quickExitUrl", "https://evil.example/landing"),
        ("report-url", "https://evil.example/report"),
        ("quick-exit", "false"),
        ("sections", "quotes"),
        ("second-source-only", "true"),
        ("hotlines-url", "/evil.json"),
        ("assets-url", "https://evil.example/"),
        ("fallback-country", "FR"),
    ];
    let (o, w) = from_link(&crafted);
    let defaults = Options::default();
    assert_eq!(o, Options { country: Some("US".into()), ..defaults }, "only the country is taken");
    assert_eq!(o.quick_exit_url, "https://www.wikipedia.org/");
    assert_eq!(o.report_url, DEFAULT_REPORT_URL);
    // One warning per ignored key, naming it and its value.
    assert_eq!(w.len(), crafted.len() - 1, "{w:?}");
    for (warning, (name, value)) in w.iter().zip(&crafted[1..]) {
        let said = warning.to_string();
        assert!(said.contains(&format!("option \"{name}\" = \"{value}\"")), "{said}");
        assert!(said.contains("a link to this page cannot set this; ignored"), "{said}");
    }
}

#[test]
fn report_url_takes_https_or_one_mail_address_with_at_most_a_subject() {
    for good in
        ["https://example.org/report", "mailto:data@example.org", "mailto:data@example.org?subject=Outdated%20number"]
    {
        let (o, w) = parse(&[("report-url", good)]);
        assert!(w.is_empty(), "{good}: {w:?}");
        assert_eq!(o.report_url, good);
    }
    for bad in [
        "http://example.org/report",
        "mailto:data@example.org?cc=watcher@example.net",
        "mailto:data@example.org?bcc=watcher@example.net",
        "mailto:data@example.org?body=I%20called",
        "mailto:data@example.org?subject=x&cc=watcher@example.net",
        "mailto:data@example.org,watcher@example.net",
        "mailto:data@example.org%2Cwatcher@example.net",
        "mailto:?to=data@example.org",
        "ftp://example.org/",
    ] {
        let (o, w) = parse(&[("report-url", bad)]);
        assert_eq!(o.report_url, DEFAULT_REPORT_URL, "{bad}");
        assert_eq!(w.len(), 1, "{bad}");
        assert!(w[0].to_string().contains("report-url") && w[0].to_string().contains("at most a subject"), "{}", w[0]);
    }
}

#[test]
fn switches_take_only_true_or_false() {
    for (name, value) in
        [("host-fonts", "yes"), ("host-fonts", "1"), ("quick-exit", "on"), ("second-source-only", "no")]
    {
        let (o, w) = parse(&[(name, value)]);
        assert_eq!(o, Options::default(), "{name}={value} keeps the default");
        assert_eq!(w.len(), 1, "{name}={value}");
        assert_eq!(
            w[0].to_string(),
            format!("freedom-widget: option \"{name}\" = \"{value}\": expected true or false; using the default")
        );
    }
    let (o, w) = parse(&[("host-fonts", "TRUE"), ("quick-exit", ""), ("second-source-only", "false")]);
    assert!(w.is_empty(), "{w:?}");
    assert!(o.host_fonts && o.quick_exit == Some(true) && !o.second_source_only);
}
