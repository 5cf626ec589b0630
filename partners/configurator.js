// The partner kit's configurator: a form for every documented option, the real widget as a live
// preview, and copy-ready snippets for the three doors. Plain JavaScript on its own page: none of
// it is in the embed bundle. It writes nothing to the URL, history or storage.
import { define } from "../embed/index.js";
import { reservedRule } from "./reserve.js";
import initPoster, { lineLanguages, mainLine, posterLanguage, posterSvg } from "./poster/freedom_poster.js";

define();
const LANGUAGES = __LANGUAGES__;
/** The data channel this copy was built with (FW_DATA_CHANNEL), "" for none. */
const BUILD_CHANNEL = __DATA_CHANNEL__;
/** The countries this copy has a page for (`mx/`, `mx/en/`), each with its page's language. */
const COUNTRY_PAGES = __COUNTRY_PAGES__;
const SECTIONS = ["hotlines", "explainer", "quotes"];
const $ = (id) => document.getElementById(id);
const embedUrl = new URL("../embed/embed.js", import.meta.url).href;
const pageUrl = new URL("../", import.meta.url).href;
const embedOrigin = new URL(embedUrl).origin;
let integrity = "";

for (const [tag, name] of LANGUAGES) $("lang").append(new Option(`${name} (${tag})`, tag));
// The build's channel, as an address a partner's page can use: one relative to this copy (a test
// build's /data/channel.json) is this copy's, not the partner's site's.
const defaultChannel = (() => {
  try {
    return BUILD_CHANNEL ? new URL(BUILD_CHANNEL, pageUrl).href : "";
  } catch {
    return "";
  }
})();
$("channel").value = $("channel").defaultValue = defaultChannel;

const CODE = /^[A-Z]{2}$/;
const LENGTH = /^\d+(\.\d+)?(px|em|rem|vh|svh|dvh)$/;

/** Reads and checks the form: the options to use, and a message per invalid field. */
function read() {
  const options = {};
  const errors = {};
  for (const id of ["country", "fallback-country"]) {
    const code = $(id).value.trim().toUpperCase();
    if (code && !CODE.test(code)) errors[id] = "Use a two-letter country code, such as MX or TH.";
    else if (code) options[id] = code;
  }
  if ($("lang").value) options.lang = $("lang").value;
  const sections = $("sections").value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) errors.sections = `Not a section: ${unknown.join(", ")}. Use hotlines, explainer, quotes.`;
  else if (new Set(sections).size !== sections.length) errors.sections = "Each section can be listed once.";
  else if (sections.length && sections.join(",") !== SECTIONS.join(",")) options.sections = sections.join(",");
  if ($("layout").value !== "full") options.layout = $("layout").value;
  if ($("theme").value !== "auto") options.theme = $("theme").value;
  if ($("quick-exit").checked) {
    options["quick-exit"] = "true";
    const url = $("quick-exit-url").value.trim();
    if (!/^https?:\/\/[^\s/]/.test(url)) errors["quick-exit-url"] = "Use a full web address starting with https://.";
    else if (url !== "https://www.wikipedia.org/") options["quick-exit-url"] = url;
  }
  const report = $("report-url").value.trim();
  // As the widget reads it (core::options): https://, or mailto: one address with at most a subject.
  if (report && !/^(https:\/\/[^\s/]\S*|mailto:[^\s@?&,%]+@[^\s@?&,%]+\.[^\s@?&,%]+(\?subject=[^\s&?#]*)?)$/.test(report)) {
    errors["report-url"] = "Use an address starting with https://, or mailto: and an email address (with at most ?subject=).";
  } else if (report) options["report-url"] = report;
  const rows = $("hotlines-url").value.trim();
  if (rows && (/\s/.test(rows) || /^(?!https?:)[a-z][a-z0-9+.-]*:/i.test(rows))) {
    errors["hotlines-url"] = "Use a path on your own site, such as /help/hotlines.json.";
  } else if (rows) options["hotlines-url"] = rows;
  // The set-up for corrected numbers: with the data channel (its address), or fully pinned,
  // which says `channel=""` where the build has a channel of its own, so none is fetched.
  const setup = document.querySelector('input[name="setup"]:checked')?.value ?? "channel";
  const channelText = $("channel").value.trim();
  let channel = "";
  if (channelText && (/\s/.test(channelText) || /^(?!https?:)[a-z][a-z0-9+.-]*:/i.test(channelText))) {
    errors.channel = "Use the address of a channel.json file, such as https://example.org/freedom-widget/channel.json.";
  } else channel = channelText;
  if (setup === "channel" && channel) options.channel = channel;
  else if (setup === "pinned" && BUILD_CHANNEL) options.channel = "";
  if ($("host-fonts").checked) options["host-fonts"] = "true";
  if ($("second-source-only").checked) options["second-source-only"] = "true";
  // Only the npm snippet carries it: the script tag always finds its files beside itself.
  const npmOptions = {};
  const assets = $("assets-url").value.trim();
  if (assets && (/\s/.test(assets) || /^(?!https?:)[a-z][a-z0-9+.-]*:/i.test(assets))) {
    errors["assets-url"] = "Use the address of a folder on your site, such as /freedom-widget/.";
  } else if (assets) npmOptions.assetsUrl = assets;
  const style = {};
  for (const input of document.querySelectorAll("[data-property]")) {
    const value = input.value.trim();
    if (input.id === "height" && value && !LENGTH.test(value)) errors.height = "Use a CSS length, such as 40em or 600px.";
    else if (value && value.toLowerCase() !== input.dataset.default) style[input.dataset.property] = cssValue(value);
  }
  return { options, npmOptions, errors, style, setup, fallback: $("fallback-number").checked };
}

/** A custom property's value as it may stand in the partner's stylesheet (and the preview's
 *  style): it ends no declaration or rule, opens or closes no comment, and leaves no string open
 *  (an unmatched quote is escaped; matched ones, as in a font list, stay). */
function cssValue(value) {
  let css = value.replace(/[;{}<>]/g, "").replace(/\\/g, "\\\\").replace(/\/\*|\*\//g, (m) => (m === "/*" ? "\\/*" : "*\\/"));
  for (const quote of ['"', "'"]) if (css.split(quote).length % 2 === 0) css = css.replaceAll(quote, `\\${quote}`);
  return css;
}

/** A value as JSON that may stand inside an inline <script>: no "</script>" or "<!--" in it. */
const scriptJson = (value) => JSON.stringify(value, null, 2).replace(/</g, "\\u003c");

/** WCAG contrast ratio of two #rrggbb colours. */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

/** Writes a live region only when its text changes, so nothing is announced again while the
 * partner types in another field. */
const show = (element, text) => { if (element.textContent !== text) element.textContent = text; };

/** An option's npm key: its attribute in camelCase, except `channel`, whose key says what it
 *  is (`dataChannel`, as core::options::OPTION_SPECS declares). */
const camel = (name) => (name === "channel" ? "dataChannel" : name.replace(/-([a-z])/g, (_, c) => c.toUpperCase()));
const escapeAttr = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
/** Text or an attribute value as HTML: every character that could end or open markup escaped. */
const escapeHtml = (v) => String(v).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
const attrs = (options, prefix = "") => Object.entries(options).map(([k, v]) => ` ${prefix}${k}="${escapeAttr(v)}"`).join("");
const styleText = (style) => Object.entries(style).map(([k, v]) => `${k}: ${v}`).join("; ");

/** The chosen country's main number (the poster's wasm: the build's validated data, never typed
 *  by hand) as plain HTML lines for the snippets: its name and a call link, and the data's date,
 *  in the widget's language (English unless one is chosen). `{ lines }`, or `{ why }` when there
 *  are none to give. */
function fallbackFor(options, on) {
  if (!on) return { why: "" };
  if (!options.country) return { why: "Choose a country above to put its number in the snippets." };
  if (!posterReady) {
    if (posterFailed) return { why: "The number could not be loaded. Reload the page to try again." };
    loadPoster().catch(() => {});
    return { why: "Loading the number…" };
  }
  let line;
  try {
    line = JSON.parse(mainLine(options.country, options.lang ?? "en", options["second-source-only"] === "true"));
  } catch {
    return { why: "No number: check the country code." };
  }
  if (!line) return { why: `The data has no number for ${options.country}.` };
  const lang = ` lang="${escapeHtml(line.lang)}"${line.dir === "rtl" ? ' dir="rtl"' : ""}`;
  return {
    line,
    lines: [
      // A line's name is written as the data writes it; "Emergency" is in the widget's language.
      `<p${line.kind === "emergency" ? lang : ""}>${escapeHtml(line.label)}: <a href="${escapeHtml(line.href)}">${escapeHtml(line.display)}</a></p>`,
      `<p${lang}><small>${escapeHtml(line.dataDateText)}</small></p>`,
    ],
  };
}

/** Where a visitor without the widget goes: the country's own page (in the chosen language, or
 *  the country's), where this copy has one, else the standalone page with the country and
 *  language in its query. The page's path is `core::country_page::path`'s (`mx/`, `mx/en/`),
 *  with each country's main language from Rust (COUNTRY_PAGES); synchronous, as the snippets
 *  are written before the poster's wasm has loaded. */
function directoryLink(options, query) {
  const main = COUNTRY_PAGES[options.country];
  if (!main) return `${pageUrl}${query ? `?${query}` : ""}`;
  const lang = LANGUAGES.map(([tag]) => tag).find((tag) => tag.toLowerCase() === options.lang?.toLowerCase());
  const folder = lang && lang !== main ? `${lang.toLowerCase()}/` : "";
  return `${pageUrl}${options.country.toLowerCase()}/${folder}`;
}

function render() {
  const { options, npmOptions, errors, style, setup, fallback: fallbackOn } = read();
  for (const id of ["country", "fallback-country", "sections", "quick-exit-url", "report-url", "hotlines-url", "channel", "assets-url", "height"]) {
    show($(`${id}-error`), errors[id] ?? "");
    $(id).setAttribute("aria-invalid", errors[id] ? "true" : "false");
  }
  // The preview is the real widget, updated attribute by attribute.
  const preview = $("preview");
  const pairs = [["text", "bg"], ["muted", "bg"], ["accent", "bg"]].map(([f, b]) => [f, contrast($(f).value, $(b).value)]);
  const low = pairs.filter(([, ratio]) => ratio < 4.5).map(([f, ratio]) => `${$(f).labels[0].textContent} on the background: ${ratio.toFixed(1)}:1`);
  show($("contrast-warning"), low.length ? `Too little contrast for some visitors (WCAG asks for 4.5:1): ${low.join("; ")}.` : "");
  for (const id of ["text", "muted", "accent", "bg"]) $(id).setAttribute("aria-invalid", low.length && (id === "bg" || pairs.some(([f, r]) => f === id && r < 4.5)) ? "true" : "false");
  // hotlines-url is left out of the preview: it names a file on the partner's own site.
  for (const name of ["country", "fallback-country", "lang", "sections", "layout", "theme", "quick-exit", "quick-exit-url", "report-url", "host-fonts", "second-source-only"]) {
    const value = name === "layout" ? options.layout ?? "full" : options[name];
    if (value === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
  for (const input of document.querySelectorAll("[data-property]")) {
    const name = input.dataset.property;
    if (style[name]) preview.style.setProperty(name, style[name]);
    else preview.style.removeProperty(name);
  }
  const query = new URLSearchParams(Object.entries(options).filter(([k]) => ["country", "lang"].includes(k))).toString();
  const css = styleText(style);
  const fallback = fallbackFor(options, fallbackOn);
  const directory = `<a href="${escapeHtml(directoryLink(options, query))}">Anti-trafficking hotlines in every country</a>`;
  const indent = (lines) => lines.map((l) => `  ${l}\n`).join("");
  // The script tag's door creates its element after the tag, so a number in the page beside it
  // would stay beside the widget: it goes in a <noscript>, with the link to every country.
  const noscript = fallback.lines
    ? `<noscript>\n${indent([...fallback.lines, `<p>${directory}</p>`])}</noscript>`
    : `<noscript>${directory}</noscript>`;
  $("snippet-script").textContent =
    `<script src="${embedUrl}"${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ""}${attrs(options, "data-")}></script>\n` +
    noscript +
    (css ? `\n\n/* in your stylesheet */\nfreedom-widget { ${css}; }` : "");
  const js = { ...Object.fromEntries(Object.entries(options).map(([k, v]) => [camel(k), v === "true" ? true : k === "sections" ? v.split(",") : v])), ...npmOptions };
  $("snippet-npm").textContent = `npm install freedom-widget\n\nimport { mount } from "freedom-widget";\nmount(document.querySelector("#help"), ${scriptJson(js)});`;
  // Inside the element, the number is light DOM: shown until the widget's shadow root hides it.
  // Its space is kept by the partner's stylesheet from the start (reserve.js).
  $("snippet-element").textContent =
    `import "freedom-widget/element";\n\n/* in your stylesheet: the widget's space, so nothing on your page moves when it starts */\n${reservedRule(options.layout)}` +
    (css ? `\nfreedom-widget { ${css}; }` : "") +
    `\n\n<freedom-widget${attrs(options)}>${fallback.lines ? `\n${indent(fallback.lines)}` : ""}</freedom-widget>`;
  show($("fallback-number-status"), fallback.line
    ? `In the snippets: ${fallback.line.kind === "line" ? `${named("region", "en", options.country)}'s main line, ${fallback.line.label}` : `the emergency number of ${named("region", "en", options.country)}, which has no line`}, ${fallback.line.display} (data of ${fallback.line.dataDate}).`
    : fallback.why);
  renderPoster(options);
  // The snippets' addresses are absolute, so the CSP names their origin, never 'self': the
  // partner's page is rarely on this copy's origin (where it is, the origin means the same). The
  // wasm and the data channel's release are fetched (connect-src); the scripts and language
  // modules are scripts (script-src).
  let channelOrigin = null;
  try {
    channelOrigin = options.channel ? new URL(options.channel, pageUrl).origin : null;
  } catch {
    channelOrigin = null;
  }
  const connect = [...new Set([embedOrigin, channelOrigin].filter(Boolean))];
  $("snippet-csp").textContent = `script-src ${embedOrigin} 'wasm-unsafe-eval'\nconnect-src ${connect.join(" ")}`;
  // Bundled from npm (the module or the element), the widget's files are the partner's own.
  const bundled = `script-src 'self' 'wasm-unsafe-eval'` + (channelOrigin ? `; connect-src 'self' ${channelOrigin}` : "");
  $("csp-hint").textContent = `For the script tag, whose files come from ${embedOrigin}. With npm or the element in your own bundle, the files are your site's: ${bundled}.`;
  // What the chosen set-up means for corrected numbers, said beside the choice. Set-up (a) says
  // plainly when it has no channel to use.
  show($("channel-needed"), $("channel").value.trim() ? "" : defaultChannel
    ? `This set-up needs a data channel address: enter the address of a channel.json (this copy's is ${defaultChannel}), or choose “Fully pinned”.`
    : "This set-up needs a data channel address, and this copy was built without one: enter the address of a channel.json, or choose “Fully pinned”.");
  show($("corrections"), setup === "pinned"
    ? "Fully pinned: with integrity= and no data channel, the numbers are those of this copy's data, whose date the widget shows. A corrected number reaches your visitors only when you update the copy."
    : options.channel
      ? `Pinned code with the data channel: with integrity=, your copy of the code never changes, and it still shows corrected numbers from ${options.channel} (signed by the project's key, checked in the visitor's browser). Keep the channel's origin in your connect-src.`
      : "Pinned code with the data channel needs a channel address, and this one has none yet: until you enter one, the snippets are fully pinned (the numbers of this copy's data, whose date the widget shows).");
}

// The poster: SVG from Rust (poster/), the same validated data as the widget, made in the browser.
let posterWasm = null;
let posterReady = false;
let posterFailed = false;
/** Loads the poster's wasm once (again after a failure, on the next call); once it is here, the
 *  snippets are written again with the number they may carry. */
function loadPoster() {
  posterWasm ??= initPoster().then(
    () => { posterReady = true; posterFailed = false; render(); },
    (error) => { posterWasm = null; posterFailed = true; throw error; },
  );
  return posterWasm;
}
let posterRun = 0;
let poster = null;
const named = (kind, lang, code) => {
  try { return new Intl.DisplayNames([lang], { type: kind }).of(code) ?? code; } catch { return code; }
};

async function renderPoster(options) {
  const run = ++posterRun;
  const box = $("poster");
  const say = (text) => show($("poster-status"), text);
  const country = options.country;
  const clear = () => {
    poster = null;
    box.replaceChildren();
    $("print-poster").disabled = $("download-poster").disabled = true;
  };
  if (!country) {
    clear();
    say("Enter a country above to make its poster.");
    return;
  }
  try {
    await loadPoster();
  } catch {
    clear();
    say("The poster could not load. Reload the page to try again.");
    return;
  }
  if (run !== posterRun) return;
  const lang = posterLanguage(options.lang ?? navigator.languages.join(" "));
  const names = lineLanguages(country).split(" ").filter(Boolean).map((t) => `${t}\t${named("language", lang, t)}`).join("\n");
  const countryName = named("region", lang, country);
  let svg;
  try {
    svg = posterSvg(country, lang, options.lang !== undefined, countryName, pageUrl, country in COUNTRY_PAGES, names);
  } catch (error) {
    clear();
    say(`No poster: ${error}. Check the country code.`);
    return;
  }
  // Parsed as SVG (XML), never as HTML: every text in it was escaped in Rust.
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  box.replaceChildren(document.importNode(doc.documentElement, true));
  poster = { svg, country, lang };
  $("print-poster").disabled = $("download-poster").disabled = false;
  say(`Poster for ${named("region", "en", country)} in ${named("language", "en", lang)}.`);
}

$("paper").addEventListener("change", () => { $("poster").dataset.paper = $("paper").value; });
$("print-poster").addEventListener("click", () => window.print());
$("download-poster").addEventListener("click", () => {
  if (!poster) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([poster.svg], { type: "image/svg+xml" }));
  link.download = `hotline-poster-${poster.country}-${poster.lang}.svg`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  $("poster-status").textContent = `Downloaded ${link.download}.`;
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const text = $(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
    $("copy-status").textContent = `${button.textContent.replace("Copy ", "")}: copied.`;
  } catch {
    $("copy-status").textContent = "Could not copy: select the text and copy it yourself.";
  }
});
$("options").addEventListener("input", render);
$("options").addEventListener("change", render);
// The set-up and the fallback number are about the snippets, beside them; typing a channel
// chooses the set-up that uses it.
$("channel").addEventListener("input", () => { if ($("channel").value.trim()) $("setup-channel").checked = true; });
for (const id of ["setup", "fallback-number"]) for (const type of ["input", "change"]) $(id).addEventListener(type, render);
fetch(new URL("../embed/integrity.json", import.meta.url))
  .then((r) => r.json())
  .then((sri) => { integrity = sri["embed.js"] ?? ""; render(); })
  .catch(() => render());
render();
