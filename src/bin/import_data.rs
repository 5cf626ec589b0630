//! Keeps the project's copy of the reference data in step with `../shared/data/hotlines.json`:
//! validates the new file with the same validator the build uses, prints what changed (rows
//! added, removed, changed; countries gained or lost), and only then writes `data/hotlines.json`.
//!
//! Usage: import-data [SOURCE] [--check]   (default SOURCE: ../shared/data/hotlines.json;
//! --check prints the differences and exits 1 if the copy is out of date, writing nothing).
//! The reference's `SOURCES.md` beside SOURCE is copied to `data/SOURCES.md` with it.

use freedom_widget::core::{data, validate, BuiltinReference};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

/// The whole-file checks and corrections, the same code `build.rs` and the tests run.
#[path = "../../build/datafile.rs"]
#[allow(dead_code)]
mod datafile;

const TARGET: &str = "data/hotlines.json";
const CORRECTIONS: &str = "data/corrections.json";
const SOURCES: &str = "data/SOURCES.md";

fn keyed(v: &Value, list: &str, key: &str) -> BTreeMap<String, Value> {
    v[list].as_array().into_iter().flatten().map(|r| (r[key].as_str().unwrap_or("?").to_string(), r.clone())).collect()
}

fn diff(old: &Value, new: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (list, key) in [("hotlines", "id"), ("emergency", "country"), ("international", "id")] {
        let (a, b) = (keyed(old, list, key), keyed(new, list, key));
        for (k, row) in &b {
            match a.get(k) {
                None => out.push(format!("+ {list} {k}")),
                Some(before) if before != row => {
                    let fields: BTreeSet<&String> = row
                        .as_object()
                        .into_iter()
                        .flatten()
                        .chain(before.as_object().into_iter().flatten())
                        .filter(|(f, _)| before.get(*f) != row.get(*f))
                        .map(|(f, _)| f)
                        .collect();
                    out.push(format!("~ {list} {k}: {}", fields.into_iter().cloned().collect::<Vec<_>>().join(", ")));
                }
                _ => {}
            }
        }
        for k in a.keys().filter(|k| !b.contains_key(*k)) {
            out.push(format!("- {list} {k}"));
        }
    }
    let countries = |v: &Value| -> BTreeSet<String> {
        keyed(v, "hotlines", "id").values().filter_map(|r| r["country"].as_str().map(String::from)).collect()
    };
    let (ca, cb) = (countries(old), countries(new));
    for c in cb.difference(&ca) {
        out.push(format!("+ country with a hotline: {c}"));
    }
    for c in ca.difference(&cb) {
        out.push(format!("- country with a hotline: {c}"));
    }
    out
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let source =
        args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "../shared/data/hotlines.json".into());
    let read = |p: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}")))
            .unwrap_or_else(|e| panic!("{p}: {e}"))
    };
    let mut new = read(&source);
    let corrections = std::fs::read_to_string(CORRECTIONS).unwrap_or_else(|_| "{\"corrections\": []}".into());
    let notes = datafile::apply_corrections(&mut new, &corrections).unwrap_or_else(|e| panic!("{e}"));
    for note in &notes {
        match note {
            datafile::CorrectionNote::Applied(s) | datafile::CorrectionNote::Stale(s) => println!("{s}"),
        }
    }
    let errors = datafile::check(&BuiltinReference, &new).err().unwrap_or_default();
    if !errors.is_empty() {
        eprintln!("{source}: {} problem(s); {TARGET} left as it was:", errors.len());
        for e in &errors {
            eprintln!("  {e}");
        }
        return ExitCode::FAILURE;
    }
    let old = std::fs::read_to_string(TARGET).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);
    let mut changes = diff(&old, &new);
    // The reference's own notes travel with it (the README links to data/SOURCES.md).
    let notes_from = std::path::Path::new(&source).with_file_name("SOURCES.md");
    let notes = std::fs::read_to_string(&notes_from).ok();
    if notes.as_ref().is_some_and(|n| std::fs::read_to_string(SOURCES).ok().as_ref() != Some(n)) {
        changes.push(format!("~ {SOURCES} (from {})", notes_from.display()));
    }
    if changes.is_empty() {
        println!(
            "{TARGET} is up to date with {source} (valid: {} hotlines).",
            new["hotlines"].as_array().map_or(0, Vec::len)
        );
        return ExitCode::SUCCESS;
    }
    for c in &changes {
        println!("{c}");
    }
    if check {
        println!("{TARGET} differs from {source}: {} change(s). Run `cargo run --features native-tools --bin import-data` to import.", changes.len());
        return ExitCode::FAILURE;
    }
    let text = serde_json::to_string_pretty(&new).expect("serialize") + "\n";
    std::fs::write(TARGET, text).expect("write data/hotlines.json");
    if let Some(notes) = notes {
        std::fs::write(SOURCES, notes).expect("write data/SOURCES.md");
    }
    println!("{TARGET}: imported {} change(s) from {source}.", changes.len());
    ExitCode::SUCCESS
}
