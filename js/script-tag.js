// The script-tag door (dist/embed/embed.js): every <script type="module" src=".../embed.js" data-…>
// in the body gets a widget right after it (or inside the element named by data-target). A tag
// in <head> only defines <freedom-widget>, for pages that place elements themselves. A module
// runs once per URL, so one run serves every tag that loads this file.
import { define } from "./element.js";
import { fallbackDirectory } from "./mount.js";

// The standalone directory is served beside the embed's files. Built from a variable on purpose:
// a literal `new URL("../index.html", import.meta.url)` would make a bundler that meets this
// file copy the whole page into an app.
const directoryPage = "../index.html";
fallbackDirectory.url = new URL(directoryPage, import.meta.url).href;

define();
const here = import.meta.url.split(/[?#]/)[0];
for (const script of document.querySelectorAll("script[src]")) {
  if (script.src.split(/[?#]/)[0] !== here || script.dataset.freedomWidgetMounted || script.closest("head")) continue;
  script.dataset.freedomWidgetMounted = "";
  const element = document.createElement("freedom-widget");
  for (const { name, value } of script.attributes) {
    if (name.startsWith("data-") && name !== "data-target" && name !== "data-freedom-widget-mounted") {
      element.setAttribute(name.slice(5), value);
    }
  }
  const selector = script.dataset.target;
  let target = null;
  try {
    target = selector ? document.querySelector(selector) : null;
  } catch {
    target = null;
  }
  if (selector && !target) console.warn(`freedom-widget: data-target "${selector}" matches no element; mounting after the script tag`);
  if (target) target.append(element);
  else script.after(element);
}
