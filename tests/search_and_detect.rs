//! Finding a country by what a visitor types, and choosing the country to show first.

use freedom_widget::core::builtin::countries;
use freedom_widget::core::detect::{detect, region_of, ChosenBy, Clues};
use freedom_widget::core::search::{fold, search, SearchEntry};
use freedom_widget::core::{is_country, zone_country};

/// The index as the widget builds it, with the given localized names (English elsewhere).
fn index(localized: &[(&str, &str)]) -> Vec<SearchEntry> {
    countries()
        .iter()
        .map(|c| {
            let shown = localized.iter().find(|(code, _)| *code == c.code).map_or(c.name, |(_, n)| n);
            let mut other = vec![c.name];
            other.extend(c.aliases());
            SearchEntry::new(c.code, shown.to_string(), &other)
        })
        .collect()
}

fn first(entries: &[SearchEntry], q: &str) -> &'static str {
    search(entries, q, None).first().map(|e| e.code).unwrap_or("none")
}

#[test]
fn folding_ignores_case_accents_and_punctuation() {
    assert_eq!(fold("Côte d’Ivoire"), "cote d ivoire");
    assert_eq!(fold("COTE D'IVOIRE"), "cote d ivoire");
    assert_eq!(fold("México"), "mexico");
    assert_eq!(fold("São Tomé & Príncipe"), "sao tome principe");
    assert_eq!(fold("Việt Nam"), "viet nam");
    assert_eq!(fold("Türkiye"), "turkiye");
}

#[test]
fn accents_and_case_do_not_matter() {
    let es = index(&[("MX", "México"), ("CI", "Côte d’Ivoire")]);
    assert_eq!(first(&es, "mexico"), "MX");
    assert_eq!(first(&es, "MÉXICO"), "MX");
    assert_eq!(first(&es, "cote"), "CI");
    assert_eq!(first(&es, "côte d'ivoire"), "CI");
}

#[test]
fn english_names_codes_and_aliases() {
    let en = index(&[]);
    for (q, code) in [
        ("USA", "US"),
        ("us", "US"),
        ("United States", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("great britain", "GB"),
        ("Ivory Coast", "CI"),
        ("Burma", "MM"),
        ("holland", "NL"),
        ("th", "TH"),
        ("Türkiye", "TR"),
        ("turkey", "TR"),
    ] {
        assert_eq!(first(&en, q), code, "searching {q:?}");
    }
}

#[test]
fn localized_name_in_another_script() {
    let ja = index(&[("JP", "日本"), ("TH", "タイ")]);
    assert_eq!(first(&ja, "日本"), "JP");
    assert_eq!(first(&ja, "japan"), "JP", "the English name still matches");
}

#[test]
fn typing_narrows_and_no_match_is_empty() {
    let en = index(&[]);
    let a = search(&en, "a", None).len();
    let al = search(&en, "alb", None).len();
    assert!(a > al && al >= 1);
    assert!(search(&en, "zzzz", None).is_empty());
}

#[test]
fn empty_query_lists_every_country_with_the_selected_one_first() {
    let en = index(&[]);
    let all = search(&en, "", Some("TH"));
    assert_eq!(all.len(), countries().len());
    assert_eq!(all[0].code, "TH");
}

#[test]
fn region_from_language_tags() {
    assert_eq!(region_of("es-MX").as_deref(), Some("MX"));
    assert_eq!(region_of("zh-Hant-TW").as_deref(), Some("TW"));
    assert_eq!(region_of("pt_br").as_deref(), Some("BR"));
    assert_eq!(region_of("es-419"), None);
    assert_eq!(region_of("fr"), None);
}

fn run(
    option: Option<&str>,
    languages: &[&str],
    zone: Option<&str>,
    fallback: Option<&str>,
) -> Option<(String, ChosenBy)> {
    let languages: Vec<String> = languages.iter().map(|s| s.to_string()).collect();
    detect(&Clues { option, languages: &languages, time_zone: zone, fallback }, is_country, zone_country)
}

#[test]
fn detection_order_option_language_zone_fallback_none() {
    assert_eq!(run(Some("th"), &["es-MX"], Some("Asia/Tokyo"), None), Some(("TH".into(), ChosenBy::Option)));
    assert_eq!(
        run(None, &["es-MX"], Some("Asia/Tokyo"), None),
        Some(("MX".into(), ChosenBy::Language("es-MX".into())))
    );
    assert_eq!(run(None, &["es", "fr-CA"], None, None), Some(("CA".into(), ChosenBy::Language("fr-CA".into()))));
    assert_eq!(
        run(None, &["es-419", "en"], Some("Asia/Tokyo"), None),
        Some(("JP".into(), ChosenBy::TimeZone("Asia/Tokyo".into())))
    );
    assert_eq!(run(None, &["en"], Some("Etc/UTC"), Some("GB")), Some(("GB".into(), ChosenBy::Fallback)));
    assert_eq!(run(None, &["en"], None, None), None);
    // An unknown option is not a country: detection goes on.
    assert_eq!(run(Some("QQ"), &["de-DE"], None, None), Some(("DE".into(), ChosenBy::Language("de-DE".into()))));
}

#[test]
fn time_zone_table() {
    for (zone, code) in [
        ("America/Mexico_City", "MX"),
        ("Asia/Tokyo", "JP"),
        ("Asia/Calcutta", "IN"),
        ("Asia/Kolkata", "IN"),
        ("Asia/Saigon", "VN"),
        ("Europe/Kiev", "UA"),
        ("Europe/Kyiv", "UA"),
        ("America/New_York", "US"),
        ("Europe/London", "GB"),
        ("Asia/Manila", "PH"),
        ("Europe/Berlin", "DE"),
        ("Pacific/Truk", "FM"),
    ] {
        assert_eq!(zone_country(zone), Some(code), "{zone}");
    }
    assert_eq!(zone_country("Etc/UTC"), None);
    // Every zone maps to a country the widget knows.
    for (zone, code) in freedom_widget::core::builtin::time_zones() {
        assert!(is_country(code), "{zone} → {code}");
    }
}

#[test]
fn a_picked_country_whose_lines_could_not_be_had_gives_way_to_the_one_shown() {
    use freedom_widget::components::state::{Action, WidgetState};
    use std::rc::Rc;
    use yew::Reducible;
    let shown = Some(("US".to_string(), ChosenBy::Option));
    let picked = Rc::new(WidgetState { country: shown.clone(), unavailable: None }).reduce(Action::Choose("MX".into()));
    // Mexico's file failed: the finder goes back to the country still shown...
    let back = picked.clone().reduce(Action::Unavailable { country: "MX".into(), shown: shown.clone() });
    assert_eq!(back.country, shown);
    assert_eq!(back.unavailable.as_deref(), Some("MX"), "the finder says Mexico could not be had");
    // ...so picking Mexico again is a change, and its file is asked for again.
    let again = back.reduce(Action::Choose("MX".into()));
    assert_eq!(again.country, Some(("MX".to_string(), ChosenBy::Visitor)));
    assert_eq!(again.unavailable, None, "nothing more to say once chosen again");
    // A failure arriving after the visitor chose yet another country changes nothing.
    let france = picked.reduce(Action::Choose("FR".into()));
    let late = france.clone().reduce(Action::Unavailable { country: "MX".into(), shown });
    assert_eq!(late.country, france.country);
    assert_eq!(late.unavailable, None);
}

/// The search's own lower case (`search::lower_case`, which spares the wasm Rust's Unicode case
/// table) agrees with Rust's `char::to_lowercase` on every letter of Latin (Basic, Latin-1,
/// Extended-A, Extended-B, Extended Additional), Greek and Cyrillic; "İ" lowers to "i" (Rust's
/// "i̇" without its combining dot, which the folding drops anyway).
#[test]
fn lower_case_agrees_with_rusts_over_the_scripts_names_are_written_in() {
    use freedom_widget::core::search::lower_case;
    let ranges = [0..=0x24fu32, 0x370..=0x52f, 0x1e00..=0x1eff];
    let mut differ = Vec::new();
    for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
        let rust: Vec<char> = c.to_lowercase().collect();
        let expected = if c == 'İ' {
            'i'
        } else if rust.len() == 1 {
            rust[0]
        } else {
            continue;
        };
        if lower_case(c) != expected {
            differ.push(format!("U+{:04X}", c as u32));
        }
    }
    assert_eq!(differ, Vec::<String>::new());
}

/// The search's own word breaks (`search::is_separator`) never break at a letter or digit that
/// Rust calls alphanumeric, in any script the widget speaks or a name is written in, and agree
/// with it on every ASCII character. Marks that write a vowel or a tone stay in their word.
#[test]
fn word_breaks_keep_every_letter_and_digit_and_fold_every_script() {
    use freedom_widget::core::search::is_separator;
    let scripts = [
        0..=0x52fu32,    // Latin, Greek, Cyrillic
        0x600..=0x6ff,   // Arabic
        0x900..=0x97f,   // Devanagari
        0xe00..=0xe7f,   // Thai
        0x1200..=0x139f, // Ethiopic
        0x1e00..=0x1eff, // Latin Extended Additional
        0x4e00..=0x9fff, // CJK
    ];
    for c in scripts.into_iter().flatten().filter_map(char::from_u32) {
        if c.is_alphanumeric() || c.is_ascii() {
            assert_eq!(is_separator(c), !c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
        }
    }
    assert_eq!(fold("МЕКСИКА"), "мексика");
    assert_eq!(fold("Ελλάδα"), "ελλάδα");
    // Thai's Mexico, with its vowel and tone marks, is one word; so is Hindi's India.
    assert_eq!(fold("เม็กซิโก"), "เม็กซิโก");
    assert_eq!(fold("भारत।"), "भारत");
    assert_eq!(fold("ÉTATS-UNIS"), "etats unis");
    assert_eq!(fold("Eswatini (Swaziland)"), "eswatini swaziland");
    // Emoji, flags and signs separate words, as punctuation does.
    assert_eq!(fold("🇲🇽 Mexico"), "mexico");
    assert_eq!(fold("Trinidad → Tobago"), "trinidad tobago");
}
