// <freedom-widget> in a React .tsx template: typed by `import "freedom-widget/react"` alone.
import "freedom-widget/react";

export const Help = () => <freedom-widget country="MX" lang="es" layout="compact" quick-exit="true" />;
// @ts-expect-error: "wide" is not a layout
export const Wrong = () => <freedom-widget layout="wide" />;
