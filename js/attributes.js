// The options an element's attributes give: every attribute but those any element may carry.
// Shared by <freedom-widget> (js/element.js) and the script tag's first paint of elements a page
// places itself (js/script-tag.js), so that both read the same options.

/** Attributes any element may carry that are not widget options. */
const NOT_OPTIONS = new Set(["id", "class", "style", "slot", "part", "title", "hidden", "tabindex", "dir", "role", "is", "nonce"]);

export function attributeOptions(element) {
  const options = {};
  for (const { name, value } of element.attributes) {
    if (!NOT_OPTIONS.has(name) && !name.startsWith("aria-") && !name.startsWith("data-")) options[name] = value;
  }
  return options;
}
