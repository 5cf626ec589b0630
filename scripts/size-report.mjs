// Prints raw, gzip and brotli bytes of every file in dist/, and the totals a visitor downloads
// for each door. `--json` prints the same as JSON (used by the benchmark).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { brotliSize, wasmSections } from "./wasm-sections.mjs";

/** dist/<cc>/…: the country pages (prerender --country-pages), one folder per country code. */
const countryFolders = new Set(
  readFileSync(join(import.meta.dirname, "..", "data", "countries.tsv"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t")[0].toLowerCase()),
);
const isCountryPage = (f) => countryFolders.has(f.split("/")[0]);
const root = process.argv.find((a) => !a.startsWith("--") && a !== process.argv[0] && a !== process.argv[1]) ?? "dist";
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const sizes = {};
/** Raw bytes of every country page but /mx/'s: compressing thousands of pages at brotli's
 *  quality 11 took most of a minute, and /mx/ stands for them in the totals. */
const countryPages = { files: 0, raw: 0 };
for (const file of walk(root).sort()) {
  const body = readFileSync(file);
  const name = relative(root, file);
  if (isCountryPage(name) && name !== "mx/index.html") {
    countryPages.files += 1;
    countryPages.raw += body.length;
    continue;
  }
  sizes[name] = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliSize(body),
  };
}
const pick = (test) => Object.entries(sizes).filter(([f]) => test(f));
const sum = (entries) => entries.reduce((t, [, s]) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
/** embed/lines-HASH/<cc>.js: one country's built-in lines, which the embed's wasm loads for the
 *  country it shows (all.js holds every country's, for the full layout). */
const isCountryLines = (f) => /^embed\/lines-[0-9a-f]+\/[a-z]{2}\.js$/.test(f);
const largestCountryLines = pick(isCountryLines).sort(([, a], [, b]) => b.brotli - a.brotli)[0];
const isRuntime = (f) => /^embed\/(freedom-widget-[0-9a-f]+(_bg\.wasm|\.js)|main-[0-9a-f]+\.js)$/.test(f);
// The page's own wasm and glue (with hydration) sit beside index.html.
const totals = {
  "script-tag embed (embed.js + main + glue + wasm)": sum(pick((f) => f === "embed/embed.js" || isRuntime(f))),
  // Issue 27's first view: what a compact or banner widget downloads before a visitor asks for
  // anything (its country's lines: the largest country's file stands for them), and the full
  // layout's, which lists every country.
  ...(largestCountryLines && {
    "first view, compact (+ a country's lines)": sum([...pick((f) => f === "embed/embed.js" || isRuntime(f)), largestCountryLines]),
    "first view, full layout (+ all lines)": sum(pick((f) => f === "embed/embed.js" || isRuntime(f) || /^embed\/lines-[0-9a-f]+\/all\.js$/.test(f))),
  }),
  // What shows the number: embed.js alone (its first paint), before anything else arrives.
  "script-tag first paint (embed.js)": sum(pick((f) => f === "embed/embed.js")),
  "standalone page (html + css + page.js + glue + wasm)": sum(pick((f) => !f.startsWith("embed/") && !f.includes("partners/") && !isCountryPage(f) && !f.startsWith("country-page-"))),
  // What a country page needs for its number: its HTML alone (its stylesheets are inlined); its
  // script, then the standalone page's glue and wasm, come after, for search and the rest.
  ...(sizes["mx/index.html"] && { "country page /mx/ (html, stylesheets inlined)": sum(pick((f) => f === "mx/index.html")) }),
  // Its own start-up script (js/country-page.js), which loads the same glue and wasm.
  "country pages' start-up script (country-page.js)": sum(pick((f) => f.startsWith("country-page-"))),
  // Added to either door only for a visitor who reads a language other than English.
  "+ one language other than English (the largest)": pick((f) => f.startsWith("embed/i18n/")).map(([, s]) => s).sort((a, b) => b.brotli - a.brotli)[0] ?? sum([]),
  // Loaded only by the partner kit's page, never by the embed or the standalone page.
  "partner kit's poster (apart: not in the embed)": sum(pick((f) => f.startsWith("partners/poster/"))),
};
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ files: sizes, totals, countryPages }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${"file".padEnd(52)}${"raw".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
  for (const [f, s] of Object.entries(sizes)) if (!isCountryLines(f)) console.log(`${f.padEnd(52)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
  // Each country's lines, a file each: their count, and the largest.
  const lines = pick(isCountryLines);
  if (lines.length) console.log(`${`+ ${lines.length} countries' lines, a file each (largest)`.padEnd(52)}${kb(largestCountryLines[1].raw)}${kb(largestCountryLines[1].gzip)}${kb(largestCountryLines[1].brotli)}`);
  // The other country pages, apart: the site serves them; no door loads them; not in the package.
  if (countryPages.files) console.log(`${`+ ${countryPages.files} other country pages (raw)`.padEnd(52)}${`${(countryPages.raw / 1048576).toFixed(1)} MB`.padStart(10)}`);
  for (const [name, s] of Object.entries(totals)) console.log(`${("= " + name).padEnd(52)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
  // core::release trusts the test key only in a build made with this variable: never to publish.
  if (process.env.FW_DATA_TRUST_TEST_KEY === "1") console.log("THIS BUILD TRUSTS THE TEST DATA KEY (FW_DATA_TRUST_TEST_KEY=1): for tests only, never publish it.");
  // The embed's wasm in two: its code, and the data it carries (each section compressed alone).
  const [wasm] = pick((f) => /^embed\/freedom-widget-[0-9a-f]+_bg\.wasm$/.test(f)).map(([f]) => f);
  if (wasm) {
    const { code, data } = wasmSections(readFileSync(join(root, wasm)));
    console.log(`${"  embed wasm's code section".padEnd(52)}${kb(code.length)}${"".padStart(10)}${kb(brotliSize(code))}`);
    console.log(`${"  embed wasm's data section".padEnd(52)}${kb(data.length)}${"".padStart(10)}${kb(brotliSize(data))}`);
  }
}
