// "freedom-widget/react": defines <freedom-widget> (like "freedom-widget/element") and types it
// in React .tsx templates, so `<freedom-widget country="MX" />` type-checks with no declaration.
import type { DetailedHTMLProps, HTMLAttributes } from "react";
import type { FreedomWidgetAttributes, FreedomWidgetElement } from "./index.js";

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "freedom-widget": DetailedHTMLProps<HTMLAttributes<FreedomWidgetElement>, FreedomWidgetElement> & FreedomWidgetAttributes;
    }
  }
}
export {};
