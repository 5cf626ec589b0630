//! The directory a visitor browses: the built-in rows, plus any rows a partner adds or
//! corrects, each through the same validator.

use super::builtin;
use super::data::{Emergency, Hotline, International};
use super::release::Release;
use super::validate::{self, RowError};
use super::BuiltinReference;
use std::borrow::Cow;

/// Holds only the partner's rows, and the signed data release the channel delivered if any; the
/// built-in rows stay in `builtin`, decoded per country on demand. `Eq` lets `Rc<Directory>`
/// props compare by pointer first (std's fast path).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    /// Valid partner rows, in the partner's order; a later row with the same `id` replaces an earlier one.
    partner: Vec<Hotline>,
    /// The partner's `second-source-only`: show only lines with a `second_source`.
    second_source_only: bool,
    /// A newer signed release, in place of the built-in rows everywhere.
    release: Option<Delivered>,
}

/// A release kept for the page's life (one per page and channel), compared by identity.
#[derive(Clone, Copy, Debug)]
pub struct Delivered(pub &'static Release);

impl PartialEq for Delivered {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}
impl Eq for Delivered {}

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
            match dir.partner.iter().position(|h| h.id == row.id) {
                Some(i) => dir.partner[i] = row,
                None => dir.partner.push(row),
            }
        }
        (dir, problems)
    }

    /// The same directory showing only lines a second, independent page confirms
    /// (`second_source`), for a partner who chose `second-source-only`.
    pub fn with_second_source_only(&self) -> Directory {
        Directory { second_source_only: true, ..self.clone() }
    }

    /// The same directory over a newer signed release: its rows replace the built-in ones (a
    /// partner's still correct and extend them), and its withdrawn lines are shown nowhere, so a
    /// country falls back to its other lines, then to its emergency number and the international
    /// directory.
    pub fn with_release(&self, release: &'static Release) -> Directory {
        Directory { release: Some(Delivered(release)), ..self.clone() }
    }

    /// The release the directory shows, if the channel delivered one.
    pub fn release(&self) -> Option<&'static Release> {
        self.release.map(|d| d.0)
    }

    /// The date of the data shown (`YYYY-MM-DD`): the release's, else the built-in data's.
    pub fn data_checked(&self) -> &'static str {
        self.release().map_or(builtin::data_checked(), |r| &r.data_checked)
    }

    /// Checks the decoded rows of one partner source (`options.hotlines`, or the file's URL), so
    /// a row's problem names where it came from (`/partner.json[2] "id": field ...`), not the
    /// list they are merged into. Give the result to `with_partner_rows`.
    pub fn check_partner_rows(source: &str, rows: Vec<Result<Hotline, RowError>>) -> Vec<Result<Hotline, RowError>> {
        let check = |(index, row): (usize, Result<Hotline, RowError>)| {
            let row = row?;
            match validate::check_hotline(&BuiltinReference, source, index, &row).into_iter().next() {
                Some(first) => Err(first),
                None => Ok(row),
            }
        };
        rows.into_iter().enumerate().map(check).collect()
    }

    /// A country's lines, in the order to show them: the built-in ones (corrected where a
    /// partner row has their `id`), then the partner's own; only those with a second source
    /// when the partner asked for that. Borrowed unless a partner row touches the country or
    /// the filter drops a line.
    pub fn hotlines_in(&self, country: &str) -> Cow<'static, [Hotline]> {
        let rows = self.all_hotlines_in(country);
        let withdrawn = |h: &Hotline| self.release().is_some_and(|r| r.is_withdrawn(&h.id));
        let hidden = |h: &Hotline| withdrawn(h) || (self.second_source_only && h.second_source.is_none());
        if rows.iter().any(hidden) {
            return Cow::Owned(rows.iter().filter(|h| !hidden(h)).cloned().collect());
        }
        rows
    }

    /// A country's rows before any partner's: the release's, else the built-in ones.
    fn base_hotlines_in(&self, country: &str) -> Cow<'static, [Hotline]> {
        match self.release() {
            Some(r) => Cow::Owned(r.hotlines.iter().filter(|h| h.country == country).cloned().collect()),
            None => Cow::Borrowed(builtin::hotlines_of(country)),
        }
    }

    fn all_hotlines_in(&self, country: &str) -> Cow<'static, [Hotline]> {
        let builtin = self.base_hotlines_in(country);
        let corrects = |p: &Hotline| builtin.iter().any(|b| b.id == p.id);
        if !self.partner.iter().any(|p| p.country == country || corrects(p)) {
            return builtin;
        }
        let mut rows: Vec<Hotline> = builtin
            .iter()
            .filter_map(|b| match self.partner.iter().find(|p| p.id == b.id) {
                Some(p) if p.country == country => Some(p.clone()),
                // The partner moved this line to another country.
                Some(_) => None,
                None => Some(b.clone()),
            })
            .collect();
        rows.extend(self.partner.iter().filter(|p| p.country == country && !corrects(p)).cloned());
        Cow::Owned(rows)
    }

    /// Every country with at least one line, built-in or the partner's, sorted by code.
    pub fn countries(&self) -> Vec<&str> {
        // The built-in codes come sorted; each partner code goes in its place (no sort's code).
        let mut codes: Vec<&str> = match self.release() {
            Some(r) => {
                let mut codes: Vec<&str> = r.hotlines.iter().map(|h| &*h.country).collect();
                codes.sort_unstable();
                codes.dedup();
                codes
            }
            None => builtin::countries_with_lines().collect(),
        };
        for p in &self.partner {
            if let Err(at) = codes.binary_search(&&*p.country) {
                codes.insert(at, &p.country);
            }
        }
        codes.retain(|c| !(self.second_source_only || self.release.is_some()) || !self.hotlines_in(c).is_empty());
        codes
    }

    pub fn emergency_in(&self, country: &str) -> Option<&'static Emergency> {
        match self.release() {
            Some(r) => r.emergency.iter().find(|e| e.country == country),
            None => builtin::emergency_of(country),
        }
    }

    pub fn international(&self) -> &'static [International] {
        self.release().map_or(builtin::international(), |r| &r.international)
    }
}
