// src/main.js and src/config.js: app shell wiring for a specific plan.
import type { TPlan } from "~/server/plan/plan-schema";
import { appConfig, pageConfigs, type ViewName } from "../app-config";
import { jsLiteral } from "../js-literal";

export const viewModules: Record<Exclude<ViewName, "tool">, { path: string; exportName: string }> = {
  crud: { path: "./pages/crud-page.js", exportName: "renderCrudPage" },
  board: { path: "./pages/board-page.js", exportName: "renderBoardPage" },
  dashboard: { path: "./pages/dashboard-page.js", exportName: "renderDashboardPage" },
  landing: { path: "./pages/landing-page.js", exportName: "renderLandingPage" },
  info: { path: "./pages/info-page.js", exportName: "renderInfoPage" },
};

export function configJs(plan: TPlan): string {
  return `// App settings generated from the plan. Edit freely: the shell and pages read everything from here.
export const app = ${jsLiteral(appConfig(plan), 2)};

export const pages = ${jsLiteral(pageConfigs(plan), 2)};
`;
}

export function mainJs(plan: TPlan): string {
  const pages = pageConfigs(plan);
  const views = [...new Set(pages.map((p) => p.view))];
  const tools = [...new Set(pages.flatMap((p) => (p.tool ? [p.tool] : [])))];
  const imports = views.flatMap((v) => (v === "tool" ? [] : [`import { ${viewModules[v].exportName} } from "${viewModules[v].path}";`]));
  const toolImports = tools.map((t) => `import { render as ${t}Tool } from "./pages/tools/${t}.js";`);
  const viewEntries = views.flatMap((v) => (v === "tool" ? [] : [`  ${v}: ${viewModules[v].exportName},`]));
  const toolEntries = tools.map((t) => `  ${t}: ${t}Tool,`);
  return `// App shell: header navigation, hash routing, toasts, and rendering the current page.
import { app, pages } from "./config.js";
import { h } from "./lib/dom.js";
import { hrefFor, startRouter } from "./lib/router.js";
import { createStore } from "./store.js";
${[...imports, ...toolImports].join("\n")}

const views = {
${viewEntries.join("\n")}
};
const tools = {
${toolEntries.join("\n")}
};

const store = createStore({ namespace: app.storageKey });
const main = document.getElementById("main");
const nav = document.getElementById("nav");
const toast = document.getElementById("toast");
let cleanup = null;
let toastTimer = null;

function announce(message) {
  toast.textContent = message;
  toast.classList.add("is-visible");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast.classList.remove("is-visible"), 2500);
}

function renderNav(activePath) {
  nav.hidden = pages.length < 2;
  nav.replaceChildren(...pages.map((page) =>
    h("a", { href: hrefFor(page.path), class: "nav-link", "aria-current": page.path === activePath ? "page" : null }, page.title)));
}

function render(path) {
  const page = pages.find((p) => p.path === path) || (path === "/" ? pages[0] : null);
  if (typeof cleanup === "function") cleanup();
  cleanup = null;
  main.replaceChildren();
  renderNav(page ? page.path : null);
  if (!page) {
    document.title = "Not found · " + app.name;
    main.append(h("section", { class: "page" }, h("div", { class: "card empty" },
      h("h1", {}, "Page not found"),
      h("p", { class: "muted" }, "There is nothing at this address."),
      h("a", { class: "btn btn-primary", href: hrefFor(pages[0].path) }, "Go to " + pages[0].title))));
    return;
  }
  document.title = (pages.length > 1 ? page.title + " · " : "") + app.name;
  const view = page.view === "tool" ? tools[page.tool] : views[page.view];
  cleanup = view(main, { app, page, pages, store, announce }) || null;
}

if (!store.isPersistent) announce("Storage is unavailable: changes last until you close this tab.");
startRouter(render);
`;
}
