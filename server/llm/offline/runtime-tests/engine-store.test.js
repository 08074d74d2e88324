// @vitest-environment happy-dom
// The data engine's store (runtime/src/engine/store.js): records per entity in one storage item per
// app, migrations on load that never lose data, initial records once, the memory fallback,
// subscriptions within the page and across tabs, and the small naming helpers sections use.
import { afterEach, describe, expect, it } from "vitest";
import { coerceValue, createStore, parentField, recordTitle, singularLabel, storageKeyOf } from "../runtime/src/engine/store.js";

const field = (name, type, extra = {}) => ({ name, label: name[0].toUpperCase() + name.slice(1), type, ...extra });

function library(overrides = {}) {
  return {
    appName: "Library",
    theme: { colorScheme: "light", accent: "#4f46e5" },
    pages: [],
    storage: { key: "library-test", version: 1 },
    entities: [
      { name: "Member", pluralLabel: "Members", fields: [field("name", "string", { required: true }), field("email", "email")], belongsTo: [] },
      {
        name: "BookLoan",
        pluralLabel: "Loans",
        fields: [field("title", "string"), field("dueDate", "date"), field("returned", "boolean", { defaultValue: false }), field("status", "enum", { options: ["Out", "Back"], defaultValue: "Out" })],
        belongsTo: ["Member"],
      },
    ],
    ...overrides,
  };
}

/** A Storage whose every call throws, as in sandboxed frames and some privacy modes. */
const brokenStorage = () => ({
  getItem() {
    throw new Error("SecurityError");
  },
  setItem() {
    throw new Error("SecurityError");
  },
  removeItem() {},
  clear() {},
  key: () => null,
  length: 0,
});

const stored = (spec) => JSON.parse(localStorage.getItem(storageKeyOf(spec)));

afterEach(() => localStorage.clear());

describe("naming helpers", () => {
  it.each([
    ["BookLoan", "Book loan"],
    ["Member", "Member"],
    ["ShoppingListItem", "Shopping list item"],
    ["CDCollection", "CD collection"],
  ])("singularLabel(%s) = %s", (name, label) => {
    expect(singularLabel({ name })).toBe(label);
    expect(singularLabel(name)).toBe(label);
  });

  it.each([
    ["Member", "memberId"],
    ["BookLoan", "bookLoanId"],
  ])("parentField(%s) = %s", (name, link) => expect(parentField(name)).toBe(link));

  it("titles a record by its first field, else Untitled", () => {
    const member = library().entities[0];
    expect(recordTitle({ name: "Ada" }, member)).toBe("Ada");
    expect(recordTitle({ name: "  " }, member)).toBe("Untitled");
    expect(recordTitle({ email: "a@b.c" }, member)).toBe("Untitled");
    expect(recordTitle({ name: ["Morning", "Evening"] }, member)).toBe("Morning, Evening");
  });
});

describe("coerceValue", () => {
  it.each([
    [field("n", "number"), "4.5", 4.5],
    [field("n", "money"), "", null],
    [field("n", "rating"), "abc", null],
    [field("n", "number"), 0, 0],
    [field("b", "boolean"), "on", true],
    [field("b", "boolean"), undefined, false],
    [field("s", "string"), "  Dune ", "Dune"],
    [field("s", "string"), "   ", null],
    [field("e", "enum", { multiple: true, options: ["a", "b"] }), "a", ["a"]],
    [field("e", "enum", { multiple: true, options: ["a", "b"] }), null, []],
    [field("d", "date"), "2026-03-02", "2026-03-02"],
  ])("%o ← %o = %o", (f, raw, value) => expect(coerceValue(f, raw)).toEqual(value));
});

describe("records", () => {
  it("creates records with an id, a time and defaults, and keeps them under the app's key", () => {
    const spec = library();
    const store = createStore({ spec });
    expect(store.persistent).toBe(true);
    const ada = store.create("Member", { name: "Ada" });
    const loan = store.create("BookLoan", { title: "Dune", dueDate: "2026-03-02", memberId: ada.id });
    expect(loan).toMatchObject({ title: "Dune", dueDate: "2026-03-02", returned: false, status: "Out", memberId: ada.id });
    expect(typeof loan.id).toBe("string");
    expect(new Date(/** @type {string} */ (loan.createdAt)).toISOString()).toBe(loan.createdAt);
    expect(loan.id).not.toBe(ada.id);
    expect(stored(spec)).toEqual({ version: 1, entities: { Member: [ada], BookLoan: [loan] } });
    expect(storageKeyOf(spec)).toBe("app:library-test");
  });

  it("gives every record its own id", () => {
    const store = createStore({ spec: library() });
    const ids = new Set(Array.from({ length: 50 }, (_, i) => store.create("Member", { name: `M${i}` }).id));
    expect(ids.size).toBe(50);
  });

  it("updates, gets, removes and finds children by the parent link", () => {
    const store = createStore({ spec: library() });
    const ada = store.create("Member", { name: "Ada" });
    const bob = store.create("Member", { name: "Bob" });
    const dune = store.create("BookLoan", { title: "Dune", memberId: ada.id });
    store.create("BookLoan", { title: "Emma", memberId: bob.id });
    const updated = store.update("BookLoan", dune.id, { returned: "on", id: "hijack", createdAt: "x" });
    expect(updated).toMatchObject({ id: dune.id, createdAt: dune.createdAt, returned: true });
    expect(store.get("BookLoan", dune.id)).toEqual(updated);
    expect(store.children("BookLoan", "Member", ada.id).map((r) => r.title)).toEqual(["Dune"]);
    store.remove("BookLoan", dune.id);
    expect(store.get("BookLoan", dune.id)).toBeNull();
    expect(store.list("BookLoan").map((r) => r.title)).toEqual(["Emma"]);
    expect(() => store.update("BookLoan", dune.id, { title: "x" })).toThrow();
    expect(() => store.create("Nope", {})).toThrow();
  });

  it("hands out copies: changing one does not change the store", () => {
    const store = createStore({ spec: library() });
    const ada = store.create("Member", { name: "Ada" });
    store.list("Member")[0].name = "Eve";
    ada.name = "Eve";
    expect(store.get("Member", ada.id).name).toBe("Ada");
  });

  it("brings a deleted record back with its id (undo), so its children find it", () => {
    const store = createStore({ spec: library() });
    const ada = store.create("Member", { name: "Ada" });
    store.create("BookLoan", { title: "Dune", memberId: ada.id });
    store.remove("Member", ada.id);
    const back = store.create("Member", ada);
    expect(back).toEqual(ada);
    expect(store.children("BookLoan", "Member", back.id)).toHaveLength(1);
  });

  it("tells subscribers after every change, until they unsubscribe", () => {
    const store = createStore({ spec: library() });
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    const ada = store.create("Member", { name: "Ada" });
    store.update("Member", ada.id, { name: "Ada L." });
    store.remove("Member", ada.id);
    expect(calls).toBe(3);
    stop();
    store.create("Member", { name: "Bob" });
    expect(calls).toBe(3);
  });
});

describe("initial records", () => {
  const withCategories = () =>
    library({
      entities: [{ name: "Category", pluralLabel: "Categories", fields: [field("name", "string"), field("budget", "money")], belongsTo: [], initialRecords: [{ name: "Food", budget: 200 }, { name: "Rent", budget: "900" }] }],
    });

  it("are created once, when the entity was never stored", () => {
    const spec = withCategories();
    const first = createStore({ spec });
    expect(first.list("Category").map((r) => [r.name, r.budget])).toEqual([["Food", 200], ["Rent", 900]]);
    for (const record of first.list("Category")) first.remove("Category", record.id);
    expect(createStore({ spec }).list("Category")).toEqual([]);
  });
});

describe("migrations on load", () => {
  const save = (key, data) => localStorage.setItem(`app:${key}`, JSON.stringify(data));

  it("gives new fields their default, keeps unknown fields and entities, and stamps the version", () => {
    save("library-test", {
      version: 1,
      entities: { BookLoan: [{ id: "l1", createdAt: "2026-01-01T10:00:00.000Z", title: "Dune", shelf: "B4" }], Retired: [{ id: "r1", createdAt: "2026-01-01T10:00:00.000Z", x: 1 }] },
    });
    const spec = library({ storage: { key: "library-test", version: 2 } });
    const store = createStore({ spec });
    expect(store.get("BookLoan", "l1")).toEqual({ id: "l1", createdAt: "2026-01-01T10:00:00.000Z", title: "Dune", shelf: "B4", returned: false, status: "Out" });
    expect(stored(spec).version).toBe(2);
    expect(stored(spec).entities.Retired).toEqual([{ id: "r1", createdAt: "2026-01-01T10:00:00.000Z", x: 1 }]);
    // Fields without a default stay absent: nothing is invented.
    expect("dueDate" in store.get("BookLoan", "l1")).toBe(false);
  });

  it("moves records stored under a former name, with their children's links", () => {
    save("library-test", {
      version: 1,
      entities: {
        Person: [{ id: "p1", createdAt: "2026-01-01T10:00:00.000Z", name: "Ada" }],
        BookLoan: [{ id: "l1", createdAt: "2026-01-01T10:00:00.000Z", title: "Dune", personId: "p1" }],
      },
    });
    const spec = library({ storage: { key: "library-test", version: 2 } });
    spec.entities[0].formerNames = ["Person"];
    const store = createStore({ spec });
    expect(store.list("Member").map((r) => r.name)).toEqual(["Ada"]);
    expect(store.children("BookLoan", "Member", "p1").map((r) => r.title)).toEqual(["Dune"]);
    expect(stored(spec).entities.Person).toBeUndefined();
  });

  it("renames enum options, also inside multiple choices", () => {
    save("library-test", {
      version: 1,
      entities: { BookLoan: [{ id: "l1", createdAt: "2026-01-01T10:00:00.000Z", title: "Dune", status: "Lent" }, { id: "l2", createdAt: "2026-01-01T10:00:00.000Z", title: "Emma", status: "Back" }] },
    });
    const spec = library({ storage: { key: "library-test", version: 2 } });
    spec.entities[1].fields[3].optionRenames = { Lent: "Out" };
    expect(createStore({ spec }).list("BookLoan").map((r) => r.status)).toEqual(["Out", "Back"]);

    const tags = { ...library(), storage: { key: "tags-test", version: 2 }, entities: [{ name: "Dose", pluralLabel: "Doses", belongsTo: [], fields: [field("times", "enum", { multiple: true, options: ["AM", "PM"], optionRenames: { Morning: "AM", Dawn: "AM" } })] }] };
    save("tags-test", { version: 1, entities: { Dose: [{ id: "d1", createdAt: "2026-01-01T10:00:00.000Z", times: ["Morning", "Dawn", "PM"] }] } });
    expect(createStore({ spec: tags }).get("Dose", "d1").times).toEqual(["AM", "PM"]);
  });

  it("keeps unreadable data beside a fresh start instead of discarding it", () => {
    localStorage.setItem("app:library-test", "{not json");
    const store = createStore({ spec: library() });
    expect(store.list("Member")).toEqual([]);
    const kept = Object.keys(localStorage).filter((k) => k.startsWith("app:library-test:unreadable:"));
    expect(kept).toHaveLength(1);
    expect(localStorage.getItem(kept[0])).toBe("{not json");
  });
});

describe("without storage", () => {
  it("keeps records in memory and says it is not persistent", () => {
    const store = createStore({ spec: library(), storage: brokenStorage() });
    expect(store.persistent).toBe(false);
    const ada = store.create("Member", { name: "Ada" });
    expect(store.get("Member", ada.id).name).toBe("Ada");
  });

  it("falls back to memory when a save fails (storage full)", () => {
    const spec = library();
    const full = { ...localStorage, getItem: (k) => localStorage.getItem(k), setItem: () => { throw new Error("QuotaExceededError"); } };
    localStorage.setItem("app:library-test", JSON.stringify({ version: 1, entities: { Member: [], BookLoan: [] } }));
    const store = createStore({ spec, storage: /** @type {Storage} */ (full) });
    expect(store.persistent).toBe(true);
    store.create("Member", { name: "Ada" });
    expect(store.persistent).toBe(false);
    expect(store.list("Member").map((r) => r.name)).toEqual(["Ada"]);
  });
});

describe("two tabs on one storage", () => {
  it("writes on top of the other tab's records and hears its changes through storage events", () => {
    const spec = library();
    const tabA = createStore({ spec });
    const tabB = createStore({ spec });
    let heard = 0;
    const stop = tabB.subscribe(() => (heard += 1));
    const ada = tabA.create("Member", { name: "Ada" });
    // Browsers fire `storage` only in the other tabs; this is the event tab B's window gets.
    window.dispatchEvent(new StorageEvent("storage", { key: storageKeyOf(spec), newValue: localStorage.getItem(storageKeyOf(spec)) }));
    expect(heard).toBe(1);
    expect(tabB.get("Member", ada.id)?.name).toBe("Ada");
    // Events for other keys are not ours.
    window.dispatchEvent(new StorageEvent("storage", { key: "app:other", newValue: "{}" }));
    expect(heard).toBe(1);
    // B writes without having heard of A's next record: A's record survives.
    tabA.create("Member", { name: "Bob" });
    tabB.create("Member", { name: "Cy" });
    expect(tabB.list("Member").map((r) => r.name)).toEqual(["Ada", "Bob", "Cy"]);
    stop();
  });
});
