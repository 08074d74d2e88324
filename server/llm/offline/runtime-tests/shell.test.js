// @vitest-environment happy-dom
// The app shell (src/main.js with its per-plan imports filled in) in the generated index.html:
// routing, navigation, titles, the not-found page, the info view, and the storage warning.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ZPlan } from "~/server/plan/plan-schema";
import { compilePlan } from "../compile-plan";
import { textOf, texts } from "./dom-helpers.js";
import { generatedApp } from "./generated-app";

const apps = [];
afterAll(() => {
  apps.forEach((app) => app.remove());
  vi.unstubAllGlobals();
});

/** Loads the app's index.html body and runs its main.js, as the browser would. */
async function start(plan) {
  const app = generatedApp(plan);
  apps.push(app);
  const html = app.file("index.html");
  document.body.innerHTML = html.slice(html.indexOf("<body>") + 6, html.indexOf("</body>"));
  await app.import("src/main.js");
  return app;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
async function go(hash) {
  window.location.hash = hash;
  await settle();
}

// Each app is started in beforeAll, not while collecting, so the second does not replace the
// first document before the first one's tests run.
describe("a multi-page app", () => {
  beforeAll(async () => {
    const crm = compilePlan("a CRM for contacts and deals");
    await go("");
    await start(ZPlan.parse({ ...crm, pages: [...crm.pages, { path: "/about", title: "About", purpose: "Who we are." }] }));
  });

  it("opens on the first page, with the navigation marking it", () => {
    expect(textOf(document, "main h1")).toBe("Contacts");
    expect(document.title).toBe("Contacts · CRM");
    expect(texts(document, "#nav a")).toEqual(["Contacts", "Deals", "About"]);
    expect(document.querySelector("#nav a[aria-current=page]").textContent).toBe("Contacts");
  });

  it("follows the hash to other pages, including plain content pages", async () => {
    await go("#/deals");
    expect(textOf(document, "main h1")).toBe("Deals");
    expect(document.querySelector("#nav a[aria-current=page]").textContent).toBe("Deals");
    await go("#/about");
    expect(textOf(document, "main h1")).toBe("About");
    expect(textOf(document, "main .page-head .muted")).toBe("Who we are.");
    expect(document.title).toBe("About · CRM");
  });

  it("shows a way back from an unknown address", async () => {
    await go("#/nowhere");
    expect(textOf(document, "main h1")).toBe("Page not found");
    expect(document.title).toBe("Not found · CRM");
    expect(document.querySelector("main a.btn").getAttribute("href")).toBe("#/contacts");
    expect(document.querySelector("#nav a[aria-current]")).toBeNull();
  });

  it("ignores in-page anchors such as the skip link", async () => {
    await go("#/deals");
    await go("#main");
    expect(textOf(document, "main h1")).toBe("Deals");
  });
});

describe("a single-tool app without storage", () => {
  beforeAll(async () => {
    vi.stubGlobal("localStorage", undefined);
    await go("");
    await start(compilePlan("a tip calculator"));
  });

  it("hides the navigation and warns that changes will not be kept", () => {
    expect(document.getElementById("nav").hidden).toBe(true);
    expect(document.title).toBe("Tip Calculator");
    expect(textOf(document, "#toast")).toBe("Storage is unavailable: changes last until you close this tab.");
    expect(textOf(document, "main h1")).toBe("Tip calculator");
  });
});
