//! A small JSON reader for the widget's own data and partner rows, with errors that name the
//! field. The same code decodes the built-in data and partner rows natively and in the browser,
//! so the native tests exercise what visitors run; it replaces serde's generic deserializers,
//! which cost several times more bundle bytes.

use super::data::*;
use super::validate::{row_label, RowError};
use std::borrow::Cow;

#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Kept as written: the widget reads no numbers from the data it shows.
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// How deep arrays and objects may nest. The reader recurses, so without a bound a file of
/// 100,000 `[` would overflow the stack (natively) or trap the wasm instance (in the browser);
/// the deepest JSON the widget reads (a hotline's channels) nests four levels.
pub const MAX_DEPTH: usize = 128;

/// A file's bytes as the browser's `Response.text()` hands them to the widget: UTF-8 with each
/// invalid sequence replaced by U+FFFD and one leading byte-order mark dropped. Native code reads
/// files through this, so the import command and the tests see what visitors' browsers see.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

/// Parses a JSON file's bytes, decoded as [`decode_text`] does.
pub fn parse_bytes(bytes: &[u8]) -> Result<Json, String> {
    parse(&decode_text(bytes))
}

/// Parses a JSON document (RFC 8259, nested at most [`MAX_DEPTH`] deep); the error says what
/// broke and at which byte.
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0, depth: 0 };
    let value = p.value()?;
    p.space();
    if p.i != p.s.len() {
        return p.err("unexpected text after the value");
    }
    Ok(value)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }
    fn err<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at byte {}", self.i))
    }
    fn eat(&mut self, word: &str) -> bool {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            true
        } else {
            false
        }
    }
    fn digits(&mut self) -> usize {
        let start = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - start
    }
    /// Enters an array or object, refusing to go deeper than `MAX_DEPTH`.
    fn open(&mut self) -> Result<(), String> {
        if self.depth == MAX_DEPTH {
            return self.err(&format!("nested deeper than {MAX_DEPTH} levels"));
        }
        self.depth += 1;
        self.i += 1;
        self.space();
        Ok(())
    }
    fn value(&mut self) -> Result<Json, String> {
        self.space();
        match self.s.get(self.i) {
            Some(b'{') => {
                self.open()?;
                let mut fields = Vec::new();
                if !self.eat("}") {
                    loop {
                        self.space();
                        if self.s.get(self.i) != Some(&b'"') {
                            return self.err("expected a field name");
                        }
                        let key = self.string()?;
                        self.space();
                        if !self.eat(":") {
                            return self.err("expected ':'");
                        }
                        fields.push((key, self.value()?));
                        self.space();
                        if self.eat("}") {
                            break;
                        }
                        if !self.eat(",") {
                            return self.err("expected ',' or '}'");
                        }
                    }
                }
                self.depth -= 1;
                Ok(Json::Object(fields))
            }
            Some(b'[') => {
                self.open()?;
                let mut items = Vec::new();
                if !self.eat("]") {
                    loop {
                        items.push(self.value()?);
                        self.space();
                        if self.eat("]") {
                            break;
                        }
                        if !self.eat(",") {
                            return self.err("expected ',' or ']'");
                        }
                    }
                }
                self.depth -= 1;
                Ok(Json::Array(items))
            }
            Some(b'"') => self.string().map(Json::String),
            Some(b't') if self.eat("true") => Ok(Json::Bool(true)),
            Some(b'f') if self.eat("false") => Ok(Json::Bool(false)),
            Some(b'n') if self.eat("null") => Ok(Json::Null),
            Some(b'-' | b'0'..=b'9') => {
                // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
                let start = self.i;
                self.eat("-");
                let int = self.i;
                let whole = self.digits();
                if whole == 0 || (whole > 1 && self.s[int] == b'0') {
                    return self.err("bad number");
                }
                if self.eat(".") && self.digits() == 0 {
                    return self.err("bad number");
                }
                if self.eat("e") || self.eat("E") {
                    let _ = self.eat("+") || self.eat("-");
                    if self.digits() == 0 {
                        return self.err("bad number");
                    }
                }
                // The bytes are ASCII digits and signs, so this never replaces anything.
                Ok(Json::Number(String::from_utf8_lossy(&self.s[start..self.i]).into_owned()))
            }
            _ => self.err("expected a value"),
        }
    }
    fn hex4(&mut self) -> Result<u32, String> {
        match self.s.get(self.i..self.i + 4) {
            Some(d) if d.iter().all(u8::is_ascii_hexdigit) => {
                self.i += 4;
                // Four hex digits always fit.
                Ok(d.iter().fold(0, |n, &c| n * 16 + (c as char).to_digit(16).unwrap_or(0)))
            }
            _ => self.err("bad \\u escape"),
        }
    }
    fn string(&mut self) -> Result<String, String> {
        self.i += 1; // the opening quote
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character at once.
            let start = self.i;
            while self.s.get(self.i).is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            // The run starts and ends at ASCII bytes of a `&str`, so it is whole UTF-8.
            out.push_str(std::str::from_utf8(&self.s[start..self.i]).unwrap_or("\u{FFFD}"));
            match self.s.get(self.i) {
                None => return self.err("unterminated string"),
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let c = self.s.get(self.i).copied();
                    self.i += 1;
                    let ch = match c {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            let code = self.hex4()?;
                            // A high surrogate joins the low one escaped right after it; a lone
                            // half of a pair becomes U+FFFD, as JavaScript shows it.
                            let pair = (0xD800..0xDC00).contains(&code) && self.s[self.i..].starts_with(b"\\u");
                            let low = if pair {
                                let at = self.i;
                                self.i += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    self.i = at;
                                }
                                Some(low).filter(|l| (0xDC00..0xE000).contains(l))
                            } else {
                                None
                            };
                            let code = low.map_or(code, |l| 0x10000 + ((code - 0xD800) << 10) + (l - 0xDC00));
                            char::from_u32(code).unwrap_or('\u{FFFD}')
                        }
                        _ => {
                            self.i -= 1;
                            return self.err("bad escape");
                        }
                    };
                    out.push(ch);
                }
                Some(_) => return self.err("control character in a string (write it as an escape)"),
            }
        }
    }
}

/// Reads one object's fields, naming any problem by row and field path.
struct Fields<'a> {
    fields: &'a [(String, Json)],
    row: &'a str,
    path: String,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Json, row: &'a str, path: String) -> Result<Self, RowError> {
        match value {
            Json::Object(fields) => Ok(Fields { fields, row, path }),
            _ => Err(RowError {
                row: row.into(),
                field: if path.is_empty() { "row".into() } else { path },
                problem: "expected an object".into(),
            }),
        }
    }
    fn name(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }
    fn fail<T>(&self, key: &str, problem: &str) -> Result<T, RowError> {
        Err(RowError { row: self.row.into(), field: self.name(key), problem: problem.into() })
    }
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }
    fn opt_text(&self, key: &str) -> Result<Option<Text>, RowError> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::String(s)) => Ok(Some(Cow::Owned(s.clone()))),
            Some(_) => self.fail(key, "expected text"),
        }
    }
    fn text(&self, key: &str) -> Result<Text, RowError> {
        self.opt_text(key)?.map_or_else(|| self.fail(key, "missing"), Ok)
    }
    fn list<T>(&self, key: &str, each: impl Fn(&'a Json, String) -> Result<T, RowError>) -> Result<Vec<T>, RowError> {
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Json::Array(items)) => {
                items.iter().enumerate().map(|(i, v)| each(v, format!("{}[{i}]", self.name(key)))).collect()
            }
            Some(_) => self.fail(key, "expected a list"),
        }
    }
    fn texts(&self, key: &str) -> Result<Vec<Text>, RowError> {
        self.list(key, |v, at| match v {
            Json::String(s) => Ok(Cow::Owned(s.clone())),
            _ => Err(RowError { row: self.row.into(), field: at, problem: "expected text".into() }),
        })
    }
}

fn channel(value: &Json, row: &str, path: String) -> Result<Channel, RowError> {
    let f = Fields::of(value, row, path)?;
    let kind = f.text("kind")?;
    let kind = ChannelKind::ALL
        .into_iter()
        .find(|k| k.as_str() == kind)
        .map_or_else(|| f.fail("kind", "expected phone, sms, whatsapp, email, chat or web"), Ok)?;
    Ok(Channel {
        kind,
        display: f.opt_text("display")?,
        e164: f.opt_text("e164")?,
        dial: f.opt_text("dial")?,
        body: f.opt_text("body")?,
        address: f.opt_text("address")?,
        url: f.opt_text("url")?,
        flags: f.texts("flags")?.into(),
        note: f.opt_text("note")?,
    })
}

fn second_source(value: &Json, row: &str) -> Result<SecondSource, RowError> {
    let f = Fields::of(value, row, "second_source".into())?;
    let year = match f.get("year") {
        None => None,
        Some(Json::Number(n)) => {
            Some(n.parse::<u16>().map_or_else(|_| f.fail("year", "expected a year such as 2022"), Ok)?)
        }
        Some(_) => return f.fail("year", "expected a year such as 2022"),
    };
    Ok(SecondSource { url: f.text("url")?, year })
}

fn hours(value: &Json, row: &str) -> Result<Hours, RowError> {
    let f = Fields::of(value, row, "hours".into())?;
    let always = match f.get("always") {
        None => false,
        Some(Json::Bool(b)) => *b,
        Some(_) => return f.fail("always", "expected true or false"),
    };
    let weekly = f.list("weekly", |v, at| {
        let w = Fields::of(v, row, at)?;
        Ok(WeeklyHours { days: w.text("days")?, open: w.text("open")?, close: w.text("close")? })
    })?;
    Ok(Hours { always, tz: f.opt_text("tz")?, weekly: weekly.into() })
}

/// A hotline row, its problems named as `list[index] "id": field ...`.
pub fn hotline(list: &str, index: usize, value: &Json) -> Result<Hotline, RowError> {
    let id = match value {
        Json::Object(fields) => fields.iter().find(|(k, _)| k == "id").and_then(|(_, v)| {
            if let Json::String(s) = v {
                Some(s.as_str())
            } else {
                None
            }
        }),
        _ => None,
    };
    let row = row_label(list, index, id);
    let f = Fields::of(value, &row, String::new())?;
    let scope = match f.text("scope")?.as_ref() {
        "trafficking" => Scope::Trafficking,
        "general" => Scope::General,
        _ => return f.fail("scope", "expected trafficking or general"),
    };
    Ok(Hotline {
        id: f.text("id")?,
        country: f.text("country")?,
        organisation: f.text("organisation")?,
        name: f.text("name")?,
        scope,
        audience: f.opt_text("audience")?,
        audience_codes: f.texts("audience_codes")?.into(),
        audience_area: f.opt_text("audience_area")?,
        audience_note: f.opt_text("audience_note")?,
        channels: f.list("channels", |v, at| channel(v, &row, at))?.into(),
        hours: f.get("hours").map(|h| hours(h, &row)).transpose()?,
        hours_text: f.opt_text("hours_text")?,
        languages: f.texts("languages")?.into(),
        languages_note: f.opt_text("languages_note")?,
        source_url: f.text("source_url")?,
        checked: f.text("checked")?,
        second_source: f.get("second_source").map(|s| second_source(s, &row)).transpose()?,
    })
}

pub fn emergency(index: usize, value: &Json) -> Result<Emergency, RowError> {
    let row = row_label("emergency", index, None);
    let f = Fields::of(value, &row, String::new())?;
    Ok(Emergency {
        country: f.text("country")?,
        number: f.text("number")?,
        also: f.texts("also")?.into(),
        source_url: f.text("source_url")?,
        checked: f.text("checked")?,
    })
}

pub fn international(index: usize, value: &Json) -> Result<International, RowError> {
    let row = row_label("international", index, None);
    let f = Fields::of(value, &row, String::new())?;
    Ok(International {
        id: f.text("id")?,
        organisation: f.text("organisation")?,
        name: f.text("name")?,
        channels: f.list("channels", |v, at| channel(v, &row, at))?.into(),
        description: f.opt_text("description")?,
        source_url: f.text("source_url")?,
        checked: f.text("checked")?,
    })
}

pub fn quote(list: &str, index: usize, value: &Json) -> Result<Quote, RowError> {
    let row = row_label(list, index, None);
    let f = Fields::of(value, &row, String::new())?;
    let q = Quote {
        id: f.opt_text("id")?.unwrap_or(Cow::Owned(format!("{list}-{index}"))),
        text: f.text("text")?,
        speaker: f.text("speaker")?,
        date: f.opt_text("date")?,
        context: f.opt_text("context")?,
    };
    if q.text.trim().is_empty() || q.speaker.trim().is_empty() {
        return f.fail("text", "a quote needs its text and its speaker");
    }
    Ok(q)
}

/// The rows of a partner file: an array, or `{ "hotlines": [...] }`; each decoded on its own so a
/// broken row costs only itself.
pub fn partner_rows(source: &str, value: &Json) -> Vec<Result<Hotline, RowError>> {
    let list = match value {
        Json::Object(fields) => fields.iter().find(|(k, _)| k == "hotlines").map(|(_, v)| v),
        other => Some(other),
    };
    match list {
        Some(Json::Array(rows)) => rows.iter().enumerate().map(|(i, r)| hotline(source, i, r)).collect(),
        _ => vec![Err(RowError {
            row: source.into(),
            field: "hotlines".into(),
            problem: "expected an array of hotline rows".into(),
        })],
    }
}

/// `text` as a JSON string literal: quotes, backslashes and control characters escaped. What the
/// project writes as JSON by hand (a signed release's envelope, the poster's answers to the
/// partner kit) goes through this one writer.
pub fn string_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
