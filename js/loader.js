// The one loader every door shares (script tag, custom element, npm, standalone page): finds the
// widget's files, starts the wasm once per page, and serves the language files to Rust.
//
// "freedom-widget:files" is written by scripts/post-build.mjs for each build: the hashed names of
// that build's wasm, glue, language and fallback modules, each as a static `new URL(…,
// import.meta.url)` or `import("./…")` that bundlers recognise and copy. Only the wasm is an asset;
// everything else is a JavaScript module, which every bundler handles without configuration.
import { WASM, WASM_INTEGRITY, glue as importGlue, LANGUAGES, LINES, LINES_FOLDER, wasmUrl, zones } from "freedom-widget:files";
import { negotiate } from "./language.js";
import { quoted } from "./quoted.js";

let assetsUrl = null;

/**
 * Where the widget's files are, for toolchains that copy no assets (esbuild, Angular, Rollup
 * without a plugin, a plain copy): the URL of a folder holding the files of
 * `freedom-widget/dist/embed/`. Call it before the first widget starts; the `assetsUrl` option
 * (attribute `assets-url`) does the same for one mount.
 */
export function setAssetsUrl(url) {
  assetsUrl = folderUrl(url);
}

/** The folder URL (with its trailing slash), or null for a value that is not one. */
function folderUrl(url) {
  if (url == null || url === "") return null;
  try {
    const folder = new URL(String(url), document.baseURI);
    if (folder.protocol !== "https:" && folder.protocol !== "http:") throw new Error(folder.protocol);
    if (!folder.pathname.endsWith("/")) folder.pathname += "/";
    return folder;
  } catch {
    warnOnce(`freedom-widget: assetsUrl ${quoted(url)} is not an http(s) URL of a folder; looking for the widget's files beside its script instead.`);
    return null;
  }
}

const warned = new Set();
/** Says a problem once per page: the same message again is noise. */
export function warnOnce(message, detail) {
  if (warned.has(message)) return;
  warned.add(message);
  if (detail === undefined) console.warn(message);
  else console.warn(message, detail);
}

/** Gives the host page's own work a turn between the widget's start-up steps (no long task). */
export const breathe = () => new Promise((resolve) => setTimeout(resolve, 0));

/** What fixes a missing file, in the words of the door the widget came through: npm's (a bundle
 *  that copied no assets), unless the script tag's main module says it is the script tag. */
let fixForMissingFiles =
  `put the files of node_modules/freedom-widget/dist/embed/ on your site and set the assetsUrl option ` +
  `(setAssetsUrl(), or the assets-url attribute) to their folder's URL`;

/** Called by the script tag's main module: its files sit beside embed.js, not in node_modules. */
export function cameThroughScriptTag() {
  fixForMissingFiles =
    `put every file of the build's dist/embed/ folder in the folder embed.js is served from (the tag loads them from ` +
    `beside itself), or name the folder that holds them in the tag's data-assets-url`;
}

/** A file the widget needs is not where it looked: the message says where, and what fixes it. */
class MissingFile extends Error {}
const missing = (url, why) =>
  new MissingFile(
    `freedom-widget: the widget could not start: its WebAssembly file ${WASM} could not be loaded from ${url} (${why}); ` +
      `${fixForMissingFiles}. Showing the hotline number without the rest of the widget.`,
  );

/** A wasm from another origin than the widget's own files whose bytes are not this build's. */
const foreignFile = (url) =>
  new MissingFile(
    `freedom-widget: the widget could not start: the WebAssembly file at ${url} is not this build's ${WASM} (its bytes failed the integrity check, or it could not be fetched); ` +
      `a folder on another site (assetsUrl) must hold this version's files of dist/embed/. Showing the hotline number without the rest of the widget.`,
  );

let loading = null;

/** A download of the wasm already begun (by the script tag's embed.js): `{ url, response }`. */
let begun = null;
/** Hands the loader a download of the wasm at `url` that is under way, to use instead of a
 *  second one. */
export function useDownload(url, response) {
  begun = { url, response };
}

/**
 * Loads and starts the wasm module once per page; every widget on the page shares it. `folder`
 * (an assetsUrl) overrides where the wasm is looked for; a call with another folder is tried
 * only if the load under way (or done) failed.
 */
export function load(folder = null) {
  const base = folderUrl(folder) ?? assetsUrl;
  const url = (base ? new URL(WASM, base) : wasmUrl()).href;
  if (loading) {
    if (loading.url === url || loading.ok) return loading.promise;
    // Another folder while the first load is under way: used if that one fails.
    if (!loading.failed) return loading.promise.catch(() => load(folder));
  }
  // Both files at once: the wasm downloads (and compiles, streaming) while the glue is fetched,
  // instead of after it. The no-op catch keeps an early failure from being reported as unhandled
  // before the glue arrives to handle it.
  // A folder on another origin than the widget's own files runs only this build's wasm: the
  // browser checks its bytes against the hash the build wrote. (Not for its own folder: the check
  // waits for the whole file before compiling can start.)
  const foreign = base !== null && new URL(url).origin !== wasmUrl().origin;
  const download = begun?.url === url ? begun.response : fetch(url, foreign ? { integrity: WASM_INTEGRITY } : {});
  begun = null;
  const wasm = download.then(
    (response) => (response.ok ? response : Promise.reject(missing(url, `HTTP ${response.status}`))),
    (error) => Promise.reject(foreign ? foreignFile(url) : missing(url, error?.message ?? "network error")),
  );
  // Compiled as it arrives, while the glue is fetched; instantiated a task later: finishing the
  // compile and instantiating the module in one task took 23–64 ms at a phone's CPU (Lighthouse's
  // 4× slowdown) on a country's page, long enough to hold up a tap. The compile starts a task
  // after the response too: a page that preloads the wasm has it at once, and starting its
  // compile (13–18 ms there) joined the task that ends the page's parsing and runs its script.
  const compiled = wasm.then((response) => breathe().then(() => compile(response)));
  compiled.catch(() => {});
  const state = { url, ok: false, failed: false };
  state.promise = importGlue()
    .then(async (glue) => {
      try {
        const module = await compiled;
        await breathe();
        await glue.default({ module_or_path: module });
      } catch (error) {
        // Compiling what came back failed: usually a host that answers every path with its own
        // HTML page, so the "file" was found but is not the widget's.
        throw error instanceof MissingFile ? error : missing(url, `not the widget's WebAssembly: ${error?.message ?? error}`);
      }
      glue.set_language_source(languageText);
      glue.set_lines_source(linesText);
      glue.set_zones_source(zonesText);
      state.ok = true;
      return glue;
    })
    .catch((error) => {
      state.failed = true;
      throw error;
    });
  loading = state;
  return state.promise;
}

/** The wasm compiled from its response: streaming where the server says `application/wasm`
 *  (compiling as the bytes arrive), else from the whole file, as wasm-bindgen's glue would. */
function compile(response) {
  const type = response.headers.get("content-type") ?? "";
  if (typeof WebAssembly.compileStreaming === "function" && type.split(";")[0].trim() === "application/wasm") {
    return WebAssembly.compileStreaming(response);
  }
  return response.arrayBuffer().then((bytes) => WebAssembly.compile(bytes));
}

/** Says why the widget could not start, once, in one sentence. */
export function reportStartFailure(error) {
  if (error instanceof MissingFile) warnOnce(error.message);
  else warnOnce("freedom-widget: the widget could not start; showing the hotline number without the rest of the widget.", error);
}

const languageTexts = new Map();
/** A language's messages as JSON text, loaded once per page (a failed load may be retried). */
export function languageText(tag) {
  if (!languageTexts.has(tag)) {
    const module = LANGUAGES[tag];
    const text = module ? module().then((m) => m.default) : Promise.reject(new Error(`no messages for ${tag}`));
    text.catch(() => languageTexts.delete(tag));
    languageTexts.set(tag, text);
  }
  return languageTexts.get(tag);
}

/** The time zones' countries as text ("zone<TAB>CC" lines), for the embed's wasm, which fetches
 *  them only when it chooses a country by the time zone (a failed load may be retried). */
let zonesTextOnce = null;
function zonesText() {
  zonesTextOnce ??= zones().then(
    (m) => Object.entries(m.default).map((pair) => pair.join("\t")).join("\n"),
    (error) => {
      zonesTextOnce = null;
      throw new Error(`its file beside the widget's WebAssembly file could not be loaded (${error?.message ?? error})`);
    },
  );
  return zonesTextOnce;
}

const linesTexts = new Map();
/**
 * Built-in lines and emergency numbers as text (a line per country: "CC<TAB>[rows]<TAB>{emergency}"),
 * loaded once per page (a failed load may be retried): `key` is a country's code, or "all". The
 * embed's wasm has none compiled in; Rust checks every row before it shows one.
 */
export function linesText(key) {
  if (!linesTexts.has(key)) {
    const module = LINES[key];
    const file = `${LINES_FOLDER}${key.toLowerCase()}.js`;
    const text = module
      ? module().then(
          (m) => m.default,
          (error) => Promise.reject(new Error(`its file ${file}, beside the widget's WebAssembly file, could not be loaded (${error?.message ?? error})`)),
        )
      : Promise.reject(new Error("this build has no file of them"));
    text.catch(() => linesTexts.delete(key));
    linesTexts.set(key, text);
  }
  return linesTexts.get(key);
}

/**
 * Starts loading, alongside the wasm, the built-in lines a widget with these options shows
 * first: every country's for the full layout (the default), else the given country's, else
 * `detected` (the first paint's). Only a head start: Rust decides, and asks for what it needs
 * itself.
 */
export function prefetchLines(options, detected = null) {
  const country = [options.country, detected].map((c) => String(c ?? "").trim().toUpperCase()).find((c) => LINES[c]);
  const key = listsEveryCountry(options) ? "all" : country;
  if (LINES[key]) linesText(key).catch(() => {});
}

/** Whether a widget with these options lists every country (the full layout, the default), and
 *  so needs every country's lines. */
export function listsEveryCountry(options) {
  const layout = String(options.layout ?? "full").trim().toLowerCase();
  return layout === "full" || layout === "";
}

/**
 * Starts loading, alongside the wasm, the language these preferences most likely resolve to
 * (the same order Rust negotiates in: exact tag, then primary subtag). Only a head start: Rust
 * decides, and asks for what it needs itself.
 */
export function prefetchLanguage(preferences) {
  const tag = negotiate(preferences, ["en", ...Object.keys(LANGUAGES)]);
  if (tag !== "en") languageText(tag).catch(() => {});
}

/** Where the first paint (js/first-paint.js, its `io`) finds what it loads only when needed, in
 *  this build's files: the time zones' countries. (The script tag's embed.js, which carries no
 *  loader, finds them by URL instead.) */
export const firstPaintFiles = {
  zones: () => zones().then((m) => m.default),
};
