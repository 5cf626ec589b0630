// Accessibility in a real browser: axe-core (WCAG 2.0/2.1/2.2 A and AA) on the standalone page and
// on the embed (open shadow root) for every layout, both themes and every language; a keyboard
// walk through the whole widget; 320 px width (the same as 200% zoom of 640 px).
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, setup, pageTakenOver } from "./helpers.mjs";
// The checkers' sources, tags and policy, shared with tests/engines/a11y.test.mjs.
import { ACE, AXE, TAGS, axeViolations, ibmViolations } from "./checkers.mjs";

const LANGS = readdirSync(join(ROOT, "i18n")).filter((f) => f.endsWith(".ftl")).map((f) => f.slice(0, -4)).sort();
/** A partner's page whose script tag carries the query's options as data- attributes. */
function embedHost(req, res) {
  const escape = (v) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const params = new URL(req.url, "http://localhost").searchParams;
  const data = [...params].map(([k, v]) => ` data-${k.replace(/[^a-z-]/g, "")}="${escape(v)}"`).join("");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner page</title></head>
<body><main><h1>A partner's page</h1><script type="module" src="/embed/embed.js"${data}></script></main></body></html>`;
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
  const found = await page.evaluate(axeViolations, TAGS);
  await context.close();
  return found;
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
        const ready = layout === "full" ? "freedom-widget >> .country-list:not(.growing)" : `freedom-widget >> .fw-mount .fw[data-layout="${layout}"]`;
        assert.deepEqual(await axe(url, { colorScheme, ready }), []);
      });
    }
  }
  test("themes forced by option, light and dark: page and embed", async () => {
    for (const theme of ["light", "dark"]) {
      assert.deepEqual(await axe(`${env.server.url}/?theme=${theme}&country=TH`), [], `page, ${theme}`);
      const ready = `freedom-widget >> .fw-mount .fw[data-theme="${theme}"]`;
      assert.deepEqual(await axe(`${env.server.url}/embed-host.html?theme=${theme}&country=TH`, { ready }), [], `embed, ${theme}`);
    }
  });
  test("the partner kit", async () => {
    assert.deepEqual(await axe(`${env.server.url}/partners/`, { ready: "#preview >> .fw-mount .fw" }), []);
    // With a poster made, the number in the snippets, the other set-up chosen by keyboard, and an
    // error shown beside a field.
    const act = async (page) => {
      await page.locator("#country").fill("MX");
      await page.locator("#poster svg").waitFor();
      await page.locator("#snippet-element", { hasText: "tel:" }).waitFor();
      await page.locator("#setup-channel").focus();
      await page.keyboard.press("ArrowDown");
      await page.locator("#corrections", { hasText: "Fully pinned" }).waitFor();
      await page.locator("#height").fill("tall");
    };
    assert.deepEqual(await axe(`${env.server.url}/partners/`, { ready: "#preview >> .fw-mount .fw", act }), []);
  });
  for (const lang of LANGS) {
    test(`standalone page in ${lang}`, async () => {
      assert.deepEqual(await axe(`${env.server.url}/?lang=${lang}&country=MX`), []);
    });
    test(`embed in ${lang}`, async () => {
      const ready = `freedom-widget >> .fw-mount .fw[lang="${lang}"]`;
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
    await pageTakenOver(page);
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
    // The page's clock, so the 10 s rotation (ROTATE_MS in src/components/quotes.rs) can be run
    // past in an instant; it keeps time with the real one until moved on.
    await page.clock.install();
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
    // Paused: the control now offers to play, and the quote stays past three rotations' time. The
    // focus leaves the quotes first, since focus on them pauses the rotation by itself.
    const quote = () => page.locator(".quote blockquote").textContent();
    const away = async () => {
      await page.locator("#fw-search").focus();
      assert.ok(!(await page.evaluate(() => !!document.activeElement.closest(".quotes"))), "the focus is off the quotes");
    };
    assert.equal(await page.locator(".quote-toggle").textContent(), "Play quotes");
    await away();
    const shown = await quote();
    // One rotation's time at a time: over as many rotations as there are quotes, the first
    // would come round again.
    for (let rotation = 1; rotation <= 3; rotation++) {
      await page.clock.runFor(10_000 + 500);
      assert.equal(await quote(), shown, `no quote rotated in while paused (${rotation} × 10 s)`);
    }
    // Space again plays: within one rotation another quote is shown.
    await page.locator(".quote-toggle").focus();
    await page.keyboard.press("Space");
    await page.locator(".quote-toggle", { hasText: "Pause quotes" }).waitFor();
    await away();
    await page.clock.runFor(10_000 + 1_000);
    await page.waitForFunction((q) => document.querySelector(".quote blockquote").textContent !== q, shown);
    await context.close();
  });
});

describe("small screens and zoom", () => {
  test("banner at 320 px: the number is in view without scrolling inside the widget", async () => {
    const context = await env.browser.newContext({ locale: "en-US", viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/pages/two.html`);
    const link = page.locator('#mx >> .fw-mount a[href="tel:+528005533000"]');
    await link.waitFor();
    const [box, host] = [await link.boundingBox(), await page.locator("#mx").boundingBox()];
    assert.ok(box.y + box.height <= host.y + host.height, `link bottom ${box.y + box.height} within the banner (${host.y + host.height})`);
    await context.close();
  });

  for (const [name, url, link] of [["page", "/?country=US", "a[href='tel:+18883737888']"], ["embed", "/pages/plain.html", "freedom-widget >> .fw-mount a[href='tel:+18883737888']"]]) {
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

/** Every node of Chromium's accessibility tree (the one screen readers read), shadow roots included. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  /** The exposed nodes under `n`, at any depth, as { role, name }. */
  const below = (n, out = []) => {
    for (const c of (n.childIds ?? []).map((id) => byId.get(id)).filter(Boolean)) {
      if (!c.ignored) out.push({ role: c.role?.value, name: c.name?.value ?? "" });
      below(c, out);
    }
    return out;
  };
  return nodes.filter((n) => !n.ignored).map((n) => ({
    role: n.role?.value, name: n.name?.value ?? "",
    children: (n.childIds ?? []).map((id) => byId.get(id)).filter((c) => c && !c.ignored),
    below: () => below(n),
  }));
}

/** A page, or a partner's page with the default (full) embed whose country list has grown whole. */
async function openWhole(url, locale = "en-US") {
  const context = await env.browser.newContext({ locale, viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${env.server.url}${url}`);
  await page.waitForFunction(() => {
    const root = document.querySelector("freedom-widget")?.shadowRoot ?? document;
    const list = root.querySelector(".country-list");
    // The standalone page: taken over, its first paint (the main line alone) gone.
    const firstPaint = document.querySelector(".first-paint, .page-first-cover");
    return root.querySelector(".cards") && !firstPaint && list && !list.classList.contains("growing") && list.children.length > 200;
  });
  return { context, page };
}

const DOORS = [["standalone page", "/?country=US"], ["embed (shadow root)", "/embed-host.html?country=US"]];

describe("what a screen reader hears (Chromium's accessibility tree)", () => {
  for (const [door, url] of DOORS) {
    test(`${door}: no link is named by digits alone; call links say what they reach`, async () => {
      const { context, page } = await openWhole(url);
      const links = (await axTree(page)).filter((n) => n.role === "link");
      assert.ok(links.length > 300, `the whole list was read (${links.length} links)`);
      const bare = links.filter((l) => /^[\d\s+\-().#*]*$/.test(l.name));
      assert.deepEqual(bare.map((l) => l.name), [], "links named only by digits (or not at all)");
      const names = links.map((l) => l.name);
      for (const name of [
        "Call National Human Trafficking Hotline, 1-888-373-7888", // the row in the list of all countries
        "Call emergency services, 911", // the row's emergency number
        "Call 1-888-373-7888 (National Human Trafficking Hotline)", // the card's link
        "Call National Helpline 116 006, 116 006", // Albania's row
      ]) assert.ok(names.includes(name), `a link named "${name}"`);
      await context.close();
    });
  }

  test("Arabic page: names are translated and still never digits alone", async () => {
    const { context, page } = await openWhole("/?lang=ar&country=EG", "ar-EG");
    await page.locator('.fw[lang="ar"]').waitFor();
    await page.waitForFunction(() => document.querySelector('.country-row a[aria-label^="اتصل"]'));
    const links = (await axTree(page)).filter((n) => n.role === "link");
    assert.deepEqual(links.filter((l) => /^[\d\s+\-().#*]*$/.test(l.name)).map((l) => l.name), []);
    assert.ok(links.some((l) => l.name.startsWith("اتصل بخدمات الطوارئ")), "emergency links in Arabic");
    await context.close();
  });

  for (const [door, url] of DOORS) {
    test(`${door}: every link that opens a new tab says so`, async () => {
      const { context, page } = await openWhole(url);
      const root = url.startsWith("/embed") ? page.locator("freedom-widget") : page.locator("body");
      const count = await root.locator('a[target="_blank"]').count();
      assert.ok(count >= 3, `Source, Report and web links (${count})`);
      assert.equal(await root.getByRole("link", { name: /\(opens in a new tab\)$/ }).count(), count);
      await context.close();
    });

    test(`${door}: nothing empty is exposed (the search results, until there are some)`, async () => {
      const { context, page } = await openWhole(url);
      const emptyLists = (await axTree(page)).filter((n) => ["list", "listbox"].includes(n.role) && n.children.length === 0);
      assert.deepEqual(emptyLists.map((n) => `${n.role} "${n.name}"`), [], "empty lists in the accessibility tree");
      await page.locator("#fw-search").fill("peru");
      const results = (await axTree(page)).filter((n) => n.role === "list" && n.children.some((c) => c.role?.value === "listitem"));
      assert.ok(results.length > 0);
      await page.getByRole("button", { name: "Peru", exact: true }).waitFor();
      // The results list is exposed now, holding Peru and nothing else. (The list of all
      // countries is a list too, with its own "Show hotlines for Peru": that one is not it.)
      const holdingPeru = (await axTree(page)).filter((n) => n.role === "list" && n.below().some((d) => d.role === "button" && d.name === "Peru"));
      assert.equal(holdingPeru.length, 1, "one list holds the result Peru");
      const items = holdingPeru[0].children.filter((c) => c.role?.value === "listitem");
      assert.equal(items.length, 1, `the results list holds Peru alone (${items.length} items)`);
      await context.close();
    });
  }

  test("the standalone page has exactly one h1, and no heading level is skipped (page and embed)", async () => {
    for (const [door, url] of DOORS) {
      const { context, page } = await openWhole(url);
      const levels = (await axTree(page)).filter((n) => n.role === "heading").map((n) => n.name);
      const found = await page.evaluate(() => {
        // Headings in document order, into the embed's shadow root, as the tree exposes them.
        const out = [];
        const walk = (root) => {
          for (const e of root.querySelectorAll("*")) {
            if (/^H[1-6]$/.test(e.tagName) && e.checkVisibility({ visibilityProperty: true }) !== false && !e.closest("[hidden]")) out.push(Number(e.tagName[1]));
            if (e.shadowRoot) walk(e.shadowRoot);
          }
        };
        walk(document);
        return out;
      });
      assert.ok(levels.length > 3, `${door}: headings exposed`);
      assert.equal(found.filter((l) => l === 1).length, 1, `${door}: one h1 (${found.join(",")})`);
      assert.equal(found[0], 1, `${door}: the h1 comes first`);
      found.forEach((l, i) => assert.ok(i === 0 || l <= found[i - 1] + 1, `${door}: h${found[i - 1]} followed by h${l}`));
      await context.close();
    }
  });
});

describe("keyboard paths", () => {
  /** The element that has the focus, looking into the embed's shadow root. */
  const focused = (page) => page.evaluate(() => {
    let e = document.activeElement;
    while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
    return e ? { tag: e.tagName, role: e.getAttribute("role"), cls: e.className, id: e.id, inExplainer: !!e.closest(".explainer") } : null;
  });

  test("the default embed: from its top to the four Ps in at most 20 Tab presses, skipping the list in one step", async () => {
    const { context, page } = await openWhole("/embed-host.html?country=US");
    await page.locator("h1").click();
    let presses = 0;
    let skipped = false;
    for (; presses < 600; ) {
      await page.keyboard.press("Tab");
      presses++;
      const f = await focused(page);
      if (f?.role === "tab" && f.inExplainer) break;
      if (f?.cls.includes("skip-link")) {
        await page.keyboard.press("Enter");
        assert.equal((await focused(page)).id, "fw-all-end", "the skip link moves the focus past the list");
        skipped = true;
      }
    }
    assert.ok(skipped, "a skip link was offered");
    assert.ok(presses <= 20, `${presses} Tab presses to reach the four Ps`);
    await context.close();
  });

  test("standalone page: the skip link passes the list, and is visible while focused", async () => {
    const { context, page } = await openWhole("/?country=US");
    const skip = page.locator(".skip-link");
    await skip.focus();
    const box = await skip.boundingBox();
    assert.ok(box.width > 50 && box.height >= 24, `visible when focused (${box.width}×${box.height})`);
    await page.keyboard.press("Enter");
    assert.equal((await focused(page)).id, "fw-all-end");
    await page.keyboard.press("Tab");
    assert.equal((await focused(page)).role, "tab", "the next stop is the explainer's tab");
    assert.equal(new URL(page.url()).hash, "", "the address is left alone");
    await context.close();
  });
});

describe("text in another direction keeps its own order (Arabic page)", () => {
  /** Horizontal extent of `text` inside the first element matching `selector`, measured with a Range. */
  const extent = (page, selector, text) => page.evaluate(([selector, text]) => {
    const el = document.querySelector(selector);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      const i = node.data.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + text.length);
      const rects = [...range.getClientRects()];
      return { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)), top: rects[0].top };
    }
    return null;
  }, [selector, text]);

  test("Hong Kong's line name, its organisation and the English quote read left to right", async () => {
    const context = await env.browser.newContext({ locale: "ar", viewport: { width: 1000, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${env.server.url}/?lang=ar&country=HK`);
    await page.locator('.fw[lang="ar"][dir="rtl"] .cards').waitFor();
    // Words on one line: in their own (left-to-right) order the first is left of the second.
    const pairs = [
      [".card-title", "1868", "hotline"],
      [".card-title", "assistance", "Hong Kong"],
      [".org", "Unit", "(AHU)"],
      [".quote blockquote", "“It", "ought"],
      [".quote blockquote", "slavery", "”"],
    ];
    const compared = [];
    for (const [selector, first, second] of pairs) {
      const [a, b] = [await extent(page, selector, first), await extent(page, selector, second)];
      assert.ok(a && b, `${first} and ${second} in ${selector}`);
      if (Math.abs(a.top - b.top) > 4) continue; // wrapped onto another line: order is by line
      assert.ok(a.right <= b.left + 1, `“${first}” (${a.left}–${a.right}) is left of “${second}” (${b.left}–${b.right}) in ${selector}`);
      compared.push(`${first} ${second}`);
    }
    // Had every pair wrapped, nothing above was checked: at 1000 px most share a line.
    assert.ok(compared.length >= 3, `pairs on one line, compared: ${compared.length} of ${pairs.length} (${compared.join("; ")})`);
    // "(AHU)" keeps both brackets around it: the ")" is its rightmost character.
    const [ahu, close] = [await extent(page, ".org", "AHU"), await extent(page, ".org", "AHU)")];
    assert.ok(close.right > ahu.right, "the closing bracket follows AHU on the right");
    // The isolation is in the markup: data text and quotes carry their own direction, and the
    // English ones their language.
    const marks = await page.evaluate(() => ({
      title: document.querySelector(".card-title bdi")?.getAttribute("dir"),
      quote: [document.querySelector(".quote blockquote").getAttribute("dir"), document.querySelector(".quote blockquote").lang],
      speaker: document.querySelector(".quote .speaker").lang,
    }));
    assert.deepEqual(marks, { title: "auto", quote: ["auto", "en"], speaker: "en" });
    await context.close();
  });
});

describe("IBM Equal Access (accessibility-checker's engine), zero violations", () => {
  /** Violations (not "needs review") of the IBM_Accessibility policy, as `rule: message @ path`. */
  async function ibm(url, ready, { english = true, refuseWasm = false } = {}) {
    const context = await env.browser.newContext({ locale: "en-US", bypassCSP: true, reducedMotion: "reduce" });
    // The first paint, as it stays when the wasm cannot run.
    if (refuseWasm) await context.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${env.server.url}${url}`);
    await page.locator(ready).first().waitFor();
    // The standalone page's first paint draws some of what `ready` names before the takeover.
    if (url.startsWith("/?") && !refuseWasm) await pageTakenOver(page);
    await page.waitForTimeout(150);
    await page.addScriptTag({ content: ACE });
    const found = await page.evaluate(ibmViolations, english);
    await context.close();
    return found;
  }
  test("standalone page (full list, quick exit)", async () => {
    assert.deepEqual(await ibm("/?country=US", ".cards"), []);
  });
  test("standalone page, a country without a line", async () => {
    assert.deepEqual(await ibm("/?country=AF", ".international"), []);
  });
  test("embed, inside its shadow root (default layout, whole list)", async () => {
    assert.deepEqual(await ibm("/embed-host.html?country=US", "freedom-widget >> .country-list:not(.growing)"), []);
  });
  test("embed, compact and banner, in Arabic", async () => {
    assert.deepEqual(await ibm("/embed-host.html?country=EG&layout=compact&lang=ar", 'freedom-widget >> .fw-mount .fw[lang="ar"]', { english: false }), []);
    assert.deepEqual(await ibm("/embed-host.html?country=MX&layout=banner", 'freedom-widget >> .fw-mount .fw[data-layout="banner"]'), []);
  });
  test("the first paint (the wasm refused): default layout, Arabic, a country without a line", async () => {
    const refuseWasm = true;
    assert.deepEqual(await ibm("/embed-host.html?country=US", "freedom-widget >> .fw-first .cards", { refuseWasm }), []);
    assert.deepEqual(await ibm("/embed-host.html?country=EG&layout=compact&lang=ar", 'freedom-widget >> .fw-first .fw[lang="ar"]', { english: false, refuseWasm }), []);
    assert.deepEqual(await ibm("/embed-host.html?country=AF&layout=compact", "freedom-widget >> .fw-first .international", { refuseWasm }), []);
  });
  test("the standalone page's first paint (the wasm refused): a deep link in Spanish, a country without a line", async () => {
    const refuseWasm = true;
    assert.deepEqual(await ibm("/?country=MX&lang=es", ".first-paint .cards", { english: false, refuseWasm }), []);
    assert.deepEqual(await ibm("/?country=AF", ".first-paint .no-line", { refuseWasm }), []);
  });
});
