// npm "freedom-widget": the package's one file of exports. Importing it touches no DOM and defines
// no element, so it is safe in server rendering and tree-shaking; it only hands mount() the first
// paint (js/first-paint.js), which an app's bundle carries with the rest.
import { LANGUAGES, zones } from "freedom-widget:files";
import { paint } from "./first-paint.js";
import { languageText } from "./loader.js";
import { useFirstPaint } from "./mount.js";

const io = {
  languages: ["en", ...Object.keys(LANGUAGES)],
  language: (tag) => languageText(tag).then(JSON.parse),
  zones: () => zones().then((m) => m.default),
};
useFirstPaint((element, options, force) => paint(element, options, io, force));

export { mount } from "./mount.js";
export { load, setAssetsUrl } from "./loader.js";
export { define, FreedomWidgetElement } from "./element.js";
