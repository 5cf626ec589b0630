// The npm package in the toolchains web developers use: for each app in tests/toolchains/ (written
// the plain way that toolchain's documentation shows), install the packed tarball, run the app's
// production build, serve it, and check in Chromium that both `mount()` (US) and
// `<freedom-widget>` (MX) show their country's number in Spanish, with no console error and no
// failed request. Each app's toolchain is installed once (npm ci, pinned by its package-lock.json)
// and reused while its lock file is unchanged.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, ROOT, watch } from "./helpers.mjs";
import { serve } from "./serve.mjs";

const APPS = join(ROOT, "tests", "toolchains");
const version = readFileSync(join(ROOT, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
const tarball = join(ROOT, "target", `freedom-widget-${version}.tgz`);
const US = 'a[href="tel:+18883737888"]';
const MX = 'a[href="tel:+528005533000"]';
const quiet = ["--no-audit", "--no-fund", "--loglevel=error"];

/** Installs the app's toolchain once per lock file, then the freshly packed widget. */
function install(app) {
  const dir = join(APPS, app);
  const lock = readFileSync(join(dir, "package-lock.json"));
  const stamp = join(dir, "node_modules", ".installed-lock");
  const want = createHash("sha256").update(lock).digest("hex");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== want) {
    execFileSync("npm", ["ci", ...quiet], { cwd: dir, stdio: "pipe", env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" } });
    writeFileSync(stamp, want);
  }
  execFileSync("npm", ["install", "--no-save", ...quiet, tarball], { cwd: dir, stdio: "pipe" });
  return dir;
}

/** Runs the app's own `npm run build`; returns its output (for a failed build, the reason). */
function build(dir, script = "build") {
  try {
    return execFileSync("npm", ["run", script], {
      cwd: dir,
      stdio: "pipe",
      encoding: "utf8",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    });
  } catch (error) {
    throw new Error(`${dir}: build failed\n${error.stdout}\n${error.stderr}`);
  }
}

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

/** Opens the built app; records console errors and every request that failed or was refused. */
async function open(root) {
  const server = await serve({ root });
  servers.push(server);
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const seen = watch(page);
  const failed = [];
  page.on("requestfailed", (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  });
  await page.goto(`${server.url}/`);
  return { context, page, seen, failed };
}

/** Both widgets show their country's number, in Spanish, and nothing went wrong on the way. */
async function bothWidgetsWork(root) {
  const { context, page, seen, failed } = await open(root);
  await page.locator(`#help >> ${US}`).first().waitFor();
  await page.locator(`freedom-widget >> ${MX}`).first().waitFor();
  await page.locator("#help >> label[for=fw-search]", { hasText: "país" }).waitFor();
  await page.locator("freedom-widget >> label[for=fw-search]", { hasText: "país" }).waitFor();
  assert.deepEqual(seen.errors, [], "no console error");
  assert.deepEqual(failed, [], "no failed request");
  await context.close();
  return seen;
}

describe("the npm package in every toolchain", () => {
  test("webpack 5, with no configuration for the widget", async () => {
    const dir = install("webpack");
    build(dir);
    await bothWidgetsWork(join(dir, "dist"));
  });

  test("Rollup 4 with node-resolve and the usual import.meta assets plugin", async () => {
    const dir = install("rollup");
    build(dir);
    await bothWidgetsWork(join(dir, "dist"));
  });

  test("esbuild, with the files copied and setAssetsUrl(); without the files, one clear warning and a working number", async () => {
    const dir = install("esbuild");
    build(dir);
    await bothWidgetsWork(join(dir, "dist"));
    // As if the files had not been copied: the first paint stays and dials, and the console says
    // which file is missing at which URL and which option fixes it, once.
    rmSync(join(dir, "dist", "freedom-widget"), { recursive: true });
    const { context, page, seen } = await open(join(dir, "dist"));
    await page.locator(`#help >> .fw-first ${US}`).waitFor();
    await page.locator(`freedom-widget >> .fw-first ${MX}`).waitFor();
    const about = seen.warnings.filter((w) => w.includes("WebAssembly"));
    assert.equal(about.length, 1, seen.warnings.join("\n"));
    assert.match(about[0], /freedom-widget-[0-9a-f]+_bg\.wasm could not be loaded from http:\/\/127\.0\.0\.1:\d+\/freedom-widget\/freedom-widget-[0-9a-f]+_bg\.wasm \(HTTP 404\)/);
    assert.match(about[0], /assetsUrl/);
    assert.equal(about[0].split(". ").length, 2, `one sentence, then what the widget does: ${about[0]}`);
    await context.close();
  });

  test("Parcel 2 with its defaults", async () => {
    const dir = install("parcel");
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    build(dir);
    await bothWidgetsWork(join(dir, "dist"));
  });

  test("Vite 8", async () => {
    const dir = install("vite");
    build(dir);
    await bothWidgetsWork(join(dir, "dist"));
  });

  test("SvelteKit 2 (adapter-static, prerendered): the import is safe on the server, onMount mounts", async () => {
    const dir = install("sveltekit");
    build(dir);
    await bothWidgetsWork(join(dir, "build"));
  });

  test("Angular 21 (ng new, its default esbuild builder): the widget's files under angular.json's assets and setAssetsUrl()", async () => {
    const dir = install("angular");
    build(dir);
    await bothWidgetsWork(join(dir, "dist", "angular", "browser"));
  });

  test("Next.js 16 (App Router, Turbopack), a 'use client' component: prerendering imports the widget safely", async () => {
    const dir = install("next");
    build(dir);
    await bothWidgetsWork(join(dir, "out"));
  });

  test("Next.js 16 with webpack (next build --webpack): the same app, no configuration", async () => {
    const dir = install("next");
    build(dir, "build:webpack");
    await bothWidgetsWork(join(dir, "out"));
  });
});

describe("<freedom-widget> typed in templates, from the package alone", () => {
  const run = (dir, command, args) => {
    try {
      return { ok: true, out: execFileSync(join(dir, "node_modules", ".bin", command), args, { cwd: dir, stdio: "pipe", encoding: "utf8" }) };
    } catch (error) {
      return { ok: false, out: `${error.stdout}\n${error.stderr}` };
    }
  };
  let dir;
  before(() => {
    dir = install("templates");
  });

  test("React .tsx and Preact .tsx: attributes type-check, a wrong layout is an error", () => {
    for (const config of ["tsconfig.react.json", "tsconfig.preact.json"]) {
      const { ok, out } = run(dir, "tsc", ["-p", config]);
      assert.ok(ok, `${config}:\n${out}`);
    }
  });

  test("Svelte: svelte-check accepts the element and reports only the wrong layout", () => {
    const { ok, out } = run(dir, "svelte-check", ["--workspace", "svelte", "--output", "machine"]);
    assert.ok(!ok, "the wrong layout is reported");
    const errors = out.split("\n").filter((line) => line.includes(" ERROR "));
    assert.equal(errors.length, 1, out);
    assert.match(errors[0], /Wrong\.svelte/);
  });

  test("Vue: vue-tsc with strict templates accepts the element, a wrong layout is an error", () => {
    const { ok, out } = run(dir, "vue-tsc", ["-p", "vue/tsconfig.json"]);
    assert.ok(ok, out);
  });
});
