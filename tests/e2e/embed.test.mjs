// The script tag and <freedom-widget> on partner pages we do not control.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DIST, frames, launch, serveDist, warned, watch } from "./helpers.mjs";

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, strict, cdn, browser;

before(async () => {
  server = await serveDist();
  strict = await serveDist({ pageCsp: STRICT_CSP });
  // A second origin, as a CDN would be: the page on 127.0.0.1, the embed on 127.0.0.2.
  cdn = await serveDist({ host: "127.0.0.2", cors: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of [server, strict, cdn]) await s?.close();
});

async function open(url, contextOptions = {}) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York", ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const seen = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  return { context, page, seen, requests };
}

/** The widget shows the line: its tel: link is visible, large enough and clickable. `within`:
 *  the widget itself (`.fw-mount`, shown once it has taken over from the first paint), or the
 *  first paint (`.fw-first`), which is all there is when the wasm cannot run. */
async function assertDialable(page, host, href, within = ".fw-mount") {
  const link = page.locator(`${host} >> ${within} a[href="${href}"]`).first();
  await link.waitFor({ state: "visible" });
  await link.scrollIntoViewIfNeeded();
  const box = await link.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, `target ${box.width}×${box.height} is at least 24×24`);
  // Clickable: nothing covers its centre.
  const hit = await link.evaluate((a) => {
    const r = a.getBoundingClientRect();
    const root = a.getRootNode();
    const at = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return at === a || a.contains(at);
  });
  assert.ok(hit, `${href} is not covered`);
}

/** Holds back the files matching `file` of every page in `context` until the returned
 *  `release()` is called. */
async function holdBack(context, file) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(file, async (route) => {
    await released;
    return route.continue();
  });
  return release;
}

/** Holds back the wasm of every page in `context` until the returned `release()` is called. */
const holdWasm = (context) => holdBack(context, /_bg\.wasm$/);

async function hostUnchanged(page, id, text) {
  assert.equal(await page.locator(`#${id}`).textContent(), text);
}

describe("script tag", () => {
  test("on a plain page: mounts after the tag, shows the US line, host content unchanged", async () => {
    const { context, page, seen, requests } = await open(`${server.url}/pages/plain.html`);
    await assertDialable(page, "freedom-widget", "tel:+18883737888");
    const order = await page.evaluate(() => {
      const w = document.querySelector("freedom-widget");
      return [w.previousElementSibling.tagName, w.nextElementSibling.id];
    });
    assert.deepEqual(order, ["SCRIPT", "after"]);
    await hostUnchanged(page, "host-text", "The partner's own content stays as it is.");
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector("#host-heading")).fontSize), "32px", "the widget's CSS does not leak out");
    assert.deepEqual(seen.errors.filter((e) => !e.includes("favicon") && !e.includes("404")), []);
    // The one error expected is Chromium's own ask for the host's /favicon.ico, which this page
    // does not have. Any other, a 404 for one of the widget's files included, fails.
    assert.deepEqual(seen.errorsAt.filter((e) => new URL(e.url || "about:blank").pathname !== "/favicon.ico"), [], "no error but the host's missing favicon");
    const foreign = requests.filter((u) => !u.startsWith(`${server.url}/embed/`) && !u.startsWith(`${server.url}/pages/`) && !u.endsWith("/favicon.ico"));
    assert.deepEqual(foreign, [], "no request beyond the embed's own files");
    // The browser's language names the country (en-US): the time zones' table is not fetched.
    assert.deepEqual(requests.filter((u) => new URL(u).pathname.startsWith("/embed/zones-")), [], "no time zones' table");
    await context.close();
  });

  test("on a hostile page under a strict CSP: still styled, visible and dialable", async () => {
    const { context, page, seen } = await open(`${strict.url}/pages/hostile.html`);
    await page.waitForFunction(() => window.hostileReady);
    await assertDialable(page, "freedom-widget", "tel:+18883737888");
    const look = await page.locator("freedom-widget >> .fw-mount .channel-phone").first().evaluate((a) => {
      const s = getComputedStyle(a);
      return { size: parseFloat(s.fontSize), colour: s.color, display: s.display };
    });
    assert.ok(look.size >= 16, `font size ${look.size}px survives the host's 4px`);
    assert.notEqual(look.colour, "rgb(255, 255, 0)", "host link colour does not reach in");
    assert.notEqual(look.display, "none");
    await hostUnchanged(page, "host-text", "The partner's own content stays as it is.");
    const cspViolations = seen.errors.filter((e) => /Content Security Policy/i.test(e));
    assert.deepEqual(cspViolations, [], "nothing the widget does needs more than 'wasm-unsafe-eval'");
    assert.deepEqual(seen.errors.filter((e) => e.startsWith("uncaught")), []);
    await context.close();
  });

  test("served from another origin (a CDN) with CORS", async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>
      <p id="host-text">Partner</p>
      <script type="module" src="${cdn.url}/embed/embed.js" data-country="MX"></script></body></html>`;
    const page_ = await serveDist({ routes: { "/cdn.html": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html) } });
    const { context, page } = await open(`${page_.url}/cdn.html`);
    await assertDialable(page, "freedom-widget", "tel:+528005533000");
    await hostUnchanged(page, "host-text", "Partner");
    await context.close();
    await page_.close();
  });

  test("a server that sends the wasm without its type (application/octet-stream) still runs the widget", async () => {
    // Many hosts' servers predate WebAssembly: the browser cannot compile such a response as it
    // streams, so the loader compiles the whole file instead, and says nothing alarming.
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    await context.route(/_bg\.wasm$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), "content-type": "application/octet-stream" } });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const seen = watch(page);
    await page.goto(`${server.url}/pages/plain.html`);
    await assertDialable(page, "freedom-widget", "tel:+18883737888");
    assert.deepEqual(seen.warnings, [], "no console warning");
    await context.close();
  });

  test("a host that answers the wasm's URL with its own HTML page: the first paint stays and dials, one warning says why", async () => {
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    await context.route(/_bg\.wasm$/, (route) =>
      route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Our site</title><p>Welcome</p>" }),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const seen = watch(page);
    await page.goto(`${server.url}/pages/plain.html`);
    await warned(page, seen, "could not start");
    await assertDialable(page, "freedom-widget", "tel:+18883737888", ".fw-first");
    const why = seen.warnings.filter((w) => w.includes("could not start"));
    assert.equal(why.length, 1, seen.warnings.join("\n"));
    assert.match(why[0], /not the widget's WebAssembly/);
    assert.deepEqual(seen.errors.filter((e) => e.startsWith("uncaught")), []);
    await context.close();
  });

  test("data-target mounts inside the named element", async () => {
    const { context, page } = await open(`${server.url}/pages/target.html`);
    await assertDialable(page, "#help-box freedom-widget", "tel:+448000121700");
    await context.close();
  });

  test("reserves its height before the wasm arrives: no layout shift", async () => {
    // The wasm held back until release(), so "before" is measured while it has not arrived.
    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    const release = await holdWasm(context);
    await context.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.shifts.push(e.value))).observe({ type: "layout-shift", buffered: true });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const asked = page.waitForRequest(/_bg\.wasm$/);
    await page.goto(`${server.url}/pages/plain.html`);
    await asked;
    assert.equal(await page.locator("freedom-widget >> .fw-mount").count(), 0, "the widget has not started yet");
    const before = await page.evaluate(() => document.querySelector("#after").getBoundingClientRect().top);
    release();
    await page.locator('freedom-widget >> .fw-mount a[href="tel:+18883737888"]').first().waitFor();
    // Two frames on, the widget's layout and any shift it made are reported.
    await frames(page);
    const after_ = await page.evaluate(() => document.querySelector("#after").getBoundingClientRect().top);
    assert.equal(after_, before, "content below the widget did not move");
    assert.deepEqual(await page.evaluate(() => window.shifts), [], "no layout shift");
    await context.close();
  });

  test("when the wasm cannot load: the first paint stays and dials, the host page keeps working, nothing uncaught", async () => {
    const broken = await serveDist({ routes: {} });
    const context = await browser.newContext({ locale: "en-US" });
    await context.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(`${broken.url}/pages/plain.html`);
    await assertDialable(page, "freedom-widget", "tel:+18883737888", ".fw-first");
    assert.match(await page.locator("freedom-widget >> .fw-first").textContent(), /National Human Trafficking Hotline/);
    // Peru's line rests on one page: a partner who asked for second-source-only gets Peru's
    // emergency number alone (as the widget shows it); without the option, the line.
    await page.evaluate(() => {
      for (const only of [false, true]) {
        const el = document.createElement("freedom-widget");
        el.setAttribute("country", "PE");
        el.id = only ? "pe-only" : "pe-all";
        if (only) el.setAttribute("second-source-only", "");
        document.body.append(el);
      }
    });
    await page.locator('#pe-all >> .fw-first a[href="tel:1818"]').waitFor();
    await page.locator('#pe-only >> .fw-first a[href="tel:105"]').waitFor();
    assert.equal(await page.locator('#pe-only >> .fw-first a[href="tel:1818"]').count(), 0);
    await hostUnchanged(page, "host-text", "The partner's own content stays as it is.");
    assert.deepEqual(seen.errors.filter((e) => e.startsWith("uncaught")), []);
    assert.ok(seen.warnings.some((w) => w.includes("freedom-widget: the widget could not start")));
    await context.close();
    await broken.close();
  });
});

describe("each country's lines, from a file of its own", () => {
  // The embed's wasm has no line or emergency number compiled in (feature `tables-apart`): a
  // compact widget downloads those of the country it shows, another country's when a visitor
  // picks it.
  // /w.html?layout=compact&country=US: a page with the element, its attributes from the query.
  let s;
  before(async () => {
    s = await serveDist({ routes: { "/w.html": (q, r) => {
      const attributes = [...new URL(q.url, "http://x").searchParams].map(([k, v]) => ` ${k}="${v}"`).join("");
      r.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>
        <script type="module" src="/embed/embed.js"></script></head><body><freedom-widget${attributes}></freedom-widget></body></html>`);
    } } });
  });
  after(async () => {
    s.server.closeAllConnections();
    await s.close();
  });
  const linesOf = (requests, key) => requests.filter((u) => new RegExp(`/embed/lines-[0-9a-f]+/${key}\\.js$`).test(u));
  /** A compact widget on the US whose visitor picks Mexico, Mexico's file answered by `answer`
   *  (a route handler) and refused: resolves once that is said and the US line still dials. */
  async function pickedMexicoRefused(answer) {
    const context = await browser.newContext({ locale: "en-US" });
    await context.route(/\/embed\/lines-[0-9a-f]+\/mx\.js$/, answer);
    const p = await context.newPage();
    p.setDefaultTimeout(10_000);
    const seen = watch(p);
    await p.goto(`${s.url}/w.html?layout=compact&country=US`);
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    await pickMexico(p);
    await warned(p, seen, "numbers of \"MX\"");
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    return { context, p, seen };
  }
  /** The visitor finds Mexico in the widget's finder and picks it. */
  const pickMexico = async (p) => {
    await p.locator("freedom-widget >> #fw-search").fill("mexico");
    await p.locator("freedom-widget >> #fw-results button.result").first().click();
  };

  test("a picked country takes the focus to its heading, unless the visitor has gone on before its lines came", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    const release = await holdBack(context, /\/embed\/lines-[0-9a-f]+\/mx\.js$/);
    const p = await context.newPage();
    p.setDefaultTimeout(10_000);
    await p.goto(`${s.url}/w.html?layout=compact&country=US`);
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    await pickMexico(p);
    // Mexico's lines are slow to come; meanwhile the visitor goes on to the partner's own form.
    await p.evaluate(() => {
      const input = Object.assign(document.createElement("input"), { id: "partner", ariaLabel: "Your email" });
      document.body.append(input);
      input.focus();
    });
    release();
    await p.locator("freedom-widget >> #fw-directory-heading", { hasText: "Mexico" }).waitFor();
    await p.waitForTimeout(300);
    assert.equal(await p.evaluate(() => document.activeElement?.id), "partner", "the partner's field keeps the focus");
    // Picked again with the visitor still in the widget (the US's lines are here): its heading.
    await p.locator("freedom-widget >> #fw-search").fill("united states");
    await p.locator("freedom-widget >> #fw-results button.result").first().click();
    await p.waitForFunction(() => document.querySelector("freedom-widget").shadowRoot.activeElement?.id === "fw-directory-heading");
    assert.match(await p.locator("freedom-widget >> #fw-directory-heading").textContent(), /United States/);
    await context.close();
  });

  test("a compact widget downloads only its country's lines, and a picked country's when picked", async () => {
    const { context, page: p, seen, requests } = await open(`${s.url}/w.html?layout=compact&country=US`);
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    assert.equal(linesOf(requests, "us").length, 1, requests.join("\n"));
    assert.deepEqual(requests.filter((u) => u.includes("/embed/lines-") && !/\/us\.js$/.test(u)), [], "no other country's lines");
    await pickMexico(p);
    await assertDialable(p, "freedom-widget", "tel:+528005533000");
    assert.equal(linesOf(requests, "mx").length, 1);
    // Mexico's panel in place of the US's.
    assert.equal(await p.locator("freedom-widget >> .fw-mount").locator('a[href="tel:+18883737888"]').count(), 0);
    assert.deepEqual(seen.warnings, []);
    await context.close();
  });

  test("a country with only an emergency number gets it from its file too", async () => {
    // Afghanistan: no hotline in the data, its emergency number 119 (its file holds nothing else).
    const { context, page: p, seen, requests } = await open(`${s.url}/w.html?layout=compact&country=AF`);
    await assertDialable(p, "freedom-widget", "tel:119");
    assert.equal(linesOf(requests, "af").length, 1);
    assert.deepEqual(seen.warnings, []);
    await context.close();
  });

  test("a detected country's lines download alongside the wasm, not after it", async () => {
    // No country given: the first paint detects Mexico (the browser's es-MX) as Rust will, and
    // its lines are asked for while the wasm is still on its way (held here until they are).
    const context = await browser.newContext({ locale: "es-MX", timezoneId: "America/Mexico_City" });
    const release = await holdWasm(context);
    try {
      const p = await context.newPage();
      p.setDefaultTimeout(10_000);
      const linesAsked = p.waitForRequest(/\/embed\/lines-[0-9a-f]+\/mx\.js$/);
      await p.goto(`${s.url}/w.html?layout=compact`);
      await linesAsked;
      assert.equal(await p.locator("freedom-widget >> .fw-mount").count(), 0, "the wasm has not arrived yet");
      release();
      await assertDialable(p, "freedom-widget", "tel:+528005533000");
    } finally {
      release();
      await context.close();
    }
  });

  test("the full layout downloads every country's lines in one file", async () => {
    const { context, page: p, requests } = await open(`${s.url}/w.html?layout=full&country=US`);
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    // Another country's row in the list dials too.
    await p.locator('freedom-widget >> .fw-mount .country-row[data-country="MX"] a[href="tel:+528005533000"]').waitFor({ state: "attached" });
    assert.equal(linesOf(requests, "all").length, 1);
    assert.equal(requests.filter((u) => u.includes("/embed/lines-")).length, 1, "one file of lines");
    await context.close();
  });

  test("when its country's file cannot be had: the first paint stays and dials, said once naming the file", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    await context.route(/\/embed\/lines-[0-9a-f]+\/us\.js$/, (route) => route.fulfill({ status: 404, body: "gone" }));
    const p = await context.newPage();
    p.setDefaultTimeout(10_000);
    const seen = watch(p);
    await p.goto(`${s.url}/w.html?layout=compact&country=US`);
    await warned(p, seen, "numbers of \"US\"");
    await assertDialable(p, "freedom-widget", "tel:+18883737888", ".fw-first");
    assert.equal(await p.locator("freedom-widget >> .fw-mount").count(), 0, "no widget without its lines");
    const about = seen.warnings.filter((w) => w.includes("freedom-widget"));
    assert.equal(about.length, 1, about.join("\n"));
    assert.match(about[0], /lines-[0-9a-f]+\/us\.js/);
    assert.deepEqual(seen.errors.filter((e) => e.startsWith("uncaught")), []);
    await context.close();
  });

  for (const what of ["WebAssembly", "country's lines"]) {
    test(`its ${what} file held up, where the first paint waits for the widget: the number shows after 8 s, said once naming the file; the widget takes over when it comes`, async () => {
      const context = await browser.newContext({ locale: "en-US" });
      const release = await holdBack(context, what === "WebAssembly" ? /_bg\.wasm$/ : /\/embed\/lines-[0-9a-f]+\/mx\.js$/);
      const p = await context.newPage();
      p.setDefaultTimeout(10_000);
      const seen = watch(p);
      // The quotes first: the widget's own view differs from a first paint's, which waits for it.
      await p.goto(`${s.url}/w.html?layout=compact&country=MX&sections=quotes,hotlines`);
      await p.waitForTimeout(1000);
      assert.equal(await p.locator("freedom-widget >> .fw-first, freedom-widget >> .fw-mount").count(), 0, "the first paint waits");
      await warned(p, seen, "has not started within 8 s", 15_000);
      await assertDialable(p, "freedom-widget", "tel:+528005533000", ".fw-first");
      const about = seen.warnings.filter((w) => w.includes("freedom-widget"));
      assert.equal(about.length, 1, about.join("\n"));
      assert.match(about[0], what === "WebAssembly" ? /WebAssembly file freedom-widget-[0-9a-f]+_bg\.wasm has not arrived/ : /country's hotlines \(in lines-[0-9a-f]+\/\) has not arrived/);
      release();
      await p.locator("freedom-widget >> .fw-mount .quotes").waitFor({ state: "attached" });
      await assertDialable(p, "freedom-widget", "tel:+528005533000", ".fw-mount");
      assert.equal(await p.locator("freedom-widget >> .fw-first").count(), 0, "the widget replaced the first paint");
      assert.equal(seen.warnings.filter((w) => w.includes("freedom-widget")).length, 1, seen.warnings.join("\n"));
      await context.close();
    });
  }

  test("a picked country whose file failed is fetched again when picked again", async () => {
    // Mexico's file fails once (a dropped connection), then arrives.
    let asked = 0;
    const { context, p, seen } = await pickedMexicoRefused((route) => (++asked === 1 ? route.abort("connectionreset") : route.continue()));
    // The finder says so, in its live region.
    const status = p.locator("freedom-widget >> .fw-mount .search-status");
    await status.filter({ hasText: "The hotlines in Mexico could not be loaded. Choose the country again to try again." }).waitFor();
    await pickMexico(p);
    await assertDialable(p, "freedom-widget", "tel:+528005533000");
    assert.equal(asked, 2, "asked for again");
    assert.equal(await status.textContent(), "", "nothing more to say once Mexico is shown");
    assert.equal(seen.warnings.filter((w) => w.includes("freedom-widget")).length, 1, seen.warnings.join("\n"));
    await context.close();
  });

  test("switched to the full layout: no country is listed until every country's lines are here", async () => {
    const context = await browser.newContext({ locale: "en-US" });
    let releaseAll;
    const allHeld = new Promise((resolve) => (releaseAll = resolve));
    await context.route(/\/embed\/lines-[0-9a-f]+\/all\.js$/, async (route) => {
      await allHeld;
      return route.continue();
    });
    const p = await context.newPage();
    p.setDefaultTimeout(10_000);
    const seen = watch(p);
    const allAsked = p.waitForRequest(/\/embed\/lines-[0-9a-f]+\/all\.js$/);
    await p.goto(`${s.url}/w.html?layout=compact&country=US`);
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    await p.evaluate(() => document.querySelector("freedom-widget").setAttribute("layout", "full"));
    await allAsked;
    // The full layout meanwhile: its panel and finder, the US line still dialling, and no list
    // that would say a country has no line because its file has not arrived.
    await p.locator('freedom-widget >> .fw-mount .fw[data-layout="full"]').waitFor({ state: "attached" });
    await assertDialable(p, "freedom-widget", "tel:+18883737888");
    assert.equal(await p.locator("freedom-widget >> .fw-mount .country-row").count(), 0);
    releaseAll();
    await p.locator('freedom-widget >> .fw-mount .country-row[data-country="MX"] a[href="tel:+528005533000"]').waitFor({ state: "attached" });
    assert.deepEqual(seen.warnings, []);
    await context.close();
  });

  test("a picked country whose file is not its lines: the country shown stays, said once", async () => {
    // A host that answers with something else: Mexico's file holds Mexico's lines with a number
    // that breaks the rules, which the validator refuses.
    const { context, p, seen } = await pickedMexicoRefused(async (route) => {
      const body = (await (await route.fetch()).text()).replace("+528005533000", "+52 call us");
      return route.fulfill({ status: 200, contentType: "text/javascript", body });
    });
    assert.equal(await p.locator('freedom-widget >> .fw-mount a[href^="tel:+52"]').count(), 0, "no number of Mexico's refused file");
    const about = seen.warnings.filter((w) => w.includes("freedom-widget"));
    assert.equal(about.length, 1, about.join("\n"));
    assert.match(about[0], /lines\/MX\/MX\[0\]/, "names the row");
    await context.close();
  });
});

describe("partner data that fails", () => {
  test("bad JSON and a URL that never answers (5 s) each warn once; the built-in data stays", async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>
      <script type="module" src="/embed/embed.js"></script></head><body>
      <freedom-widget id="bad" country="US" layout="compact" hotlines-url="/bad.json"></freedom-widget>
      <freedom-widget id="slow" country="US" layout="compact" hotlines-url="/slow.json"></freedom-widget>
      <freedom-widget id="other" country="US" layout="compact" hotlines-url="http://127.0.0.2:9/x.json"></freedom-widget></body></html>`;
    const s = await serveDist({ routes: {
      "/fail.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(html),
      "/bad.json": (q, r) => r.writeHead(200, { "content-type": "application/json" }).end("[{ not json"),
      "/slow.json": () => {},
    } });
    const { context, page, seen } = await open(`${s.url}/fail.html`);
    for (const id of ["bad", "slow", "other"]) await assertDialable(page, `#${id}`, "tel:+18883737888");
    // Each load's end is its warning: the slow one's comes when the widget gives up at 5 s.
    for (const what of ["/bad.json", "/slow.json", "127.0.0.2:9"]) await warned(page, seen, what);
    const about = (what) => seen.warnings.filter((w) => w.includes(what));
    assert.equal(about("/bad.json").length, 1, seen.warnings.join("\n"));
    assert.match(about("/bad.json")[0], /JSON/);
    assert.equal(about("/slow.json").length, 1, seen.warnings.join("\n"));
    assert.match(about("/slow.json")[0], /5 s/);
    assert.equal(about("127.0.0.2:9").length, 1);
    assert.match(about("127.0.0.2:9")[0], /must be on this site/);
    await assertDialable(page, "#bad", "tel:+18883737888");
    await context.close();
    s.server.closeAllConnections();
    await s.close();
  });
});

describe("<freedom-widget> element", () => {
  test("two instances, each with its own country, layout and state", async () => {
    const { context, page } = await open(`${server.url}/pages/two.html`);
    await assertDialable(page, "#mx", "tel:+528005533000");
    await page.locator("#th >> #fw-directory-heading", { hasText: "Thailand" }).waitFor();
    assert.equal(await page.locator("#th >> .fw-mount [data-layout=compact]").count(), 1);
    assert.equal(await page.locator("#mx >> .fw-mount [data-layout=banner]").count(), 1);
    // Searching in one does not touch the other.
    await page.locator("#th >> #fw-search").fill("japan");
    await page.locator("#th >> .result", { hasText: "Japan" }).waitFor();
    assert.equal(await page.locator("#mx >> #fw-search").count(), 0);
    await context.close();
  });

  test("changing an attribute updates the widget; a bad value warns once and keeps the default", async () => {
    const { context, page, seen } = await open(`${server.url}/pages/two.html`);
    await page.locator("#th >> #fw-directory-heading", { hasText: "Thailand" }).waitFor();
    await page.evaluate(() => document.querySelector("#th").setAttribute("country", "JP"));
    await page.locator("#th >> #fw-directory-heading", { hasText: "Japan" }).waitFor();
    await page.evaluate(() => document.querySelector("#th").setAttribute("layout", "sideways"));
    await page.evaluate(() => document.querySelector("#th").setAttribute("theme", "dark"));
    await page.locator("#th >> .fw-mount [data-theme=dark]").waitFor();
    assert.equal(await page.locator("#th >> .fw-mount [data-layout=full]").count(), 1);
    const warnings = seen.warnings.filter((w) => w.includes('"layout"') && w.includes("sideways"));
    assert.equal(warnings.length, 1, seen.warnings.join("\n"));
    await context.close();
  });

  test("removing the country attribute chooses the country as a first mount would: by the time zone, when the languages name no region", async () => {
    const zoneFiles = (requests) => requests.filter((u) => /\/zones-[0-9a-f]+\.js$/.test(u));
    const { context, page, requests } = await open(`${server.url}/pages/two.html`, { locale: "fr", timezoneId: "Europe/Paris" });
    await page.locator("#th >> #fw-directory-heading", { hasText: "Thailand" }).waitFor();
    assert.deepEqual(zoneFiles(requests), [], "widgets that name their country fetch no time zones' table");
    await page.evaluate(() => document.querySelector("#th").removeAttribute("country"));
    await page.locator("#th >> #fw-directory-heading", { hasText: "France" }).waitFor();
    assert.equal(zoneFiles(requests).length, 1, requests.join("\n"));
    await assertDialable(page, "#th", "tel:+33144528890");
    await context.close();
  });

  test("removing an element releases it; adding one later mounts it", async () => {
    const { context, page } = await open(`${server.url}/pages/two.html`);
    await assertDialable(page, "#mx", "tel:+528005533000");
    const emptied = await page.evaluate(async () => {
      const mx = document.querySelector("#mx");
      mx.remove();
      await new Promise((r) => setTimeout(r, 50));
      return mx.shadowRoot.childElementCount;
    });
    assert.equal(emptied, 0, "a removed widget is destroyed");
    await page.evaluate(() => {
      const w = document.createElement("freedom-widget");
      w.id = "late";
      w.setAttribute("country", "GB");
      document.querySelector("#slot").append(w);
    });
    await assertDialable(page, "#late", "tel:+448000121700");
    await context.close();
  });

  test("partner rows from a same-origin JSON file: good rows added, a broken row skipped with one warning", async () => {
    const rows = [
      { id: "zz-partner-line", country: "TH", organisation: "Partner NGO", name: "Partner helpline", scope: "trafficking",
        channels: [{ kind: "phone", display: "02 000 0000", e164: "+6620000000" }], source_url: "https://example.org/help", checked: "2026-11-20" },
      { id: "zz-broken", country: "TH", organisation: "Broken", name: "Broken row", scope: "trafficking",
        channels: [{ kind: "phone", display: "12", e164: "12" }], source_url: "https://example.org", checked: "2026-11-20" },
    ];
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>
      <script type="module" src="/embed/embed.js"></script></head><body>
      <freedom-widget country="TH" layout="compact" hotlines-url="/partner.json"></freedom-widget>
      <freedom-widget id="missing" country="TH" layout="compact" hotlines-url="/nothing-here.json"></freedom-widget></body></html>`;
    const s = await serveDist({ routes: {
      "/partner.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(html),
      "/partner.json": (q, r) => r.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows)),
    } });
    const { context, page, seen } = await open(`${s.url}/partner.html`);
    await assertDialable(page, "freedom-widget >> nth=0", "tel:+6620000000");
    await assertDialable(page, "#missing", "tel:1300");
    // Both files read (each ends in its warning); a repeat would be a second warning.
    await warned(page, seen, "zz-broken");
    await warned(page, seen, "/nothing-here.json");
    const broken = seen.warnings.filter((w) => w.includes("zz-broken"));
    assert.equal(broken.length, 1, seen.warnings.join("\n"));
    assert.match(broken[0], /channels\[0\]\.e164/);
    const missing = seen.warnings.filter((w) => w.includes("/nothing-here.json"));
    assert.equal(missing.length, 1);
    assert.match(missing[0], /404/);
    await context.close();
    await s.close();
  });
});

test("the embed's wasm is its own build, without the standalone page's hydration", async () => {
  // Partners' visitors should not download code only the standalone page runs (about 8 KB).
  // The glue's exports, read by importing it (it is minified: its text says little).
  const glueIn = (dir) => import(pathToFileURL(join(dir, readdirSync(dir).find((f) => /^freedom-widget-[0-9a-f]+\.js$/.test(f)))).href);
  const [embedGlue, pageGlue] = [await glueIn(join(DIST, "embed")), await glueIn(DIST)];
  assert.equal(typeof embedGlue.mount, "function", "the embed's glue is read (it exports mount)");
  assert.equal(embedGlue.hydrate_page, undefined, "the embed's glue has no hydrate_page");
  assert.equal(typeof pageGlue.hydrate_page, "function", "the page's glue has it");
  const wasmIn = (dir) => readdirSync(dir).filter((f) => f.endsWith("_bg.wasm"));
  assert.equal(wasmIn(join(DIST, "embed")).length, 1, "one wasm in embed/");
  assert.equal(wasmIn(DIST).length, 1, "one wasm beside the page");
  const size = (dir) => readFileSync(join(dir, wasmIn(dir)[0])).length;
  assert.ok(size(DIST) - size(join(DIST, "embed")) > 5 * 1024, `the embed's wasm (${size(join(DIST, "embed"))} B) is smaller than the page's (${size(DIST)} B)`);
});

describe("what a partner's page cannot be made to run", () => {
  test("the script tag passes only options to its element: data-onfocus and the like are dropped, each said once", async () => {
    const { context, page, seen } = await open(`${server.url}/pages/attributes.html`);
    await assertDialable(page, "freedom-widget", "tel:+18883737888");
    const element = await page.evaluate(() => {
      const el = document.querySelector("freedom-widget");
      el.focus();
      el.dispatchEvent(new FocusEvent("focus"));
      el.click();
      return { attributes: [...el.attributes].map((a) => a.name).sort(), ran: window.__ran ?? null, hidden: getComputedStyle(el).display === "none" };
    });
    assert.deepEqual(element, { attributes: ["country", "layout"], ran: null, hidden: false });
    for (const name of ["data-onfocus", "data-onclick", "data-style", "data-tabindex", "data-autofocus"]) {
      const about = seen.warnings.filter((w) => w.includes(`"${name}"`));
      assert.equal(about.length, 1, `${name}: ${seen.warnings.join("\n")}`);
      assert.match(about[0], /names no option; ignored/);
    }
    await context.close();
  });

  test("a partner's value in a console note cannot reorder or hide it: direction and invisible characters are escaped", async () => {
    const sneaky = "#help\u202Egnp.exe\u200B";
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title></head><body>
      <script src="/embed/embed.js" data-country="US" data-target="${sneaky}"></script></body></html>`;
    const host = await serveDist({ routes: { "/sneaky.html": (req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html) } });
    try {
      const { context, page, seen } = await open(`${host.url}/sneaky.html`);
      await assertDialable(page, "freedom-widget", "tel:+18883737888");
      const about = seen.warnings.filter((w) => w.includes("data-target"));
      assert.equal(about.length, 1, seen.warnings.join("\n"));
      assert.ok(about[0].includes('"#help\\u{202e}gnp.exe\\u{200b}"'), about[0]);
      assert.ok(!/[\u202A-\u202E\u200B-\u200F\u2066-\u2069]/.test(about[0]), "no raw direction or invisible character");
      await context.close();
    } finally {
      await host.close();
    }
  });

  test("assets-url on another origin runs only this build's wasm: another file keeps the first paint, with one warning", async () => {
    const dir = join(DIST, "embed");
    const name = readdirSync(dir).find((f) => /^freedom-widget-[0-9a-f]+_bg\.wasm$/.test(f));
    // The build's own wasm with one more (custom) section: it would run just the same, unchecked.
    const forged = Buffer.concat([readFileSync(join(dir, name)), Buffer.from([0, 5, 4, ...Buffer.from("evil")])]);
    const asked = [];
    const other = await serveDist({ host: "127.0.0.3", cors: true, routes: {
      [`/forged/${name}`]: (req, res) => {
        asked.push(req.url);
        res.writeHead(200, { "content-type": "application/wasm", "access-control-allow-origin": "*" }).end(forged);
      },
    } });
    const page_ = (folder) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title>
      <script src="/embed/embed.js"></script></head><body>
      <freedom-widget country="US" layout="compact" assets-url="${folder}"></freedom-widget></body></html>`;
    const host = await serveDist({ routes: {
      "/forged.html": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page_(`${other.url}/forged/`)),
      "/genuine.html": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page_(`${other.url}/embed/`)),
    } });
    try {
      // The same folder's real files start the widget: the check lets this build's wasm through.
      const genuine = await open(`${host.url}/genuine.html`);
      await assertDialable(genuine.page, "freedom-widget", "tel:+18883737888");
      assert.deepEqual(genuine.seen.warnings, []);
      await genuine.context.close();

      const { context, page, seen } = await open(`${host.url}/forged.html`);
      await assertDialable(page, "freedom-widget", "tel:+18883737888", ".fw-first");
      // The load's failure is its own end: its one warning.
      for (let waited = 0; !seen.warnings.some((w) => w.includes("not this build's")) && waited < 10_000; waited += 100) await page.waitForTimeout(100);
      const about = seen.warnings.filter((w) => w.includes(`${other.url}/forged/${name}`));
      assert.equal(about.length, 1, seen.warnings.join("\n"));
      assert.match(about[0], /is not this build's/);
      assert.equal(asked.length, 1, "the forged file was offered");
      assert.equal(await page.locator("freedom-widget >> .fw-mount").count(), 0, "the forged wasm never ran");
      await context.close();
    } finally {
      await host.close();
      await other.close();
    }
  });
});
