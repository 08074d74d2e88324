// src/store.js: validation and coercion per field type, records with relations, persistence to a
// given storage with a memory fallback, per-app namespaces, seed import, preferences.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { ZPlan } from "~/server/plan/plan-schema";
import { compilePlan } from "../compile-plan";
import { generatedApp } from "./generated-app";

const field = (name, type, extra = {}) => ({ name, label: name[0].toUpperCase() + name.slice(1), type, required: false, ...extra });

// Every field type and a three-level relation; Task is listed before its parents on purpose.
const plan = ZPlan.parse({
  ...compilePlan("a CRM for contacts and deals"),
  entities: [
    { name: "Task", pluralLabel: "Tasks", fields: [field("title", "string", { required: true })], belongsTo: ["Deal"] },
    { name: "Deal", pluralLabel: "Deals", fields: [field("title", "string", { required: true }), field("value", "number"), field("stage", "enum", { options: ["Lead", "Won", "Lost"] }), field("closeDate", "date")], belongsTo: ["Contact"] },
    { name: "Contact", pluralLabel: "Contacts", fields: [field("name", "string", { required: true }), field("email", "email"), field("website", "url"), field("notes", "text"), field("vip", "boolean")], belongsTo: [] },
  ],
});
const app = generatedApp(plan);
afterAll(() => app.remove());
const { coerceField, createMemoryStorage, createStore, ValidationError } = await app.import("src/store.js");
const { storageKey } = await app.import("src/schema.js");

const NOW = "2025-03-14T09:00:00.000Z";
const fresh = (storage = createMemoryStorage(), namespace = "test-app") => createStore({ namespace, storage });

describe("coerceField", () => {
  it("reads numbers from form text and refuses the rest", () => {
    const value = field("value", "number");
    expect(coerceField(value, "4.5")).toEqual({ value: 4.5 });
    expect(coerceField(value, " 12 ")).toEqual({ value: 12 });
    expect(coerceField(value, 3)).toEqual({ value: 3 });
    expect(coerceField(value, "abc")).toEqual({ error: "Value must be a number" });
    expect(coerceField(value, "Infinity")).toEqual({ error: "Value must be a number" });
  });

  it("requires required fields and stores empty optional ones as null", () => {
    const title = field("title", "string", { required: true });
    for (const empty of ["", "   ", null, undefined]) expect(coerceField(title, empty)).toEqual({ error: "Title is required" });
    expect(coerceField(field("notes", "text"), "")).toEqual({ value: null });
  });

  it("turns checkbox values into booleans, never 'required' errors", () => {
    const vip = field("vip", "boolean", { required: true });
    for (const on of [true, "true", "on", 1]) expect(coerceField(vip, on)).toEqual({ value: true });
    for (const off of [false, "false", "", undefined, 0]) expect(coerceField(vip, off)).toEqual({ value: false });
  });

  it("accepts dates as YYYY-MM-DD only", () => {
    const date = field("closeDate", "date");
    expect(coerceField(date, "2025-03-14")).toEqual({ value: "2025-03-14" });
    expect(coerceField(date, "14/03/2025").error).toBe("CloseDate must be a date (YYYY-MM-DD)");
    expect(coerceField(date, "2025-13-01").error).toBeDefined();
  });

  it("checks emails and trims them", () => {
    const email = field("email", "email");
    expect(coerceField(email, "  ada@example.com ")).toEqual({ value: "ada@example.com" });
    for (const bad of ["ada", "ada@", "ada@example", "a b@example.com"]) expect(coerceField(email, bad)).toEqual({ error: "Enter a valid email address" });
  });

  it("accepts only http(s) links, normalised", () => {
    const url = field("website", "url");
    expect(coerceField(url, "https://example.com")).toEqual({ value: "https://example.com/" });
    expect(coerceField(url, "http://example.com/a?b=1")).toEqual({ value: "http://example.com/a?b=1" });
    for (const bad of ["javascript:alert(1)", "ftp://example.com", "example.com", "data:text/html,hi"]) {
      expect(coerceField(url, bad)).toEqual({ error: "Website must start with http:// or https://" });
    }
  });

  it("allows only the listed options of an enum", () => {
    const stage = field("stage", "enum", { options: ["Lead", "Won"] });
    expect(coerceField(stage, "Won")).toEqual({ value: "Won" });
    expect(coerceField(stage, "won")).toEqual({ error: "Stage must be one of: Lead, Won" });
  });

  it("caps text at 5,000 characters and short strings at 500", () => {
    expect(coerceField(field("notes", "text"), "x".repeat(6000)).value).toHaveLength(5000);
    expect(coerceField(field("title", "string"), "x".repeat(600)).value).toHaveLength(500);
  });
});

describe("records", () => {
  it("creates records with increasing ids and timestamps, and hands out copies", () => {
    const store = fresh();
    const ada = store.create("Contact", { name: "Ada", email: "ada@example.com", vip: "on" }, NOW);
    expect(ada).toEqual({ id: 1, name: "Ada", email: "ada@example.com", website: null, notes: null, vip: true, createdAt: NOW, updatedAt: NOW });
    expect(store.create("Contact", { name: "Grace" }).id).toBe(2);
    ada.name = "changed outside";
    store.list("Contact")[0].name = "changed outside";
    expect(store.get("Contact", 1).name).toBe("Ada");
    expect(store.list("Contact").map((c) => c.name)).toEqual(["Ada", "Grace"]);
  });

  it("reports every invalid field at once", () => {
    const store = fresh();
    let caught;
    try {
      store.create("Deal", { title: "", value: "lots", stage: "Maybe" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught.errors).toEqual({ title: "Title is required", value: "Value must be a number", stage: "Stage must be one of: Lead, Won, Lost" });
    expect(caught.message).toBe("Title is required");
    expect(store.list("Deal")).toEqual([]);
  });

  it("updates by merging into the record and validating the result", () => {
    const store = fresh();
    const deal = store.create("Deal", { title: "Pilot", value: "100" }, NOW);
    const later = "2025-03-15T10:00:00.000Z";
    expect(store.update("Deal", String(deal.id), { stage: "Won" }, later)).toEqual({ ...deal, stage: "Won", updatedAt: later });
    expect(() => store.update("Deal", deal.id, { title: " " })).toThrow(ValidationError);
    expect(store.get("Deal", deal.id).title).toBe("Pilot");
    expect(() => store.update("Deal", 99, { title: "x" })).toThrow("Deal 99 not found");
  });

  it("refuses unknown entities", () => {
    expect(() => fresh().list("Invoice")).toThrow("Unknown entity: Invoice");
    expect(() => fresh().create("Invoice", {})).toThrow("Unknown entity: Invoice");
  });

  it("links children to existing parents only", () => {
    const store = fresh();
    const ada = store.create("Contact", { name: "Ada" });
    expect(store.create("Deal", { title: "Pilot", contactId: String(ada.id) }).contactId).toBe(ada.id);
    expect(store.create("Deal", { title: "Loose", contactId: "" }).contactId).toBeNull();
    expect(() => store.create("Deal", { title: "Orphan", contactId: 42 })).toThrow(ValidationError);
    try {
      store.create("Deal", { title: "Orphan", contactId: 42 });
    } catch (error) {
      expect(error.errors).toEqual({ contactId: "Choose an existing contact" });
    }
  });

  it("deletes children and grandchildren with their parent, and nothing else", () => {
    const store = fresh();
    const ada = store.create("Contact", { name: "Ada" });
    const grace = store.create("Contact", { name: "Grace" });
    const pilot = store.create("Deal", { title: "Pilot", contactId: ada.id });
    const other = store.create("Deal", { title: "Other", contactId: grace.id });
    store.create("Task", { title: "Call", dealId: pilot.id });
    store.create("Task", { title: "Email", dealId: other.id });
    store.remove("Contact", ada.id);
    expect(store.list("Contact").map((c) => c.name)).toEqual(["Grace"]);
    expect(store.list("Deal").map((d) => d.title)).toEqual(["Other"]);
    expect(store.list("Task").map((t) => t.title)).toEqual(["Email"]);
  });

  it("keeps markup in user text as plain data", () => {
    const text = '<img src=x onerror="alert(1)"> & "quotes"';
    expect(fresh().create("Contact", { name: text }).name).toBe(text);
  });
});

describe("seed data", () => {
  it("imports parents before children and remaps the seed's ids", () => {
    const store = fresh();
    store.create("Contact", { name: "Existing" });
    store.importSeed({
      Task: [{ id: 1, title: "Call", dealId: 2 }],
      Deal: [{ id: 1, title: "First", contactId: 1 }, { id: 2, title: "Second", contactId: 2 }],
      Contact: [{ id: 1, name: "Ada" }, { id: 2, name: "Grace" }],
    });
    const contactId = (name) => store.list("Contact").find((c) => c.name === name).id;
    const deals = store.list("Deal");
    expect(deals.map((d) => [d.title, d.contactId])).toEqual([["First", contactId("Ada")], ["Second", contactId("Grace")]]);
    expect(store.list("Task")[0].dealId).toBe(deals[1].id);
  });

  it("loads each app's own db/seed.json", () => {
    const seed = JSON.parse(app.file("db/seed.json"));
    const store = fresh();
    store.importSeed(seed);
    for (const entity of plan.entities) expect(store.list(entity.name)).toHaveLength(seed[entity.name].length);
  });
});

describe("persistence", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("saves to the storage it is given, so a reload sees the same records, ids and preferences", () => {
    const storage = createMemoryStorage();
    const first = fresh(storage);
    first.create("Contact", { name: "Ada" });
    first.setPref("theme", { dark: true });
    expect(first.isPersistent).toBe(true);
    expect(JSON.parse(storage.getItem("test-app")).tables.Contact[0].name).toBe("Ada");
    const reloaded = fresh(storage);
    expect(reloaded.list("Contact").map((c) => c.name)).toEqual(["Ada"]);
    expect(reloaded.getPref("theme")).toEqual({ dark: true });
    expect(reloaded.create("Contact", { name: "Grace" }).id).toBe(2);
  });

  it("keeps apps that share an origin apart by namespace", () => {
    const storage = createMemoryStorage();
    fresh(storage, "app-one").create("Contact", { name: "Ada" });
    expect(fresh(storage, "app-two").list("Contact")).toEqual([]);
  });

  it("uses the browser's localStorage under the app's own key by default", () => {
    const local = createMemoryStorage();
    vi.stubGlobal("localStorage", local);
    const store = createStore();
    store.create("Contact", { name: "Ada" });
    expect(storageKey).toMatch(/^epic-app:/);
    expect(JSON.parse(local.getItem(storageKey)).tables.Contact).toHaveLength(1);
    expect(local.getItem("__probe__")).toBeNull();
  });

  it("falls back to memory when there is no usable storage", () => {
    vi.stubGlobal("localStorage", { getItem: () => null, setItem: () => { throw new Error("SecurityError"); }, removeItem() {} });
    const blocked = createStore();
    expect(blocked.isPersistent).toBe(false);
    expect(blocked.create("Contact", { name: "Ada" }).id).toBe(1);
    expect(createStore({ storage: null }).isPersistent).toBe(false);
  });

  it("keeps working in memory when saving starts failing (quota, revoked storage)", () => {
    let full = false;
    const inner = createMemoryStorage();
    const storage = { getItem: inner.getItem, removeItem: inner.removeItem, setItem: (k, v) => { if (full) throw new Error("QuotaExceededError"); inner.setItem(k, v); } };
    const store = fresh(storage);
    store.create("Contact", { name: "Ada" });
    full = true;
    store.create("Contact", { name: "Grace" });
    expect(store.isPersistent).toBe(false);
    expect(store.list("Contact").map((c) => c.name)).toEqual(["Ada", "Grace"]);
  });

  it("starts empty on unreadable data instead of breaking the app", () => {
    const storage = createMemoryStorage();
    storage.setItem("test-app", "{not json");
    expect(fresh(storage).list("Contact")).toEqual([]);
    storage.setItem("test-app", JSON.stringify({ version: 1, tables: "nope" }));
    expect(fresh(storage).list("Contact")).toEqual([]);
  });

  it("has no migrations yet: data saved under another format version is not loaded", () => {
    // Pins today's behaviour, so whoever bumps VERSION in store.js has to write a migration.
    const storage = createMemoryStorage();
    storage.setItem("test-app", JSON.stringify({ version: 2, tables: { Contact: [{ id: 1, name: "Ada" }] }, nextId: { Contact: 2 }, prefs: {} }));
    expect(fresh(storage).list("Contact")).toEqual([]);
  });
});

describe("preferences, clearing and change notifications", () => {
  it("returns the fallback for unknown preferences, including inherited names", () => {
    const store = fresh();
    expect(store.getPref("missing", 7)).toBe(7);
    expect(store.getPref("constructor", null)).toBeNull();
    store.setPref("count", 0);
    expect(store.getPref("count", 5)).toBe(0);
  });

  it("clears everything and restarts ids", () => {
    const store = fresh();
    store.create("Contact", { name: "Ada" });
    store.setPref("x", 1);
    store.clear();
    expect(store.list("Contact")).toEqual([]);
    expect(store.getPref("x", null)).toBeNull();
    expect(store.create("Contact", { name: "Grace" }).id).toBe(1);
  });

  it("notifies subscribers of every change until they unsubscribe", () => {
    const store = fresh();
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const ada = store.create("Contact", { name: "Ada" });
    store.update("Contact", ada.id, { name: "Ada L." });
    store.setPref("x", 1);
    store.remove("Contact", ada.id);
    expect(listener).toHaveBeenCalledTimes(4);
    unsubscribe();
    store.clear();
    expect(listener).toHaveBeenCalledTimes(4);
  });
});
