//! Property tests of every parser that reads input from outside the project: the JSON reader,
//! the options parser (attributes, URL query pairs, JS option objects), partner rows through the
//! validator, and language files. For any input: no panic, an answer within a time bound (on a
//! thread with the default 2 MB stack, so deep input cannot hide behind a big one), and every
//! rejection is a message naming the input.
//!
//! Each property runs a small number of cases by default, so the whole file stays well under a
//! minute in `cargo test`'s debug build on a 2-core machine. For a longer run set PROPTEST_CASES,
//! e.g. `PROPTEST_CASES=20000 cargo test --release --test properties`.

use freedom_widget::core::directory::Directory;
use freedom_widget::core::i18n::{install_json, Key, Lang};
use freedom_widget::core::is_country;
use freedom_widget::core::json::{self, Json, MAX_DEPTH};
use freedom_widget::core::options::{Options, OPTION_SPECS};
use freedom_widget::core::validate::{Quoted, RowError};
use proptest::prelude::*;

mod common;
use common::within;

/// `default` cases, or PROPTEST_CASES divided by `weight` (how many ordinary cases one of this
/// property's costs) if set.
fn config(default: u32, weight: u32) -> ProptestConfig {
    let asked = std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse::<u32>().ok());
    ProptestConfig { cases: asked.map_or(default, |c| (c / weight).max(1)), ..ProptestConfig::default() }
}

/// Text a partner or a visitor could put anywhere: markup, script URLs, invisible and
/// direction-changing characters, quotes, control characters, and plain noise.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just(" JaVaScRiPt:alert(1)".to_string()),
        Just("\"><svg onload=alert(1)>".to_string()),
        Just("\u{202E}\u{200B}\u{FEFF}\"\\\n\t\0".to_string()),
        any::<String>(),
        "\\PC{0,40}",
    ]
}

/// A long run of one character: huge input, cheap to make.
fn huge_text() -> impl Strategy<Value = String> {
    (any::<char>(), 10_000..300_000usize).prop_map(|(c, n)| c.to_string().repeat(n))
}

fn json_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        "-?(0|[1-9][0-9]{0,20})(\\.[0-9]{1,8})?([eE][+-]?[0-9]{1,4})?".prop_map(Json::Number),
        hostile_text().prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((hostile_text(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

/// Writes JSON; `ascii` escapes every non-ASCII character as `\uXXXX` (pairs above U+FFFF), as
/// some tools write files.
fn write(v: &Json, ascii: bool, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Number(n) => out.push_str(n),
        Json::String(s) => write_str(s, ascii, out),
        Json::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i > 0 { " ,\n" } else { "" });
                write(item, ascii, out);
            }
            out.push(']');
        }
        Json::Object(fields) => {
            out.push_str("{ ");
            for (i, (k, item)) in fields.iter().enumerate() {
                out.push_str(if i > 0 { ",\t" } else { "" });
                write_str(k, ascii, out);
                out.push_str(" : ");
                write(item, ascii, out);
            }
            out.push_str("\r\n}");
        }
    }
}

fn write_str(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || (ascii && !c.is_ascii()) => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{u:04X}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The place a JSON error names: the `N` of its closing "at byte N".
fn byte_named(e: &str) -> Option<usize> {
    e.rsplit_once(" at byte ").and_then(|(_, n)| n.parse().ok())
}

fn text_of(v: &Json) -> String {
    let mut out = String::new();
    write(v, false, &mut out);
    out
}

mod json_reader {
    use super::*;

    /// Nesting depths: within the bound, at and beside it, and far past it. Drawn evenly up to
    /// 200,000, fewer than one case in a thousand fell within the bound, so the branch that
    /// must read the text almost never ran. Objects open two levels a step: their bound is half.
    fn depth() -> impl Strategy<Value = usize> {
        prop_oneof![
            2 => 0..=MAX_DEPTH,
            1 => prop::sample::select(vec![MAX_DEPTH / 2, MAX_DEPTH / 2 + 1, MAX_DEPTH, MAX_DEPTH + 1]),
            2 => MAX_DEPTH + 1..200_000usize,
        ]
    }

    proptest! {
        #![proptest_config(config(256, 1))]

        #[test]
        fn any_bytes_are_read_or_refused_saying_where(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
            // The place is a byte of the text as read (bytes that are not UTF-8 become U+FFFD).
            let length = json::decode_text(&bytes).len();
            let result = within(move || json::parse_bytes(&bytes));
            if let Err(e) = result {
                prop_assert!(e.contains("at byte"), "{e}");
                prop_assert!(byte_named(&e).is_some_and(|at| at <= length), "{e}: no place in {length} bytes");
            }
        }

        #[test]
        fn what_is_written_reads_back_the_same(v in json_value(), ascii in any::<bool>()) {
            let mut text = String::new();
            write(&v, ascii, &mut text);
            let back = within(move || json::parse(&text));
            prop_assert_eq!(back, Ok(v));
        }

        /// Text made of JSON's own characters is accepted exactly when serde_json accepts it,
        /// but for serde_json's own limits (its range of numbers, lone surrogates that the
        /// reader turns into U+FFFD as JavaScript does, and its 127 levels of nesting).
        #[test]
        fn agrees_with_serde_json_on_json_like_text(text in "[\\[\\]{}:,\" 0-9eE.+\\-\\\\/bfnrtu\\tnulasé\u{1}\u{7f}]{0,40}") {
            let ours = json::parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            if let Err(e) = &theirs {
                let e = e.to_string();
                prop_assume!(!e.contains("surrogate") && !e.contains("out of range") && !e.contains("recursion"));
            }
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "ours {:?}, serde_json {:?}", ours, theirs.map_err(|e| e.to_string()));
        }

        #[test]
        fn nesting_is_refused_past_the_bound_at_any_depth(depth in depth(), objects in any::<bool>(), closed in any::<bool>()) {
            let (open, close) = if objects { ("{\"k\":[", "]}") } else { ("[", "]") };
            let mut text = open.repeat(depth);
            if closed {
                text.push_str(&close.repeat(depth));
            }
            let levels = if objects { depth * 2 } else { depth };
            let result = within(move || json::parse(&text).map(|_| ()));
            if levels > MAX_DEPTH {
                prop_assert!(result.unwrap_err().contains("nested deeper"));
            } else {
                prop_assert_eq!(result.is_ok(), closed && depth > 0);
            }
        }

        #[test]
        fn huge_strings_are_read_in_bounded_time(s in huge_text()) {
            let v = Json::Array(vec![Json::String(s)]);
            let text = text_of(&v);
            prop_assert_eq!(within(move || json::parse(&text)), Ok(v));
        }
    }
}

mod options {
    use super::*;

    /// An option name as a partner might write it: attribute, `data-` attribute, JS key, or not one.
    fn name() -> impl Strategy<Value = String> {
        let known: Vec<String> = OPTION_SPECS
            .iter()
            .flat_map(|s| [s.attribute.to_string(), format!("data-{}", s.attribute), s.js.to_string()])
            .collect();
        prop_oneof![4 => prop::sample::select(known), 1 => hostile_text()]
    }

    fn value() -> impl Strategy<Value = String> {
        let plausible = [
            "TH",
            "us",
            "zz",
            "es",
            "pt-BR",
            "quotes, hotlines",
            "hotlines,hotlines,maps",
            "compact",
            "dark",
            "yes",
            "0",
            "https://example.org/",
            "mailto:a@b.org",
            "/partner.json",
            "data:text/json,[]",
            "",
        ];
        prop_oneof![4 => prop::sample::select(plausible.map(String::from).to_vec()), 3 => hostile_text(), 1 => huge_text()]
    }

    /// Every warning names an option and a value that were given, quoted as the console shows
    /// them; an unknown name always warns; no pair warns twice.
    fn check(pairs: Vec<(String, String)>) -> Result<(), TestCaseError> {
        let given = pairs.clone();
        let (_, warnings) =
            within(move || Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), is_country));
        prop_assert!(warnings.len() <= given.len());
        for w in &warnings {
            prop_assert!(given.iter().any(|(k, v)| *k == w.option && *v == w.value), "{w} names no input");
            let said = w.to_string();
            prop_assert!(
                said.contains(&format!("option \"{}\"", w.option)) && said.contains(&Quoted(&w.value).to_string()),
                "{said}"
            );
        }
        for (k, v) in &given {
            if freedom_widget::core::options::spec_named(k).is_none() {
                prop_assert!(
                    warnings.iter().any(|w| w.option == *k && w.value == *v),
                    "unknown option {k} was not said"
                );
            }
        }
        Ok(())
    }

    /// `application/x-www-form-urlencoded` as `URLSearchParams` reads it: `+` is a space, `%XX`
    /// a byte, bytes that are not UTF-8 become U+FFFD; `Object.fromEntries` keeps the last value
    /// of a repeated name (js/page.js).
    fn query_pairs(query: &str) -> Vec<(String, String)> {
        let decode = |s: &str| {
            let (b, mut out, mut i) = (s.as_bytes(), Vec::new(), 0);
            while i < b.len() {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok());
                match (b[i], hex) {
                    (b'+', _) => out.push(b' '),
                    (b'%', Some(byte)) => {
                        out.push(byte);
                        i += 2;
                    }
                    (c, _) => out.push(c),
                }
                i += 1;
            }
            String::from_utf8_lossy(&out).into_owned()
        };
        let mut pairs: Vec<(String, String)> = Vec::new();
        for part in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (k, v) = (decode(k), decode(v));
            pairs.retain(|(old, _)| *old != k);
            pairs.push((k, v));
        }
        pairs
    }

    /// A JS option object's entries as `option_pairs` in src/web/mount.rs turns them into text:
    /// strings as they are, booleans written out, arrays of strings joined with commas, numbers
    /// and objects as JSON; null skipped, and the structured keys handled elsewhere.
    fn object_pairs(fields: &[(String, Json)]) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        for (k, v) in fields {
            let text = match v {
                _ if ["hotlines", "quotes", "onEvent"].contains(&k.as_str()) => continue,
                Json::Null => continue,
                Json::String(s) => s.clone(),
                Json::Bool(b) => b.to_string(),
                Json::Array(items) => items
                    .iter()
                    .filter_map(|i| if let Json::String(s) = i { Some(s.as_str()) } else { None })
                    .collect::<Vec<_>>()
                    .join(","),
                other => text_of(other),
            };
            pairs.push((k.clone(), text));
        }
        pairs
    }

    proptest! {
        #![proptest_config(config(256, 1))]

        #[test]
        fn attributes(pairs in prop::collection::vec((name(), value()), 0..8)) {
            check(pairs)?;
        }

        #[test]
        fn url_query(query in prop::collection::vec((name(), value(), "[&=+%0-9A-Fa-f]{0,6}"), 0..6)) {
            // Names and values percent-encoded as a browser would, then noise that a hand-edited link may carry.
            let enc = |s: &str| s.bytes().map(|b| if b.is_ascii_alphanumeric() || b == b'-' { (b as char).to_string() } else { format!("%{b:02X}") }).collect::<String>();
            let query: String = query.iter().map(|(k, v, noise)| format!("{}={}{noise}&", enc(k), enc(v))).collect();
            check(query_pairs(&query))?;
        }

        #[test]
        fn js_option_objects(fields in prop::collection::vec((name(), json_value()), 0..8)) {
            check(object_pairs(&fields))?;
        }
    }
}

mod partner_rows {
    use super::*;

    const SOURCE: &str = "/partner.json";

    fn good_row() -> Json {
        json::parse(
            r#"{"id": "zz-partner", "country": "TH", "organisation": "Partner NGO", "name": "Partner line",
            "scope": "trafficking", "audience": "everyone",
            "channels": [{"kind": "phone", "display": "02 000 0000", "e164": "+6620000000", "note": "free"},
                         {"kind": "web", "display": "Report", "url": "https://example.org/report"}],
            "hours": {"tz": "Asia/Bangkok", "weekly": [{"days": "mon-fri", "open": "09:00", "close": "17:00"}]},
            "hours_text": "weekdays", "languages": ["th", "en"], "languages_note": "and others",
            "source_url": "https://example.org/help", "checked": "2026-11-20"}"#,
        )
        .unwrap()
    }

    /// Where a value can be swapped: every field of a row, and inside its lists.
    const PATHS: &[&str] = &[
        "id",
        "country",
        "organisation",
        "name",
        "scope",
        "audience",
        "channels",
        "channels.0",
        "channels.0.kind",
        "channels.0.display",
        "channels.0.e164",
        "channels.0.dial",
        "channels.0.note",
        "channels.1.url",
        "channels.1.body",
        "channels.1.address",
        "hours",
        "hours.always",
        "hours.tz",
        "hours.weekly",
        "hours.weekly.0",
        "hours.weekly.0.days",
        "hours.weekly.0.open",
        "hours.weekly.0.close",
        "hours_text",
        "languages",
        "languages.0",
        "languages_note",
        "source_url",
        "checked",
    ];

    /// Sets the value at `path`, adding the field if the row has none there.
    fn set(target: &mut Json, path: &[&str], value: Json) {
        let Some((first, rest)) = path.split_first() else {
            *target = value;
            return;
        };
        match target {
            Json::Object(fields) => {
                if !fields.iter().any(|(k, _)| k == first) {
                    fields.push((first.to_string(), Json::Null));
                }
                let slot = &mut fields.iter_mut().find(|(k, _)| k == first).unwrap().1;
                set(slot, rest, value);
            }
            Json::Array(items) => {
                let i: usize = first.parse().unwrap();
                set(&mut items[i], rest, value);
            }
            _ => {}
        }
    }

    /// Decodes and checks a partner file as the widget does, and says what it would warn.
    /// Each warning names the file and a row it holds, or, for a file that holds no list of
    /// rows (an array, or `{"hotlines": [...]}`), the file alone with its `hotlines` field.
    fn warnings_for(file: &Json) -> Result<Vec<RowError>, TestCaseError> {
        let text = text_of(file);
        let problems = within(move || {
            let value = json::parse(&text).expect("written JSON reads back");
            let rows = Directory::check_partner_rows(SOURCE, json::partner_rows(SOURCE, &value));
            Directory::with_partner_rows(rows).1
        });
        let rows = match file {
            Json::Object(fields) => fields.iter().find(|(k, _)| k == "hotlines").map(|(_, v)| v),
            other => Some(other),
        };
        for e in &problems {
            let s = e.to_string();
            prop_assert!(s.starts_with(SOURCE), "a skipped row's warning names the file: {s}");
            prop_assert!(!e.field.is_empty() && s.contains(&format!("field `{}`", e.field)), "names no field: {s}");
            match rows {
                Some(Json::Array(rows)) => {
                    // `/partner.json[3]`, then the row's id if it has one.
                    let index = e.row[SOURCE.len()..]
                        .strip_prefix('[')
                        .and_then(|r| r.split_once(']'))
                        .filter(|(_, id)| id.is_empty() || id.starts_with(" \""))
                        .and_then(|(i, _)| i.parse::<usize>().ok());
                    prop_assert!(index.is_some_and(|i| i < rows.len()), "names no row of {}: {s}", rows.len());
                }
                _ => prop_assert!(problems.len() == 1 && e.row == SOURCE && e.field == "hotlines", "{problems:?}"),
            }
        }
        Ok(problems)
    }

    /// The part of a row a value swapped in at `path` may break, as messages write fields: the
    /// channel for a path inside one (a `dial` beside an `e164` is said at `channels[0].e164`),
    /// otherwise the row's field (`hours.always` may be said at `hours`).
    fn part_of_row(path: &str) -> String {
        match path.split('.').collect::<Vec<_>>().as_slice() {
            ["channels", i, ..] => format!("channels[{i}]"),
            [first, ..] => first.to_string(),
            [] => String::new(),
        }
    }

    proptest! {
        #![proptest_config(config(256, 1))]

        #[test]
        fn any_field_swapped_for_any_value(path in prop::sample::select(PATHS), value in json_value(), wrapped in any::<bool>()) {
            let mut row = good_row();
            set(&mut row, &path.split('.').collect::<Vec<_>>(), value.clone());
            let rows = Json::Array(vec![good_row(), row]);
            let file = if wrapped { Json::Object(vec![("hotlines".into(), rows)]) } else { rows };
            let said = warnings_for(&file)?;
            // The untouched row always passes; the swapped one costs at most itself.
            prop_assert!(said.len() <= 1, "{said:?}");
            let required = ["id", "country", "organisation", "name", "scope", "source_url", "checked"];
            if required.contains(&path) && !matches!(value, Json::String(_)) {
                prop_assert!(said.len() == 1 && said[0].to_string().contains(&format!("field `{path}`")), "{path} = {value:?}: {said:?}");
            }
            // The warning names the swapped row (by its id as the file now gives it) and the
            // field that was swapped, or the channel it sits in.
            if let Some(e) = said.first() {
                let row = match (path, &value) {
                    ("id", Json::String(id)) if !id.is_empty() => format!("{SOURCE}[1] \"{id}\""),
                    ("id", _) => format!("{SOURCE}[1]"),
                    _ => format!("{SOURCE}[1] \"zz-partner\""),
                };
                prop_assert_eq!(&e.row, &row, "{} = {:?}", path, value);
                let part = part_of_row(path);
                let inside = e.field.strip_prefix(&part).is_some_and(|r| r.is_empty() || r.starts_with(['.', '[']));
                prop_assert!(inside, "{path} = {value:?} was said at `{}`, not in `{part}`: {e}", e.field);
            }
        }

        #[test]
        fn any_file(file in json_value()) {
            warnings_for(&file)?;
        }
    }

    proptest! {
        // Each case validates thousands of rows: a few cases say enough.
        #![proptest_config(config(4, 64))]

        #[test]
        fn many_rows_in_bounded_time(n in 1..3_000usize) {
            let file = Json::Array(vec![good_row(); n]);
            prop_assert!(warnings_for(&file)?.is_empty());
        }
    }

    #[test]
    fn the_good_row_passes() {
        assert_eq!(warnings_for(&Json::Array(vec![good_row()])).unwrap(), vec![]);
    }
}

mod language_files {
    use super::*;

    fn good_file() -> Vec<(String, Json)> {
        Key::ALL.iter().map(|k| (k.id().to_string(), Json::String(format!("text of {}", k.id())))).collect()
    }

    proptest! {
        #![proptest_config(config(256, 1))]

        #[test]
        fn any_text_is_installed_or_refused(text in prop_oneof![any::<String>(), "[{}\\[\\]\":, a-z-]{0,60}", huge_text()]) {
            let given = text.clone();
            if let Err(e) = within(move || install_json(Lang::Es, &text)) {
                prop_assert!(!e.is_empty());
                // A refusal names its place in the file: the byte where it stops being JSON, or
                // the message it lacks; or says the file as a whole is JSON but no object.
                let parsed = json::parse(&given);
                let lacks = |id: &str| match &parsed {
                    // Of a name given twice, the first is the one read.
                    Ok(Json::Object(fields)) => !matches!(fields.iter().find(|(k, _)| k == id), Some((_, Json::String(_)))),
                    _ => false,
                };
                let named = match e.strip_prefix("no text for ") {
                    Some(id) => Key::ALL.iter().any(|k| k.id() == id) && lacks(id),
                    None if e == "not a JSON object" => matches!(parsed, Ok(ref v) if !matches!(v, Json::Object(_))),
                    None => parsed.is_err() && byte_named(&e).is_some_and(|at| at <= given.len()),
                };
                prop_assert!(named, "{e} names no place in the file");
            }
        }

        #[test]
        fn a_missing_or_mistyped_message_is_named(i in 0..Key::ALL.len(), value in json_value(), drop in any::<bool>()) {
            let mut fields = good_file();
            let id = fields[i].0.clone();
            if drop {
                fields.remove(i);
            } else {
                fields[i].1 = value.clone();
            }
            let text = text_of(&Json::Object(fields));
            let result = within(move || install_json(Lang::Es, &text));
            if drop || !matches!(value, Json::String(_)) {
                let e = result.unwrap_err();
                prop_assert!(e.contains(&id), "{e}");
                // Exactly that message: ids hold one another ("audience" in "audience-area").
                prop_assert_eq!(e, format!("no text for {id}"));
            } else {
                prop_assert_eq!(result, Ok(()));
            }
        }
    }

    #[test]
    fn the_good_file_installs() {
        assert_eq!(install_json(Lang::Es, &text_of(&Json::Object(good_file()))), Ok(()));
    }
}

/// The embed's files of each country's built-in data (`builtin::read_lines`): whatever a file
/// beside the wasm holds (a host's error page, a truncated or edited file), reading it never
/// panics, and what reads is filed under its own country.
mod country_lines {
    use super::*;
    use freedom_widget::core::builtin;

    fn module_text() -> String {
        builtin::country_files().take(12).map(|(_, text)| format!("{text}\n")).collect()
    }

    proptest! {
        #![proptest_config(config(256, 1))]

        #[test]
        fn any_text(text in hostile_text()) {
            within(move || builtin::read_lines("lines/XX", &text).map(|_| ()).unwrap_or(()));
        }

        #[test]
        fn a_module_cut_or_with_a_byte_changed(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
            let mut bytes = module_text().into_bytes();
            let i = at.index(bytes.len());
            if cut { bytes.truncate(i) } else { bytes[i] = byte }
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let read = within(move || builtin::read_lines("lines/XX", &text));
            // What reads is lines of the countries they are filed under, each a valid row.
            for file in read.unwrap_or_default() {
                prop_assert!(file.hotlines.iter().all(|h| *h.country == *file.code));
                prop_assert!(file.emergency.iter().all(|e| *e.country == *file.code));
            }
        }
    }
}
