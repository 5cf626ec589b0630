//! What only the environment can answer, asked through one trait so the components stay
//! testable: the browser edge answers with `Intl` and the real clock (`web::BrowserPlatform`);
//! native rendering (the prerendered page, tests) answers with English names and no clock.

use super::hours::{WallTime, ZoneRules};
use super::i18n::Lang;

pub trait Platform: ZoneRules {
    /// A country's name in the visitor's language (`Intl.DisplayNames` in the browser).
    fn country_name(&self, code: &str, lang: Lang) -> String;
    /// A language's name in the visitor's language, for "Languages: Spanish, English".
    fn language_name(&self, tag: &str, lang: Lang) -> String;
    /// A `YYYY-MM-DD` date written the visitor's way.
    fn date(&self, ymd: &str, lang: Lang) -> String;
    /// The month and year of a `YYYY-MM-DD` date, written the visitor's way ("November 2024"),
    /// for "Last checked November 2024". English unless the environment knows better.
    fn month_year(&self, ymd: &str, _lang: Lang) -> String {
        english_month_year(ymd)
    }
    /// Now, in milliseconds since the Unix epoch; `None` where there is no live clock (a page
    /// rendered at build time must not claim a line is open or closed).
    fn now_ms(&self) -> Option<i64>;
    /// The visitor's own time zone, in which opening times are told.
    fn visitor_zone(&self) -> Option<String>;
    /// A weekday and time written the visitor's way ("Mon 09:00").
    fn weekday_time(&self, at: WallTime, with_day: bool, lang: Lang) -> String;
    /// Makes `lang`'s messages available, then calls `done(true)`; `done(false)` if they cannot
    /// be had (the widget then stays in its current language). Where every language is built
    /// in, at once.
    fn load_language(&self, lang: Lang, done: Box<dyn FnOnce(bool)>) {
        done(lang.is_loaded());
    }
    /// Makes the built-in lines of `key` available (`builtin::lines_here`: a country's code, or
    /// `builtin::EVERY_COUNTRY`), then calls `done(true)`; `done(false)` if they cannot be had
    /// (the widget then keeps showing the country it showed). Where every country's lines are
    /// built in, at once.
    fn load_lines(&self, key: &str, done: Box<dyn FnOnce(bool)>) {
        done(super::builtin::lines_here(key));
    }
    /// On a country's own page, opens the page at `href` (`country_page::link_from`) in this one's
    /// place in the history, if the site built it (the page's list of country pages links to it),
    /// and says whether it did; else the widget shows the country in place. Nowhere else is there
    /// such a page to open.
    fn open_country_page(&self, _href: &str) -> bool {
        false
    }
}

/// English names from the built-in tables and no clock: for native rendering and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct StaticPlatform;

impl ZoneRules for StaticPlatform {
    fn wall_time(&self, _utc_ms: i64, _zone: &str) -> Option<WallTime> {
        None
    }
}

impl Platform for StaticPlatform {
    fn country_name(&self, code: &str, _lang: Lang) -> String {
        super::country(code).map_or_else(|| code.to_string(), |c| c.name.to_string())
    }
    fn language_name(&self, tag: &str, _lang: Lang) -> String {
        super::builtin::english_language_name(tag).unwrap_or(tag).to_string()
    }
    fn date(&self, ymd: &str, _lang: Lang) -> String {
        ymd.to_string()
    }
    fn now_ms(&self) -> Option<i64> {
        None
    }
    fn visitor_zone(&self) -> Option<String> {
        None
    }
    fn weekday_time(&self, at: WallTime, with_day: bool, _lang: Lang) -> String {
        const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        if with_day {
            format!("{} {}", DAYS[at.weekday as usize], at.hhmm())
        } else {
            at.hhmm()
        }
    }
}

/// "November 2024" for `2024-11-05`; the date as given where it is not one.
pub fn english_month_year(ymd: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = ymd.get(5..7).and_then(|m| m.parse::<usize>().ok()).filter(|m| (1..=12).contains(m));
    match (ymd.get(..4), month) {
        (Some(year), Some(m)) => format!("{} {year}", MONTHS[m - 1]),
        _ => ymd.to_string(),
    }
}
