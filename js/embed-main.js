// The script tag's main module (dist/embed/main-HASH.js), loaded by embed.js after its first
// paint: defines <freedom-widget>, whose elements then start the wasm. It carries no first-paint
// code or data: embed.js hands its own over.
import { define } from "./element.js";
import { cameThroughScriptTag, useDownload } from "./loader.js";
import { useFirstPaint } from "./mount.js";

/** Called by embed.js with its first-paint function `(element, options, force) => Promise` and
 *  the wasm download it began (`{ url, response }`, or null). */
export function start(firstPaint, wasm = null) {
  useFirstPaint(firstPaint);
  cameThroughScriptTag();
  if (wasm) useDownload(wasm.url, wasm.response);
  define();
}
