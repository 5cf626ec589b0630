// mount(element, options): the widget in an open shadow root, for the npm package, the custom
// element and the script tag. Rust renders everything a visitor sees; this file attaches the
// shadow root, waits for the wasm, and shows a plain fallback with a working number if it cannot run.
import { fallback as importFallback, HOST_CSS } from "freedom-widget:files";
import { breathe, load, prefetchLanguage, reportStartFailure, warnOnce } from "./loader.js";

/**
 * Where the fallback sends a visitor when it has no number for them. The script tag sets it to
 * the standalone directory beside its files; in an app (npm) there is no such page, so the
 * fallback links to the international directory from the data instead, never to the app's own page.
 */
export const fallbackDirectory = { url: null };

let hostSheet = null;
function prepareHost(element) {
  const root = element.shadowRoot ?? element.attachShadow({ mode: "open" });
  try {
    if (!hostSheet) {
      hostSheet = new CSSStyleSheet();
      hostSheet.replaceSync(HOST_CSS);
    }
    if (root.adoptedStyleSheets.length === 0) root.adoptedStyleSheets = [hostSheet];
  } catch {
    // Old browsers without constructable stylesheets: the fallback still reads fine unstyled.
  }
  return root;
}

/** The country a fallback can name without the wasm: the option, else the browser's region. */
function fallbackCountry(options) {
  const code = String(options.country ?? "").trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return code;
  for (const tag of navigator.languages ?? []) {
    const region = tag.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
    if (region) return region.toUpperCase();
  }
  return null;
}

/** A plain fallback when the wasm cannot run (missing file, CSP, old browser): never a blank box. */
async function showFallback(element, options) {
  try {
    const root = prepareHost(element);
    const box = document.createElement("div");
    box.className = "fw-fallback";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Help against human trafficking");
    const p = document.createElement("p");
    box.append(p);
    root.replaceChildren(box);
    // A JavaScript module, not a fetched file: bundlers always keep it, so the number is there
    // even when the wasm was not copied.
    const { lines, international } = (await importFallback()).default;
    const entry = lines[fallbackCountry(options)] ?? {};
    let line = entry.line;
    // A partner who chose second-source-only gets no line that rests on one page (a bare
    // attribute means on, as in the widget); the emergency number stays.
    const only = options.secondSourceOnly ?? options["second-source-only"];
    if (line && !line.second && only != null && /^(true|yes|on|1|)$/i.test(String(only).trim())) line = null;
    if (!line && entry.emergency) line = { name: "Emergency number", tel: entry.emergency, display: entry.emergency };
    const a = document.createElement("a");
    if (line) {
      // The link says what it reaches: the line's name and its number, not digits alone.
      a.href = `tel:${line.tel}`;
      a.textContent = `Call ${line.name}, ${line.display}`;
    } else {
      p.append("Find an anti-trafficking hotline: ");
      a.href = fallbackDirectory.url ?? international.url;
      a.textContent = fallbackDirectory.url ? "hotlines in every country" : international.name;
      a.rel = "noopener noreferrer";
      a.referrerPolicy = "no-referrer";
    }
    p.append(a);
  } catch (error) {
    warnOnce("freedom-widget: the fallback could not be shown either.", error);
  }
}

const mounted = new WeakMap();
let prepared = null;

/**
 * Mounts the widget into `element` (inside an open shadow root). Returns at once; the widget
 * appears when the wasm is ready (`handle.ready`). Mounting again into the same element
 * replaces the first widget.
 */
export function mount(element, options = {}) {
  if (typeof Element === "undefined" || !(element instanceof Element)) {
    throw new TypeError("freedom-widget: mount(element, options) needs a DOM element (call it in the browser, e.g. in useEffect or onMount)");
  }
  mounted.get(element)?.destroy();
  let current = { ...options };
  let inner = null;
  let destroyed = false;
  prepareHost(element);
  prefetchLanguage([current.lang, document.documentElement.lang, ...(navigator.languages ?? [])]);
  // After a microtask: the rest of the importing module runs first, so a setAssetsUrl() written
  // after `import "freedom-widget/element"` (imports run before the code) still counts for an
  // element already in the page.
  const ready = Promise.resolve()
    .then(() => load(current.assetsUrl ?? current["assets-url"]))
    .then(async (glue) => {
      // The built-in data is decoded once per page, in a task of its own.
      prepared ??= breathe().then(() => glue.prepare()).then(breathe);
      await prepared;
      return glue;
    })
    .then(async (glue) => {
      if (destroyed) return;
      // The first render is in the visitor's language: its messages are here before it (again
      // if an update() changed the options meanwhile).
      let asked;
      do {
        asked = current;
        await glue.load_language_for(asked, true);
      } while (asked !== current && !destroyed);
      // A layout that lists every country decodes them in a task of its own, not in the first
      // render's (Rust reads the layout from the options).
      await breathe();
      glue.prepare_directory_for(current);
      await breathe();
      if (destroyed) return;
      inner = glue.mount(element, current);
    })
    // A load that failed or a start that threw: one place says why and shows the fallback.
    .catch((error) => {
      reportStartFailure(error);
      if (!destroyed) return showFallback(element, current);
    });
  const handle = {
    ready,
    /** Applies new options, merged over the current ones. */
    update(next = {}) {
      current = { ...current, ...next };
      if (!destroyed) inner?.update(current);
    },
    /** Removes the widget and releases its timers and listeners. */
    destroy() {
      if (destroyed) return;
      destroyed = true;
      inner?.destroy();
      inner?.free?.();
      inner = null;
      if (mounted.get(element) === handle) mounted.delete(element);
      element.shadowRoot?.replaceChildren();
    },
  };
  mounted.set(element, handle);
  return handle;
}
