// mount(element, options): the widget in an open shadow root, for the npm package, the custom
// element and the script tag. Rust renders everything a visitor sees; this file draws the first
// paint (js/first-paint.js: the number, before the wasm arrives, and kept if it never does), waits
// for the wasm, and starts the widget, which replaces the first paint when it is whole.
import { LINES_FOLDER, WASM } from "freedom-widget:files";
import { breathe, listsEveryCountry, load, prefetchLanguage, prefetchLines, reportStartFailure, warnOnce } from "./loader.js";

/** `(element, options, force) => Promise`: the first paint, handed in by each door (the npm entry,
 *  the script tag's embed.js), so that the script tag's visitors download it once. */
let firstPaint = null;
export function useFirstPaint(paint) {
  firstPaint = paint;
}

/** Draws the first paint; resolves to the country it shows (or null). */
function drawFirstPaint(element, options, force = false) {
  if (!firstPaint) return Promise.resolve(null);
  return firstPaint(element, options, force).catch((error) => {
    warnOnce("freedom-widget: the first paint could not be drawn.", error);
    return null;
  });
}

/** How long a widget may take to start before its first paint is drawn anyway (ms). A first
 *  paint waits for the widget where the widget may show another number or section first (a
 *  partner's own rows): a file that never arrives must not leave that box blank, while on a slow
 *  line the widget still starts, and replaces it, when its files do arrive. A 3G phone starts it
 *  in about 3.5 s (BENCHMARKS.md). */
const PATIENCE_MS = 8000;

const mounted = new WeakMap();
/** A start that failed and has already been said in the console. */
const SAID = Symbol("said");
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
  // The country's lines alongside the wasm: the one the options name, else the one the first
  // paint detected (as Rust will).
  drawFirstPaint(element, current).then((country) => prefetchLines(current, country));
  prefetchLanguage([current.lang, document.documentElement.lang, ...(navigator.languages ?? [])]);
  // What the start is waiting for, said if it takes longer than PATIENCE_MS.
  let waitingFor = `its WebAssembly file ${WASM}`;
  // Cleared once the start has ended (mounted or failed) and on destroy().
  const patience = setTimeout(() => {
    warnOnce(
      `freedom-widget: the widget has not started within ${PATIENCE_MS / 1000} s: ${waitingFor} has not arrived. ` +
        "Showing the hotline number meanwhile; the rest of the widget appears if it does.",
    );
    drawFirstPaint(element, current, true);
  }, PATIENCE_MS);
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
      // Everything the first render shows is here before it, for the options it will render
      // with: again if an update() changed them meanwhile.
      let asked;
      do {
        asked = current;
        // Its language's messages.
        waitingFor = "the file of its language's messages (in i18n/)";
        await glue.load_language_for(asked, true);
        // And the lines it shows first (the embed's wasm has none compiled in). Without them the
        // first paint stays: a working number, never a country shown without its lines (Rust
        // has said why in the console).
        waitingFor = `the file of ${listsEveryCountry(asked) ? "every country's" : "its country's"} hotlines (in ${LINES_FOLDER})`;
        if (!(await glue.load_lines_for(asked))) throw SAID;
        // A layout that lists every country decodes them in a task of its own, not in the first
        // render's (Rust reads the layout from the options).
        await breathe();
        glue.prepare_directory_for(asked);
        await breathe();
      } while (asked !== current && !destroyed);
      if (destroyed) return;
      inner = glue.mount(element, current);
    })
    .finally(() => clearTimeout(patience))
    // A load that failed or a start that threw: one place says why, and the first paint stays
    // (drawn now where it waited for the widget): a working number, never a blank box.
    .catch((error) => {
      if (error !== SAID) reportStartFailure(error);
      if (!destroyed) drawFirstPaint(element, current, true);
    });
  const handle = {
    ready,
    /** Applies new options, merged over the current ones. */
    update(next = {}) {
      current = { ...current, ...next };
      if (destroyed) return;
      // Lines not here yet (another country's, or every country's for the full layout) the
      // widget fetches itself, showing meanwhile only what it has the lines of.
      if (inner) inner.update(current);
      else drawFirstPaint(element, current);
    },
    /** Removes the widget and releases its timers and listeners. */
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(patience);
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
