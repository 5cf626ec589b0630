// One small driver per engine, with the same few verbs, so that each visitor flow is written once
// and run in Chromium, Firefox and WebKit. Every browser and driver is Debian's, installed by
// scripts/setup.sh --test; nothing here downloads one.
//   chromium: playwright-core on /usr/bin/chromium (as the other end-to-end tests);
//   firefox:  puppeteer-core over WebDriver BiDi, which Firefox speaks itself (no geckodriver);
//   webkit:   WebKitGTK's own WebKitWebDriver over the W3C WebDriver HTTP API (a client of a
//             few lines below), on a virtual display (Xvfb), since WebKitGTK needs one.
//
// The verbs: goto(url), eval(fn, ...args) (runs fn in the page, returns its JSON result, awaits
// a promise), press(key) and type(text) (trusted key events), click(x, y) (a trusted mouse click
// at viewport coordinates), close(). Keys are named as KeyboardEvent.key names them.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { test } from "node:test";
import { CHROMIUM_ARGS } from "../e2e/helpers.mjs";

export const ENGINES = (process.env.FW_ENGINES ?? "chromium,firefox,webkit").split(",").map((e) => e.trim()).filter(Boolean);

const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER ?? "/usr/bin/WebKitWebDriver";

/** The viewports a flow can ask for: a laptop's, and a phone's (a common phone's CSS pixels). */
export const VIEWPORTS = { laptop: { width: 1024, height: 768 }, phone: { width: 390, height: 844 } };

/** Launches `engine`; `javaScript: false` opens a browser that runs no page script;
 *  `colorScheme: "dark"` (or "light") is what the page's `prefers-color-scheme` matches;
 *  `viewport` is one of VIEWPORTS' names. */
export async function launch(engine, { javaScript = true, colorScheme = "light", viewport = "laptop" } = {}) {
  if (!["light", "dark"].includes(colorScheme)) throw new Error(`colorScheme: light or dark, not ${colorScheme}`);
  const size = VIEWPORTS[viewport];
  if (!size) throw new Error(`viewport: ${Object.keys(VIEWPORTS).join(" or ")}, not ${viewport}`);
  if (engine === "chromium") return Chromium.launch(javaScript, colorScheme, size);
  if (engine === "firefox") return Firefox.launch(javaScript, colorScheme, size);
  if (engine === "webkit") return WebKit.launch(javaScript, colorScheme, size);
  throw new Error(`unknown engine ${engine}`);
}

/**
 * Served at /console-recorder.js, first in the test pages' head: keeps what the page says with
 * console.warn and console.error in `window.saidInConsole` ({ level, text }), and still says it.
 * WebKitWebDriver (classic WebDriver) can neither read the console nor run a script before the
 * page's own, so Firefox and WebKit read the console from there; a same-origin file, so that a
 * CSP of script-src 'self' runs it too. The widget says everything through the page's console,
 * from the wasm as from embed.js, so nothing it says passes by. What the page's CSP blocks is
 * kept too (level "csp": the directive and the address), to tell a CSP's refusal from another.
 */
const CONSOLE_RECORDER = `(() => {
  const said = (window.saidInConsole = []);
  for (const level of ["warn", "error"]) {
    const original = console[level];
    console[level] = function (...args) {
      said.push({ level, text: args.map(String).join(" ") });
      return original.apply(this, args);
    };
  }
  document.addEventListener("securitypolicyviolation", (e) => said.push({ level: "csp", text: e.effectiveDirective + " " + e.blockedURI }));
})();`;
/** A route (tests/e2e/serve.mjs) answering CONSOLE_RECORDER, for /console-recorder.js. */
export const recorderRoute = (req, res) => res.writeHead(200, { "content-type": "text/javascript" }).end(CONSOLE_RECORDER);

const UNTIL_TIMEOUT = 20_000;

/** Polls `fn` in the page of driver `b` until it returns something truthy (for at most 20 s);
 *  returns that. A navigation under way is not an error: it polls again. */
export async function until(b, what, fn, ...args) {
  const end = Date.now() + UNTIL_TIMEOUT;
  let last;
  for (;;) {
    try {
      last = await b.eval(fn, ...args);
      if (last) return last;
    } catch (e) {
      // A session the driver has deleted (WebKit's page crashed) never comes back: said at once.
      if (e.code === "invalid session id") throw e;
      last = e; // the page may be navigating
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : (JSON.stringify(last) ?? last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs `flow` (which opens its own page); if WebKit's page crashed during it, runs it once more
 *  in a new session, said on stderr. WebKitGTK's web process crashes now and then on a busy
 *  2-core machine, in the middle of a flow that passes on its own; a flow that crashes WebKit
 *  every time still fails. Other engines run `flow` once. */
export async function onceMoreIfWebKitCrashed(b, what, flow) {
  try {
    return await flow();
  } catch (e) {
    if (!(b instanceof WebKit) || !(await b.crashed(e))) throw e;
    process.stderr.write(`WebKit: ${e.message.trim()} in "${what}"; a new session, one more try\n`);
    await b.renewSession();
    return await flow();
  }
}

/** A `test(name, fn)` for flows on the driver `driver()` returns (read when the test runs, as
 *  the driver is launched in a `before`): each is run once more if WebKit's page crashed in it. */
export const testOnceMoreIfWebKitCrashed = (driver) => (name, fn) => test(name, (t) => onceMoreIfWebKitCrashed(driver(), name, () => fn(t)));

const source = (fn) => (typeof fn === "function" ? fn.toString() : `() => (${fn})`);

/** Chromium (playwright-core) and Firefox (puppeteer-core) drive a page with the same calls. */
class PageDriver {
  async goto(url) {
    await this.page.goto(url, { waitUntil: "domcontentloaded" });
  }
  press(key) {
    return this.page.keyboard.press(key);
  }
  type(text) {
    return this.page.keyboard.type(text);
  }
  click(x, y) {
    return this.page.mouse.click(x, y);
  }
  /** The address the top-level page is at (or was headed for, on an error page). */
  async url() {
    return this.page.url();
  }
  close() {
    return this.browser.close();
  }
}

class Chromium extends PageDriver {
  static async launch(javaScript, colorScheme, size) {
    const { chromium } = await import("../../tools/node_modules/playwright-core/index.mjs");
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
    const context = await browser.newContext({ locale: "en-US", viewport: size, javaScriptEnabled: javaScript, colorScheme });
    const page = await context.newPage();
    return Object.assign(new Chromium(), { browser, page });
  }
  eval(fn, ...args) {
    return this.page.evaluate(([src, a]) => (0, eval)(`(${src})`)(...a), [source(fn), args]);
  }
}

class Firefox extends PageDriver {
  static async launch(javaScript, colorScheme, size) {
    const { default: puppeteer } = await import("../../tools/node_modules/puppeteer-core/lib/puppeteer/puppeteer-core.js");
    const browser = await puppeteer.launch({
      browser: "firefox",
      executablePath: FIREFOX,
      headless: true,
      // A profile of its own each time; no update, telemetry or other traffic of Firefox's own.
      extraPrefsFirefox: {
        "intl.accept_languages": "en-US",
        "javascript.enabled": javaScript,
        // What pages see as prefers-color-scheme: 0 dark, 1 light.
        "layout.css.prefers-color-scheme.content-override": colorScheme === "dark" ? 0 : 1,
        "app.update.enabled": false,
        "datareporting.policy.dataSubmissionEnabled": false,
        "network.captive-portal-service.enabled": false,
      },
    });
    const page = await browser.newPage();
    await page.setViewport(size);
    return Object.assign(new Firefox(), { browser, page });
  }
  eval(fn, ...args) {
    return this.page.evaluate((src, a) => (0, eval)(`(${src})`)(...a), source(fn), args);
  }
}

// WebDriver's key codes (W3C WebDriver, "keyboard actions") for the keys the flows press.
const WD_KEYS = { Tab: "\uE004", Enter: "\uE007", Shift: "\uE008", Escape: "\uE00C", End: "\uE010", Home: "\uE011", ArrowLeft: "\uE012", ArrowUp: "\uE013", ArrowRight: "\uE014", ArrowDown: "\uE015" };

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Starts Xvfb on the first free display; resolves with { display, process }. */
function startXvfb() {
  return new Promise((ok, fail) => {
    const xvfb = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"], { stdio: ["ignore", "ignore", "pipe", "pipe"] });
    let out = "";
    xvfb.once("error", fail);
    xvfb.stdio[3].on("data", (d) => {
      out += d;
      if (out.includes("\n")) ok({ display: `:${out.trim()}`, process: xvfb });
    });
    xvfb.once("exit", (code) => fail(new Error(`Xvfb exited (${code})`)));
  });
}

class WebKit {
  static async launch(javaScript, colorScheme, size) {
    if (!existsSync(WEBKIT_DRIVER)) throw new Error(`${WEBKIT_DRIVER} is missing: run scripts/setup.sh --test`);
    const xvfb = await startXvfb();
    const port = await freePort();
    const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display, LANG: "en_US.UTF-8", LANGUAGE: "en_US" }, stdio: "ignore" });
    const self = Object.assign(new WebKit(), { xvfb: xvfb.process, driver, base: `http://127.0.0.1:${port}` });
    // Never left behind, even when a test run is cut short.
    process.once("exit", () => {
      driver.kill();
      xvfb.process.kill();
    });
    try {
      for (let i = 0; ; i++) {
        try {
          await fetch(`${self.base}/status`);
          break;
        } catch (e) {
          if (i > 100) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      // MiniBrowser takes WebKitSettings as options: that is how page script is turned off;
      // --dark-mode is its own option, what prefers-color-scheme then matches.
      // "normal" page loads: with "eager", the command after a navigation could wait 30 s for a
      // load that WebKit had already had (with page script off, or the wasm arriving late).
      self.args = ["--automation", ...(javaScript ? [] : ["--enable-javascript=false"]), ...(colorScheme === "dark" ? ["--dark-mode"] : [])];
      self.size = size;
      await self.newSession();
    } catch (e) {
      await self.close();
      throw e;
    }
    return self;
  }
  async call(method, path, body) {
    const res = await fetch(this.base + path, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await res.json();
    if (!res.ok) {
      // The WebDriver error code ("invalid session id", "unknown error"…) as `code`.
      throw Object.assign(new Error(`WebKitWebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`), { code: json.value?.error });
    }
    return json.value;
  }
  async newSession() {
    const { sessionId } = await this.call("POST", "/session", {
      capabilities: { alwaysMatch: { pageLoadStrategy: "normal", "webkitgtk:browserOptions": { args: this.args } } },
    });
    this.session = `/session/${sessionId}`;
    await this.call("POST", `${this.session}/timeouts`, { script: 20_000, pageLoad: 30_000 });
    // The window's outer size: what the page gets is a little smaller, which no flow depends on.
    await this.call("POST", `${this.session}/window/rect`, this.size).catch(() => {});
  }
  /** Whether driver error `e` came from WebKitGTK's web process crashing: the command under way
   *  fails with "unknown error", then every later one with "invalid session id" ("session deleted
   *  because of page crash or hang"). The driver says "unknown error" for other failures too, so
   *  that one counts only when the session is gone (a command after it fails). Any other error,
   *  a test's own timeout or assertion included, is not a crash. */
  async crashed(e) {
    if (e?.code === "invalid session id") return true;
    if (e?.code !== "unknown error") return false;
    return this.url().then(() => false, () => true);
  }
  /** A new session in place of one whose page crashed. */
  async renewSession() {
    await this.call("DELETE", this.session).catch(() => {});
    await this.newSession();
  }
  async goto(url) {
    try {
      return await this.call("POST", `${this.session}/url`, { url });
    } catch (e) {
      // WebKitGTK's web process crashed now and then on a busy 2-core machine, between two
      // flows that pass on their own, and every later flow of the engine failed with it. A new
      // session and one more try, said on stderr: a page that crashes WebKit every time still
      // fails.
      if (!(await this.crashed(e))) throw e;
      process.stderr.write(`WebKit: ${e.message.trim()} opening ${url}; a new session, one more try\n`);
      await this.renewSession();
      return await this.call("POST", `${this.session}/url`, { url });
    }
  }
  url() {
    return this.call("GET", `${this.session}/url`);
  }
  eval(fn, ...args) {
    // Execute Script awaits a promise the script returns.
    return this.call("POST", `${this.session}/execute/sync`, { script: `return (${source(fn)}).apply(null, arguments)`, args });
  }
  keys(actions) {
    return this.call("POST", `${this.session}/actions`, { actions: [{ type: "key", id: "keyboard", actions }] });
  }
  press(key) {
    const value = WD_KEYS[key] ?? key;
    return this.keys([{ type: "keyDown", value }, { type: "keyUp", value }]);
  }
  type(text) {
    return this.keys([...text].flatMap((value) => [{ type: "keyDown", value }, { type: "keyUp", value }]));
  }
  click(x, y) {
    return this.call("POST", `${this.session}/actions`, {
      actions: [{
        type: "pointer", id: "mouse", parameters: { pointerType: "mouse" },
        actions: [{ type: "pointerMove", x: Math.round(x), y: Math.round(y), origin: "viewport" }, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }],
      }],
    });
  }
  async close() {
    if (this.session) await this.call("DELETE", this.session).catch(() => {});
    this.driver?.kill();
    this.xvfb?.kill();
  }
}
