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

// Nothing in the task that runs this module: it is the task that ends the HTML's parsing (and in
// which the browser's own handlers of DOMContentLoaded run), which with this script's first steps
// took 54–80 ms at a phone's CPU (Lighthouse's 4× slowdown) in half the loads. This script's part
// of it was mostly each DOM interface's first use (`dataset`, `URLSearchParams`, the events), and
// the fetch of the wasm the page preloads, 12–17 ms alone (measured in Chromium, issue 28).
await breathe();

const root = document.getElementById("freedom-widget");
const options = Object.fromEntries(new URLSearchParams(root?.dataset.pageOptions ?? ""));
// Its quick exit button leaves until the widget's own replaces it (the takeover renders the quick
// exit afresh, a task after the rest: components::later), so a press never falls between the two,
// and its search works from the page's own list of countries until the takeover. Each in a task
// of its own, and the wasm's fetch in a third. (Until the first, the button is still a link that
// leaves, with a history entry.)
quickExitBeforeTakeover(root);
await breathe();
const endSearch = searchBeforeTakeover(root);
await breathe();

try {
  const glue = await readyToTakeOver(options, options.lang ?? "en");
  endSearch();
  glue.hydrate_page(root, options);
} catch (error) {
  console.warn("freedom-widget: the interactive page could not start; the directory on this page still works.", error);
}
