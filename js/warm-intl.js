// Intl's locale data, loaded before a takeover a part per task. The takeover names countries and
// languages and writes dates through Intl, whose first use in a language loads its locale data:
// loaded here, each kind in a task of its own, the takeover's own task is shorter (a tap waits
// for each on a phone). Intl's first use of all sets up the engine's locale data, 50 to 70 ms at
// a phone's CPU (Lighthouse's 4× slowdown) in one task: the first five steps take it a part at a
// time (each 30 ms or less there, measured in Chromium), as each service first asks which
// locales it has.
import { breathe } from "./loader.js";

/** Loads what the widget's first renders in `lang` ask Intl for, one kind per task. */
export async function warmIntl(lang) {
  const uses = [
    () => new Intl.Locale(lang).maximize(),
    () => Intl.Collator.supportedLocalesOf([lang]),
    () => Intl.ListFormat.supportedLocalesOf([lang]),
    () => Intl.DateTimeFormat.supportedLocalesOf([lang]),
    () => Intl.NumberFormat.supportedLocalesOf([lang]),
    () => new Intl.DisplayNames([lang], { type: "region" }).of("MX"),
    () => new Intl.DisplayNames([lang], { type: "language" }).of("es"),
    () => new Intl.DateTimeFormat([lang], { dateStyle: "medium", timeZone: "UTC" }).format(0),
    () => new Intl.DateTimeFormat([lang], { hour: "numeric", minute: "2-digit", weekday: "short" }).format(0),
  ];
  for (const use of uses) {
    try {
      use();
    } catch {
      // An engine without it: the widget says the English names instead.
    }
    await breathe();
  }
}
