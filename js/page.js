// The standalone page's door: takes over the prerendered directory. The page reads and dials
// without this script; with it, the country is detected, search and tabs work, hours go live.
// Its URL may choose only what a link may (?country=MX&lang=es, and how it looks: LINK_OPTIONS,
// from Rust's core::options): a link can come from the person a visitor is hiding from, so where
// quick exit goes, whether it shows, where reports go and which lines show are never read from
// it. This script keeps only those keys, and Rust keeps only those again where the page takes
// over, so that neither alone decides. The page never writes to its URL or history.
//
// Before the wasm has arrived (seconds on a slow phone network), the country panel already shows
// the detected or linked country's main line and emergency number (the first paint, drawn from
// the table Rust writes at build time). Through the takeover it covers the same place, and it
// goes when the page shows that country, in the same language: the language is loaded before the
// takeover, not after.
import { adoptRules, pageLanguage, paintPagePanel, speakPage } from "./first-paint.js";
import { breathe, firstPaintFiles, warnOnce } from "./loader.js";
import { quoted } from "./quoted.js";
import { quickExitBeforeTakeover } from "./early-quick-exit.js";
import { readyToTakeOver } from "./takeover.js";
import { COUNTRY_PAGES, LINK_OPTIONS } from "freedom-widget:files";

/** The options the page's link chose: only those a link may set; each other key is ignored,
 *  with one note naming it (worded as Rust's `Options::from_link` words it). */
function linkOptions(query) {
  const options = {};
  for (const [key, value] of new URLSearchParams(query)) {
    if (LINK_OPTIONS.includes(key)) options[key] = value;
    else warnOnce(`freedom-widget: option ${quoted(key)} = ${quoted(value)}: a link to this page cannot set this; ignored (a link sets only ${LINK_OPTIONS.join(", ")})`);
  }
  return options;
}

/**
 * `/`'s list of every country links each name to that country's page in the language `/` is
 * prerendered in, English. Until the widget takes each row over (seconds on a slow phone
 * network), a name leads to the page in `lang` instead, as each row's does once taken over,
 * and while it is (`core::country_page::path`: `mx/` in the country's main language, `mx/fr/` in
 * another).
 */
function pointCountryLinks(root, lang) {
  if (lang === "en") return;
  for (const link of root?.querySelectorAll(".country-row[data-country] a.country-name[href]") ?? []) {
    const code = link.closest(".country-row").getAttribute("data-country");
    const main = COUNTRY_PAGES[code];
    if (main) link.setAttribute("href", `${code.toLowerCase()}/${lang === main ? "" : `${lang.toLowerCase()}/`}`);
  }
}

const root = document.getElementById("freedom-widget");
// (A country's own page, /mx/, has a script of its own: js/country-page.js.)
// Its quick exit button leaves before the takeover too (Shift×3 comes with it). First, at once:
// it is the page's safety control, and nothing after it can keep it from working.
const endQuickExit = quickExitBeforeTakeover(root);
const options = linkOptions(location.search);
// The page's language: the link's, else the browser's (as the takeover will choose it).
const lang = pageLanguage(options);
// The page's own text speaks the visitor's language from the first paint, and follows the
// widget's language after (a visitor's pick in its language menu).
speakPage(lang);
pointCountryLinks(root, lang);
root?.addEventListener("freedom-widget:language-change", (event) => speakPage(event.detail.lang));
let takingOver = false;
// The rest each in a task of its own, not in the one that ends the HTML's parsing: all of it
// there (the first paint's drawing, then the start of the wasm's fetch and load, as each promise
// went on at once) made a task of 120–190 ms at a phone's CPU (Lighthouse's 4× slowdown) in every
// load, most of `/`'s total blocking time (measured in Chromium, as js/country-page.js was).
await breathe();
const firstPaint = paintPagePanel(root?.querySelector(".directory > .panel"), options, firstPaintFiles, () => takingOver).catch(() => null);
await breathe();

/**
 * The takeover must find the panel as prerendered, and its first frames may still show it (Yew
 * yields to the browser while it renders): so the first paint leaves the panel for a cover over
 * the same place, outside the page's widget, and the panel keeps its height meanwhile. The cover
 * goes when the page shows its country; a visitor whose focus was on one of its links finds it
 * on the same link in the page. The cover's shadow root is closed: for those few frames the page
 * holds one widget, as far as any script of the page can tell.
 */
async function handOver() {
  takingOver = true;
  const box = await firstPaint;
  if (!box?.isConnected) return;
  const panel = box.parentElement;
  const main = root.parentElement;
  const at = box.getBoundingClientRect();
  const within = main.getBoundingClientRect();
  const focused = box.contains(document.activeElement) ? document.activeElement : null;
  panel.style.minBlockSize = `${panel.getBoundingClientRect().height}px`;
  const cover = document.createElement("div");
  cover.className = "page-first-cover";
  Object.assign(cover.style, { insetBlockStart: `${at.top - within.top}px`, insetInlineStart: `${at.left - within.left}px`, inlineSize: `${at.width}px` });
  // The rules' `:host` takes its height from the widget's own custom property.
  cover.style.setProperty("--fw-height", `${at.height}px`);
  const shadow = cover.attachShadow({ mode: "closed" });
  adoptRules(shadow);
  const widget = document.createElement("div");
  widget.className = "fw";
  widget.dataset.theme = root.querySelector(".fw")?.dataset.theme ?? "auto";
  widget.style.padding = "0";
  widget.append(box);
  shadow.append(widget);
  main.append(cover);
  focused?.focus({ preventScroll: true });
  let done = false;
  const uncover = () => {
    if (done) return;
    done = true;
    const href = shadow.activeElement?.getAttribute("href");
    cover.remove();
    panel.style.removeProperty("min-block-size");
    if (href) [...root.querySelectorAll(".panel a[href]")].find((a) => a.getAttribute("href") === href)?.focus({ preventScroll: true });
  };
  // The page shows its country (and, its messages loaded before, in its language).
  root.addEventListener("freedom-widget:country-change", uncover, { once: true });
  // Never left over the page, should the widget choose no country after all.
  setTimeout(uncover, 5000);
}

try {
  const glue = await readyToTakeOver(options, lang);
  await handOver();
  endQuickExit();
  glue.hydrate_page(root, options);
} catch (error) {
  console.warn("freedom-widget: the interactive page could not start; the directory on this page still works.", error);
}
