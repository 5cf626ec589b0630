// Trunk post_build hook: turns Trunk's output into the release layout (see README, "Build layout").
// - embed/: embed.js (script-tag door), index.js + element.js (npm), types, the embed's own wasm
//   and glue (built here without the page's hydration), and fallback-<hash>.json (one line per country, read only if the wasm cannot run);
// - page-<hash>.js (loading Trunk's wasm, built with the `page` feature) replaces Trunk's inline start-up script, so the page runs under a CSP with
//   no 'unsafe-inline';
// - index.html gets the prerendered widget (Yew SSR, natively) so it reads without JavaScript.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { shortenImports } from "./short-imports.mjs";

// esbuild (tools/package.json) minifies what visitors download: the glue, embed.js, page.js and
// the page's stylesheet.
const { transformSync } = createRequire(import.meta.url)("../tools/node_modules/esbuild");
/** The same module, minified: names local to it shortened, comments and spaces gone. Exports,
 *  imports, `import.meta.url` and property names (the wasm's imports among them) are kept. The
 *  target is the syntax the source already uses, so that no newer syntax stops an older browser
 *  before the no-wasm fallback can show. */
const minify = (code, target = "es2020") => transformSync(code, { minify: true, format: "esm", target, legalComments: "none" }).code;
const minifyCss = (css) => transformSync(css, { loader: "css", minify: true, legalComments: "none" }).code;

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error("post-build.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR unset)");
const embed = join(staging, "embed");
const src = (p) => join(source, p);
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);
/** Subresource Integrity value of a file's content. */
const sri = (content) => `sha384-${createHash("sha384").update(content).digest("base64")}`;

/** Shortens the wasm's import names (scripts/short-imports.mjs), minifies the glue, and writes the wasm and its glue
 *  into `dir` as freedom-widget-HASH(_bg.wasm|.js), HASH of what they now hold; returns the names. */
function shortenAndName(wasmPath, gluePath, dir) {
  const short = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  const glue = minify(short.glue);
  const name = `freedom-widget-${hash(Buffer.concat([short.wasm, Buffer.from(glue)]))}`;
  writeFileSync(join(dir, `${name}_bg.wasm`), short.wasm);
  writeFileSync(join(dir, `${name}.js`), glue);
  return { glue: `${name}.js`, wasm: `${name}_bg.wasm` };
}

// Trunk built the standalone page's wasm (feature `page`: with hydration) at the top of dist/.
const pageFiles = readdirSync(staging);
const trunkGlue = pageFiles.find((f) => /^freedom[-_]widget-[0-9a-f]+\.js$/.test(f));
const trunkWasm = pageFiles.find((f) => /^freedom[-_]widget-[0-9a-f]+_bg\.wasm$/.test(f));
if (!trunkGlue || !trunkWasm) throw new Error(`post-build: no wasm-bindgen output in ${staging}: ${pageFiles.join(", ")}`);

// The embed's own wasm: the same crate without the `page` feature, so partners' visitors do not
// download the page's hydration. Same tools and flags as Trunk's (wasm-bindgen --target web,
// wasm-opt -Oz), then named by a hash of the content like Trunk's files.
const target = process.env.CARGO_TARGET_DIR ?? join(source, "target");
mkdirSync(embed, { recursive: true });
execFileSync("cargo", ["build", "--quiet", "--release", "--offline", "--target", "wasm32-unknown-unknown", "--lib"], { cwd: source, stdio: "inherit" });
const bindgenOut = join(target, "embed-bindgen");
execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-name", "freedom-widget", "--out-dir", bindgenOut,
  join(target, "wasm32-unknown-unknown", "release", "freedom_widget.wasm")], { stdio: "inherit" });
execFileSync("wasm-opt", ["-Oz", "-o", join(bindgenOut, "freedom-widget_bg.wasm"), join(bindgenOut, "freedom-widget_bg.wasm")], { stdio: "inherit" });
const { glue, wasm } = shortenAndName(join(bindgenOut, "freedom-widget_bg.wasm"), join(bindgenOut, "freedom-widget.js"), embed);

// The page's files get the same short import names, and then names hashed from what they now
// hold (Trunk's hash was of its output, before the renaming): a cached glue can never meet a wasm
// with other import names. index.html's links to them are rewritten below.
const { glue: pageGlue, wasm: pageWasm } = shortenAndName(join(staging, trunkWasm), join(staging, trunkGlue), staging);
rmSync(join(staging, trunkWasm));
rmSync(join(staging, trunkGlue));

// The option attributes, read from their one declaration in Rust.
const optionsRs = readFileSync(src("src/core/options.rs"), "utf8");
const attributes = [...optionsRs.matchAll(/OptionSpec \{ attribute: "([a-z-]+)"/g)].map((m) => m[1]);
if (attributes.length === 0) throw new Error("post-build: no OptionSpec found in src/core/options.rs");

// The :host and fallback rules of the widget's stylesheet, adopted before the wasm arrives
// (so the height is reserved, and a fallback is readable if the wasm never comes).
const css = readFileSync(src("static/widget.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");
const hostCss = [...css.matchAll(/^(:host|\.fw-fallback)[^{]*\{[^}]*\}/gm)].map((m) => m[0]).join("\n");
if (!hostCss.includes("block-size")) throw new Error("post-build: :host rules not found in static/widget.css");

// Fallback lines, generated natively from the validated data.
const cargo = ["run", "--quiet", "--features", "native-tools", "--bin", "prerender", "--"];
const fallbackTmp = join(embed, "fallback.json");
execFileSync("cargo", [...cargo, "--fallback", fallbackTmp], { cwd: source, stdio: "inherit" });
const fallbackText = readFileSync(fallbackTmp, "utf8");
const fallback = `fallback-${hash(fallbackText)}.json`;
renameSync(fallbackTmp, join(embed, fallback));

// Every language but English as its own file, {"key": "text"}, fetched only by visitors who read
// it (build.rs has checked every .ftl against English; the wasm carries English alone).
const languageFiles = {};
mkdirSync(join(embed, "i18n"), { recursive: true });
for (const file of readdirSync(src("i18n")).filter((f) => f.endsWith(".ftl") && f !== "en.ftl").sort()) {
  const messages = {};
  for (const line of readFileSync(src(`i18n/${file}`), "utf8").split("\n")) {
    const at = line.indexOf(" = ");
    if (at > 0 && !line.startsWith("#") && !line.startsWith("-")) messages[line.slice(0, at).trim()] = line.slice(at + 3).trim();
  }
  const text = JSON.stringify(messages);
  const tag = file.slice(0, -4);
  languageFiles[tag] = `i18n/${tag}-${hash(text)}.json`;
  writeFileSync(join(embed, languageFiles[tag]), text);
}

// As code, one static `new URL("…", import.meta.url)` per file, which bundlers (Vite, webpack)
// recognise and copy; a URL built from a variable would defeat them.
const languageFilesJs = (prefix) =>
  `{ ${Object.entries(languageFiles).map(([tag, f]) => `${JSON.stringify(tag)}: () => new URL(${JSON.stringify(prefix + f)}, import.meta.url)`).join(", ")} }`;

const fill = (text, prefix = "./") =>
  text
    .replaceAll("__PAGE_GLUE__", pageGlue)
    .replaceAll("__PAGE_WASM__", pageWasm)
    .replaceAll("__LANGUAGE_FILES__", languageFilesJs(prefix))
    .replaceAll("__OPTION_ATTRIBUTES__", JSON.stringify(attributes))
    .replaceAll("__HOST_CSS__", JSON.stringify(hostCss))
    .replaceAll("__GLUE__", glue)
    .replaceAll("__WASM__", wasm)
    .replaceAll("__FALLBACK__", fallback)
    .replaceAll("__DIRECTORY__", "../index.html");

const core = fill(readFileSync(src("js/widget.js"), "utf8"));
// npm's entry stays readable (bundlers minify it with the rest of an app); the script tag's file
// is what visitors download.
writeFileSync(join(embed, "index.js"), core);
writeFileSync(join(embed, "embed.js"), minify(core + readFileSync(src("js/embed-tail.js"), "utf8")));
copyFileSync(src("js/element.js"), join(embed, "element.js"));
for (const types of ["index.d.ts", "element.d.ts"]) copyFileSync(src(`js/${types}`), join(embed, types));

// The page's start-up script, hashed, in place of Trunk's inline one.
// (It awaits at its top level: ES2022.)
const pageJs = minify(fill(readFileSync(src("js/page.js"), "utf8"), "./embed/"), "es2022");
const pageName = `page-${hash(pageJs)}.js`;
writeFileSync(join(staging, pageName), pageJs);
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module">[\s\S]*?<\/script>/g;
if (!inline.test(html)) throw new Error("post-build: Trunk's start-up script not found in index.html");
// Chromium ignores (and warns about) integrity on a wasm preload; the glue keeps its own.
if (!html.includes(`"./${trunkGlue}"`) || !html.includes(`"./${trunkWasm}"`)) throw new Error("post-build: Trunk's links to the page's wasm not found in index.html");
html = html.replaceAll(`"./${trunkGlue}"`, `"./${pageGlue}"`).replaceAll(`"./${trunkWasm}"`, `"./${pageWasm}"`);
html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"/g, "$1");
const pageGlueSri = sri(readFileSync(join(staging, pageGlue)));
const preload = new RegExp(`(<link rel="modulepreload" href="\\./${pageGlue.replaceAll(".", "\\.")}"[^>]*? integrity=")[^"]*"`);
if (!preload.test(html)) throw new Error("post-build: the page glue's modulepreload not found in index.html");
html = html.replace(preload, `$1${pageGlueSri}"`);
html = html.replace(inline, "").replace("</head>", `<script type="module" src="./${pageName}"></script>\n</head>`);
// The page's stylesheet, minified, renamed by its hash, with its link's integrity recomputed. (The
// copy inside the wasm stays as written: minified, it made the wasm larger under brotli.)
{
  const trunkCss = pageFiles.find((f) => /^widget-[0-9a-f]+\.css$/.test(f));
  const link = new RegExp(`<link rel="stylesheet" href="\\./${trunkCss?.replaceAll(".", "\\.")}" integrity="[^"]*"`);
  if (!trunkCss || !link.test(html)) throw new Error("post-build: the page's stylesheet link not found in index.html");
  const cssText = minifyCss(readFileSync(join(staging, trunkCss), "utf8"));
  const cssName = `widget-${hash(cssText)}.css`;
  rmSync(join(staging, trunkCss));
  writeFileSync(join(staging, cssName), cssText);
  html = html.replace(link, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(cssText)}"`);
}
writeFileSync(indexPath, html);
execFileSync("cargo", [...cargo, indexPath], { cwd: source, stdio: "inherit" });

// The partner kit (plain JS, its own page: nothing of it is in the embed bundle), with the
// language list read from i18n/*.ftl.
{
  const kit = join(staging, "partners");
  mkdirSync(kit, { recursive: true });
  const languages = readdirSync(src("i18n")).filter((f) => f.endsWith(".ftl")).sort().map((f) => {
    const name = readFileSync(src(`i18n/${f}`), "utf8").match(/^-lang-name = (.+)$/m)[1];
    return [f.slice(0, -4), name];
  });
  for (const f of ["index.html", "configurator.css"]) copyFileSync(src(`partners/${f}`), join(kit, f));
  // The poster's own wasm (poster/: the widget's core without Yew, plus a QR encoder), built
  // after Trunk's, so none of it can enter the embed; the size report lists it apart.
  execFileSync("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "-p", "freedom-poster"], { cwd: source, stdio: "inherit" });
  const posterDir = join(kit, "poster");
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", posterDir,
    join(target, "wasm32-unknown-unknown", "release", "freedom_poster.wasm")], { stdio: "inherit" });
  const posterWasm = join(posterDir, "freedom_poster_bg.wasm");
  execFileSync("wasm-opt", ["-Oz", "--strip-debug", "--strip-producers", "-o", posterWasm, posterWasm], { stdio: "inherit" });
  writeFileSync(join(kit, "configurator.js"), readFileSync(src("partners/configurator.js"), "utf8").replace("__LANGUAGES__", JSON.stringify(languages)));
}

// Subresource Integrity of the script tag's file, for the README snippet and the configurator.
const embedJs = readFileSync(join(embed, "embed.js"));
const embedSri = sri(embedJs);
writeFileSync(join(embed, "integrity.json"), JSON.stringify({ "embed.js": embedSri }, null, 2) + "\n");
console.log(`post-build: embed.js integrity ${embedSri}`);
