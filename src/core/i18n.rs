//! Strings are configuration: every visible word comes from `i18n/<lang>.ftl`, compiled into the
//! bundle by `build.rs` as one array per language indexed by `Key`. A key missing in any
//! language, or a placeholder that differs, fails the build; a key no code uses fails a test.

include!(concat!(env!("OUT_DIR"), "/i18n_generated.rs"));

/// The text of `key` in `lang`, with `{ $name }` placeholders filled from `args`.
pub fn format(lang: Lang, key: Key, args: &[(&str, &str)]) -> String {
    let template = lang.text(key);
    if args.is_empty() || !template.contains("{ $") {
        return template.to_string();
    }
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find("{ $") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 3..];
        match after.find(" }") {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, value)) => out.push_str(value),
                    None => out.push_str(&rest[start..start + 3 + end + 2]),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl Lang {
    /// The best language for a list of preferences (partner option, page, browser), English last.
    pub fn negotiate<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in preferences {
            let tag = tag.trim().to_ascii_lowercase().replace('_', "-");
            if let Some(l) = Lang::ALL.iter().find(|l| l.tag().eq_ignore_ascii_case(&tag)) {
                return *l;
            }
            let primary = tag.split('-').next().unwrap_or("");
            // Filipino and Tagalog are one language for the widget.
            let primary = if primary == "tl" { "fil" } else { primary };
            if let Some(l) = Lang::ALL.iter().find(|l| l.tag().split('-').next() == Some(primary)) {
                return *l;
            }
        }
        Lang::En
    }
}

/// Installs a language from its file (`{"key": "text", …}`, written by the build from its
/// `.ftl`). Where every language is built in, it only checks the file.
pub fn install_json(lang: Lang, text: &str) -> Result<(), String> {
    use super::json::{self, Json};
    let Json::Object(fields) = json::parse(text)? else { return Err("not a JSON object".into()) };
    let text_of = |id: &str| match fields.iter().find(|(k, _)| k == id) {
        Some((_, Json::String(s))) => Some(s.clone()),
        _ => None,
    };
    // All or nothing: a partial file would show English under another language's name.
    if let Some(missing) = Key::ALL.iter().find(|k| text_of(k.id()).is_none()) {
        return Err(format!("no text for {}", missing.id()));
    }
    install(lang, text_of);
    Ok(())
}

/// The countries whose English name takes "the" inside a sentence ("Hotlines in the United
/// States"). CLDR's names, which the widget shows (`data/countries.tsv`, `Intl.DisplayNames`),
/// are written for lists and menus, without it. The first paint's table carries each English
/// name as a sentence places it (the prerender's `--assets`), so both say the same.
pub const ENGLISH_NAMES_WITH_THE: &[&str] = &[
    "AE", "AX", "BQ", "BS", "CC", "CF", "CK", "DO", "FK", "FO", "GB", "GM", "GS", "HM", "IM", "IO", "KM", "KY", "MH",
    "MP", "MV", "NL", "PH", "PN", "PS", "SB", "SC", "TC", "TF", "UM", "US", "VG", "VI",
];

/// A country's name (`name`, as the platform gives it in `lang`) as a message's `{ $country }`
/// places it, inside a sentence: in English with "the" where the name takes it; in every other
/// language as it is, since their messages are written around the bare name (or as "Label:
/// name" where the name would need a case or an article).
pub fn country_in_text(lang: Lang, code: &str, name: &str) -> String {
    if lang == Lang::En && ENGLISH_NAMES_WITH_THE.contains(&code) {
        format!("the {name}")
    } else {
        name.to_string()
    }
}

/// The message for an audience code of the data's closed list (`data::AUDIENCE_CODES`); `None`
/// for a code outside it (the validator rejects those, so only a partner row could hold one).
pub fn audience_key(code: &str) -> Option<Key> {
    Some(match code {
        "children" => Key::AudienceChildren,
        "women" => Key::AudienceWomen,
        "migrant_workers" => Key::AudienceMigrantWorkers,
        "domestic_workers" => Key::AudienceDomesticWorkers,
        "foreign_nationals" => Key::AudienceForeignNationals,
        "nationals_abroad" => Key::AudienceNationalsAbroad,
        "refugees" => Key::AudienceRefugees,
        "violence_survivors" => Key::AudienceViolenceSurvivors,
        "workers" => Key::AudienceWorkers,
        "professionals" => Key::AudienceProfessionals,
        _ => return None,
    })
}

/// The message for a channel flag of the data's closed list (`data::CHANNEL_FLAGS`).
pub fn flag_key(flag: &str) -> Option<Key> {
    Some(match flag {
        "free" => Key::FlagFree,
        "anonymous" => Key::FlagAnonymous,
        "confidential" => Key::FlagConfidential,
        "short_code" => Key::FlagShortCode,
        "from_abroad" => Key::FlagFromAbroad,
        "in_country_only" => Key::FlagInCountryOnly,
        "24h" => Key::Flag24h,
        "mobile" => Key::FlagMobile,
        "report_form" => Key::FlagReportForm,
        "tips_only" => Key::FlagTipsOnly,
        "interpreters" => Key::FlagInterpreters,
        "whatsapp" => Key::FlagWhatsapp,
        "police" => Key::FlagPolice,
        _ => return None,
    })
}

/// Who a line is for, in `lang`: its audience codes, translated, joined. Empty when it has none.
pub fn audience_text(lang: Lang, codes: &[super::data::Text]) -> String {
    let names: Vec<&str> = codes.iter().filter_map(|c| audience_key(c)).map(|k| lang.text(k)).collect();
    names.join(list_separator(lang))
}

/// A channel's flags, in `lang`, joined. Empty when it has none.
pub fn flags_text(lang: Lang, flags: &[super::data::Text]) -> String {
    let names: Vec<&str> = flags.iter().filter_map(|f| flag_key(f)).map(|k| lang.text(k)).collect();
    names.join(list_separator(lang))
}

/// Between the items of a short list: the comma each script uses.
fn list_separator(lang: Lang) -> &'static str {
    match lang.tag() {
        "ar" => "، ",
        "zh-Hans" => "、",
        _ => ", ",
    }
}

/// Weekly opening periods in `lang` ("Mon–Fri 09:00–17:00"): the data writes days as `mon-fri`,
/// `sat` or `mon,wed,fri`; each day name is translated, times stay as written (24-hour).
pub fn weekly_text(lang: Lang, hours: &super::data::Hours) -> Option<String> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    const KEYS: [Key; 7] = [Key::DayMon, Key::DayTue, Key::DayWed, Key::DayThu, Key::DayFri, Key::DaySat, Key::DaySun];
    let day = |d: &str| -> String {
        DAYS.iter()
            .position(|x| *x == d.trim())
            .map_or_else(|| d.trim().to_string(), |i| lang.text(KEYS[i]).to_string())
    };
    if hours.always || hours.weekly.is_empty() {
        return None;
    }
    let periods: Vec<String> = hours
        .weekly
        .iter()
        .map(|w| {
            let days: Vec<String> = w
                .days
                .split(',')
                .map(|part| match part.split_once('-') {
                    Some((a, b)) => format!("{}–{}", day(a), day(b)),
                    None => day(part),
                })
                .collect();
            format!("{} {}–{}", days.join(list_separator(lang)), w.open, w.close)
        })
        .collect();
    Some(periods.join("; "))
}
