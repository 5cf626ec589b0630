// Speaking the visitor's language: every language renders with no English left in the interface,
// Arabic reads right to left with numbers intact, switching needs no reload, formats are local.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, setup, pageTakenOver, frames, warned } from "./helpers.mjs";

const LANGS = readdirSync(join(ROOT, "i18n")).filter((f) => f.endsWith(".ftl")).map((f) => f.slice(0, -4));
const english = Object.fromEntries(readFileSync(join(ROOT, "i18n/en.ftl"), "utf8").split("\n").filter((l) => / = /.test(l) && !l.startsWith("#")).map((l) => l.split(" = ")));
const OUT = join(ROOT, "tests/e2e/.out");
mkdirSync(OUT, { recursive: true });
const env = setup();

async function open(path, contextOptions = {}) {
  const context = await env.browser.newContext({ locale: "en-US", timezoneId: "America/New_York", reducedMotion: "reduce", ...contextOptions });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(env.server.url + path);
  if (path.startsWith("/?")) await pageTakenOver(page);
  else await page.locator(".cards").first().waitFor();
  return { context, page };
}

/** Interface text: everything but data (names, notes) and the quotes' English originals. */
const interfaceText = (page) => page.evaluate(() => {
  const skip = (e) => e.closest('[lang="en"], .card-title, .org, .row-name, .country-list, .international, option, .speaker, .source, .result');
  const walker = document.createTreeWalker(document.querySelector(".fw"), NodeFilter.SHOW_TEXT);
  const out = [];
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (n.textContent.trim() && !skip(n.parentElement) && !n.parentElement.closest("[hidden]")) out.push(n.textContent.trim());
  }
  return out;
});

/** A language's messages, as its .ftl file writes them. */
const messagesOf = (lang) => Object.fromEntries(readFileSync(join(ROOT, `i18n/${lang}.ftl`), "utf8").split("\n").filter((l) => / = /.test(l) && !l.startsWith("#")).map((l) => [l.slice(0, l.indexOf(" = ")), l.slice(l.indexOf(" = ") + 3)]));

describe("the standalone page's own text", () => {
  for (const lang of LANGS) {
    test(`${lang}: the subtitle and footer speak it, from its translation file, with the page's lang and dir`, async () => {
      const { context, page } = await open(`/?lang=${lang}`);
      const messages = messagesOf(lang);
      const shown = await page.evaluate(() => ({
        lang: document.documentElement.lang, dir: document.documentElement.dir,
        texts: Object.fromEntries([...document.querySelectorAll("[data-text]")].map((e) => [e.dataset.text, e.textContent])),
        align: getComputedStyle(document.querySelector(".page-tagline")).direction,
      }));
      const rtl = lang === "ar" ? "rtl" : "ltr";
      assert.deepEqual(shown, {
        lang, dir: rtl, align: rtl,
        texts: Object.fromEntries(["page-title", "page-tagline", "page-privacy", "page-about-sources", "page-partners"].map((k) => [k, messages[k]])),
      });
      await context.close();
    });
  }

  test("follows the widget's language menu", async () => {
    const { context, page } = await open("/?lang=es");
    await page.locator("#freedom-widget #fw-language").selectOption("ar");
    await page.waitForFunction(() => document.documentElement.lang === "ar");
    assert.equal(await page.locator(".page-tagline").textContent(), messagesOf("ar")["page-tagline"]);
    assert.equal(await page.evaluate(() => document.documentElement.dir), "rtl");
    await context.close();
  });
});

describe("every language", () => {
  for (const lang of LANGS.filter((l) => l !== "en")) {
    test(`${lang}: no English interface text left, lang and dir set`, async () => {
      const { context, page } = await open(`/?lang=${lang}&country=US`);
      const root = await page.locator(".fw").evaluate((e) => [e.lang, e.dir]);
      assert.deepEqual(root, [lang, lang === "ar" ? "rtl" : "ltr"]);
      const texts = await interfaceText(page);
      // Short or universal strings (24/7, numbers) may be the same in two languages; sentences may not.
      const leftovers = texts.filter((t) => Object.values(english).some((en) => en.length > 12 && t.includes(en.replace(/\{ \$\w+ \}/g, "").trim().slice(0, 20))));
      assert.deepEqual(leftovers, [], `English left in ${lang}`);
      assert.match(await page.locator(".translation").first().textContent(), /\S/, "the quote's translation is shown, marked");
      await context.close();
    });
  }
});

describe("a line's entry in every language", () => {
  // Who a line is for, its channels' flags, its provenance: English only in names and in the
  // notes the data holds only in English, which are marked lang="en".
  const entryEnglish = Object.entries(english)
    .filter(([k]) => /^(audience-|flag-|source-checked|second-source|dial-in-country|hours-)/.test(k))
    .map(([, v]) => v.replace(/\{ \$\w+ \}/g, "").replace(/[():]/g, "").trim())
    .filter((v) => v.length >= 4);
  for (const lang of LANGS.filter((l) => l !== "en")) {
    test(`${lang}: the US, Fiji and Iraq entries read in ${lang}`, async () => {
      for (const country of ["US", "FJ", "IQ"]) {
        const { context, page } = await open(`/?lang=${lang}&country=${country}`);
        const text = await page.evaluate(() => {
          const skip = (e) => e.closest('[lang="en"], .card-title, .org');
          // A line's name is data, in whatever language the data gives it: also where a call
          // link repeats it for screen readers, as plain text in a visually hidden span.
          const names = [...document.querySelectorAll(".cards .card-title")].map((t) => t.textContent);
          const walker = document.createTreeWalker(document.querySelector(".cards"), NodeFilter.SHOW_TEXT);
          const out = [];
          while (walker.nextNode()) {
            if (!skip(walker.currentNode.parentElement)) out.push(names.reduce((t, name) => t.replaceAll(name, ""), walker.currentNode.textContent));
          }
          return out.join(" ");
        });
        const left = entryEnglish.filter((en) => new RegExp(`(^|[^\\p{L}])${en.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}($|[^\\p{L}])`, "iu").test(text));
        assert.deepEqual(left, lang === "fr" ? left.filter((w) => w === "police") : [], `${country} in ${lang}: ${text}`);
        assert.doesNotMatch(text, /verified|For:/, `${country} in ${lang}`);
        // English text carries its own direction: a <bdi> (isolated, direction from its text) or dir="auto".
        for (const note of await page.locator('.cards [lang="en"]').all()) {
          const own = await note.evaluate((e) => e.tagName === "BDI" || e.getAttribute("dir") === "auto");
          assert.ok(own, `English notes carry their own direction: ${await note.evaluate((e) => e.outerHTML)}`);
        }
        await context.close();
      }
    });
  }
});

describe("right to left", () => {
  test("Arabic mirrors the layout and keeps numbers left to right (screenshots in tests/e2e/.out)", async () => {
    const shots = {};
    for (const lang of ["ar", "en"]) {
      const { context, page } = await open(`/?lang=${lang}&country=US`, { viewport: { width: 800, height: 900 } });
      await page.screenshot({ path: join(OUT, `page-${lang}.png`) });
      shots[lang] = await page.evaluate(() => {
        const fw = document.querySelector(".fw").getBoundingClientRect();
        // The extent of the heading's text, not of its (full-width) box.
        const range = document.createRange();
        range.selectNodeContents(document.querySelector("#fw-directory-heading"));
        const heading = range.getBoundingClientRect();
        const number = document.querySelector('.cards a[href="tel:+18883737888"] bdi');
        return { leftGap: heading.left - fw.left, rightGap: fw.right - heading.right, number: number.textContent, numberDir: getComputedStyle(number).direction };
      });
      await context.close();
    }
    assert.ok(shots.en.leftGap < shots.en.rightGap, "English heading starts at the left");
    assert.ok(shots.ar.rightGap < shots.ar.leftGap, "Arabic heading starts at the right");
    assert.equal(shots.ar.number, "1-888-373-7888");
    assert.equal(shots.ar.numberDir, "ltr");
  });
});

describe("only the language a visitor reads is downloaded", () => {
  const languageFiles = (page) => {
    const seen = [];
    page.on("request", (r) => { if (r.url().includes("/embed/i18n/")) seen.push(r.url().split("/").pop().split("-")[0]); });
    return seen;
  };

  test("an English visit fetches no language file; a Spanish one fetches Spanish only, and its first render is Spanish", async () => {
    const { context, page } = await open("/pages/plain.html", { locale: "en-US" });
    const english = languageFiles(page);
    await page.reload();
    await page.locator("freedom-widget >> .fw-mount .fw").waitFor();
    // Rendered, and then no request for 500 ms: a language file fetched late would be in.
    await page.waitForLoadState("networkidle");
    assert.deepEqual(english, []);
    await context.close();

    const es = await env.browser.newContext({ locale: "es-MX", timezoneId: "America/Mexico_City" });
    const p2 = await es.newPage();
    const spanish = languageFiles(p2);
    await p2.goto(`${env.server.url}/pages/nolang.html`);
    // The first render seen, frame by frame, is already Spanish.
    const first = await p2.waitForFunction(() => {
      const root = document.querySelector("freedom-widget")?.shadowRoot?.querySelector(".fw");
      const label = root?.querySelector("label[for=fw-search]")?.textContent;
      return label ? `${root.lang}: ${label}` : false;
    }, null, { polling: "raf" });
    assert.match(await first.jsonValue(), /^es: .*país/);
    assert.deepEqual(spanish, ["es"]);
    await es.close();
  });

  test("a language changed while the widget starts is the one its first render speaks", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/pages/nolang.html`);
    await page.locator("freedom-widget >> .fw-mount .fw").waitFor();
    const first = await page.evaluate(() => new Promise((done) => {
      const element = document.createElement("freedom-widget");
      element.id = "late";
      element.setAttribute("country", "MX");
      element.setAttribute("lang", "fr");
      document.body.append(element);
      element.setAttribute("lang", "es");
      const look = () => {
        const root = element.shadowRoot?.querySelector(".fw");
        const label = root?.querySelector("label[for=fw-search]")?.textContent;
        if (label) done(`${root.lang}: ${label}`);
        else requestAnimationFrame(look);
      };
      look();
    }));
    assert.match(first, /^es: .*país/);
    await context.close();
  });

  test("switching language fetches that language once", async () => {
    const { context, page } = await open("/?country=US");
    const seen = languageFiles(page);
    await page.locator("#fw-language").selectOption("fr");
    await page.locator("label[for=fw-search]", { hasText: "pays" }).waitFor();
    await page.locator("#fw-language").selectOption("en");
    await page.locator("#fw-language").selectOption("fr");
    await page.locator("label[for=fw-search]", { hasText: "pays" }).waitFor();
    assert.deepEqual(seen, ["fr"]);
    assert.equal(await page.locator(".fw").getAttribute("lang"), "fr");
    await context.close();
  });

  test("the visitor's last choice wins, even when an earlier language arrives later", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    await context.route(/\/embed\/i18n\/es-/, async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/?country=US`);
    await pageTakenOver(page);
    await page.waitForTimeout(300);
    const spanishArrived = page.waitForResponse(/\/embed\/i18n\/es-/, { timeout: 10_000 });
    await page.locator("#fw-language").selectOption("es");
    await page.locator("#fw-language").selectOption("fr");
    await page.locator("label[for=fw-search]", { hasText: "pays" }).waitFor();
    // The earlier choice's file has arrived, and two frames have been drawn since.
    await (await spanishArrived).finished();
    await frames(page);
    assert.equal(await page.locator(".fw").getAttribute("lang"), "fr");
    assert.equal(await page.locator("#fw-language").inputValue(), "fr");
    await context.close();
  });

  test("a language file that fails to load leaves the widget working in English, with one warning", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    await context.route(/\/embed\/i18n\//, (route) => route.fulfill({ status: 404, body: "gone" }));
    const page = await context.newPage();
    const warnings = [];
    page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
    await page.goto(`${env.server.url}/?country=US`);
    await pageTakenOver(page);
    await page.waitForTimeout(300);
    await page.locator("#fw-language").selectOption("es");
    // The load has failed and said so: what it leaves is what stays.
    await warned(page, { warnings }, "es messages could not be loaded");
    await frames(page);
    assert.equal(await page.locator(".fw").getAttribute("lang"), "en", "no English text under another language's name");
    assert.equal(await page.locator("#fw-language").inputValue(), "en", "the picker is put back on the language shown");
    assert.equal(await page.locator('.cards a[href="tel:+18883737888"]').count(), 1);
    assert.equal(warnings.filter((w) => w.includes("es messages could not be loaded")).length, 1);
    await context.close();
  });
});

describe("switching and formats", () => {
  test("the visitor switches language without a reload, on the page and in an embed", async () => {
    for (const [path, scope] of [["/?country=US", ""], ["/pages/two.html", "#th >> "]]) {
      const { context, page } = await open(path);
      await page.evaluate(() => { window.notReloaded = true; });
      await page.locator(`${scope}#fw-language`).selectOption("es");
      await page.locator(`${scope}label[for=fw-search]`, { hasText: "país" }).waitFor();
      assert.equal(await page.evaluate(() => window.notReloaded), true);
      await context.close();
    }
  });

  test("dates and times come from Intl in the visitor's language", async () => {
    const { context, page } = await open("/?lang=es&country=US");
    assert.match(await page.locator(".cards .source").first().textContent(), /25 nov 2026/);
    await context.close();
    const en = await open("/?lang=en&country=US");
    assert.match(await en.page.locator(".cards .source").first().textContent(), /Nov 25, 2026/);
    await en.context.close();
  });
});
