// <freedom-widget country="TH" lang="th">: a few lines of lifecycle around mount(); Rust does
// the rest. Safe to import where there is no DOM (server rendering in Next.js, SvelteKit, Nuxt,
// Astro): the class then extends a stand-in and define() does nothing.
import { OPTION_ATTRIBUTES } from "freedom-widget:files";
import { mount } from "./mount.js";

/** Attributes any element may carry that are not widget options. */
const NOT_OPTIONS = new Set(["id", "class", "style", "slot", "part", "title", "hidden", "tabindex", "dir", "role", "is", "nonce"]);

function attributeOptions(element) {
  const options = {};
  for (const { name, value } of element.attributes) {
    if (!NOT_OPTIONS.has(name) && !name.startsWith("aria-") && !name.startsWith("data-")) options[name] = value;
  }
  return options;
}

const Base = typeof HTMLElement === "undefined" ? class {} : HTMLElement;

export class FreedomWidgetElement extends Base {
  static get observedAttributes() {
    return OPTION_ATTRIBUTES;
  }
  #handle = null;
  connectedCallback() {
    this.#handle ??= mount(this, attributeOptions(this));
  }
  disconnectedCallback() {
    // A move within the page reconnects at once; only a real removal releases the widget.
    queueMicrotask(() => {
      if (!this.isConnected && this.#handle) {
        this.#handle.destroy();
        this.#handle = null;
      }
    });
  }
  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#handle) {
      const next = attributeOptions(this);
      for (const name of OPTION_ATTRIBUTES) if (!(name in next)) next[name] = undefined;
      this.#handle.update(next);
    }
  }
}

/** Defines `<freedom-widget>` (or another name); safe to call more than once, and on a server. */
export function define(name = "freedom-widget") {
  if (typeof customElements === "undefined") return;
  if (!customElements.get(name)) customElements.define(name, FreedomWidgetElement);
}
