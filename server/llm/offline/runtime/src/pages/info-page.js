// A simple content page, used for plan pages that are not tied to an entity or tool.
import { h } from "../lib/dom.js";

export function renderInfoPage(root, { page }) {
  root.append(h("section", { class: "page" },
    h("header", { class: "page-head" }, h("div", {}, h("h1", {}, page.title), h("p", { class: "muted" }, page.purpose)))));
}
