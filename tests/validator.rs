//! The validator: the built-in data passes, and each kind of bad row fails with a message
//! naming the row and the field.

use freedom_widget::core::builtin;
use freedom_widget::core::data::Hotline;
use freedom_widget::core::directory::Directory;
use freedom_widget::core::validate::{check_across_rows, check_hotline, RowError};
use freedom_widget::core::BuiltinReference;
use serde_json::{json, Value};

// The whole-file checks and corrections, the very module build.rs and the import command use.
use freedom_widget::core::{data, validate};
#[path = "../build/datafile.rs"]
#[allow(dead_code)]
mod datafile;

fn good_row() -> Value {
    json!({
        "id": "zz-test-line", "country": "US", "organisation": "Test Org", "name": "Test Line",
        "scope": "trafficking",
        "channels": [{"kind": "phone", "display": "1-888-373-7888", "e164": "+18883737888"}],
        "hours": {"always": true}, "languages": ["en"],
        "source_url": "https://example.org/page", "checked": "2026-11-25"
    })
}

fn errors_for(row: Value) -> Vec<RowError> {
    let h: Hotline = serde_json::from_value(row).expect("row deserializes");
    check_hotline(&BuiltinReference, "hotlines", 7, &h)
}

fn with(path: &[&str], value: Value) -> Value {
    let mut row = good_row();
    let mut target = &mut row;
    for (i, p) in path.iter().enumerate() {
        if i + 1 == path.len() {
            break;
        }
        target = match p.parse::<usize>() {
            Ok(n) => &mut target[n],
            Err(_) => &mut target[*p],
        };
    }
    let last = path[path.len() - 1];
    match last.parse::<usize>() {
        Ok(n) => target[n] = value,
        Err(_) => target[last] = value,
    }
    row
}

fn assert_fails(row: Value, field: &str, words: &str) {
    let errors = errors_for(row);
    let hit = errors.iter().find(|e| e.field == field);
    let e = hit.unwrap_or_else(|| panic!("expected an error on `{field}`, got {errors:?}"));
    assert_eq!(e.row, "hotlines[7] \"zz-test-line\"", "the message names the row");
    assert!(
        e.to_string().contains(field) && e.to_string().contains(words),
        "message {e} should name {field} and say {words}"
    );
}

#[test]
fn a_good_row_passes() {
    assert_eq!(errors_for(good_row()), vec![]);
}

#[test]
fn built_in_data_is_valid_and_complete() {
    for (i, h) in builtin::hotlines().iter().enumerate() {
        assert_eq!(check_hotline(&BuiltinReference, "hotlines", i, h), vec![], "{}", h.id);
    }
    assert_eq!(check_across_rows(builtin::hotlines()), vec![]);
    // Every country of the reference data is in the directory, with its source and check date.
    let reference: Value = serde_json::from_str(&std::fs::read_to_string("data/hotlines.json").unwrap()).unwrap();
    let rows = reference["hotlines"].as_array().unwrap();
    assert_eq!(builtin::hotlines().len(), rows.len());
    let directory = Directory::default();
    for row in rows {
        let country = row["country"].as_str().unwrap();
        let id = row["id"].as_str().unwrap();
        let lines = directory.hotlines_in(country);
        let h = lines.iter().find(|h| h.id == id).unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(h.source_url, row["source_url"].as_str().unwrap());
        assert_eq!(h.checked, row["checked"].as_str().unwrap());
    }
}

#[test]
fn the_project_copy_matches_the_shared_reference_with_its_listed_corrections() {
    // CI always has ../shared beside the checkout: without it this test would compare nothing
    // and still pass, so a missing file fails, naming it.
    let path = "../shared/data/hotlines.json";
    let shared = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{path} (beside the checkout, as CI has it) cannot be read: {e}"));
    let mut shared: Value = serde_json::from_str(&shared).unwrap();
    // The import command's own corrections code (build/datafile.rs), not a copy of it.
    let corrections = std::fs::read_to_string("data/corrections.json").unwrap();
    for note in datafile::apply_corrections(&mut shared, &corrections).unwrap() {
        assert!(matches!(note, datafile::CorrectionNote::Applied(_)), "{note:?}: remove it from data/corrections.json");
    }
    let ours: Value = serde_json::from_str(&std::fs::read_to_string("data/hotlines.json").unwrap()).unwrap();
    assert!(
        ours == shared,
        "data/hotlines.json is out of step with ../shared: run `cargo run --features native-tools --bin import-data`"
    );
    let path = "../shared/data/SOURCES.md";
    let notes = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path} cannot be read: {e}"));
    assert!(
        std::fs::read_to_string("data/SOURCES.md").unwrap() == notes,
        "data/SOURCES.md is out of step with ../shared: run the import"
    );
}

#[test]
fn the_whole_file_check_passes_the_project_copy_and_names_what_breaks_it() {
    // The same checks build.rs and the import command run (build/datafile.rs).
    let file: Value = serde_json::from_str(&std::fs::read_to_string("data/hotlines.json").unwrap()).unwrap();
    let checked = datafile::check(&BuiltinReference, &file).unwrap_or_else(|e| panic!("{e:#?}"));
    assert_eq!(checked.hotlines.len(), file["hotlines"].as_array().unwrap().len());
    // A second emergency row for a country the file already has.
    let mut twice = file.clone();
    let first = twice["emergency"][0].clone();
    twice["emergency"].as_array_mut().unwrap().push(first.clone());
    let errors = datafile::check(&BuiltinReference, &twice).err().expect("two emergency rows for one country fail");
    let n = file["emergency"].as_array().unwrap().len();
    let expected = format!("emergency[{n}] {}: field `country`: a country has one emergency row", first["country"]);
    assert!(errors.iter().any(|e| e.starts_with(&expected)), "{errors:#?}");
    // A code outside a closed list fails the file (so the build) naming the row and field.
    let mut bad_flag = file.clone();
    bad_flag["hotlines"][0]["channels"][0]["flags"] = json!(["free", "tollfree"]);
    let errors = datafile::check(&BuiltinReference, &bad_flag).err().unwrap();
    let id = file["hotlines"][0]["id"].as_str().unwrap();
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("hotlines[0] \"{id}\": field `channels[0].flags[1]`"))),
        "{errors:#?}"
    );
    // A row that does not decode is named with its field.
    let mut broken = file.clone();
    broken["hotlines"][3].as_object_mut().unwrap().remove("source_url");
    let errors = datafile::check(&BuiltinReference, &broken).err().unwrap();
    let id = file["hotlines"][3]["id"].as_str().unwrap();
    assert!(
        errors.iter().any(|e| e.starts_with(&format!("hotlines[3] \"{id}\"")) && e.contains("source_url")),
        "{errors:#?}"
    );
}

#[test]
fn a_stale_correction_is_reported_and_a_correction_without_to_removes_the_field() {
    let mut data = json!({"hotlines": [{"id": "x", "channels": [{"url": "https://a.example (form)"}], "second_source": {"url": "https://same"}}]});
    let corrections = json!({"corrections": [
        {"list": "hotlines", "id": "x", "path": ["channels", 0, "url"], "from": "https://a.example (form)", "to": "https://a.example"},
        {"list": "hotlines", "id": "x", "path": ["second_source"], "from": {"url": "https://same"}},
        {"list": "hotlines", "id": "x", "path": ["channels", 0, "url"], "from": "something else", "to": "y"}
    ]});
    let notes = datafile::apply_corrections(&mut data, &corrections.to_string()).unwrap();
    assert!(
        matches!(
            &notes[..],
            [
                datafile::CorrectionNote::Applied(_),
                datafile::CorrectionNote::Applied(_),
                datafile::CorrectionNote::Stale(_)
            ]
        ),
        "{notes:?}"
    );
    assert_eq!(data, json!({"hotlines": [{"id": "x", "channels": [{"url": "https://a.example"}]}]}));
}

#[test]
fn audience_codes_and_channel_flags_come_from_closed_lists() {
    assert_eq!(errors_for(with(&["audience_codes"], json!(["children", "migrant_workers"]))), vec![]);
    assert_fails(
        with(&["audience_codes"], json!(["children", "kids"])),
        "audience_codes[1]",
        "must be one of children, women",
    );
    assert_eq!(errors_for(with(&["channels", "0", "flags"], json!(["free", "24h", "from_abroad"]))), vec![]);
    assert_fails(
        with(&["channels", "0", "flags"], json!(["toll-free"])),
        "channels[0].flags[0]",
        "must be one of free, anonymous",
    );
    assert_fails(with(&["channels", "0", "note"], json!(" ")), "channels[0].note", "empty");
    assert_fails(with(&["audience_area"], json!("")), "audience_area", "empty");
    assert_fails(with(&["audience_note"], json!("")), "audience_note", "empty");
    // The same rules hold for a partner row read by the widget's own reader.
    let mut row = good_row();
    row["channels"][0]["flags"] = json!(["free", "toll-free"]);
    let value = freedom_widget::core::json::parse(&row.to_string()).unwrap();
    let h = freedom_widget::core::json::hotline("partner.json", 0, &value).unwrap();
    let e = check_hotline(&BuiltinReference, "partner.json", 0, &h);
    assert!(e.iter().any(|e| e.field == "channels[0].flags[1]" && e.to_string().contains("\"toll-free\"")), "{e:?}");
}

#[test]
fn a_second_source_is_another_page() {
    assert_eq!(
        errors_for(with(&["second_source"], json!({"url": "https://other.example/page", "year": 2022}))),
        vec![]
    );
    assert_fails(
        with(&["second_source"], json!({"url": "https://example.org/page"})),
        "second_source.url",
        "other than source_url",
    );
    assert_fails(with(&["second_source"], json!({"url": "ftp://x"})), "second_source.url", "https://");
    assert_fails(
        with(&["second_source"], json!({"url": "https://o.example", "year": 22})),
        "second_source.year",
        "year",
    );
}

#[test]
fn bad_country_code() {
    assert_fails(with(&["country"], json!("USA")), "country", "ISO 3166-1");
    assert_fails(with(&["country"], json!("QQ")), "country", "ISO 3166-1");
}

#[test]
fn bad_e164() {
    assert_fails(with(&["channels", "0", "e164"], json!("18883737888")), "channels[0].e164", "E.164");
    assert_fails(with(&["channels", "0", "e164"], json!("+1 888 373 7888")), "channels[0].e164", "E.164");
    assert_fails(with(&["channels", "0", "e164"], json!("+0123456")), "channels[0].e164", "E.164");
}

#[test]
fn phone_needs_a_number_and_a_display() {
    assert_fails(
        with(&["channels", "0"], json!({"kind": "phone", "display": "911"})),
        "channels[0].e164",
        "needs e164 or dial",
    );
    assert_fails(
        with(&["channels", "0"], json!({"kind": "phone", "e164": "+18883737888"})),
        "channels[0].display",
        "as the source writes it",
    );
    assert_fails(
        with(&["channels", "0"], json!({"kind": "phone", "display": "x", "dial": "12a"})),
        "channels[0].dial",
        "digits",
    );
    assert_fails(
        with(&["channels", "0"], json!({"kind": "whatsapp", "display": "x", "dial": "1234"})),
        "channels[0].e164",
        "WhatsApp",
    );
}

#[test]
fn source_url_accepts_https_and_http_only() {
    // SOURCES.md: http:// is allowed where the page is only known there (it wins over the issue's "https").
    assert_eq!(errors_for(with(&["source_url"], json!("http://www.Modernslaveryhelpline.org"))), vec![]);
    assert_fails(with(&["source_url"], json!("ftp://example.org/x")), "source_url", "https://");
    assert_fails(with(&["source_url"], json!("javascript:alert(1)")), "source_url", "https://");
    assert_fails(with(&["source_url"], json!("https://example.org/a page")), "source_url", "https://");
}

#[test]
fn check_date_is_required_and_real() {
    assert_fails(with(&["checked"], json!("")), "checked", "YYYY-MM-DD");
    assert_fails(with(&["checked"], json!("2026-02-30")), "checked", "YYYY-MM-DD");
    let mut row = good_row();
    row.as_object_mut().unwrap().remove("checked");
    assert!(serde_json::from_value::<Hotline>(row).unwrap_err().to_string().contains("checked"));
}

#[test]
fn empty_channels_email_url_hours_and_languages() {
    assert_fails(with(&["channels"], json!([])), "channels", "at least one");
    assert_fails(
        with(&["channels", "0"], json!({"kind": "email", "address": "not-an-address"})),
        "channels[0].address",
        "email",
    );
    assert_fails(
        with(&["channels", "0"], json!({"kind": "web", "url": "https://080020100.bg (Report Now form)"})),
        "channels[0].url",
        "URL",
    );
    assert_fails(
        with(
            &["hours"],
            json!({"tz": "Mars/Olympus", "weekly": [{"days": "mon-fri", "open": "09:00", "close": "17:00"}]}),
        ),
        "hours.tz",
        "IANA",
    );
    assert_fails(
        with(
            &["hours"],
            json!({"tz": "Asia/Tokyo", "weekly": [{"days": "weekdays", "open": "09:00", "close": "17:00"}]}),
        ),
        "hours.weekly[0].days",
        "mon-fri",
    );
    assert_fails(
        with(&["hours"], json!({"tz": "Asia/Tokyo", "weekly": [{"days": "mon", "open": "9am", "close": "17:00"}]})),
        "hours.weekly[0].open",
        "HH:MM",
    );
    assert_fails(with(&["languages"], json!(["Spanish"])), "languages[0]", "BCP 47");
    assert_fails(with(&["name"], json!("  ")), "name", "empty");
}

#[test]
fn duplicate_country_and_number_across_rows() {
    let a: Hotline = serde_json::from_value(good_row()).unwrap();
    let mut b = a.clone();
    b.id = "zz-other".into();
    let errors = check_across_rows(&[a.clone(), b]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].to_string().contains("+18883737888") && errors[0].row.contains("zz-other"));
    // The same number twice within one row (a phone and a WhatsApp line) is one line, not a duplicate.
    let mut c = a.clone();
    let mut channels = c.channels.to_vec();
    channels.push(serde_json::from_value(json!({"kind": "whatsapp", "display": "x", "e164": "+18883737888"})).unwrap());
    c.channels = channels.into();
    assert_eq!(check_across_rows(&[c]), vec![]);
    // Duplicate ids are named too.
    let errors = check_across_rows(&[a.clone(), a]);
    assert!(errors.iter().any(|e| e.field == "id"));
}

#[test]
fn partner_rows_correct_extend_and_skip() {
    let mut fix: Hotline = serde_json::from_value(good_row()).unwrap();
    fix.id = "us-national-human-trafficking-hotline".into();
    fix.name = "Corrected name".into();
    let extra: Hotline = serde_json::from_value(with(&["id"], json!("th-partner-line")))
        .map(|mut h: Hotline| {
            h.country = "TH".into();
            h
        })
        .unwrap();
    let bad: Hotline = serde_json::from_value(with(&["country"], json!("ZZZ"))).unwrap();
    let before_th = Directory::default().hotlines_in("TH").len();
    let (dir, problems) = Directory::with_partner_rows(vec![
        Ok(fix),
        Ok(extra),
        Ok(bad),
        Err(RowError { row: "hotlines[3]".into(), field: "country".into(), problem: "missing field `country`".into() }),
    ]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].field == "country" && problems[0].row.contains("hotlines[2]"));
    assert_eq!(dir.hotlines_in("US")[0].name, "Corrected name");
    assert_eq!(dir.hotlines_in("TH").len(), before_th + 1);
    assert_eq!(dir.hotlines_in("TH").last().unwrap().id, "th-partner-line");
    let total: usize = dir.countries().iter().map(|c| dir.hotlines_in(c).len()).sum();
    assert_eq!(total, builtin::hotlines().len() + 1);
    assert!(
        matches!(Directory::default().hotlines_in("TH"), std::borrow::Cow::Borrowed(_)),
        "without partner rows nothing is copied"
    );
    assert!(
        matches!(dir.hotlines_in("JP"), std::borrow::Cow::Borrowed(_)),
        "a country no partner row touches is not copied"
    );
}

#[test]
fn a_bad_value_is_quoted_in_the_message_and_a_missing_one_is_called_nothing() {
    // What the partner wrote is shown quoted and escaped, so a stray quote or newline in their
    // file is visible in the console, not mistaken for the end of the message.
    let e = errors_for(with(&["channels", "0"], json!({"kind": "phone", "display": "x", "dial": "12\"3\n"})));
    assert!(e.iter().any(|e| e.to_string().contains(r#"got "12\"3\n""#)), "{e:?}");
    // A right-to-left override or a zero-width space cannot reorder or hide the message around it.
    let e =
        errors_for(with(&["channels", "0"], json!({"kind": "phone", "display": "x", "dial": "1\u{202E}2\u{200B}"})));
    assert!(e.iter().any(|e| e.to_string().contains(r#"got "1\u{202e}2\u{200b}""#)), "{e:?}");
    let e = errors_for(with(&["channels", "0"], json!({"kind": "email"})));
    assert!(e.iter().any(|e| e.field == "channels[0].address" && e.to_string().ends_with("got nothing")), "{e:?}");
}

#[test]
fn every_country_finds_its_own_emergency_number() {
    // `emergency_of` searches the sorted table; every country must find exactly its own row.
    for c in builtin::countries() {
        let expected = builtin::emergency().iter().find(|e| e.country == c.code);
        assert_eq!(builtin::emergency_of(c.code), expected, "{}", c.code);
    }
}

/// Reviewers' remarks stay in the reviewers' fields: nothing a visitor is shown reads like one.
#[test]
fn no_reviewer_remark_reaches_a_visible_field() {
    let file: Value = serde_json::from_str(&std::fs::read_to_string("data/hotlines.json").unwrap()).unwrap();
    fn strings(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
            Value::Object(fields) => fields.values().for_each(|f| strings(f, out)),
            _ => {}
        }
    }
    let mut shown = Vec::new();
    for list in ["hotlines", "emergency", "international"] {
        for row in datafile::visible_rows(&file, list) {
            strings(&row, &mut shown);
        }
    }
    for remark in ["excerpt", "stored page", "unverified", "verify", "not named", "assumption"] {
        let hits: Vec<&String> = shown.iter().filter(|s| s.to_lowercase().contains(remark)).collect();
        assert!(hits.is_empty(), "{remark}: {hits:?}");
    }
    // And what only reviewers read is not bundled.
    let us = datafile::visible_rows(&file, "hotlines")
        .into_iter()
        .find(|r| r["id"] == "us-national-human-trafficking-hotline")
        .unwrap();
    assert!(
        us.get("source_quote").is_none()
            && us.get("confidence").is_none()
            && us["second_source"].get("quote").is_none()
    );
    assert_eq!(us["second_source"]["year"], 2022);
}
