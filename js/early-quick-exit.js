// The standalone page's quick exit before the page is taken over: its button is prerendered (a
// link to where it goes, which leaves even with scripts off), and on a slow phone network the wasm
// that makes it work takes seconds to arrive. Until then, a press of the button leaves as the
// widget's own quick exit does (src/hooks/use_quick_exit.rs: the page hidden and its title blanked
// at once, then replaced by the neutral site, with no new history entry). Where to is the button's
// `data-to`, which only the site's build sets, never a link. Shift pressed three times comes with
// the takeover: its rules (never while typing, never Shift as a modifier) are the widget's.

/** Makes the prerendered quick exit button of `root` leave; returns a function that stops it,
 *  to call just before the takeover, whose own button does the same from then on. */
export function quickExitBeforeTakeover(root) {
  const button = root?.querySelector(".quick-exit-button[data-to]");
  // (Not `dataset`: its first use is work of its own, in the task that ends a page's parsing.)
  const to = button?.getAttribute("data-to");
  if (!to || !/^https?:\/\//.test(to)) return () => {};
  // The button is a link to `to` (it leaves with scripts off too): here it leaves without a
  // history entry instead, and Space presses it, as the widget's own does.
  const leave = (event) => {
    if (event.type === "keydown" && event.key !== " ") return;
    event.preventDefault();
    document.body.hidden = true;
    document.title = "";
    try {
      window.top.location.replace(to);
    } catch {
      location.replace(to);
    }
  };
  button.addEventListener("click", leave);
  button.addEventListener("keydown", leave);
  return () => {
    button.removeEventListener("click", leave);
    button.removeEventListener("keydown", leave);
  };
}
