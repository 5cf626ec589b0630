// A country's page (/mx/) has its search box before its WebAssembly: on a slow phone network the
// wasm takes seconds to arrive, and a visitor who scanned the wrong country's poster should not
// wait for it to find their own. Until the page is taken over, typing in the prerendered box
// lists the countries of the page's own list of country pages (their names in the page's
// language, as the page shows them), each a link to its page; Enter opens the first. The takeover
// then finds the box as prerendered, with what was typed, which the widget's own search (Rust's,
// with its aliases) answers from then on.

const MAX = 8;

/** Folded for matching: lower case, accents and punctuation dropped, and a vowel or tone mark
 *  (Thai's, Hindi's) kept in its word (as Rust's `search::fold`). */
export function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

/** The countries whose names match `query`, best first: a whole name, then a name
 *  starting with it, then one with a word starting with it. */
export function find(entries, query) {
  const q = fold(query);
  if (!q) return [];
  const rank = (e) => (e.key === q ? 0 : e.key.startsWith(q) ? 1 : e.key.includes(` ${q}`) ? 2 : null);
  return entries
    .map((e) => [rank(e), e])
    .filter(([r]) => r !== null)
    .sort((a, b) => a[0] - b[0])
    .map(([, e]) => e);
}

/**
 * Makes the prerendered search box of `root` work from the page's own list of country pages;
 * returns a function that puts the box's surroundings back as prerendered (the typed text and the
 * focus stay), to call just before the takeover. Does nothing where the page has no such list.
 */
export function searchBeforeTakeover(root) {
  const input = root?.querySelector("#fw-search");
  const results = root?.querySelector("#fw-results");
  const links = [...document.querySelectorAll(".country-pages a[href]")];
  if (!input || !results || links.length === 0) return () => {};
  // Read and folded on the first search, not as the page loads: folding every country's name
  // (and compiling `fold`'s Unicode classes) is work a visitor who never searches need not wait
  // behind while the page is starting.
  let entries = null;
  const show = () => {
    entries ??= links.map((a) => ({ name: a.textContent.trim(), lang: a.getAttribute("lang"), href: a.getAttribute("href"), key: fold(a.textContent) }));
    const found = find(entries, input.value).slice(0, MAX);
    results.replaceChildren(
      ...found.map((e) => {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.className = "result";
        a.href = e.href;
        a.textContent = e.name;
        if (e.lang) a.lang = e.lang;
        li.append(a);
        return li;
      }),
    );
    results.hidden = found.length === 0;
    return found;
  };
  const onInput = () => show();
  const onKey = (event) => {
    if (event.key !== "Enter") return;
    const [first] = show();
    if (!first) return;
    event.preventDefault();
    location.assign(first.href);
  };
  input.addEventListener("input", onInput);
  input.addEventListener("keydown", onKey);
  if (input.value) show();
  root.dispatchEvent(new CustomEvent("freedom-widget:search-ready", { bubbles: true }));
  return () => {
    input.removeEventListener("input", onInput);
    input.removeEventListener("keydown", onKey);
    // As prerendered: the widget's own search renders its results from the typed text.
    results.replaceChildren();
    results.hidden = true;
  };
}
