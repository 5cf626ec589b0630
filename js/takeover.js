// What a prerendered page's takeover (js/page.js at /, js/country-page.js on a country's page)
// waits for: the wasm, the language's messages, the data it shows decoded, the takeover's code
// compiled, and Intl's locale data, each in a task of its own, so that a tap waits for none long
// (issue 28: no task over 50 ms at a phone's CPU on a country's page).
//
// The takeover names countries and languages and writes dates through Intl, whose first use in a
// language loads its locale data: loaded here, each kind in a task of its own, the takeover's own
// task is shorter (a tap waits for each on a phone). Intl's first use of all sets up the engine's
// locale data, 50 to 70 ms at a phone's CPU (Lighthouse's 4× slowdown) in one task: the first
// five steps take it a part at a time (each 30 ms or less there, measured in Chromium), as each
// service first asks which locales it has.
import { breathe, load } from "./loader.js";

/** Loads the wasm and all the takeover of a page with `options`, in `lang`, will render from;
 *  returns the wasm's exports, for `hydrate_page`. */
export async function readyToTakeOver(options, lang) {
  const glue = await load();
  // The wasm's instantiation in a task of its own, not with the start of the language's loading.
  await breathe();
  // The first render after the takeover is in the page's language (a link's, the browser's, or
  // the country page's own), not in the prerender's and then another: its messages come first.
  await glue.load_language_for(options, false);
  await breathe();
  // Decodes the data the first render shows (for the list of every country on /, all of it).
  glue.prepare_directory_for(options);
  await breathe();
  // The code of every takeover (Yew's rendering, then its hydration), compiled on a tiny copy in
  // two tasks of their own: a browser compiles each function the first time it runs.
  glue.rehearse_rendering();
  await breathe();
  glue.rehearse_takeover();
  await breathe();
  await warmIntl(lang);
  return glue;
}

/** Loads what the widget's first renders in `lang` ask Intl for, one kind per task. */
async function warmIntl(lang) {
  const uses = [
    () => new Intl.Locale(lang).maximize(),
    () => Intl.Collator.supportedLocalesOf([lang]),
    () => Intl.ListFormat.supportedLocalesOf([lang]),
    () => Intl.DateTimeFormat.supportedLocalesOf([lang]),
    () => Intl.NumberFormat.supportedLocalesOf([lang]),
    () => new Intl.DisplayNames([lang], { type: "region" }).of("MX"),
    () => new Intl.DisplayNames([lang], { type: "language" }).of("es"),
    () => new Intl.DateTimeFormat([lang], { dateStyle: "medium", timeZone: "UTC" }).format(0),
    () => new Intl.DateTimeFormat([lang], { hour: "numeric", minute: "2-digit", weekday: "short" }).format(0),
  ];
  for (const use of uses) {
    try {
      use();
    } catch {
      // An engine without it: the widget says the English names instead.
    }
    await breathe();
  }
}
