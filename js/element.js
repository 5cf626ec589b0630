// <freedom-widget country="TH" lang="th">: a few lines of lifecycle around mount(); Rust does
// the rest. Safe to import where there is no DOM (server rendering in Next.js, SvelteKit, Nuxt,
// Astro): the class then extends a stand-in and define() does nothing.
import { OPTION_ATTRIBUTES } from "freedom-widget:files";
import { attributeOptions } from "./attributes.js";
import { mount } from "./mount.js";

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
