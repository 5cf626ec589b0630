// Every page the site serves passes axe-core (WCAG 2.0–2.2 A and AA) and IBM Equal Access, in
// Chromium, Firefox ESR and WebKitGTK, with JavaScript on and off, in the light and the dark
// colour scheme (issue 28): Mexico's country pages in Spanish (/mx/, its main language) and in
// English (/mx/en/), and the standalone page (/). Against the release build in dist/, which must
// hold the country pages, which `bash scripts/build.sh` writes (all, unless FW_COUNTRY_PAGES says fewer).
// FW_ENGINES=webkit (say) runs one engine.
//
// JavaScript on: a page with a script is checked once the widget has taken it over (hydrated);
// a page without one (the country pages, before they have a script) once it has loaded.
//
// JavaScript off: the server sends the page without its <script> elements and script preloads,
// as the country pages are written (src/bin/prerender/country_pages.rs), to a browser that runs
// JavaScript, so that the checkers can run in the page. With the browsers' own switches they do
// not: axe-core's run never ended in Chromium, nor either checker's in Firefox (given 60 s each).
// A CSP header `script-src 'none'` also worked in all three engines (the page's scripts did not
// run; both checkers did, as they get past the page's own CSP), but it is a header the site never
// sends, and the scripts stay in the page; removed, the page is what the country pages are. The
// page must have no <noscript>: a browser with JavaScript off would show its content, this one
// does not.
import { after, before, describe } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ACE, AXE, TAGS, axeViolations, ibmViolations } from "../e2e/checkers.mjs";
import { DIST } from "../e2e/helpers.mjs";
import { serve, TYPES } from "../e2e/serve.mjs";
import { ENGINES, launch, testOnceMoreIfWebKitCrashed, until } from "./drivers.mjs";


/** The pages checked. `script: true`: the page has a script, so with JavaScript on it must be
 *  taken over (the country pages may or may not have one yet: either is checked as it is). */
const PAGES = [
  { path: "/mx/", file: "mx/index.html", what: "Mexico's page, in Spanish" },
  { path: "/mx/en/", file: "mx/en/index.html", what: "Mexico's page, in English" },
  { path: "/", file: "index.html", what: "the standalone page", script: true },
];

/** `html` as a browser without JavaScript gets it: nothing in it can run or be fetched to run. */
function withoutScripts(html) {
  const out = html
    .replace(/<script\b[\s\S]*?<\/script\s*>/gi, "")
    .replace(/<link\b[^>]*\brel="?(?:modulepreload|preload)\b[^>]*>/gi, "");
  assert.doesNotMatch(out, /<script\b/i, "a <script> left in the page served without scripts");
  assert.doesNotMatch(out, /<noscript\b/i, "a <noscript>: this test would not see it as a browser without JavaScript shows it");
  return out;
}

/** dist/ as it is; `scripts: false` sends each page (a path ending in / or .html) without its scripts. */
function server({ scripts = true } = {}) {
  const routes = new Proxy({}, {
    get(_, path) {
      if (scripts || typeof path !== "string" || !(path.endsWith("/") || path.endsWith(".html"))) return undefined;
      return (req, res) => {
        const file = join(DIST, decodeURIComponent(path), path.endsWith("/") ? "index.html" : "");
        if (!file.startsWith(DIST) || !existsSync(file)) return res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        res.writeHead(200, { "content-type": TYPES[".html"], "cache-control": "no-store" }).end(withoutScripts(readFileSync(file, "utf8")));
      };
    },
  });
  return serve({ root: DIST, routes });
}

/** In the page: resolves once nothing in the document has changed for `ms` (at most `limit` ms). */
function quiet(ms, limit) {
  return new Promise((done) => {
    let timer;
    const end = (settled) => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
      done(settled);
    };
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => end(true), ms);
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    timer = setTimeout(() => end(true), ms);
    const cap = setTimeout(() => end(false), limit);
  });
}

/**
 * Opens `url` and waits until it is ready to be checked; says which state it was checked in.
 * With a script, the page is ready when the widget has taken over: Yew's hydration removes the
 * markers its server rendering left around each component (`<!--<[…]>-->`), the list of every
 * country's a chunk at a time, so none left means every part is taken over, the country pages'
 * too (rendered by the same components), where the panel already shows the country before and
 * tests/e2e/helpers.mjs's `pageTakenOver` (a country shown, no first paint) would come too early.
 */
async function open(b, url) {
  await b.goto(url);
  await until(b, "the page loaded", () => document.readyState === "complete" && !!document.querySelector("#freedom-widget .fw"));
  if (!(await b.eval(() => document.scripts.length > 0))) return "no page script";
  await until(b, "the widget to take the page over", () => {
    const root = document.getElementById("freedom-widget");
    const markers = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    for (let c; (c = markers.nextNode()); ) if (c.data.startsWith("<[")) return false;
    return !document.querySelector(".first-paint, .page-first-cover");
  });
  // Its last renders (the visitor's language, the list re-sorted) have run.
  await b.eval(quiet, 500, 5000);
  return "taken over";
}

/** In the page: whether the widget speaks English, for IBM's a_target_warning, which knows
 *  English words only ("new tab"); read, not assumed, since a page's script may change it. */
const english = () => (document.querySelector("#freedom-widget .fw")?.lang ?? document.documentElement.lang).startsWith("en");

/** An expression for the driver to run (its script, not an eval in the page: WebKit holds that to
 *  the page's CSP, which has no 'unsafe-eval'): loads a checker, then runs it. */
const runAxe = () => `(async () => {\n${AXE}\n;return (${axeViolations})(${JSON.stringify(TAGS)});\n})()`;
const runIbm = (english) => `(async () => {\n${ACE}\n;window.ace = ace;\nreturn (${ibmViolations})(${english});\n})()`;

let withScripts, scriptless;
before(async () => {
  withScripts = await server();
  scriptless = await server({ scripts: false });
});
after(async () => {
  await withScripts?.close();
  await scriptless?.close();
});

for (const engine of ENGINES) {
  for (const colorScheme of ["light", "dark"]) {
    describe(`${engine}, ${colorScheme}`, () => {
      let b;
      before(async () => {
        b = await launch(engine, { colorScheme });
      });
      after(async () => {
        await b?.close();
      });
      /** A test run once more if WebKit's page crashed in it (drivers.mjs). */
      const check = testOnceMoreIfWebKitCrashed(() => b);

      for (const page of PAGES) {
        for (const javaScript of [true, false]) {
          const name = `${page.path} (${page.what}), JavaScript ${javaScript ? "on" : "off"}: zero axe and IBM violations`;
          check(name, async (t) => {
            const file = join(DIST, page.file);
            assert.ok(existsSync(file), `${file} is missing: build with bash scripts/build.sh (without FW_COUNTRY_PAGES=none)`);
            const state = await open(b, `${(javaScript ? withScripts : scriptless).url}${page.path}`);
            if (!javaScript) assert.equal(state, "no page script");
            if (javaScript && page.script) assert.equal(state, "taken over");
            t.diagnostic(`checked: ${state}`);
            const scheme = await b.eval(() => matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
            assert.equal(scheme, colorScheme, "the page sees the colour scheme asked for");
            const found = [
              ...(await b.eval(runAxe())).map((v) => `axe-core: ${v}`),
              ...(await b.eval(runIbm(await b.eval(english)))).map((v) => `IBM: ${v}`),
            ];
            if (found.length) assert.fail(`${engine}, ${colorScheme}, ${page.path}, JavaScript ${javaScript ? "on" : "off"} (${state}): ${found.length} violations\n${found.join("\n")}`);
          });
        }
      }
    });
  }
}
