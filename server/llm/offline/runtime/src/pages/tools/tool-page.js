// Common frame of a tool page: title, purpose and the tool's content.
import { h } from "../../lib/dom.js";

export function toolPage(root, page, ...content) {
  root.append(h("section", { class: "page page-narrow" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, page.title), h("p", { class: "muted" }, page.purpose))),
    content));
}
