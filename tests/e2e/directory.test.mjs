// The directory in the browser: opening hours told in the visitor's clock, the copy button, the
// fallback for a country with no line.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { pageTakenOver, setup } from "./helpers.mjs";

const env = setup();

async function at(isoInstant, timezoneId, path = "/?country=JP") {
  const context = await env.browser.newContext({ locale: "en-US", timezoneId });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.clock.setFixedTime(new Date(isoInstant));
  await page.goto(env.server.url + path);
  await page.locator(".cards .status").first().waitFor();
  return { context, page };
}

describe("open now", () => {
  test("a Tokyo line at 19:00 Tokyo time is closed, told in the visitor's own clock", async () => {
    // Wednesday 25 November 2026, 19:00 in Tokyo = 10:00 UTC = 05:00 in New York.
    for (const [zone, expected] of [["Asia/Tokyo", "Closed · opens Thu 9:30 AM"], ["America/New_York", "Closed · opens 7:30 PM"]]) {
      const { context, page } = await at("2026-11-25T10:00:00Z", zone);
      assert.equal((await page.locator(".cards .status").first().textContent()).trim(), expected, zone);
      await context.close();
    }
  });

  test("open on a weekday morning, with its closing time", async () => {
    const { context, page } = await at("2026-11-27T01:00:00Z", "Asia/Tokyo"); // Friday 10:00 in Tokyo
    assert.equal((await page.locator(".cards .status").first().textContent()).trim(), "Open now · closes 6:15 PM");
    await context.close();
    // Times are written the visitor's way: 24-hour in Spanish.
    const es = await at("2026-11-27T01:00:00Z", "Asia/Tokyo", "/?country=JP&lang=es");
    assert.match(await es.page.locator(".cards .status").first().textContent(), /18:15/);
    await es.context.close();
  });

  test("a 24/7 line says so", async () => {
    const { context, page } = await at("2026-11-25T10:00:00Z", "America/New_York", "/?country=US");
    assert.equal((await page.locator(".cards .status").first().textContent()).trim(), "Open 24/7");
    await context.close();
  });
});

describe("channels", () => {
  test("the copy button copies the number and says so to screen readers", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?country=US`);
    await page.locator(".cards .copy").first().click();
    const status = page.locator(".cards .copy-status").first();
    await status.filter({ hasText: "Copied 1-888-373-7888" }).waitFor();
    assert.equal(await status.getAttribute("role"), "status");
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "1-888-373-7888");
    await context.close();
  });

  test("every channel of the US line is a large link: call, text with keyword, chat, report, email", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?country=US`);
    // The widget's own card, not the first paint's (the main line alone).
    await pageTakenOver(page);
    const links = page.locator(".cards article").first().locator("a.channel");
    await links.first().waitFor();
    const found = await links.evaluateAll((as) => as.map((a) => [a.getAttribute("href"), a.getBoundingClientRect().height >= 24 && a.getBoundingClientRect().width >= 24]));
    assert.deepEqual(found.map(([h]) => h), [
      "tel:+18883737888", "sms:233733?&body=HELP", "https://humantraffickinghotline.org/chat",
      "https://humantraffickinghotline.org/en/report-trafficking", "mailto:help@humantraffickinghotline.org",
    ]);
    assert.ok(found.every(([, big]) => big));
    await context.close();
  });

  test("a country with no line: said plainly, with its emergency number and the international directory", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?country=AF`);
    // The widget's own panel: the first paint says the same, then hides in a cover (a closed
    // shadow root) for the takeover's few frames, where a count would find nothing.
    await pageTakenOver(page);
    assert.match(await page.locator(".no-line").textContent(), /We have no hotline listed for Afghanistan yet/);
    assert.equal(await page.locator('.emergency a[href="tel:119"]').count(), 1);
    assert.equal(await page.locator('.international a[href="https://globalmodernslavery.org/"]').count(), 1);
    await context.close();
  });
});

describe("the whole list in an embed", () => {
  test("the default layout lists every country, grown in small tasks, ending the same as the page's list", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/`);
    const onPage = await page.locator(".country-row").count();
    // The page's list as the page shows it once its own widget has taken over (the takeover
    // may sort the list again), name by name.
    await pageTakenOver(page);
    const pageNames = await page.locator(".country-row .country-name").allTextContents();
    await page.goto(`${env.server.url}/pages/plain.html`);
    await page.waitForFunction((n) => document.querySelector("freedom-widget")?.shadowRoot?.querySelectorAll(".country-row").length === n, onPage);
    const last = await page.locator("freedom-widget >> .country-row").last().locator(".country-name").textContent();
    assert.ok(onPage > 200 && last.length > 0, `${onPage} rows, the last one ${last}`);
    // Grown whole: the same countries in the same order as the page's.
    await page.locator("freedom-widget >> .country-list:not(.growing)").waitFor();
    const embedNames = await page.locator("freedom-widget >> .country-row .country-name").allTextContents();
    assert.equal(pageNames.length, onPage);
    assert.deepEqual(embedNames, pageNames, "the embed's list, name by name, is the page's");
    await context.close();
  });

  test("while the list grows, what follows it stays out of view: it never shows and then moves down", async () => {
    // Vatican City has no line, so the panel above the list is short, and the partner made the
    // widget taller: the explainer after the list would be in view if the growing list did not
    // keep the widget's height free.
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.seen = { growingFrames: 0, explainerInViewWhileGrowing: 0, shift: 0 };
      new PerformanceObserver((l) => l.getEntries().forEach((e) => { if (!e.hadRecentInput) seen.shift += e.value; })).observe({ type: "layout-shift", buffered: true });
      const watch = () => {
        const root = document.querySelector("freedom-widget")?.shadowRoot;
        const list = root?.querySelector(".country-list");
        if (list) {
          if (!list.classList.contains("growing")) return;
          seen.growingFrames++;
          const box = root.querySelector(".fw-mount").getBoundingClientRect();
          const explainer = root.querySelector(".explainer").getBoundingClientRect();
          if (explainer.top < box.bottom) seen.explainerInViewWhileGrowing++;
        }
        requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    await page.route(`${env.server.url}/va.html`, (route) => route.fulfill({ contentType: "text/html",
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><freedom-widget country="VA" style="--fw-height: 60em"></freedom-widget><script type="module" src="/embed/element.js"></script></body></html>' }));
    await page.goto(`${env.server.url}/va.html`);
    await page.waitForFunction(() => document.querySelector("freedom-widget")?.shadowRoot?.querySelector(".country-list:not(.growing)"), null, { timeout: 10_000 });
    // Two more frames, so the last frame's layout-shift entries have been delivered.
    const seen = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.seen)))));
    assert.ok(seen.growingFrames > 0, "watched the list while it grew");
    assert.equal(seen.explainerInViewWhileGrowing, 0, "the explainer never in view while the list grows");
    assert.equal(seen.shift, 0, "no layout shift");
    await context.close();
  });
});
