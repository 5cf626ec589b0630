// The partner's script tag, as the README and the partner kit hand it out, spelled once for the
// benchmark's host pages: a classic script (it draws the first paint where it stands), its
// options as `data-` attributes.
export const snippet = (options = {}) =>
  `<script src="/embed/embed.js"${Object.entries(options).map(([k, v]) => ` data-${k}="${v}"`).join("")}></script>`;
