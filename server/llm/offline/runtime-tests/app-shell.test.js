// @vitest-environment happy-dom
// The app shell (runtime/src/engine/app.js): header and brand, navigation, hash routing, titles,
// sections labelled by their headings and handed to their modules, the storage note, announce.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppContext, routeOf, sectionTitle, slugOf, startApp, storageWarning } from "../runtime/src/engine/app.js";

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
async function go(hash) {
  window.location.hash = hash;
  await settle();
}

/** A section module that records its calls and writes its section's title into the page. */
function recorder() {
  const calls = [];
  const cleanups = [];
  return {
    calls,
    cleanups,
    module: {
      render(element, section, app) {
        calls.push({ element, section, app });
        element.append(Object.assign(document.createElement("p"), { textContent: "body of " + (section.title ?? section.type) }));
        const cleanup = vi.fn();
        cleanups.push(cleanup);
        return cleanup;
      },
    },
  };
}

const memoryStore = (persistent = true) => ({
  persistent, list: () => [], get: () => null, create: vi.fn(), update: vi.fn(), remove: vi.fn(), children: () => [], subscribe: () => () => {},
});

const baseSpec = {
  appName: "Lending Library",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  entities: [{ name: "Book", pluralLabel: "Books", fields: [{ name: "title", label: "Title", type: "string" }], belongsTo: [] }],
  storage: { key: "lending-library", version: 1 },
};

let running;
beforeEach(async () => {
  await go("");
});
afterEach(() => {
  running?.stop();
  running = undefined;
  document.body.replaceChildren();
});

describe("a multi-page app", () => {
  const spec = {
    ...baseSpec,
    pages: [
      { path: "/", title: "Books", sections: [{ type: "records", title: "Books", entity: "Book" }, { type: "stats", title: "Totals" }] },
      { path: "/loans", title: "Loans", sections: [{ type: "records", entity: "Book" }] },
    ],
  };

  it("shows the app's name in the header, as the page heading when no hero has one", () => {
    const rec = recorder();
    running = startApp({ spec, sections: { records: rec.module, stats: rec.module }, createStore: () => memoryStore() });
    const banner = document.querySelector("header");
    expect(document.getElementById(banner.getAttribute("aria-labelledby")).textContent).toBe("Lending Library");
    expect(document.querySelectorAll("h1")).toHaveLength(1);
    expect(document.querySelector("header h1").textContent).toContain("Lending Library");
    expect(document.title).toBe("Books · Lending Library");
  });

  it("links every page by its title and marks the current one", async () => {
    const rec = recorder();
    running = startApp({ spec, sections: { records: rec.module, stats: rec.module }, createStore: () => memoryStore() });
    const links = [...document.querySelectorAll("nav a")];
    expect(links.map((a) => a.textContent)).toEqual(["Books", "Loans"]);
    expect(links.map((a) => a.getAttribute("href"))).toEqual(["#/", "#/loans"]);
    expect(document.querySelector("nav a[aria-current=page]").textContent).toBe("Books");
    await go("#/loans");
    expect(document.querySelector("nav a[aria-current=page]").textContent).toBe("Loans");
    expect(document.title).toBe("Loans · Lending Library");
  });

  it("renders each section in a <section> labelled by an <h2> with its title, and hands it to its module", () => {
    const rec = recorder();
    running = startApp({ spec, sections: { records: rec.module, stats: rec.module }, createStore: () => memoryStore() });
    const sections = [...document.querySelectorAll("main > section")];
    expect(sections).toHaveLength(2);
    for (const [index, section] of sections.entries()) {
      const heading = document.getElementById(section.getAttribute("aria-labelledby"));
      expect(heading.tagName).toBe("H2");
      expect(heading.textContent).toBe(["Books", "Totals"][index]);
      expect(rec.calls[index].element).toBe(section);
    }
    expect(rec.calls[0].section).toBe(spec.pages[0].sections[0]);
    expect(rec.calls[0].app.spec).toBe(spec);
    expect(document.querySelector("main").textContent).toContain("body of Totals");
  });

  it("titles an untitled section after its entity", async () => {
    const rec = recorder();
    running = startApp({ spec, sections: { records: rec.module, stats: rec.module }, createStore: () => memoryStore() });
    await go("#/loans");
    expect(document.querySelector("main h2").textContent).toBe("Books");
  });

  it("cleans up the sections of the page it leaves", async () => {
    const rec = recorder();
    running = startApp({ spec, sections: { records: rec.module, stats: rec.module }, createStore: () => memoryStore() });
    expect(rec.cleanups.every((c) => c.mock.calls.length === 0)).toBe(true);
    await go("#/loans");
    expect(rec.cleanups.slice(0, 2).every((c) => c.mock.calls.length === 1)).toBe(true);
  });

  it("shows a way back from an unknown address, and ignores plain anchors", async () => {
    running = startApp({ spec, sections: { records: recorder().module, stats: recorder().module }, createStore: () => memoryStore() });
    await go("#/nowhere");
    expect(document.querySelector("main h1").textContent).toBe("Page not found");
    expect(document.title).toBe("Not found · Lending Library");
    expect(document.querySelector("main a").getAttribute("href")).toBe("#/");
    await go("#/loans");
    await go("#somewhere");
    expect(document.title).toBe("Loans · Lending Library");
  });

  it("keeps the page up when one section breaks, and says so there", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const rec = recorder();
    running = startApp({ spec, sections: { records: { render: () => { throw new Error("boom"); } }, stats: rec.module }, createStore: () => memoryStore() });
    expect(document.querySelector("main [role=alert]").textContent).toBe("This part of the page could not be shown.");
    expect(rec.calls).toHaveLength(1);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });

  it("creates the store with the spec (and a given storage), and warns when it cannot persist", () => {
    const createStore = vi.fn(() => memoryStore(false));
    const storage = { getItem: () => null };
    running = startApp({ spec, sections: { records: recorder().module, stats: recorder().module }, createStore, storage });
    expect(createStore).toHaveBeenCalledWith({ spec, storage });
    expect(document.querySelector(".storage-note").textContent).toBe(storageWarning);
    expect(storageWarning).toBe("Storage is unavailable in this browser — changes will be lost when you leave");
  });

  it("says nothing about storage when the store persists", () => {
    running = startApp({ spec, sections: { records: recorder().module, stats: recorder().module }, createStore: () => memoryStore(true) });
    expect(document.querySelector(".storage-note")).toBeNull();
  });

  it("announces in a polite live region", () => {
    const rec = recorder();
    running = startApp({ spec, sections: { records: rec.module, stats: rec.module }, createStore: () => memoryStore() });
    rec.calls[0].app.announce("Book added");
    const live = document.querySelector("[aria-live=polite]");
    expect(live.getAttribute("role")).toBe("status");
    expect(live.textContent).toBe("Book added");
  });
});

describe("a one-page site", () => {
  const spec = {
    ...baseSpec,
    appName: "The Little Fox Café",
    entities: [],
    pages: [{ path: "/", title: "Home", sections: [{ type: "hero", title: "The Little Fox Café" }, { type: "menu", title: "Menu" }, { type: "hours", title: "Opening hours" }, { type: "notice", title: "Good to know" }] }],
  };
  const hero = { render: (element, section) => element.append(Object.assign(document.createElement("h1"), { textContent: section.title })) };

  it("is titled with the app's name; the hero holds the page heading; no pages to navigate", () => {
    running = startApp({ spec, sections: { hero, menu: recorder().module, hours: recorder().module, notice: recorder().module } });
    expect(document.title).toBe("The Little Fox Café");
    expect(document.querySelectorAll("h1")).toHaveLength(1);
    expect(document.querySelector("header h1")).toBeNull();
    expect(document.querySelector("header .brand").textContent).toContain("The Little Fox Café");
    expect(document.querySelector("header nav").hidden).toBe(true);
    expect(document.querySelector("main section.section-hero h2")).toBeNull();
  });

  it("keeps no records without a store, and does not warn about storage", () => {
    const rec = recorder();
    running = startApp({ spec, sections: { hero, menu: rec.module, hours: recorder().module, notice: recorder().module } });
    expect(document.querySelector(".storage-note")).toBeNull();
    expect(rec.calls[0].app.store.list("Anything")).toEqual([]);
    expect(rec.calls[0].app.store.persistent).toBe(true);
  });

  it("links its sections from the header when asked, jumping to them", () => {
    running = startApp({ spec: { ...spec, sectionNav: true }, sections: { hero, menu: recorder().module, hours: recorder().module, notice: recorder().module } });
    const nav = document.querySelector("header nav");
    expect(nav.hidden).toBe(false);
    const links = [...nav.querySelectorAll("a")];
    expect(links.map((a) => a.textContent)).toEqual(["Menu", "Opening hours"]);
    const target = document.getElementById(links[1].getAttribute("href").slice(1));
    expect(target.getAttribute("aria-labelledby")).toBe(target.id + "-title");
    target.scrollIntoView = vi.fn();
    links[1].click();
    expect(target.scrollIntoView).toHaveBeenCalled();
    expect(document.activeElement).toBe(target);
    expect(window.location.hash).toBe("");
  });
});

describe("helpers", () => {
  it("reads routes from the hash, leaving plain anchors alone", () => {
    expect(routeOf("")).toBe("/");
    expect(routeOf("#/")).toBe("/");
    expect(routeOf("#/loans")).toBe("/loans");
    expect(routeOf("#/loans?x=1")).toBe("/loans");
    expect(routeOf("#/caf%C3%A9")).toBe("/café");
    expect(routeOf("#main")).toBeNull();
  });

  it("makes anchors and titles", () => {
    expect(slugOf("Opening hours")).toBe("opening-hours");
    expect(slugOf("Café & Crème")).toBe("cafe-creme");
    expect(slugOf("!!")).toBe("section");
    const spec = { entities: [{ name: "Loan", pluralLabel: "Loans" }] };
    expect(sectionTitle({ type: "records", entity: "Loan" }, spec)).toBe("Loans");
    expect(sectionTitle({ type: "hours" }, spec)).toBe("Opening hours");
    expect(sectionTitle({ type: "faq", title: "Ask us" }, spec)).toBe("Ask us");
  });

  it("gives sections an app context", () => {
    const app = createAppContext({ spec: baseSpec, store: memoryStore(), announce: () => {} });
    expect(app.href("/loans")).toBe("#/loans");
    expect(app.href("loans")).toBe("#/loans");
    expect(app.entity("Book").pluralLabel).toBe("Books");
    expect(app.entity("Nope")).toBeUndefined();
    expect(app.today()).toBeInstanceOf(Date);
    app.navigate("/loans");
    expect(window.location.hash).toBe("#/loans");
  });
});
