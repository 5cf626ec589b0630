// <freedom-widget> in a Preact .tsx template: typed by `import "freedom-widget/preact"` alone.
import "freedom-widget/preact";

export const Help = () => <freedom-widget country="MX" lang="es" layout="compact" quick-exit="true" />;
// @ts-expect-error: "wide" is not a layout
export const Wrong = () => <freedom-widget layout="wide" />;
