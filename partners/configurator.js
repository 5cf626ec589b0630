// The partner kit's configurator: a form for every documented option, the real widget as a live
// preview, and copy-ready snippets for the three doors. Plain JavaScript on its own page: none of
// it is in the embed bundle. It writes nothing to the URL, history or storage.
import { define } from "../embed/index.js";

define();
const LANGUAGES = __LANGUAGES__;
const SECTIONS = ["hotlines", "explainer", "quotes"];
const $ = (id) => document.getElementById(id);
const embedUrl = new URL("../embed/embed.js", import.meta.url).href;
const pageUrl = new URL("../", import.meta.url).href;
const embedOrigin = new URL(embedUrl).origin;
let integrity = "";

for (const [tag, name] of LANGUAGES) $("lang").append(new Option(`${name} (${tag})`, tag));

/** Reads and checks the form: the options to use, and a message per invalid field. */
function read() {
  const options = {};
  const errors = {};
  const country = $("country").value.trim().toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) errors.country = "Use a two-letter country code, such as MX or TH.";
  else if (country) options.country = country;
  if ($("lang").value) options.lang = $("lang").value;
  const sections = $("sections").value.split(",").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length) errors.sections = `Not a section: ${unknown.join(", ")}. Use hotlines, explainer, quotes.`;
  else if (new Set(sections).size !== sections.length) errors.sections = "Each section can be listed once.";
  else if (sections.length && sections.join(",") !== SECTIONS.join(",")) options.sections = sections.join(",");
  if ($("layout").value !== "full") options.layout = $("layout").value;
  if ($("theme").value !== "auto") options.theme = $("theme").value;
  if ($("quick-exit").checked) {
    options["quick-exit"] = "true";
    const url = $("quick-exit-url").value.trim();
    if (!/^https?:\/\/[^\s/]/.test(url)) errors["quick-exit-url"] = "Use a full web address starting with https://.";
    else if (url !== "https://www.wikipedia.org/") options["quick-exit-url"] = url;
  }
  const style = {};
  if ($("accent").value.toLowerCase() !== "#0b5fff") style["--fw-accent"] = $("accent").value;
  if ($("radius").value) style["--fw-radius"] = $("radius").value;
  return { options, errors, style };
}

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const attrs = (options, prefix = "") => Object.entries(options).map(([k, v]) => ` ${prefix}${k}="${v}"`).join("");
const styleText = (style) => Object.entries(style).map(([k, v]) => `${k}: ${v}`).join("; ");

function render() {
  const { options, errors, style } = read();
  for (const id of ["country", "sections", "quick-exit-url"]) {
    $(`${id}-error`).textContent = errors[id] ?? "";
    $(id).setAttribute("aria-invalid", errors[id] ? "true" : "false");
  }
  // The preview is the real widget, updated attribute by attribute.
  const preview = $("preview");
  for (const name of ["country", "lang", "sections", "layout", "theme", "quick-exit", "quick-exit-url"]) {
    const value = name === "layout" ? options.layout ?? "full" : options[name];
    if (value === undefined) preview.removeAttribute(name);
    else if (preview.getAttribute(name) !== value) preview.setAttribute(name, value);
  }
  for (const name of ["--fw-accent", "--fw-radius"]) {
    if (style[name]) preview.style.setProperty(name, style[name]);
    else preview.style.removeProperty(name);
  }
  const query = new URLSearchParams(Object.entries(options).filter(([k]) => ["country", "lang"].includes(k))).toString();
  const css = styleText(style);
  $("snippet-script").textContent =
    `<script type="module" src="${embedUrl}"${integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : ""}${attrs(options, "data-")}></script>\n` +
    `<noscript><a href="${pageUrl}${query ? `?${query}` : ""}">Anti-trafficking hotlines in every country</a></noscript>` +
    (css ? `\n\n/* in your stylesheet */\nfreedom-widget { ${css}; }` : "");
  const js = Object.fromEntries(Object.entries(options).map(([k, v]) => [camel(k), k === "quick-exit" ? true : k === "sections" ? v.split(",") : v]));
  $("snippet-npm").textContent = `npm install freedom-widget\n\nimport { mount } from "freedom-widget";\nmount(document.querySelector("#help"), ${JSON.stringify(js, null, 2)});`;
  $("snippet-element").textContent = `import "freedom-widget/element";\n\n<freedom-widget${attrs(options)}></freedom-widget>`;
  const sameOrigin = embedOrigin === location.origin;
  $("snippet-csp").textContent = sameOrigin
    ? "script-src 'self' 'wasm-unsafe-eval'"
    : `script-src ${embedOrigin} 'wasm-unsafe-eval'\nconnect-src ${embedOrigin}`;
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const text = $(button.dataset.copy).textContent;
  try {
    await navigator.clipboard.writeText(text);
    $("copy-status").textContent = `${button.textContent.replace("Copy ", "")}: copied.`;
  } catch {
    $("copy-status").textContent = "Could not copy: select the text and copy it yourself.";
  }
});
$("options").addEventListener("input", render);
$("options").addEventListener("change", render);
fetch(new URL("../embed/integrity.json", import.meta.url))
  .then((r) => r.json())
  .then((sri) => { integrity = sri["embed.js"] ?? ""; render(); })
  .catch(() => render());
render();
