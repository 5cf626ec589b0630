// The standalone page's door: takes over the prerendered directory. The page reads and dials
// without this script; with it, the country is detected, search and tabs work, hours go live.
// Deep links (?country=MX&lang=es and the other options) are read here and validated in Rust;
// the page never writes to its URL or history.
import init, { hydrate_page, load_language_for, prepare_directory_for, set_language_source } from "./__PAGE_GLUE__";

// Languages other than English come from their own small files, fetched only when needed.
const LANGUAGE_FILES = __LANGUAGE_FILES__;
const languageText = (tag) =>
  LANGUAGE_FILES[tag]
    ? fetch(LANGUAGE_FILES[tag]()).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
    : Promise.reject(new Error(`no messages for ${tag}`));

try {
  await init({ module_or_path: new URL("./__PAGE_WASM__", import.meta.url) });
  set_language_source(languageText);
  const options = Object.fromEntries(new URLSearchParams(location.search));
  // A deep link in another language renders afresh in it (the prerender is English).
  if (options.lang) await load_language_for(options, false);
  // The page lists every country (unless a deep link asks for another layout): decode them
  // before hydrating, in a task of their own.
  await new Promise((resolve) => setTimeout(resolve, 0));
  prepare_directory_for(options);
  await new Promise((resolve) => setTimeout(resolve, 0));
  hydrate_page(document.getElementById("freedom-widget"), options);
} catch (error) {
  console.warn("freedom-widget: the interactive page could not start; the directory on this page still works.", error);
}
