// "freedom-widget/preact": defines <freedom-widget> (like "freedom-widget/element") and types it
// in Preact .tsx templates, so `<freedom-widget country="MX" />` type-checks with no declaration.
import type { JSX as PreactJSX } from "preact";
import type { FreedomWidgetAttributes, FreedomWidgetElement } from "./index.js";

declare module "preact" {
  namespace JSX {
    interface IntrinsicElements {
      "freedom-widget": PreactJSX.HTMLAttributes<FreedomWidgetElement> & FreedomWidgetAttributes;
    }
  }
}
export {};
