// Safety for people at risk: quick exit (button and Shift×3), no trace left behind.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { CHROMIUM_ARGS, serveDist, setup, watch, pageTakenOver } from "./helpers.mjs";
import { chromium } from "../../tools/node_modules/playwright-core/index.mjs";

const AWAY = "https://www.wikipedia.org/";
/** A site a person controlling the visitor runs: whatever the widget sends it is recorded. */
const EVIL = "https://evil.example";
/** Titles a page reported to the server, by the token its `open` gave it (see `open`). */
const reportedTitles = new Map();
const env = setup({
  routes: {
    "/fw-title": (req, res) => {
      const query = new URL(req.url, "http://x").searchParams;
      const list = reportedTitles.get(query.get("token")) ?? [];
      reportedTitles.set(query.get("token"), [...list, query.get("t")]);
      res.writeHead(204).end();
    },
    // A partner's page whose element sends quick exit where `?to=` says (the partner's setting).
    "/partner-exit.html": (req, res) => {
      const to = new URL(req.url, "http://x").searchParams.get("to").replace(/[^\w:/.%-]/g, "");
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
        <script src="/embed/embed.js"></script></head><body><h1>Partner</h1>
        <freedom-widget id="w" country="US" layout="compact" quick-exit quick-exit-url="${to}"></freedom-widget></body></html>`);
    },
  },
});

/** A page with quick exit; the neutral site is answered locally (no network here). */
async function open(path) {
  const context = await env.browser.newContext({ locale: "en-US", timezoneId: "Europe/London" });
  await context.route(`${AWAY}**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>Wikipedia</title><p>elsewhere</p>" }));
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const seen = watch(page);
  await page.goto(env.server.url + path);
  // Each title set is recorded by the test server before the setter returns: a synchronous
  // request from inside `document.title`'s setter, so it has finished before quick exit goes on
  // to navigate. (A console message or a beacon sent just before the page navigates away was
  // lost now and then on a busy machine, and so was a request from a MutationObserver: it runs
  // after the navigation has begun, and a navigation to another site may cancel it.) `titles`
  // reads what the server recorded.
  const token = String(Math.random());
  const titles = {
    get list() {
      return reportedTitles.get(token) ?? [];
    },
    includes(title) {
      return this.list.includes(title);
    },
  };
  await page.evaluate((token) => {
    const title = Object.getOwnPropertyDescriptor(Document.prototype, "title");
    Object.defineProperty(Document.prototype, "title", {
      ...title,
      set(value) {
        title.set.call(this, value);
        const request = new XMLHttpRequest();
        request.open("GET", `/fw-title?token=${token}&t=${encodeURIComponent(this.title)}`, false);
        request.send();
      },
    });
  }, token);
  const historyBefore = await page.evaluate(() => history.length);
  return { context, page, seen, titles, historyBefore };
}

/** No quick exit happened. Its `leave` (src/hooks/use_quick_exit.rs) blanks the title and hides
 *  the page in the same task as the key press that triggers it, before navigating: so once the
 *  presses have been handled (the caller has seen their effects or a later key's, and this reads
 *  the page after them), those marks would be there. `root`: where the widget's quick exit is. */
async function assertStayed(page, titles, url, what, root = "") {
  const state = await page.evaluate(() => ({ title: document.title, hidden: document.body.hidden }));
  assert.notEqual(state.title, "", `${what}: the title was not blanked`);
  assert.equal(state.hidden, false, `${what}: the page was not hidden`);
  assert.ok(!titles.includes(""), `${what}: the title was never blanked (${JSON.stringify(titles.list)})`);
  assert.equal(page.url(), url, what);
  assert.equal(await page.locator(`${root}.quick-exit [role=status]`).first().textContent(), "", `${what}: no press announced`);
}

async function assertLeft(page, titles, historyBefore) {
  await page.waitForURL(AWAY);
  assert.ok(titles.includes(""), `the title was blanked first (${JSON.stringify(titles.list)})`);
  assert.equal(await page.evaluate(() => history.length), historyBefore, "no new history entry: the page was replaced");
}

describe("quick exit on the standalone page", () => {
  test("is the first thing in tab order, and the button leaves at once", async () => {
    const { context, page, titles, historyBefore } = await open("/");
    await pageTakenOver(page);
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Quick exit");
    await page.keyboard.press("Enter");
    await assertLeft(page, titles, historyBefore);
    await context.close();
  });

  test("Shift pressed three times leaves, announcing the presses", async () => {
    const { context, page, titles, historyBefore } = await open("/");
    await pageTakenOver(page);
    await page.keyboard.press("Shift");
    await page.locator(".quick-exit [role=status]", { hasText: "Shift pressed 1 of 3 times" }).waitFor({ state: "attached" });
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await assertLeft(page, titles, historyBefore);
    await context.close();
  });

  test("Shift while typing in the search field does nothing", async () => {
    const { context, page, titles } = await open("/");
    // The Shift handler is the page's own (after the takeover): before, there is none to test.
    await pageTakenOver(page);
    await page.locator("#fw-search").click();
    for (let i = 0; i < 4; i++) await page.keyboard.press("Shift");
    await page.keyboard.type("Mex");
    // The search answered the letters typed after the Shifts: those were handled before them.
    await page.locator(".search-status", { hasText: /Countries found: \d/ }).waitFor({ state: "attached" });
    await assertStayed(page, titles, `${env.server.url}/`, "Shift ×4 in the search field");
    assert.equal(page.url(), `${env.server.url}/`);
    assert.equal(await page.locator("#fw-search").inputValue(), "Mex");
    await context.close();
  });

  test("Shift as a modifier never counts: Shift+Tab three and six times stays on the page", async () => {
    const { context, page, titles } = await open("/");
    await pageTakenOver(page);
    // A keyboard user walking backwards from the end of the hotlines.
    await page.locator(".cards a.channel").last().focus();
    for (let i = 1; i <= 6; i++) {
      const from = await page.evaluate(() => document.activeElement.outerHTML);
      await page.keyboard.press("Shift+Tab");
      // The focus moved back: the press is handled (a move is its default action, after the
      // page's listeners).
      await page.waitForFunction((f) => document.activeElement.outerHTML !== f, from);
      if (i === 3 || i === 6) {
        await assertStayed(page, titles, `${env.server.url}/`, `Shift+Tab ×${i}`);
        assert.equal(page.url(), `${env.server.url}/`, `still here after Shift+Tab ×${i}`);
        assert.equal(await page.evaluate(() => document.body.hidden), false);
        assert.equal(await page.locator(".quick-exit [role=status]").textContent(), "", "no press announced");
      }
    }
    // Shift with letters and shortcuts, outside any field, does not count either.
    // (Each press resolves once the page has handled it; a count or an exit would show at once.)
    for (const keys of ["Shift+A", "Shift+ArrowDown", "Shift+End"]) await page.keyboard.press(keys);
    await assertStayed(page, titles, `${env.server.url}/`, "Shift+A, Shift+ArrowDown, Shift+End");
    assert.equal(page.url(), `${env.server.url}/`);
    await context.close();
  });

  test("another key between Shift presses starts the count again", async () => {
    const { context, page, titles, historyBefore } = await open("/");
    await pageTakenOver(page);
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift");
    // The third Shift is announced as the first: the count started again, and nothing left.
    await page.locator(".quick-exit [role=status]", { hasText: "Shift pressed 1 of 3 times" }).waitFor({ state: "attached" });
    assert.equal(page.url(), `${env.server.url}/`);
    assert.ok(!titles.includes(""), "the title was never blanked");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await assertLeft(page, titles, historyBefore);
    await context.close();
  });

  test("goes to the destination the partner set, by button and by Shift×3", async () => {
    // Only a partner sets it: on their own page, on the element.
    const away = `${env.server.url}/pages/plain.html`;
    for (const how of ["button", "shift"]) {
      const { context, page } = await open(`/partner-exit.html?to=${encodeURIComponent(away)}`);
      await page.locator("#w >> .fw-mount .quick-exit-button").waitFor();
      if (how === "button") await page.locator("#w >> .quick-exit-button").click();
      else for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      await page.waitForURL(away);
      await context.close();
    }
  });

  test("safety copy is honest: quick exit does not erase history", async () => {
    const { context, page } = await open("/");
    assert.match(await page.locator(".safety").textContent(), /does not erase your browser history/);
    assert.match(await page.locator(".safety").textContent(), /private window/);
    await context.close();
  });
});

describe("a crafted link to the standalone page", () => {
  // What the person controlling a visitor could send them: quick exit and reports to their own
  // site (to learn the moment the visitor fled), no quick exit, no hotline, only quotes.
  const crafted = `/?country=US&quick-exit-url=${encodeURIComponent(`${EVIL}/landing`)}&report-url=${encodeURIComponent(`${EVIL}/report`)}` +
    "&quick-exit=false&sections=quotes&second-source-only=true";

  for (const how of ["button", "shift"]) {
    test(`keeps the US line and quick exit, and quick exit by ${how === "button" ? "its button" : "Shift×3"} goes only to the default destination`, async () => {
      const { context, page, seen, titles, historyBefore } = await open(crafted);
      const evil = [];
      await context.route(`${EVIL}/**`, (route) => {
        evil.push(route.request().url());
        route.fulfill({ status: 200, contentType: "text/html", body: "<title>Evil</title>" });
      });
      await pageTakenOver(page);
      // The hotline is there, and dialable; quick exit shows; the quotes did not take its place.
      await page.locator('#freedom-widget .panel a[href="tel:+18883737888"]').first().waitFor();
      assert.equal(await page.locator("#freedom-widget .explainer").count(), 1, "every section stays");
      assert.equal(await page.locator(".quick-exit-button").count(), 1);
      // The panel says the country came from the link, not from this website.
      assert.match(await page.locator("#freedom-widget .panel .chosen").textContent(), /^Shown for the United States, from the link you opened\.$/);
      // Every report link keeps the default; none goes to the link's.
      const reports = await page.locator("#freedom-widget a", { hasText: "Report an outdated number" }).evaluateAll((as) => as.map((a) => a.href));
      assert.ok(reports.length > 0);
      assert.deepEqual([...new Set(reports)], ["https://github.com/freedom-widget/freedom-widget/issues/new?template=outdated-number.md"]);
      // One note per key the link cannot set, naming it.
      for (const key of ["quick-exit-url", "report-url", "quick-exit", "sections", "second-source-only"]) {
        const about = seen.warnings.filter((w) => w.includes(`option "${key}"`));
        assert.equal(about.length, 1, `${key}: ${seen.warnings.join("\n")}`);
        assert.match(about[0], /a link to this page cannot set this; ignored/);
      }
      if (how === "button") await page.locator(".quick-exit-button").click();
      else for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      await assertLeft(page, titles, historyBefore);
      assert.deepEqual(evil, [], "nothing reached the link's site");
      await context.close();
    });
  }
});

describe("quick exit in an embed", () => {
  test("is off by default and on with the quick-exit attribute", async () => {
    const { context, page, titles, historyBefore } = await open("/pages/two.html");
    await page.locator("#th >> .fw-mount .cards").waitFor();
    assert.equal(await page.locator("#th >> .quick-exit-button").count(), 0);
    await page.evaluate(() => document.querySelector("#th").setAttribute("quick-exit", ""));
    await page.locator("#th >> .quick-exit-button").click();
    await assertLeft(page, titles, historyBefore);
    await context.close();
  });
});

describe("quick exit never fires while typing", () => {
  test("Shift pressed alone, and capitals typed, in any field of the host page or the widget", async () => {
    const { context, page, titles } = await open("/pages/exit-embed.html");
    await page.locator("#w >> .fw-mount .cards").waitFor();
    const fields = ["#host-input", "#host-textarea", "#host-editable", "#w >> #fw-search", "#w >> #fw-language"];
    for (const field of fields) {
      await page.locator(field).focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press("Shift");
      if (!field.endsWith("#fw-language")) await page.keyboard.type("Hello World ABC");
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+KeyQ");
      // What was typed after the Shifts is in: they were handled. (The language picker takes no text.)
      if (!field.endsWith("#fw-language")) await page.waitForFunction(([f]) => {
        const [host, inner] = f.split(" >> ");
        const e = inner ? document.querySelector(host).shadowRoot.querySelector(inner) : document.querySelector(host);
        return (e.value ?? e.textContent).includes("Hello World ABCQQQ");
      }, [field]);
      await assertStayed(page, titles, `${env.server.url}/pages/exit-embed.html`, field, "#w >> ");
    }
    assert.equal(page.url(), `${env.server.url}/pages/exit-embed.html`);
    assert.match(await page.locator("#host-input").inputValue(), /Hello World ABC/);
    assert.equal(await page.locator("#w >> .fw-mount .fw").isVisible(), true);
    await context.close();
  });
});

describe("quick exit from an embed inside an iframe", () => {
  /** The widget at `frameOrigin`, in an iframe of a host page served from the main origin. */
  async function framed(frameOrigin) {
    const opened = await open(`/pages/exit-frame.html?src=${encodeURIComponent(`${frameOrigin}/pages/exit-embed.html`)}`);
    const frame = opened.page.frameLocator("#frame");
    await frame.locator("#w >> .fw-mount .cards").waitFor();
    return { ...opened, frame };
  }

  test("same origin: Shift×3 in the frame replaces the top window", async () => {
    const { context, page, frame, historyBefore } = await framed(env.server.url);
    await frame.locator("h1").click();
    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
    await page.waitForURL(AWAY);
    assert.equal(await page.evaluate(() => history.length), historyBefore, "the top entry was replaced, not added to");
    await context.close();
  });

  test("another origin: the button replaces the top window (a click lets a frame navigate its top)", async () => {
    const other = await serveDist();
    try {
      const { context, page, frame, historyBefore } = await framed(other.url);
      await frame.locator("#w >> .quick-exit-button").click();
      await page.waitForURL(AWAY);
      assert.equal(await page.evaluate(() => history.length), historyBefore);
      await context.close();
    } finally {
      await other.close();
    }
  });

  test("another origin: Shift×3 leaves, the top window where the browser allows it, else the frame", async () => {
    const other = await serveDist();
    try {
      const { context, page, frame } = await framed(other.url);
      await frame.locator("h1").click();
      for (let i = 0; i < 3; i++) await page.keyboard.press("Shift");
      // The top window where the browser lets a frame navigate it, else the frame itself: either
      // way the widget is gone from the screen.
      const where = () => [page.url(), page.frames().find((f) => f !== page.mainFrame())?.url()];
      for (let i = 0; i < 50 && !where().includes(AWAY); i++) await page.waitForTimeout(100);
      const [top, inFrame] = where();
      assert.ok(top === AWAY || inFrame === AWAY, `left: top ${top}, frame ${inFrame}`);
      await context.close();
    } finally {
      await other.close();
    }
  });
});

describe("coming back through the back/forward cache", () => {
  test("restores the page and starts the Shift count again", async () => {
    // Playwright turns the cache off by default, and Chromium keeps no page served no-store in it.
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS,
      ignoreDefaultArgs: ["--disable-back-forward-cache"],
    });
    const server = await serveDist({
      cacheControl: "max-age=0",
      routes: {
        "/elsewhere": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<title>Elsewhere</title><p>elsewhere</p>"),
        // A partner's page whose widget's quick exit goes to /elsewhere (only a partner sets it).
        "/partner.html": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8">
          <title>Partner</title><script src="/embed/embed.js"></script></head><body><h1>Partner</h1>
          <freedom-widget id="w" country="US" layout="compact" quick-exit quick-exit-url="http://${req.headers.host}/elsewhere"></freedom-widget></body></html>`),
      },
    });
    try {
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${server.url}/partner.html`);
      await page.locator("#w >> .fw-mount .quick-exit-button").waitFor();
      await page.evaluate(() => { window.fwKept = true; });
      await page.keyboard.press("Shift");
      await page.keyboard.press("Shift");
      await page.locator("#w >> .fw-mount .quick-exit [role=status]", { hasText: "Shift pressed 2 of 3 times" }).waitFor({ state: "attached" });
      await page.goto(`${server.url}/elsewhere`);
      // A page restored from the cache fires no "load" (only "pageshow").
      await page.goBack({ waitUntil: "commit" });
      await page.waitForFunction(() => document.readyState === "complete");
      assert.equal(await page.evaluate(() => window.fwKept), true, "restored from the back/forward cache, not reloaded");
      assert.equal(await page.locator("#w >> .fw-mount .quick-exit [role=status]").textContent(), "", "the old count is not announced");
      assert.equal(await page.evaluate(() => document.body.hidden), false);
      assert.notEqual(await page.title(), "");
      await page.keyboard.press("Shift");
      // Announced as the first: counted afresh, and handled (nothing left).
      await page.locator("#w >> .fw-mount .quick-exit [role=status]", { hasText: "Shift pressed 1 of 3 times" }).waitFor({ state: "attached" });
      assert.equal(new URL(page.url()).pathname, "/partner.html", "one press after coming back is one, not three");
      await page.keyboard.press("Shift");
      await page.keyboard.press("Shift");
      await page.waitForURL(`${server.url}/elsewhere`);
      await context.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

describe("no trace", () => {
  // The standalone page, and a partner's page carrying the script tag (locators reach into the
  // widget's open shadow root).
  for (const [door, path] of [["standalone page", "/"], ["script-tag embed", "/pages/plain.html"]]) test(`${door}: a whole visit sets no cookie, stores nothing, adds no history, asks nothing of anyone else`, async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${env.server.url}${path}`);
    const historyBefore = await page.evaluate(() => history.length);
    await page.locator("#fw-search").fill("thai");
    await page.locator(".result", { hasText: "Thailand" }).click();
    await page.locator("#fw-directory-heading", { hasText: "Thailand" }).waitFor();
    for (const p of ["Protection", "Prevention", "Partnership", "Prosecution"]) await page.getByRole("tab", { name: p }).click();
    await page.locator("#fw-language").selectOption("en");
    // A channel link, as a visitor would open it (the dialler is not followed here).
    await page.locator(".cards a.channel").first().evaluate((a) => {
      a.addEventListener("click", (e) => e.preventDefault(), { once: true });
      a.click();
    });
    assert.deepEqual(await context.cookies(), []);
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      cookie: document.cookie,
    }));
    assert.deepEqual(stored, { local: 0, session: 0, idb: 0, cookie: "" });
    assert.equal(await page.evaluate(() => history.length), historyBefore, "country, tab and language changes add no history");
    assert.equal(page.url(), `${env.server.url}${path}`, "nothing written to the URL");
    const foreign = requests.filter((u) => !u.startsWith(`${env.server.url}/`));
    assert.deepEqual(foreign, [], "only the widget's own files, from its own origin");
    assert.ok(requests.some((u) => u.endsWith(".wasm")), "the visit ran the widget itself");
    const links = await page.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => [a.rel, a.referrerPolicy]));
    assert.ok(links.length > 0 && links.every(([rel, policy]) => rel === "noopener noreferrer" && policy === "no-referrer"));
    await context.close();
  });
});
