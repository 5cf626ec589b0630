// Builds the npm package from the release build (no wasm-pack): target/npm/ holds package.json
// (version from Cargo.toml), the package README and dist/ (the embed files, which the package's
// entry points are, and the standalone page, for those who serve the package's files as they are:
// it has its own wasm, with hydration, so the package holds both builds; not the country pages), then `npm pack` writes
// target/freedom-widget-<v>.tgz.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

const root = join(import.meta.dirname, "..");
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "([^"]+)"`, "m"))[1];
const version = field("version");
/** The frameworks whose template types post-build copied (js/templates/<name>.d.ts). */
const templateFrameworks = readdirSync(join(root, "js", "templates")).filter((f) => f.endsWith(".d.ts")).map((f) => f.slice(0, -5));
// `node scripts/pack.mjs [--dist DIR --into DIR]`: by default dist/ into target/; the test
// command packs its build that trusts the test data key (target/dist-testkey) into
// target/testkey/, for a toolchain's app to install, never to publish.
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? join(root, process.argv[i + 1]) : fallback;
};
const dist = flag("dist", join(root, "dist"));
const into = flag("into", join(root, "target"));
const out = join(into, "npm");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// Not the country pages (dist/<cc>/, prerender --country-pages): a site serves them; a
// package's users mount the widget, and the package would grow by every country × language.
const countryFolders = new Set(
  readFileSync(join(root, "data", "countries.tsv"), "utf8")
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => l.split("\t")[0].toLowerCase()),
);
const isCountryPage = (path) => dirname(path) === dist && countryFolders.has(basename(path));
cpSync(dist, join(out, "dist"), { recursive: true, filter: (path) => !isCountryPage(path) });
cpSync(join(root, "js", "README.md"), join(out, "README.md"));
for (const license of ["LICENSE-MIT", "LICENSE-APACHE"]) cpSync(join(root, license), join(out, license));

const pkg = {
  name: "freedom-widget",
  version,
  description: field("description"),
  license: field("license"),
  type: "module",
  main: "./dist/embed/index.js",
  module: "./dist/embed/index.js",
  types: "./dist/embed/index.d.ts",
  exports: {
    ".": { types: "./dist/embed/index.d.ts", default: "./dist/embed/index.js" },
    "./element": { types: "./dist/embed/element.d.ts", default: "./dist/embed/element.js" },
    "./embed": "./dist/embed/embed.js",
    // The element entry again, with its types in each framework's templates (js/templates/).
    ...Object.fromEntries(templateFrameworks.map((f) => [`./${f}`, { types: `./dist/embed/${f}.d.ts`, default: "./dist/embed/element.js" }])),
    "./package.json": "./package.json",
  },
  files: ["dist/", "element.js", "element.d.ts", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // Importing "freedom-widget" has no side effects; the element and embed entries define <freedom-widget>.
  sideEffects: ["./dist/embed/element.js", "./dist/embed/embed.js", "./element.js"],
  keywords: ["human-trafficking", "hotline", "widget", "web-component", "webassembly", "yew"],
};
// Resolvers that ignore "exports" (Parcel's default, TypeScript's node10) find the element
// entry as a file at the package's root.
writeFileSync(join(out, "element.js"), '// Defines <freedom-widget>; the same module as "./dist/embed/element.js".\nimport "./dist/embed/element.js";\n');
writeFileSync(join(out, "element.d.ts"), 'import "./dist/embed/element.js";\nexport * from "./dist/embed/element.js";\n');
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", into], { cwd: out, encoding: "utf8" }).trim();
console.log(`pack: ${join(into, tarball)}`);
