// Prints raw, gzip and brotli bytes of every file in dist/, and the totals a visitor downloads
// for each door. `--json` prints the same as JSON (used by the benchmark).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { brotliSize, wasmSections } from "./wasm-sections.mjs";

const root = process.argv.find((a) => !a.startsWith("--") && a !== process.argv[0] && a !== process.argv[1]) ?? "dist";
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
const sizes = {};
for (const file of walk(root).sort()) {
  const body = readFileSync(file);
  sizes[relative(root, file)] = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliSize(body),
  };
}
const pick = (test) => Object.entries(sizes).filter(([f]) => test(f));
const sum = (entries) => entries.reduce((t, [, s]) => ({ raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const isRuntime = (f) => /^embed\/(freedom-widget-[0-9a-f]+(_bg\.wasm|\.js)|main-[0-9a-f]+\.js)$/.test(f);
// The page's own wasm and glue (with hydration) sit beside index.html.
const totals = {
  "script-tag embed (embed.js + main + glue + wasm)": sum(pick((f) => f === "embed/embed.js" || isRuntime(f))),
  // What shows the number: embed.js alone (its first paint), before anything else arrives.
  "script-tag first paint (embed.js)": sum(pick((f) => f === "embed/embed.js")),
  "standalone page (html + css + page.js + glue + wasm)": sum(pick((f) => !f.startsWith("embed/")).filter(([f]) => !f.includes("partners/"))),
  // Added to either door only for a visitor who reads a language other than English.
  "+ one language other than English (the largest)": pick((f) => f.startsWith("embed/i18n/")).map(([, s]) => s).sort((a, b) => b.brotli - a.brotli)[0] ?? sum([]),
  // Loaded only by the partner kit's page, never by the embed or the standalone page.
  "partner kit's poster (apart: not in the embed)": sum(pick((f) => f.startsWith("partners/poster/"))),
};
if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ files: sizes, totals }, null, 2));
} else {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`.padStart(10);
  console.log(`${"file".padEnd(52)}${"raw".padStart(10)}${"gzip".padStart(10)}${"brotli".padStart(10)}`);
  for (const [f, s] of Object.entries(sizes)) console.log(`${f.padEnd(52)}${kb(s.raw)}${kb(s.gzip)}${kb(s.brotli)}`);
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
