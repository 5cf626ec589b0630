// "freedom-widget/vue": defines <freedom-widget> (like "freedom-widget/element") and types it in
// Vue templates, so `<freedom-widget country="MX" />` type-checks with no declaration. (Vue's
// compiler must still be told it is a custom element: `isCustomElement`, see the README.)
import type { DefineComponent } from "vue";
import type { FreedomWidgetAttributes } from "./index.js";

declare module "vue" {
  interface GlobalComponents {
    "freedom-widget": DefineComponent<FreedomWidgetAttributes>;
  }
}
export {};
