// The signed data channel, against target/dist-testkey: a build that trusts the test key (made
// by the test command with FW_DATA_TRUST_TEST_KEY=1 and FW_DATA_CHANNEL=/data/channel.json; never
// published). A release signed with the test key, in which Mexico's main line answers on another
// (test) number, reaches the script tag's widget and the standalone page in the same load, with
// the focus kept; a release edited after signing, a 404, a channel slower than the widget's
// timeout and a CSP without the channel's connect-src each leave the built-in number and exactly
// one console warning naming the channel. Each in Chromium, Firefox ESR and WebKitGTK; and the
// release's number in a toolchain's app (esbuild's, from tests/toolchains/) that installed the
// npm package packed from that build (target/testkey/, by the test command), in all three.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, ROOT, watch } from "../e2e/helpers.mjs";
import { serve } from "../e2e/serve.mjs";
import { ENGINES, launch as launchEngine, onceMoreIfWebKitCrashed, recorderRoute, testOnceMoreIfWebKitCrashed, until } from "../engines/drivers.mjs";

const DIST = join(ROOT, "target", "dist-testkey");
const OLD = "tel:+528005533000";
const NEW = "tel:+528000000001";
const CHANNEL = "/data/channel.json";

/** Signs a release of the project's data with Mexico's main line on the test number, with the
 *  test key, by the command maintainers use (scripts/data-release.sh). */
function signRelease(...options) {
  const dir = mkdtempSync(join(tmpdir(), "fw-release-"));
  const data = JSON.parse(readFileSync(join(ROOT, "data", "hotlines.json"), "utf8"));
  const mx = data.hotlines.find((h) => h.id === "mx-linea-y-chat-nacional-contra-la-trata-de");
  for (const c of mx.channels) Object.assign(c, { e164: "+528000000001", display: "800 000 0001" });
  writeFileSync(join(dir, "data.json"), JSON.stringify(data));
  execFileSync("bash", [join(ROOT, "scripts", "data-release.sh"), join(dir, "data.json"), join(dir, "out"), ...options], {
    env: { ...process.env, FW_DATA_KEY: join(ROOT, "tests", "keys", "test-data.key") },
    stdio: "pipe",
  });
  return readFileSync(join(dir, "out", "channel.json"));
}

describe("a partner's update that drops the channel", () => {
  test("a country whose lines came from the release shows its built-in lines once its file is here", async () => {
    answer = "good";
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/partner.html`);
    await page.locator(`freedom-widget >> .fw-mount .cards a[href="${NEW}"]`).first().waitFor();
    // Brazil picked: its lines are the release's (its own file of built-in lines is not needed).
    await page.locator("freedom-widget >> #fw-search").fill("brazil");
    await page.locator("freedom-widget >> #fw-results button.result").first().click();
    const brazil = page.locator('freedom-widget >> .fw-mount .cards a[href="tel:100"]').first();
    await brazil.waitFor();
    // The partner drops the channel: Brazil's built-in lines are needed, from their file.
    const file = page.waitForResponse(/\/embed\/lines-[0-9a-f]+\/br\.js$/);
    await page.evaluate(() => document.querySelector("freedom-widget").setAttribute("channel", ""));
    await file;
    // Brazil again, with its built-in lines (it was left with none, saying it had no line).
    await brazil.waitFor({ timeout: 5_000 });
    assert.match(await page.locator("freedom-widget >> .fw-mount .panel h2").textContent(), /Brazil/);
    await context.close();
  });
});

describe("the maintainers' signing command", () => {
  test("refuses a withdrawal of an id that is no line (a typo), and writes nothing", () => {
    // The widget takes an unknown id as withdrawing nothing (a copy built before that line
    // existed), so a typo here would withdraw nothing anywhere: the command catches it.
    const dir = mkdtempSync(join(tmpdir(), "fw-release-"));
    writeFileSync(join(dir, "withdrawn.json"), JSON.stringify({ withdrawn: [{ id: "mx-linea-y-chat-nacional-contra-la-trata-dx", reason: "closed" }] }));
    let failure = null;
    try {
      execFileSync("bash", [join(ROOT, "scripts", "data-release.sh"), join(ROOT, "data", "hotlines.json"), join(dir, "out"), "--withdrawn", join(dir, "withdrawn.json")], {
        env: { ...process.env, FW_DATA_KEY: join(ROOT, "tests", "keys", "test-data.key") },
        stdio: "pipe",
      });
    } catch (error) {
      failure = error;
    }
    assert.ok(failure, "the command failed");
    assert.match(String(failure.stderr), /withdrawn\[0\] "mx-linea-y-chat-nacional-contra-la-trata-dx" is no line of .* or of this build \(a typo\?\)/);
    assert.equal(existsSync(join(dir, "out", "channel.json")), false, "nothing written");
  });
});

/** The same release with one digit of Mexico's new number changed after signing. */
function tampered(release) {
  const text = release.toString("utf8");
  const at = text.indexOf("528000000001");
  assert.ok(at > 0);
  return Buffer.from(text.slice(0, at) + "528000000002" + text.slice(at + 12));
}


const SCRIPT_TAG = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title><script src="/console-recorder.js"></script></head><body>
  <h1>Partner</h1><script src="/embed/embed.js" data-country="MX" data-layout="compact"></script><p id="after">After</p></body></html>`;

let release, olderRelease, browser, server;
/** Holds the embed's wasm back until the test lets it go (to see the first paint). */
let wasmHold = null;
/** What /data/channel.json answers in the current test: "good", "tampered", "older", "404", "slow". */
let answer = "good";
/** Holds the good answer until the test lets it go (to put the focus on the old number first). */
let hold = null;
/** Opens once the slow answer (the last one asked for) has been sent, two seconds after the
 *  widget gave up on it. */
let slowAnswered = null;

before(async () => {
  release = signRelease();
  // Signed by the same key, but no newer than any build's data (version 1).
  olderRelease = signRelease("--version", "1");
  const embedWasm = readdirSync(join(DIST, "embed")).find((f) => /^freedom-widget-[0-9a-f]+_bg\.wasm$/.test(f));
  server = await serve({
    root: DIST,
    routes: {
      [`/embed/${embedWasm}`]: async (req, res) => {
        if (wasmHold) await wasmHold.promise;
        // Never kept by the browser: a held wasm must come from here, whichever page asked before.
        res.writeHead(200, { "content-type": "application/wasm", "cache-control": "no-store" }).end(readFileSync(join(DIST, "embed", embedWasm)));
      },
      "/favicon.ico": (req, res) => res.writeHead(204).end(),
      "/partner.html": (req, res) => res.writeHead(200, { "content-type": "text/html" }).end(SCRIPT_TAG),
      "/console-recorder.js": recorderRoute,
      // Never kept either: Firefox and WebKit ask for it again in one session, case after case.
      [CHANNEL]: async (req, res) => {
        if (answer === "404") return res.writeHead(404, { "cache-control": "no-store" }).end("gone");
        if (answer === "slow") {
          const late = (slowAnswered = gate());
          return setTimeout(() => {
            res.writeHead(200, { "cache-control": "no-store" }).end(release);
            late.open();
          }, 12_000).unref();
        }
        if (hold) await hold.promise;
        const body = answer === "tampered" ? tampered(release) : answer === "older" ? olderRelease : release;
        res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*", "cache-control": "no-store" }).end(body);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A gate a route waits at until `open()`. */
function gate() {
  let open;
  const promise = new Promise((r) => (open = r));
  return { promise, open: () => open() };
}

/** In the page: the href of the focused element, looking into shadow roots. */
const FOCUSED_HREF = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a?.getAttribute("href") ?? null;
};
const focusedHref = (page) => page.evaluate(FOCUSED_HREF);

/**
 * A page whose CSP leaves the channel's origin out of connect-src: the script tag's widget names
 * a channel on another origin (127.0.0.2), which serves the good release. Resolves with { url,
 * channel, close }.
 */
async function strictPage() {
  const other = await serve({ root: DIST, host: "127.0.0.2", routes: { [CHANNEL]: (req, res) => res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*", "cache-control": "no-store" }).end(release) } });
  const channel = `${other.url}${CHANNEL}`;
  const html = SCRIPT_TAG.replace('data-country="MX"', `data-country="MX" data-channel="${channel}"`);
  const host = await serve({ root: DIST, routes: {
    "/strict.html": (req, res) => res.writeHead(200, {
      "content-type": "text/html", "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    }).end(html),
    "/console-recorder.js": recorderRoute,
  } });
  return { url: `${host.url}/strict.html`, channel, close: async () => (await host.close(), await other.close()) };
}

let appDist = null;
/** esbuild's app from tests/toolchains/, built (once per run) in a copy that installed the npm
 *  package packed from the test-key build; the folder to serve. */
function esbuildApp() {
  if (appDist) return appDist;
  const packs = join(ROOT, "target", "testkey");
  const packed = existsSync(packs) && readdirSync(packs).find((f) => f.endsWith(".tgz"));
  assert.ok(packed, "no package in target/testkey/: node scripts/pack.mjs --dist target/dist-testkey --into target/testkey");
  // A copy of the app, so the toolchain test's own install of the release package is untouched.
  const app = mkdtempSync(join(tmpdir(), "fw-app-"));
  const source = join(ROOT, "tests", "toolchains", "esbuild");
  cpSync(source, app, { recursive: true, filter: (path) => !path.startsWith(join(source, "dist")) });
  const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];
  if (!existsSync(join(app, "node_modules", "esbuild"))) execFileSync("npm", ["ci", ...quiet], { cwd: app, stdio: "pipe" });
  execFileSync("npm", ["install", "--no-save", ...quiet, join(packs, packed)], { cwd: app, stdio: "pipe" });
  execFileSync("npm", ["run", "build"], { cwd: app, stdio: "pipe" });
  return (appDist = join(app, "dist"));
}

/** The app served, with the good release at its channel. */
const serveApp = () => serve({
  root: esbuildApp(),
  routes: { [CHANNEL]: (req, res) => res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(release) },
});

describe("a newer signed release reaches the visitor in the same load", () => {
  test("script tag: the first paint's old number, then the release's, the focus kept on it", async () => {
    answer = "good";
    [hold, wasmHold] = [gate(), gate()];
    const context = await browser.newContext({ locale: "en-US" });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${server.url}/partner.html`);
      // Before the wasm: the first paint, from embed.js's table, draws the number built in.
      await page.locator(`freedom-widget >> .fw-first a[href="${OLD}"]`).first().waitFor();
      wasmHold.open();
      // The widget, while the channel has not answered yet: the same; the visitor focuses it.
      await page.locator(`freedom-widget >> .fw-mount .cards a[href="${OLD}"]`).first().waitFor();
      await page.locator(`freedom-widget >> .fw-mount .cards a[href="${OLD}"]`).first().focus();
      hold.open();
      await page.locator(`freedom-widget >> .fw-mount .cards a[href="${NEW}"]`).first().waitFor();
      assert.equal(await page.locator(`freedom-widget >> a[href="${OLD}"]`).count(), 0, "the old number is shown nowhere");
      assert.equal(await focusedHref(page), NEW, "the focus stayed on the line, now with its new number");
      assert.match(await page.locator("freedom-widget >> .fw-mount .data-date").textContent(), /updated since this widget was built/);
      assert.deepEqual(seen.warnings.filter((w) => w.includes("data channel")), []);
      assert.ok(seen.warnings.some((w) => w.includes("trusts the TEST data key")), "a test build says so");
    } finally {
      hold?.open();
      wasmHold?.open();
      hold = wasmHold = null;
      await context.close();
    }
  });

  test("standalone page: the release's number replaces the built-in one after the takeover", async () => {
    answer = "good";
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await page.goto(`${server.url}/?country=MX`);
    await page.locator(`#freedom-widget .panel .cards a[href="${NEW}"]`).first().waitFor();
    // The page's list of every country is taken over a chunk per task: the old number goes from
    // it too (the list's whole takeover is its natural end).
    await page.waitForFunction((href) => document.querySelectorAll(`#freedom-widget a[href="${href}"]`).length === 0, OLD);
    assert.ok(await page.locator(`#freedom-widget .country-list a[href="${NEW}"]`).count() > 0, "the list shows the new number");
    await context.close();
  });
});

describe("a country's page takes the release's number too", () => {
  test("/mx/: its prerendered number is replaced after the takeover, with the focus kept on it", async () => {
    answer = "good";
    hold = gate();
    const context = await browser.newContext({ locale: "es-MX" });
    try {
      const page = await context.newPage();
      await page.addInitScript(() => document.addEventListener("freedom-widget:country-change", () => (window.takenOver = true), true));
      await page.goto(`${server.url}/mx/`);
      // The number a visitor may already be on, prerendered from the build's data.
      await page.locator(`#freedom-widget .panel .cards a[href="${OLD}"]`).first().focus();
      await page.waitForFunction(() => window.takenOver);
      hold.open();
      await page.locator(`#freedom-widget .panel .cards a[href="${NEW}"]`).first().waitFor();
      assert.equal(await page.locator(`#freedom-widget a[href="${OLD}"]`).count(), 0, "the old number is gone from the page's widget");
      assert.equal(await focusedHref(page), NEW, "the focus stayed on the line's number");
    } finally {
      hold?.open();
      hold = null;
      await context.close();
    }
  });
});

describe("an app built with the npm package", () => {
  test("esbuild's app: its <freedom-widget> shows the release's number in the same load", async () => {
    const appServer = await serveApp();
    const context = await browser.newContext({ locale: "es-MX" });
    try {
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(`${appServer.url}/`);
      // The element (Mexico) shows the release's number; the old one is shown nowhere.
      await page.locator(`freedom-widget >> .cards a[href="${NEW}"]`).first().waitFor();
      assert.equal(await page.locator(`freedom-widget >> a[href="${OLD}"]`).count(), 0);
      assert.deepEqual(seen.errors, []);
      assert.ok(seen.warnings.some((w) => w.includes("trusts the TEST data key")), "a test build says so");
    } finally {
      await context.close();
      await appServer.close();
    }
  });
});

/** What the channel answers in each case that gives nothing usable, and what the warning says. */
const REFUSALS = [
  ["a release edited after signing", "tampered", /its signature is not the test key's/],
  ["a release no newer than the widget's data", "older", /\(version 1\) is not newer than the data this widget has/],
  ["a 404", "404", /the server answered 404/],
  ["a channel slower than the widget's 10 s", "slow", /did not load within 10 s/],
];

describe("a channel that gives nothing usable keeps the built-in number, said once", () => {
  for (const [name, kind, says] of REFUSALS) {
    test(name, async () => {
      answer = kind;
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      const seen = watch(page);
      const asked = [];
      page.on("request", (r) => asked.push(r.url()));
      await page.goto(`${server.url}/partner.html`);
      await page.locator(`freedom-widget >> .fw-mount .cards a[href="${OLD}"]`).first().waitFor();
      // The channel's answer (or its timeout) ends in its one warning.
      const about = () => seen.warnings.filter((w) => w.includes(`data channel "${CHANNEL}"`));
      for (let waited = 0; about().length === 0 && waited < 15_000; waited += 100) await page.waitForTimeout(100);
      assert.equal(about().length, 1, seen.warnings.join("\n"));
      assert.match(about()[0], says);
      assert.match(about()[0], /showing the data built in/);
      assert.equal(await page.locator(`freedom-widget >> a[href="${NEW}"]`).count(), 0);
      assert.equal(await page.locator(`freedom-widget >> .fw-mount .cards a[href="${OLD}"]`).count() > 0, true);
      // Only a newer release's rows need the time zones' table (this page names its country).
      assert.deepEqual(asked.filter((u) => /\/zones-[0-9a-f]+\.js$/.test(u)), []);
      await context.close();
    });
  }

  test("a page whose CSP leaves the channel's origin out of connect-src", async () => {
    answer = "good";
    const strict = await strictPage();
    const channel = strict.channel;
    try {
      const context = await browser.newContext({ locale: "en-US" });
      const page = await context.newPage();
      const seen = watch(page);
      await page.goto(strict.url);
      await page.locator(`freedom-widget >> .fw-mount .cards a[href="${OLD}"]`).first().waitFor();
      const about = () => seen.warnings.filter((w) => w.includes(`data channel "${channel}"`));
      for (let waited = 0; about().length === 0 && waited < 15_000; waited += 100) await page.waitForTimeout(100);
      assert.equal(about().length, 1, seen.warnings.join("\n"));
      assert.match(about()[0], /connect-src/);
      assert.equal(await page.locator(`freedom-widget >> a[href="${NEW}"]`).count(), 0);
      await context.close();
    } finally {
      await strict.close();
    }
  });
});

describe("Firefox ESR and WebKitGTK: the release's number, the focus kept, and the built-in number kept, said once", () => {
  for (const engine of ENGINES.filter((e) => e !== "chromium")) {
    describe(engine, () => {
      // One browser for the engine's tests, case after case, as each launch costs seconds.
      let b;
      before(async () => {
        b = await launchEngine(engine);
      });
      after(async () => {
        await b?.close();
      });
      /** In the page: how many of `selector` the script tag's widget holds. */
      const inWidget = (selector) => b.eval((s) => document.querySelector("freedom-widget")?.shadowRoot?.querySelectorAll(s).length ?? 0, selector);
      /** In the page: the warnings that name `channel`, as the console recorder kept them. */
      const aboutChannel = (channel) => b.eval((c) => (window.saidInConsole ?? []).filter((m) => m.level === "warn" && m.text.includes(`data channel "${c}"`)).map((m) => m.text), channel);
      const saidInConsole = () => b.eval(() => (window.saidInConsole ?? []).map((m) => `${m.level}: ${m.text}`));
      /** A test run once more if WebKit's page crashed in it (drivers.mjs); the refusals' test
       *  below does so per case instead, as it holds several. */
      const flow = testOnceMoreIfWebKitCrashed(() => b);

      flow("script tag: the first paint's old number, then the release's, the focus kept on it", async () => {
        answer = "good";
        [hold, wasmHold] = [gate(), gate()];
        try {
          await b.goto(`${server.url}/partner.html`);
          // Before the wasm: the first paint, from embed.js's table, draws the number built in.
          await until(b, "the first paint's old number", (href) => !!document.querySelector("freedom-widget")?.shadowRoot?.querySelector(`.fw-first a[href="${href}"]`), OLD);
          wasmHold.open();
          // The widget, while the channel has not answered yet: the same; the visitor focuses it.
          await until(b, "the widget's old number", (href) => !!document.querySelector("freedom-widget")?.shadowRoot?.querySelector(`.fw-mount .cards a[href="${href}"]`), OLD);
          await b.eval((href) => document.querySelector("freedom-widget").shadowRoot.querySelector(`.fw-mount .cards a[href="${href}"]`).focus(), OLD);
          assert.equal(await b.eval(FOCUSED_HREF), OLD, "the old number took the focus");
          hold.open();
          await until(b, "the widget's new number", (href) => !!document.querySelector("freedom-widget")?.shadowRoot?.querySelector(`.fw-mount .cards a[href="${href}"]`), NEW);
          assert.equal(await inWidget(`a[href="${OLD}"]`), 0, "the old number is shown nowhere");
          assert.equal(await b.eval(FOCUSED_HREF), NEW, "the focus stayed on the line, now with its new number");
          assert.match(await b.eval(() => document.querySelector("freedom-widget").shadowRoot.querySelector(".fw-mount .data-date").textContent), /updated since this widget was built/);
          const said = await saidInConsole();
          assert.deepEqual(said.filter((w) => w.includes("data channel")), []);
          assert.ok(said.some((w) => w.includes("trusts the TEST data key")), "a test build says so");
        } finally {
          hold?.open();
          wasmHold?.open();
          hold = wasmHold = null;
        }
      });

      flow("standalone page: the release's number replaces the built-in one after the takeover", async () => {
        answer = "good";
        await b.goto(`${server.url}/?country=MX`);
        await until(b, "the page's new number", (href) => !!document.querySelector(`#freedom-widget .panel .cards a[href="${href}"]`), NEW);
        // The page's list of every country is taken over a chunk per task: the old number goes
        // from it too.
        await until(b, "the old number gone from the page", (href) => document.querySelectorAll(`#freedom-widget a[href="${href}"]`).length === 0, OLD);
        assert.ok(await b.eval((href) => document.querySelectorAll(`#freedom-widget .country-list a[href="${href}"]`).length > 0, NEW), "the list shows the new number");
      });

      flow("esbuild's app: its <freedom-widget> shows the release's number", async () => {
        const appServer = await serveApp();
        try {
          await b.goto(`${appServer.url}/`);
          await until(b, "the app's new number", (href) => !!document.querySelector("freedom-widget")?.shadowRoot?.querySelector(`.cards a[href="${href}"]`), NEW);
          assert.equal(await inWidget(`a[href="${OLD}"]`), 0, "the old number is shown nowhere");
        } finally {
          await appServer.close();
        }
      });

      test("a release edited after signing, a 404, a slow channel and a CSP without its connect-src each keep the built-in number, said once", async () => {
        const strict = await strictPage();
        try {
          const cases = [
            ...REFUSALS.map(([name, kind, says]) => ({ name, kind, says, url: `${server.url}/partner.html`, channel: CHANNEL })),
            { name: "a CSP without the channel's connect-src", kind: "good", says: /connect-src/, url: strict.url, channel: strict.channel, csp: true },
          ];
          for (const { name, kind, says, url, channel, csp } of cases) {
            await onceMoreIfWebKitCrashed(b, name, async () => {
              answer = kind;
              slowAnswered = null;
              await b.goto(url);
              await until(b, `${name}: the widget's built-in number`, (href) => !!document.querySelector("freedom-widget")?.shadowRoot?.querySelector(`.fw-mount .cards a[href="${href}"]`), OLD);
              // The channel's answer (or the widget's 10 s without one) ends in its warning.
              await until(b, `${name}: a warning naming the channel`, (c) => (window.saidInConsole ?? []).some((m) => m.level === "warn" && m.text.includes(`data channel "${c}"`)), channel);
              // A moment for a second one, were there any: after the slow channel's late answer too.
              if (kind === "slow") await slowAnswered?.promise;
              await new Promise((r) => setTimeout(r, 1000));
              const about = await aboutChannel(channel);
              assert.equal(about.length, 1, `${name}:\n${(await saidInConsole()).join("\n")}`);
              assert.match(about[0], says, name);
              assert.match(about[0], /showing the data built in/, name);
              assert.equal(await inWidget(`a[href="${NEW}"]`), 0, `${name}: the release's number is shown nowhere`);
              assert.ok(await inWidget(`.fw-mount .cards a[href="${OLD}"]`) > 0, `${name}: the built-in number is still there`);
              if (csp) {
                const blocked = await b.eval(() => (window.saidInConsole ?? []).filter((m) => m.level === "csp").map((m) => m.text));
                assert.ok(blocked.some((t) => t.startsWith("connect-src ") && t.includes("127.0.0.2")), `${name}: the CSP refused the channel (${blocked.join("; ")})`);
              }
            });
          }
        } finally {
          await strict.close();
        }
      });
    });
  }
});
