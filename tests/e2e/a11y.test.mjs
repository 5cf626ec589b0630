// Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA) on the standalone page and
// on the embed (open shadow root) for every layout, both themes and every language; a keyboard
// walk through the whole widget; 320 px width (the same as 200% zoom of 640 px).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, setup } from "./helpers.mjs";

const AXE = readFileSync(join(ROOT, "tools/node_modules/axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LANGS = readdirSync(join(ROOT, "i18n")).filter((f) => f.endsWith(".ftl")).map((f) => f.slice(0, -4)).sort();
/** A partner's page whose script tag carries the query's options as data- attributes. */
function embedHost(req, res) {
  const escape = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const params = new URL(req.url, "http://localhost").searchParams;
  const data = [...params].map(([k, v]) => ` data-${k.replace(/[^a-z-]/g, "")}="${escape(v)}"`).join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>
<body><h1>A partner's page</h1><script type="module" src="/embed/embed.js"${data}></script></body></html>`;
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(html);
}
const env = setup({ routes: { "/embed-host.html": embedHost } });

async function axe(url, { colorScheme = "light", ready = ".fw", act = async () => {} } = {}) {
  const context = await env.browser.newContext({ locale: "en-US", colorScheme, bypassCSP: true, reducedMotion: "reduce" });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(url);
  await page.locator(ready).first().waitFor();
  await act(page);
  await page.waitForTimeout(150);
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }), TAGS);
  await context.close();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" >> ")).join("\n    ")}`);
}

describe("axe-core, zero violations", () => {
  for (const colorScheme of ["light", "dark"]) {
    for (const layout of ["full", "compact", "banner"]) {
      test(`standalone page, ${layout}, ${colorScheme}`, async () => {
        assert.deepEqual(await axe(`${env.server.url}/?layout=${layout}&country=US`, { colorScheme }), []);
      });
      test(`embed (shadow DOM), ${layout}, ${colorScheme}`, async () => {
        const url = `${env.server.url}/embed-host.html?country=US&layout=${layout}`;
        // The full layout's list grows after the first render: audited once it is whole.
        const ready = layout === "full" ? "freedom-widget >> .country-list:not(.growing)" : `freedom-widget >> .fw[data-layout="${layout}"]`;
        assert.deepEqual(await axe(url, { colorScheme, ready }), []);
      });
    }
  }
  test("themes forced by option, light and dark: page and embed", async () => {
    for (const theme of ["light", "dark"]) {
      assert.deepEqual(await axe(`${env.server.url}/?theme=${theme}&country=TH`), [], `page, ${theme}`);
      const ready = `freedom-widget >> .fw[data-theme="${theme}"]`;
      assert.deepEqual(await axe(`${env.server.url}/embed-host.html?theme=${theme}&country=TH`, { ready }), [], `embed, ${theme}`);
    }
  });
  test("the partner kit", async () => {
    assert.deepEqual(await axe(`${env.server.url}/partners/`, { ready: "#preview >> .fw" }), []);
    // With a poster made, and an error shown beside a field.
    const act = async (page) => {
      await page.locator("#country").fill("MX");
      await page.locator("#poster svg").waitFor();
      await page.locator("#height").fill("tall");
    };
    assert.deepEqual(await axe(`${env.server.url}/partners/`, { ready: "#preview >> .fw", act }), []);
  });
  for (const lang of LANGS) {
    test(`standalone page in ${lang}`, async () => {
      assert.deepEqual(await axe(`${env.server.url}/?lang=${lang}&country=MX`), []);
    });
    test(`embed in ${lang}`, async () => {
      const ready = `freedom-widget >> .fw[lang="${lang}"]`;
      assert.deepEqual(await axe(`${env.server.url}/embed-host.html?lang=${lang}&country=MX`, { ready }), []);
    });
  }
});

describe("keyboard", () => {
  /**
   * Presses Tab until focus has passed every control of the widget once, checking each: focus
   * visible (our 3 px outline) and not covered by sticky content. Works inside the embed's shadow
   * root too (the focused element is the host's shadowRoot.activeElement).
   */
  async function tabThrough(page) {
    const tabbable = await page.evaluate(() => {
      const root = document.querySelector("freedom-widget")?.shadowRoot ?? document;
      return [...root.querySelector(".fw").querySelectorAll("a[href], button, input, select, summary, [tabindex]")]
        .filter((e) => e.tabIndex >= 0 && !e.closest("[hidden]") && !e.closest("details:not([open]) > :not(summary)")).length;
    });
    const reached = new Set();
    for (let i = 0; i < tabbable + 5; i++) {
      await page.keyboard.press("Tab");
      const state = await page.evaluate(() => {
        const host = document.querySelector("freedom-widget");
        const root = host?.shadowRoot ?? document;
        const e = host ? root.activeElement : document.activeElement;
        if (!e || e === document.body || !e.closest(".fw")) return null;
        const s = getComputedStyle(e);
        const r = e.getBoundingClientRect();
        const at = root.elementFromPoint(r.left + Math.min(r.width / 2, 10), r.top + Math.min(r.height / 2, 10));
        const covered = at && !(at === e || e.contains(at) || at.contains(e));
        const id = e.id || `${e.tagName}:${e.textContent.trim().slice(0, 30)}:${e.getAttribute("href") ?? ""}:${[...e.parentNode.children].indexOf(e)}:${[...e.closest("li.country-row")?.parentNode.children ?? []].indexOf(e.closest("li.country-row"))}`;
        return { id, outline: `${s.outlineStyle} ${s.outlineWidth}`, covered, onScreen: r.bottom > 0 && r.top < innerHeight };
      });
      if (!state) continue;
      reached.add(state.id);
      assert.match(state.outline, /solid 3px/, `focus visible on ${state.id}`);
      assert.ok(!state.covered && state.onScreen, `${state.id} is not hidden behind sticky content`);
    }
    assert.ok(reached.size >= tabbable, `reached ${reached.size} of ${tabbable} controls`);
    return reached.size;
  }

  test("tabs through the whole widget: every control reachable, focus visible, never under the sticky bar", async () => {
    const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?layout=compact&country=US`);
    await page.locator(".cards").waitFor();
    await tabThrough(page);
    await context.close();
  });

  test("embed, default (full) layout: tabs through every control, the whole country list included", async () => {
    const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/embed-host.html?country=US`);
    // The list has grown to every country.
    await page.waitForFunction(() => {
      const list = document.querySelector("freedom-widget")?.shadowRoot?.querySelector(".country-list");
      return list && !list.classList.contains("growing") && list.children.length > 200;
    });
    const reached = await tabThrough(page);
    assert.ok(reached > 400, `the list's controls were walked too (${reached})`);
    await context.close();
  });

  test("operable by keyboard: search and Enter picks a country; Space plays and pauses quotes", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?country=US`);
    // Typed into the prerendered box, perhaps before the page takes over: it still counts.
    await page.locator("#fw-search").focus();
    await page.keyboard.type("viet");
    await page.locator(".search-status", { hasText: "Countries found: 1" }).waitFor();
    await page.keyboard.press("Enter");
    await page.locator("#fw-directory-heading", { hasText: /Vietnam/ }).waitFor();
    await page.locator(".quote-toggle").focus();
    const before_ = await page.locator(".quote-toggle").textContent();
    await page.keyboard.press("Space");
    await page.waitForFunction((b) => document.querySelector(".quote-toggle").textContent !== b, before_);
    await context.close();
  });
});

describe("small screens and zoom", () => {
  test("banner at 320 px: the number is in view without scrolling inside the widget", async () => {
    const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/pages/two.html`);
    const link = page.locator('#mx >> a[href="tel:+528005533000"]');
    await link.waitFor();
    const [box, host] = [await link.boundingBox(), await page.locator("#mx").boundingBox()];
    assert.ok(box.y + box.height <= host.y + host.height, `link bottom ${box.y + box.height} within the banner (${host.y + host.height})`);
    await context.close();
  });

  for (const [name, url, link] of [["page", "/?country=US", "a[href='tel:+18883737888']"], ["embed", "/pages/plain.html", "freedom-widget >> a[href='tel:+18883737888']"]]) {
    test(`${name}: nothing cut off at 320 px (200% zoom)`, async () => {
      const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(env.server.url + url);
      await page.locator(link).first().waitFor();
      const overflow = await page.evaluate(() => {
        const root = document.querySelector("freedom-widget")?.shadowRoot ?? document;
        const fw = root.querySelector(".fw");
        const wide = [...fw.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest("[hidden]"));
        return { page: document.documentElement.scrollWidth - innerWidth, wide: wide.slice(0, 3).map((e) => e.className || e.tagName) };
      });
      assert.ok(overflow.page <= 0, `page scrolls sideways by ${overflow.page}px`);
      assert.deepEqual(overflow.wide, [], "elements wider than the screen");
      await context.close();
    });
  }
});
