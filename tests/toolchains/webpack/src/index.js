import { mount } from "freedom-widget";
import "freedom-widget/element";

mount(document.getElementById("help"), { country: "US", lang: "es" });
