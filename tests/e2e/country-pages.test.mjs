// The country pages (/mx/, /mx/en/: issue 28), built for release and served over HTTP: complete
// without JavaScript, and taken over in place by the page's script, which only adds what needs
// it (search, the hours' live state, tabs, quick exit) and moves nothing already on screen.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DIST, setup, watch } from "./helpers.mjs";

const env = setup();
const MX = "tel:+528005533000";
const AWAY = "https://www.wikipedia.org/";

/** Opens `path` with the page's layout shifts and its takeover (the widget's first
 *  `freedom-widget:country-change`, sent once the page's app has hydrated) recorded. */
async function open(path, { javaScript = true, hold = false, locale = "en-US" } = {}) {
  assert.ok(existsSync(join(DIST, "mx", "index.html")), "dist/mx/index.html: the build writes the country pages");
  const context = await env.browser.newContext({ locale, javaScriptEnabled: javaScript, viewport: { width: 390, height: 844 } });
  await context.route(`${AWAY}**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Wikipedia</title><p>elsewhere</p>" }));
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const seen = watch(page);
  let release = () => {};
  if (hold) {
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
  }
  await page.addInitScript(() => {
    window.fwShifts = [];
    window.fwTakenOver = null;
    window.fwSearchReady = false;
    document.addEventListener("freedom-widget:search-ready", () => (window.fwSearchReady = true), true);
    new PerformanceObserver((list) => window.fwShifts.push(...list.getEntries().map((e) => e.value))).observe({ type: "layout-shift", buffered: true });
    document.addEventListener("freedom-widget:country-change", (e) => (window.fwTakenOver ??= e.detail), true);
  });
  await page.goto(env.server.url + path);
  return { context, page, seen, release };
}

const takenOver = (page) => page.waitForFunction(() => window.fwTakenOver).then((h) => h.jsonValue());
const telLinks = (page) => page.locator("#freedom-widget .panel a[href^='tel:']").evaluateAll((links) => links.map((a) => `${a.getAttribute("href")} ${a.textContent.trim()}`));

describe("a country's page", () => {
  test("without JavaScript: Mexico in Spanish, every number dials, links to its other languages and other countries", async () => {
    const { context, page } = await open("/mx/", { javaScript: false });
    assert.equal(await page.getAttribute("html", "lang"), "es");
    assert.match(await page.title(), /México: 800 5533 000/);
    assert.equal(await page.locator(`#freedom-widget .panel a[href="${MX}"]`).first().isVisible(), true);
    assert.equal(await page.locator('.page-languages a[hreflang="en"]').getAttribute("href"), "../mx/en/");
    assert.ok((await page.locator(".country-pages a").count()) > 100, "a link to every other country's page");
    await context.close();
  });

  test("is taken over in place: same country and language, the link named as the reason, nothing moves, nothing said", async () => {
    const { context, page, seen } = await open("/mx/");
    const before = await telLinks(page);
    assert.deepEqual(await takenOver(page), { country: "MX", chosenBy: "link" });
    // The clock goes live and the channel may answer just after the takeover's first render.
    await page.waitForTimeout(500);
    assert.deepEqual(await telLinks(page), before, "the same numbers, in the same words");
    assert.equal(await page.getAttribute("html", "lang"), "es");
    assert.match(await page.locator("#freedom-widget .panel").innerText(), /por el enlace que abriste/);
    assert.deepEqual(await page.evaluate(() => window.fwShifts), [], "no layout shift");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.warnings, []);
    await context.close();
  });

  test("search comes alive: another country, found by name, opens its own page in the page's language", async () => {
    const { context, page } = await open("/mx/en/");
    await takenOver(page);
    await page.locator("#fw-search").fill("Peru");
    await page.locator("#fw-results button", { hasText: "Peru" }).waitFor();
    await page.keyboard.press("Enter");
    // Its address, title and language links are Peru's: a reload or a shared link keeps it.
    await page.waitForURL(`${env.server.url}/pe/en/`);
    await page.locator("#fw-directory-heading", { hasText: "Peru" }).waitFor();
    assert.match(await page.title(), /Peru/);
    assert.equal(await page.locator('#freedom-widget .panel a[href="tel:1818"]').count(), 1);
    await context.close();
  });

  test("taken over, a country picked from the search's list by keyboard opens its page in Spanish", async () => {
    const { context, page } = await open("/mx/");
    await takenOver(page);
    await page.locator("#fw-search").fill("bra");
    const brazil = page.locator("#fw-results button", { hasText: "Brasil" });
    await brazil.focus();
    const entries = await page.evaluate(() => history.length);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${env.server.url}/br/es/`);
    assert.equal(await page.getAttribute("html", "lang"), "es");
    // In Mexico's page's place: a quick exit from Brazil's leaves no way Back to either.
    assert.equal(await page.evaluate(() => history.length), entries, "no history entry added");
    await context.close();
  });

  test("before its WebAssembly arrives, search finds another country's page, and the takeover keeps what was typed", async () => {
    const { context, page, release } = await open("/mx/en/", { hold: true });
    await page.evaluate(() => new Promise((resolve) => (document.querySelector("#fw-search") && window.fwSearchReady ? resolve() : document.addEventListener("freedom-widget:search-ready", resolve, { once: true }))));
    await page.locator("#fw-search").fill("per");
    assert.deepEqual(await page.locator("#fw-results a").evaluateAll((links) => links.map((a) => [a.textContent, a.getAttribute("href")])), [["Peru", "../../pe/en/"]]);
    // The widget's own search answers the same text once the page is taken over.
    release();
    await takenOver(page);
    await page.locator("#fw-results button", { hasText: "Peru" }).waitFor();
    assert.equal(await page.locator("#fw-results a").count(), 0, "the early results gave way");
    assert.equal(await page.locator("#fw-search").inputValue(), "per");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${env.server.url}/pe/en/`);
    await context.close();
  });

  test("before its WebAssembly arrives, Enter in the search opens the first country's page", async () => {
    const { context, page } = await open("/mx/", { hold: true });
    await page.locator("#fw-search").fill("españa");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${env.server.url}/es/`);
    assert.equal(await page.getAttribute("html", "lang"), "es");
    await context.close();
  });

  test("before its WebAssembly arrives, the quick exit button already leaves", async () => {
    const { context, page } = await open("/mx/en/", { hold: true });
    await page.getByRole("button", { name: "Quick exit" }).first().click();
    await page.waitForURL(AWAY);
    await context.close();
  });

  test("with JavaScript off, no search box that cannot answer: the list of every country's page is the way", async () => {
    const { context, page } = await open("/mx/", { javaScript: false });
    assert.equal(await page.locator("#fw-search").isVisible(), false);
    await page.locator(".country-pages a", { hasText: "Brasil" }).click();
    await page.waitForURL(`${env.server.url}/br/es/`);
    await context.close();
  });

  test("with JavaScript off, no control that does nothing: the four Ps are all shown, each under its heading", async () => {
    for (const path of ["/mx/", "/eg/"]) {
      const { context, page } = await open(path, { javaScript: false });
      const inert = await page.$$eval("button, select, input", (all) =>
        all.filter((e) => e.checkVisibility()).map((e) => e.outerHTML.slice(0, 80)));
      assert.deepEqual(inert, [], `${path}: controls that need a script`);
      const headings = page.locator(".fw .tabpanel h3");
      assert.equal(await headings.count(), 4, path);
      for (let i = 0; i < 4; i++) assert.ok(await headings.nth(i).isVisible(), `${path}: the four Ps' heading ${i + 1}`);
      // The number still dials, and the quick exit (a link) is still there.
      assert.ok(await page.locator('.fw a[href^="tel:"]').first().isVisible(), path);
      assert.ok(await page.locator(".fw a.quick-exit-button").isVisible(), path);
      // Its hint says only the button: Shift three times needs a script.
      const hint = await page.locator("#fw-quick-exit-hint").innerText();
      assert.ok(hint.length > 10 && !hint.includes("Shift"), `${path}: the quick exit's hint without a script: ${hint}`);
      await context.close();
    }
  });

  test("with JavaScript, the quick exit's hint also says Shift three times, before and after the takeover", async () => {
    const { context, page, release } = await open("/mx/en/", { hold: true });
    const hint = page.locator("#fw-quick-exit-hint");
    const both = "Leave this page fast: press Quick exit, or press Shift three times.";
    assert.equal(await hint.innerText(), both);
    release();
    await takenOver(page);
    assert.equal(await hint.innerText(), both);
    await context.close();
  });

  test("with JavaScript off, the quick exit still leaves: it is a link to the site's quick exit page", async () => {
    const { context, page } = await open("/mx/", { javaScript: false });
    const exit = page.getByRole("button", { name: "Salida rápida" }).first();
    assert.equal(await exit.getAttribute("href"), AWAY);
    await exit.click();
    await page.waitForURL(AWAY);
    await context.close();
  });

  test("taken over, Space on the focused quick exit leaves, and Back does not return to the page", async () => {
    const { context, page, release } = await open("/mx/en/", { hold: true });
    await page.evaluate(() => (document.querySelector(".quick-exit-button").prerendered = true));
    release();
    await takenOver(page);
    // Its part comes alive a turn after the takeover (components::later): the widget's own.
    await page.waitForFunction(() => !document.querySelector(".quick-exit-button").prerendered);
    await page.getByRole("button", { name: "Quick exit" }).first().focus();
    await page.keyboard.press("Space");
    await page.waitForURL(AWAY);
    await page.goBack().catch(() => {});
    assert.notEqual(page.url(), `${env.server.url}/mx/en/`, "quick exit leaves no way back to the page in this tab's history");
    await context.close();
  });

  test("a visitor's focus on the number stays there through the takeover", async () => {
    const { context, page, release } = await open("/mx/en/", { hold: true });
    await page.locator(`#freedom-widget .panel a[href="${MX}"]`).first().focus();
    release();
    await takenOver(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("href")), MX);
    await context.close();
  });

  test("a visitor's focus on the quick exit stays there through the takeover, and Shift pressed three times then leaves", async () => {
    // The takeover renders the quick exit afresh, a task after the rest (components::later).
    const { context, page, release } = await open("/mx/en/", { hold: true });
    await page.getByRole("button", { name: "Quick exit" }).first().focus();
    await page.evaluate(() => (document.querySelector(".quick-exit-button").prerendered = true));
    release();
    await takenOver(page);
    // Its part comes alive in a turn of its own after the takeover's first render, as a copy of
    // the prerendered button: the focus is on the copy once it is there.
    await page.waitForFunction(() => !document.querySelector(".quick-exit-button").prerendered);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), "Quick exit");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(AWAY);
    await context.close();
  });

  test("a line with opening hours says whether it is open now once the page is taken over, and nothing moves", async () => {
    // Germany's lines keep office hours: the prerender says when, the live clock whether now.
    const { context, page, seen } = await open("/de/");
    // (Its 24/7 line says so from the prerender: that needs no clock.)
    const status = page.locator("#freedom-widget .panel .hours .status", { hasText: /^(Open now|Closed) · / });
    assert.equal(await status.count(), 0, "no page claims a line is open or closed before it knows the time");
    await takenOver(page);
    await status.first().waitFor();
    assert.deepEqual(await page.evaluate(() => window.fwShifts), [], "no layout shift");
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("quick exit is live: its button leaves for the default site", async () => {
    const { context, page } = await open("/mx/en/");
    await takenOver(page);
    await page.getByRole("button", { name: "Quick exit" }).first().click();
    await page.waitForURL(AWAY);
    await context.close();
  });

  test("its URL chooses nothing: a link naming another country, language or quick exit site still opens Mexico in Spanish", async () => {
    const { context, page } = await open("/mx/?country=US&lang=fr&quick-exit-url=https://example.com/");
    assert.deepEqual(await takenOver(page), { country: "MX", chosenBy: "link" });
    assert.equal(await page.getAttribute("html", "lang"), "es");
    assert.equal(await page.locator(`#freedom-widget .panel a[href="${MX}"]`).count() > 0, true);
    await page.getByRole("button", { name: "Salida rápida" }).first().click();
    await page.waitForURL(AWAY);
    await context.close();
  });

  test("its language links lead to the same country in that language", async () => {
    const { context, page } = await open("/mx/");
    await takenOver(page);
    await page.locator('.page-languages a[hreflang="en"]').click();
    await page.waitForURL(`${env.server.url}/mx/en/`);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.deepEqual(await takenOver(page), { country: "MX", chosenBy: "link" });
    await context.close();
  });
});
