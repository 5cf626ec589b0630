// npm "freedom-widget/element": defines <freedom-widget> (in the browser; on a server it does
// nothing). Importing it twice is harmless. Not bundled: it shares index.js's one loader.
import { define } from "./index.js";

define();
