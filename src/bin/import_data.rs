//! Keeps the project's copy of the reference data in step with `../shared/data/hotlines.json`:
//! validates the new file with the same validator the build uses, prints what changed (rows
//! added, removed, changed; countries gained or lost), and only then writes `data/hotlines.json`.
//!
//! Usage: import-data [SOURCE] [--check]   (default SOURCE: ../shared/data/hotlines.json;
//! --check prints the differences and exits 1 if the copy is out of date, writing nothing)

use freedom_widget::core::data::{Emergency, Hotline, International};
use freedom_widget::core::validate::{self, row_label};
use freedom_widget::core::BuiltinReference;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::ExitCode;

const TARGET: &str = "data/hotlines.json";
const CORRECTIONS: &str = "data/corrections.json";

/// Applies `data/corrections.json` to the reference file; says which no longer apply.
fn apply_corrections(data: &mut Value) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(CORRECTIONS) else { return Vec::new() };
    let file: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{CORRECTIONS}: {e}"));
    let mut notes = Vec::new();
    for c in file["corrections"].as_array().into_iter().flatten() {
        let (list, id) = (c["list"].as_str().unwrap_or("hotlines"), c["id"].as_str().unwrap_or(""));
        let key = if list == "emergency" { "country" } else { "id" };
        let row = data[list].as_array_mut().and_then(|rows| rows.iter_mut().find(|r| r[key].as_str() == Some(id)));
        let mut target = row;
        for step in c["path"].as_array().into_iter().flatten() {
            target = target.and_then(|t| match step {
                Value::Number(n) => t.get_mut(n.as_u64().unwrap_or(0) as usize),
                Value::String(s) => t.get_mut(s.as_str()),
                _ => None,
            });
        }
        match target {
            Some(value) if *value == c["from"] => {
                *value = c["to"].clone();
                notes.push(format!("corrected {list} {id} {}: {}", c["path"], c["why"].as_str().unwrap_or("")));
            }
            _ => notes.push(format!("correction for {list} {id} {} no longer applies (the reference changed): review and remove it from {CORRECTIONS}", c["path"])),
        }
    }
    notes
}

fn keyed(v: &Value, list: &str, key: &str) -> BTreeMap<String, Value> {
    v[list].as_array().into_iter().flatten().map(|r| (r[key].as_str().unwrap_or("?").to_string(), r.clone())).collect()
}

fn validate_file(v: &Value) -> Vec<String> {
    let mut errors = Vec::new();
    let mut hotlines = Vec::new();
    for (i, row) in v["hotlines"].as_array().into_iter().flatten().enumerate() {
        match serde_json::from_value::<Hotline>(row.clone()) {
            Ok(h) => {
                errors.extend(validate::check_hotline(&BuiltinReference, "hotlines", i, &h).iter().map(ToString::to_string));
                hotlines.push(h);
            }
            Err(e) => errors.push(format!("{}: {e}", row_label("hotlines", i, row["id"].as_str()))),
        }
    }
    errors.extend(validate::check_across_rows(&hotlines).iter().map(ToString::to_string));
    for (i, row) in v["emergency"].as_array().into_iter().flatten().enumerate() {
        match serde_json::from_value::<Emergency>(row.clone()) {
            Ok(e) => errors.extend(validate::check_emergency(&BuiltinReference, i, &e).iter().map(ToString::to_string)),
            Err(e) => errors.push(format!("{}: {e}", row_label("emergency", i, row["country"].as_str()))),
        }
    }
    for (i, row) in v["international"].as_array().into_iter().flatten().enumerate() {
        match serde_json::from_value::<International>(row.clone()) {
            Ok(e) => errors.extend(validate::check_international(i, &e).iter().map(ToString::to_string)),
            Err(e) => errors.push(format!("{}: {e}", row_label("international", i, row["id"].as_str()))),
        }
    }
    errors
}

fn diff(old: &Value, new: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (list, key) in [("hotlines", "id"), ("emergency", "country"), ("international", "id")] {
        let (a, b) = (keyed(old, list, key), keyed(new, list, key));
        for (k, row) in &b {
            match a.get(k) {
                None => out.push(format!("+ {list} {k}")),
                Some(before) if before != row => {
                    let fields: BTreeSet<&String> = row.as_object().into_iter().flatten().chain(before.as_object().into_iter().flatten())
                        .filter(|(f, _)| before.get(*f) != row.get(*f)).map(|(f, _)| f).collect();
                    out.push(format!("~ {list} {k}: {}", fields.into_iter().cloned().collect::<Vec<_>>().join(", ")));
                }
                _ => {}
            }
        }
        for k in a.keys().filter(|k| !b.contains_key(*k)) {
            out.push(format!("- {list} {k}"));
        }
    }
    let countries = |v: &Value| -> BTreeSet<String> { keyed(v, "hotlines", "id").values().filter_map(|r| r["country"].as_str().map(String::from)).collect() };
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
    let source = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "../shared/data/hotlines.json".into());
    let read = |p: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"))).unwrap_or_else(|e| panic!("{p}: {e}")) };
    let mut new = read(&source);
    for note in apply_corrections(&mut new) {
        println!("{note}");
    }
    let errors = validate_file(&new);
    if !errors.is_empty() {
        eprintln!("{source}: {} problem(s); {TARGET} left as it was:", errors.len());
        for e in &errors {
            eprintln!("  {e}");
        }
        return ExitCode::FAILURE;
    }
    let old = std::fs::read_to_string(TARGET).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or(Value::Null);
    let changes = diff(&old, &new);
    if changes.is_empty() {
        println!("{TARGET} is up to date with {source} (valid: {} hotlines).", new["hotlines"].as_array().map_or(0, Vec::len));
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
    println!("{TARGET}: imported {} change(s) from {source}.", changes.len());
    ExitCode::SUCCESS
}
