// The script-tag door (dist/embed/embed.js). Pasted as a classic script
// (`<script src=".../embed.js" data-country="MX">`), it runs where it stands, while the page is
// parsed: the widget's element and its first paint (js/first-paint.js) are in place before the
// content after the tag is laid out, so nothing on the host page moves, and the number shows
// without waiting for anything else. Then it loads the widget's main module, which defines
// <freedom-widget> and starts the wasm. A tag in <head> mounts no widget of its own: for pages that
// place elements themselves, it reserves their height, draws their first paint once they are
// parsed, and loads that module.
//
// The same file also works as `<script type="module">` (the snippet given before there was a
// first paint), where
// it runs after parsing, once per URL, and serves every tag that loads it. So it uses no import or
// export statement and no import.meta: its own URL comes from the tag.
import { attributeOptions } from "./attributes.js";
import { paint } from "./first-paint.js";
import { quoted } from "./quoted.js";
import { GLUE, MAIN, OPTION_ATTRIBUTES, WASM, ZONES } from "freedom-widget:embed-files";

/** The tags this run serves: the running classic script, or (as a module) every tag of embed.js. */
function ourTags() {
  const current = document.currentScript;
  if (current) return [current];
  const name = (src) => src.split(/[?#]/)[0].split("/").pop();
  return [...document.querySelectorAll('script[type="module"][src]')].filter((s) => name(s.src) === "embed.js");
}

/** Gives every <freedom-widget> its height from its first layout, before it is defined: a page
 *  that places elements itself (the tag in <head>) then moves nothing when they start. A
 *  constructable stylesheet on the document, so a strict CSP (no 'unsafe-inline') allows it; it
 *  names only this element, and the widget's own :host rules win over it. */
function reserveElements() {
  try {
    // Once per page, however many tags run this file.
    if (document.adoptedStyleSheets.some((s) => s.freedomWidgetReserve)) return;
    const sheet = new CSSStyleSheet();
    sheet.freedomWidgetReserve = true;
    sheet.replaceSync(
      "freedom-widget:not(:defined){display:block;block-size:var(--fw-height,40em)}" +
        'freedom-widget[layout="compact"]:not(:defined){block-size:var(--fw-height,34em)}' +
        'freedom-widget[layout="banner"]:not(:defined){block-size:var(--fw-height,7.5em)}',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // No constructable stylesheets: the element takes its height when it starts.
  }
}

const tags = ourTags();
if (tags.length) {
  const base = new URL(".", tags[0].src);
  const file = (name) => new URL(name, base).href;
  // The time-zone table is a module beside this file, loaded only when detection needs it.
  const io = { zones: () => import(file(ZONES)).then((m) => m.default) };
  const firstPaint = (element, options, force) => paint(element, options, io, force);
  // Fetched at once, while the first paint is drawn.
  const main = import(file(MAIN));
  reserveElements();

  for (const script of tags) {
    if (script.dataset.freedomWidgetMounted !== undefined || script.closest("head")) continue;
    script.dataset.freedomWidgetMounted = "";
    const element = document.createElement("freedom-widget");
    // Only attributes that name an option reach the element: a CMS that lets editors set
    // attributes on the tag must not be able to give the element `onfocus`, `style` or
    // `autofocus` through `data-onfocus` and the like.
    for (const { name, value } of script.attributes) {
      if (!name.startsWith("data-") || name === "data-target" || name === "data-freedom-widget-mounted") continue;
      const option = name.slice(5);
      if (OPTION_ATTRIBUTES.includes(option)) element.setAttribute(option, value);
      else console.warn(`freedom-widget: the script tag's ${quoted(name)} names no option; ignored (options: ${OPTION_ATTRIBUTES.map((o) => `data-${o}`).join(", ")})`);
    }
    const place = () => {
      const selector = script.dataset.target;
      let target = null;
      try {
        target = selector ? document.querySelector(selector) : null;
      } catch {
        target = null;
      }
      if (selector && !target) console.warn(`freedom-widget: data-target ${quoted(selector)} matches no element; mounting after the script tag`);
      if (target) target.append(element);
      else script.after(element);
      // The options the element's own start will read, so it finds this first paint drawn.
      firstPaint(element, attributeOptions(element)).catch(() => {});
    };
    // A target later in the page is not parsed yet when a classic script runs.
    if (script.dataset.target && document.readyState === "loading") document.addEventListener("DOMContentLoaded", place, { once: true });
    else place();
  }

  // Elements the page places itself (the tag in <head>) get their first paint once parsed,
  // without waiting for the main module.
  const paintPlaced = () => {
    for (const element of document.querySelectorAll("freedom-widget")) {
      if (!element.shadowRoot) firstPaint(element, attributeOptions(element)).catch(() => {});
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", paintPlaced, { once: true });
  else paintPlaced();

  // A widget mounted here will need the wasm and its glue: both are asked for now, beside the
  // main module, instead of one round trip later when it has arrived (the loader takes this
  // download over, so nothing is fetched twice).
  let wasm = null;
  // (Not when a tag names another folder for the files: the loader looks there.)
  if (document.querySelector("freedom-widget") && !tags.some((t) => t.dataset.assetsUrl)) {
    wasm = { url: file(WASM), response: fetch(file(WASM)) };
    wasm.response.catch(() => {});
    import(file(GLUE)).catch(() => {});
  }

  main
    .then((widget) => widget.start(firstPaint, wasm))
    .catch((error) => console.warn(`freedom-widget: the widget could not start: ${file(MAIN)} could not be loaded; showing the first paint only.`, error));
}
