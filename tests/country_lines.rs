//! The embed's modules of built-in lines (`builtin::read_lines`): the embed's wasm has no line
//! compiled in and takes each country's from a file beside it, so every row is checked again,
//! and a file with any problem is refused whole.

use freedom_widget::core::builtin::{self, read_lines};

/// The text of MX's module, as the build writes it (`prerender --assets`, "lines").
fn module_of(code: &str) -> String {
    let (_, json) = builtin::lines_as_text().find(|(c, _)| *c == code).expect("MX has built-in lines");
    format!("{code}\t{json}")
}

#[test]
fn a_countrys_module_reads_as_its_built_in_lines() {
    let read = read_lines("lines/MX", &module_of("MX")).expect("the build's own module reads");
    assert_eq!(read.len(), 1);
    let (code, rows) = &read[0];
    assert_eq!(*code, "MX");
    assert_eq!(rows.as_slice(), builtin::hotlines_of("MX"), "the same lines, in the same order");
}

#[test]
fn the_module_of_every_country_reads_whole() {
    let all: Vec<String> = builtin::lines_as_text().map(|(code, json)| format!("{code}\t{json}")).collect();
    let read = read_lines("lines/all", &all.join("\n")).expect("the module of every country reads");
    assert_eq!(read.len(), builtin::countries_with_lines().count());
    assert_eq!(read.iter().map(|(_, rows)| rows.len()).sum::<usize>(), builtin::hotlines().len());
}

#[test]
fn a_changed_number_that_breaks_a_rule_is_refused_naming_row_and_field() {
    let text = module_of("MX");
    let number = &builtin::hotlines_of("MX")[0].channels[0];
    let e164 = number.number().expect("MX's first channel is a phone").to_string();
    let broken = text.replacen(&format!("\"{e164}\""), "\"+52 not a number\"", 1);
    assert_ne!(broken, text, "the test changed the number");
    let why = read_lines("lines/MX", &broken).expect_err("a bad number is refused");
    assert!(why.starts_with("lines/MX/MX[0]"), "names the row: {why}");
    assert!(why.contains("field"), "names the field: {why}");
}

#[test]
fn a_line_filed_under_another_country_is_refused() {
    let text = module_of("MX").replacen("MX\t", "US\t", 1);
    let why = read_lines("lines/US", &text).expect_err("MX's lines are not the US's");
    assert!(why.contains("filed under \"US\""), "{why}");
}

#[test]
fn text_that_is_not_a_module_of_lines_is_refused() {
    for (text, says) in [
        ("<!doctype html><title>Not found</title>", "without a tab"),
        ("ZZ\t[]", "not a country with lines"),
        ("MX\t{\"id\": 1}", "not a JSON array"),
        ("MX\t[{\"id\": \"x\"}", "not a JSON array"),
    ] {
        let why = read_lines("lines/MX", text).expect_err(text);
        assert!(why.contains(says), "{text:?}: {why}");
    }
    assert_eq!(read_lines("lines/MX", "").expect("empty text holds no country").len(), 0);
}
