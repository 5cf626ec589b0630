//! Partner options, declared once. The script tag's `data-*` attributes, the custom element's
//! attributes and the npm `mount(el, options)` object (camelCase keys) all parse through
//! `Options::from_pairs`; `OPTION_SPECS` is the one table the README, the TypeScript types and
//! the configurator are checked against (see `tests/options_documented.rs`).
//!
//! A bad value never breaks the widget: it becomes a `Warning` naming the option and the value,
//! and the option keeps its default.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Hotlines,
    Explainer,
    Quotes,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Hotlines, Section::Explainer, Section::Quotes];
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Hotlines => "hotlines",
            Section::Explainer => "explainer",
            Section::Quotes => "quotes",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Layout {
    /// Every section, the whole directory of countries.
    #[default]
    Full,
    /// The chosen country's lines and the country finder; other sections collapsed.
    Compact,
    /// One line: the chosen country's main number, for a page header or footer.
    Banner,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    /// Follows the visitor's `prefers-color-scheme`.
    #[default]
    Auto,
}

/// Where "Report an outdated number" goes unless the partner sets `report-url`.
pub const DEFAULT_REPORT_URL: &str =
    "https://github.com/freedom-widget/freedom-widget/issues/new?template=outdated-number.md";
/// The official data channel a build serves (`FW_DATA_CHANNEL` at build time), empty for none.
pub const DEFAULT_DATA_CHANNEL: Option<&str> = option_env!("FW_DATA_CHANNEL");
/// Where quick exit goes unless the partner sets `quick-exit-url`: a neutral everyday site.
pub const DEFAULT_QUICK_EXIT_URL: &str = "https://www.wikipedia.org/";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    pub country: Option<String>,
    pub fallback_country: Option<String>,
    pub lang: Option<String>,
    pub sections: Vec<Section>,
    pub layout: Layout,
    pub theme: Theme,
    /// `None` lets the door decide: on for the standalone page, off for embeds.
    pub quick_exit: Option<bool>,
    pub quick_exit_url: String,
    pub report_url: String,
    pub hotlines_url: Option<String>,
    /// Where newer signed data comes from (`channel.json`); `None`: the data built in only.
    pub data_channel: Option<String>,
    pub host_fonts: bool,
    /// Show only lines a second, independent page confirms (`second_source` in the data).
    pub second_source_only: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            country: None,
            fallback_country: None,
            lang: None,
            sections: Section::ALL.to_vec(),
            layout: Layout::default(),
            theme: Theme::default(),
            quick_exit: None,
            quick_exit_url: DEFAULT_QUICK_EXIT_URL.to_string(),
            report_url: DEFAULT_REPORT_URL.to_string(),
            hotlines_url: None,
            data_channel: DEFAULT_DATA_CHANNEL.filter(|url| !url.is_empty()).map(String::from),
            host_fonts: false,
            second_source_only: false,
        }
    }
}

/// An option's documentation (for the README, the TypeScript types, the configurator), which the
/// build's tools read natively. The widget's wasm never shows it, so it does not carry it: 1.3 KB
/// of its first download (brotli).
#[cfg(not(target_arch = "wasm32"))]
pub type Doc = &'static str;
#[cfg(target_arch = "wasm32")]
pub type Doc = ();

/// Documentation text, kept where it is read (see `Doc`).
#[allow(clippy::unused_unit)]
pub const fn doc(text: &'static str) -> Doc {
    #[cfg(not(target_arch = "wasm32"))]
    return text;
    #[cfg(target_arch = "wasm32")]
    {
        let _ = text;
    }
}

/// One documented option.
pub struct OptionSpec {
    /// HTML attribute on `<freedom-widget>` (and `data-` + this on the script tag).
    pub attribute: &'static str,
    /// Key in the npm `mount()` options object.
    pub js: &'static str,
    /// The values it takes, as documented.
    pub values: Doc,
    pub default: Doc,
    pub about: Doc,
    /// Applies a value (already trimmed) to the options, or says what is wrong with it and what
    /// is used instead. `is_country` says which codes the widget knows.
    pub parse: ParseOption,
}

/// How an option's value is applied: the options, the trimmed value, and which codes are
/// countries; `Err` says what is wrong and what is used instead.
pub type ParseOption = fn(&mut Options, &str, &dyn Fn(&str) -> bool) -> Result<(), String>;

pub const OPTION_SPECS: &[OptionSpec] = &[
    OptionSpec { attribute: "country", js: "country", values: doc("ISO 3166-1 alpha-2 code, e.g. `TH`"), default: doc("detected"), about: doc("Country shown first. Overrides detection."), parse: parse_country },
    OptionSpec { attribute: "fallback-country", js: "fallbackCountry", values: doc("ISO code"), default: doc("none"), about: doc("Country used when detection finds none."), parse: parse_fallback_country },
    OptionSpec { attribute: "lang", js: "lang", values: doc("language tag, e.g. `es`"), default: doc("page, then browser"), about: doc("Language of the widget."), parse: parse_lang },
    OptionSpec { attribute: "sections", js: "sections", values: doc("comma list of `hotlines`, `explainer`, `quotes`, in the order to show"), default: doc("`hotlines,explainer,quotes`"), about: doc("Which sections, in which order."), parse: parse_sections },
    OptionSpec { attribute: "layout", js: "layout", values: doc("`full`, `compact`, `banner`"), default: doc("`full`"), about: doc("How much to show."), parse: parse_layout },
    OptionSpec { attribute: "theme", js: "theme", values: doc("`light`, `dark`, `auto`"), default: doc("`auto`"), about: doc("Colours; `auto` follows the visitor's setting."), parse: parse_theme },
    OptionSpec { attribute: "quick-exit", js: "quickExit", values: doc("`true`, `false`"), default: doc("`true` on the page, `false` in embeds"), about: doc("Shows the quick exit button and Shift×3 shortcut."), parse: parse_quick_exit },
    OptionSpec { attribute: "quick-exit-url", js: "quickExitUrl", values: doc("https:// or http:// URL"), default: doc("`https://www.wikipedia.org/`"), about: doc("Where quick exit goes."), parse: parse_quick_exit_url },
    OptionSpec { attribute: "report-url", js: "reportUrl", values: doc("https:// URL, or `mailto:` address with at most `?subject=`"), default: doc("the project's issue form"), about: doc("Target of \"Report an outdated number\"."), parse: parse_report_url },
    OptionSpec { attribute: "hotlines-url", js: "hotlinesUrl", values: doc("same-origin URL of a JSON file"), default: doc("none"), about: doc("Partner rows that add to or correct the built-in data."), parse: parse_hotlines_url },
    OptionSpec { attribute: "channel", js: "dataChannel", values: doc("URL of a signed data release (`channel.json`), or empty for none"), default: doc("the build's channel, if it was built with one"), about: doc("Where newer signed data comes from after the widget shows; a release not signed by the widget's key, older or invalid is refused; an expired one still shows, with a console note."), parse: parse_data_channel },
    OptionSpec { attribute: "host-fonts", js: "hostFonts", values: doc("`true`, `false`"), default: doc("`false`"), about: doc("Use the host page's font instead of the system font."), parse: parse_host_fonts },
    OptionSpec { attribute: "assets-url", js: "assetsUrl", values: doc("URL of a folder holding the files of `dist/embed/`"), default: doc("beside the widget's script"), about: doc("Where the widget's files are, for builds that copy no assets (npm with esbuild, Angular, Rollup without a plugin)."), parse: parse_assets_url },
    OptionSpec { attribute: "second-source-only", js: "secondSourceOnly", values: doc("`true`, `false`"), default: doc("`false`"), about: doc("Show only lines a second, independent page confirms; a country left without one shows its emergency number and the international directory."), parse: parse_second_source_only },
];

/// The options a link to the standalone page may set (`/?country=MX&lang=es`: the poster's QR
/// code, a link a partner shares): which country and language it opens in, and how it looks.
/// Nothing else: a link can come from the person a visitor is hiding from, so it never chooses
/// where quick exit goes or whether it shows, where reports go, or which lines or sections show.
pub const LINK_OPTIONS: &[&str] = &["country", "lang", "layout", "theme"];

/// A bad option value, said once in the console.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    pub option: String,
    pub value: String,
    pub problem: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "freedom-widget: option \"{}\" = {}: {}",
            self.option,
            crate::core::validate::Quoted(&self.value),
            self.problem
        )
    }
}

/// Finds an option by attribute name, script-tag name (`data-country`) or JS key (`fallbackCountry`).
pub fn spec_named(name: &str) -> Option<&'static OptionSpec> {
    let name = name.strip_prefix("data-").unwrap_or(name);
    OPTION_SPECS.iter().find(|s| s.attribute == name || s.js == name)
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        // A bare attribute (`<freedom-widget quick-exit>`) has an empty value and means on. Only
        // the documented values count: `yes` or `1` is said to be wrong, not guessed at.
        "" | "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

impl Options {
    /// The standalone page's options when its URL sets none: what the page is prerendered with.
    pub fn page_defaults() -> Options {
        Options::default()
    }

    /// Parses option name/value pairs. Unknown names and bad values become warnings; the
    /// option keeps its default. `is_country` says which codes the widget knows.
    pub fn from_pairs<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        is_country: impl Fn(&str) -> bool,
    ) -> (Options, Vec<Warning>) {
        let mut o = Options::default();
        let mut warnings = Vec::new();
        for (name, value) in pairs {
            let mut warn = |problem: String| {
                warnings.push(Warning { option: name.to_string(), value: value.to_string(), problem })
            };
            let Some(spec) = spec_named(name) else {
                warn("unknown option; ignored".into());
                continue;
            };
            if let Err(problem) = (spec.parse)(&mut o, value.trim(), &is_country) {
                warn(problem);
            }
        }
        (o, warnings)
    }

    /// The standalone page's options from its own URL's query: only `LINK_OPTIONS` (by their
    /// attribute names, as the page's links spell them); every other key is ignored with a
    /// warning naming it. The page's script filters the same way before Rust runs, so that
    /// neither alone decides.
    pub fn from_link<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        is_country: impl Fn(&str) -> bool,
    ) -> (Options, Vec<Warning>) {
        let (kept, ignored): (Vec<_>, Vec<_>) = pairs.into_iter().partition(|(name, _)| LINK_OPTIONS.contains(name));
        let (options, mut warnings) = Options::from_pairs(kept, is_country);
        warnings.extend(ignored.into_iter().map(|(name, value)| Warning {
            option: name.to_string(),
            value: value.to_string(),
            problem: format!(
                "a link to this page cannot set this; ignored (a link sets only {})",
                LINK_OPTIONS.join(", ")
            ),
        }));
        (options, warnings)
    }
}

// One parser per option, named in its `OptionSpec`. Each applies what it can of the value and
// returns the problem, and what is used instead, for the rest.

fn country_code(v: &str, is_country: &dyn Fn(&str) -> bool) -> Result<String, String> {
    let code = v.to_ascii_uppercase();
    if super::validate::is_alpha2(&code) && is_country(&code) {
        Ok(code)
    } else {
        Err("not a known ISO 3166-1 alpha-2 country code; detecting the country instead".into())
    }
}

fn parse_country(o: &mut Options, v: &str, is_country: &dyn Fn(&str) -> bool) -> Result<(), String> {
    o.country = Some(country_code(v, is_country)?);
    Ok(())
}

fn parse_fallback_country(o: &mut Options, v: &str, is_country: &dyn Fn(&str) -> bool) -> Result<(), String> {
    o.fallback_country = Some(country_code(v, is_country)?);
    Ok(())
}

fn parse_lang(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if super::validate::is_language_tag(&v.to_ascii_lowercase()) || super::validate::is_language_tag(v) {
        o.lang = Some(v.to_string());
        Ok(())
    } else {
        Err("not a language tag such as en or pt-BR; using the page's language".into())
    }
}

fn parse_sections(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    let mut sections = Vec::new();
    let mut problems = Vec::new();
    for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match Section::ALL.iter().find(|s| s.as_str().eq_ignore_ascii_case(part)) {
            Some(s) if !sections.contains(s) => sections.push(*s),
            Some(_) => problems.push(format!("\"{part}\" is listed twice")),
            None => problems.push(format!("\"{part}\" is not a section")),
        }
    }
    // One warning per bad value, however many parts of it are wrong.
    if sections.is_empty() {
        return Err("expected a comma list of hotlines, explainer, quotes; showing all".into());
    }
    let shown = sections.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
    o.sections = sections;
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}; showing {shown}", problems.join(", ")))
    }
}

/// A value from a closed list, its name in any case; else `otherwise`, the warning's text.
fn one_of<T: Copy>(v: &str, choices: &[(&str, T)], otherwise: &str) -> Result<T, String> {
    choices
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(v))
        .map(|(_, value)| *value)
        .ok_or_else(|| otherwise.into())
}

fn parse_layout(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    let choices = [("full", Layout::Full), ("compact", Layout::Compact), ("banner", Layout::Banner)];
    o.layout = one_of(v, &choices, "expected full, compact or banner; using full")?;
    Ok(())
}

fn parse_theme(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    let choices = [("light", Theme::Light), ("dark", Theme::Dark), ("auto", Theme::Auto)];
    o.theme = one_of(v, &choices, "expected light, dark or auto; using auto")?;
    Ok(())
}

fn switch(v: &str) -> Result<bool, String> {
    parse_bool(v).ok_or_else(|| "expected true or false; using the default".into())
}

fn parse_quick_exit(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    o.quick_exit = Some(switch(v)?);
    Ok(())
}

fn parse_host_fonts(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    o.host_fonts = switch(v)?;
    Ok(())
}

fn parse_second_source_only(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    o.second_source_only = switch(v)?;
    Ok(())
}

fn parse_quick_exit_url(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if !super::validate::is_web_url(v) {
        return Err("expected an https:// (or http://) URL; using the default".into());
    }
    o.quick_exit_url = v.to_string();
    Ok(())
}

fn parse_report_url(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if !is_report_address(v) {
        return Err("expected an https:// URL, or a mailto: address with at most a subject; using the default".into());
    }
    o.report_url = v.to_string();
    Ok(())
}

/// What the README promises `report-url` takes: an `https://` URL, or `mailto:` one address with
/// at most `?subject=…`. Not `http://` (a report may name a number a visitor called), and no
/// other mail field: `cc`, `bcc` or `body` would copy or word a visitor's report for someone else.
fn is_report_address(v: &str) -> bool {
    if let Some(mail) = v.strip_prefix("mailto:") {
        let (address, query) = mail.split_once('?').unwrap_or((mail, ""));
        let subject_only = query.is_empty()
            || query.strip_prefix("subject=").is_some_and(|subject| !subject.contains(['&', '?', '#']));
        return super::validate::is_email(address) && !address.contains(['?', '&', ',', '%']) && subject_only;
    }
    v.starts_with("https://") && super::validate::is_web_url(v)
}

/// A URL the widget may fetch from: not empty, no spaces, no script or inline data.
fn is_fetchable(v: &str) -> bool {
    !(v.is_empty() || v.chars().any(char::is_whitespace) || v.starts_with("javascript:") || v.starts_with("data:"))
}

fn parse_hotlines_url(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if !is_fetchable(v) {
        return Err("expected the URL of a JSON file on this site; ignored".into());
    }
    o.hotlines_url = Some(v.to_string());
    Ok(())
}

fn parse_data_channel(o: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if v.is_empty() {
        // Empty turns the channel off, the build's default included.
        o.data_channel = None;
        return Ok(());
    }
    if !is_fetchable(v) {
        return Err("expected the URL of a signed data release; using the build's channel".into());
    }
    o.data_channel = Some(v.to_string());
    Ok(())
}

/// Read by the JavaScript loader, which fetches the wasm before Rust runs; checked here too so
/// that a bad value is said like every other option's.
fn parse_assets_url(_: &mut Options, v: &str, _: &dyn Fn(&str) -> bool) -> Result<(), String> {
    if is_fetchable(v) {
        Ok(())
    } else {
        Err("expected the URL of the folder holding the widget's files; looking beside its script".into())
    }
}
