// The widget's language for a list of preferences, as Rust's `Lang::negotiate` decides it: the
// first preference that names a language the widget has, by its exact tag, else by its primary
// subtag (Filipino and Tagalog are one); English when none does. Shared by the first paint and
// the loader's head start on a language file, so that both pick the language Rust will.

/** `tags`: every language the widget has, "en" among them. */
export function negotiate(preferences, tags) {
  for (const preference of preferences) {
    const want = String(preference ?? "").trim().toLowerCase().replace("_", "-");
    if (!want) continue;
    const primary = want.split("-")[0] === "tl" ? "fil" : want.split("-")[0];
    const tag = tags.find((t) => t.toLowerCase() === want) ?? tags.find((t) => t.split("-")[0] === primary);
    if (tag) return tag;
  }
  return "en";
}
