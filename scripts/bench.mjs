// The benchmark: builds the release, then measures in headless Chromium, each figure the median of
// N page loads (default 20), and prints one table, also written to BENCHMARKS.md, with each budget
// marked pass or fail. Numbers, not tests: run it, read it, keep the README's copy current.
// Lighthouse's own figures (layout shift, blocking, performance score) come last, from
// scripts/bench-lighthouse.mjs; `--only lighthouse` runs that section alone and prints it without
// touching BENCHMARKS.md (a partial run must not replace the whole table).
//
//   node scripts/bench.mjs [--runs 20] [--throttled-runs 10] [--budget-runs 30] [--lighthouse-runs 3] [--no-lighthouse]
//                          [--only lighthouse] [--no-build]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../tests/e2e/serve.mjs";
import { elementSnippet, snippet } from "./snippet.mjs";
import { brotliSize, wasmSections } from "./wasm-sections.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg("runs", 20));
const LIGHTHOUSE_RUNS = Number(arg("lighthouse-runs", 3));
const ONLY = arg("only", null);
if (ONLY !== null && ONLY !== "lighthouse") throw new Error(`--only ${ONLY}: only "lighthouse" can run alone`);
const LIGHTHOUSE = ONLY === "lighthouse" || !process.argv.includes("--no-lighthouse");
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
if (!process.argv.includes("--no-build")) {
  // From a fresh clone too: the set-up installs what the build and the browser need (playwright-core
  // among them, which is why the test helpers are imported only after it).
  // Debian's chromium too (as root), unless a browser is already there or named by CHROMIUM.
  const browserHere = process.env.CHROMIUM ? existsSync(process.env.CHROMIUM) : existsSync("/usr/bin/chromium");
  execFileSync("bash", [join(ROOT, "scripts/setup.sh"), ...(browserHere ? [] : ["--test"])], { stdio: "inherit" });
  execFileSync("bash", [join(ROOT, "scripts/build.sh")], { stdio: "inherit" });
}
const { launch, pageTakenOver } = await import("../tests/e2e/helpers.mjs");
const lh = LIGHTHOUSE ? await import("./bench-lighthouse.mjs") : null;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/**
 * A 90% interval for the ratio of the medians of `xs` and `ys` (a door's loads and the floor's),
 * by resampling each with replacement: one load's time moves by about a tenth, so the median of
 * 30 loads moves by a few percent from one run to the next, and a budget of 1.1× can pass in one
 * run and miss in the next with nothing changed. A fixed seed: the same loads, the same interval.
 */
function ratioInterval(xs, ys, rounds = 2000) {
  let seed = 17;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const resample = (a) => a.map(() => a[Math.floor(random() * a.length)]);
  const ratios = Array.from({ length: rounds }, () => median(resample(xs)) / median(resample(ys))).sort((a, b) => a - b);
  return [ratios[Math.floor(0.05 * rounds)], ratios[Math.ceil(0.95 * rounds) - 1]];
}
const widgetCss = readdirSync(join(ROOT, "dist")).find((f) => /^widget-[0-9a-f]+\.css$/.test(f));

// Instrumentation shared by the bench pages: when the widget is interactive (its first
// country-change event fires after the first render, once its handlers are attached), when that
// is painted (the next frame after it), long tasks, layout shifts, and the wasm memory of every
// instance. "Painted" is the budget's basis: the static floor's own "ready" (an inline script
// after the content) comes before layout and paint, while the widget's event may come after its
// first layout (Yew yields to the browser after 16 ms of rendering); the next painted frame is
// the same point for both, and the moment a visitor can see and use the content.
const PROBE = `<script>
  window.bench = { longTasks: [], cls: 0, memories: [] };
  bench.paint = (key) => requestAnimationFrame(() => setTimeout(() => { bench[key] ??= performance.now(); }, 0));
  new PerformanceObserver((l) => l.getEntries().forEach((e) => bench.longTasks.push(e.duration))).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) bench.cls += e.value; })).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("freedom-widget:country-change", () => { if (bench.interactive === undefined) { bench.interactive = performance.now(); bench.paint("painted"); } });
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async (...args) => { const r = await original.apply(WebAssembly, args); bench.memories.push((r.instance ?? r).exports.memory); return r; };
  }
</script>`;
const page = (body, head = "") => `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title>${PROBE}${head}</head><body><h1>Partner page</h1><p>Host content.</p>${body}</body></html>`;
const embed = (n) => page(Array.from({ length: n }, () => '<freedom-widget country="US" layout="compact"></freedom-widget>').join(""), snippet());
let staticHtml = "";
const routes = {
  "/bench/empty.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(page("")),
  "/bench/embed-1.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(embed(1)),
  "/bench/embed-5.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(embed(5)),
  "/bench/tag.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(page(snippet({ country: "US", layout: "compact" }))),
  // The default layout, which also lists every country.
  "/bench/tag-full.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(page(snippet({ country: "US" }))),
  "/bench/static.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(staticHtml),
};
lh?.addRoutes(routes);
const server = await serve({ root: join(ROOT, "dist"), compress: true, routes });

/** The Lighthouse section: its table, and what Lighthouse names for each miss. Run with no other
 *  browser open, so that the two do not share the machine's cores. */
async function lighthouseSection() {
  const started = Date.now();
  const lhRows = await lh.measure({ baseUrl: server.url, runs: LIGHTHOUSE_RUNS, outDir: join(ROOT, "target", "lighthouse") });
  const section = { table: lh.table(lhRows, LIGHTHOUSE_RUNS), misses: lh.misses(lhRows) };
  console.log(section.table);
  if (section.misses) console.log(`\nWhat Lighthouse names for each miss:\n${section.misses}`);
  console.log(`lighthouse: ${((Date.now() - started) / 1000).toFixed(0)} s; reports in target/lighthouse/`);
  return section;
}
if (ONLY === "lighthouse") {
  await lighthouseSection();
  await server.close();
  process.exit(0);
}

const browser = await launch();

async function load(path, { until = "interactive" } = {}) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
  const p = await context.newPage();
  let bytes = 0;
  p.on("requestfinished", async (req) => {
    const sizes = await req.sizes().catch(() => null);
    if (sizes && !req.url().includes("/bench/")) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  await p.goto(server.url + path);
  if (until === "interactive") await p.waitForFunction(() => window.bench.painted !== undefined, null, { timeout: 20_000 });
  else if (until === "static") await p.waitForFunction(() => window.bench.painted !== undefined);
  await p.waitForTimeout(300);
  const m = await p.evaluate(() => ({
    interactive: bench.interactive ?? bench.staticReady,
    painted: bench.painted,
    blocking: bench.longTasks.reduce((t, d) => t + Math.max(0, d - 50), 0),
    cls: bench.cls,
  }));
  return { p, context, bytes, ...m };
}

async function memory(path, instances) {
  const { p, context } = await load(path, { until: instances ? "interactive" : "nothing" });
  if (instances > 1) await p.waitForFunction((n) => document.querySelectorAll("freedom-widget").length === n && [...document.querySelectorAll("freedom-widget")].every((w) => w.shadowRoot?.querySelector(".fw")), instances);
  const cdp = await context.newCDPSession(p);
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await p.evaluate(() => bench.memories.reduce((t, m) => t + m.buffer.byteLength, 0));
  await context.close();
  return usedSize + wasm;
}

const rows = [];
const add = (what, value, unit, budget, pass) => rows.push({ what, value, unit, budget, pass });

// The static floor: the same widget content as plain HTML with the same stylesheet.
{
  const { p, context } = await load("/bench/tag.html");
  const inner = await p.evaluate(() => document.querySelector("freedom-widget").shadowRoot.querySelector(".fw").outerHTML);
  await context.close();
  staticHtml = page(`${inner}<script>bench.staticReady = performance.now(); bench.paint("painted");</script>`, `<link rel="stylesheet" href="/${widgetCss}">`);
}

const tag = { time: [], painted: [], blocking: [], cls: [], bytes: [] };
const flat = { time: [], painted: [], bytes: [] };
const standalone = { bytes: [], longest: [], blocking: [] };
const countryPage = { longest: [], blocking: [], kinds: new Map() };
const full = { painted: [], blocking: [], cls: [] };
for (let i = 0; i < RUNS; i++) {
  const a = await load("/bench/tag.html");
  tag.time.push(a.interactive); tag.painted.push(a.painted); tag.blocking.push(a.blocking); tag.cls.push(a.cls); tag.bytes.push(a.bytes);
  await a.context.close();
  const d = await load("/bench/tag-full.html");
  full.painted.push(d.painted); full.blocking.push(d.blocking); full.cls.push(d.cls);
  await d.context.close();
  const b = await load("/bench/static.html", { until: "static" });
  flat.time.push(b.interactive); flat.painted.push(b.painted); flat.bytes.push(b.bytes);
  await b.context.close();
  const c = await browser.newContext({ locale: "en-US" });
  // The page is not a host's: its own long tasks, while it takes over its prerendered HTML.
  await c.addInitScript(() => {
    window.pageTasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.pageTasks.push(e.duration))).observe({ type: "longtask" });
  });
  const cp = await c.newPage();
  let bytes = 0;
  cp.on("requestfinished", async (req) => {
    const s = await req.sizes().catch(() => null);
    if (s) bytes += s.responseBodySize + s.responseHeadersSize;
  });
  await cp.goto(`${server.url}/`);
  // Taken over: the page's own panel shows the country, its first paint (js/page.js) is gone.
  await pageTakenOver(cp);
  // The list of every country is taken over a chunk per task after that: well within a second.
  await cp.waitForTimeout(1000);
  standalone.bytes.push(bytes);
  const tasks = await cp.evaluate(() => window.pageTasks);
  standalone.longest.push(Math.max(0, ...tasks));
  standalone.blocking.push(tasks.reduce((t, d) => t + Math.max(0, d - 50), 0));
  await c.close();
  // A country's page on a phone's CPU (4× slower, as Lighthouse's mobile preset): its longest
  // task from the start of its load until a second after its takeover (issue 28: none over 50 ms).
  // Three loads per round: whether a load has a task over 50 ms at all varies from load to load,
  // and ten loads said too little about how often.
  for (let k = 0; k < 3; k++) {
    const cc = await browser.newContext({ locale: "es-MX", viewport: { width: 390, height: 844 } });
    await cc.addInitScript(() => {
      window.pageTasks = [];
      window.pageTaskStarts = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => (window.pageTasks.push(e.duration), window.pageTaskStarts.push(e.startTime)))).observe({ type: "longtask" });
      // What each long task ran: the long animation frame holding it names the scripts it ran.
      window.pageFrames = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.pageFrames.push({ start: e.startTime, end: e.startTime + e.duration, scripts: e.scripts.map((s) => ({ invoker: s.invoker, url: s.sourceURL })) }))).observe({ type: "long-animation-frame" });
      document.addEventListener("freedom-widget:country-change", () => (window.takenOver = true));
    });
    const mp = await cc.newPage();
    await (await cc.newCDPSession(mp)).send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await mp.goto(`${server.url}/mx/`);
    await mp.waitForFunction(() => window.takenOver, null, { timeout: 20_000 });
    await mp.waitForTimeout(1000);
    const mxTasks = await mp.evaluate(() => window.pageTasks);
    countryPage.longest.push(Math.max(0, ...mxTasks));
    countryPage.blocking.push(mxTasks.reduce((t, d) => t + Math.max(0, d - 50), 0));
    for (const kind of await mp.evaluate(longTaskKinds)) countryPage.kinds.set(kind, (countryPage.kinds.get(kind) ?? 0) + 1);
    await cc.close();
  }
}

/** In the page: what each of its tasks over 50 ms ran, in a word, from the long animation frame
 *  that holds it (Chromium's attribution): the page's module (with the end of the HTML's
 *  parsing), the widget's wasm (a turn of the takeover), another timer or promise (a step of the
 *  start-up), or no script at all (parsing, style and layout). */
function longTaskKinds() {
  const kinds = [];
  window.pageTasks.forEach((duration, i) => {
    if (duration <= 50) return;
    const start = window.pageTaskStarts[i];
    const frame = window.pageFrames.find((f) => f.start <= start + 1 && start < f.end);
    const scripts = frame?.scripts ?? [];
    const kind = !frame
      ? "not attributed"
      : scripts.some((s) => /freedom-widget-[0-9a-f]+\.js$/.test(s.url))
        ? "the widget's wasm"
        : scripts.some((s) => s.invoker.endsWith(".js") || /country-page/.test(s.url))
          ? "the page's module, with the end of its parsing"
          : scripts.length > 0
            ? "a start-up step (timer or promise)"
            : "parsing, style and layout";
    kinds.push(kind);
  });
  return kinds;
}

const kb = (b) => (b / 1024).toFixed(1);
const embedBytes = median(tag.bytes);
add("script-tag embed: transfer, brotli (all it loads)", kb(embedBytes), "KB", "< 100 KB", embedBytes < 100 * 1024);
{
  // Where the embed's bytes are: most of them are its wasm, code and data.
  const wasmFile = readdirSync(join(ROOT, "dist", "embed")).find((f) => /^freedom-widget-[0-9a-f]+_bg\.wasm$/.test(f));
  const { code, data } = wasmSections(readFileSync(join(ROOT, "dist", "embed", wasmFile)));
  // The first paint's own budget: all the number needs, before anything else arrives.
  const firstPaint = brotliSize(readFileSync(join(ROOT, "dist", "embed", "embed.js")));
  add("of which the first paint, embed.js, brotli", kb(firstPaint), "KB", "< 15 KB", firstPaint < 15 * 1024);
  add("of which the wasm's code (Yew, Rust's core, the widget), brotli alone", kb(brotliSize(code)), "KB", "—", null);
  add("of which the wasm's data (hotlines, texts, tables), brotli alone", kb(brotliSize(data)), "KB", "—", null);
}
add("standalone page: transfer, brotli (all it loads)", kb(median(standalone.bytes)), "KB", "—", null);
add("standalone page: main-thread blocking while it takes over its HTML", median(standalone.blocking).toFixed(1), "ms", "—", null);
add("standalone page: longest task while it takes over its HTML", median(standalone.longest).toFixed(1), "ms", "—", null);
add("country page /mx/, CPU 4× slower: longest task, load to a second after its takeover", median(countryPage.longest).toFixed(1), "ms", "≤ 50 ms", median(countryPage.longest) <= 50);
add("country page /mx/, CPU 4× slower: main-thread blocking, same span", median(countryPage.blocking).toFixed(1), "ms", "—", null);
// The budget is a median; how many loads had a task over 50 ms at all is said beside it.
add(
  "country page /mx/, CPU 4× slower: loads with a task over 50 ms",
  `${countryPage.longest.filter((t) => t > 50).length} of ${countryPage.longest.length}`,
  "loads",
  "—",
  null,
);
// Which tasks those were, to know what to split next (approximate: a frame may hold several tasks).
add(
  "country page /mx/, CPU 4× slower: what its tasks over 50 ms ran (the long animation frame holding each)",
  [...countryPage.kinds].map(([kind, n]) => `${kind}: ${n}`).join("; ") || "none",
  "",
  "—",
  null,
);
const t = median(tag.painted), f = median(flat.painted);
add("page start → widget interactive and painted", t.toFixed(1), "ms", "—", null);
add("same content as static HTML, painted (the floor)", f.toFixed(1), "ms", "—", null);
add("ratio to the floor", (t / f).toFixed(2), "×", "< 3×", t / f < 3);
const tr = median(tag.time), fr = median(flat.time);
add("for reference: widget handlers attached (before paint)", tr.toFixed(1), "ms", "—", null);
add("for reference: static HTML parsed (before layout and paint)", fr.toFixed(1), "ms", "—", null);
add("for reference: ratio of those two (not the budget's basis)", (tr / fr).toFixed(2), "×", "—", null);
const tbt = median(tag.blocking);
add("main-thread blocking added to the host page", tbt.toFixed(1), "ms", "< 50 ms", tbt < 50);
const cls = median(tag.cls);
add("cumulative layout shift", cls.toFixed(3), "", "0", cls === 0);
const fullTbt = median(full.blocking), fullCls = median(full.cls);
add("default (full) layout: page start → interactive and painted", median(full.painted).toFixed(1), "ms", "—", null);
add("default (full) layout: main-thread blocking added", fullTbt.toFixed(1), "ms", "< 50 ms", fullTbt < 50);
add("default (full) layout: cumulative layout shift", fullCls.toFixed(3), "", "0", fullCls === 0);

const base = [], one = [], five = [];
for (let i = 0; i < RUNS; i++) {
  base.push(await memory("/bench/empty.html", 0));
  one.push(await memory("/bench/embed-1.html", 1));
  five.push(await memory("/bench/embed-5.html", 5));
}
const b0 = median(base);
const per1 = (median(one) - b0) / 1, per5 = (median(five) - b0) / 5;
add("JS heap + wasm memory, 1 instance", (per1 / 1048576).toFixed(2), "MB", "< 4 MB", per1 < 4 * 1048576);
add("JS heap + wasm memory per instance, 5 instances", (per5 / 1048576).toFixed(2), "MB", "< 4 MB", per5 < 4 * 1048576);

// Search: keystroke to updated list, in the standalone page: the median keystroke of each of
// RUNS page loads, and the median of those.
{
  const perLoad = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ locale: "en-US" });
    const p = await context.newPage();
    await p.goto(`${server.url}/?country=US`);
    await p.locator(".cards").waitFor();
    const times = await p.evaluate(async () => {
      const input = document.querySelector("#fw-search");
      const list = document.querySelector("#fw-results");
      const out = [];
      const words = ["a", "al", "alb", "b", "bo", "bra", "c", "co", "cot", "m", "me", "mex", "s", "sw", "swe", "t", "th", "tha", "u", "un", "uni", "z", "za", "zam"];
      for (const word of words) {
        const done = new Promise((resolve) => {
          const o = new MutationObserver(() => { o.disconnect(); resolve(performance.now()); });
          o.observe(list, { childList: true, subtree: true, characterData: true });
        });
        input.value = word;
        const t0 = performance.now();
        input.dispatchEvent(new InputEvent("input", { bubbles: true, composed: true }));
        out.push((await done) - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      return out;
    });
    perLoad.push(median(times));
    await context.close();
  }
  const k = median(perLoad);
  add("search: keystroke → updated list", k.toFixed(2), "ms", "< 2 ms", k < 2);
}

// What visitors on a cheap phone and a slow network live with: time from navigation to the first
// visible `tel:` link of the chosen country's main line (MX), and to interactive, under the
// DevTools protocol's network and CPU throttling (per-request latency and bandwidth, as DevTools
// applies them), against a host page with that link as static HTML (the floor). Each figure is
// the median of THROTTLED_RUNS loads (BUDGET_RUNS for the floor and the country page on 3G).
const THROTTLED_RUNS = Number(arg("throttled-runs", 10));
// The country page's budget is within 10% of the floor, and one load's time moves by about as
// much: the floor and that page take more loads on the profile it is set for, alternating.
const BUDGET_RUNS = Number(arg("budget-runs", 3 * THROTTLED_RUNS));
const PROFILES = [
  { name: "3G (300 ms, 700 kbit/s) + CPU 6× slower", latency: 300, kbits: 700, cpu: 6 },
  { name: "slow 4G (150 ms, 1.6 Mbit/s) + CPU 4× slower", latency: 150, kbits: 1600, cpu: 4 },
];
const MX_LINE = 'a[href="tel:+528005533000"]';
const hostPage = (body, head = "", lang = "en") => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>partner</title>${head}</head><body><h1>Partner page</h1><p>Host content.</p>${body}</body></html>`;
routes["/bench/floor-mx.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(hostPage('<p>Anti-trafficking hotline: <a href="tel:+528005533000">800 553 3000</a></p>'));
routes["/bench/tag-mx-compact.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(hostPage(snippet({ country: "MX", layout: "compact" })));
// A partner's page in Spanish: the widget speaks the page's language (before the browser's).
routes["/bench/tag-mx-compact-es.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(hostPage(snippet({ country: "MX", layout: "compact" }), "", "es"));
routes["/bench/tag-mx-full.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(hostPage(snippet({ country: "MX" })));
// The configurator's element snippet with its number inside (issue 27): the element's light DOM,
// shown with the partner's own HTML, until the widget's shadow root takes its place.
const mxElement = elementSnippet("MX", "compact");
routes["/bench/element-mx-number.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPage(
  mxElement.markup,
  // The snippet's stylesheet part, which keeps the widget's space.
  `${mxElement.style}<script type="module" src="/embed/element.js"></script>`,
));
/** Records when the chosen line's link is first on screen (in the page or a widget's shadow
 *  root, inside the viewport, painted) and when a widget first says its country. */
const FIRST_NUMBER = (selector) => {
  window.firstNumber = undefined;
  window.firstInteractive = undefined;
  document.addEventListener("freedom-widget:country-change", () => { window.firstInteractive ??= performance.now(); window.firstSearch ??= performance.now(); });
  // A country's page answers its search from its own list before the takeover (js/country-search.js).
  document.addEventListener("freedom-widget:search-ready", () => { window.firstSearch ??= performance.now(); });
  const visible = (a) => { const r = a?.getBoundingClientRect(); return r && r.height > 0 && r.top < innerHeight && r.bottom > 0; };
  const find = () => [document, ...[...document.querySelectorAll("freedom-widget")].map((w) => w.shadowRoot).filter(Boolean)].map((root) => root.querySelector(selector)).find(visible);
  const tick = () => {
    if (find()) requestAnimationFrame(() => { window.firstNumber ??= performance.now(); });
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
async function throttledLoad(path, profile, locale) {
  const context = await browser.newContext({ locale, timezoneId: "America/Mexico_City", viewport: { width: 390, height: 844 } });
  await context.addInitScript(FIRST_NUMBER, MX_LINE);
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: profile.latency, downloadThroughput: (profile.kbits * 1000) / 8, uploadThroughput: (profile.kbits * 1000) / 8 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
  await p.goto(server.url + path);
  await p.waitForFunction(() => window.firstNumber !== undefined, null, { timeout: 60_000, polling: 100 });
  if (!path.includes("floor")) await p.waitForFunction(() => window.firstInteractive !== undefined, null, { timeout: 60_000, polling: 100 });
  // Where the time went: when the first paint's script was asked for and when it had arrived
  // (the embed's embed.js; resource timing, same origin), and its bytes on the wire.
  const m = await p.evaluate(() => {
    const script = performance.getEntriesByType("resource").find((r) => new URL(r.name).pathname.endsWith("/embed/embed.js"));
    return { number: window.firstNumber, interactive: window.firstInteractive, search: window.firstSearch, asked: script?.startTime, arrived: script?.responseEnd, bytes: script?.encodedBodySize };
  });
  await context.close();
  return m;
}
const throttledRows = [];
const timeParts = [];
for (const profile of PROFILES) {
  // The budget (at most 1.5× the floor) is for the script tag's two layouts, on a page in English.
  // A page in Spanish, as most in Mexico, is shown too: its first paint speaks Spanish, and names
  // the country as the browser's Intl does, whose first call loads its data.
  const doors = [
    { door: "host page with the link as static HTML (the floor)", path: "/bench/floor-mx.html", moreLoads: profile.cpu === 6 },
    { door: "script-tag embed, compact", path: "/bench/tag-mx-compact.html", budget: 1.5 },
    { door: "script-tag embed, default layout", path: "/bench/tag-mx-full.html", budget: 1.5 },
    { door: "script-tag embed, compact, on a page in Spanish", path: "/bench/tag-mx-compact-es.html", locale: "es-MX" },
    { door: "`<freedom-widget>` with the configurator's number inside it, compact", path: "/bench/element-mx-number.html" },
    { door: "standalone page /?country=MX", path: "/?country=MX" },
    // The page a poster's QR code opens (issue 28): its number is in its HTML, within 1.1× of the
    // floor on 3G; its search answers (from its own list, then the widget's) within 2.5 s on 3G.
    { door: "country page /mx/", path: "/mx/", locale: "es-MX", budget: profile.cpu === 6 ? 1.1 : null, interactiveBudget: 2500, moreLoads: profile.cpu === 6 },
  ];
  const results = new Map(doors.map((d) => [d, { number: [], interactive: [], search: [], asked: [], arrived: [], bytes: [] }]));
  for (let i = 0; i < Math.max(THROTTLED_RUNS, BUDGET_RUNS); i++) {
    for (const d of doors.filter((d) => i < THROTTLED_RUNS || d.moreLoads)) {
      const m = await throttledLoad(d.path, profile, d.locale ?? "en-US");
      const r = results.get(d);
      r.number.push(m.number);
      if (m.interactive !== undefined) r.interactive.push(m.interactive);
      if (m.search !== undefined) r.search.push(m.search);
      if (m.arrived !== undefined) for (const key of ["asked", "arrived", "bytes"]) r[key].push(m[key]);
    }
  }
  const floor = median(results.get(doors[0]).number);
  for (const d of doors) {
    const { door, path, budget = null, interactiveBudget = null } = d;
    const r = results.get(d);
    const number = median(r.number);
    const ratio = number / floor;
    const isFloor = d === doors[0];
    throttledRows.push({
      profile: profile.name,
      door,
      number: `${(number / 1000).toFixed(2)} s${r.number.length === THROTTLED_RUNS ? "" : ` (of ${r.number.length} loads)`}`,
      // Three decimals where two would round a miss (or a pass) to the budget itself.
      ratio: isFloor ? "1.00" : ratio.toFixed(budget !== null && ratio.toFixed(2) === budget.toFixed(2) ? 3 : 2),
      // Where the floor and the door took more loads (the budget's profile), how far the ratio
      // could move with other loads of the same pages.
      interval: !isFloor && d.moreLoads ? ratioInterval(r.number, results.get(doors[0]).number).map((x) => x.toFixed(2)).join("–") : null,
      // A country's page: when its search first answers, then when it is taken over.
      interactive: isFloor
        ? "—"
        : interactiveBudget !== null
          ? `search ${(median(r.search) / 1000).toFixed(2)} s, taken over ${(median(r.interactive) / 1000).toFixed(2)} s`
          : `${(median(r.interactive) / 1000).toFixed(2)} s`,
      budget,
      pass: budget !== null ? ratio <= budget : null,
      interactiveBudget,
      interactivePass: interactiveBudget !== null && profile.cpu === 6 ? median(r.search) <= interactiveBudget : null,
    });
    if (path.startsWith("/bench/tag-")) {
      // The first visible number, in three parts (each a median, so they need not add up exactly).
      const asked = median(r.asked);
      const onTheWire = median(r.arrived.map((t, i) => t - r.asked[i]));
      const afterArrival = median(r.number.map((t, i) => t - r.arrived[i]));
      timeParts.push({
        profile: profile.name,
        door,
        asked: (asked / 1000).toFixed(2),
        wire: `${(onTheWire / 1000).toFixed(2)} s (${(median(r.bytes) / 1024).toFixed(1)} KB)`,
        after: (afterArrival / 1000).toFixed(2),
        number: (number / 1000).toFixed(2),
        over: ((number - floor) / 1000).toFixed(2),
        allowed: ((0.5 * floor) / 1000).toFixed(2),
      });
    }
  }
}

await browser.close();
const lighthouseResult = LIGHTHOUSE ? await lighthouseSection() : null;
await server.close();

const chromium = execFileSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).trim();
const date = new Date().toISOString().slice(0, 10);
const lines = [
  `| measure | median of ${RUNS} | budget | |`,
  "| --- | --- | --- | --- |",
  ...rows.map((r) => `| ${r.what} | ${r.value} ${r.unit} | ${r.budget} | ${r.pass === null ? "" : r.pass ? "pass" : "**miss**"} |`),
];
const table = lines.join("\n");
console.log(table);
const throttledTable = [
  `| profile | door | first visible number, median of ${THROTTLED_RUNS} | × the floor | budget | interactive | budget |`,
  "| --- | --- | --- | --- | --- | --- | --- |",
  ...throttledRows.map(
    (r) =>
      `| ${r.profile} | ${r.door} | ${r.number} | ${r.ratio} ×${r.interval ? ` (90% interval ${r.interval})` : ""} | ${r.pass === null ? "—" : `≤ ${r.budget}×: ${r.pass ? "pass" : "**miss**"}`} | ${r.interactive} | ` +
      `${r.interactivePass === null ? "—" : `≤ ${(r.interactiveBudget / 1000).toFixed(1)} s: ${r.interactivePass ? "pass" : "**miss**"}`} |`,
  ),
].join("\n");
console.log(throttledTable);
// Why the ratio is what it is, measured in the same loads: the number cannot show before
// embed.js has arrived, one request more than the floor makes, and the budget allows the embed
// half the floor's time more than the floor.
const timePartsTable = [
  "| profile | door | embed.js asked for (the HTML in) | embed.js on the network (its size) | its arrival → the number on screen | first visible number | later than the floor by | the budget allows (0.5 × the floor) |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
  ...timeParts.map((r) => `| ${r.profile} | ${r.door} | ${r.asked} s | ${r.wire} | ${r.after} s | ${r.number} s | ${r.over} s | ${r.allowed} s |`),
].join("\n");
console.log(timePartsTable);
// Everything from the first "## " heading on is written by hand (sizes, history, analysis) and kept.
const previous = existsSync(join(ROOT, "BENCHMARKS.md")) ? readFileSync(join(ROOT, "BENCHMARKS.md"), "utf8") : "";
const kept = previous.includes("\n## ") ? previous.slice(previous.indexOf("\n## ") + 1) : "";
writeFileSync(join(ROOT, "BENCHMARKS.md"), `# Benchmarks

Measured ${date} with \`node scripts/bench.mjs\` (release build, served on 127.0.0.1 with brotli,
headless ${chromium}, ${cpus().length} cores, no throttling). Each figure is the median of ${RUNS}
page loads (the keystroke: of each load's median of 24 keystrokes). The embed is the script tag with \`layout="compact"\`,
country US; the floor is the same widget markup as static HTML with the same stylesheet.

Times run from the start of the page load. **Interactive and painted** is the first frame painted
after the widget's handlers are attached (its first \`freedom-widget:country-change\` event); the
floor is the first frame painted after the static HTML is parsed. The budget compares these two,
the same moment for both: when a visitor can see and use the content. The reference rows compare
the earlier moments (handlers attached; static HTML parsed, before any layout), which are not
alike: the widget's layout usually comes before its event (Yew yields to the browser after 16 ms
of rendering), the static page's after. Both are shown; neither is hidden.

The standalone page's blocking and longest task count its own long tasks (over 50 ms) from the
start of its load until a second after it has taken over its prerendered HTML (its first paint
gone, its own panel showing the country): not a host page's, so no budget applies, but a
visitor typing or tapping then waits for them.

${table}

**On a slow phone network.** Time from navigation to the first visible \`tel:\` link of Mexico's
main line (in the viewport of a 390 × 844 phone screen), network and CPU throttled through the
DevTools protocol, against a host page with that link as static HTML (the floor). Interactive:
the widget's first \`freedom-widget:country-change\` event.

${throttledTable}

Where the script-tag embed's time to its first number goes, in the same loads (medians): the
number cannot show before \`embed.js\` has arrived, one more request after the host page's HTML,
which the floor does not make, and whose time on the network (a round trip and its bytes) is set
by the profile. After it arrives come running it, the first paint's style and layout, and the
frame; on a page in Spanish, also the country's name in Spanish (the browser's Intl).
The budget allows the embed half the floor's time more than the floor (the last column).

${timePartsTable}

**As Lighthouse measures it.** Lighthouse${lh ? ` ${lh.VERSION}` : ""} (\`lighthouse\` from the npm tools), run from
\`scripts/bench-lighthouse.mjs\` against the same server, each run in a fresh headless Chromium:
its default (mobile) config, which simulates a slow 4G network and a 4× slower CPU from an
unthrottled load, and its desktop config. Pages: an article page with paragraphs of text before
and after the script tag (country US; the default layout, and \`data-layout="compact"\`), and the
standalone page. Each figure is the median of ${LIGHTHOUSE_RUNS} runs; budgets from issue 17.

${lighthouseResult ? lighthouseResult.table : "Not run (`--no-lighthouse`)."}
${lighthouseResult?.misses ? `\nWhat Lighthouse names for each miss (from the run with the median figure; long tasks in the mobile preset are simulated, 4× the observed CPU time):\n\n${lighthouseResult.misses}\n` : ""}
A budget missed is reported here, never hidden.

${kept}`);
