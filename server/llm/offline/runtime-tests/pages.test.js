// @vitest-environment happy-dom
// The entity pages of generated apps, driven as a user would: forms, tables, boards, the dashboard
// and the waitlist, each over a real store and the schema its plan generates.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { button, byLabel, choose, click, mount, textOf, texts, type } from "./dom-helpers.js";
import { generatedApp } from "./generated-app";

const apps = [];
async function openApp(prompt) {
  const app = generatedApp(prompt);
  apps.push(app);
  const { createMemoryStorage, createStore } = await app.import("src/store.js");
  const config = await app.import("src/config.js");
  const store = createStore({ namespace: "pages", storage: createMemoryStorage() });
  return { app, store, config, createStore };
}
afterAll(() => apps.forEach((app) => app.remove()));

const submit = (form) => form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
let announce;
beforeEach(() => {
  announce = vi.fn();
});

describe("list and form page (CRM)", async () => {
  const { app, store, config } = await openApp("a CRM for contacts and deals");
  const { renderCrudPage } = await app.import("src/pages/crud-page.js");
  const pageAt = (path) => config.pages.find((p) => p.path === path);
  const render = (path) => {
    const root = mount();
    renderCrudPage(root, { app: config.app, page: pageAt(path), pages: config.pages, store, announce });
    return root;
  };
  const rows = (root) => texts(root, "tbody th");
  beforeEach(() => store.clear());

  it("adds a record from the form and lists it", () => {
    const root = render("/contacts");
    expect(textOf(root, "h1")).toBe("Contacts");
    expect(textOf(root, ".empty h3")).toBe("No contacts yet");
    type(byLabel(root, "Name"), "Ada Lovelace");
    type(byLabel(root, "Email"), "ada@example.com");
    submit(root.querySelector("form"));
    expect(announce).toHaveBeenCalledWith("Contact added");
    expect(rows(root)).toEqual(["Ada Lovelace"]);
    expect(root.querySelector('a[href="mailto:ada@example.com"]')).not.toBeNull();
    expect(textOf(root, ".page-head .muted")).toBe("1 contact");
    expect(byLabel(root, "Name").value).toBe("");
  });

  it("shows what is wrong next to each field and saves nothing", () => {
    const root = render("/contacts");
    type(byLabel(root, "Email"), "not-an-email");
    submit(root.querySelector("form"));
    expect(texts(root, ".field-error").filter(Boolean)).toEqual(["Name is required", "Enter a valid email address"]);
    expect(textOf(root, ".form-error")).toBe("Please fix the highlighted fields.");
    expect(byLabel(root, "Name").getAttribute("aria-invalid")).toBe("true");
    expect(store.list("Contact")).toEqual([]);
  });

  it("edits a record in the same form", () => {
    store.create("Contact", { name: "Ada", company: "Analytical" });
    const root = render("/contacts");
    click(button(root, "Edit Ada"));
    expect(textOf(root, "#form-title")).toBe("Edit contact");
    expect(byLabel(root, "Company").value).toBe("Analytical");
    type(byLabel(root, "Name"), "Ada Lovelace");
    submit(root.querySelector("form"));
    expect(announce).toHaveBeenCalledWith("Contact saved");
    expect(rows(root)).toEqual(["Ada Lovelace"]);
    expect(textOf(root, "#form-title")).toBe("New contact");
    expect(store.list("Contact")).toHaveLength(1);
  });

  it("searches across the visible fields, newest first", () => {
    store.create("Contact", { name: "Ada", company: "Analytical" });
    store.create("Contact", { name: "Grace", company: "Navy" });
    const root = render("/contacts");
    expect(rows(root)).toEqual(["Grace", "Ada"]);
    type(root.querySelector('input[type="search"]'), "navy");
    expect(rows(root)).toEqual(["Grace"]);
    type(root.querySelector('input[type="search"]'), "zzz");
    expect(textOf(root, ".empty h3")).toBe("No matches");
  });

  it("deletes a record", () => {
    store.create("Contact", { name: "Ada" });
    const root = render("/contacts");
    click(button(root, "Delete Ada"));
    expect(announce).toHaveBeenCalledWith("Contact deleted");
    expect(store.list("Contact")).toEqual([]);
    expect(textOf(root, ".empty h3")).toBe("No contacts yet");
  });

  it("links a deal to a contact and shows the contact's name", () => {
    const ada = store.create("Contact", { name: "Ada" });
    const root = render("/deals");
    const contact = byLabel(root, "Contact");
    expect([...contact.options].map((o) => o.textContent)).toEqual(["— Choose a contact —", "Ada"]);
    type(byLabel(root, "Title"), "Pilot");
    type(byLabel(root, "Value"), "1200.5");
    choose(byLabel(root, "Stage"), "Won");
    choose(contact, String(ada.id));
    submit(root.querySelector("form"));
    expect(store.list("Deal")[0]).toMatchObject({ title: "Pilot", value: 1200.5, stage: "Won", contactId: ada.id });
    const cells = texts(root, "tbody td");
    expect(cells).toContain("1,200.5");
    expect(cells).toContain("Won");
    expect(cells).toContain("Ada");
    store.remove("Contact", ada.id);
    expect(textOf(root, ".empty h3")).toBe("No deals yet");
  });
});

describe("kanban board", async () => {
  const { app, store, config } = await openApp("a kanban board for bugs");
  const { renderBoardPage } = await app.import("src/pages/board-page.js");
  const render = () => {
    const root = mount();
    renderBoardPage(root, { app: config.app, page: config.pages[0], pages: config.pages, store, announce });
    return root;
  };
  const column = (root, name) => root.querySelector(`.column[aria-label="${name}"]`);
  const cards = (root, name) => texts(column(root, name), ".kanban-card h3");
  beforeEach(() => store.clear());

  it("has one column per status and starts new cards in the first", () => {
    const root = render();
    expect(texts(root, ".column-head h2")).toEqual(["To do", "In progress", "Done"]);
    expect(textOf(root, ".board-empty h3")).toBe("The board is empty");
    type(byLabel(root, "Title"), "Login fails");
    submit(root.querySelector("form"));
    expect(announce).toHaveBeenCalledWith("Issue added to To do");
    expect(cards(root, "To do")).toEqual(["Login fails"]);
    expect(textOf(root, ".board-summary")).toBe("1 issue · 1 to do · 0 in progress · 0 done");
  });

  it("refuses a card without its required fields", () => {
    const root = render();
    submit(root.querySelector("form"));
    expect(textOf(root, ".form-error")).toBe("Please fix the highlighted fields.");
    expect(store.list("Issue")).toEqual([]);
  });

  it("moves cards between neighbouring columns with buttons", () => {
    store.create("Issue", { title: "Crash", status: "To do", priority: "High" });
    const root = render();
    expect(texts(column(root, "To do"), ".badge")).toEqual(["High"]);
    expect(() => button(root, "Move Crash to Done")).toThrow();
    click(button(root, "Move Crash to In progress"));
    expect(announce).toHaveBeenCalledWith("Moved to In progress");
    click(button(root, "Move Crash to Done"));
    expect(cards(root, "Done")).toEqual(["Crash"]);
    click(button(root, "Move Crash to In progress"));
    expect(cards(root, "In progress")).toEqual(["Crash"]);
  });

  it("moves a card dropped on another column", () => {
    const crash = store.create("Issue", { title: "Crash", status: "To do" });
    const root = render();
    const drop = new Event("drop", { bubbles: true, cancelable: true });
    drop.dataTransfer = { getData: () => String(crash.id) };
    column(root, "Done").dispatchEvent(drop);
    expect(store.get("Issue", crash.id).status).toBe("Done");
    expect(cards(root, "Done")).toEqual(["Crash"]);
  });

  it("puts cards without a known status in the first column, and deletes cards", () => {
    store.create("Issue", { title: "Untriaged" });
    const root = render();
    expect(cards(root, "To do")).toEqual(["Untriaged"]);
    click(button(root, "Delete Untriaged"));
    expect(store.list("Issue")).toEqual([]);
  });
});

describe("dashboard", async () => {
  const { app, store, config } = await openApp("a sales dashboard with charts");
  const { renderDashboardPage } = await app.import("src/pages/dashboard-page.js");
  const render = () => {
    const root = mount();
    renderDashboardPage(root, { app: config.app, page: config.pages[0], pages: config.pages, store, announce });
    return root;
  };
  const stat = (root, label) => [...root.querySelectorAll(".stat")].find((s) => textOf(s, ".stat-label") === label)?.querySelector(".stat-value").textContent;
  beforeEach(() => {
    store.clear();
    vi.unstubAllGlobals();
  });

  it("totals the number field and charts it by status and by month", () => {
    store.create("Order", { reference: "A-1", total: "120", status: "Shipped", date: "2025-01-15" });
    store.create("Order", { reference: "A-2", total: "80.5", status: "Pending", date: "2025-01-20" });
    store.create("Order", { reference: "A-3", total: "200", status: "Shipped", date: "2025-03-02" });
    const root = render();
    expect(stat(root, "Orders")).toBe("3");
    expect(stat(root, "Total")).toBe("400.5");
    expect(stat(root, "Average total")).toBe("133.5");
    expect(stat(root, "Largest total")).toBe("200");
    expect(texts(root, ".chart-card h2")).toEqual(["Orders by status", "Orders per month"]);
    const [byStatus, perMonth] = root.querySelectorAll("svg.chart");
    expect([...byStatus.querySelectorAll("rect")].map((r) => r.textContent)).toEqual(["Shipped: 320", "Pending: 80.5"]);
    expect([...perMonth.querySelectorAll("circle")].map((c) => c.textContent)).toEqual(["Jan 25: 200.5", "Mar 25: 200"]);
    expect(texts(root, ".recent .recent-name")).toEqual(["A-3", "A-2", "A-1"]);
    expect(root.querySelector('a[href="#/orders"]')).not.toBeNull();
  });

  it("offers the app's sample data when empty, fetched from db/seed.json beside src/", async () => {
    const seed = JSON.parse(app.file("db/seed.json"));
    const fetch = vi.fn(async () => new Response(JSON.stringify(seed)));
    vi.stubGlobal("fetch", fetch);
    const root = render();
    expect(textOf(root, ".empty h3")).toBe("No orders yet");
    click(button(root, "Load sample data"));
    await vi.waitFor(() => expect(announce).toHaveBeenCalledWith("Sample data loaded"));
    expect(String(fetch.mock.calls[0][0])).toMatch(new RegExp(`${app.dir.split("/").pop()}/db/seed\\.json$`));
    expect(stat(root, "Orders")).toBe(String(seed.Order.length));
  });

  it("says so when the sample data cannot be loaded", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => new Response("", { status: 404 })));
    const root = render();
    click(button(root, "Load sample data"));
    await vi.waitFor(() => expect(announce).toHaveBeenCalledWith("Could not load the sample data"));
    expect(button(root, "Load sample data").disabled).toBe(false);
  });
});

describe("landing page waitlist", async () => {
  const { app, store, config } = await openApp("landing page for my coffee shop");
  const { renderLandingPage } = await app.import("src/pages/landing-page.js");
  const render = () => {
    const root = mount();
    renderLandingPage(root, { app: config.app, page: config.pages[0], pages: config.pages, store, announce });
    return root;
  };
  beforeEach(() => store.clear());

  it("presents the app and up to six of its features", () => {
    const root = render();
    expect(textOf(root, ".hero-title")).toBe("Coffee Shop");
    expect(root.querySelectorAll(".feature")).toHaveLength(6);
    expect(textOf(root, ".waitlist-count")).toBe("0 people have joined");
  });

  it("signs people up once, whatever the case of their email", () => {
    const root = render();
    type(byLabel(root, "Email"), "Ada@Example.com");
    submit(root.querySelector(".waitlist-form"));
    expect(textOf(root, ".waitlist-message")).toBe("You're on the list. We'll be in touch!");
    expect(textOf(root, ".waitlist-count")).toBe("1 person has joined");
    expect(announce).toHaveBeenCalledWith("Thanks for joining");
    type(byLabel(root, "Email"), "ada@example.com");
    submit(root.querySelector(".waitlist-form"));
    expect(textOf(root, ".waitlist-message")).toBe("You're already on the list.");
    expect(store.list("Signup")).toHaveLength(1);
  });

  it("explains an invalid email", () => {
    const root = render();
    type(byLabel(root, "Email"), "ada@");
    submit(root.querySelector(".waitlist-form"));
    expect(textOf(root, ".waitlist-message")).toBe("Enter a valid email address");
    expect(root.querySelector(".waitlist-message").classList.contains("is-error")).toBe(true);
  });
});
