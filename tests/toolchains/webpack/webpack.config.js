// webpack 5 follows `new URL("…", import.meta.url)` by itself: no loader or rule for the wasm.
import { fileURLToPath } from "node:url";
export default {
  entry: "./src/index.js",
  output: { path: fileURLToPath(new URL("./dist", import.meta.url)), filename: "main.js", clean: false },
};
