// Tool section: a calculator, converter or generator from the tool registry (tools/index.js),
// configured by the plan. An id the registry does not know says so instead of failing silently.
import { h } from "../lib/dom.js";
import { createPrefs } from "../content/prefs.js";
import { tools } from "../tools/index.js";

export function render(sectionElement, section, app) {
  const container = h("div", { class: "tool tool-" + section.tool });
  sectionElement.append(container);
  const tool = Object.prototype.hasOwnProperty.call(tools, section.tool) ? tools[section.tool] : null;
  if (!tool) {
    container.append(h("p", { class: "notice" }, "This tool is not available in this app."));
    return undefined;
  }
  const cleanup = tool.render(container, section.config || {}, { app, prefs: createPrefs(app, "tool/" + section.tool), section });
  return typeof cleanup === "function" ? cleanup : undefined;
}
