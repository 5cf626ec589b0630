// The partner kit: the form drives the live preview and every snippet; the copied script tag,
// pasted into a fresh host page, renders the same widget.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST, ROOT, frames, setup, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

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
    await page.locator('#preview >> .fw-mount a[href="tel:+528005533000"]').first().waitFor();
    assert.equal(await page.locator("#preview >> .fw-mount [data-layout=banner]").count(), 1);
    // The snippets carry the country's number once the poster's wasm, which gives it, is here.
    await page.locator("#snippet-element", { hasText: "tel:" }).waitFor();
    const script = await page.locator("#snippet-script").textContent();
    assert.match(script, /data-country="MX"/);
    assert.match(script, /data-layout="banner"/);
    assert.match(script, /integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
    // Without the widget, the link opens Mexico's own page (the build writes one per country).
    assert.match(script, /<noscript>\n[\s\S]*<a href="[^"]+\/mx\/">[\s\S]*<\/noscript>$/);
    assert.match(await page.locator("#snippet-npm").textContent(), /"country": "MX",\s+"layout": "banner"/);
    assert.match(await page.locator("#snippet-element").textContent(), /<freedom-widget country="MX" layout="banner">\n  <p>[^\n]*tel:[\s\S]*<\/freedom-widget>$/);
    // The tag's files come from this copy's origin, which is not the partner's page's: the CSP
    // names it (not 'self'), for the scripts and for the wasm's fetch; npm's is said beside it.
    const csp = await page.locator("#snippet-csp").textContent();
    assert.equal(csp, `script-src ${env.server.url} 'wasm-unsafe-eval'\nconnect-src ${env.server.url}`);
    assert.match(await page.locator("#csp-hint").textContent(), /With npm or the element in your own bundle, the files are your site's: script-src 'self' 'wasm-unsafe-eval'\./);
    await page.locator("#country").fill("M1");
    assert.match(await page.locator("#country-error").textContent(), /two-letter country code/);
    assert.equal(await page.locator("#country").getAttribute("aria-invalid"), "true");
    await page.locator("#country").fill("MX");
    await page.locator("[data-copy=snippet-script]").click();
    await page.locator("#copy-status", { hasText: "copied" }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, script);
    await context.close();

    // The copied tag, pasted into a fresh host page on another origin whose strict CSP has only
    // the copied additions, renders the same widget.
    const tag = copied.split("\n")[0];
    const policy = `default-src 'self'; style-src 'self'; img-src 'self' data:; ${csp.replace("\n", "; ")}`;
    const host = await serve({ root: DIST, routes: { "/fresh.html": (q, r) => r.writeHead(200, { "content-type": "text/html", "content-security-policy": policy }).end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>fresh</title></head><body>${tag}</body></html>`) } });
    const fresh = await env.browser.newContext({ locale: "en-US" });
    const p2 = await fresh.newPage();
    const blocked = [];
    p2.on("console", (m) => m.text().includes("Content Security Policy") && blocked.push(m.text()));
    await p2.goto(`${host.url}/fresh.html`);
    await p2.locator('freedom-widget >> .fw-mount a[href="tel:+528005533000"]').first().waitFor({ timeout: 10_000 });
    assert.equal(await p2.locator("freedom-widget >> .fw-mount [data-layout=banner]").count(), 1);
    assert.deepEqual(blocked, [], "the copied CSP additions let everything the widget loads in");
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

  test("only lines a second page confirms: the option, its explanation and the preview", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#country").fill("PE");
    const preview = page.locator("#preview");
    await page.locator('#preview >> .fw-mount .cards a[href="tel:1818"]').waitFor();
    assert.match(await page.locator("#second-source-only-hint").textContent(), /source checked[\s\S]*nobody called[\s\S]*second, independent page/);
    await page.locator("#second-source-only").check();
    assert.match(await page.locator("#snippet-script").textContent(), /data-second-source-only="true"/);
    assert.match(await page.locator("#snippet-npm").textContent(), /"secondSourceOnly": true/);
    assert.equal(await preview.getAttribute("second-source-only"), "true");
    // Peru's line rests on one page: the preview keeps its emergency number and the directory.
    await page.locator("#preview >> .fw-mount .no-line").waitFor();
    assert.equal(await page.locator('#preview >> .fw-mount .cards a[href="tel:1818"]').count(), 0);
    assert.equal(await page.locator('#preview >> .fw-mount .emergency a[href="tel:105"]').count(), 1);
    await context.close();
  });

  test("fields beyond country and layout: fallback country, report link, fonts, colours, height", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#fallback-country").fill("TH");
    await page.locator("#report-url").fill("mailto:data@partner.example");
    await page.locator("#host-fonts").check();
    await page.locator("#height").fill("tall");
    assert.match(await page.locator("#height-error").textContent(), /CSS length/);
    await page.locator("#height").fill("38em");
    await page.locator("#bg").fill("#222222");
    await page.locator("#contrast-warning", { hasText: "Too little contrast" }).waitFor();
    const script = await page.locator("#snippet-script").textContent();
    assert.match(script, /data-fallback-country="TH"/);
    assert.match(script, /data-report-url="mailto:data@partner.example"/);
    assert.match(script, /data-host-fonts="true"/);
    assert.match(script, /--fw-height: 38em/);
    assert.match(script, /--fw-bg: #222222/);
    assert.match(await page.locator("#snippet-npm").textContent(), /"fallbackCountry": "TH"[\s\S]*"hostFonts": true/);
    assert.equal(await page.locator("#preview").getAttribute("fallback-country"), "TH");
    assert.equal(await page.locator("#preview").evaluate((e) => e.style.getPropertyValue("--fw-height")), "38em");
    await page.locator("#report-url").fill("javascript:alert(1)");
    assert.match(await page.locator("#report-url-error").textContent(), /https:\/\//);
    assert.doesNotMatch(await page.locator("#snippet-script").textContent(), /javascript:/);
    await context.close();
  });
});

/** The element snippet's stylesheet part for a compact widget: its space kept from the start. */
const RESERVE_COMPACT = "/* in your stylesheet: the widget's space, so nothing on your page moves when it starts */\n" +
  "@media (scripting: enabled) {\n  freedom-widget { display: block; font-size: max(1rem, 16px); block-size: var(--fw-height, 34em); }\n}";

/** What the two set-ups and the snippets say now. */
async function snippets(page) {
  const text = (id) => page.locator(`#${id}`).textContent();
  return { script: await text("snippet-script"), npm: await text("snippet-npm"), element: await text("snippet-element"), csp: await text("snippet-csp"), corrections: await text("corrections") };
}

describe("configurator: corrected numbers", () => {
  test("two set-ups side by side, a radio group: with the data channel (its origin in connect-src) or fully pinned (no channel); each changes the snippets", async () => {
    const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#snippet-script", { hasText: "integrity=" }).waitFor();
    const group = page.getByRole("group", { name: "Corrected numbers: choose a set-up" });
    const withChannel = group.getByRole("radio", { name: "Pinned code with the data channel (recommended)" });
    const pinned = group.getByRole("radio", { name: "Fully pinned, no channel" });
    // Side by side, each saying what it means for corrected numbers.
    const [a, b] = await page.locator(".setup").evaluateAll((cards) => cards.map((c) => c.getBoundingClientRect().toJSON()));
    assert.ok(Math.abs(a.top - b.top) < 2 && a.right <= b.left, `side by side: ${JSON.stringify([a, b])}`);
    assert.match(await page.locator("#setup-channel-text").textContent(), /code never changes \(integrity=\), and corrected numbers still reach your visitors/);
    assert.match(await page.locator("#setup-pinned-text").textContent(), /numbers are as old as the copy, and the widget shows its data's date/);
    assert.match(await withChannel.getAttribute("aria-describedby"), /setup-channel-text/);
    // The recommended set-up is chosen; this build has no channel of its own, which it says.
    assert.equal(await withChannel.isChecked(), true);
    assert.equal(await page.locator("#channel").inputValue(), "");
    assert.match(await page.locator("#channel-needed").textContent(), /needs a data channel address, and this copy was built without one/);
    let now = await snippets(page);
    assert.match(now.corrections, /^Pinned code with the data channel needs a channel address/);
    assert.doesNotMatch(now.script, /data-channel/);

    await page.locator("#channel").fill("https://data.partner.example/freedom-widget/channel.json");
    await page.locator("#corrections", { hasText: "Pinned code with the data channel: " }).waitFor();
    assert.equal(await page.locator("#channel-needed").textContent(), "");
    now = await snippets(page);
    assert.match(now.script, /integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"[^>]* data-channel="https:\/\/data\.partner\.example\/freedom-widget\/channel\.json"/);
    assert.match(now.csp, /^connect-src .*https:\/\/data\.partner\.example( |$)/m, now.csp);
    assert.match(now.npm, /"dataChannel": "https:\/\/data\.partner\.example\/freedom-widget\/channel\.json"/);
    assert.match(now.element, /<freedom-widget[^>]* channel="https:\/\/data\.partner\.example\/freedom-widget\/channel\.json">/);

    // By keyboard: the arrow moves the choice to the other set-up.
    await withChannel.focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await pinned.isChecked(), true);
    await page.locator("#corrections", { hasText: "Fully pinned: " }).waitFor();
    now = await snippets(page);
    assert.match(now.corrections, /^Fully pinned: .*only when you update the copy/);
    assert.match(now.script, /integrity="sha384-[A-Za-z0-9+/=]+" crossorigin="anonymous"/);
    for (const snippet of [now.script, now.npm, now.element, now.csp]) assert.doesNotMatch(snippet, /channel|data\.partner\.example/i, snippet);
    // The address typed stays, for when the partner comes back to it.
    await page.getByText("Pinned code with the data channel (recommended)", { exact: true }).click();
    assert.equal(await withChannel.isChecked(), true);
    assert.match((await snippets(page)).csp, /data\.partner\.example/);
    await context.close();
  });

  test("a build with a data channel of its own fills in the address, and fully pinned then says channel=\"\"", async () => {
    // The release build has none (FW_DATA_CHANNEL unset): post-build wrote "" in the placeholder's place.
    const built = readFileSync(join(DIST, "partners", "configurator.js"), "utf8");
    assert.ok(built.includes('const BUILD_CHANNEL = "";') && !built.includes("__DATA_CHANNEL__") && !built.includes("__LANGUAGES__"));
    // As a build made with FW_DATA_CHANNEL=/data/channel.json would write it (as the test command's
    // build for tests/channel/ is made).
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.route("**/partners/configurator.js", async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('const BUILD_CHANNEL = "";', 'const BUILD_CHANNEL = "/data/channel.json";');
      await route.fulfill({ response, body });
    });
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#snippet-script", { hasText: "integrity=" }).waitFor();
    const address = `${env.server.url}/data/channel.json`;
    assert.equal(await page.locator("#channel").inputValue(), address, "relative to this copy, not to the partner's page");
    assert.equal(await page.locator("#channel-needed").textContent(), "");
    let now = await snippets(page);
    assert.ok(now.script.includes(` data-channel="${address}"`), now.script);
    assert.ok(now.npm.includes(`"dataChannel": "${address}"`), now.npm);
    assert.match(now.corrections, /^Pinned code with the data channel: /);
    // This copy's own origin, named once: the partner's page is elsewhere, so not 'self'.
    assert.equal(now.csp.split("\n")[1], `connect-src ${env.server.url}`);
    await page.getByRole("radio", { name: "Fully pinned, no channel" }).check();
    await page.locator("#corrections", { hasText: "Fully pinned: " }).waitFor();
    now = await snippets(page);
    assert.match(now.script, /crossorigin="anonymous"[^>]* data-channel=""/, "the build's channel is turned off");
    assert.match(now.element, /<freedom-widget[^>]* channel="">/);
    assert.match(now.npm, /"dataChannel": ""/);
    // Emptied, the set-up with the channel says it needs one, naming this copy's.
    await page.getByRole("radio", { name: /Pinned code with the data channel/ }).check();
    await page.locator("#channel").fill("");
    assert.ok((await page.locator("#channel-needed").textContent()).includes(`needs a data channel address: enter the address of a channel.json (this copy's is ${address})`));
    await context.close();
  });
});

describe("configurator: the number as plain HTML in the snippets", () => {
  /** Mexico's main line as data/hotlines.json has it: the first line with a phone number. */
  function mexico() {
    const data = JSON.parse(readFileSync(join(ROOT, "data/hotlines.json"), "utf8"));
    const line = data.hotlines.find((h) => h.country === "MX" && h.channels.some((c) => c.kind === "phone"));
    const phone = line.channels.find((c) => c.kind === "phone");
    return { name: line.name, tel: `tel:${phone.e164}`, display: phone.display, date: data.checked };
  }

  test("MX: the main line's name, its tel: link exactly as in the data, and the data's date; without a country or unchecked, none", async () => {
    const mx = mexico();
    assert.equal(mx.tel, "tel:+528005533000");
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#snippet-script", { hasText: "integrity=" }).waitFor();
    const checkbox = page.getByRole("checkbox", { name: "Put the country's main number in the snippets as plain HTML" });
    assert.equal(await checkbox.isChecked(), true);
    assert.match(await page.locator("#fallback-number-status").textContent(), /Choose a country above/);
    assert.doesNotMatch((await snippets(page)).element, /tel:/);
    await page.locator("#country").fill("MX");
    await page.locator("#snippet-element", { hasText: "tel:" }).waitFor();
    const lines = [`<p>${mx.name}: <a href="${mx.tel}">${mx.display}</a></p>`, `<p lang="en"><small>Hotline data of ${mx.date}.</small></p>`];
    const now = await snippets(page);
    assert.equal(now.element, `import "freedom-widget/element";\n\n${RESERVE_COMPACT}\n\n<freedom-widget country="MX" layout="compact">\n  ${lines.join("\n  ")}\n</freedom-widget>`);
    assert.ok(now.script.includes(`<noscript>\n  ${lines.join("\n  ")}\n  <p><a href="${env.server.url}/mx/">`), now.script);
    assert.match(await page.locator("#fallback-number-status").textContent(), new RegExp(`Mexico's main line, .*${mx.display} \\(data of ${mx.date}\\)`));
    // In the language chosen for the widget.
    await page.locator("#lang").selectOption("es");
    await page.locator("#snippet-element", { hasText: "Datos de las líneas de ayuda" }).waitFor();
    assert.ok((await snippets(page)).element.includes(`<p lang="es"><small>Datos de las líneas de ayuda del ${mx.date}.</small></p>`));
    await checkbox.uncheck();
    const off = await snippets(page);
    assert.match(off.element, /<freedom-widget country="MX" lang="es" layout="compact"><\/freedom-widget>$/);
    // Spanish is Mexico's page's own language: /mx/, not /mx/es/.
    assert.match(off.script, /<noscript><a href="[^"]+\/mx\/">[^<]*<\/a><\/noscript>$/);
    await context.close();
  });

  test("a page made from the element snippet: with JavaScript off it shows the tel: link; with it on, the widget takes its place", async () => {
    const mx = mexico();
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#country").fill("MX");
    await page.locator("#snippet-element", { hasText: "tel:" }).waitFor();
    const element = (await snippets(page)).element;
    await context.close();
    // The element's markup and its stylesheet part as pasted; `import "freedom-widget/element"` is
    // the package's element.js. Text follows the widget, as on a partner's page.
    const markup = element.slice(element.indexOf("<freedom-widget"));
    const css = element.slice(element.indexOf("@media"), element.indexOf("<freedom-widget"));
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>partner</title>
<style>${css}</style><script type="module" src="/embed/element.js"></script></head><body><h1>A partner's page</h1>${markup}
<p id="after">The partner's text after the widget.</p></body></html>`;
    const host = await serve({ root: DIST, routes: { "/element.html": (q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html) } });
    const light = (p) => p.evaluate((tel) => {
      const link = document.querySelector(`freedom-widget > p a[href="${tel}"]`);
      return { visible: link?.checkVisibility() ?? null, text: document.querySelector("freedom-widget").innerText };
    }, mx.tel);

    const noJs = await env.browser.newContext({ locale: "en-US", javaScriptEnabled: false });
    const off = await noJs.newPage();
    await off.goto(`${host.url}/element.html`);
    const shown = await light(off);
    assert.equal(shown.visible, true, "the number shows without scripts");
    assert.ok(shown.text.includes(mx.display) && shown.text.includes(`Hotline data of ${mx.date}.`), shown.text);
    await off.getByRole("link", { name: mx.display }).waitFor();
    await noJs.close();

    const withJs = await env.browser.newContext({ locale: "en-US" });
    await withJs.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => window.shifts.push(e.value))).observe({ type: "layout-shift", buffered: true });
    });
    const on = await withJs.newPage();
    const seen = watch(on);
    await on.goto(`${host.url}/element.html`);
    await on.locator(`freedom-widget >> .fw-mount a[href="${mx.tel}"]`).first().waitFor({ timeout: 10_000 });
    assert.equal((await light(on)).visible, false, "the light DOM is hidden once the widget's shadow root is there");
    // The snippet's stylesheet kept the widget's space from the first frame: nothing moved.
    await frames(on);
    assert.deepEqual(await on.evaluate(() => window.shifts), [], "no layout shift");
    assert.deepEqual(seen.errors, []);
    await withJs.close();
    await host.close();
  });
});

describe("configurator snippets", () => {
  test("escape what they embed: no </script> in the npm snippet, no comment or open string in the CSS", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#snippet-script", { hasText: "integrity=" }).waitFor();
    const exit = "https://partner.example/</script><script>alert(1)</script>";
    await page.locator("#quick-exit").check();
    await page.locator("#quick-exit-url").fill(exit);
    const font = 'Noto Sans" */ } body { display: none } /*';
    await page.locator("#font").fill(font);
    const npm = await page.locator("#snippet-npm").textContent();
    assert.doesNotMatch(npm, /<\/script/i, npm);
    // Pasted into an inline script of a page, it still holds the partner's value, whole.
    const result = await page.evaluate((npm) => {
      const object = npm.slice(npm.indexOf("mount(") + "mount(".length).replace(/^document\.querySelector\("#help"\),\s*/, "").replace(/\);$/, "");
      const doc = new DOMParser().parseFromString(`<script>window.options = ${object};</script><p id=after>after</p>`, "text/html");
      return { scripts: doc.querySelectorAll("script").length, after: doc.querySelector("#after")?.textContent, options: doc.querySelector("script").textContent, parsed: JSON.parse(object) };
    }, npm);
    assert.equal(result.scripts, 1, "the value ends no script");
    assert.equal(result.after, "after");
    assert.equal(result.parsed.quickExitUrl, exit);
    // The CSS snippet is one rule for the element, declaring only the widget's properties.
    const script = await page.locator("#snippet-script").textContent();
    const css = script.slice(script.indexOf("/* in your stylesheet */"));
    const rules = await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      return [...sheet.cssRules].map((r) => ({ selector: r.selectorText, properties: [...r.style] }));
    }, css);
    assert.deepEqual(rules, [{ selector: "freedom-widget", properties: ["--fw-font"] }], css);
    await context.close();
  });
});

/** Rasterizes an SVG in a blank page and reads its QR code with jsQR (from tools/node_modules). */
async function decodeQr(browser, svg) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.setContent("<!doctype html><canvas></canvas>");
  await page.addScriptTag({ path: join(ROOT, "tools/node_modules/jsqr/dist/jsQR.js") });
  const text = await page.evaluate(async (svg) => {
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    await image.decode();
    const canvas = document.querySelector("canvas");
    [canvas.width, canvas.height] = [1080, 1500];
    const g = canvas.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(image, 0, 0, canvas.width, canvas.height);
    const pixels = g.getImageData(0, 0, canvas.width, canvas.height);
    return window.jsQR(pixels.data, canvas.width, canvas.height)?.data ?? null;
  }, svg);
  await context.close();
  return text;
}

/** Page count and first page size (points) of a PDF from Chromium. */
function pdfPages(pdf) {
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  const box = text.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  return { pages, width: Number(box?.[1]), height: Number(box?.[2]) };
}

describe("poster", () => {
  test("MX in Spanish: Mexico's lines, a QR code that opens Mexico's own page in Spanish, SVG download, one printed page on A4 and on Letter", async () => {
    const context = await env.browser.newContext({ locale: "en-US", acceptDownloads: true });
    const page = await context.newPage();
    const seen = watch(page);
    page.setDefaultTimeout(10_000);
    await page.goto(`${env.server.url}/partners/`);
    await page.locator("#poster-status", { hasText: "Enter a country" }).waitFor();
    assert.equal(await page.locator("#download-poster").isDisabled(), true);
    await page.locator("#country").fill("MX");
    await page.locator("#lang").selectOption("es");
    await page.locator("#poster-status", { hasText: "Poster for Mexico in Spanish" }).waitFor();

    const shown = (await page.locator("#poster svg text").allTextContents()).join("\n");
    assert.match(shown, /Líneas de ayuda en México/);
    const data = JSON.parse(readFileSync(join(ROOT, "data/hotlines.json"), "utf8"));
    const mexico = data.hotlines.filter((h) => h.country === "MX");
    assert.ok(mexico.length > 0);
    for (const line of mexico.slice(0, 3)) {
      for (const channel of line.channels.filter((c) => c.display)) assert.ok(shown.includes(channel.display), `${channel.display} on the poster`);
      assert.ok(shown.includes(line.source_url) && shown.includes(line.checked), "source and check date in small print");
    }
    for (const p of ["Enjuiciamiento", "Protección", "Prevención", "Alianzas"]) assert.ok(shown.includes(p), `${p}: the four Ps, a line each`);

    const svg = await page.locator("#poster svg").evaluate((e) => e.outerHTML);
    // Mexico's own page, in the poster's language (Spanish: the page at /mx/).
    assert.equal(await decodeQr(env.browser, svg), `${env.server.url}/mx/`);
    const opened = await fetch(`${env.server.url}/mx/`);
    assert.equal(opened.status, 200, "the page the QR code opens is there");
    assert.match(await opened.text(), /<html lang="es"/);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#download-poster").click()]);
    assert.equal(download.suggestedFilename(), "hotline-poster-MX-es.svg");
    const file = readFileSync(await download.path(), "utf8");
    assert.match(file, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="180mm" height="250mm"/);
    assert.equal(await decodeQr(env.browser, file), `${env.server.url}/mx/`);

    for (const [paper, width, height] of [["a4", 595, 842], ["letter", 612, 792]]) {
      await page.locator("#paper").selectOption(paper);
      const pdf = pdfPages(await page.pdf({ preferCSSPageSize: true }));
      assert.equal(pdf.pages, 1, `${paper}: one page`);
      assert.ok(Math.abs(pdf.width - width) < 1 && Math.abs(pdf.height - height) < 1, `${paper}: ${pdf.width}×${pdf.height} pt`);
    }
    // And whatever paper the print dialog picks, the poster still fits one sheet.
    for (const format of ["A4", "Letter"]) assert.equal(pdfPages(await page.pdf({ format })).pages, 1, `${format} from the dialog`);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("the poster's code and strings stay out of the embed bundle", () => {
    const embed = join(DIST, "embed");
    for (const file of readdirSync(embed, { recursive: true }).filter((f) => /\.[a-z]+$/.test(f))) {
      const bytes = readFileSync(join(embed, file));
      assert.ok(!bytes.includes("freedom_poster") && !bytes.includes("you can get help"), `${file} carries none of the poster`);
    }
    assert.ok(readdirSync(join(DIST, "partners", "poster")).some((f) => f.endsWith(".wasm")));
  });
});
