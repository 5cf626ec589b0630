//! The poster, natively: the right lines for the country, in the chosen language, on one page,
//! with nothing anyone typed able to become markup.

use freedom_poster::{main_line, main_line_json, poster, widest_line_mm, PosterRequest, HEIGHT, WIDTH};
use freedom_widget::core::json::{self, string_literal, Json};
use freedom_widget::core::{builtin, i18n::Lang};

fn request(country: &str, lang: &str) -> PosterRequest {
    PosterRequest {
        country: country.into(),
        lang: lang.into(),
        lang_chosen: true,
        country_name: String::new(),
        page_url: "https://help.example.org/fw/".into(),
        country_pages: false,
        language_names: vec![("es".into(), "español".into())],
    }
}

/// Every piece of text on the poster, as a reader would see it.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the poster is well-formed XML");
    doc.descendants().filter(|n| n.has_tag_name("text")).map(|n| n.text().unwrap_or_default().to_string()).collect()
}

#[test]
fn mexico_in_spanish_shows_its_lines_numbers_and_sources() {
    let mut req = request("MX", "es");
    req.country_name = "México".into();
    let p = poster(&req).unwrap();
    assert_eq!(p.lang, "es");
    assert_eq!(p.link, "https://help.example.org/fw/?country=MX&lang=es");
    let all = texts(&p.svg).join("\n");
    assert!(all.contains("Líneas de ayuda en México") || all.contains("México"), "{all}");
    let lines: Vec<_> = builtin::hotlines().iter().filter(|h| h.country == "MX").collect();
    assert!(!lines.is_empty());
    for line in lines.iter().take(3) {
        for channel in line.channels.iter() {
            if let Some(display) = channel.display.as_deref() {
                assert!(all.contains(display), "{display} missing from the poster:\n{all}");
            }
        }
        assert!(all.contains(&*line.source_url) && all.contains(&*line.checked), "source and date in small print");
    }
    assert!(p.svg.contains(r#"class="qr""#));
    assert!(all.contains("Prevención") || all.contains("prevención"), "the four Ps in Spanish:\n{all}");
}

#[test]
fn the_qr_code_opens_the_countrys_own_page_in_the_posters_language() {
    let mut req = request("MX", "es");
    req.country_pages = true;
    assert_eq!(poster(&req).unwrap().link, "https://help.example.org/fw/mx/");
    req.lang = "en".into();
    assert_eq!(poster(&req).unwrap().link, "https://help.example.org/fw/mx/en/");
    // The poster's language, chosen or not: its reader reads it.
    req.lang_chosen = false;
    req.lang = "fr-CA en".into();
    assert_eq!(poster(&req).unwrap().link, "https://help.example.org/fw/mx/fr/");
}

#[test]
fn without_country_pages_the_qr_code_leaves_the_language_to_each_visitor_unless_the_partner_chose_one() {
    let mut req = request("MX", "es-MX en");
    req.lang_chosen = false;
    let p = poster(&req).unwrap();
    assert_eq!(p.lang, "es", "the poster itself is in the partner's language");
    assert_eq!(p.link, "https://help.example.org/fw/?country=MX");
}

#[test]
fn a_country_without_a_line_gets_its_emergency_number_and_help_from_anywhere() {
    let with_lines: Vec<&str> = builtin::hotlines().iter().map(|h| &*h.country).collect();
    let e = builtin::emergency()
        .iter()
        .find(|e| !with_lines.contains(&&*e.country))
        .expect("a country with only an emergency number");
    let p = poster(&request(&e.country, "en")).unwrap();
    let all = texts(&p.svg).join("\n");
    assert!(all.contains("We have no hotline listed for"), "{all}");
    assert!(!all.to_lowercase().contains("verif"), "{all}");
    assert!(all.contains(&format!("Emergency number: {}", e.number)), "{all}");
    assert!(all.contains("Help from anywhere"), "{all}");
}

#[test]
fn what_the_page_passes_in_is_text_never_markup() {
    let mut req = request("MX", "en");
    req.country_name = r#"<script>alert(1)</script><a href="x">"#.into();
    let p = poster(&req).unwrap();
    assert!(!p.svg.contains("<script") && !p.svg.contains("<a "));
    assert!(texts(&p.svg).iter().any(|t| t.contains("<script>alert(1)</script>")), "shown as the text it is");
}

#[test]
fn an_unknown_country_is_refused_by_name() {
    let err = poster(&request("ZZ", "en")).unwrap_err();
    assert!(err.contains("ZZ"), "{err}");
}

#[test]
fn arabic_reads_right_to_left() {
    let p = poster(&request("MX", "ar")).unwrap();
    assert!(p.svg.contains(r#"direction="rtl""#) && p.svg.contains(r#"lang="ar""#));
}

#[test]
fn every_country_in_every_language_fits_one_page() {
    let countries: Vec<&str> = builtin::countries()
        .iter()
        .map(|c| c.code)
        .filter(|c| {
            builtin::hotlines().iter().any(|h| h.country == *c) || builtin::emergency().iter().any(|e| e.country == *c)
        })
        .collect();
    assert!(countries.len() > 100);
    for lang in Lang::ALL {
        for country in &countries {
            let p = poster(&request(country, lang.tag())).unwrap();
            assert!(p.bottom <= HEIGHT - 10.0, "{country}/{}: ends at {} mm", lang.tag(), p.bottom);
            let widest = widest_line_mm(&p.svg);
            assert!(widest <= WIDTH - 20.0 + 0.1, "{country}/{}: a line is {widest} mm wide", lang.tag());
            assert!(p.scale >= 0.6, "{country}/{}: type shrunk to {}", lang.tag(), p.scale);
            texts(&p.svg);
        }
    }
}

#[test]
fn every_poster_string_is_used() {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/lib.rs")).unwrap();
    for key in freedom_poster::strings::Key::ALL {
        let name: String = key.id().split('-').map(|p| p[..1].to_uppercase() + &p[1..]).collect();
        assert!(source.contains(&format!("P::{name}")), "poster/i18n key {} is not used", key.id());
    }
}

#[test]
fn the_poster_speaks_the_widgets_translations_and_marks_what_stays_english() {
    let p = poster(&request("US", "es")).unwrap();
    // Lines joined as they were before wrapping.
    let all = texts(&p.svg).join(" ");
    assert!(all.contains("gratuito, intérpretes"), "the channel's flags in Spanish:\n{all}");
    assert!(all.contains("fuente consultada el 2026-11-25"), "{all}");
    assert!(all.contains("una segunda página independiente confirma este número (2022)"), "{all}");
    assert!(!all.contains("verified") && !all.contains("For:"), "{all}");
    assert!(p.svg.contains(r#"lang="en">TTY/relay: dial 711</text>"#), "the English note is marked English");
    let iq = texts(&poster(&request("IQ", "ar")).unwrap().svg).join("\n");
    assert!(iq.contains("الناجون من العنف") && iq.contains("Kurdistan Region"), "{iq}");
}

#[test]
fn a_number_the_reference_no_longer_holds_is_on_no_poster() {
    for lang in Lang::ALL {
        let p = poster(&request("NZ", lang.tag())).unwrap();
        for old in ["0800 200 008", "0800200008", "+64800200008"] {
            assert!(!p.svg.contains(old), "{old} on the NZ poster in {}", lang.tag());
        }
        assert!(texts(&p.svg).join("\n").contains("0800 20 00 88"), "the corrected number, in {}", lang.tag());
    }
}

#[test]
fn the_small_print_says_the_date_of_its_data() {
    let date = freedom_widget::core::builtin::data_checked();
    let p = poster(&request("MX", "en")).unwrap();
    assert!(p.svg.contains(&format!("Hotline data of {date}.")), "{}", p.svg);
    let p = poster(&request("MX", "es")).unwrap();
    assert!(p.svg.contains(&format!("Datos de las líneas de ayuda del {date}.")));
}

/// A field of a JSON object, as the project's JSON reader gives it.
fn field<'a>(object: &'a Json, name: &str) -> &'a Json {
    let Json::Object(fields) = object else { panic!("not an object: {object:?}") };
    &fields.iter().find(|(k, _)| k == name).unwrap_or_else(|| panic!("no field {name}")).1
}

fn string(value: &Json) -> &str {
    match value {
        Json::String(s) => s,
        other => panic!("not a string: {other:?}"),
    }
}

#[test]
fn the_snippets_main_line_is_the_first_line_with_a_phone_number_in_the_data_file() {
    // Read from data/hotlines.json itself, not through the code under test.
    let file = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/hotlines.json")).unwrap();
    let data = json::parse_bytes(&file).unwrap();
    let Json::Array(rows) = field(&data, "hotlines") else { panic!("hotlines is an array") };
    let mexico = rows
        .iter()
        .filter(|h| string(field(h, "country")) == "MX")
        .find_map(|h| {
            let Json::Array(channels) = field(h, "channels") else { return None };
            let phone = channels.iter().find(|c| string(field(c, "kind")) == "phone")?;
            Some((string(field(h, "name")).to_string(), string(field(phone, "e164")).to_string()))
        })
        .expect("Mexico has a line with a phone number");
    let line = main_line("MX", false).unwrap();
    assert_eq!(line.name.as_deref(), Some(mexico.0.as_str()));
    assert_eq!(line.number, mexico.1);
    assert_eq!(line.href, format!("tel:{}", mexico.1));
    assert_eq!(line.data_date, string(field(&data, "checked")));

    let json = json::parse(&main_line_json("mx", "es", false).unwrap()).unwrap();
    assert_eq!(string(field(&json, "country")), "MX");
    assert_eq!(string(field(&json, "kind")), "line");
    assert_eq!(string(field(&json, "label")), mexico.0);
    assert_eq!(string(field(&json, "href")), format!("tel:{}", mexico.1));
    assert_eq!(string(field(&json, "display")), line.display);
    assert_eq!(string(field(&json, "dataDate")), line.data_date);
    assert_eq!(string(field(&json, "dataDateText")), format!("Datos de las líneas de ayuda del {}.", line.data_date));
    assert_eq!(string(field(&json, "lang")), "es");
}

#[test]
fn without_a_line_the_snippets_number_is_the_emergency_number() {
    let with_lines: Vec<&str> = builtin::hotlines().iter().map(|h| &*h.country).collect();
    let e = builtin::emergency()
        .iter()
        .find(|e| !with_lines.contains(&&*e.country))
        .expect("a country with only an emergency number");
    let line = main_line(&e.country, false).unwrap();
    assert_eq!((line.name, line.number.as_str(), line.display.as_str()), (None, &*e.number, &*e.number));
    let json = json::parse(&main_line_json(&e.country, "en", false).unwrap()).unwrap();
    assert_eq!(field(&json, "name"), &Json::Null);
    assert_eq!(string(field(&json, "kind")), "emergency");
    assert_eq!(string(field(&json, "label")), "Emergency");
    assert_eq!(string(field(&json, "dataDateText")), format!("Hotline data of {}.", builtin::data_checked()));
    let ar = json::parse(&main_line_json(&e.country, "ar", false).unwrap()).unwrap();
    assert_eq!(string(field(&ar, "dir")), "rtl");
    // Peru's line rests on one page: with second-source-only, as in the widget, its emergency number.
    assert!(main_line("PE", false).unwrap().name.is_some());
    let peru = main_line("PE", true).unwrap();
    assert_eq!((peru.name, peru.href.as_str()), (None, "tel:105"));
}

#[test]
fn every_countrys_main_line_dials_what_the_widget_dials() {
    for country in builtin::countries() {
        let Some(line) = main_line(country.code, false) else {
            assert!(builtin::emergency_of(country.code).is_none(), "{}", country.code);
            assert_eq!(main_line_json(country.code, "en", false).unwrap(), "null");
            continue;
        };
        assert_eq!(line.href, format!("tel:{}", line.number.replace('#', "%23")), "{}", country.code);
        assert!(!line.href.contains('#') && !line.display.is_empty(), "{}", country.code);
        assert!(json::parse(&main_line_json(country.code, "zh-Hans", false).unwrap()).is_ok(), "{}", country.code);
    }
    assert!(main_line_json("M1", "en", false).unwrap_err().contains("unknown country"));
}

#[test]
fn json_strings_hold_any_text() {
    let text = "\"quoted\" back\\slash\n\u{1}tab\t</script> ünï";
    assert_eq!(json::parse(&string_literal(text)).unwrap(), Json::String(text.into()));
}
