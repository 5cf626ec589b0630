//! "Open now": whether a line answers at a given instant, and when that changes, told in the
//! visitor's own clock.
//!
//! The clock and the time-zone rules are injected (`ZoneRules`), never read here: the browser
//! edge answers with `Intl.DateTimeFormat`, the native tests with a real tz database. That is
//! what lets the tests cover any visitor zone and every DST change.

use super::data::Hours;

/// Wall-clock time somewhere: weekday (0 = Monday … 6 = Sunday) and minute of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WallTime {
    pub weekday: u8,
    pub minute: u16,
}

impl WallTime {
    fn minute_of_week(self) -> u32 {
        self.weekday as u32 * MINUTES_PER_DAY + self.minute as u32
    }
    pub fn hhmm(self) -> String {
        format!("{:02}:{:02}", self.minute / 60, self.minute % 60)
    }
}

/// Converts an instant (milliseconds since the Unix epoch, UTC) into wall-clock time in a zone.
pub trait ZoneRules {
    /// `None` when the zone is unknown to this environment.
    fn wall_time(&self, utc_ms: i64, zone: &str) -> Option<WallTime>;
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpenStatus {
    /// Answers day and night, every day.
    Always,
    /// Open now; closes at this instant.
    OpenUntil { closes_ms: i64 },
    /// Closed now; opens at this instant.
    ClosedUntil { opens_ms: i64 },
}

const MINUTES_PER_DAY: u32 = 24 * 60;
const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY;
const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `mon-fri`, `sat`, `mon,wed,fri`, `fri-mon` → the weekdays, Monday = 0.
pub fn parse_days(days: &str) -> Option<Vec<u8>> {
    let day = |s: &str| DAY_NAMES.iter().position(|d| *d == s.trim()).map(|p| p as u8);
    let mut out = Vec::new();
    for part in days.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (day(a)?, day(b)?);
                let mut d = a;
                loop {
                    out.push(d);
                    if d == b {
                        break;
                    }
                    d = (d + 1) % 7;
                }
            }
            None => out.push(day(part)?),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// `HH:MM` → minute of the day; `24:00` is accepted as the end of a day.
pub fn parse_hhmm(t: &str) -> Option<u16> {
    let (h, m) = t.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && (h < 24 || (h == 24 && m == 0))).then_some(h * 60 + m)
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A week of minutes, true where the line is open, in the line's own zone.
fn open_minutes(hours: &Hours) -> Option<Vec<bool>> {
    let mut week = vec![false; MINUTES_PER_WEEK as usize];
    for period in hours.weekly.iter() {
        let (open, close) = (parse_hhmm(&period.open)? as u32, parse_hhmm(&period.close)? as u32);
        // A close at or before the opening time means the period runs past midnight.
        let length = if close > open { close - open } else { close + MINUTES_PER_DAY - open };
        for day in parse_days(&period.days)? {
            let start = day as u32 * MINUTES_PER_DAY + open;
            for m in start..start + length {
                week[(m % MINUTES_PER_WEEK) as usize] = true;
            }
        }
    }
    Some(week)
}

/// Whether a line is open at `now_ms`, and when that next changes. `None` when the data has no
/// schedule, or a zone the environment does not know: the entry then shows its hours as text.
pub fn status(hours: &Hours, now_ms: i64, rules: &dyn ZoneRules) -> Option<OpenStatus> {
    if hours.always {
        return Some(OpenStatus::Always);
    }
    let zone = hours.tz.as_deref()?;
    let week = open_minutes(hours)?;
    if !week.contains(&true) {
        return None;
    }
    let now_minute_ms = now_ms - now_ms.rem_euclid(60_000);
    let here = rules.wall_time(now_minute_ms, zone)?.minute_of_week();
    let open_now = week[here as usize];
    // Minutes of wall-clock time until the schedule flips.
    let ahead = (1..=MINUTES_PER_WEEK).find(|k| week[((here + k) % MINUTES_PER_WEEK) as usize] != open_now)?;
    let target = (here + ahead) % MINUTES_PER_WEEK;
    let at = instant_of(target, now_minute_ms + ahead as i64 * 60_000, zone, rules)?;
    Some(if open_now { OpenStatus::OpenUntil { closes_ms: at } } else { OpenStatus::ClosedUntil { opens_ms: at } })
}

/// The instant near `guess_ms` whose wall-clock minute of the week in `zone` is `target`.
/// A DST change between now and then shifts the guess by its offset; two corrections settle it.
/// A wall time skipped by a spring-forward resolves to the first minute after the gap.
fn instant_of(target: u32, guess_ms: i64, zone: &str, rules: &dyn ZoneRules) -> Option<i64> {
    let mut at = guess_ms;
    for _ in 0..3 {
        let seen = rules.wall_time(at, zone)?.minute_of_week();
        let mut diff = target as i64 - seen as i64;
        if diff > (MINUTES_PER_WEEK / 2) as i64 {
            diff -= MINUTES_PER_WEEK as i64;
        } else if diff < -((MINUTES_PER_WEEK / 2) as i64) {
            diff += MINUTES_PER_WEEK as i64;
        }
        if diff == 0 {
            return Some(at);
        }
        at += diff * 60_000;
    }
    Some(at)
}
