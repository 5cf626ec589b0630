// esbuild copies no assets: the widget's WebAssembly file goes next to the bundle, and the
// `assetsUrl` option says where it is (as the package README's esbuild section shows).
import { cpSync } from "node:fs";
cpSync("node_modules/freedom-widget/dist/embed", "dist/freedom-widget", { recursive: true });
