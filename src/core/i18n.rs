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
