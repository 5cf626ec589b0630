// The stylesheet rule the configurator's element snippet hands partners: the space the widget
// keeps for itself from the page's first layout. An element in the partner's HTML is defined when
// their bundle runs, after the page is laid out; without the rule, the page below it moves then.
// Only where scripts run: without them, the number inside the element needs no more room than
// its own. One module, read by the configurator and by the benchmark's host page of that snippet.

/** The height the widget keeps for itself in each layout, unless `--fw-height` says otherwise (as
 *  its own `:host` rules in static/widget.css, whose `em` is of this font size). */
export const RESERVED = { full: "40em", compact: "34em", banner: "7.5em" };

/** The rule for a widget in `layout` ("full" when none is chosen). */
export const reservedRule = (layout = "full") =>
  `@media (scripting: enabled) {\n  freedom-widget { display: block; font-size: max(1rem, 16px); block-size: var(--fw-height, ${RESERVED[layout] ?? RESERVED.full}); }\n}`;
