// Friendly empty states with a small inline illustration.
import { h, svg } from "../lib/dom.js";

export function emptyState(title, message, ...actions) {
  const icon = svg("svg", { viewBox: "0 0 48 48", width: 48, height: 48, "aria-hidden": "true", class: "empty-icon" },
    svg("rect", { x: 8, y: 10, width: 32, height: 28, rx: 6, class: "empty-icon-frame" }),
    svg("path", { d: "M16 20h16M16 26h10", class: "empty-icon-lines" }));
  return h("div", { class: "empty" }, icon, h("h3", {}, title), h("p", { class: "muted" }, message), actions.length ? h("div", { class: "empty-actions" }, actions) : null);
}
