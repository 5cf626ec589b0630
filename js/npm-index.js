// npm "freedom-widget": the package's one file of exports. Importing it touches no DOM and defines
// no element, so it is safe in server rendering and tree-shaking; it only hands mount() the first
// paint (js/first-paint.js), which an app's bundle carries with the rest.
import { paint } from "./first-paint.js";
import { firstPaintFiles } from "./loader.js";
import { useFirstPaint } from "./mount.js";

useFirstPaint((element, options, force) => paint(element, options, firstPaintFiles, force));

export { mount } from "./mount.js";
export { load, setAssetsUrl } from "./loader.js";
export { define, FreedomWidgetElement } from "./element.js";
