//! The directory a visitor browses: the built-in rows, plus any rows a partner adds or
//! corrects, each through the same validator.

use super::builtin;
use super::data::{Emergency, Hotline, International};
use super::validate::{self, RowError};
use super::BuiltinReference;

/// `Eq` lets `Rc<Directory>` props compare by pointer first (std's fast path), so an unchanged
/// directory never costs a deep comparison on re-render.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directory {
    /// Grouped by country (sorted by code), each country's rows in the order to show them.
    hotlines: Vec<Hotline>,
}

impl Default for Directory {
    fn default() -> Self {
        Directory { hotlines: builtin::hotlines().to_vec() }
    }
}

impl Directory {
    /// The built-in directory with a partner's rows applied. A row whose `id` matches a built-in
    /// row corrects it; any other valid row is added to its country after the built-in ones.
    /// Invalid rows are skipped and reported, naming the row and field.
    pub fn with_partner_rows(rows: Vec<Result<Hotline, RowError>>) -> (Directory, Vec<RowError>) {
        let mut dir = Directory::default();
        let mut problems = Vec::new();
        for (index, row) in rows.into_iter().enumerate() {
            let row = match row {
                Ok(row) => row,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            let errors = validate::check_hotline(&BuiltinReference, "hotlines", index, &row);
            if let Some(first) = errors.into_iter().next() {
                problems.push(first);
                continue;
            }
            match dir.hotlines.iter().position(|h| h.id == row.id) {
                Some(i) => dir.hotlines[i] = row,
                None => {
                    let at = dir.hotlines.iter().rposition(|h| h.country <= row.country).map_or(0, |i| i + 1);
                    dir.hotlines.insert(at, row);
                }
            }
        }
        (dir, problems)
    }

    pub fn hotlines(&self) -> &[Hotline] {
        &self.hotlines
    }

    /// A country's lines, in the order to show them.
    pub fn hotlines_in(&self, country: &str) -> &[Hotline] {
        let start = self.hotlines.partition_point(|h| &*h.country < country);
        let end = self.hotlines.partition_point(|h| &*h.country <= country);
        &self.hotlines[start..end]
    }

    pub fn emergency_in(&self, country: &str) -> Option<&'static Emergency> {
        builtin::emergency().iter().find(|e| e.country == country)
    }

    pub fn international(&self) -> &'static [International] {
        builtin::international()
    }
}
