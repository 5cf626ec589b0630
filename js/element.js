// npm "freedom-widget/element": defines <freedom-widget>; importing it twice is harmless.
import { define } from "./index.js";

define();
