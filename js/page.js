// The standalone page's door: takes over the prerendered directory. The page reads and dials
// without this script; with it, the country is detected, search and tabs work, hours go live.
// Deep links (?country=MX&lang=es and the other options) are read here and validated in Rust;
// the page never writes to its URL or history.
import init, { hydrate_page } from "./embed/__GLUE__";

try {
  await init({ module_or_path: new URL("./embed/__WASM__", import.meta.url) });
  const options = Object.fromEntries(new URLSearchParams(location.search));
  hydrate_page(document.getElementById("freedom-widget"), options);
} catch (error) {
  console.warn("freedom-widget: the interactive page could not start; the directory on this page still works.", error);
}
