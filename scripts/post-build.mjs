// Trunk's post_build hook: turns Trunk's output (the standalone page's wasm, built with the `page`
// feature) into the release layout (see README, "Build layout"). Each step is a function below,
// run in order at the end of the file:
//   embedWasm        the embed's own wasm (no page hydration), for the script tag, element and npm
//   nameWasm         short import names, minified glue, file names hashed from content (both builds)
//   rustAssets       what Rust says the JavaScript needs: option attributes, the first paint's
//                    table, time zones, languages
//   writeModules     each language and the time zones as a JavaScript module; each build's
//                    "freedom-widget:files" module, naming that build's hashed files; the first
//                    paint's "freedom-widget:first-paint" (its table and rules)
//   bundleDoors      esbuild bundles the doors from js/: embed.js (a classic script, with the first
//                    paint) and its main module, the npm index.js, the page's script
//   rewritePage      index.html: the page's script in place of Trunk's inline one, links renamed,
//                    the prerendered widget (Yew SSR, natively) so it reads without JavaScript
//   countryPages     a page per country and language (dist/<cc>/, dist/<cc>/<lang>/) from the
//                    page just written: all, or those FW_COUNTRY_PAGES names (MX,ES; none)
//   partnerKit       the partner kit's page and the poster's own wasm
//   integrity        Subresource Integrity of embed.js
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { shortenImports } from "./short-imports.mjs";

// esbuild (tools/package.json) bundles the doors and minifies what visitors download.
const esbuild = createRequire(import.meta.url)("../tools/node_modules/esbuild");
/** The syntax the source uses, so that no newer syntax stops an older browser before the
 *  first paint can show; the page's script awaits at its top level (ES2022). */
const TARGET = "es2020";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) throw new Error("post-build.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR unset)");
const embed = join(staging, "embed");
const src = (p) => join(source, p);
/** Frameworks whose templates get <freedom-widget>'s types from "freedom-widget/<name>": one
 *  js/templates/<name>.d.ts each (scripts/pack.mjs lists the same files as package entries). */
const TEMPLATE_FRAMEWORKS = readdirSync(src("js/templates")).filter((f) => f.endsWith(".d.ts")).map((f) => f.slice(0, -5));
const target = process.env.CARGO_TARGET_DIR ?? join(source, "target");
const hash = (text) => createHash("sha256").update(text).digest("hex").slice(0, 16);
/** Subresource Integrity value of a file's content. */
const sri = (content) => `sha384-${createHash("sha384").update(content).digest("base64")}`;
const run = (command, args) => execFileSync(command, args, { cwd: source, stdio: "inherit" });
/** Runs the native build tool (src/bin/prerender.rs) with these arguments. */
const prerender = (...args) => run("cargo", ["run", "--quiet", "--features", "native-tools", "--bin", "prerender", "--", ...args]);

/** Builds the embed's wasm: the same crate without the `page` feature, so partners' visitors do
 *  not download the page's hydration. Same tools and flags as Trunk's (wasm-bindgen --target web,
 *  wasm-opt -Oz --converge), with no default wasm URL in the glue: the loader always says where it
 *  is, and a default would name a file that is not in the package. */
function embedWasm() {
  run("cargo", ["build", "--quiet", "--release", "--offline", "--target", "wasm32-unknown-unknown", "--lib", "--features", "tables-apart"]);
  const out = join(target, "embed-bindgen");
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--omit-default-module-path", "--out-name", "freedom-widget", "--out-dir", out,
    join(target, "wasm32-unknown-unknown", "release", "freedom_widget.wasm")]);
  // --converge repeats -Oz until a round shrinks nothing more: about 0.5 KB less code (brotli)
  // than one round, for some 10 s more build time. index.html asks Trunk for the same.
  run("wasm-opt", ["-Oz", "--converge", "-o", join(out, "freedom-widget_bg.wasm"), join(out, "freedom-widget_bg.wasm")]);
  return { wasm: join(out, "freedom-widget_bg.wasm"), glue: join(out, "freedom-widget.js") };
}

/** Shortens the wasm's import names (scripts/short-imports.mjs), minifies the glue, and writes both
 *  into `dir` as freedom-widget-HASH(_bg.wasm|.js), HASH of what they hold. Trunk's glue has a
 *  default wasm URL (`defaultWasm`, a name Trunk then changed): it is set to the new name, so that
 *  no URL in the package names a file that is not in it. */
function nameWasm({ wasm: wasmPath, glue: gluePath }, dir, defaultWasm = null) {
  const short = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  let glue = esbuild.transformSync(short.glue, { minify: true, format: "esm", target: TARGET, legalComments: "none" }).code;
  const name = `freedom-widget-${hash(Buffer.concat([short.wasm, Buffer.from(glue)]))}`;
  if (defaultWasm) {
    const quoted = JSON.stringify(defaultWasm);
    if (glue.split(quoted).length !== 2) throw new Error(`post-build: ${quoted} is not named exactly once in Trunk's glue`);
    glue = glue.replace(quoted, JSON.stringify(`${name}_bg.wasm`));
  }
  writeFileSync(join(dir, `${name}_bg.wasm`), short.wasm);
  writeFileSync(join(dir, `${name}.js`), glue);
  return { glue: `${name}.js`, wasm: `${name}_bg.wasm`, integrity: sri(short.wasm) };
}

/** What Rust says the JavaScript needs (src/bin/prerender.rs, `build_assets`). */
function rustAssets() {
  const path = join(target, "freedom-widget-assets.json");
  prerender("--assets", path);
  return JSON.parse(readFileSync(path, "utf8"));
}

/** The rules of the widget's stylesheet that the first paint uses, adopted before the wasm
 *  arrives (they also reserve the widget's height). They open static/widget.css, up to its
 *  comment "end of first-paint rules". */
function hostCss() {
  const css = readFileSync(src("static/widget.css"), "utf8");
  const end = css.indexOf("/* end of first-paint rules");
  if (end < 0) throw new Error("post-build: static/widget.css has no `/* end of first-paint rules` comment");
  return esbuild.transformSync(css.slice(0, end), { loader: "css", minify: true, legalComments: "none" }).code.trim();
}

/** A JavaScript module whose default export is `value`: bundlers keep modules without any
 *  configuration, where a fetched data file is copied only by some. Named by its content. */
function writeModule(dir, stem, value) {
  const text = `export default ${JSON.stringify(value)};\n`;
  const name = `${stem}-${hash(text)}.js`;
  writeFileSync(join(dir, name), text);
  return name;
}

/** Each language but English and the time zones' table as modules in embed/; then the module
 *  "freedom-widget:files" of each build, written where its bundle will be (relative URLs), and
 *  the first paint's module. Returns the names the script tag's embed.js loads by URL. */
function writeModules(assets, embedFiles, pageFiles) {
  mkdirSync(join(embed, "i18n"), { recursive: true });
  const languages = Object.entries(assets.languages).map(([tag, messages]) => [tag, `i18n/${writeModule(join(embed, "i18n"), tag, JSON.stringify(messages))}`]);
  const zones = writeModule(embed, "zones", assets.zones);
  // Each country's built-in lines, and all of them in one, for the embed's wasm (which has
  // none compiled in: feature `tables-apart`), in a folder named by what they all hold: the map
  // of them is in the main module, which every visitor downloads, where one hash costs less
  // than one per file.
  const everyLine = Object.values(assets.lines).join("\n");
  const linesFolder = `lines-${hash(everyLine).slice(0, 8)}/`;
  mkdirSync(join(embed, linesFolder), { recursive: true });
  const lineFiles = [...Object.entries(assets.lines), ["all", everyLine]].map(([key, text]) => {
    writeFileSync(join(embed, linesFolder, `${key.toLowerCase()}.js`), `export default ${JSON.stringify(text)};\n`);
    return [key, `${linesFolder}${key.toLowerCase()}.js`];
  });
  const linesModules = (prefix) =>
    `{ ${lineFiles.map(([key, file]) => `${JSON.stringify(key)}: () => import(${JSON.stringify(prefix + file)})`).join(", ")} }`;
  // One static `new URL("…", import.meta.url)` or `import("./…")` per file, which bundlers
  // recognise; a URL built from a variable would defeat them.
  const files = (prefix, { wasm, glue, integrity }) =>
    [
      "// Written by scripts/post-build.mjs: this build's files, found by bundlers.",
      `export const WASM = ${JSON.stringify(wasm)};`,
      // Checked when the wasm comes from a folder on another origin (assetsUrl).
      `export const WASM_INTEGRITY = ${JSON.stringify(integrity)};`,
      `export const wasmUrl = () => new URL(${JSON.stringify(`./${wasm}`)}, import.meta.url);`,
      `export const glue = () => import(${JSON.stringify(`./${glue}`)});`,
      `export const LANGUAGES = { ${languages.map(([tag, file]) => `${JSON.stringify(tag)}: () => import(${JSON.stringify(prefix + file)})`).join(", ")} };`,
      `export const zones = () => import(${JSON.stringify(prefix + zones)});`,
      // The page's wasm has every country's lines compiled in.
      `export const LINES = ${prefix === "./" ? linesModules(prefix) : "{}"};`,
      `export const LINES_FOLDER = ${JSON.stringify(linesFolder)};`,
      `export const OPTION_ATTRIBUTES = ${JSON.stringify(assets.optionAttributes)};`,
      // What a link to the standalone page may set (core::options::LINK_OPTIONS).
      `export const LINK_OPTIONS = ${JSON.stringify(assets.linkOptions)};`,
      "",
    ].join("\n");
  writeFileSync(join(embed, "files.js"), files("./", embedFiles));
  // The pages' own: each country with a page of its own and that page's language (`/`'s list
  // leads to them in the page's language before its rows are taken over).
  writeFileSync(join(staging, "page-files.js"), `${files("./embed/", pageFiles)}export const COUNTRY_PAGES = ${JSON.stringify(assets.countryPages)};\n`);
  // The table as JSON text: V8 parses JSON.parse of a string much faster than an object literal
  // of the same size, and this runs before the number shows.
  // The standalone page's has the few messages only it says (its country comes from its link).
  const firstPaint = (table) => `export const TABLE = JSON.parse(${JSON.stringify(JSON.stringify(table))});\nexport const HOST_CSS = ${JSON.stringify(hostCss())};\n`;
  writeFileSync(join(staging, "first-paint.js"), firstPaint(assets.firstPaint));
  writeFileSync(join(staging, "page-first-paint.js"), firstPaint(assets.pageFirstPaint));
  return { zones, wasm: embedFiles.wasm, glue: embedFiles.glue, optionAttributes: assets.optionAttributes };
}

/** Bundles one door from js/ with esbuild: `modules` maps each "freedom-widget:…" name to the
 *  file written for this build; the hashed files they name stay separate (external), loaded
 *  only when needed. */
async function bundle(entry, outfile, modules, { minify = true, target = TARGET, format = "esm" } = {}) {
  const result = await esbuild.build({
    entryPoints: [src(`js/${entry}`)],
    outfile,
    bundle: true,
    format,
    target,
    minify,
    legalComments: minify ? "none" : "inline",
    write: false,
    external: ["./freedom-widget-*", "./i18n/*", "./lines-*", "./zones-*", "./embed/*"],
    plugins: [{
      name: "freedom-widget-modules",
      setup(build) {
        build.onResolve({ filter: /^freedom-widget:/ }, ({ path }) => {
          if (!modules[path]) throw new Error(`post-build: ${entry} imports ${path}, which this door does not provide`);
          return { path: modules[path] };
        });
      },
    }],
  });
  const [file] = result.outputFiles;
  writeFileSync(outfile, file.contents);
  return file.contents;
}

/** The doors: the script tag's embed.js (a classic script: the first paint, then its main module,
 *  hashed), the npm entries (kept readable: bundlers minify them with the rest of an app), and
 *  the page's script (hashed, with the page's first paint). All minified where visitors download them as they are. */
async function bundleDoors(moduleNames) {
  const files = join(embed, "files.js");
  const firstPaint = join(staging, "first-paint.js");
  const mainTmp = join(embed, "main.js");
  const main = await bundle("embed-main.js", mainTmp, { "freedom-widget:files": files });
  const mainName = `main-${hash(main)}.js`;
  writeFileSync(join(embed, mainName), main);
  const scriptTagFiles = join(staging, "embed-files.js");
  writeFileSync(scriptTagFiles, [
    `export const MAIN = ${JSON.stringify(mainName)};`,
    `export const WASM = ${JSON.stringify(moduleNames.wasm)};`,
    `export const GLUE = ${JSON.stringify(moduleNames.glue)};`,
    `export const ZONES = ${JSON.stringify(moduleNames.zones)};`,
    // The tag passes only these of its data- attributes to the element it creates.
    `export const OPTION_ATTRIBUTES = ${JSON.stringify(moduleNames.optionAttributes)};`,
    "",
  ].join("\n"));
  // An IIFE: runs as a classic script (the snippet) and as a module (older snippets) alike.
  await bundle("script-tag.js", join(embed, "embed.js"), { "freedom-widget:first-paint": firstPaint, "freedom-widget:embed-files": scriptTagFiles }, { format: "iife" });
  await bundle("npm-index.js", join(embed, "index.js"), { "freedom-widget:files": files, "freedom-widget:first-paint": firstPaint }, { minify: false });
  copyFileSync(src("js/npm-element.js"), join(embed, "element.js"));
  for (const types of ["index.d.ts", "element.d.ts"]) copyFileSync(src(`js/${types}`), join(embed, types));
  // Template types per framework; each entry's code is element.js (see scripts/pack.mjs).
  for (const framework of TEMPLATE_FRAMEWORKS) copyFileSync(src(`js/templates/${framework}.d.ts`), join(embed, `${framework}.d.ts`));
  const pageTmp = join(staging, "page.js");
  // The page's script draws its own first paint, from the same table.
  const pageFirstPaint = join(staging, "page-first-paint.js");
  const page = await bundle("page.js", pageTmp, { "freedom-widget:files": join(staging, "page-files.js"), "freedom-widget:first-paint": pageFirstPaint }, { target: "es2022" });
  const pageName = `page-${hash(page)}.js`;
  writeFileSync(join(staging, pageName), page);
  // A country's page (/mx/) has its own: the page's without its first paint and its table.
  const countryTmp = join(staging, "country-page.js");
  const country = await bundle("country-page.js", countryTmp, { "freedom-widget:files": join(staging, "page-files.js") }, { target: "es2022" });
  const countryName = `country-page-${hash(country)}.js`;
  writeFileSync(join(staging, countryName), country);
  for (const tmp of [pageTmp, countryTmp, mainTmp, files, firstPaint, pageFirstPaint, scriptTagFiles, join(staging, "page-files.js")]) rmSync(tmp);
  return { page: pageName, countryPage: countryName };
}

/** index.html: the page's script in place of Trunk's inline one (so the page runs under a CSP
 *  with no 'unsafe-inline'), links to the renamed wasm, glue and stylesheet, then the
 *  prerendered widget. */
function rewritePage(trunk, page, pageScript) {
  const indexPath = join(staging, "index.html");
  let html = readFileSync(indexPath, "utf8");
  const inline = /<script type="module">[\s\S]*?<\/script>/g;
  if (!inline.test(html)) throw new Error("post-build: Trunk's start-up script not found in index.html");
  // Chromium ignores (and warns about) integrity on a wasm preload; the glue keeps its own.
  if (!html.includes(`"./${trunk.glue}"`) || !html.includes(`"./${trunk.wasm}"`)) throw new Error("post-build: Trunk's links to the page's wasm not found in index.html");
  html = html.replaceAll(`"./${trunk.glue}"`, `"./${page.glue}"`).replaceAll(`"./${trunk.wasm}"`, `"./${page.wasm}"`);
  html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"/g, "$1");
  const preload = new RegExp(`(<link rel="modulepreload" href="\\./${page.glue.replaceAll(".", "\\.")}"[^>]*? integrity=")[^"]*"`);
  if (!preload.test(html)) throw new Error("post-build: the page glue's modulepreload not found in index.html");
  html = html.replace(preload, `$1${sri(readFileSync(join(staging, page.glue)))}"`);
  html = html.replace(inline, "").replace("</head>", `<script type="module" src="./${pageScript}"></script>\n</head>`);
  // The page's stylesheets (the page's own and the widget's), minified, renamed by their hash,
  // with their links' integrity recomputed. (The copy inside the wasm stays as written: minified,
  // it made the wasm larger under brotli.) Legal comments (`/*! … */`) stay where they are: the
  // country pages' prerender splits each stylesheet at one (src/bin/prerender/country_pages.rs).
  for (const stem of ["page", "widget"]) {
    const trunkCss = readdirSync(staging).find((f) => new RegExp(`^${stem}-[0-9a-f]+\\.css$`).test(f));
    const link = new RegExp(`<link rel="stylesheet" href="\\./${trunkCss?.replaceAll(".", "\\.")}" integrity="[^"]*"`);
    if (!trunkCss || !link.test(html)) throw new Error(`post-build: the page's stylesheet link for ${stem} not found in index.html`);
    const cssText = esbuild.transformSync(readFileSync(join(staging, trunkCss), "utf8"), { loader: "css", minify: true, legalComments: "inline" }).code;
    const cssName = `${stem}-${hash(cssText)}.css`;
    rmSync(join(staging, trunkCss));
    writeFileSync(join(staging, cssName), cssText);
    html = html.replace(link, `<link rel="stylesheet" href="./${cssName}" integrity="${sri(cssText)}"`);
  }
  writeFileSync(indexPath, html);
  prerender(indexPath);
}

/** A page per country with a line or an emergency number, in each language, from index.html as
 *  rewritePage left it (src/bin/prerender/country_pages.rs): static HTML that its own script
 *  (js/country-page.js, bundled as `script`) takes over. The prerender reads FW_COUNTRY_PAGES
 *  (unset or all: every country; none; or ISO codes: MX,ES), so a partner building the site
 *  chooses which pages to build, and FW_SITE_URL (absolute canonical and hreflang links). */
function countryPages(script) {
  prerender("--country-pages", staging, script);
}

/** The partner kit (plain JS, its own page: nothing of it is in the embed bundle), with the
 *  language list and the build's data channel from Rust, and the poster's own wasm (poster/: the widget's core without Yew,
 *  plus a QR encoder), built after Trunk's, so none of it can enter the embed. */
function partnerKit(assets) {
  const kit = join(staging, "partners");
  mkdirSync(kit, { recursive: true });
  for (const f of ["index.html", "configurator.css", "reserve.js"]) copyFileSync(src(`partners/${f}`), join(kit, f));
  run("cargo", ["build", "--quiet", "--release", "--target", "wasm32-unknown-unknown", "-p", "freedom-poster"]);
  const posterDir = join(kit, "poster");
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", posterDir, join(target, "wasm32-unknown-unknown", "release", "freedom_poster.wasm")]);
  const posterWasm = join(posterDir, "freedom_poster_bg.wasm");
  run("wasm-opt", ["-Oz", "--strip-debug", "--strip-producers", "-o", posterWasm, posterWasm]);
  // What Rust says, in place of each placeholder (named once each): the languages, the build's
  // data channel (FW_DATA_CHANNEL, "" for none), the channel field's default, and the countries
  // with a page of their own (code: main language), which the links and the QR code open.
  let configurator = readFileSync(src("partners/configurator.js"), "utf8");
  const placeholders = [["__LANGUAGES__", assets.languageNames], ["__DATA_CHANNEL__", assets.dataChannel], ["__COUNTRY_PAGES__", assets.countryPages]];
  for (const [placeholder, value] of placeholders) {
    if (configurator.split(placeholder).length !== 2) throw new Error(`post-build: partners/configurator.js names ${placeholder} other than once`);
    configurator = configurator.replace(placeholder, () => JSON.stringify(value));
  }
  writeFileSync(join(kit, "configurator.js"), configurator);
}

/** Subresource Integrity of the script tag's file, for the README snippet and the configurator. */
function integrity() {
  const embedSri = sri(readFileSync(join(embed, "embed.js")));
  writeFileSync(join(embed, "integrity.json"), JSON.stringify({ "embed.js": embedSri }, null, 2) + "\n");
  console.log(`post-build: embed.js integrity ${embedSri}`);
}

// Trunk built the standalone page's wasm (feature `page`: with hydration) at the top of dist/.
const trunkFiles = readdirSync(staging);
const trunk = {
  glue: trunkFiles.find((f) => /^freedom[-_]widget-[0-9a-f]+\.js$/.test(f)),
  wasm: trunkFiles.find((f) => /^freedom[-_]widget-[0-9a-f]+_bg\.wasm$/.test(f)),
};
if (!trunk.glue || !trunk.wasm) throw new Error(`post-build: no wasm-bindgen output in ${staging}: ${trunkFiles.join(", ")}`);
mkdirSync(embed, { recursive: true });

const embedFiles = nameWasm(embedWasm(), embed);
// wasm-bindgen, run by Trunk, names the wasm by the crate before Trunk adds its hash.
const pageFiles = nameWasm({ wasm: join(staging, trunk.wasm), glue: join(staging, trunk.glue) }, staging, "freedom-widget_bg.wasm");
rmSync(join(staging, trunk.wasm));
rmSync(join(staging, trunk.glue));
const assets = rustAssets();
const moduleNames = writeModules(assets, embedFiles, pageFiles);
const scripts = await bundleDoors(moduleNames);
rewritePage(trunk, pageFiles, scripts.page);
countryPages(scripts.countryPage);
partnerKit(assets);
integrity();
