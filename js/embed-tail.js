
// The script-tag door: every <script type="module" src=".../embed.js" data-…> in the body gets a
// widget right after it (or inside the element named by data-target). A tag in <head> only
// defines <freedom-widget>, for pages that place elements themselves. A module runs once per
// URL, so one run serves every tag that loads this file.
define();
{
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
}
