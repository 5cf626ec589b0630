// The first paint (js/first-paint.js): the number a visitor needs shows before the wasm arrives,
// says what the widget will say, stays and dials if the wasm never comes, moves nothing on the
// host page, and hands the focus over when the widget takes its place.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { frames, launch, pageTakenOver, ROOT, serveDist, warned, watch } from "./helpers.mjs";

const AXE = readFileSync(join(ROOT, "tools/node_modules/axe-core/axe.min.js"), "utf8");
const US = 'a[href="tel:+18883737888"]';

/** A partner's page: article text around the script tag (classic, as the README's snippet), its
 *  data- attributes from the query; `?module` pastes the older `type="module"` snippet. */
function article(req, res) {
  const params = new URL(req.url, "http://localhost").searchParams;
  const type = params.has("module") ? ' type="module"' : "";
  params.delete("module");
  const data = [...params].map(([k, v]) => ` data-${k.replace(/[^a-z-]/g, "")}="${v.replace(/[^A-Za-z0-9 ,_./-]/g, "")}"`).join("");
  const text = "<p>Every year, people are deceived into work they cannot leave. Knowing who to call is the first step.</p>".repeat(3);
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Article</title></head>
<body><h1>An article</h1>${text}<script${type} src="/embed/embed.js"${data}></script>${text}<p id="after">The end.</p></body></html>`);
}

let server, browser;
before(async () => {
  server = await serveDist({ routes: { "/article.html": article } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose wasm is held back until `release()`, or refused (`wasm: "404"`), and with
 *  `holdLanguages` its language files too; every layout shift recorded from the start. */
async function open(path, { wasm = "hold", fail = false, holdLanguages = false, ...contextOptions } = {}) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York", ...contextOptions });
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await context.route(/_bg\.wasm$/, async (route) => {
    if (wasm === "404") return route.fulfill({ status: 404, body: "gone" });
    await released;
    return fail ? route.fulfill({ status: 404, body: "gone" }) : route.continue();
  });
  if (holdLanguages) {
    await context.route(/\/i18n\//, async (route) => {
      await released;
      return route.continue();
    });
  }
  await context.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.shifts.push(e.value))).observe({ type: "layout-shift", buffered: true });
    // Every first paint ever drawn, in the page or in a shadow root, however briefly it stayed.
    window.firstPaints = [];
    const note = (root) => new MutationObserver((records) => {
      for (const added of records.flatMap((r) => [...r.addedNodes]).filter((n) => n.nodeType === 1)) {
        if (added.matches(".fw-first, .first-paint") || added.querySelector(".fw-first, .first-paint")) window.firstPaints.push(added.className);
      }
    }).observe(root, { childList: true, subtree: true });
    note(document);
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      note(root);
      return root;
    };
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const seen = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(`${server.url}${path}`);
  return { context, page, seen, requests, release };
}

/** Accessible (axe, WCAG 2.2 AA) and private (no cookie, no storage, no request to another
 *  origin), as the page stands. `what` names the case in a failure. */
async function assertAccessibleAndPrivate(page, requests, what) {
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] }, resultTypes: ["violations"] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" >> ")).join(", ")}`), [], what);
  const kept = await page.evaluate(() => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(kept, { cookie: "", local: 0, session: 0 }, what);
  assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), [], what);
}

/** Taps `link` and says whether anything stopped it and what it reached (the last listener
 *  records it, then keeps the test browser from opening a dialler). */
async function tap(page, link) {
  await page.evaluate(() => window.addEventListener("click", (e) => { window.tapped = { prevented: e.defaultPrevented, href: e.composedPath()[0].closest?.("a")?.getAttribute("href") }; e.preventDefault(); }));
  await link.click();
  return page.evaluate(() => window.tapped);
}

/** What a visitor reads first: the heading, why this country, the first number and its name. */
function firstView([host, scope]) {
  const root = document.querySelector(host).shadowRoot.querySelector(scope);
  const call = root.querySelector('.panel a[href^="tel:"]');
  return {
    lang: root.querySelector(".fw").lang,
    dir: root.querySelector(".fw").dir,
    heading: root.querySelector("h2").textContent,
    chosen: root.querySelector(".chosen")?.textContent ?? null,
    call: call?.getAttribute("href") ?? null,
    callName: call?.textContent ?? null,
  };
}
const shownFirst = (page, host = "freedom-widget") => page.evaluate(firstView, [host, ".fw-first"]);
const shownByWidget = (page, host = "freedom-widget") => page.evaluate(firstView, [host, ".fw-mount"]);
/** The widget has taken over: its render shows, the first paint is gone. */
async function takenOver(page, host = "freedom-widget") {
  await page.waitForFunction((h) => {
    const root = document.querySelector(h)?.shadowRoot;
    return root?.querySelector(".fw-mount .fw") && !root.querySelector(".fw-first");
  }, host);
}

describe("the first paint", () => {
  test("shows the number before the wasm arrives; the widget takes over in place, nothing on the page moves", async () => {
    const { context, page, release, requests } = await open("/article.html?country=US");
    await page.locator(`freedom-widget >> .fw-first ${US}`).waitFor();
    const link = page.locator(`freedom-widget >> .fw-first ${US}`);
    // The link says what it reaches; the emergency number is there too.
    assert.match(await link.textContent(), /Call 1-888-373-7888 \(National Human Trafficking Hotline\)/);
    await page.locator('freedom-widget >> .fw-first a[href="tel:911"]').waitFor();
    const before_ = await page.evaluate(() => document.querySelector("#after").getBoundingClientRect().top);
    release();
    await takenOver(page);
    // Two frames after the takeover: its layout, and any shift it made, are reported.
    await frames(page);
    assert.equal(await page.evaluate(() => document.querySelector("#after").getBoundingClientRect().top), before_, "text after the widget stayed put");
    assert.deepEqual(await page.evaluate(() => window.shifts), [], "no layout shift, from the first paint to the widget");
    // embed.js begins the wasm's download beside its main module; the loader takes it over.
    assert.equal(requests.filter((u) => u.endsWith("_bg.wasm")).length, 1, requests.join("\n"));
    await context.close();
  });

  test("the older module snippet still works, and also paints first", async () => {
    const { context, page, release } = await open("/article.html?module&country=US&layout=compact");
    await page.locator(`freedom-widget >> .fw-first ${US}`).waitFor();
    release();
    await takenOver(page);
    await page.locator(`freedom-widget >> .fw-mount ${US}`).first().waitFor();
    await context.close();
  });

  test("says what the widget says: country, why, number, language and direction", async () => {
    // Each with what it must show: the first paint and the widget agreeing is not enough, as
    // both could be wrong alike. `call` is the country's first line (null: none to call).
    const cases = [
      ["the partner's country", "/article.html?country=MX", {}, { lang: "en", call: "tel:+528005533000", heading: /Mexico/ }],
      // The article's <html lang="en"> comes before the browser's languages (README): the
      // browser's es-MX chooses the country, not the language.
      ["the browser's language region (es-MX), in the host page's English", "/article.html", { locale: "es-MX", timezoneId: "America/Mexico_City" }, { lang: "en", call: "tel:+528005533000", heading: /Mexico/ }],
      ["Arabic, right to left", "/article.html?country=EG&lang=ar&layout=compact", {}, { lang: "ar", dir: "rtl", call: "tel:15508", heading: /مصر/ }],
      ["the time zone, when the language names no region", "/article.html", { locale: "fr", timezoneId: "Europe/Paris" }, { lang: "en", call: "tel:+33144528890", heading: /France/ }],
      ["the partner's fallback", "/article.html?fallback-country=TH", { locale: "en", timezoneId: "UTC" }, { lang: "en", call: "tel:1300", heading: /Thailand/ }],
      ["no country at all: the international directory", "/article.html", { locale: "en", timezoneId: "UTC" }, { lang: "en", heading: /Find a hotline in your country/, chosen: "Choose your country to see its hotlines.", call: null }],
      ["a banner", "/article.html?country=GB&layout=banner", {}, { lang: "en", call: "tel:+448000121700", heading: /^Hotlines in the United Kingdom$/ }],
      // An English sentence gives the name its article; Spanish takes the name as it is.
      ["a name that takes \"the\" in English", "/article.html?country=US", {}, { lang: "en", call: "tel:+18883737888", heading: /^Hotlines in the United States$/, chosen: "Shown for the United States, as set by this website." }],
      ["the same country in Spanish", "/article.html?country=US&lang=es", {}, { lang: "es", call: "tel:+18883737888", heading: /^Líneas de ayuda en Estados Unidos$/ }],
    ];
    for (const [what, path, contextOptions, expected] of cases) {
      const { context, page, release } = await open(path, contextOptions);
      await page.locator("freedom-widget >> .fw-first h2").waitFor();
      const first = await shownFirst(page);
      release();
      await takenOver(page);
      const widget = await shownByWidget(page);
      assert.deepEqual(first, widget, what);
      const { heading, ...exact } = expected;
      assert.deepEqual(Object.fromEntries(Object.keys(exact).map((k) => [k, first[k]])), exact, `${what}: ${JSON.stringify(first)}`);
      if (heading) assert.match(first.heading, heading, what);
      await context.close();
    }
  });

  test("a page in another language shows its number in that language at once, without waiting for the language's file", async () => {
    for (const [path, lang] of [["/article.html?country=MX&lang=es", "es"], ["/article.html?country=EG&lang=ar", "ar"]]) {
      // The language files are held back until release(): the first paint speaks the language
      // all the same.
      const { context, page, release } = await open(path, { holdLanguages: true });
      await page.locator("freedom-widget >> .fw-first h2").waitFor();
      const first = await shownFirst(page);
      assert.equal(first.lang, lang, path);
      release();
      await takenOver(page);
      assert.deepEqual(first, await shownByWidget(page), path);
      await context.close();
    }
  });

  test("hands the keyboard focus over to the same link in the widget", async () => {
    const { context, page, release } = await open("/article.html?country=US");
    await page.locator(`freedom-widget >> .fw-first ${US}`).waitFor();
    // From the top of the page, by keyboard, as a visitor would.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((sel) => document.querySelector("freedom-widget").shadowRoot.activeElement?.matches(sel), US)) break;
    }
    assert.equal(await page.evaluate(() => document.querySelector("freedom-widget").shadowRoot.activeElement?.getAttribute("href")), "tel:+18883737888");
    release();
    await takenOver(page);
    const focused = await page.evaluate(() => {
      const active = document.querySelector("freedom-widget").shadowRoot.activeElement;
      return { href: active?.getAttribute("href"), inWidget: !!active?.closest(".fw-mount") };
    });
    assert.deepEqual(focused, { href: "tel:+18883737888", inWidget: true });
    await context.close();
  });

  test("a visitor on the number when the wasm fails keeps it: the same link, still focused", async () => {
    const { context, page, release, seen } = await open("/article.html?country=US", { fail: true });
    await page.locator(`freedom-widget >> .fw-first ${US}`).focus();
    await page.evaluate((sel) => (window.focusedLink = document.querySelector("freedom-widget").shadowRoot.querySelector(sel)), US);
    release();
    // The loader has given up (it says so): whatever it would do to the first paint is done.
    await warned(page, seen, "could not start");
    assert.ok(seen.warnings.some((w) => w.includes("could not start")), seen.warnings.join("\n"));
    assert.deepEqual(await page.evaluate(() => ({ connected: window.focusedLink.isConnected, focused: document.querySelector("freedom-widget").shadowRoot.activeElement === window.focusedLink })), { connected: true, focused: true });
    await context.close();
  });

  test("with the wasm refused: stays, dials when tapped, says why once, and nothing uncaught", async () => {
    const { context, page, seen } = await open("/article.html?country=US", { wasm: "404" });
    await page.locator(`freedom-widget >> .fw-first ${US}`).waitFor();
    // The loader has given up and said why; the once is counted after the tap, at the end.
    await warned(page, seen, "could not start");
    // Tapped: nothing stops the tel: link.
    assert.deepEqual(await tap(page, page.locator(`freedom-widget >> .fw-first ${US}`)), { prevented: false, href: "tel:+18883737888" });
    assert.equal(await page.locator(`freedom-widget >> .fw-first ${US}`).count(), 1, "still there");
    assert.equal(seen.warnings.filter((w) => w.includes("could not start")).length, 1, seen.warnings.join("\n"));
    // In the script tag's words: its files beside embed.js, or data-assets-url; not npm's.
    const said = seen.warnings.find((w) => w.includes("could not start"));
    assert.match(said, /in the folder embed\.js is served from .* data-assets-url/);
    assert.doesNotMatch(said, /node_modules/);
    assert.deepEqual(seen.errors.filter((e) => e.startsWith("uncaught")), []);
    await context.close();
  });

  test("a partner's own rows may correct a number: no first paint until the widget reads them, unless the wasm fails", async () => {
    const held = await open("/article.html?country=US&hotlines-url=/partner-rows.json");
    // Until the widget itself shows the number (the wasm let through), no first paint ever came.
    await held.page.waitForFunction(() => window.firstPaints && document.querySelector("freedom-widget")?.shadowRoot);
    assert.equal(await held.page.evaluate(() => document.querySelector("freedom-widget").shadowRoot?.querySelector(".fw-first")), null);
    held.release();
    await held.page.locator(`freedom-widget >> .fw-mount ${US}`).first().waitFor();
    assert.deepEqual(await held.page.evaluate(() => window.firstPaints), [], "no first paint was drawn before the widget");
    await held.context.close();
    const refused = await open("/article.html?country=US&hotlines-url=/partner-rows.json", { wasm: "404" });
    await refused.page.locator(`freedom-widget >> .fw-first ${US}`).waitFor();
    await refused.context.close();
  });

  test("accessible (axe, WCAG 2.2 AA) and private (no cookie, no storage, no other origin) before the wasm arrives", async () => {
    for (const path of ["/article.html?country=US", "/article.html?country=EG&lang=ar&layout=compact", "/article.html?layout=banner&country=MX", "/article.html"]) {
      const { context, page, requests } = await open(path, { locale: "en", timezoneId: "UTC" });
      await page.locator("freedom-widget >> .fw-first h2").waitFor();
      await assertAccessibleAndPrivate(page, requests, path);
      await context.close();
    }
  });
});

// The standalone page's own first paint (js/page.js): the detected or linked country's number in
// its country panel, long before the wasm has arrived to take the prerendered page over.
describe("the standalone page's first paint", () => {
  const MX = 'a[href="tel:+528005533000"]';
  /** What the country panel shows a visitor: its visible heading, why, the first number. */
  const panelView = (page) =>
    page.evaluate(() => {
      const panel = document.querySelector("#freedom-widget .panel");
      const visible = (selector) => [...panel.querySelectorAll(selector)].find((e) => e.offsetParent !== null || e.getClientRects().length);
      return {
        lang: visible("h2").closest("[lang]").lang,
        heading: visible("h2").textContent,
        chosen: visible(".chosen").textContent,
        call: visible('a[href^="tel:"]').getAttribute("href"),
      };
    });

  test("a deep link shows its country's number before the wasm arrives; the page then takes over in place", async () => {
    const { context, page, release } = await open("/?country=MX");
    await page.locator(`.first-paint ${MX}`).waitFor();
    await page.locator('.first-paint a[href="tel:911"]').waitFor();
    assert.match(await page.locator(`.first-paint ${MX}`).textContent(), /Call 800 5533 000 \(Línea y Chat Nacional contra la Trata de Personas \(LNCTP\)\)/);
    // The prerendered panel's own text is hidden under it, not shown twice.
    assert.equal(await page.getByText("Choose your country to see its hotlines.").isVisible(), false);
    assert.equal(await page.locator("h2:visible", { hasText: "Mexico" }).count(), 1);
    const first = await panelView(page);
    assert.deepEqual(await page.evaluate(() => window.shifts), [], "drawing it moved nothing");
    release();
    await pageTakenOver(page);
    assert.deepEqual(await panelView(page), first, "the page says what its first paint said");
    await context.close();
  });

  test("a visitor's detected country, in their language, and the page's first frame after the takeover in that language too", async () => {
    const { context, page, release } = await open("/", { locale: "es-MX", timezoneId: "America/Mexico_City" });
    await page.locator(`.first-paint ${MX}`).waitFor();
    const first = await panelView(page);
    assert.deepEqual(first, { lang: "es", heading: "Líneas de ayuda en México", chosen: "Mostramos México por el idioma de tu navegador.", call: "tel:+528005533000" });
    // What is on top at the panel's heading, just before each frame: its heading, or the cover
    // that holds the first paint over it while the page is taken over (a closed shadow root).
    await page.evaluate(() => {
      window.headings = [];
      const tick = () => {
        const panel = document.querySelector("#freedom-widget .panel");
        const { left, top } = panel.getBoundingClientRect();
        const onTop = document.elementFromPoint(left + 30, top + 12);
        const shown = onTop?.closest(".page-first-cover") ? "(the cover)" : onTop?.closest("h2")?.textContent ?? onTop?.textContent;
        if (window.headings.at(-1) !== shown) window.headings.push(shown);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    release();
    await pageTakenOver(page);
    // Two frames after the takeover, so its last frames are recorded.
    await frames(page);
    // Never the prerendered panel (in English, without a country) in between.
    const headings = await page.evaluate(() => window.headings);
    assert.deepEqual([...new Set(headings.filter((h) => h !== "(the cover)"))], ["Líneas de ayuda en México"], headings.join(" | "));
    assert.deepEqual(await panelView(page), first);
    await context.close();
  });

  test("hands the keyboard focus over to the same link on the page", async () => {
    const { context, page, release } = await open("/?country=MX");
    await page.locator(`.first-paint ${MX}`).focus();
    release();
    await pageTakenOver(page);
    await page.waitForFunction((sel) => document.activeElement?.matches(sel), MX);
    assert.equal(await page.evaluate(() => !!document.activeElement.closest(".card") && !document.activeElement.closest(".first-paint")), true);
    await context.close();
  });

  test("with the wasm refused: the number stays and dials; axe finds nothing; nothing private leaves", async () => {
    // (The page's CSP would refuse axe's inline script; the page's own scripts are unchanged.)
    const { context, page, seen, requests } = await open("/?country=MX", { wasm: "404", bypassCSP: true });
    await page.locator(`.first-paint ${MX}`).waitFor();
    // The page has given up its takeover (it says so): the first paint is what stays.
    await warned(page, seen, "could not start");
    assert.deepEqual(await tap(page, page.locator(`.first-paint ${MX}`)), { prevented: false, href: "tel:+528005533000" });
    assert.deepEqual(seen.errors.filter((e) => e.startsWith("uncaught")), []);
    await assertAccessibleAndPrivate(page, requests, "/?country=MX");
    await context.close();
  });

  test("no country to show: the prerendered panel stays as it is", async () => {
    const { context, page, release } = await open("/", { locale: "en", timezoneId: "UTC" });
    await page.locator("#freedom-widget .panel").waitFor();
    assert.equal(await page.locator(".first-paint").count(), 0);
    assert.equal(await page.getByText("Choose your country to see its hotlines.").isVisible(), true);
    // Through the whole takeover (the page's search answers once it is done): no first paint was
    // ever drawn, and the prerendered panel still says to choose.
    release();
    await page.locator("#fw-search").fill("peru");
    await page.getByRole("button", { name: "Peru", exact: true }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.firstPaints), [], "no first paint at any time");
    assert.equal(await page.getByText("Choose your country to see its hotlines.").isVisible(), true);
    await context.close();
  });
});
