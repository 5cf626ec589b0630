//! The JSON reader the widget uses for its own data, partner rows and language files, natively
//! and in the browser: it follows RFC 8259 (JSONTestSuite), refuses deep nesting with a clear
//! error instead of overflowing the stack, and reads bytes as the browser's `text()` does.

use freedom_widget::core::json::{self, Json, MAX_DEPTH};

#[test]
fn parses_escapes_and_unicode() {
    let v = json::parse(
        r#"{"a": "C\u00f4te d\u2019Ivoire \ud83d\ude00 \"q\" \\ \n", "b": [true, false, null, -1.5e3], "c": {}}"#,
    )
    .unwrap();
    let Json::Object(fields) = v else { panic!() };
    assert_eq!(fields[0].1, Json::String("Côte d’Ivoire 😀 \"q\" \\ \n".into()));
    assert_eq!(
        fields[1].1,
        Json::Array(vec![Json::Bool(true), Json::Bool(false), Json::Null, Json::Number("-1.5e3".into())])
    );
    assert!(json::parse("{\"a\": }").unwrap_err().contains("byte"));
    assert!(json::parse("[1, 2").is_err());
    assert!(json::parse("\"unterminated").is_err());
}

#[test]
fn a_broken_partner_row_is_named_and_the_others_survive() {
    let file = json::parse(r#"{"hotlines": [
        {"id": "ok-row", "country": "TH", "organisation": "O", "name": "N", "scope": "trafficking",
         "channels": [{"kind": "phone", "display": "1", "e164": "+6620000000"}], "source_url": "https://e.org", "checked": "2026-01-01"},
        {"id": "no-country", "organisation": "O", "name": "N", "scope": "trafficking", "channels": [], "source_url": "https://e.org", "checked": "2026-01-01"},
        {"id": "bad-kind", "country": "TH", "organisation": "O", "name": "N", "scope": "trafficking",
         "channels": [{"kind": "pigeon"}], "source_url": "https://e.org", "checked": "2026-01-01"},
        "not an object"
    ]}"#).unwrap();
    let rows = json::partner_rows("partner.json", &file);
    assert!(rows[0].is_ok());
    let e = rows[1].as_ref().unwrap_err();
    assert_eq!(
        (e.row.as_str(), e.field.as_str(), e.problem.as_str()),
        ("partner.json[1] \"no-country\"", "country", "missing")
    );
    let e = rows[2].as_ref().unwrap_err();
    assert_eq!(e.field, "channels[0].kind");
    assert_eq!(rows[3].as_ref().unwrap_err().field, "row");
    assert!(json::partner_rows("x", &json::parse("42").unwrap())[0].is_err());
}

#[test]
fn deep_nesting_is_refused_with_a_clear_error_not_a_stack_overflow() {
    // Within the bound the reader reads it; one level more and it says why it stopped.
    let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    assert!(json::parse(&ok).is_ok());
    let e = json::parse(&("[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1))).unwrap_err();
    assert!(e.contains(&format!("nested deeper than {MAX_DEPTH} levels")), "{e}");
    // A partner file of 100,000 brackets, mixed arrays and objects, closed or not.
    for deep in ["[".repeat(100_000), "{\"a\":[".repeat(100_000), "[".repeat(100_000) + &"]".repeat(100_000)] {
        assert!(json::parse(&deep).unwrap_err().contains("nested deeper"));
    }
}

#[test]
fn numbers_and_strings_follow_the_grammar() {
    for bad in ["-01", "2.", "0.3e", "1eE2", "-", "01", ".5", "1e+", "+1", "0x1", "1.e3", "Infinity", "NaN", "- 1"] {
        assert!(json::parse(bad).is_err(), "{bad} is not a JSON number");
    }
    for good in ["0", "-0", "1.5", "-1.5e-3", "1E+2", "10", "0e0", "123456789012345678901234567890"] {
        assert_eq!(json::parse(good), Ok(Json::Number(good.into())));
    }
    // A raw tab or newline inside a string must be written as an escape.
    assert!(json::parse("\"a\tb\"").unwrap_err().contains("control character"));
    assert!(json::parse("\"a\nb\"").is_err());
    assert!(json::parse(r#""\u+123""#).is_err(), "a \\u escape takes four hex digits, no sign");
    // A lone half of a surrogate pair reads as U+FFFD, as JavaScript would show it; the text after it survives.
    assert_eq!(json::parse(r#""\ud800\u0041""#), Ok(Json::String("\u{FFFD}A".into())));
    assert_eq!(json::parse(r#""\udc00""#), Ok(Json::String("\u{FFFD}".into())));
}

#[test]
fn bytes_are_read_as_the_browsers_text_reads_them() {
    // `Response.text()` drops one UTF-8 byte-order mark and replaces each invalid sequence with U+FFFD.
    assert_eq!(json::parse_bytes(b"\xEF\xBB\xBF{}"), Ok(Json::Object(vec![])));
    assert!(json::parse_bytes(b"\xEF\xBB\xBF\xEF\xBB\xBF{}").is_err(), "a second mark is text, not space");
    assert_eq!(json::parse_bytes(b"[\"a\xFFb\"]"), Ok(Json::Array(vec![Json::String("a\u{FFFD}b".into())])));
    assert_eq!(json::decode_text(b"\xC3\xA9\xE5"), "é\u{FFFD}");
}

/// Every file of nst/JSONTestSuite (MIT): `y_` must be read, `n_` refused, `i_` either way but
/// without a crash. The files stay in the shared folder beside the project, read in place.
#[test]
fn json_test_suite() {
    let dir = std::path::Path::new("../shared/testdata/JSONTestSuite/test_parsing");
    // CI always has ../shared beside the checkout: without it this test would check nothing and
    // still pass, so a missing folder fails, naming it.
    let entries = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} (beside the checkout, as CI has it) cannot be read: {e}", dir.display()));
    let mut wrong = Vec::new();
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let result = json::parse_bytes(&std::fs::read(&path).unwrap());
        count += 1;
        match (&name[..2], &result) {
            ("y_", Err(e)) => wrong.push(format!("{name}: refused ({e})")),
            ("n_", Ok(v)) => wrong.push(format!("{name}: accepted as {v:?}")),
            _ => {}
        }
    }
    assert!(count >= 300, "only {count} files in {}", dir.display());
    assert!(wrong.is_empty(), "{} of {count} files read wrongly:\n{}", wrong.len(), wrong.join("\n"));
}
