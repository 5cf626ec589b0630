// The standalone page's door: takes over the prerendered directory. The page reads and dials
// without this script; with it, the country is detected, search and tabs work, hours go live.
// Deep links (?country=MX&lang=es and the other options) are read here and validated in Rust;
// the page never writes to its URL or history.
import { breathe, load } from "./loader.js";

try {
  const glue = await load();
  const options = Object.fromEntries(new URLSearchParams(location.search));
  // A deep link in another language renders afresh in it (the prerender is English).
  if (options.lang) await glue.load_language_for(options, false);
  // The page lists every country (unless a deep link asks for another layout): decode them
  // before hydrating, in a task of their own.
  await breathe();
  glue.prepare_directory_for(options);
  await breathe();
  glue.hydrate_page(document.getElementById("freedom-widget"), options);
} catch (error) {
  console.warn("freedom-widget: the interactive page could not start; the directory on this page still works.", error);
}
