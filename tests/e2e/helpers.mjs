// Shared by the end-to-end tests: Debian's Chromium driven by playwright-core (it never downloads
// a browser), the built dist/ served over HTTP on localhost, and a record of console messages.
import { after, before } from "node:test";
import { chromium } from "../../tools/node_modules/playwright-core/index.mjs";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extname } from "node:path";
import { serve, TYPES } from "./serve.mjs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const PAGES = join(ROOT, "tests", "e2e", "pages");

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** Serves dist/ plus test host pages from tests/e2e/pages at /pages/<name>. */
export function serveDist(options = {}) {
  const routes = { ...(options.routes ?? {}) };
  return serve({ root: DIST, ...options, routes: new Proxy(routes, {
    get(target, path) {
      if (path in target) return target[path];
      if (typeof path === "string" && path.startsWith("/pages/")) {
        return (req, res) => {
          try {
            const body = readFileSync(join(PAGES, path.slice("/pages/".length)));
            const headers = { "content-type": TYPES[extname(path)] ?? "text/plain", "cache-control": "no-store" };
            if (options.pageCsp && path.endsWith(".html")) headers["content-security-policy"] = options.pageCsp;
            res.writeHead(200, headers).end(body);
          } catch {
            res.writeHead(404).end();
          }
        };
      }
      return undefined;
    },
  }) });
}

/** Collects console messages and page errors of a page. */
export function watch(page) {
  // `errorsAt`: each error with the URL it names (a failed load's is the file's; "" if none).
  const seen = { errors: [], warnings: [], all: [], errorsAt: [] };
  page.on("console", (m) => {
    const text = m.text();
    seen.all.push(`${m.type()}: ${text}`);
    if (m.type() === "error") {
      seen.errors.push(text);
      seen.errorsAt.push({ text, url: m.location()?.url ?? "" });
    }
    if (m.type() === "warning") seen.warnings.push(text);
  });
  page.on("pageerror", (e) => {
    seen.errors.push(`uncaught: ${e.message}`);
    seen.errorsAt.push({ text: `uncaught: ${e.message}`, url: "" });
  });
  return seen;
}

/** Text of the first element matching `selector` inside the widget's shadow root. */
export function inWidget(page, selector, host = "freedom-widget") {
  return page.locator(`${host} >> ${selector}`);
}

/** One server for dist/ and one browser for a whole test file, started before and closed after. */
export function setup(serverOptions = {}) {
  const env = {};
  before(async () => {
    env.server = await serveDist(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/** The standalone page has taken over: its own country panel shows a country (its lines, or
 *  the emergency number where it has none; the prerender shows neither), and its first paint
 *  (js/page.js: the same, drawn before the wasm arrived) is gone. */
export function pageTakenOver(page) {
  return page.waitForFunction(() => document.querySelector("#freedom-widget .panel :is(.cards, .emergency)") && !document.querySelector(".first-paint, .page-first-cover"));
}

/** Waits until `seen` (from watch()) holds a console warning containing `text`, failing after
 *  `timeout` ms: for a load that ends by saying so (the wasm given up, a file refused). */
export async function warned(page, seen, text, timeout = 10_000) {
  for (const end = Date.now() + timeout; !seen.warnings.some((w) => w.includes(text)); await page.waitForTimeout(50)) {
    if (Date.now() > end) throw new Error(`no warning with "${text}" within ${timeout} ms; warnings:\n${seen.warnings.join("\n")}`);
  }
}

/** Waits for `n` animation frames: what the last frame drew (and its layout-shift entries) is in. */
export function frames(page, n = 2) {
  return page.evaluate((n) => new Promise((done) => { const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : done()); step(n); }), n);
}
