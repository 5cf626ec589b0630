// A country's own page's door (/mx/, /mx/en/): takes over the page prerendered for that country
// and language. The page reads and dials without this script; with it, search (a country chosen
// opens its page), the hours, tabs and Shift×3 come alive in place. It is the standalone page's
// script (js/page.js) without what only that page needs: the first paint of a detected or linked
// country (and its table of every country's number, whose parsing made most of a 55–65 ms task at
// a phone's CPU before anything else could run) and the page's own text in another language. A
// country's page already shows its country, in its language.
//
// It takes the page over with the options it was prerendered with (`data-page-options`, written
// by the build), never with its URL's query: the page itself is the link.
import { searchBeforeTakeover } from "./country-search.js";
import { quickExitBeforeTakeover } from "./early-quick-exit.js";
import { breathe } from "./loader.js";
import { readyToTakeOver } from "./takeover.js";

// Its quick exit button leaves until the widget's own replaces it (the takeover renders the quick
// exit afresh, a task after the rest: components::later), so a press never falls between the two.
// It comes first, at once: it is the page's safety control.
const root = document.getElementById("freedom-widget");
quickExitBeforeTakeover(root);
// Nothing more in the task that runs this module: it is the task that ends the HTML's parsing (and
// in which the browser's own handlers of DOMContentLoaded run), which with all this script's
// first steps took 54–80 ms at a phone's CPU (Lighthouse's 4× slowdown) in half the loads. This
// script's part of it was mostly each DOM interface's first use (`dataset`, `URLSearchParams`),
// and the fetch of the wasm the page preloads, 12–17 ms alone (measured in Chromium, issue 28).
// So its search, which works from the page's own list of countries until the takeover, and the
// wasm's fetch come each in a task of its own.
await breathe();
const options = Object.fromEntries(new URLSearchParams(root?.dataset.pageOptions ?? ""));
const endSearch = searchBeforeTakeover(root);
await breathe();

try {
  const glue = await readyToTakeOver(options, options.lang ?? "en");
  endSearch();
  glue.hydrate_page(root, options);
} catch (error) {
  console.warn("freedom-widget: the interactive page could not start; the directory on this page still works.", error);
}
