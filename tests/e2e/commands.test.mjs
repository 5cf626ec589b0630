// The README's commands on a fresh clone: `node scripts/bench.mjs` must run its set-up before it
// needs anything the set-up installs. A static import of tools/node_modules (playwright-core) is
// resolved before any of the script runs, so on a fresh clone it fails with ERR_MODULE_NOT_FOUND.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Every file a module loads through static imports, itself included (relative imports only). */
function staticImports(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, "utf8");
  for (const [, spec] of source.matchAll(/^\s*import\s[^;]*?from\s+"([^"]+)"/gms)) {
    if (spec.startsWith(".")) staticImports(resolve(dirname(file), spec), seen);
    else seen.add(spec);
  }
  for (const [, spec] of source.matchAll(/^\s*import\s+"([^"]+)"/gm)) seen.add(spec);
  return seen;
}

test("the benchmark command loads nothing from tools/ before its set-up has installed it", () => {
  const loaded = [...staticImports(join(ROOT, "scripts", "bench.mjs"))];
  assert.ok(loaded.some((f) => f.endsWith("serve.mjs")), `the scan follows relative imports: ${loaded.join(", ")}`);
  const early = loaded.filter((f) => f.includes("node_modules") || f.startsWith(join(ROOT, "tools")));
  assert.deepEqual(early, [], "statically imported before scripts/setup.sh can run");
  const source = readFileSync(join(ROOT, "scripts", "bench.mjs"), "utf8");
  const [setupAt, importAt] = [source.indexOf("scripts/setup.sh"), source.indexOf('await import("../tests/e2e/helpers.mjs")')];
  assert.ok(setupAt >= 0 && importAt >= 0 && setupAt < importAt, "the set-up runs before the browser helpers are imported");
});

test("the scan would catch the import that broke the benchmark on a fresh clone", () => {
  // helpers.mjs imports playwright-core from tools/: importing it statically is what failed.
  const loaded = [...staticImports(join(ROOT, "tests", "e2e", "helpers.mjs"))];
  assert.ok(loaded.some((f) => f.includes(join("tools", "node_modules"))), loaded.join(", "));
});

// The GitHub workflows cannot run here: the test command lints them (actionlint) and these tests
// check that they run the very commands CI here runs.
const workflow = (name) => readFileSync(join(ROOT, ".github", "workflows", name), "utf8");
const runs = (yaml) => yaml.split("\n").filter((l) => l.trim().startsWith("run:")).map((l) => l.trim().slice("run:".length).trim());

test("the CI workflow runs the README's test command, as .ci/run does", () => {
  assert.ok(runs(workflow("ci.yml")).includes("bash scripts/test.sh"), "ci.yml runs bash scripts/test.sh");
  assert.match(readFileSync(join(ROOT, ".ci", "run"), "utf8"), /^exec bash scripts\/test\.sh$/m);
  assert.match(readFileSync(join(ROOT, "README.md"), "utf8"), /^bash scripts\/test\.sh /m, "the README gives the same command");
});

test("the release workflow tests, then publishes the tarball the build packs, with provenance", async () => {
  const release = runs(workflow("release.yml"));
  const [tested, published] = [release.indexOf("bash scripts/test.sh"), release.findIndex((r) => r.startsWith("npm publish target/freedom-widget-*.tgz --provenance"))];
  assert.ok(tested >= 0 && published > tested, release.join("\n"));
  assert.match(workflow("release.yml"), /id-token: write/, "provenance needs the OIDC token");
  // scripts/pack.mjs writes the tarball under that name, and the package.json the version step reads.
  const { readdirSync, existsSync } = await import("node:fs");
  if (existsSync(join(ROOT, "target", "npm"))) {
    assert.ok(readdirSync(join(ROOT, "target")).some((f) => /^freedom-widget-\d+\.\d+\.\d+\.tgz$/.test(f)), "target/freedom-widget-VERSION.tgz");
    assert.ok(existsSync(join(ROOT, "target", "npm", "package.json")));
  }
});

test("actionlint, as the test command runs it, fails on a broken workflow", async () => {
  const { execFileSync } = await import("node:child_process");
  const { mkdtempSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "fw-actionlint-"));
  const broken = join(dir, "broken.yml");
  writeFileSync(broken, "on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.evnt }}\n");
  const lint = (file) => {
    try {
      execFileSync(join(ROOT, "tools", "py", "bin", "actionlint"), [file], { encoding: "utf8", stdio: "pipe" });
      return "";
    } catch (e) {
      return e.stdout + e.stderr;
    }
  };
  assert.match(lint(broken), /property "evnt" is not defined/);
  assert.equal(lint(join(ROOT, ".github", "workflows", "ci.yml")), "");
});

test("the data channel's workflow signs with the script the channel tests run, on data changes and weekly", () => {
  const yaml = workflow("data-channel.yml");
  const signing = runs(yaml).find((r) => r.startsWith("|")) ?? "";
  assert.match(yaml, /FW_DATA_KEY="\$key" bash scripts\/data-release\.sh data\/hotlines\.json public\/data/);
  assert.match(yaml, /paths: \["data\/\*\*"\]/, "on every change to the data");
  assert.match(yaml, /- cron: "[^"]+ \* \* 1"/, "and at least weekly, so expires can stay short");
  assert.match(yaml, /secrets\.FW_DATA_KEY/, "the key comes from a secret");
  assert.doesNotMatch(yaml + signing, /tests\/keys/, "never the test key");
});
