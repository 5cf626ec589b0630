// The npm tarball installed into fresh projects: plain ESM from node_modules, the packed embed
// served from another origin, server-side import, the files it names, and the TypeScript
// declarations. Real toolchains (webpack, Next.js, Vite, …) are in toolchains.test.mjs.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
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
    // Every entry that defines <freedom-widget> is marked, the root element.js for resolvers that ignore "exports" too.
    assert.deepEqual(pkg.sideEffects, ["./dist/embed/element.js", "./dist/embed/embed.js", "./element.js"]);
    for (const framework of ["react", "preact", "svelte", "vue"]) {
      assert.deepEqual(pkg.exports[`./${framework}`], { types: `./dist/embed/${framework}.d.ts`, default: "./dist/embed/element.js" });
    }
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
    await page.locator('#help >> .fw-mount a[href="tel:+528005533000"]').first().waitFor();
    assert.equal(await page.locator("#help >> .fw-mount .fw").count(), 1, "mounting twice replaced the widget");
    await page.locator('#el >> .fw-mount a[href="tel:+448000121700"]').first().waitFor();
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

  test("every file URL and module path in the package names a file the package holds; nothing names the standalone page", () => {
    const dir = freshProject("urls");
    const pkg = join(dir, "node_modules/freedom-widget");
    const files = readdirSync(pkg, { recursive: true }).filter((f) => f.endsWith(".js"));
    let checked = 0;
    for (const file of files) {
      const code = readFileSync(join(pkg, file), "utf8");
      // What bundlers follow: `new URL("…", import.meta.url)`, `import("…")` and `from "…"` with a relative path.
      const references = [
        ...code.matchAll(/new URL\(\s*["'`]([^"'`]+)["'`]\s*,\s*import\.meta\.url\s*\)/g),
        ...code.matchAll(/import\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g),
        ...code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g),
      ].map((m) => m[1]);
      for (const reference of references) {
        const target = join(pkg, dirname(file), reference);
        assert.ok(existsSync(target), `${file} names ${reference}, which the package does not hold`);
        checked++;
      }
      if (file.startsWith("dist/embed/") && file !== "dist/embed/embed.js") {
        assert.doesNotMatch(code, /index\.html/, `${file} names the standalone page`);
      }
    }
    assert.ok(checked >= 14, `the wasm, glue, language and fallback modules are referenced (${checked})`);
  });

  test("importing either entry where there is no DOM (server rendering) does nothing and throws nothing", () => {
    const dir = freshProject("ssr");
    writeFileSync(join(dir, "server.mjs"), `
      const api = await import("freedom-widget");
      await import("freedom-widget/element");
      await import("freedom-widget/react");
      if (typeof api.mount !== "function" || typeof api.setAssetsUrl !== "function") throw new Error("exports missing");
      api.define();
      let threw = null;
      try { api.mount({}, {}); } catch (e) { threw = e.message; }
      if (!/needs a DOM element/.test(threw)) throw new Error("mount without a DOM should say so: " + threw);
      console.log("ok");
    `);
    const out = execFileSync(process.execPath, ["server.mjs"], { cwd: dir, encoding: "utf8" });
    assert.equal(out.trim(), "ok");
  });

  test("(c) the packed dist/embed/embed.js served from another origin", async () => {
    const dir = freshProject("cdn");
    const cdn = await track(serve({ root: join(dir, "node_modules/freedom-widget"), host: "127.0.0.2", cors: true }));
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>cdn</title></head><body>
      <script type="module" src="${cdn.url}/dist/embed/embed.js" data-country="TH"></script></body></html>`;
    const site = await track(serve({ root: dir, routes: { "/site.html": (q, r) => r.writeHead(200, { "content-type": "text/html" }).end(html) } }));
    const { context, page } = await open(`${site.url}/site.html`);
    await page.locator('freedom-widget >> .fw-mount a[href="tel:1300"]').first().waitFor();
    await context.close();


  });
});
