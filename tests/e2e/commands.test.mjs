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
