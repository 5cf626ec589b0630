//! The embed's files of each country's built-in data (`builtin::read_lines`): the embed's wasm
//! has no line or emergency number compiled in and takes each country's from a file beside it,
//! so every row is checked again, and a file with any problem is refused whole.

use freedom_widget::core::builtin::{self, read_lines};

/// The text of a country's file, as the build writes it (`prerender --assets`, "lines").
fn file_of(code: &str) -> String {
    let (_, text) = builtin::country_files().find(|(c, _)| *c == code).expect("a file for the country");
    text.to_string()
}

#[test]
fn a_countrys_file_reads_as_its_built_in_lines_and_emergency_number() {
    let read = read_lines("lines/MX", &file_of("MX")).expect("the build's own file reads");
    assert_eq!(read.len(), 1);
    assert_eq!(read[0].code, "MX");
    assert_eq!(read[0].hotlines.as_slice(), builtin::hotlines_of("MX"), "the same lines, in the same order");
    assert_eq!(read[0].emergency.as_ref(), builtin::emergency_of("MX"));
    assert!(read[0].emergency.is_some(), "Mexico's emergency number comes with its lines");
}

#[test]
fn a_country_with_only_an_emergency_number_has_a_file_too() {
    // The fallback the widget shows where no hotline is known must reach the embed as well.
    let only = builtin::emergency()
        .iter()
        .find(|e| builtin::hotlines_of(&e.country).is_empty())
        .expect("the data has a country with an emergency number and no line");
    let read = read_lines("lines", &file_of(&only.country)).expect("its file reads");
    assert!(read[0].hotlines.is_empty());
    assert_eq!(read[0].emergency.as_ref(), Some(only));
}

#[test]
fn the_file_of_every_country_reads_whole() {
    let all: Vec<&str> = builtin::country_files().map(|(_, text)| text).collect();
    let read = read_lines("lines/all", &all.join("\n")).expect("the file of every country reads");
    assert_eq!(read.iter().filter(|f| !f.hotlines.is_empty()).count(), builtin::countries_with_lines().count());
    assert_eq!(read.iter().map(|f| f.hotlines.len()).sum::<usize>(), builtin::hotlines().len());
    assert_eq!(read.iter().filter(|f| f.emergency.is_some()).count(), builtin::emergency().len());
}

/// MX's file with `from` changed to `to` once, read: why it is refused.
fn refused_with(from: &str, to: &str) -> String {
    let text = file_of("MX");
    let broken = text.replacen(from, to, 1);
    assert_ne!(broken, text, "the test changed {from}");
    read_lines("lines/MX", &broken).expect_err("the changed file is refused")
}

#[test]
fn a_changed_number_that_breaks_a_rule_is_refused_naming_row_and_field() {
    let e164 = builtin::hotlines_of("MX")[0].channels[0].number().expect("MX's first channel is a phone").to_string();
    let why = refused_with(&format!("\"{e164}\""), "\"+52 not a number\"");
    assert!(why.starts_with("lines/MX/MX[0]"), "names the row: {why}");
    assert!(why.contains("field"), "names the field: {why}");
}

#[test]
fn a_broken_emergency_number_is_refused() {
    let number = &builtin::emergency_of("MX").expect("MX has one").number;
    let why = refused_with(&format!("\"number\":\"{number}\""), "\"number\":\"call the police\"");
    assert!(why.starts_with("lines/MX/MX: "), "{why}");
    assert!(why.contains("number"), "names the field: {why}");
}

#[test]
fn data_filed_under_another_country_is_refused() {
    let text = file_of("MX").replacen("MX\t", "US\t", 1);
    let why = read_lines("lines/US", &text).expect_err("MX's lines are not the US's");
    assert!(why.contains("filed under \"US\""), "{why}");
}

#[test]
fn text_that_is_not_such_a_file_is_refused() {
    for (text, says) in [
        ("<!doctype html><title>Not found</title>", "without a tab"),
        ("ZZ\t[]\tnull", "not a country with data"),
        ("MX\t{\"id\": 1}\tnull", "not a JSON array"),
        ("MX\t[{\"id\": \"x\"}\tnull", "not a JSON array"),
        ("MX\t[]\t{\"number\"", "not JSON"),
    ] {
        let why = read_lines("lines/MX", text).expect_err(text);
        assert!(why.contains(says), "{text:?}: {why}");
    }
    assert_eq!(read_lines("lines/MX", "").expect("empty text holds no country").len(), 0);
}
