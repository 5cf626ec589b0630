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
