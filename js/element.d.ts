// "freedom-widget/element" defines <freedom-widget> as a side effect.
export {};
