//! The whole-file work on `data/hotlines.json`, shared by `build.rs`, the import command
//! (`src/bin/import_data.rs`) and the tests, so the three cannot drift: decoding every row
//! (naming the row and field that fails), the whole-file checks (`validate::check_file`, one
//! emergency row per country included), the project's corrections (`data/corrections.json`)
//! and what of a row a visitor sees (the rest never reaches the bundle).
//!
//! Included with `#[path]`; the including crate root provides `data` and `validate` (the
//! modules of `src/core/`), as `build.rs` does with `mod` and the others with `use`.

use super::data::{Emergency, Hotline, International};
use super::validate;
use serde_json::Value;

/// The three lists of a data file, decoded.
pub struct DataFile {
    pub hotlines: Vec<Hotline>,
    pub emergency: Vec<Emergency>,
    pub international: Vec<International>,
}

fn rows<T: serde::de::DeserializeOwned>(file: &Value, list: &str, key: &str, errors: &mut Vec<String>) -> Vec<T> {
    let mut out = Vec::new();
    match file.get(list) {
        Some(Value::Array(values)) => {
            for (i, v) in values.iter().enumerate() {
                match serde_json::from_value::<T>(v.clone()) {
                    Ok(row) => out.push(row),
                    Err(e) => errors
                        .push(format!("{}: {e}", validate::row_label(list, i, v.get(key).and_then(Value::as_str)))),
                }
            }
        }
        _ => errors.push(format!("{list}: expected a list of rows")),
    }
    out
}

/// Decodes and checks a whole data file; every problem names its row and field.
pub fn check(reference: &dyn validate::Reference, file: &Value) -> Result<DataFile, Vec<String>> {
    let mut errors = Vec::new();
    let hotlines = rows::<Hotline>(file, "hotlines", "id", &mut errors);
    let emergency = rows::<Emergency>(file, "emergency", "country", &mut errors);
    let international = rows::<International>(file, "international", "id", &mut errors);
    if !file.get("checked").and_then(Value::as_str).is_some_and(validate::is_date) {
        errors.push("checked: the file's check date must be YYYY-MM-DD".into());
    }
    errors
        .extend(validate::check_file(reference, &hotlines, &emergency, &international).iter().map(ToString::to_string));
    if errors.is_empty() {
        Ok(DataFile { hotlines, emergency, international })
    } else {
        Err(errors)
    }
}

/// What applying the corrections said.
#[derive(Debug, PartialEq, Eq)]
pub enum CorrectionNote {
    /// Applied: the reference still holds the value the correction was written for.
    Applied(String),
    /// The reference changed there: the correction is stale and should be removed.
    Stale(String),
}

/// Applies `data/corrections.json` (its text) to a reference file. Each correction applies only
/// while the reference holds exactly its `from` value; otherwise it is reported as stale.
pub fn apply_corrections(data: &mut Value, corrections: &str) -> Result<Vec<CorrectionNote>, String> {
    let file: Value = serde_json::from_str(corrections).map_err(|e| format!("data/corrections.json: {e}"))?;
    let Some(list) = file.get("corrections").and_then(Value::as_array) else {
        return Err("data/corrections.json: expected {\"corrections\": [...]}".into());
    };
    let mut notes = Vec::new();
    for c in list {
        let (list, id) = (c["list"].as_str().unwrap_or("hotlines"), c["id"].as_str().unwrap_or(""));
        let key = if list == "emergency" { "country" } else { "id" };
        let path = c["path"].as_array().cloned().unwrap_or_default();
        // Walks to the field's parent, so that a correction without `to` can remove the field.
        let mut parent =
            data[list].as_array_mut().and_then(|rows| rows.iter_mut().find(|r| r[key].as_str() == Some(id)));
        for step in path.iter().take(path.len().saturating_sub(1)) {
            parent = parent.and_then(|t| step_into(t, step));
        }
        let last = path.last().cloned().unwrap_or(Value::Null);
        let holds_from = parent.as_deref().and_then(|p| step_into_ref(p, &last)).is_some_and(|v| *v == c["from"]);
        match parent {
            Some(parent) if holds_from => {
                match (c.get("to"), parent, &last) {
                    (None, Value::Object(fields), Value::String(name)) => {
                        // `retain` keeps the other fields in order (`remove` may swap them).
                        fields.retain(|k, _| k != name);
                    }
                    (to, parent, last) => {
                        if let Some(value) = step_into(parent, last) {
                            *value = to.cloned().unwrap_or(Value::Null);
                        }
                    }
                }
                notes.push(CorrectionNote::Applied(format!("corrected {list} {id} {}: {}", c["path"], c["why"].as_str().unwrap_or(""))));
            }
            _ => notes.push(CorrectionNote::Stale(format!(
                "correction for {list} {id} {} no longer applies (the reference changed): review and remove it from data/corrections.json",
                c["path"]
            ))),
        }
    }
    Ok(notes)
}

fn step_into<'a>(value: &'a mut Value, step: &Value) -> Option<&'a mut Value> {
    match step {
        Value::Number(n) => value.get_mut(n.as_u64()? as usize),
        Value::String(s) => value.get_mut(s.as_str()),
        _ => None,
    }
}

fn step_into_ref<'a>(value: &'a Value, step: &Value) -> Option<&'a Value> {
    match step {
        Value::Number(n) => value.get(n.as_u64()? as usize),
        Value::String(s) => value.get(s.as_str()),
        _ => None,
    }
}

/// Fields only reviewers need: they stay in `data/hotlines.json` and never reach the bundle.
pub const HIDDEN: [&str; 5] = ["source_quote", "source_kind", "source_year", "confidence", "what"];

/// The rows of `list` with only what a visitor sees: no `HIDDEN` field, no second source's
/// quote, and no English `audience` where the translatable codes or area say it.
pub fn visible_rows(file: &Value, list: &str) -> Vec<Value> {
    let mut rows = file[list].as_array().cloned().unwrap_or_default();
    for row in &mut rows {
        let Some(row) = row.as_object_mut() else { continue };
        for key in HIDDEN {
            row.remove(key);
        }
        if let Some(second) = row.get_mut("second_source").and_then(Value::as_object_mut) {
            second.remove("quote");
        }
        if row.contains_key("audience_codes") || row.contains_key("audience_area") {
            row.remove("audience");
        }
    }
    rows
}
