//! The one validator every hotline row passes through: the built-in data when the project
//! builds (`build.rs` includes this file and fails the build on any error), and partner rows
//! at run time (an invalid row is skipped with a warning naming it).
//!
//! Rules follow `data/SOURCES.md`: `source_url` may be `https://` or `http://` (a citation the
//! widget links to, never a resource it loads); phone-like channels carry `display` and
//! either `e164` or `dial`.

use super::data::{Channel, ChannelKind, Emergency, Hotline, Hours, International, AUDIENCE_CODES, CHANNEL_FLAGS};
use std::collections::HashMap;
use std::fmt;

/// One problem with one row, naming the row and the field so a data editor can find it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Where the row is, e.g. `hotlines[12] "us-national-human-trafficking-hotline"`.
    pub row: String,
    /// The field, e.g. `channels[0].e164`.
    pub field: String,
    pub problem: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: field `{}`: {}", self.row, self.field, self.problem)
    }
}

/// What the validator needs to know about the world: which country codes and time zones exist.
pub trait Reference {
    fn is_country(&self, code: &str) -> bool;
    fn is_time_zone(&self, zone: &str) -> bool;
}

/// Names a row for messages: its list, index and id where it has one.
pub fn row_label(list: &str, index: usize, id: Option<&str>) -> String {
    match id {
        Some(id) if !id.is_empty() => format!("{list}[{index}] \"{id}\""),
        _ => format!("{list}[{index}]"),
    }
}

struct Checker<'a> {
    row: String,
    errors: &'a mut Vec<RowError>,
}

impl Checker<'_> {
    fn fail(&mut self, field: impl Into<String>, problem: impl Into<String>) {
        self.errors.push(RowError { row: self.row.clone(), field: field.into(), problem: problem.into() });
    }

    fn non_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.fail(field, "must not be empty");
        }
    }

    fn country(&mut self, reference: &dyn Reference, code: &str) {
        if !is_alpha2(code) || !reference.is_country(code) {
            self.fail("country", format!("must be an ISO 3166-1 alpha-2 code (or XK), got {}", Quoted(code)));
        }
    }

    fn source(&mut self, url: &str, checked: &str) {
        if !is_web_url(url) {
            self.fail("source_url", format!("must be an absolute https:// or http:// URL, got {}", Quoted(url)));
        }
        if !is_date(checked) {
            self.fail("checked", format!("must be a date YYYY-MM-DD, got {}", Quoted(checked)));
        }
    }

    fn channels(&mut self, channels: &[Channel]) {
        if channels.is_empty() {
            self.fail("channels", "must list at least one way to reach the line");
        }
        for (i, c) in channels.iter().enumerate() {
            let at = |f: &str| format!("channels[{i}].{f}");
            if c.kind.is_phone_like() {
                match c.display.as_deref() {
                    Some(d) if !d.trim().is_empty() => {}
                    _ => self.fail(at("display"), "a phone-like channel needs the number as the source writes it"),
                }
                match (c.e164.as_deref(), c.dial.as_deref()) {
                    (Some(_), Some(_)) => self.fail(at("e164"), "give either e164 or dial, not both"),
                    (None, None) => self.fail(at("e164"), "a phone-like channel needs e164 or dial"),
                    (Some(n), None) if !is_e164(n) => {
                        self.fail(at("e164"), format!("must be E.164: + then 4 to 15 digits, got {}", Quoted(n)))
                    }
                    (None, Some(n)) if !is_dial(n) => {
                        self.fail(at("dial"), format!("must be digits (and * #) only, got {}", Quoted(n)))
                    }
                    _ => {}
                }
                if c.kind == ChannelKind::Whatsapp && c.e164.is_none() {
                    self.fail(at("e164"), "WhatsApp links need the international (E.164) number");
                }
            }
            for (j, flag) in c.flags.iter().enumerate() {
                if !CHANNEL_FLAGS.contains(&&**flag) {
                    self.fail(
                        at(&format!("flags[{j}]")),
                        format!("must be one of {}, got {}", CHANNEL_FLAGS.join(", "), Quoted(flag)),
                    );
                }
            }
            if let Some(note) = c.note.as_deref() {
                self.non_empty(&at("note"), note);
            }
            match c.kind {
                ChannelKind::Email => match c.address.as_deref() {
                    Some(a) if is_email(a) => {}
                    other => self.fail(
                        at("address"),
                        format!("an email channel needs an address, got {}", quoted_or_nothing(other)),
                    ),
                },
                ChannelKind::Chat | ChannelKind::Web => match c.url.as_deref() {
                    Some(u) if is_web_url(u) => {}
                    other => self.fail(
                        at("url"),
                        format!("must be an https:// or http:// URL, got {}", quoted_or_nothing(other)),
                    ),
                },
                _ => {}
            }
        }
    }

    fn hours(&mut self, reference: &dyn Reference, hours: &Hours) {
        if hours.always {
            if hours.tz.is_some() || !hours.weekly.is_empty() {
                self.fail("hours", "`always` excludes `tz` and `weekly`");
            }
            return;
        }
        match hours.tz.as_deref() {
            Some(tz) if reference.is_time_zone(tz) => {}
            other => self.fail("hours.tz", format!("must be an IANA time zone, got {}", quoted_or_nothing(other))),
        }
        if hours.weekly.is_empty() {
            self.fail("hours.weekly", "must list opening periods, or use {\"always\": true}");
        }
        for (i, w) in hours.weekly.iter().enumerate() {
            if super::hours::parse_days(&w.days).is_none() {
                self.fail(
                    format!("hours.weekly[{i}].days"),
                    format!("must be like mon-fri or sat, got {}", Quoted(&w.days)),
                );
            }
            let open = super::hours::parse_hhmm(&w.open);
            let close = super::hours::parse_hhmm(&w.close);
            if open.is_none() {
                self.fail(format!("hours.weekly[{i}].open"), format!("must be HH:MM, got {}", Quoted(&w.open)));
            }
            if close.is_none() {
                self.fail(format!("hours.weekly[{i}].close"), format!("must be HH:MM, got {}", Quoted(&w.close)));
            }
            if let (Some(o), Some(c)) = (open, close) {
                if o == c {
                    self.fail(format!("hours.weekly[{i}]"), "open and close are the same time");
                }
            }
        }
    }
}

/// Every problem with one hotline row (empty when the row is good).
pub fn check_hotline(reference: &dyn Reference, list: &str, index: usize, h: &Hotline) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut c = Checker { row: row_label(list, index, Some(&h.id)), errors: &mut errors };
    c.non_empty("id", &h.id);
    c.country(reference, &h.country);
    c.non_empty("organisation", &h.organisation);
    c.non_empty("name", &h.name);
    if let Some(a) = h.audience.as_deref() {
        c.non_empty("audience", a);
    }
    for (i, code) in h.audience_codes.iter().enumerate() {
        if !AUDIENCE_CODES.contains(&&**code) {
            c.fail(
                format!("audience_codes[{i}]"),
                format!("must be one of {}, got {}", AUDIENCE_CODES.join(", "), Quoted(code)),
            );
        }
    }
    if let Some(area) = h.audience_area.as_deref() {
        c.non_empty("audience_area", area);
    }
    if let Some(note) = h.audience_note.as_deref() {
        c.non_empty("audience_note", note);
    }
    c.channels(&h.channels);
    if let Some(hours) = &h.hours {
        c.hours(reference, hours);
    }
    for (i, tag) in h.languages.iter().enumerate() {
        if !is_language_tag(tag) {
            c.fail(format!("languages[{i}]"), format!("must be a BCP 47 tag such as es or pt-BR, got {}", Quoted(tag)));
        }
    }
    c.source(&h.source_url, &h.checked);
    if let Some(second) = &h.second_source {
        if !is_web_url(&second.url) {
            c.fail(
                "second_source.url",
                format!("must be an absolute https:// or http:// URL, got {}", Quoted(&second.url)),
            );
        } else if second.url == h.source_url {
            c.fail("second_source.url", "must be a page other than source_url");
        }
        if let Some(year) = second.year.filter(|y| !(1990..=2100).contains(y)) {
            c.fail("second_source.year", format!("must be a year such as 2022, got {year}"));
        }
    }
    errors
}

pub fn check_emergency(reference: &dyn Reference, index: usize, e: &Emergency) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut c = Checker { row: row_label("emergency", index, Some(&e.country)), errors: &mut errors };
    c.country(reference, &e.country);
    if !is_dial(&e.number) {
        c.fail("number", format!("must be digits only, got {}", Quoted(&e.number)));
    }
    for (i, n) in e.also.iter().enumerate() {
        if !is_dial(n) {
            c.fail(format!("also[{i}]"), format!("must be digits only, got {}", Quoted(n)));
        }
    }
    c.source(&e.source_url, &e.checked);
    errors
}

pub fn check_international(index: usize, e: &International) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut c = Checker { row: row_label("international", index, Some(&e.id)), errors: &mut errors };
    c.non_empty("id", &e.id);
    c.non_empty("organisation", &e.organisation);
    c.non_empty("name", &e.name);
    c.channels(&e.channels);
    c.source(&e.source_url, &e.checked);
    errors
}

/// Rules across rows: ids are unique, and no number is listed for one country by two rows
/// (the same number under two names would tell a visitor two different things about one line).
pub fn check_across_rows(hotlines: &[Hotline]) -> Vec<RowError> {
    let mut errors = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let mut numbers: HashMap<(&str, &str), usize> = HashMap::new();
    for (index, h) in hotlines.iter().enumerate() {
        if let Some(first) = ids.insert(&h.id, index) {
            errors.push(RowError {
                row: row_label("hotlines", index, Some(&h.id)),
                field: "id".into(),
                problem: format!("duplicates the id of hotlines[{first}]"),
            });
        }
        let mut own: Vec<&str> = h.channels.iter().filter_map(Channel::number).collect();
        own.dedup();
        for n in own {
            if let Some(first) = numbers.get(&(&*h.country, n)) {
                if *first != index {
                    errors.push(RowError {
                        row: row_label("hotlines", index, Some(&h.id)),
                        field: "channels".into(),
                        problem: format!("number {n} for {} is already listed by hotlines[{first}]", h.country),
                    });
                }
            } else {
                numbers.insert((&h.country, n), index);
            }
        }
    }
    errors
}

/// Every problem with a whole data file: each row, the rules across rows, and one emergency row
/// per country. The one whole-file check: `build.rs`, the import command and the tests all call
/// it, so what the import accepts the build accepts too.
pub fn check_file(
    reference: &dyn Reference,
    hotlines: &[Hotline],
    emergency: &[Emergency],
    international: &[International],
) -> Vec<RowError> {
    let mut errors = Vec::new();
    for (i, h) in hotlines.iter().enumerate() {
        errors.extend(check_hotline(reference, "hotlines", i, h));
    }
    errors.extend(check_across_rows(hotlines));
    let mut countries: HashMap<&str, usize> = HashMap::new();
    for (i, e) in emergency.iter().enumerate() {
        errors.extend(check_emergency(reference, i, e));
        if let Some(first) = countries.insert(&e.country, i) {
            errors.push(RowError {
                row: row_label("emergency", i, Some(&e.country)),
                field: "country".into(),
                problem: format!("a country has one emergency row; emergency[{first}] is already {}", e.country),
            });
        }
    }
    for (i, e) in international.iter().enumerate() {
        errors.extend(check_international(i, e));
    }
    errors
}

pub fn is_alpha2(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// E.164: a plus sign, a non-zero digit, 4 to 15 digits in all (short national codes such as
/// Hong Kong's +852 1868 are valid international numbers).
pub fn is_e164(n: &str) -> bool {
    let Some(digits) = n.strip_prefix('+') else { return false };
    (4..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) && !digits.starts_with('0')
}

/// What a phone in the country dials: digits, and `*`/`#` for service codes such as `*4242`.
pub fn is_dial(n: &str) -> bool {
    !n.is_empty() && n.len() <= 20 && n.bytes().all(|b| b.is_ascii_digit() || b == b'*' || b == b'#')
}

pub fn is_web_url(u: &str) -> bool {
    let rest = u.strip_prefix("https://").or_else(|| u.strip_prefix("http://"));
    matches!(rest, Some(r) if !r.is_empty() && !r.starts_with('/') && !r.chars().any(char::is_whitespace))
}

pub fn is_email(a: &str) -> bool {
    let mut parts = a.split('@');
    matches!((parts.next(), parts.next(), parts.next()),
        (Some(l), Some(d), None) if !l.is_empty() && d.contains('.') && !a.chars().any(|c| c.is_whitespace() || c == '<' || c == '>'))
}

pub fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |s: &str| s.parse::<u32>().ok();
    match (num(&d[0..4]), num(&d[5..7]), num(&d[8..10])) {
        (Some(y), Some(m), Some(day)) => {
            (2000..=2100).contains(&y)
                && (1..=12).contains(&m)
                && day >= 1
                && day <= super::hours::days_in_month(y as i32, m)
        }
        _ => false,
    }
}

/// A plain BCP 47 tag: a 2–3 letter language, then subtags of 2–8 letters or digits.
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let lang = parts.next().unwrap_or("");
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// A partner's or visitor's text, quoted for a console message: `"…"` with quotes, backslashes,
/// control characters and invisible or direction-changing characters (zero-width spaces, bidi
/// controls, the byte-order mark) escaped, so a value cannot hide or reorder the message around
/// it. Its own small writer because `{:?}` brings Rust's whole Debug machinery (and its Unicode
/// tables) into the bundle.
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if c.is_control() || is_invisible(c) => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}

/// Characters that show nothing, or change the direction of the text after them.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// `"…"` for a value, `nothing` for a missing one (where `{:?}` wrote `Some("…")` and `None`).
fn quoted_or_nothing(value: Option<&str>) -> String {
    value.map_or_else(|| "nothing".to_string(), |v| Quoted(v).to_string())
}
