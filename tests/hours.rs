//! "Open now" with the clock injected, across visitor time zones and DST changes. The tz rules
//! here come from chrono-tz; the browser answers the same questions with Intl.

use chrono::{Datelike, TimeZone, Timelike, Utc};
use chrono_tz::Tz;
use freedom_widget::core::data::{Hours, WeeklyHours};
use freedom_widget::core::hours::{parse_days, parse_hhmm, status, OpenStatus, WallTime, ZoneRules};

struct Tzdb;

impl ZoneRules for Tzdb {
    fn wall_time(&self, utc_ms: i64, zone: &str) -> Option<WallTime> {
        let tz: Tz = zone.parse().ok()?;
        let t = Utc.timestamp_millis_opt(utc_ms).single()?.with_timezone(&tz);
        Some(WallTime {
            weekday: t.weekday().num_days_from_monday() as u8,
            minute: (t.hour() * 60 + t.minute()) as u16,
        })
    }
}

fn weekly(tz: &str, days: &str, open: &str, close: &str) -> Hours {
    Hours {
        always: false,
        tz: Some(tz.to_string().into()),
        weekly: vec![WeeklyHours {
            days: days.to_string().into(),
            open: open.to_string().into(),
            close: close.to_string().into(),
        }]
        .into(),
    }
}

/// Milliseconds for a wall-clock time in a zone.
fn at(zone: &str, y: i32, mo: u32, d: u32, h: u32, mi: u32) -> i64 {
    let tz: Tz = zone.parse().unwrap();
    tz.with_ymd_and_hms(y, mo, d, h, mi, 0).single().unwrap().timestamp_millis()
}

/// How a visitor in `zone` reads an instant: weekday and HH:MM.
fn read(ms: i64, zone: &str) -> String {
    let w = Tzdb.wall_time(ms, zone).unwrap();
    format!("{} {}", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][w.weekday as usize], w.hhmm())
}

#[test]
fn a_tokyo_line_is_closed_at_19_tokyo_time_whatever_the_visitors_zone() {
    let japan = weekly("Asia/Tokyo", "mon-fri", "09:30", "18:15");
    // Wednesday 25 November 2026, 19:00 in Tokyo.
    let now = at("Asia/Tokyo", 2026, 11, 25, 19, 0);
    let Some(OpenStatus::ClosedUntil { opens_ms }) = status(&japan, now, &Tzdb) else { panic!("should be closed") };
    assert_eq!(read(opens_ms, "Asia/Tokyo"), "Thu 09:30");
    // The same instant told to a visitor in New York and in London.
    assert_eq!(read(opens_ms, "America/New_York"), "Wed 19:30");
    assert_eq!(read(opens_ms, "Europe/London"), "Thu 00:30");
}

#[test]
fn open_now_and_when_it_closes() {
    let japan = weekly("Asia/Tokyo", "mon-fri", "09:30", "18:15");
    let now = at("Asia/Tokyo", 2026, 11, 27, 10, 0); // Friday
    let Some(OpenStatus::OpenUntil { closes_ms }) = status(&japan, now, &Tzdb) else { panic!("should be open") };
    assert_eq!(read(closes_ms, "Asia/Tokyo"), "Fri 18:15");
    // Friday evening: next opening is Monday.
    let Some(OpenStatus::ClosedUntil { opens_ms }) = status(&japan, at("Asia/Tokyo", 2026, 11, 27, 18, 15), &Tzdb)
    else {
        panic!()
    };
    assert_eq!(read(opens_ms, "Asia/Tokyo"), "Mon 09:30");
}

#[test]
fn always_open() {
    let h = Hours { always: true, tz: None, weekly: vec![].into() };
    assert_eq!(status(&h, 0, &Tzdb), Some(OpenStatus::Always));
}

#[test]
fn across_the_spring_forward_change_in_berlin() {
    // 29 March 2026: Berlin clocks go from 02:00 to 03:00. A line open 09:00–15:00 on weekdays,
    // asked on Saturday 28 March at 12:00, opens Monday 09:00 CEST = 07:00 UTC.
    let germany = weekly("Europe/Berlin", "mon-fri", "09:00", "15:00");
    let Some(OpenStatus::ClosedUntil { opens_ms }) = status(&germany, at("Europe/Berlin", 2026, 3, 28, 12, 0), &Tzdb)
    else {
        panic!()
    };
    assert_eq!(opens_ms, at("Europe/Berlin", 2026, 3, 30, 9, 0));
    assert_eq!(read(opens_ms, "UTC"), "Mon 07:00");
}

#[test]
fn across_the_fall_back_change_in_new_york_for_a_visitor_in_berlin() {
    // 1 November 2026: New York goes from EDT to EST. A weekday line asked on Friday 30 October
    // after closing opens Monday 2 November 09:00 EST, which a visitor in Berlin reads as 15:00.
    let us = weekly("America/New_York", "mon-fri", "09:00", "17:00");
    let Some(OpenStatus::ClosedUntil { opens_ms }) = status(&us, at("America/New_York", 2026, 10, 30, 18, 0), &Tzdb)
    else {
        panic!()
    };
    assert_eq!(read(opens_ms, "America/New_York"), "Mon 09:00");
    assert_eq!(read(opens_ms, "Europe/Berlin"), "Mon 15:00");
}

#[test]
fn overnight_periods_and_every_day() {
    let night = weekly("Europe/Dublin", "mon-sun", "21:00", "02:00");
    let Some(OpenStatus::OpenUntil { closes_ms }) = status(&night, at("Europe/Dublin", 2026, 11, 25, 23, 0), &Tzdb)
    else {
        panic!()
    };
    assert_eq!(read(closes_ms, "Europe/Dublin"), "Thu 02:00");
    let Some(OpenStatus::ClosedUntil { opens_ms }) = status(&night, at("Europe/Dublin", 2026, 11, 25, 12, 0), &Tzdb)
    else {
        panic!()
    };
    assert_eq!(read(opens_ms, "Europe/Dublin"), "Wed 21:00");
}

#[test]
fn no_schedule_or_unknown_zone_shows_no_status() {
    assert_eq!(status(&weekly("Mars/Olympus", "mon-fri", "09:00", "17:00"), 0, &Tzdb), None);
    // No schedule: no periods (with or without a zone), or periods without a zone. A status
    // here would tell a visitor a line is open, or closed until some time, that no source says.
    let now = at("Asia/Tokyo", 2026, 11, 25, 12, 0);
    let none = Hours { always: false, tz: Some("Asia/Tokyo".into()), weekly: vec![].into() };
    assert_eq!(status(&none, now, &Tzdb), None, "no periods");
    assert_eq!(status(&Hours { tz: None, ..none }, now, &Tzdb), None, "no periods, no zone");
    assert_eq!(
        status(&Hours { tz: None, ..weekly("Asia/Tokyo", "mon-fri", "09:00", "17:00") }, now, &Tzdb),
        None,
        "periods in no zone"
    );
}

#[test]
fn parsing_days_and_times() {
    assert_eq!(parse_days("mon-fri"), Some(vec![0, 1, 2, 3, 4]));
    assert_eq!(parse_days("sat"), Some(vec![5]));
    assert_eq!(parse_days("fri-mon"), Some(vec![4, 5, 6, 0]));
    assert_eq!(parse_days("mon,wed"), Some(vec![0, 2]));
    assert_eq!(parse_days("weekdays"), None);
    assert_eq!(parse_hhmm("09:30"), Some(570));
    assert_eq!(parse_hhmm("24:00"), Some(1440));
    assert_eq!(parse_hhmm("9:30"), None);
    assert_eq!(parse_hhmm("12:60"), None);
}

#[test]
fn every_built_in_schedule_gives_a_status() {
    for h in freedom_widget::core::builtin::hotlines() {
        if let Some(hours) = &h.hours {
            assert!(status(hours, at("UTC", 2026, 11, 25, 12, 0), &Tzdb).is_some(), "{}", h.id);
        }
    }
}
