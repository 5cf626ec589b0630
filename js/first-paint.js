// The first paint: what a visitor needs to call for help (their country's main line and its
// emergency number, in their language, styled as the widget) drawn in the element's shadow root
// from a small table as soon as the page runs this file, without waiting for the wasm; kept if the
// wasm never comes. The widget renders under it unseen and replaces it when its first render is
// whole (src/web/first_paint.rs hands the focus over).
//
// The table and the messages (the few it speaks, in every language) come from Rust at build time
// (src/bin/prerender.rs, `--assets`), so the first paint says what the widget will say; this file
// only lays it out. It shows nothing where it cannot be sure of that (a partner's own rows may
// correct a number; a partner who puts another section first), and the reserved box waits for
// the widget, as it did before.
import { HOST_CSS, TABLE } from "freedom-widget:first-paint";
import { negotiate } from "./language.js";

const { countries, lines, international, english, messages: translated, rtl, names } = TABLE;
/** Every language the widget speaks. */
const LANGUAGES = Object.keys(names);
/** Every country detection accepts, with its English name as a sentence places it ("MXMexico|
 *  USthe United States|…": Rust's `i18n::country_in_text`). */
const KNOWN = new Map(countries.split("|").map((entry) => [entry.slice(0, 2), entry.slice(2)]));

let sheet = null;
/** The first paint's rules, made once per page, to adopt into `root` (a shadow root). They also
 *  reserve the widget's height, so nothing moves when content arrives. */
export function adoptRules(root) {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(HOST_CSS);
    }
    if (root.adoptedStyleSheets.length === 0) root.adoptedStyleSheets = [sheet];
  } catch {
    // Old browsers without constructable stylesheets: the first paint still reads, unstyled.
  }
}

/** The element's open shadow root, with the first paint's rules adopted. */
function prepareHost(element) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  adoptRules(root);
  return root;
}

/** An option by its attribute name or its JavaScript name (`fallback-country`, `fallbackCountry`). */
const option = (options, attribute) => options[attribute] ?? options[attribute.replace(/-(.)/g, (_, c) => c.toUpperCase())];
/** As Rust's options read a switch: `true`, or a bare attribute, means on (nothing else). */
const on = (value) => value != null && /^(|true)$/i.test(String(value).trim());
/** A country option as Rust reads it (`country_code`): two letters naming a known country. */
function countryOption(value) {
  const code = value == null ? "" : String(value).toUpperCase();
  return /^[A-Z]{2}$/.test(code) && KNOWN.has(code) ? code : null;
}

function browserLanguages() {
  const list = navigator.languages?.length ? navigator.languages : [navigator.language];
  return list.filter(Boolean);
}

/** The region subtag of a language tag, as `core::detect::region_of` reads it. */
function regionOf(tag) {
  return tag.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase() ?? null;
}

/** The country the widget will choose, and why (`core::detect`, in the same order): the option,
 *  the browser's languages, the time zone (its table loaded only then), the partner's fallback.
 *  `givenBy`: what the `country` option is (the site's setting, or on the standalone page the
 *  link the visitor opened). */
async function chooseCountry(options, io, givenBy) {
  const given = countryOption(option(options, "country"));
  if (given) return [given, givenBy];
  for (const tag of browserLanguages()) {
    const region = regionOf(tag);
    if (region && KNOWN.has(region)) return [region, "chosen-language"];
  }
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const country = zone && (await io.zones())[zone];
    if (country && KNOWN.has(country)) return [country, "chosen-timezone"];
  } catch {
    // No time zone table (not copied, offline): the partner's fallback, or no country.
  }
  const fallback = countryOption(option(options, "fallback-country"));
  return fallback ? [fallback, "chosen-fallback"] : null;
}

/** An element with attributes (null ones left out) and children (strings become text, never HTML). */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) if (value != null) element.setAttribute(name, value);
  element.append(...children.filter((c) => c != null));
  return element;
}

/** A message with `{ $name }` filled; `slot` names the one placeholder filled by a node. */
function say(messages, key, args = {}, slot = null, node = null) {
  let text = messages[key] ?? english[key];
  for (const [name, value] of Object.entries(args)) text = text.replaceAll(`{ $${name} }`, value);
  if (!slot) return [text];
  const [before, after = ""] = text.split(`{ $${slot} }`);
  return [before, node, after];
}

const ltr = (text) => h("bdi", { dir: "ltr" }, text);
const dataText = (text) => h("bdi", { dir: "auto" }, text);

function callLink(messages, name, tel, shown) {
  return h("a", { class: "channel channel-phone", part: "channel", href: `tel:${tel}` },
    ...say(messages, "channel-call", {}, "number", ltr(shown)),
    // The link says what it reaches, as the widget's does.
    h("span", { class: "visually-hidden" }, " ", ...say(messages, "channel-line", { line: name })));
}

function emergencyLink(messages, number) {
  return h("a", { class: "channel emergency-call", href: `tel:${number}` }, ...say(messages, "emergency-call", {}, "number", ltr(number)));
}

function internationalBlock(messages) {
  const [name, url] = international;
  return h("div", { class: "international" },
    h("h3", null, ...say(messages, "international-heading")),
    h("ul", { class: "plain" }, h("li", null, h("strong", null, dataText(name)),
      h("ul", { class: "channels" }, h("li", null, h("a", { class: "channel", href: url, target: "_blank", rel: "noopener noreferrer", referrerpolicy: "no-referrer" },
        ...say(messages, "channel-web"), " · ", ltr(url), h("span", { class: "visually-hidden" }, " ", ...say(messages, "new-tab"))))))));
}

/** The country panel's top, as `CountryPanel` lays it out. */
function panel(messages, lang, chosen, onlySecond, layout) {
  if (!chosen) {
    return h("div", { class: "panel", part: "panel" },
      h("h2", null, ...say(messages, "directory-heading-none")),
      h("p", { class: "chosen" }, ...say(messages, "chosen-none")),
      internationalBlock(messages));
  }
  const [code, why] = chosen;
  // In English from the table, as the widget does; otherwise as the widget asks Intl.
  let country = KNOWN.get(code);
  if (lang !== "en") {
    // Without Intl's name, the English name as the widget then shows it: alone, without the
    // "the" an English sentence gave it (no country's own English name starts with "the":
    // tests/i18n.rs).
    country = country.replace(/^the /, "");
    try {
      country = new Intl.DisplayNames([lang], { type: "region", fallback: "none" }).of(code) ?? country;
    } catch {
      // No Intl.DisplayNames: the English name, until the widget's own.
    }
  }
  const [name, tel, shown, second, emergency] = lines[code] ?? ["", "", "", 0, ""];
  const line = tel && (!onlySecond || second) ? callLink(messages, name, tel, shown) : null;
  const heading = say(messages, "directory-heading", { country });
  if (layout === "banner") {
    return h("div", { class: "panel banner", part: "panel" },
      h("h2", { class: "banner-title" }, ...heading),
      h("p", { class: "banner-line" }, line ?? (emergency ? emergencyLink(messages, emergency) : null),
        line ? " " : null, line ? h("span", { class: "banner-name small" }, dataText(name)) : null));
  }
  return h("div", { class: "panel", part: "panel" },
    h("h2", null, ...heading),
    h("p", { class: "chosen" }, ...say(messages, why, { country })),
    line
      ? h("ul", { class: "cards" }, h("li", null, h("article", { class: "card", part: "card" }, h("h3", { class: "card-title" }, dataText(name)),
          h("ul", { class: "channels" }, h("li", null, line)))))
      : h("div", { class: "no-line", role: "note" }, h("p", null, h("strong", null, ...say(messages, "no-line", { country })))),
    emergency
      ? h("div", { class: "emergency", part: "emergency" }, h("h3", null, ...say(messages, "emergency-heading")), h("p", null, emergencyLink(messages, emergency)))
      : null,
    line ? null : internationalBlock(messages));
}

/** What a first paint shows for these options, or null where it cannot be sure the widget will
 *  show the same (a partner's own rows may correct a number; another section first), unless
 *  `force`. `pageLang`: the host page's language, a preference after the option's (as Rust's
 *  `negotiated_lang`); the standalone page heeds none, its prerender being in English. */
async function decide(options, io, force, pageLang, givenBy = "chosen-option") {
  const layout = String(option(options, "layout") ?? "").toLowerCase();
  const sections = String(option(options, "sections") ?? "hotlines").split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unsure = option(options, "hotlines") != null || option(options, "hotlines-url") != null || (layout !== "banner" && sections[0] !== "hotlines");
  if (unsure && !force) return null;
  const lang = pageLanguage(options, pageLang);
  const chosen = await chooseCountry(options, io, givenBy);
  return {
    lang,
    messages: lang === "en" ? english : translated[lang],
    chosen,
    view: ["full", "compact", "banner"].includes(layout) ? layout : "full",
    onlySecond: on(option(options, "second-source-only")),
  };
}

const painted = new WeakMap();

/**
 * Draws the first paint into `element` (in its open shadow root) for these options, unless the
 * widget is already there. `io` says where the rest is: `zones()` (a promise of the time-zone
 * table, loaded only when detection needs it).
 * `force`: the wasm could not start, so draw even where the widget's own view would differ (a
 * partner's rows cannot be read without it): a working number beats a blank box.
 * Resolves to the country it shows (or would, were it sure), as Rust will detect it, or null.
 */
export async function paint(element, options, io, force = false) {
  const root = prepareHost(element);
  // Drawn already for the same options (the script tag draws it, then the element's start asks
  // again; the wasm failing asks again with `force`): kept as it is, with the focus a visitor may
  // have given it.
  const key = JSON.stringify(options);
  if (painted.get(element)?.key === key && root.querySelector(".fw-first")) return painted.get(element).country;
  const ticket = { key, country: null };
  painted.set(element, ticket);
  const shown = await decide(options, io, force, document.documentElement.lang);
  ticket.country = shown?.chosen?.[0] ?? null;
  // Unsure, the widget arrived meanwhile, or newer options asked for another paint.
  if (!shown || painted.get(element) !== ticket || root.querySelector(".fw-mount")) return ticket.country;
  const { lang, messages, view } = shown;
  const theme = String(option(options, "theme") ?? "").toLowerCase();
  const widget = h("div", {
      class: on(option(options, "host-fonts")) ? "fw host-fonts" : "fw", part: "root", lang, dir: rtl.includes(lang) ? "rtl" : "ltr",
      "data-theme": ["light", "dark", "auto"].includes(theme) ? theme : "auto", "data-layout": view,
      role: "region", "aria-label": say(messages, "widget-label")[0],
    },
    // The language picker's place, so nothing moves when the widget's own takes it; inert until then.
    view === "banner" ? null : h("div", { class: "language", part: "language", "aria-hidden": "true" },
      h("span", { class: "small" }, ...say(messages, "language-label")),
      h("select", { part: "select", disabled: "", tabindex: "-1" }, h("option", { lang }, names[lang] ?? lang))),
    h("section", { class: "section directory", part: "directory" }, panel(messages, lang, shown.chosen, shown.onlySecond, view)));
  root.replaceChildren(h("div", { class: "fw-first" }, widget));
  return ticket.country;
}

/** The class of the standalone page's first paint, in its country panel (static/page.css). */
const PAGE_FIRST_PAINT = "first-paint";

/**
 * The standalone page's first paint: the detected (or linked) country's main line and emergency
 * number, drawn at the top of the prerendered country panel `into` (light DOM, styled by the
 * page's own stylesheet, which hides the prerendered panel's text after it), long before the wasm
 * has arrived to take the page over. Through that takeover it covers the same place, until the
 * page shows the same country (js/page.js). Nothing is drawn without a country (the
 * prerender already says to choose one) or for a layout other than the prerendered one.
 * `cancelled()`: the takeover began meanwhile. Returns the drawn box, or null.
 */
export async function paintPagePanel(into, options, io, cancelled) {
  if (!into) return null;
  // The page's `country` comes from its link, which the panel says (as Rust's ChosenBy::Link).
  const shown = await decide(options, io, false, null, "chosen-link");
  if (!shown?.chosen || shown.view !== "full" || cancelled() || !into.isConnected) return null;
  // At least as tall as what it hides: the finder and the list below never move up, then down.
  const height = into.getBoundingClientRect().height;
  const drawn = panel(shown.messages, shown.lang, shown.chosen, shown.onlySecond, shown.view);
  const box = h("div", { class: PAGE_FIRST_PAINT, lang: shown.lang, dir: rtl.includes(shown.lang) ? "rtl" : "ltr" }, ...drawn.childNodes);
  box.style.minBlockSize = `${height}px`;
  into.prepend(box);
  return box;
}

/** The language the widget will speak, as Rust's `negotiated_lang` negotiates it: the `lang`
 *  option, then the host page's language (`hostLang`; the standalone page heeds none), then the
 *  browser's. */
export function pageLanguage(options, hostLang = null) {
  return negotiate([option(options, "lang"), hostLang, ...browserLanguages()], LANGUAGES);
}

/**
 * Turns the standalone page's own text (its subtitle and footer: each `[data-text]` element holds
 * that message, prerendered in English) and the document's `lang` and `dir` to `lang`, from the
 * same translation files as the widget (this build's table).
 */
export function speakPage(lang) {
  if (!LANGUAGES.includes(lang)) return;
  const messages = lang === "en" ? english : translated[lang];
  for (const element of document.querySelectorAll("[data-text]")) {
    const [text] = say(messages, element.dataset.text);
    if (text !== undefined && element.textContent !== text) element.textContent = text;
  }
  // Written only when they change: at / in English (prerendered `lang="en" dir="ltr"`) they do
  // not, and each write makes the browser restyle the whole long page.
  const root = document.documentElement;
  const dir = rtl.includes(lang) ? "rtl" : "ltr";
  if (root.getAttribute("lang") !== lang) root.setAttribute("lang", lang);
  if (root.getAttribute("dir") !== dir) root.setAttribute("dir", dir);
}
