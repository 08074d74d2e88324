// The app shell: turns the app spec (src/spec.js) into a running app. It builds the header with
// the app's name and the navigation, routes by hash (#/path), and renders each page as a stack of
// <section>s, each labelled by its heading, handing every section to its module's render(). The
// section modules never touch the chrome; the shell never touches a section's content.
import { h } from "../lib/dom.js";

/** @import { AppSpec, PageSpec, SectionSpec, SectionModule, AppContext, Store } from "./app-context" */

export const storageWarning = "Storage is unavailable in this browser — changes will be lost when you leave";

/**
 * What a shared app says about its sync (engine/shared-store.js), so nobody believes a change
 * reached the other phone when it did not.
 * @param {import("./app-context").SyncStatus} sync
 */
export function syncText(sync) {
  const waiting = sync.pending ? ` (${sync.pending} change${sync.pending === 1 ? "" : "s"} waiting)` : "";
  const refused = sync.refused ? `; ${sync.refused} change${sync.refused === 1 ? " was" : "s were"} too large to share and stay${sync.refused === 1 ? "s" : ""} on this device` : "";
  if (sync.state === "live") return `Shared: changes show on every device at once${refused}`;
  if (sync.state === "offline") return `Offline: changes are kept on this device and sync when the connection is back${waiting}`;
  if (sync.state === "unavailable") return "Not shared here: this copy of the app has no server to sync with, so its data stays on this device";
  return "Connecting to share changes between devices…";
}

/** Headings for sections the plan left untitled (compose/ titles them all; a model might not). */
const defaultTitles = {
  menu: "Menu", hours: "Opening hours", contact: "Contact", pricing: "Pricing", faq: "Questions", testimonials: "What people say",
  gallery: "Gallery", features: "Features", text: "About", notice: "Good to know", form: "Contact", stats: "Totals", chart: "Chart",
  checkins: "Today", board: "Board", sequence: "Order", weekPlan: "Week", feed: "Messages", quiz: "Quiz", flashcards: "Flashcards", tool: "Tool", timer: "Timer",
};

/**
 * The heading a section gets: its title, else the entity's plural label, else a word for its type.
 * @param {SectionSpec} section
 * @param {AppSpec} spec
 */
export function sectionTitle(section, spec) {
  if (section.title) return section.title;
  const entity = typeof section.entity === "string" ? spec.entities.find((e) => e.name === section.entity) : undefined;
  if (entity) return entity.pluralLabel;
  return defaultTitles[section.type] || "Section";
}

/** "Opening hours" → "opening-hours": ids for in-page links; unique per page. */
export function slugOf(text) {
  return String(text).toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "section";
}

/** The route in the location's hash, or null for plain in-page anchors ("#menu", "#main"). */
export function routeOf(hash) {
  if (!hash || hash === "#" || hash === "#/") return "/";
  if (!hash.startsWith("#/")) return null;
  try {
    return decodeURIComponent(hash.slice(1).split("?")[0]) || "/";
  } catch {
    return "/";
  }
}

/** A store for apps that keep no records (sites without forms): nothing to keep, nothing to lose. */
function emptyStore() {
  const none = () => {
    throw new Error("This app keeps no records");
  };
  return { persistent: true, list: () => [], get: () => null, create: none, update: none, remove: none, children: () => [], subscribe: () => () => {} };
}

/**
 * The context every section gets.
 * @param {{ spec: AppSpec, store: Store, announce: (message: string) => void }} parts
 * @returns {AppContext}
 */
export function createAppContext({ spec, store, announce }) {
  return {
    spec,
    store,
    // Read at each call: QA's fake clock (and a page left open past midnight) must be seen.
    today: () => new Date(),
    announce,
    href: (path) => "#" + (path.startsWith("/") ? path : "/" + path),
    navigate: (path) => {
      window.location.hash = path.startsWith("/") ? path : "/" + path;
    },
    entity: (name) => spec.entities.find((e) => e.name === name),
  };
}

/**
 * Starts the app in the document: header, navigation, routing, pages.
 * @param {{ spec: AppSpec, sections: Record<string, SectionModule>, createStore?: (options: { spec: AppSpec, storage?: Storage }) => Store, storage?: Storage, root?: HTMLElement }} options
 */
export function startApp({ spec, sections, createStore, storage, root }) {
  const body = root || document.body;
  const store = createStore ? createStore(storage ? { spec, storage } : { spec }) : emptyStore();
  const pages = spec.pages;
  const isOnePage = pages.length === 1;

  const brandName = h("span", { class: "brand-name", id: "app-name" }, spec.appName);
  const brandLink = h("a", { class: "brand", href: "#/" }, h("span", { class: "brand-mark", "aria-hidden": "true" }, initialOf(spec.appName)), brandName);
  const brandSlot = h("div", { class: "brand-slot" });
  const nav = h("nav", { class: "nav", "aria-label": isOnePage ? "Sections" : "Pages", hidden: true });
  const header = h("header", { class: "app-header", "aria-labelledby": "app-name" }, h("div", { class: "app-header-inner" }, brandSlot, nav));
  const main = h("main", { id: "main", class: "app-main", tabindex: "-1" });
  const live = h("div", { id: "live", class: "toast", role: "status", "aria-live": "polite" });
  const skip = h("a", { class: "skip-link", href: "#main", onClick: (/** @type {Event} */ event) => {
    event.preventDefault();
    main.focus();
  } }, "Skip to content");
  const note = store.persistent ? null : h("p", { class: "storage-note", role: "note" }, storageWarning);
  const sync = "sync" in store ? store.sync : null;
  const syncNote = sync ? h("p", { class: "sync-note", role: "status", "aria-live": "polite" }) : null;
  if (sync && syncNote) {
    const showSync = () => {
      syncNote.textContent = syncText(sync);
      syncNote.dataset.state = sync.state;
    };
    showSync();
    sync.subscribe(showSync);
  }
  body.replaceChildren(skip, header, ...(note ? [note] : []), ...(syncNote ? [syncNote] : []), main, live);

  let toastTimer = 0;
  /** @param {string} message */
  const announce = (message) => {
    live.textContent = message;
    live.classList.add("is-visible");
    clearTimeout(toastTimer);
    toastTimer = window.setTimeout(() => live.classList.remove("is-visible"), 3000);
  };
  const app = createAppContext({ spec, store, announce });

  /** @type {Array<() => void>} */
  let cleanups = [];
  /** @type {string | null} */
  let shownPath = null;

  /** The app's name is the page's <h1> unless the page has a hero, which has its own. */
  function renderBrand(isHeading) {
    brandSlot.replaceChildren(isHeading ? h("h1", { class: "brand-heading" }, brandLink) : brandLink);
  }

  /** @param {PageSpec | null} page @param {{ id: string, title: string }[]} anchors */
  function renderNav(page, anchors) {
    if (!isOnePage) {
      nav.hidden = false;
      nav.replaceChildren(h("ul", { class: "nav-list" }, pages.map((p) =>
        h("li", {}, h("a", { class: "nav-link", href: app.href(p.path), "aria-current": page && p.path === page.path ? "page" : null }, p.title)))));
      return;
    }
    nav.hidden = !(spec.sectionNav && anchors.length > 1);
    nav.replaceChildren(h("ul", { class: "nav-list" }, anchors.map((a) =>
      h("li", {}, h("a", { class: "nav-link", href: "#" + a.id, onClick: (/** @type {Event} */ event) => {
        event.preventDefault();
        jumpTo(a.id);
      } }, a.title)))));
  }

  function runCleanups() {
    for (const cleanup of cleanups) {
      try {
        cleanup();
      } catch (error) {
        console.error(error);
      }
    }
    cleanups = [];
  }

  /** @param {PageSpec} page */
  function renderPage(page) {
    runCleanups();
    main.replaceChildren();
    const hasHero = page.sections.some((s) => s.type === "hero");
    renderBrand(!hasHero);
    document.title = isOnePage ? spec.appName : page.title + " · " + spec.appName;
    const usedIds = new Set(["main", "live", "app-name"]);
    const anchors = [];
    for (const section of page.sections) {
      const title = sectionTitle(section, spec);
      let id = "s-" + slugOf(title);
      for (let n = 2; usedIds.has(id); n++) id = "s-" + slugOf(title) + "-" + n;
      usedIds.add(id);
      const element = h("section", { id, class: "section section-" + section.type, tabindex: "-1", "aria-labelledby": id + "-title" });
      if (section.type !== "hero") element.append(h("h2", { id: id + "-title", class: "section-title" }, title));
      // The header's section links skip the hero (the top of the page) and notices (asides).
      if (section.type !== "hero" && section.type !== "notice") anchors.push({ id, title });
      main.append(element);
      renderSection(element, section);
    }
    renderNav(page, anchors);
  }

  /** @param {HTMLElement} element @param {SectionSpec} section */
  function renderSection(element, section) {
    const module = sections[section.type];
    try {
      if (!module) throw new Error("No module for sections of type " + section.type);
      const cleanup = module.render(element, section, app);
      if (typeof cleanup === "function") cleanups.push(cleanup);
    } catch (error) {
      // One broken part must not take the page down; the console error makes QA see it.
      console.error(error);
      element.append(h("p", { class: "section-error", role: "alert" }, "This part of the page could not be shown."));
    }
  }

  function renderNotFound() {
    runCleanups();
    renderBrand(false);
    renderNav(null, []);
    document.title = "Not found · " + spec.appName;
    main.replaceChildren(h("section", { class: "section not-found", "aria-labelledby": "not-found-title" },
      h("h1", { id: "not-found-title" }, "Page not found"),
      h("p", { class: "muted" }, "There is nothing at this address."),
      h("a", { class: "btn btn-primary", href: app.href(pages[0].path) }, "Go to " + pages[0].title)));
  }

  /** @param {string} id */
  function jumpTo(id) {
    const target = document.getElementById(id);
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  }

  function route() {
    const path = routeOf(window.location.hash);
    // An in-page anchor opened directly (a shared "#s-menu" link): show the first page, then jump.
    if (path === null) {
      if (shownPath === null) {
        show(pages[0]);
        jumpTo(window.location.hash.slice(1));
      }
      return;
    }
    const page = pages.find((p) => p.path === path) || (path === "/" ? pages[0] : null);
    if (!page) {
      shownPath = path;
      renderNotFound();
      return;
    }
    const isFirst = shownPath === null;
    show(page);
    // Moving focus tells screen-reader users the page changed; not on first load.
    if (!isFirst) {
      window.scrollTo(0, 0);
      main.focus({ preventScroll: true });
    }
  }

  /** @param {PageSpec} page */
  function show(page) {
    shownPath = page.path;
    renderPage(page);
  }

  window.addEventListener("hashchange", route);
  route();
  return {
    app,
    stop() {
      window.removeEventListener("hashchange", route);
      runCleanups();
    },
  };
}

/** @param {string} name */
function initialOf(name) {
  const match = /[\p{L}\p{N}]/u.exec(name);
  return match ? match[0].toUpperCase() : "A";
}
