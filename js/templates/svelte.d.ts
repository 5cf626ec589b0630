// "freedom-widget/svelte": defines <freedom-widget> (like "freedom-widget/element") and types it
// in Svelte templates, so `<freedom-widget country="MX">` type-checks with no declaration.
import type { HTMLAttributes } from "svelte/elements";
import type { FreedomWidgetAttributes, FreedomWidgetElement } from "./index.js";

declare module "svelte/elements" {
  interface SvelteHTMLElements {
    "freedom-widget": HTMLAttributes<FreedomWidgetElement> & FreedomWidgetAttributes;
  }
}
export {};
