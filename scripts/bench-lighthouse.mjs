// Lighthouse in the benchmark (issue 17): layout shift, blocking and the performance score as
// Lighthouse measures them, on a partner's article page around the script tag (default and compact
// layouts), on the standalone page (`/`, `/?country=MX`) and on a country's page (`/mx/`), with Lighthouse's mobile preset (its
// default config: simulated slow 4G and a 4× slower CPU) and its desktop preset. Each figure is the
// median of N runs, each run in a fresh Chromium, as Lighthouse's own command line does. Called by
// scripts/bench.mjs, against the release build it serves; every report is kept in
// target/lighthouse/ for the details a table cannot hold.
//
// Lighthouse 12: 13 needs Node 22, and the project runs on Node 20.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import lighthouse from "../tools/node_modules/lighthouse/core/index.js";
import desktopConfig from "../tools/node_modules/lighthouse/core/config/desktop-config.js";
import { ProcessedTrace } from "../tools/node_modules/lighthouse/core/computed/processed-trace.js";
import { CumulativeLayoutShift } from "../tools/node_modules/lighthouse/core/computed/metrics/cumulative-layout-shift.js";
// chrome-launcher is Lighthouse's own dependency (and its command line's launcher).
import { launch } from "../tools/node_modules/chrome-launcher/dist/index.js";
import { snippet } from "./snippet.mjs";
// The Puppeteer that Lighthouse itself drives (its own version, not the tools' newer one).
export const VERSION = JSON.parse(readFileSync(new URL("../tools/node_modules/lighthouse/package.json", import.meta.url), "utf8")).version;
const puppeteer = createRequire(new URL("../tools/node_modules/lighthouse/package.json", import.meta.url))("puppeteer-core");


// Ordinary article text, before and after the tag: a partner page is mostly its own content, and
// the widget's shifts and blocking count against that page, not against an empty one.
const BEFORE = `
<p>When the river district's food bank opened its second site last spring, volunteers expected
questions about opening hours and parking. What they did not expect was how many visitors would ask,
quietly, where someone could turn if their employer held their passport or their wages.</p>
<p>"People come to us because we are ordinary," said the coordinator, who has run the pantry for
eleven years. "They would not walk into an office with a sign on it. But they will pick up a leaflet
next to the bread." Staff now keep a short list of numbers by the door, and train new volunteers to
listen first and to point, never to push.</p>
<p>The list below comes from a directory of national hotlines, checked against each line's own public
source. It chooses the country from your browser's settings; you can pick another at any time.</p>`;
const AFTER = `
<p>None of the lines listed asks for a name before it helps, and most answer in several languages.
If you are in danger now, call the emergency number shown for your country.</p>
<p>The pantry's organisers say the most useful thing a neighbour can do is the simplest: know where
the numbers are, and keep them where others can find them. Their next training evening is open to
anyone, and no sign-up is needed.</p>
<p>This article was updated to add the directory of hotlines above. We have removed the phone
numbers that appeared in the print edition, which had since changed.</p>`;

const articlePage = (options) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Where to turn: the pantry volunteers who keep a list by the door · Riverside Community News</title>
<meta name="description" content="Volunteers at the river district's food bank on the questions visitors ask, and where to turn.">
<link rel="icon" href="data:,">
<style>
  body { margin: 0; font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; color: #1d1d1d; background: #fff; }
  header, footer { padding: 0.75rem 1rem; background: #f3f1ec; font-family: system-ui, sans-serif; }
  header a { color: #1d1d1d; font-weight: 700; text-decoration: none; }
  article { max-width: 40rem; margin: 0 auto; padding: 1rem; }
  h1 { font-size: 1.9rem; line-height: 1.2; }
  .byline { color: #555; font-family: system-ui, sans-serif; font-size: 0.9rem; }
</style>
</head>
<body>
<header><a href="/">Riverside Community News</a></header>
<main>
<article>
<h1>Where to turn: the pantry volunteers who keep a list by the door</h1>
<p class="byline">By our community desk · 6 minute read</p>
${BEFORE}
${snippet(options)}
${AFTER}
</article>
</main>
<footer>Riverside Community News · Letters to the editor: letters@example.org</footer>
</body>
</html>`;

/** What is measured: the script tag on an article page, in both layouts, and the standalone page. */
export const TARGETS = [
  { name: "article page + script tag, default layout", path: "/bench/lh-article.html", page: articlePage({ country: "US" }) },
  { name: "article page + script tag, compact layout", path: "/bench/lh-article-compact.html", page: articlePage({ country: "US", layout: "compact" }) },
  { name: "standalone page /", path: "/" },
  { name: "standalone page /?country=MX", path: "/?country=MX" },
  { name: "country page /mx/", path: "/mx/" },
];
export const PRESETS = [
  { name: "mobile", config: undefined },
  { name: "desktop", config: desktopConfig },
];
export const BUDGET = { cls: 0.01, tbt: 200, score: 0.95 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
/** The run whose figure is the median one (the lower middle for an even count), to read details from. */
const medianRun = (runs, key) => [...runs].sort((a, b) => a[key] - b[key])[Math.floor((runs.length - 1) / 2)];

/** Adds the article pages to the benchmark server's routes (the server reads them per request). */
export function addRoutes(routes) {
  for (const t of TARGETS.filter((t) => t.page)) {
    routes[t.path] = (q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(t.page);
  }
}

/** Records every layout shift in the page under test with what moved, as the browser attributes
 *  it (the Layout Instability API's sources: up to five nodes with their rectangles before and
 *  after, in the viewport's CSS pixels). Lighthouse 12's own attribution (its layout-shifts audit)
 *  fails on this Chromium: its trace engine reads a frame field newer Chromium no longer writes, and
 *  the trace's node ids no longer resolve to the nodes that moved. The observer costs next to
 *  nothing beside a page load. It also sees shifts Lighthouse does not count (the viewport put
 *  back after the trace), so `countedShifts` keeps only those Lighthouse counted. */
const SHIFT_RECORDER = () => {
  window.__benchShifts = [];
  const text = (n) => (n.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
  const describe = (n) => {
    if (!n) return "(a node no longer in the page)";
    const host = n.getRootNode?.() instanceof ShadowRoot ? `${n.getRootNode().host.localName} shadow root › ` : "";
    if (n.nodeType !== 1) return `${host}text "${text(n)}" in <${n.parentElement?.localName}>`;
    const classes = [...n.classList].slice(0, 2).map((c) => `.${c}`).join("");
    return `${host}<${n.localName}${n.id ? `#${n.id}` : ""}${classes}> "${text(n)}"`;
  };
  const rect = (r) => [r.x, r.y, r.width, r.height].map(Math.round).join(",");
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__benchShifts.push({ at: e.startTime, score: e.value, recentInput: e.hadRecentInput, sources: (e.sources ?? []).map((s) => ({ node: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })) });
    }
  }).observe({ type: "layout-shift", buffered: true });
};

/** The shifts Lighthouse's CLS counted (its own selection from the trace), each named from the
 *  page's record of the same shift (the same score), else with the trace's rectangles only. */
async function countedShifts(trace, recorded) {
  const processed = await ProcessedTrace.request(trace, { computedCache: new Map() });
  const unused = [...recorded];
  return CumulativeLayoutShift.getLayoutShiftEvents(processed).map((e) => {
    const i = unused.findIndex((r) => Math.abs(r.score - e.weightedScore) < 1e-9);
    const named = i >= 0 ? unused.splice(i, 1)[0] : null;
    return {
      at: (e.ts - processed.timestamps.timeOrigin) / 1000,
      score: e.weightedScore,
      sources: named?.sources ?? (e.impactedNodes ?? []).map((n) => ({ node: "(unnamed)", from: n.old_rect.join(","), to: n.new_rect.join(",") })),
    };
  });
}

/** One Lighthouse run in a fresh Chromium; the report is written to `file`. */
async function runOnce(url, preset, file) {
  const chrome = await launch({
    chromePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=en-US"],
    logLevel: "silent",
  });
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
  try {
    // Our own page, so that it stays open after the run for the record of its shifts to be read.
    const page = await browser.newPage();
    await page.evaluateOnNewDocument(SHIFT_RECORDER);
    const result = await lighthouse(url, {
      output: "json",
      logLevel: "error",
      // Accessibility, best practices and SEO too: the standalone and country pages are pages of
      // their own, whose budgets (issue 28) ask for 100 in each.
      onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      // The full-page screenshot is for people reading a report in a browser; it only adds time here.
      disableFullPageScreenshot: true,
      // Its test of the back/forward cache navigates away and back after the trace, which can load
      // the page a second time (at the window's own size) and so replace the record of its shifts.
      // Not part of the score.
      skipAudits: ["bf-cache"],
    }, preset.config, page);
    const lhr = result.lhr;
    writeFileSync(file, result.report);
    if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const a = lhr.audits;
    return {
      file,
      score: lhr.categories.performance.score,
      others: ["accessibility", "best-practices", "seo"].map((c) => Math.round(lhr.categories[c].score * 100)),
      cls: a["cumulative-layout-shift"].numericValue,
      tbt: a["total-blocking-time"].numericValue,
      fcp: a["first-contentful-paint"].numericValue,
      lcp: a["largest-contentful-paint"].numericValue,
      si: a["speed-index"].numericValue,
      shifts: await countedShifts(result.artifacts.Trace, await page.evaluate(() => window.__benchShifts ?? [])),
      longTasks: a["long-tasks"]?.details?.items ?? [],
      bootup: a["bootup-time"]?.details?.items ?? [],
      warnings: lhr.runWarnings,
    };
  } finally {
    await browser.disconnect();
    await chrome.kill();
  }
}

/** Runs every target × preset `runs` times (interleaved, so that a slow moment of a shared machine
 *  does not fall on one target only) and returns the medians and the details of each miss. */
export async function measure({ baseUrl, runs = 3, outDir, log = console.log }) {
  mkdirSync(outDir, { recursive: true });
  const results = new Map();
  for (const t of TARGETS) for (const p of PRESETS) results.set(`${t.path} ${p.name}`, []);
  for (let i = 0; i < runs; i++) {
    for (const t of TARGETS) {
      for (const p of PRESETS) {
        const slug = `${t.path.replace(/^\/(bench\/)?/, "").replace(/\.html$/, "").replace(/[^a-z0-9]+/gi, "-") || "page"}-${p.name}-${i + 1}`;
        const started = Date.now();
        const r = await runOnce(baseUrl + t.path, p, join(outDir, `${slug}.json`));
        results.get(`${t.path} ${p.name}`).push(r);
        log(`lighthouse: ${t.name}, ${p.name}, run ${i + 1}/${runs}: score ${r.score}, CLS ${r.cls.toFixed(3)}, TBT ${Math.round(r.tbt)} ms (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        for (const w of r.warnings) log(`lighthouse:   warning: ${w}`);
      }
    }
  }
  const rows = [];
  for (const t of TARGETS) {
    for (const p of PRESETS) {
      const rs = results.get(`${t.path} ${p.name}`);
      const row = {
        target: t.name, preset: p.name, runs: rs,
        score: median(rs.map((r) => r.score)), cls: median(rs.map((r) => r.cls)), tbt: median(rs.map((r) => r.tbt)),
        fcp: median(rs.map((r) => r.fcp)), lcp: median(rs.map((r) => r.lcp)), si: median(rs.map((r) => r.si)),
        // The lowest of the runs: each is a list of checks that either pass or do not.
        others: [0, 1, 2].map((i) => Math.min(...rs.map((r) => r.others[i]))),
      };
      row.pass = { cls: row.cls < BUDGET.cls, tbt: row.tbt < BUDGET.tbt, score: row.score >= BUDGET.score };
      rows.push(row);
    }
  }
  return rows;
}

const mark = (pass) => (pass ? "pass" : "**miss**");

/** The Markdown table: one row per target × preset, each budget marked. */
export function table(rows, runs) {
  return [
    `| page | preset | performance score, median of ${runs} (≥ ${BUDGET.score}) | CLS (< ${BUDGET.cls}) | TBT (< ${BUDGET.tbt} ms) | FCP | LCP | Speed Index | accessibility, best practices, SEO (lowest run; 100 each) |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r.target} | ${r.preset} | ${r.score.toFixed(2)} ${mark(r.pass.score)} | ${r.cls.toFixed(3)} ${mark(r.pass.cls)} | ${Math.round(r.tbt)} ms ${mark(r.pass.tbt)} | ${(r.fcp / 1000).toFixed(2)} s | ${(r.lcp / 1000).toFixed(2)} s | ${(r.si / 1000).toFixed(2)} s | ${r.others.join(", ")} ${mark(r.others.every((x) => x === 100))} |`),
  ].join("\n");
}

/** What Lighthouse names for each CLS or TBT miss, read from the run with the median figure: the
 *  elements that shifted and by how much; the long tasks (over 50 ms, after the preset's
 *  throttling) and the script each is attributed to, with each script's main-thread time. */
export function misses(rows) {
  const short = (url) => (url ? url.replace(/^https?:\/\/[^/]+/, "") || "/" : "(none)");
  const out = [];
  for (const r of rows) {
    if (!r.pass.cls) {
      const run = medianRun(r.runs, "cls");
      out.push(`- ${r.target}, ${r.preset}: CLS ${r.cls.toFixed(3)} (run ${run.file.replace(/.*\//, "")}); shifted (x, y, width, height in CSS pixels of the viewport):`);
      for (const s of run.shifts.filter((s) => s.score > 0).slice(0, 5)) {
        const moved = s.sources.map((n) => `${n.node} from [${n.from}] to [${n.to}]`).join("; ");
        out.push(`  - at ${Math.round(s.at)} ms after navigation start, ${s.score.toFixed(4)}: ${moved || "(no node named)"}`);
      }
    }
    if (!r.pass.tbt) {
      const run = medianRun(r.runs, "tbt");
      out.push(`- ${r.target}, ${r.preset}: TBT ${Math.round(r.tbt)} ms (run ${run.file.replace(/.*\//, "")}); long tasks:`);
      for (const t of run.longTasks.slice(0, 6)) out.push(`  - at ${Math.round(t.startTime)} ms, ${Math.round(t.duration)} ms: ${short(t.url)}`);
      const scripts = run.bootup.slice(0, 4).map((b) => `${short(b.url)} ${Math.round(b.scripting)} ms scripting, ${Math.round(b.scriptParseCompile)} ms parse/compile`);
      out.push(`  - main-thread time by script: ${scripts.join("; ")}`);
    }
  }
  return out.join("\n");
}
