//! The partner kit's printable poster: one country's lines in large type, the four Ps in
//! a line each, a QR code that opens the standalone page preset to the country and language, and
//! the sources in small print. Built as SVG, in the browser, from the same validated data the
//! widget ships (the widget crate's core, without Yew), as its own small wasm that only the
//! partner kit loads.
//!
//! The SVG is one page: 180 × 250 mm, which fits inside both A4 and US Letter with 10 mm margins.
//! Text is black on white (bands are black with white text), so it prints in black and white.

mod qr;
pub mod text;

/// The poster's own strings, compiled from `poster/i18n/*.ftl`.
pub mod strings {
    include!(concat!(env!("OUT_DIR"), "/poster_i18n.rs"));
}

use freedom_widget::core::data::{Channel, ChannelKind, Hotline, Scope};
use freedom_widget::core::{self as widget, i18n as widget_i18n};
use strings::Key as P;
use text::{escape, width_em, wrap};
use widget::json::string_literal;
use widget_i18n::Key as W;

/// Poster width and height in millimetres (the SVG's user units).
pub const WIDTH: f32 = 180.0;
pub const HEIGHT: f32 = 250.0;
const MARGIN: f32 = 10.0;
const QR_SIZE: f32 = 40.0;
/// At most this many lines get the large treatment; the QR code leads to the rest.
const MAX_LINES: usize = 3;
/// How far the small print shrinks (from 2.8 mm) before the rest of the poster does: 2.24 mm,
/// about 6 pt.
const SMALLEST_FINE_PRINT: f32 = 0.8;
const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/// What the partner chose, plus what only the browser knows (names in the visitor's language).
#[derive(Clone, Debug, Default)]
pub struct PosterRequest {
    /// ISO 3166-1 alpha-2, as in the data.
    pub country: String,
    /// A language preference list (a tag, or several separated by spaces); the poster speaks the
    /// best of the widget's languages for it.
    pub lang: String,
    /// The country's name in that language (`Intl.DisplayNames` in the browser).
    pub country_name: String,
    /// The standalone page's address. The QR code opens the country's own page beside it
    /// (`mx/`, `mx/en/`: in the poster's language) when the site has one (`country_pages`), else
    /// the standalone page with `?country=…`, and `&lang=…` when the partner chose the language
    /// (else each visitor who scans it gets their own).
    pub page_url: String,
    /// Whether the site serves a page per country (the build writes them unless told not to).
    pub country_pages: bool,
    /// Whether the partner chose the language (rather than leaving it to each visitor).
    pub lang_chosen: bool,
    /// Names of the lines' languages in the poster's language: (tag, name).
    pub language_names: Vec<(String, String)>,
}

/// A finished poster.
#[derive(Clone, Debug)]
pub struct Poster {
    pub svg: String,
    /// The address the QR code holds.
    pub link: String,
    /// The language the poster is in.
    pub lang: &'static str,
    /// How much the type was scaled down to fit one page (1.0 = not at all).
    pub scale: f32,
    /// Where the last line ends, in mm from the top (at most `HEIGHT` minus the margin).
    pub bottom: f32,
}

/// The language the poster will speak for a preference list: the widget's own negotiation.
pub fn poster_lang(preferences: &str) -> widget_i18n::Lang {
    widget_i18n::Lang::negotiate(preferences.split([' ', ',']).filter(|t| !t.is_empty()))
}

/// The standalone page preset to a country, and to a language when one is given.
pub fn deep_link(page_url: &str, country: &str, lang: Option<&str>) -> String {
    let base = page_url.split(['?', '#']).next().unwrap_or_default();
    match lang {
        Some(lang) => format!("{base}?country={country}&lang={lang}"),
        None => format!("{base}?country={country}"),
    }
}

/// Language tags the country's lines name, in order of first appearance: the page asks the
/// browser for their names before it asks for the poster.
pub fn line_languages(country: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for line in widget::builtin::hotlines_of(country) {
        for tag in line.languages.iter() {
            if !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
    }
    tags
}

/// The number a country's visitors can call at the least: its main line (the first line with a
/// phone number, as the widget, its first paint and the country pages list it first), else its
/// emergency number. The partner kit writes it into a snippet as plain HTML, which a browser that
/// runs no script shows instead of the widget.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MainLine {
    /// The line's name as the data writes it; `None` for the emergency number.
    pub name: Option<String>,
    /// What is dialled: the E.164 number, else the in-country dial string.
    pub number: String,
    /// The number as shown.
    pub display: String,
    /// The `tel:` link the widget gives it (`#` escaped, as the card's `channel_href` does).
    pub href: String,
    /// The date of the data it comes from (`builtin::data_checked`).
    pub data_date: &'static str,
}

/// The country's main number, from the validated data built in; with `second_source_only`, only
/// lines a second page confirms count, as in the widget with that option. `None`: the data has
/// neither a line with a phone number nor an emergency number for the country.
pub fn main_line(country: &str, second_source_only: bool) -> Option<MainLine> {
    let line = widget::builtin::hotlines_of(country)
        .iter()
        .filter(|h| !second_source_only || h.second_source.is_some())
        .find_map(|h| {
            let c = h.channels.iter().find(|c| c.kind == ChannelKind::Phone)?;
            let number = c.number()?;
            Some((Some(h.name.to_string()), number.to_string(), c.display.as_deref().unwrap_or(number).to_string()))
        });
    let (name, number, display) = line.or_else(|| {
        widget::builtin::emergency_of(country).map(|e| (None, e.number.to_string(), e.number.to_string()))
    })?;
    let href = format!("tel:{}", number.replace('#', "%23"));
    Some(MainLine { name, number, display, href, data_date: widget::builtin::data_checked() })
}

/// `main_line` as JSON for the partner kit, with the words around it in the language negotiated
/// for `lang` (the widget's own translations): `label` (the line's name, or "Emergency") and
/// `dataDateText` ("Hotline data of 2026-11-25."). `null` when the country has no number.
pub fn main_line_json(country: &str, lang: &str, second_source_only: bool) -> Result<String, String> {
    let country = country.trim().to_ascii_uppercase();
    if !widget::is_country(&country) {
        return Err(format!("unknown country code {country:?}"));
    }
    let Some(line) = main_line(&country, second_source_only) else { return Ok("null".into()) };
    let lang = poster_lang(lang);
    let label = line.name.clone().unwrap_or_else(|| widget_i18n::format(lang, W::EmergencyHeading, &[]));
    let date_text = widget_i18n::format(lang, W::DataDate, &[("date", line.data_date)]);
    let name = line.name.as_deref().map_or("null".to_string(), string_literal);
    let fields = [
        ("country", string_literal(&country)),
        ("kind", string_literal(if line.name.is_some() { "line" } else { "emergency" })),
        ("name", name),
        ("label", string_literal(&label)),
        ("number", string_literal(&line.number)),
        ("display", string_literal(&line.display)),
        ("href", string_literal(&line.href)),
        ("dataDate", string_literal(line.data_date)),
        ("dataDateText", string_literal(&date_text)),
        ("lang", string_literal(lang.tag())),
        ("dir", string_literal(if lang.is_rtl() { "rtl" } else { "ltr" })),
    ];
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", string_literal(k))).collect();
    Ok(format!("{{{}}}", body.join(",")))
}

/// Builds the poster, shrinking the type until it fits one page.
pub fn poster(request: &PosterRequest) -> Result<Poster, String> {
    let country = request.country.trim().to_ascii_uppercase();
    if !widget::is_country(&country) {
        return Err(format!("unknown country code {:?}", request.country));
    }
    let lang = poster_lang(&request.lang);
    let name = if request.country_name.trim().is_empty() {
        widget::country(&country).map(|c| c.name).unwrap_or(&country).to_string()
    } else {
        request.country_name.trim().to_string()
    };
    let link = if request.country_pages {
        // A page of its own opens at once on a phone, and reads even without JavaScript.
        widget::country_page::link(&request.page_url, &country, Some(lang))
    } else {
        deep_link(&request.page_url, &country, request.lang_chosen.then(|| lang.tag()))
    };
    let (mut scale, mut fine) = (1.0, 1.0);
    loop {
        let mut sheet = Sheet::new(lang, scale, fine);
        sheet.compose(&country, &name, &link, &request.language_names)?;
        if sheet.y <= HEIGHT - MARGIN || scale < 0.5 {
            let bottom = sheet.y;
            return Ok(Poster { svg: sheet.finish(&name), link, lang: lang.tag(), scale, bottom });
        }
        // The small print (each source's address, and a second page's) gives way first, down to
        // about 6 pt, before the numbers and the rest do: they are what a passer-by reads.
        if fine > SMALLEST_FINE_PRINT {
            fine = (fine * 0.9).max(SMALLEST_FINE_PRINT);
        } else {
            scale *= 0.93;
        }
    }
}

/// The page being laid out, top to bottom.
struct Sheet {
    lang: widget_i18n::Lang,
    poster_lang: strings::Lang,
    rtl: bool,
    scale: f32,
    /// The small print's own scale, on top of `scale`.
    fine: f32,
    y: f32,
    body: String,
}

impl Sheet {
    fn new(lang: widget_i18n::Lang, scale: f32, fine: f32) -> Self {
        let poster_lang = strings::Lang::ALL.iter().copied().find(|l| l.tag() == lang.tag()).unwrap_or_default();
        Sheet { lang, poster_lang, rtl: lang.is_rtl(), scale, fine, y: MARGIN, body: String::new() }
    }

    fn w(&self, key: W) -> String {
        widget_i18n::format(self.lang, key, &[])
    }
    fn wf(&self, key: W, args: &[(&str, &str)]) -> String {
        widget_i18n::format(self.lang, key, args)
    }
    fn p(&self, key: P) -> &'static str {
        self.poster_lang.text(key)
    }

    /// x of a block's start edge `inset` mm in from the start margin (the right one in RTL).
    fn x(&self, inset: f32) -> f32 {
        if self.rtl {
            WIDTH - MARGIN - inset
        } else {
            MARGIN + inset
        }
    }

    /// Wrapped text: `size` in mm before scaling, within `width` mm starting `inset` mm in.
    fn text_at(&mut self, text: &str, size: f32, bold: bool, inset: f32, width: f32, attrs: &str) {
        // Rounded as the SVG writes it, so a line wrapped to fit still fits at the written size.
        let size = (size * self.scale * 100.0).round() / 100.0;
        for line in wrap(text, width / size, bold) {
            self.y += size;
            let weight = if bold { r#" font-weight="700""# } else { "" };
            self.body.push_str(&format!(
                r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}"{weight}{attrs}>{}</text>"#,
                self.x(inset),
                self.y,
                escape(&line)
            ));
            self.y += size * 0.3;
        }
    }
    fn text(&mut self, text: &str, size: f32, bold: bool) {
        self.text_at(text, size, bold, 0.0, WIDTH - 2.0 * MARGIN, "");
    }
    /// Text from the data, which is in English whatever the poster's language.
    fn english(&mut self, text: &str, size: f32, bold: bool) {
        // Left-to-right even on a right-to-left poster (else a URL's slash jumps to its front),
        // still aligned to the poster's start edge.
        let attrs = if self.rtl { r#" lang="en" direction="ltr" text-anchor="end""# } else { r#" lang="en""# };
        self.text_at(text, size, bold, 0.0, WIDTH - 2.0 * MARGIN, attrs);
    }
    fn gap(&mut self, mm: f32) {
        self.y += mm * self.scale;
    }
    fn rule(&mut self) {
        self.gap(2.0);
        self.body.push_str(&format!(
            r##"<rect x="{MARGIN}" y="{:.2}" width="{}" height="0.6" fill="#000"/>"##,
            self.y,
            WIDTH - 2.0 * MARGIN
        ));
        self.gap(3.0);
    }

    fn compose(
        &mut self,
        country: &str,
        name: &str,
        link: &str,
        language_names: &[(String, String)],
    ) -> Result<(), String> {
        // Every message below places the name inside a sentence ("Hotlines in the United States").
        let name = &widget_i18n::country_in_text(self.lang, country, name);
        // Title band: white on black.
        let title_size = 9.0 * self.scale;
        let title = wrap(self.p(P::PosterTitle), (WIDTH - 2.0 * MARGIN) / title_size, true);
        let band = title.len() as f32 * title_size * 1.3 + 6.0 * self.scale;
        self.body.push_str(&format!(r##"<rect width="{WIDTH}" height="{band:.2}" fill="#000"/>"##));
        self.y = 3.0 * self.scale;
        for line in title {
            self.y += title_size;
            self.body.push_str(&format!(
                r##"<text x="{:.2}" y="{:.2}" font-size="{title_size:.2}" font-weight="700" fill="#fff">{}</text>"##,
                self.x(0.0),
                self.y,
                escape(&line)
            ));
            self.y += title_size * 0.3;
        }
        self.y = band + 3.0 * self.scale;
        self.text(self.p(P::PosterLead), 5.0, false);
        self.gap(3.0);
        self.text(&self.wf(W::DirectoryHeading, &[("country", name)]), 7.5, true);
        self.gap(1.0);

        let lines: Vec<&Hotline> = widget::builtin::hotlines_of(country).iter().collect();
        if lines.is_empty() {
            self.text(&self.wf(W::NoLine, &[("country", name)]), 5.5, true);
            self.text(&self.w(W::NoLineAdvice), 5.0, false);
        }
        for line in lines.iter().take(MAX_LINES) {
            self.hotline(line, name, language_names);
        }
        if lines.len() > MAX_LINES {
            self.text(self.p(P::PosterMoreLines), 5.0, true);
        }
        self.emergency(country, name);
        if lines.is_empty() {
            self.rule();
            self.text(&self.w(W::InternationalHeading), 5.5, true);
            for entry in widget::builtin::international() {
                self.english(&format!("{} — {}", entry.organisation, entry.name), 4.5, true);
                for channel in entry.channels.iter() {
                    if let Some(url) = channel.url.as_deref().or(channel.address.as_deref()) {
                        self.english(url, 4.0, false);
                    }
                }
            }
        }
        self.rule();
        self.qr_block(link)?;
        self.rule();
        self.four_ps();
        self.rule();
        self.small_print(country, &lines);
        Ok(())
    }

    fn hotline(&mut self, h: &Hotline, country_name: &str, language_names: &[(String, String)]) {
        self.english(&format!("{} — {}", h.organisation, h.name), 5.5, true);
        let scope = match h.scope {
            Scope::Trafficking => self.w(W::ScopeTrafficking),
            Scope::General => self.w(W::ScopeGeneral),
        };
        self.text(&scope, 4.2, false);
        // Who it is for, in the poster's language (the same messages as the widget); the area
        // is a proper name; what the data says only in English is set as English.
        if !h.audience_codes.is_empty() {
            let who = widget_i18n::audience_text(self.lang, &h.audience_codes);
            self.text(&self.wf(W::Audience, &[("audience", &who)]), 4.2, true);
        } else if let (Some(audience), None) = (&h.audience, &h.audience_area) {
            self.english(audience, 4.2, true);
        }
        if let Some(area) = &h.audience_area {
            self.text(&self.wf(W::AudienceArea, &[("area", area)]), 4.2, true);
        }
        if let Some(note) = &h.audience_note {
            self.english(note, 3.8, false);
        }
        for channel in h.channels.iter() {
            self.channel(channel, country_name);
        }
        if let Some(hours) = &h.hours {
            let mut said = if hours.always { self.w(W::HoursAlways) } else { String::new() };
            if let Some(schedule) = widget_i18n::weekly_text(self.lang, hours) {
                said = format!("{said} {schedule}").trim().to_string();
            }
            if let Some(tz) = hours.tz.as_deref().filter(|_| !hours.always) {
                said = format!("{said} ({tz})");
            }
            self.text(&format!("{}: {said}", self.w(W::HoursLabel)), 4.2, false);
        }
        if let Some(note) = h.hours_note() {
            self.english(note, 3.8, false);
        }
        if !h.languages.is_empty() {
            let names: Vec<&str> = h
                .languages
                .iter()
                .map(|tag| language_names.iter().find(|(t, _)| t == tag).map(|(_, n)| n.as_str()).unwrap_or(tag))
                .collect();
            self.text(&format!("{}: {}", self.w(W::LanguagesLabel), names.join(", ")), 4.2, false);
        }
        self.gap(3.0);
    }

    fn channel(&mut self, c: &Channel, country_name: &str) {
        let number = c.display.as_deref().or(c.number()).unwrap_or_default();
        match c.kind {
            ChannelKind::Phone => {
                self.text(&self.wf(W::ChannelCall, &[("number", number)]), 11.0, true);
                // As on the card: the flag "only from within the country" says this already.
                if c.e164.is_none() && c.dial.is_some() && !c.flags.iter().any(|f| f == "in_country_only") {
                    self.text(&self.wf(W::DialInCountry, &[("country", country_name)]), 4.2, false);
                }
            }
            ChannelKind::Sms => {
                let said = match c.body.as_deref() {
                    Some(body) => self.wf(W::ChannelSmsBody, &[("body", body), ("number", number)]),
                    None => self.wf(W::ChannelSms, &[("number", number)]),
                };
                self.text(&said, 6.5, true);
            }
            ChannelKind::Whatsapp => self.text(&self.wf(W::ChannelWhatsapp, &[("number", number)]), 6.5, true),
            ChannelKind::Email => {
                let address = c.address.as_deref().unwrap_or_default();
                self.text(&self.wf(W::ChannelEmail, &[("address", address)]), 5.0, true);
            }
            ChannelKind::Chat | ChannelKind::Web => {
                let label = self.w(if c.kind == ChannelKind::Chat { W::ChannelChat } else { W::ChannelWeb });
                let url = c.url.as_deref().unwrap_or_default();
                let short = url.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/');
                self.text(&format!("{label}: {short}"), 4.5, false);
            }
        }
        if !c.flags.is_empty() {
            self.text(&widget_i18n::flags_text(self.lang, &c.flags), 4.0, false);
        }
        if let Some(note) = &c.note {
            self.english(note, 3.8, false);
        }
    }

    fn emergency(&mut self, country: &str, name: &str) {
        match widget::builtin::emergency_of(country) {
            Some(e) => {
                self.text(&self.wf(W::EmergencyCall, &[("number", &e.number)]), 7.0, true);
                if !e.also.is_empty() {
                    self.text(&self.wf(W::EmergencyAlso, &[("numbers", &e.also.join(", "))]), 4.5, false);
                }
            }
            None => self.text(&self.wf(W::EmergencyNone, &[("country", name)]), 4.5, false),
        }
    }

    /// The QR code at the start edge, its caption and address beside it.
    fn qr_block(&mut self, link: &str) -> Result<(), String> {
        let top = self.y;
        let qr_x = if self.rtl { WIDTH - MARGIN - QR_SIZE } else { MARGIN };
        self.body.push_str(&qr::qr_group(link, qr_x, top, QR_SIZE)?);
        let inset = QR_SIZE + 5.0;
        let width = WIDTH - 2.0 * MARGIN - inset;
        self.y = top + 4.0;
        self.text_at(self.p(P::PosterScan), 5.0, true, inset, width, "");
        self.gap(1.0);
        let attrs = if self.rtl { r#" direction="ltr" text-anchor="end" class="link""# } else { r#" class="link""# };
        self.text_at(link, 3.6, false, inset, width, attrs);
        self.y = self.y.max(top + QR_SIZE);
        Ok(())
    }

    fn four_ps(&mut self) {
        self.text(&self.w(W::ExplainerHeading), 5.0, true);
        for (name, line) in [
            (W::PProsecution, P::PProsecutionLine),
            (W::PProtection, P::PProtectionLine),
            (W::PPrevention, P::PPreventionLine),
            (W::PPartnership, P::PPartnershipLine),
        ] {
            self.text(&format!("{} — {}", self.w(name), self.p(line)), 4.0, false);
        }
    }

    /// Where each number on the poster comes from, and when it was last checked.
    fn small_print(&mut self, country: &str, lines: &[&Hotline]) {
        // (source, date checked, second source and its year where one confirms the number)
        type Second = Option<(String, Option<u16>)>;
        let mut sources: Vec<(String, String, Second)> = lines
            .iter()
            .take(MAX_LINES)
            .map(|h| {
                (
                    h.source_url.to_string(),
                    h.checked.to_string(),
                    h.second_source.as_ref().map(|s| (s.url.to_string(), s.year)),
                )
            })
            .collect();
        if let Some(e) = widget::builtin::emergency_of(country) {
            sources.push((e.source_url.to_string(), e.checked.to_string(), None));
        }
        sources.dedup();
        let label = self.w(W::SourceLabel);
        for (url, checked, second) in sources {
            let checked = self.wf(W::SourceChecked, &[("date", &checked)]);
            let mut line = format!("{label}: {url} · {checked}");
            if let Some((second_url, year)) = second {
                let confirms = match year {
                    Some(year) => self.wf(W::SecondSource, &[("year", &year.to_string())]),
                    None => self.w(W::SecondSourceUndated),
                };
                line = format!("{line} · {confirms}: {second_url}");
            }
            self.text_at(&line, 2.8 * self.fine, false, 0.0, WIDTH - 2.0 * MARGIN, r#" class="source""#);
        }
        // The date of the data the poster was made from: a printed number cannot be corrected,
        // so its age is said where the sources are.
        let date = self.wf(W::DataDate, &[("date", widget::builtin::data_checked())]);
        self.text_at(&date, 2.8 * self.fine, false, 0.0, WIDTH - 2.0 * MARGIN, r#" class="source data-date""#);
    }

    fn finish(self, country_name: &str) -> String {
        let title = format!("{} · {}", self.p(P::PosterTitle), country_name);
        let dir = if self.rtl { "rtl" } else { "ltr" };
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}mm" height="{HEIGHT}mm" viewBox="0 0 {WIDTH} {HEIGHT}" lang="{}" direction="{dir}" font-family="{FONT}" fill="#000"><title>{}</title><rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>{}</svg>"##,
            self.lang.tag(),
            escape(&title),
            self.body
        )
    }
}

/// Width check used by the tests: the widest text line of a poster, in mm, from its SVG.
pub fn widest_line_mm(svg: &str) -> f32 {
    let mut widest: f32 = 0.0;
    for part in svg.split("<text ").skip(1) {
        let size: f32 = part
            .split("font-size=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .and_then(|s| s.parse().ok())
            .unwrap_or(0.0);
        let bold = part.split('>').next().is_some_and(|a| a.contains("font-weight=\"700\""));
        let content =
            part.split_once('>').map(|(_, rest)| rest.split("</text>").next().unwrap_or_default()).unwrap_or_default();
        let content = content
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'");
        widest = widest.max(width_em(&content, bold) * size);
    }
    widest
}

#[cfg(target_arch = "wasm32")]
mod browser {
    //! The partner kit's door: four functions for `partners/configurator.js`.
    use super::*;
    use wasm_bindgen::prelude::*;

    /// The poster as an SVG document. `language_names` is "tag\tname" lines.
    #[wasm_bindgen(js_name = posterSvg)]
    pub fn poster_svg(
        country: &str,
        lang: &str,
        lang_chosen: bool,
        country_name: &str,
        page_url: &str,
        country_pages: bool,
        language_names: &str,
    ) -> Result<String, JsValue> {
        let request = PosterRequest {
            country: country.into(),
            lang: lang.into(),
            lang_chosen,
            country_name: country_name.into(),
            page_url: page_url.into(),
            country_pages,
            language_names: language_names
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(t, n)| (t.to_string(), n.to_string()))
                .collect(),
        };
        poster(&request).map(|p| p.svg).map_err(|e| JsValue::from_str(&e))
    }

    /// The language tag a poster for these preferences will be in.
    #[wasm_bindgen(js_name = posterLanguage)]
    pub fn poster_language(preferences: &str) -> String {
        poster_lang(preferences).tag().to_string()
    }

    /// The country's main number as JSON (`main_line_json`), for the snippet's plain-HTML
    /// fallback: never typed by hand, always the build's validated data.
    #[wasm_bindgen(js_name = mainLine)]
    pub fn main_line_js(country: &str, lang: &str, second_source_only: bool) -> Result<String, JsValue> {
        main_line_json(country, lang, second_source_only).map_err(|e| JsValue::from_str(&e))
    }

    /// The tags of the languages a country's lines name, space-separated.
    #[wasm_bindgen(js_name = lineLanguages)]
    pub fn line_languages_js(country: &str) -> String {
        line_languages(&country.trim().to_ascii_uppercase()).join(" ")
    }
}
