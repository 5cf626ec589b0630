// The partner kit: the form drives the live preview and every snippet; the copied script tag,
// pasted into a fresh host page, renders the same widget.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setup } from "./helpers.mjs";
import { serve } from "./serve.mjs";
import { DIST } from "./helpers.mjs";

// The embed is served with CORS, as a CDN would: the copied tag is pasted into a page on another origin.
const env = setup({ cors: true });

describe("configurator", () => {
  test("changing country and layout updates the preview and every snippet; bad input is explained", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.url });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#snippet-script", { hasText: "integrity=" }).waitFor();
    await page.locator("#country").fill("MX");
    await page.locator("#layout").selectOption("banner");
    await page.locator('#preview >> a[href="tel:+528005533000"]').first().waitFor();
    assert.equal(await page.locator("#preview >> [data-layout=banner]").count(), 1);
    const script = await page.locator("#snippet-script").textContent();
    assert.match(script, /data-country="MX"/);
    assert.match(script, /data-layout="banner"/);
    assert.match(script, /integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
    assert.match(script, /<noscript><a href="[^"]+\?country=MX">/);
    assert.match(await page.locator("#snippet-npm").textContent(), /"country": "MX",\s+"layout": "banner"/);
    assert.match(await page.locator("#snippet-element").textContent(), /<freedom-widget country="MX" layout="banner"><\/freedom-widget>/);
    assert.match(await page.locator("#snippet-csp").textContent(), /'wasm-unsafe-eval'/);
    await page.locator("#country").fill("M1");
    assert.match(await page.locator("#country-error").textContent(), /two-letter country code/);
    assert.equal(await page.locator("#country").getAttribute("aria-invalid"), "true");
    await page.locator("#country").fill("MX");
    await page.locator("[data-copy=snippet-script]").click();
    await page.locator("#copy-status", { hasText: "copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, script);
    await context.close();

    // The copied tag, pasted into a fresh host page, renders the same widget.
    const tag = copied.split("\n")[0];
    const host = await serve({ root: DIST, routes: { "/fresh.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fresh</title></head><body>${tag}</body></html>`) } });
    const fresh = await env.browser.newContext({ locale: "en-US" });
    const p2 = await fresh.newPage();
    await p2.goto(`${host.url}/fresh.html`);
    await p2.locator('freedom-widget >> a[href="tel:+528005533000"]').first().waitFor({ timeout: 10_000 });
    assert.equal(await p2.locator("freedom-widget >> [data-layout=banner]").count(), 1);
    await fresh.close();
    await host.close();
  });

  test("the standalone page links to the partner kit", async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await page.getByRole("link", { name: /For partners/ }).click();
    await page.waitForURL(`${env.server.url}/partners/`);
    await context.close();
  });
});
