// App shell: header navigation, hash routing, toasts, and rendering the current page.
import { app, pages } from "./config.js";
import { h } from "./lib/dom.js";
import { hrefFor, startRouter } from "./lib/router.js";
import { createStore } from "./store.js";
// @slot page-imports

const views = {
  // @slot views
};
const tools = {
  // @slot tools
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
