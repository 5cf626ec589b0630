// The npm tarball installed into fresh projects: plain ESM from node_modules, a Vite 7 build, the
// packed embed served from another origin, and the TypeScript declarations.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, ROOT, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const version = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const tarball = join(ROOT, "target", `freedom-widget-${version}.tgz`);
const npm = (cwd, ...args) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, stdio: "pipe", encoding: "utf8" });

function freshProject(name, dependencies = {}) {
  const dir = mkdtempSync(join(tmpdir(), `fw-${name}-`));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `fw-${name}`, private: true, type: "module", dependencies }, null, 2));
  npm(dir, "install", tarball);
  return dir;
}

let browser;
const servers = [];
const track = async (started) => {
  const server = await started;
  servers.push(server);
  return server;
};
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

async function open(url) {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const seen = watch(page);
  await page.goto(url);
  return { context, page, seen };
}

describe("npm package", () => {
  test("package.json: version from Cargo.toml, ES modules, exports, types, files, sideEffects", () => {
    const dir = freshProject("meta");
    const pkg = JSON.parse(readFileSync(join(dir, "node_modules/freedom-widget/package.json"), "utf8"));
    assert.equal(pkg.version, version);
    assert.equal(pkg.type, "module");
    assert.equal(pkg.exports["."].default, "./dist/embed/index.js");
    assert.equal(pkg.exports["./element"].default, "./dist/embed/element.js");
    assert.equal(pkg.types, "./dist/embed/index.d.ts");
    assert.deepEqual(pkg.sideEffects, ["./dist/embed/element.js", "./dist/embed/embed.js"]);
    const files = readdirSync(join(dir, "node_modules/freedom-widget/dist/embed"));
    assert.ok(files.includes("embed.js") && files.some((f) => f.endsWith("_bg.wasm")));
    const index = readFileSync(join(dir, "node_modules/freedom-widget/dist/embed/index.js"), "utf8");
    assert.match(index, /new URL\("\.\/freedom-widget-[0-9a-f]+_bg\.wasm", import\.meta\.url\)/, "bundler-visible wasm URL");
    assert.doesNotMatch(index, /from "fs"|require\(|^await /m);
  });

  test("TypeScript: the declarations type-check a consumer and reject a wrong option", () => {
    const dir = freshProject("ts");
    writeFileSync(join(dir, "consumer.ts"), `
      import { mount, type Options, type Handle } from "freedom-widget";
      import "freedom-widget/element";
      const options: Options = { country: "TH", sections: ["hotlines", "quotes"], layout: "compact", theme: "dark",
        quickExit: true, hotlines: [], onEvent: (name, detail) => console.log(name, detail.country) };
      const handle: Handle = mount(document.body, options);
      handle.update({ lang: "es" });
      handle.ready.then(() => handle.destroy());
      const el = document.createElement("freedom-widget");
      el.addEventListener("freedom-widget:call", (e) => console.log(e.detail.channel));
      // @ts-expect-error: "wide" is not a layout
      mount(document.body, { layout: "wide" });
    `);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "ESNext", moduleResolution: "bundler", lib: ["ES2022", "DOM", "DOM.Iterable"], skipLibCheck: false }, files: ["consumer.ts"] }));
    execFileSync(join(ROOT, "tools/node_modules/.bin/tsc"), ["-p", dir], { stdio: "pipe", encoding: "utf8" });
  });

  test("(a) plain HTML importing from node_modules: mount, update, destroy, replace, events", async () => {
    const dir = freshProject("plain");
    writeFileSync(join(dir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>plain</title>
      <script type="importmap">{"imports": {"freedom-widget": "./node_modules/freedom-widget/dist/embed/index.js",
        "freedom-widget/element": "./node_modules/freedom-widget/dist/embed/element.js"}}</script></head>
      <body><div id="help"></div><freedom-widget id="el" country="GB" layout="banner"></freedom-widget>
      <script type="module">
        import { mount } from "freedom-widget";
        import "freedom-widget/element";
        await import("freedom-widget/element");
        window.events = [];
        const first = mount(document.querySelector("#help"), { country: "TH", onEvent: (name, detail) => events.push([name, detail.country]) });
        await first.ready;
        // The first widget may already have sent its country; from here on it is replaced.
        events.push(["replaced", null]);
        const handle = mount(document.querySelector("#help"), { country: "MX", layout: "compact", onEvent: (name, detail) => events.push([name, detail.country]) });
        await handle.ready;
        window.handle = handle;
        window.ready = true;
      </script></body></html>`);
    const server = await track(serve({ root: dir }));
    const { context, page, seen } = await open(`${server.url}/index.html`);
    await page.waitForFunction(() => window.ready);
    await page.locator('#help >> a[href="tel:+528005533000"]').first().waitFor();
    assert.equal(await page.locator("#help >> .fw").count(), 1, "mounting twice replaced the widget");
    await page.locator('#el >> a[href="tel:+448000121700"]').first().waitFor();
    await page.evaluate(() => handle.update({ country: "JP" }));
    await page.locator("#help >> #fw-directory-heading", { hasText: "Japan" }).waitFor();
    const events = await page.evaluate(() => window.events);
    assert.ok(events.some(([n, c]) => n === "country-change" && c === "JP"), JSON.stringify(events));
    const replacedAt = events.findIndex(([n]) => n === "replaced");
    assert.ok(replacedAt >= 0 && !events.slice(replacedAt).some(([, c]) => c === "TH"), `the replaced widget sends nothing once replaced: ${JSON.stringify(events)}`);
    const bubbled = await page.evaluate(() => new Promise((done) => {
      document.querySelector("#help").addEventListener("freedom-widget:call", (e) => done(e.detail.channel), { once: true });
      const link = document.querySelector("#help").shadowRoot.querySelector(".channel-phone");
      link.addEventListener("click", (e) => e.preventDefault(), { once: true });
      link.click();
    }));
    assert.equal(bubbled, "phone");
    await page.evaluate(() => handle.destroy());
    assert.equal(await page.evaluate(() => document.querySelector("#help").shadowRoot.childElementCount), 0);
    assert.deepEqual(seen.errors, []);
    await context.close();

  });

  test("(b) a Vite 7 app built with vite build", async () => {
    const dir = freshProject("vite");
    npm(dir, "install", "vite@7");
    writeFileSync(join(dir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite</title></head>
      <body><div id="help"></div><script type="module" src="/main.js"></script></body></html>`);
    writeFileSync(join(dir, "main.js"), `import { mount } from "freedom-widget";\nmount(document.getElementById("help"), { country: "US", lang: "es" });\n`);
    execFileSync(join(dir, "node_modules/.bin/vite"), ["build", "--logLevel", "error"], { cwd: dir, stdio: "pipe" });
    const assets = readdirSync(join(dir, "dist/assets"));
    assert.ok(assets.some((f) => f.endsWith(".wasm")), `vite emitted the wasm: ${assets.join(", ")}`);
    assert.ok(assets.filter((f) => f.endsWith(".json")).length >= 11, `vite emitted the language files: ${assets.join(", ")}`);
    const server = await track(serve({ root: join(dir, "dist") }));
    const { context, page, seen } = await open(`${server.url}/`);
    await page.locator('#help >> a[href="tel:+18883737888"]').first().waitFor();
    await page.locator("#help >> label[for=fw-search]", { hasText: "país" }).waitFor();
    assert.deepEqual(seen.errors, []);
    await context.close();

  });

  test("(c) the packed dist/embed/embed.js served from another origin", async () => {
    const dir = freshProject("cdn");
    const cdn = await track(serve({ root: join(dir, "node_modules/freedom-widget"), host: "127.0.0.2", cors: true }));
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cdn</title></head><body>
      <script type="module" src="${cdn.url}/dist/embed/embed.js" data-country="TH"></script></body></html>`;
    const site = await track(serve({ root: dir, routes: { "/site.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(html) } }));
    const { context, page } = await open(`${site.url}/site.html`);
    await page.locator('freedom-widget >> a[href="tel:1300"]').first().waitFor();
    await context.close();


  });
});
