//! The hotline directory's data model: what a visitor can be shown.
//!
//! One set of types serves the built-in reference data (generated into the binary as
//! `Cow::Borrowed` statics by `build.rs`, so nothing is parsed at start-up) and partner rows
//! (deserialized at run time into `Cow::Owned`). Fields that only reviewers need, such as
//! `source_quote`, stay in `data/hotlines.json` and never reach the bundle.
//!
//! This module must not use `web-sys`: `build.rs` includes it to validate the data.

use serde::Deserialize;
use std::borrow::Cow;

/// Text that is `&'static` for built-in rows and owned for partner rows.
pub type Text = Cow<'static, str>;

/// What a line is for, so that a visitor knows what they are calling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// A line for trafficking or modern slavery.
    Trafficking,
    /// A wider line (police, a child or women's helpline) that a source names for reporting trafficking.
    General,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    Phone,
    Sms,
    Whatsapp,
    Email,
    Chat,
    Web,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 6] = [
        ChannelKind::Phone,
        ChannelKind::Sms,
        ChannelKind::Whatsapp,
        ChannelKind::Email,
        ChannelKind::Chat,
        ChannelKind::Web,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChannelKind::Phone => "phone",
            ChannelKind::Sms => "sms",
            ChannelKind::Whatsapp => "whatsapp",
            ChannelKind::Email => "email",
            ChannelKind::Chat => "chat",
            ChannelKind::Web => "web",
        }
    }

    /// Phone-like channels carry a number (`e164` or `dial`) and a `display` form.
    pub fn is_phone_like(self) -> bool {
        matches!(self, ChannelKind::Phone | ChannelKind::Sms | ChannelKind::Whatsapp)
    }
}

/// One way to reach a hotline. Which fields are set depends on `kind` (see `validate`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Channel {
    pub kind: ChannelKind,
    /// The number as the source writes it: what the visitor reads.
    #[serde(default)]
    pub display: Option<Text>,
    /// International format, when certain: what goes in `tel:` and `wa.me` links.
    #[serde(default)]
    pub e164: Option<Text>,
    /// Digits a phone inside the country dials (short codes, toll-free numbers not reachable from abroad).
    #[serde(default)]
    pub dial: Option<Text>,
    /// Keyword to send by SMS.
    #[serde(default)]
    pub body: Option<Text>,
    #[serde(default)]
    pub address: Option<Text>,
    #[serde(default)]
    pub url: Option<Text>,
    /// What a visitor may need to know, from the closed list `CHANNEL_FLAGS`, translated.
    #[serde(default)]
    pub flags: Cow<'static, [Text]>,
    /// Only what the flags cannot say, in English (shown marked `lang="en"`).
    #[serde(default)]
    pub note: Option<Text>,
}

/// The closed list of channel `flags` (`SOURCES.md`): each has a message `flag-<flag>` in every
/// language, which `build.rs` checks.
pub const CHANNEL_FLAGS: [&str; 13] = [
    "free",
    "anonymous",
    "confidential",
    "short_code",
    "from_abroad",
    "in_country_only",
    "24h",
    "mobile",
    "report_form",
    "tips_only",
    "interpreters",
    "whatsapp",
    "police",
];

/// The closed list of `audience_codes` (`SOURCES.md`): each has a message `audience-<code>` in
/// every language, which `build.rs` checks.
pub const AUDIENCE_CODES: [&str; 10] = [
    "children",
    "women",
    "migrant_workers",
    "domestic_workers",
    "foreign_nationals",
    "nationals_abroad",
    "refugees",
    "violence_survivors",
    "workers",
    "professionals",
];

/// A page other than `source_url` that gives the same number for the same line (an independent
/// audit's find). Its `quote` stays in `data/hotlines.json`, like `source_quote`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SecondSource {
    pub url: Text,
    /// The page's own year, where it shows one.
    #[serde(default)]
    pub year: Option<u16>,
}

impl Channel {
    /// The number to put in a link: E.164 when known, else the local dial string.
    pub fn number(&self) -> Option<&str> {
        self.e164.as_deref().or(self.dial.as_deref())
    }
}

/// Days of a weekly opening period, as the data writes them (`mon-fri`, `mon-sun`, `sat`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct WeeklyHours {
    pub days: Text,
    pub open: Text,
    pub close: Text,
}

/// When a line answers. `always` for 24/7; otherwise weekly periods in the line's own zone.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Hours {
    #[serde(default)]
    pub always: bool,
    #[serde(default)]
    pub tz: Option<Text>,
    #[serde(default)]
    pub weekly: Cow<'static, [WeeklyHours]>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Hotline {
    pub id: Text,
    /// ISO 3166-1 alpha-2 (`XK` for Kosovo).
    pub country: Text,
    pub organisation: Text,
    pub name: Text,
    pub scope: Scope,
    /// Present only where a line serves a narrower group, e.g. "migrant workers": the full
    /// English description, shown only when a row has neither codes nor an area (partner rows).
    #[serde(default)]
    pub audience: Option<Text>,
    /// Who the line is for, from the closed list `AUDIENCE_CODES`, translated.
    #[serde(default)]
    pub audience_codes: Cow<'static, [Text]>,
    /// A place the line is limited to: a proper name ("Bavaria"), shown as written.
    #[serde(default)]
    pub audience_area: Option<Text>,
    /// Only what the codes cannot say, in English (shown marked `lang="en"`).
    #[serde(default)]
    pub audience_note: Option<Text>,
    pub channels: Cow<'static, [Channel]>,
    #[serde(default)]
    pub hours: Option<Hours>,
    #[serde(default)]
    pub hours_text: Option<Text>,
    /// BCP 47 tags, where the source names them.
    #[serde(default)]
    pub languages: Cow<'static, [Text]>,
    #[serde(default)]
    pub languages_note: Option<Text>,
    pub source_url: Text,
    /// The date the row was compared with its source (YYYY-MM-DD): "source checked", not a
    /// call to the line.
    pub checked: Text,
    #[serde(default)]
    pub second_source: Option<SecondSource>,
}

impl Hotline {
    /// The source's own wording of the hours (English, as in the data), only where it adds
    /// something: always when there are no structured `hours`, else only if it holds words
    /// beyond days and times ("web form 24/7", "answering machine"), which the translated
    /// schedule cannot say. Shared by the cards and the poster.
    pub fn hours_note(&self) -> Option<&str> {
        let text = self.hours_text.as_deref().filter(|t| !t.trim().is_empty())?;
        match &self.hours {
            Some(_) if !says_more_than_times(text) => None,
            _ => Some(text),
        }
    }
}

/// Whether an English hours text has words other than day names and times ("Mon-Fri
/// 09:00-17:00" and "9am-9pm daily" do not).
fn says_more_than_times(text: &str) -> bool {
    const PLAIN: [&str; 22] = [
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "daily",
        "weekdays",
        "am",
        "pm",
        "to",
        "and",
        "h",
        "days",
    ];
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .any(|w| !PLAIN.contains(&w.to_ascii_lowercase().as_str()))
}

/// A country's general emergency number, with its own source.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Emergency {
    pub country: Text,
    pub number: Text,
    #[serde(default)]
    pub also: Cow<'static, [Text]>,
    pub source_url: Text,
    pub checked: Text,
}

/// An entry for anyone anywhere (today a directory of organisations, not a phone line).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct International {
    pub id: Text,
    pub organisation: Text,
    pub name: Text,
    pub channels: Cow<'static, [Channel]>,
    #[serde(default)]
    pub description: Option<Text>,
    pub source_url: Text,
    pub checked: Text,
}

/// A country known to the widget, with the English name and aliases search needs.
/// Names in the visitor's own language come from the browser (`Intl.DisplayNames`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    pub code: &'static str,
    pub name: &'static str,
    /// Pipe-separated: "UK|Britain|Great Britain".
    pub aliases: &'static str,
}

impl Country {
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        self.aliases.split('|').filter(|a| !a.is_empty())
    }
}

/// A quote shown verbatim with its speaker, and the date and occasion where the source gives them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Quote {
    pub id: Text,
    pub text: Text,
    pub speaker: Text,
    #[serde(default)]
    pub date: Option<Text>,
    #[serde(default)]
    pub context: Option<Text>,
}
