// npm "freedom-widget": the package's one file of exports. Importing it does nothing by itself
// (no element defined, no DOM touched), so it is safe in server rendering and tree-shaking.
export { mount } from "./mount.js";
export { load, setAssetsUrl } from "./loader.js";
export { define, FreedomWidgetElement } from "./element.js";
