import { mount, setAssetsUrl } from "freedom-widget";
import "freedom-widget/element";

setAssetsUrl("/freedom-widget/");
mount(document.getElementById("help"), { country: "US", lang: "es" });
