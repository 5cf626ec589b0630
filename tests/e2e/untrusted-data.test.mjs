// A partner file (`hotlines-url`) the widget cannot trust: 100,000 nested brackets, 20 MB, markup
// and `javascript:` URLs in every text field, bytes that are not UTF-8. Whatever the file, the
// widget keeps showing the built-in lines, says each problem once naming the file, renders no
// partner text as HTML, and a second widget on the same page keeps working.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { setup, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

/** Markup that would run or show an element if it were ever parsed as HTML. */
const html = (field) => `<img src=x onerror="window.__xss='${field}'"><script>window.__xss='${field}'</script><b>${field}</b>`;

const row = (over) => ({
  id: "zz-partner", country: "TH", organisation: "Partner NGO", name: "Partner line", scope: "trafficking",
  channels: [{ kind: "phone", display: "02 000 0000", e164: "+6620000000" }],
  languages: ["th"], source_url: "https://example.org/help", checked: "2026-11-20", ...over,
});

const marked = row({
  id: "zz-marked", organisation: html("organisation"), name: html("name"), audience: html("audience"),
  channels: [
    { kind: "phone", display: html("display"), e164: "+6620000000", note: html("note") },
    { kind: "sms", display: html("sms"), e164: "+6620000001", body: html("body") },
    { kind: "email", display: html("email"), address: "javascript:alert(1)@example.org" },
    { kind: "web", display: html("web"), url: "https://example.org/?q=<script>alert(1)</script>" },
  ],
  hours_text: html("hours_text"), languages_note: html("languages_note"),
});
// Every URL a script: the validator refuses the row.
const scripted = row({ id: "zz-scripted", source_url: "javascript:alert(1)",
  channels: [{ kind: "web", display: "Report", url: "javascript:alert(1)" }] });

function twentyMegabytes() {
  const one = JSON.stringify(row({}));
  const rows = new Array(Math.ceil((20 * 1024 * 1024) / (one.length + 1))).fill(one);
  return Buffer.from(`[${rows.join(",")}]`);
}

const FILES = {
  "/deep.json": { body: Buffer.from("[".repeat(100_000) + "]".repeat(100_000)), says: [/not valid JSON \(nested deeper than 128 levels/] },
  // Node sends its Content-Length: refused from the headers, before the body is read.
  "/huge.json": { body: twentyMegabytes(), says: [/larger than the 1000000 bytes a partner file may hold \(Content-Length 2\d{7}\)/] },
  "/marked.json": { body: Buffer.from(JSON.stringify([marked, scripted])), says: [/\/marked\.json\[1\] "zz-scripted"/] },
  // A name written in Latin-1 (é as the single byte E9): read as the browser reads it, with U+FFFD.
  "/latin1.json": { body: Buffer.from(JSON.stringify([row({ name: "Caf\u00e9 line" })]), "latin1"), says: [/not UTF-8 and shows as \uFFFD/] },
  "/bytes.json": { body: Buffer.from([0x5b, 0xff, 0xfe, 0x5d]), says: [/not valid JSON/] },
  // Opening hours in a time zone the browser knows, and in one that is none: the embed's wasm
  // carries no table of zones and asks the browser (the same data its hours are computed with).
  "/zones.json": {
    body: Buffer.from(JSON.stringify([
      row({ id: "zz-zoned", name: "Zoned line", hours: { tz: "Asia/Bangkok", weekly: [{ days: "mon-sun", open: "00:00", close: "23:59" }] } }),
      row({ id: "zz-mars", name: "Mars line", hours: { tz: "Mars/Olympus", weekly: [{ days: "mon-sun", open: "00:00", close: "23:59" }] } }),
    ])),
    says: [/\/zones\.json\[1\] "zz-mars".*hours\.tz.*IANA time zone.*Mars\/Olympus/],
  },
};

// Chromium asks for a favicon; answered, so the console's only messages are the widget's.
const routes = { "/favicon.ico": (q, r) => r.writeHead(204).end() };
for (const [path, file] of Object.entries(FILES)) {
  // With its length, as a static file server sends a file.
  routes[path] = (q, r) => r.writeHead(200, { "content-type": "application/json", "content-length": file.body.length }).end(file.body);
  routes[path.replace(".json", ".html")] = (q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
    <script type="module" src="/embed/embed.js"></script></head><body>
    <freedom-widget id="a" country="TH" layout="compact" hotlines-url="${path}"></freedom-widget>
    <freedom-widget id="b" country="US" layout="compact"></freedom-widget></body></html>`);
}
// 20 MB streamed with no Content-Length: cut off once a million bytes have arrived, so most of it
// is never sent. The server counts what it could send before the widget hung up.
const streamed = { sent: 0, closed: null };
routes["/streamed.json"] = (q, r) => {
  streamed.sent = 0;
  streamed.closed = new Promise((done) => r.on("close", () => done(streamed.sent)));
  r.writeHead(200, { "content-type": "application/json" });
  const chunk = Buffer.from(`${JSON.stringify(row({}))},`.repeat(200));
  const more = () => {
    while (streamed.sent < 20 * 1024 * 1024 && !r.destroyed) {
      streamed.sent += chunk.length;
      if (!r.write(chunk)) return r.once("drain", more);
    }
    if (!r.destroyed) r.end("]");
  };
  r.write("[");
  more();
};
routes["/streamed.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
  <script type="module" src="/embed/embed.js"></script></head><body>
  <freedom-widget id="a" country="TH" layout="compact" hotlines-url="/streamed.json"></freedom-widget></body></html>`);

describe("a partner file streamed past the limit", () => {
  test("is cut off at the limit, not downloaded whole, with one warning; the built-in lines stay", async () => {
    const context = await env.browser.newContext({ locale: "en-US" });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${env.server.url}/streamed.html`);
      await page.locator('#a >> .fw-mount a[href="tel:1300"]').first().waitFor();
      const sent = await streamed.closed;
      // The widget's hanging up ends the download: its warning is the end of that fetch.
      for (let waited = 0; !seen.warnings.some((w) => w.includes("/streamed.json")) && waited < 10_000; waited += 100) await page.waitForTimeout(100);
      const about = seen.warnings.filter((w) => w.includes("/streamed.json"));
      assert.equal(about.length, 1, seen.warnings.join("\n"));
      assert.match(about[0], /larger than the 1000000 bytes a partner file may hold \(more arrived than that\)/);
      // What the server wrote includes what the sockets between them buffered (several MB on
      // loopback): less than three quarters of the file means the widget stopped the download.
      assert.ok(sent < 15 * 1024 * 1024, `the server sent ${sent} bytes of 20 MB before the widget hung up`);
    } finally {
      await context.close();
    }
  });
});

// A same-origin path that answers with a redirect to another origin (which allows any origin by
// CORS): its rows are not the partner's, and must not be shown.
const other = { url: null, asked: 0 };
routes["/moved.json"] = (q, r) => r.writeHead(302, { location: `${other.url}/rows.json` }).end();
routes["/moved.html"] = (q, r) => r.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title>
  <script type="module" src="/embed/embed.js"></script></head><body>
  <freedom-widget id="a" country="TH" layout="compact" hotlines-url="/moved.json"></freedom-widget></body></html>`);
const env = setup({ routes });

describe("a partner file that redirects to another site", () => {
  test("is refused with one warning naming the file; the other site's rows never show", async () => {
    const elsewhere = await serve({ routes: { "/rows.json": (q, r) => {
      other.asked += 1;
      r.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" })
        .end(JSON.stringify([row({ id: "zz-elsewhere", name: "Line from another site" })]));
    } } });
    other.url = elsewhere.url.replace("127.0.0.1", "localhost");
    const context = await env.browser.newContext({ locale: "en-US" });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      const settled = page.waitForEvent("requestfailed", (r) => r.url().endsWith("/moved.json") || r.url().endsWith("/rows.json"));
      await page.goto(`${env.server.url}/moved.html`);
      await page.locator('#a >> .fw-mount a[href="tel:1300"]').first().waitFor();
      await settled;
      // The widget fetches the file once: its warning is the end of that fetch.
      for (let waited = 0; !seen.warnings.some((w) => w.includes("/moved.json")) && waited < 10_000; waited += 100) await page.waitForTimeout(100);
      const about = seen.warnings.filter((w) => w.includes("/moved.json"));
      assert.equal(about.length, 1, seen.warnings.join("\n"));
      assert.match(about[0], /redirected to another site/);
      assert.equal(await page.locator("#a >> .fw-mount .card", { hasText: "Line from another site" }).count(), 0);
      assert.equal(await page.locator("#a >> .fw-mount #fw-h-zz-elsewhere").count(), 0);
      assert.equal(other.asked, 0, "the browser never asked the other site");
    } finally {
      await context.close();
      await elsewhere.close();
    }
  });
});

/** What a widget's shadow root holds that only parsed markup could have put there. */
function injected(page) {
  return page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll("freedom-widget")].map((w) => w.shadowRoot)];
    const found = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll("img, script:not([src]), iframe, object, embed, b, [onerror], [onload]")) found.push(el.outerHTML.slice(0, 80));
      for (const a of root.querySelectorAll("[href], [src], [action], [formaction]")) {
        const url = a.getAttribute("href") ?? a.getAttribute("src") ?? a.getAttribute("action") ?? a.getAttribute("formaction");
        if (/^\s*javascript:/i.test(url)) found.push(a.outerHTML.slice(0, 80));
      }
    }
    if (window.__xss) found.push(`script ran: ${window.__xss}`);
    return found;
  });
}

describe("a partner file the widget cannot trust", () => {
  for (const [path, file] of Object.entries(FILES)) {
    test(`${path}: built-in lines stay, the problem is said once naming the file, no markup, the other widget works`, async () => {
      const context = await env.browser.newContext({ locale: "en-US", timezoneId: "Asia/Bangkok" });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const seen = watch(page);
      // Every request for the file, and when each ended (answered or failed).
      const asked = [];
      // (Ended: finished, or failed: the widget stops a file over the limit in mid-download.)
      page.on("request", (r) => {
        if (new URL(r.url()).pathname !== path) return;
        asked.push(new Promise((done) => {
          const end = (q) => q === r && done();
          page.on("requestfinished", end);
          page.on("requestfailed", end);
        }));
      });
      await page.goto(env.server.url + path.replace(".json", ".html"));
      const about = () => seen.warnings.filter((w) => w.includes(path));
      for (let waited = 0; about().length < file.says.length && waited < 15_000; waited += 100) await page.waitForTimeout(100);
      // The fetch has ended, so its warning is in; a repeat would come from another fetch or a
      // render, and the searches below render both widgets again: counted again at the end.
      await Promise.all(asked);
      assert.equal(about().length, file.says.length, `warnings about ${path}:\n${seen.warnings.join("\n")}`);
      file.says.forEach((pattern, i) => assert.match(about()[i], pattern));

      // The built-in Thai line is still shown, and dialable.
      await page.locator('#a >> .fw-mount a[href="tel:1300"]').first().waitFor();
      assert.deepEqual(await injected(page), [], "nothing from the file became markup");
      if (path === "/marked.json") {
        // The accepted row shows its markup as text, exactly as written.
        const text = await page.locator("#a >> .fw-mount").textContent();
        assert.ok(text.includes(html("name")) && text.includes(html("display")), "the markup is shown as text");
        assert.equal(await page.locator("#a >> text=zz-scripted").count(), 0);
        // The refused row has no card (a card's heading has the id fw-h-<row id>); the accepted
        // one beside it does, so the selector finds cards when they are there.
        assert.equal(await page.locator("#a >> .fw-mount #fw-h-zz-scripted").count(), 0, "the refused row has no card");
        assert.equal(await page.locator("#a >> .fw-mount .card", { hasText: "Partner line" }).count(), 0, "no card shows the refused row's name");
        assert.equal(await page.locator("#a >> .fw-mount #fw-h-zz-marked").count(), 1, "the accepted row has its card");
      }
      if (path === "/latin1.json") await page.locator("#a >> text=Caf\uFFFD line").first().waitFor();
      if (path === "/zones.json") {
        await page.locator("#a >> .fw-mount #fw-h-zz-zoned").waitFor();
        assert.equal(await page.locator("#a >> .fw-mount #fw-h-zz-mars").count(), 0, "the row in no time zone has no card");
      }

      // Both widgets still answer: the finder of each finds another country.
      for (const id of ["b", "a"]) {
        await page.locator(`#${id} >> #fw-search`).fill("japan");
        await page.locator(`#${id} >> .result`, { hasText: "Japan" }).waitFor();
      }
      await page.locator('#b >> .fw-mount a[href="tel:+18883737888"]').first().waitFor();
      assert.deepEqual(seen.errors, [], "no error, nothing uncaught");
      // Still said once, after both widgets rendered again; the file was asked for once.
      assert.equal(about().length, file.says.length, `warnings about ${path} after the searches:\n${seen.warnings.join("\n")}`);
      assert.equal(asked.length, 1, `requests for ${path}`);
      await context.close();
    });
  }
});
