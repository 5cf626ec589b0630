//! Strings: every key is used by the code, placeholders are filled, languages negotiate.

use freedom_widget::core::i18n::{format, Key, Lang};

fn camel(id: &str) -> String {
    id.split('-').map(|p| p[..1].to_uppercase() + &p[1..]).collect()
}

fn all_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut s = String::new();
    walk(std::path::Path::new("src"), &mut s);
    s
}

#[test]
fn every_key_is_used() {
    let src = all_sources();
    let unused: Vec<&str> =
        Key::ALL.iter().map(|k| k.id()).filter(|id| !src.contains(&format!("Key::{}", camel(id)))).collect();
    assert!(unused.is_empty(), "keys in i18n/en.ftl that no code uses: {unused:?}");
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(format(Lang::En, Key::DirectoryHeading, &[("country", "Mexico")]), "Hotlines in Mexico");
    assert_eq!(format(Lang::En, Key::QuotePosition, &[("n", "2"), ("total", "3")]), "Quote 2 of 3");
    // No English text keeps a placeholder once its values are given.
    for k in Key::ALL {
        let text = Lang::En.text(k);
        assert!(!text.trim().is_empty(), "{} is empty", k.id());
    }
    // In no language: each message is given a value for every placeholder English names, and
    // what a visitor reads holds every value and no `{ $…}` left over (written with or
    // without Fluent's spaces, which `format` would not recognise).
    for k in Key::ALL {
        let names = placeholder_names(Lang::En.text(k));
        let values: Vec<String> = names.iter().map(|n| format!("⟨{n}⟩")).collect();
        let args: Vec<(&str, &str)> = names.iter().zip(&values).map(|(n, v)| (*n, v.as_str())).collect();
        for lang in Lang::ALL {
            let shown = format(lang, k, &args);
            assert!(!shown.contains("{ $") && !shown.contains("{$"), "{} in {}: {shown}", k.id(), lang.tag());
            for v in &values {
                assert!(shown.contains(v.as_str()), "{} in {}: {v} missing from {shown}", k.id(), lang.tag());
            }
        }
    }
}

/// The names of a message's placeholders, `{ $name }` or `{$name}`.
fn placeholder_names(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for (i, _) in text.match_indices('{') {
        let rest = text[i + 1..].trim_start();
        if let Some(name) = rest.strip_prefix('$') {
            let end = name.find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).unwrap_or(name.len());
            names.push(&name[..end]);
        }
    }
    names
}

#[test]
fn language_negotiation() {
    assert_eq!(Lang::negotiate(["en-GB"]), Lang::En);
    assert_eq!(Lang::negotiate(["xx", "en"]), Lang::En);
    assert_eq!(Lang::negotiate(std::iter::empty()), Lang::En);
    // English is also the fallback, so the cases above pass if negotiation picks nothing: these
    // must find another language, by its region-less tag, through an unknown first choice, and
    // for Tagalog, which the widget answers in Filipino.
    assert_eq!(Lang::negotiate(["es-MX"]), Lang::Es);
    assert_eq!(Lang::negotiate(["fil-PH"]), Lang::Fil);
    assert_eq!(Lang::negotiate(["tl"]), Lang::Fil);
    assert_eq!(Lang::negotiate(["pt-BR"]), Lang::Pt);
    assert_eq!(Lang::negotiate(["xx", "PT_br", "es"]), Lang::Pt, "the first language the widget speaks wins");
    assert_eq!(Lang::negotiate(["zh-Hans"]), Lang::ZhHans, "a tag with a script is matched whole");
}

#[test]
fn a_language_file_is_all_or_nothing() {
    use freedom_widget::core::i18n::install_json;
    assert!(install_json(Lang::Es, "{}").unwrap_err().contains("no text for"));
    assert!(install_json(Lang::Es, "[1]").is_err());
    assert!(install_json(Lang::Es, "not json").is_err());
    let every: Vec<String> = Key::ALL.iter().map(|k| format!("{:?}: \"x\"", k.id())).collect();
    assert_eq!(install_json(Lang::Es, &format!("{{{}}}", every.join(","))), Ok(()));
}

/// What a line's entry says of itself (who it is for, its channels' flags, its days, its
/// provenance) is written in each language, not left in English: only where the word is the
/// same in that language (French "police").
#[test]
fn codes_flags_days_and_provenance_are_translated_in_every_language() {
    const SAME_WORD: [(&str, &str); 1] = [("fr", "flag-police")];
    for lang in Lang::ALL.into_iter().filter(|l| *l != Lang::En) {
        for key in Key::ALL {
            let id = key.id();
            let entry = ["audience", "flag-", "day-", "source-checked", "second-source", "no-line", "emergency-none"];
            if !entry.iter().any(|p| id.starts_with(p)) || SAME_WORD.contains(&(lang.tag(), id)) {
                continue;
            }
            assert_ne!(lang.text(key), Lang::En.text(key), "{id} in {} is the English text", lang.tag());
        }
    }
}

/// The data's closed lists each have their message (build.rs checks English; this names them).
#[test]
fn every_audience_code_and_channel_flag_has_a_message() {
    use freedom_widget::core::data::{AUDIENCE_CODES, CHANNEL_FLAGS};
    use freedom_widget::core::i18n::{audience_key, flag_key};
    for code in AUDIENCE_CODES {
        assert_eq!(
            audience_key(code).map(|k| k.id().to_string()),
            Some(format!("audience-{}", code.replace('_', "-")))
        );
    }
    for flag in CHANNEL_FLAGS {
        assert_eq!(flag_key(flag).map(|k| k.id().to_string()), Some(format!("flag-{}", flag.replace('_', "-"))));
    }
    assert_eq!(audience_key("kids"), None);
}

#[test]
fn nothing_a_visitor_reads_says_verified() {
    // "source checked": the date is when the source page was read, not a check of the line.
    for key in Key::ALL {
        assert!(!Lang::En.text(key).to_lowercase().contains("verif"), "{}", key.id());
    }
    // What each language said before ("verificado", "проверено", "核实"…), in the messages that
    // speak of the data. (Portuguese "verificar" elsewhere is a company checking its suppliers.)
    const VERIFIED: [&str; 12] = [
        "verif",
        "vérifi",
        "провер",
        "перевір",
        "核实",
        "ผ่านการตรวจสอบ",
        "ตรวจสอบเมื่อ",
        "xác minh",
        "beripik",
        "सत्यापित",
        "التحقق",
        "موثوق",
    ];
    let about_data = [Key::SourceChecked, Key::SecondSource, Key::SecondSourceUndated, Key::NoLine, Key::EmergencyNone];
    for lang in Lang::ALL {
        for key in about_data {
            let text = lang.text(key).to_lowercase();
            assert!(!VERIFIED.iter().any(|v| text.contains(v)), "{} in {}: {text}", key.id(), lang.tag());
        }
    }
    for file in ["index.html", "partners/index.html"] {
        let text = std::fs::read_to_string(file).unwrap().to_lowercase();
        assert!(!text.contains("verif"), "{file} says verified");
    }
}

#[test]
fn an_english_sentence_gives_a_country_name_its_article() {
    use freedom_widget::core::i18n::{country_in_text, ENGLISH_NAMES_WITH_THE};
    let heading = |lang: Lang, code: &str, name: &str| {
        format(lang, Key::DirectoryHeading, &[("country", &country_in_text(lang, code, name))])
    };
    assert_eq!(heading(Lang::En, "US", "United States"), "Hotlines in the United States");
    assert_eq!(heading(Lang::En, "PH", "Philippines"), "Hotlines in the Philippines");
    assert_eq!(heading(Lang::En, "MX", "Mexico"), "Hotlines in Mexico");
    // Other languages write their messages around the name as it is.
    assert_eq!(heading(Lang::Es, "US", "Estados Unidos"), "Líneas de ayuda en Estados Unidos");
    // Every code in the list is a country the widget knows.
    for code in ENGLISH_NAMES_WITH_THE {
        assert!(freedom_widget::core::country(code).is_some(), "{code} is not a known country");
    }
    // No English name carries an article yet: the first paint takes "the " off a sentence's
    // name to show it alone (js/first-paint.js).
    for country in freedom_widget::core::builtin::countries() {
        assert!(!country.name.to_lowercase().starts_with("the "), "{}: {}", country.code, country.name);
    }
}
