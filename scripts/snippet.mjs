import { readFileSync } from "node:fs";
import { join } from "node:path";
import { reservedRule } from "../partners/reserve.js";

// The partner's script tag, as the README and the partner kit hand it out, spelled once for the
// benchmark's host pages: a classic script (it draws the first paint where it stands), its
// options as `data-` attributes.
export const snippet = (options = {}) =>
  `<script src="/embed/embed.js"${Object.entries(options).map(([k, v]) => ` data-${k}="${v}"`).join("")}></script>`;

/**
 * The configurator's element snippet with its number inside, for `country`'s first line in the
 * data and `layout`, spelled once for the benchmark's host page and the three-engine test: its
 * stylesheet rule (partners/reserve.js), and the element holding the line's name and `tel:` link
 * as plain HTML, shown until the widget's shadow root takes its place. The line as
 * data/hotlines.json gives it, never typed here.
 */
export function elementSnippet(country, layout) {
  const data = JSON.parse(readFileSync(join(import.meta.dirname, "..", "data", "hotlines.json"), "utf8"));
  const line = data.hotlines.find((h) => h.country === country);
  const phone = line.channels.find((c) => c.kind === "phone");
  const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return {
    style: `<style>${reservedRule(layout)}</style>`,
    markup: `<freedom-widget country="${country}" layout="${layout}"><p>${escape(line.name)}: <a href="tel:${phone.e164}">${escape(phone.display)}</a></p></freedom-widget>`,
  };
}
