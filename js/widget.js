// freedom-widget: the JavaScript door shared by the script tag, the custom element and the npm
// package. It only loads the wasm module (next to this file, found through import.meta.url so
// that bundlers and CDNs find it too), attaches the shadow root, and shows a plain fallback if
// the wasm cannot run. Everything a visitor sees is rendered by Rust.
//
// Names in __DOUBLE_UNDERSCORES__ are filled in by scripts/post-build.mjs with hashed file names.

const OPTION_ATTRIBUTES = __OPTION_ATTRIBUTES__;
/** Attributes any element may carry that are not widget options. */
const NOT_OPTIONS = new Set(["id", "class", "style", "slot", "part", "title", "hidden", "tabindex", "dir", "role", "is", "nonce"]);
/** Reserves the widget's height before the wasm arrives (same rules as widget.css): no layout shift. */
const HOST_CSS = __HOST_CSS__;

/** Languages other than English (tag → URL beside this file), fetched only when a visitor needs one. */
const LANGUAGE_FILES = __LANGUAGE_FILES__;
const languageTexts = new Map();
/** A language's messages as JSON text, fetched once per page (a failed fetch may be retried). */
function languageText(tag) {
  if (!languageTexts.has(tag)) {
    const url = LANGUAGE_FILES[tag];
    const text = url
      ? fetch(url()).then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${r.status}`))))
      : Promise.reject(new Error(`no messages for ${tag}`));
    text.catch(() => languageTexts.delete(tag));
    languageTexts.set(tag, text);
  }
  return languageTexts.get(tag);
}
/**
 * Starts fetching, alongside the wasm, the language these preferences most likely resolve to
 * (the same order Rust negotiates in: exact tag, then primary subtag). Only a head start: Rust
 * decides, and fetches what it needs itself.
 */
function prefetchLanguage(preferences) {
  const tags = ["en", ...Object.keys(LANGUAGE_FILES)];
  for (const pref of preferences) {
    const want = String(pref ?? "").trim().toLowerCase().replace("_", "-");
    if (!want) continue;
    const primary = want.split("-")[0] === "tl" ? "fil" : want.split("-")[0];
    const tag = tags.find((t) => t.toLowerCase() === want) ?? tags.find((t) => t.split("-")[0] === primary);
    if (tag) {
      if (tag !== "en") languageText(tag).catch(() => {});
      return;
    }
  }
}

let loading = null;
/** Gives the host page's own work a turn between the widget's start-up steps (no long task). */
const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Loads and starts the wasm module once per page; every widget on the page shares it. */
export function load() {
  if (loading) return loading;
  // Both files at once: the wasm downloads (and compiles, streaming) while the glue is fetched,
  // instead of after it. The no-op catch keeps an early network failure from being reported as
  // unhandled before the glue arrives to handle it.
  const wasm = fetch(new URL("./__WASM__", import.meta.url));
  wasm.catch(() => {});
  loading = import("./__GLUE__").then(async (glue) => {
    await glue.default({ module_or_path: wasm });
    glue.set_language_source(languageText);
    await breathe();
    glue.prepare();
    await breathe();
    return glue;
  });
  return loading;
}

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

const warned = new Set();
function warnOnce(message, detail) {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message, detail ?? "");
}

/** The country a fallback can name without the wasm: the option, else the browser's region. */
function fallbackCountry(options) {
  const code = String(options.country ?? options["data-country"] ?? "").trim().toUpperCase();
  if (/^[A-Z]{2}$/.test(code)) return code;
  for (const tag of navigator.languages ?? []) {
    const region = tag.split(/[-_]/).slice(1).find((p) => /^[A-Za-z]{2}$/.test(p));
    if (region) return region.toUpperCase();
  }
  return null;
}

/** A plain fallback when the wasm cannot load (404, CSP, old browser): never a blank box. */
async function showFallback(element, options, error) {
  warnOnce("freedom-widget: the widget could not start; showing a plain hotline link instead.", error);
  try {
    const root = prepareHost(element);
    const box = document.createElement("div");
    box.className = "fw-fallback";
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Help against human trafficking");
    const p = document.createElement("p");
    box.append(p);
    root.replaceChildren(box);
    const directory = new URL("__DIRECTORY__", import.meta.url).href;
    const country = fallbackCountry(options);
    let line = null;
    if (country) {
      try {
        const table = await (await fetch(new URL("./__FALLBACK__", import.meta.url))).json();
        line = table[country] ?? null;
        // A partner who chose second-source-only gets the directory rather than a line that
        // rests on one page (a bare attribute means on, as in the widget).
        const only = options.secondSourceOnly ?? options["second-source-only"] ?? options["data-second-source-only"];
        if (line && !line.second && only !== undefined && only !== null && /^(true|yes|on|1|)$/i.test(String(only).trim())) line = null;
      } catch {
        line = null;
      }
    }
    const a = document.createElement("a");
    if (line) {
      p.append(`${line.name}: `);
      a.href = `tel:${line.tel}`;
      a.textContent = `Call ${line.display}`;
    } else {
      p.append("Find an anti-trafficking hotline: ");
      a.href = directory;
      a.textContent = "hotlines in every country";
      a.rel = "noopener noreferrer";
      a.referrerPolicy = "no-referrer";
    }
    p.append(a);
  } catch (e) {
    warnOnce("freedom-widget: the fallback could not be shown either.", e);
  }
}

const mounted = new WeakMap();

/**
 * Mounts the widget into `element` (inside an open shadow root). Returns at once; the widget
 * appears when the wasm is ready (`handle.ready`). Mounting again into the same element
 * replaces the first widget.
 */
export function mount(element, options = {}) {
  if (!(element instanceof Element)) throw new TypeError("freedom-widget: mount(element, options) needs a DOM element");
  mounted.get(element)?.destroy();
  let current = { ...options };
  let inner = null;
  let destroyed = false;
  prepareHost(element);
  prefetchLanguage([current.lang, document.documentElement.lang, ...(navigator.languages ?? [])]);
  const ready = load().then(
    async (glue) => {
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
    },
    (error) => {
      if (!destroyed) return showFallback(element, current, error);
    },
  ).catch((error) => showFallback(element, current, error));
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

function attributeOptions(element) {
  const options = {};
  for (const { name, value } of element.attributes) {
    if (!NOT_OPTIONS.has(name) && !name.startsWith("aria-") && !name.startsWith("data-")) options[name] = value;
  }
  return options;
}

/** `<freedom-widget country="TH" lang="th">`: a few lines of lifecycle; Rust does the rest. */
export class FreedomWidgetElement extends HTMLElement {
  static get observedAttributes() {
    return OPTION_ATTRIBUTES;
  }
  #handle = null;
  connectedCallback() {
    this.#handle ??= mount(this, attributeOptions(this));
  }
  disconnectedCallback() {
    // A move within the page reconnects at once; only a real removal releases the widget.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle = null;
      }
    });
  }
  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#handle) {
      const next = attributeOptions(this);
      for (const name of OPTION_ATTRIBUTES) if (!(name in next)) next[name] = undefined;
      this.#handle.update(next);
    }
  }
}

/** Defines `<freedom-widget>` (or another name); safe to call more than once. */
export function define(name = "freedom-widget") {
  if (!customElements.get(name)) customElements.define(name, FreedomWidgetElement);
}
