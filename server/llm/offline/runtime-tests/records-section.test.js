// @vitest-environment happy-dom
// The records and form sections (runtime/src/sections/records.js, form.js) on the real store and
// expressions: the names and roles the acceptance checks rely on, and what each option does.
import { beforeEach, describe, expect, it } from "vitest";
import * as records from "../runtime/src/sections/records.js";
import * as form from "../runtime/src/sections/form.js";
import { createAppContext } from "../runtime/src/engine/app.js";
import { createStore } from "../runtime/src/engine/store.js";
import { byLabel, button, choose, click, texts, type } from "./dom-helpers.js";

const library = {
  appName: "Community Library",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  storage: { key: "library-test", version: 1 },
  pages: [],
  entities: [
    { name: "Member", pluralLabel: "Members", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "phone", label: "Phone", type: "phone" }] },
    {
      name: "BookLoan", pluralLabel: "Book loans", belongsTo: ["Member"],
      fields: [
        { name: "title", label: "Title", type: "string", required: true },
        { name: "dueDate", label: "Due date", type: "date" },
        { name: "returned", label: "Returned", type: "boolean", defaultValue: false },
        { name: "genre", label: "Genre", type: "enum", options: ["Fiction", "History", "Science"] },
        { name: "rating", label: "Rating", type: "rating", max: 5 },
        { name: "fee", label: "Fee", type: "money", min: 0 },
        { name: "formats", label: "Formats", type: "enum", multiple: true, options: ["Paper", "Audio"] },
      ],
      computed: [{ name: "daysLate", label: "Days late", expr: { fn: "daysSince", args: [{ field: "dueDate" }] }, format: "integer", highlight: { when: { op: "gt", value: 0 }, tone: "danger" } }],
      actions: [{ label: "Mark returned", set: { returned: true }, showWhen: [{ field: "returned", op: "isFalse" }] }],
    },
    { name: "Day", pluralLabel: "Days", belongsTo: [], fields: [{ name: "date", label: "Date", type: "date", required: true }, { name: "mood", label: "Mood", type: "string" }] },
  ],
};
const today = new Date(2026, 2, 4, 10);
const iso = (offset) => {
  const d = new Date(2026, 2, 4 + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
};

let store;
let announced;
function appFor(spec = library) {
  announced = [];
  store = createStore({ spec, storage: window.localStorage });
  const app = createAppContext({ spec, store, announce: (m) => announced.push(m) });
  return { ...app, today: () => new Date(today) };
}

function sectionElement(title) {
  const element = document.createElement("section");
  element.id = "s-test";
  element.setAttribute("aria-labelledby", "s-test-title");
  const heading = document.createElement("h2");
  heading.id = "s-test-title";
  heading.className = "section-title";
  heading.textContent = title;
  element.append(heading);
  document.body.replaceChildren(element);
  return element;
}

const nameOf = (el) => {
  const ids = el.getAttribute("aria-labelledby");
  return ids ? ids.split(" ").map((id) => document.getElementById(id).textContent).join(" ") : el.getAttribute("aria-label");
};
const formNamed = (root, name) => [...root.querySelectorAll("form")].find((f) => nameOf(f) === name);
const items = (root) => [...root.querySelectorAll(".record")];
const itemTitles = (root) => texts(root, ".record-title, tr.record > th");
const submit = (f) => f.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));

function addLoan(element, values) {
  const f = formNamed(element, "Add Book loan");
  for (const [label, value] of Object.entries(values)) {
    const control = byLabel(f, label);
    if (control.type === "checkbox") {
      control.checked = value;
      control.dispatchEvent(new Event("change", { bubbles: true }));
    } else if (control.tagName === "SELECT") choose(control, value);
    else type(control, value);
  }
  submit(f);
}

beforeEach(() => {
  window.localStorage.clear();
  document.body.replaceChildren();
});

describe("records section", () => {
  it("adds a record through a form named after the entity, with the right control per type", () => {
    const app = appFor();
    store.create("Member", { name: "Ada" });
    const element = sectionElement("Loans");
    records.render(element, { type: "records", entity: "BookLoan", display: "list", search: true, filters: [], create: true, edit: true, delete: true, actions: [] }, app);
    const f = formNamed(element, "Add Book loan");
    expect(f).toBeDefined();
    expect(byLabel(f, "Due date").type).toBe("date");
    expect(byLabel(f, "Returned").type).toBe("checkbox");
    expect(byLabel(f, "Genre").tagName).toBe("SELECT");
    expect([...byLabel(f, "Rating").options].map((o) => o.value)).toEqual(["", "1", "2", "3", "4", "5"]);
    expect(byLabel(f, "Fee").getAttribute("step")).toBe("0.01");
    expect(f.querySelector("fieldset legend").textContent).toBe("Formats");
    expect([...byLabel(f, "Member").options].map((o) => o.textContent)).toEqual(["Choose…", "Ada"]);
    expect(button(f, "Add Book loan")).toBeTruthy();

    addLoan(element, { Title: "Dune", "Due date": iso(-2), Genre: "Fiction", Rating: "4", Fee: "1.5", Paper: true, Member: store.list("Member")[0].id });
    const [loan] = store.list("BookLoan");
    expect(loan).toMatchObject({ title: "Dune", dueDate: iso(-2), returned: false, genre: "Fiction", rating: 4, fee: 1.5, formats: ["Paper"], memberId: store.list("Member")[0].id });
    expect(itemTitles(element)).toEqual(["Dune"]);
    const item = items(element)[0];
    expect(nameOf(item)).toBe("Dune");
    expect(item.textContent).toContain("★★★★☆");
    expect(item.textContent).toContain("1.50");
    expect(item.textContent).toContain("Ada");
    // Two days late, highlighted in words as well as colour.
    expect(item.querySelector(".tone-danger").textContent).toBe("2 Alert");
    expect(announced).toContain("Added Dune");
    expect(byLabel(f, "Title").value).toBe("");
  });

  it("refuses an empty required field with a message next to it", () => {
    const app = appFor();
    const element = sectionElement("Loans");
    records.render(element, { type: "records", entity: "BookLoan" }, app);
    const f = formNamed(element, "Add Book loan");
    submit(f);
    const title = byLabel(f, "Title");
    expect(title.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(title.getAttribute("aria-describedby")).textContent).toBe("Enter a title");
    expect(store.list("BookLoan")).toEqual([]);
    type(byLabel(f, "Fee"), "-3");
    type(title, "Dune");
    submit(f);
    expect(byLabel(f, "Fee").getAttribute("aria-invalid")).toBe("true");
    expect(f.textContent).toContain("Fee must be at least 0");
    expect(store.list("BookLoan")).toEqual([]);
  });

  it("edits in a dialog named Edit <singular> and deletes with Delete <title>", () => {
    const app = appFor();
    store.create("BookLoan", { title: "Dune" });
    store.create("BookLoan", { title: "Emma" });
    const element = sectionElement("Loans");
    records.render(element, { type: "records", entity: "BookLoan" }, app);
    click(button(element, "Edit Dune"));
    const dialog = element.querySelector("dialog");
    expect(nameOf(dialog)).toBe("Edit Book loan");
    expect(byLabel(dialog, "Title").value).toBe("Dune");
    type(byLabel(dialog, "Title"), "Dune Messiah");
    click(button(dialog, "Save"));
    expect(itemTitles(element)).toEqual(["Dune Messiah", "Emma"]);
    const emmaId = store.list("BookLoan").find((r) => r.title === "Emma").id;
    click(button(element, "Delete Emma"));
    expect(itemTitles(element)).toEqual(["Dune Messiah"]);
    expect(store.list("BookLoan").map((r) => r.title)).toEqual(["Dune Messiah"]);
    // Undo brings the record back with its id; the bar does not repeat the deleted title.
    expect(element.querySelector(".records-undo").textContent).not.toContain("Emma");
    click(button(element, "Undo delete of Emma"));
    expect(itemTitles(element)).toEqual(["Dune Messiah", "Emma"]);
    expect(store.list("BookLoan").find((r) => r.title === "Emma").id).toBe(emmaId);
    expect(element.querySelector(".records-undo").hidden).toBe(true);
  });

  it("shows a filtered view (overdue, not returned) sorted, with actions offered only when they apply", () => {
    const app = appFor();
    store.create("BookLoan", { title: "Late one", dueDate: iso(-1), returned: false });
    store.create("BookLoan", { title: "Later one", dueDate: iso(-5), returned: false });
    store.create("BookLoan", { title: "Due today", dueDate: iso(0), returned: false });
    store.create("BookLoan", { title: "Returned one", dueDate: iso(-3), returned: true });
    const element = sectionElement("Overdue loans");
    records.render(element, { type: "records", entity: "BookLoan", create: false, where: [{ field: "dueDate", op: "beforeToday" }, { field: "returned", op: "isFalse" }], sort: { field: "dueDate", direction: "asc" } }, app);
    expect(formNamed(element, "Add Book loan")).toBeUndefined();
    expect(itemTitles(element)).toEqual(["Later one", "Late one"]);
    click(button(element, "Mark returned Late one"));
    expect(itemTitles(element)).toEqual(["Later one"]);
    expect(store.list("BookLoan").find((r) => r.title === "Late one").returned).toBe(true);
    click(button(element, "Mark returned Later one"));
    expect(element.querySelector(".records-empty").textContent).toBe("No overdue loans right now");
  });

  it("searches, filters, groups, limits and shows a table", () => {
    const app = appFor();
    for (const [title, genre] of [["Dune", "Fiction"], ["SPQR", "History"], ["Emma", "Fiction"], ["Cosmos", "Science"]]) store.create("BookLoan", { title, genre });
    const element = sectionElement("Loans");
    records.render(element, { type: "records", entity: "BookLoan", display: "table", filters: ["genre", "returned"], groupBy: { field: "genre" }, sort: { field: "title", direction: "asc" }, columns: ["title", "genre"] }, app);
    expect(texts(element, ".records-group-title")).toEqual(["Fiction", "History", "Science"]);
    expect(itemTitles(element)).toEqual(["Dune", "Emma", "SPQR", "Cosmos"]);
    expect(texts(element, "table thead th").slice(0, 2)).toEqual(["Title", "Genre"]);
    choose(byLabel(element, "Filter by genre"), "Fiction");
    expect(itemTitles(element)).toEqual(["Dune", "Emma"]);
    type(byLabel(element, "Search book loans"), "emm");
    expect(itemTitles(element)).toEqual(["Emma"]);
    type(byLabel(element, "Search book loans"), "zzz");
    expect(element.querySelector(".records-empty").textContent).toBe("No book loans match your search");

    // The title leads each row even when the columns put it elsewhere.
    const reordered = sectionElement("By genre");
    records.render(reordered, { type: "records", entity: "BookLoan", display: "table", columns: ["genre", "title"], sort: { field: "title", direction: "asc" } }, app);
    expect(texts(reordered, "table thead th").slice(0, 2)).toEqual(["Title", "Genre"]);
    expect(texts(reordered, "tbody tr:first-child > *").slice(0, 2)).toEqual(["Cosmos", "Science"]);

    const limited = sectionElement("Latest");
    records.render(limited, { type: "records", entity: "BookLoan", sort: { field: "title", direction: "desc" }, limit: 2 }, app);
    expect(itemTitles(limited)).toEqual(["SPQR", "Emma"]);
  });

  it("keeps one record per date: adding again on the same day edits that day's record", () => {
    const app = appFor();
    const element = sectionElement("Journal");
    records.render(element, { type: "records", entity: "Day", onePerDate: "date" }, app);
    const f = formNamed(element, "Add Day");
    expect(byLabel(f, "Date").value).toBe(iso(0));
    type(byLabel(f, "Mood"), "Happy");
    submit(f);
    type(byLabel(f, "Mood"), "Tired");
    submit(f);
    expect(store.list("Day").map((r) => [r.date, r.mood])).toEqual([[iso(0), "Tired"]]);
    type(byLabel(f, "Date"), iso(-1));
    type(byLabel(f, "Mood"), "Calm");
    submit(f);
    expect(store.list("Day")).toHaveLength(2);
  });

  it("says what to do when empty, follows the store and unsubscribes on cleanup", () => {
    const app = appFor();
    const element = sectionElement("Members");
    const cleanup = records.render(element, { type: "records", entity: "Member" }, app);
    expect(element.querySelector(".records-empty").textContent).toBe("No members yet — add the first one above");
    store.create("Member", { name: "Grace" });
    expect(itemTitles(element)).toEqual(["Grace"]);
    cleanup();
    store.create("Member", { name: "Alan" });
    expect(itemTitles(element)).toEqual(["Grace"]);
  });

  it("adds a record only when the entity's rule holds (enough points), else says why and keeps nothing", () => {
    const points = {
      ...library,
      entities: [
        { name: "Chore", pluralLabel: "Chores", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "points", label: "Points", type: "number" }] },
        { name: "Reward", pluralLabel: "Rewards", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "cost", label: "Cost", type: "number" }] },
        {
          name: "Kid", pluralLabel: "Kids", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }],
          computed: [{ name: "points", label: "Points", format: "integer", expr: { op: "sub", args: [{ agg: "sum", entity: "ChoreDone", of: { field: "Chore.points" } }, { agg: "sum", entity: "RewardSwap", of: { field: "Reward.cost" } }] } }],
        },
        { name: "ChoreDone", pluralLabel: "Chores done", belongsTo: ["Kid", "Chore"], fields: [{ name: "name", label: "Name", type: "string", required: true }] },
        {
          name: "RewardSwap", pluralLabel: "Rewards swapped", belongsTo: ["Kid", "Reward"], fields: [{ name: "name", label: "Name", type: "string", required: true }],
          addOnlyWhen: { conditions: [{ field: "Kid.points", op: "gte", valueField: "Reward.cost" }], message: "Not enough points for that reward" },
        },
      ],
    };
    const app = appFor(points);
    const bed = store.create("Chore", { name: "Make bed", points: 5 });
    const [mia, leo] = [store.create("Kid", { name: "Mia" }), store.create("Kid", { name: "Leo" })];
    const iceCream = store.create("Reward", { name: "Ice cream", cost: 8 });
    for (const kid of [mia, mia, leo]) store.create("ChoreDone", { name: "Bed", kidId: kid.id, choreId: bed.id });
    const element = sectionElement("Rewards swapped");
    records.render(element, { type: "records", entity: "RewardSwap", edit: false }, app);
    const f = formNamed(element, "Add Reward swap");
    const swap = (name, kid) => {
      type(byLabel(f, "Name"), name);
      choose(byLabel(f, "Kid"), kid.id);
      choose(byLabel(f, "Reward"), iceCream.id);
      submit(f);
    };
    swap("Mia's ice cream", mia);
    expect(itemTitles(element)).toEqual(["Mia's ice cream"]);
    expect(f.querySelector("[role=alert]").textContent).toBe("");
    // Leo has 5, Mia 2 left: neither can swap 8.
    swap("Leo's ice cream", leo);
    expect(f.querySelector("[role=alert]").textContent).toBe("Not enough points for that reward");
    swap("Mia's second", mia);
    expect(announced).toContain("Not enough points for that reward");
    expect(itemTitles(element)).toEqual(["Mia's ice cream"]);
    expect(store.list("RewardSwap")).toHaveLength(1);
  });

  it("applies toggle, increment and today actions", () => {
    expect(records.actionPatch({ label: "x", set: { done: { toggle: true }, count: { increment: 2 }, on: { today: true }, status: "Won" } }, { done: true, count: 3 }, today))
      .toEqual({ done: false, count: 5, on: iso(0), status: "Won" });
  });
});

describe("records with a photo", () => {
  const garden = {
    appName: "Sprout",
    theme: { colorScheme: "light", accent: "#15803d" },
    storage: { key: "sprout-test", version: 1 },
    pages: [],
    entities: [{ name: "Plant", pluralLabel: "Plants", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "photo", label: "Photo", type: "image" }] }],
  };
  const photo = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==";
  const section = { type: "records", entity: "Plant", display: "list", search: true, filters: [], create: true, edit: true, delete: true, actions: [] };

  it("picks the photo with a file input labelled by the field and shows it as 'Photo of <title>', never as text", () => {
    const app = appFor(garden);
    const element = sectionElement("Plants");
    records.render(element, section, app);
    const input = byLabel(formNamed(element, "Add Plant"), "Photo");
    expect(input.type).toBe("file");
    expect(input.getAttribute("accept")).toBe("image/*");
    store.create("Plant", { name: "Monstera", photo });
    store.create("Plant", { name: "Fern" });
    const [monstera, fern] = items(element);
    expect(monstera.querySelector("img").getAttribute("alt")).toBe("Photo of Monstera");
    expect(monstera.querySelector("img").getAttribute("src")).toBe(photo);
    expect(monstera.textContent).not.toContain("data:");
    expect(fern.querySelector("img")).toBeNull();
    // A stored value that is no picture is not put in an <img>.
    store.update("Plant", store.list("Plant")[1].id, { photo: "javascript:alert(1)" });
    expect(items(element)[1].querySelector("img")).toBeNull();
  });

  it("edits keep the photo unless it is removed", () => {
    const app = appFor(garden);
    const element = sectionElement("Plants");
    records.render(element, section, app);
    store.create("Plant", { name: "Monstera", photo });
    click(button(element, "Edit Monstera"));
    const dialog = element.querySelector("dialog");
    expect(dialog.querySelector("img.field-photo-preview").getAttribute("src")).toBe(photo);
    submit(dialog.querySelector("form"));
    expect(store.list("Plant")[0].photo).toBe(photo);
    click(button(element, "Edit Monstera"));
    click(button(dialog, "Remove photo"));
    submit(dialog.querySelector("form"));
    expect(store.list("Plant")[0].photo).toBeNull();
    expect(items(element)[0].querySelector("img")).toBeNull();
  });

  it("says so in the form when a save does not fit in the browser's storage", () => {
    let isFull = false;
    const storage = { getItem: (k) => window.localStorage.getItem(k), setItem: (k, v) => {
      if (isFull) throw new DOMException("full", "QuotaExceededError");
      window.localStorage.setItem(k, v);
    }, removeItem: (k) => window.localStorage.removeItem(k) };
    store = createStore({ spec: garden, storage: /** @type {Storage} */ (/** @type {unknown} */ (storage)) });
    const app = { ...createAppContext({ spec: garden, store, announce: () => {} }), today: () => new Date(today) };
    const element = sectionElement("Plants");
    records.render(element, section, app);
    const f = formNamed(element, "Add Plant");
    type(byLabel(f, "Name"), "Fern");
    submit(f);
    expect(f.querySelector(".form-status").textContent).toBe("");
    isFull = true;
    type(byLabel(f, "Name"), "Monstera");
    submit(f);
    expect(f.querySelector(".form-status").textContent).toMatch(/^Not saved in this browser: its storage for this app is full, so Monstera is kept only until the page is closed/);
    expect(itemTitles(element)).toEqual(["Fern", "Monstera"]);
  });
});

describe("records picked from another kind", () => {
  const team = {
    appName: "Team",
    theme: { colorScheme: "light", accent: "#2563eb" },
    storage: { key: "team-test", version: 1 },
    pages: [],
    entities: [
      { name: "Player", pluralLabel: "Players", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }] },
      { name: "Match", pluralLabel: "Matches", belongsTo: [], fields: [{ name: "title", label: "Title", type: "string", required: true }, { name: "starting2", label: "Starting 2", type: "enum", multiple: true, ref: "Player", maxChoices: 2 }] },
    ],
  };
  const section = { type: "records", entity: "Match", display: "list", search: true, filters: [], create: true, edit: true, delete: true, actions: [] };
  const tick = (box) => {
    box.checked = !box.checked;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  };

  it("ticks players by name, no more than the most allowed, and lists each match's own", () => {
    const app = appFor(team);
    for (const name of ["Ada", "Ben", "Cy"]) store.create("Player", { name });
    const element = sectionElement("Matches");
    records.render(element, section, app);
    const f = formNamed(element, "Add Match");
    expect(f.querySelector("fieldset legend").textContent).toBe("Starting 2");
    type(byLabel(f, "Title"), "Rovers");
    tick(byLabel(f, "Ada"));
    expect(byLabel(f, "Cy").disabled).toBe(false);
    tick(byLabel(f, "Ben"));
    expect(byLabel(f, "Cy").disabled).toBe(true);
    expect(f.textContent).toContain("2 of 2 chosen");
    submit(f);
    const [ada, ben, cy] = store.list("Player");
    expect(store.list("Match")[0].starting2).toEqual([ada.id, ben.id]);
    // The form starts again empty, every player free.
    expect(byLabel(f, "Cy").disabled).toBe(false);
    type(byLabel(f, "Title"), "Albion");
    tick(byLabel(f, "Cy"));
    submit(f);
    expect(items(element).map((item) => item.textContent)).toEqual([expect.stringContaining("2 players: Ada, Ben"), expect.stringContaining("1 player: Cy")]);
    expect(items(element)[1].textContent).not.toContain("Ada");
    // A player added later can be picked; one deleted is no longer listed.
    store.create("Player", { name: "Di" });
    expect(byLabel(f, "Di")).toBeTruthy();
    store.remove("Player", ben.id);
    expect(items(element)[0].textContent).toContain("1 player: Ada");
    void cy;
  });

  it("edits a match's pick in its dialog", () => {
    const app = appFor(team);
    for (const name of ["Ada", "Ben"]) store.create("Player", { name });
    const [ada, ben] = store.list("Player");
    store.create("Match", { title: "Rovers", starting2: [ada.id] });
    const element = sectionElement("Matches");
    records.render(element, section, app);
    click(button(element, "Edit Rovers"));
    const dialog = element.querySelector("dialog");
    expect(byLabel(dialog, "Ada").checked).toBe(true);
    tick(byLabel(dialog, "Ben"));
    submit(dialog.querySelector("form"));
    expect(store.list("Match")[0].starting2).toEqual([ada.id, ben.id]);
  });
});

describe("form section", () => {
  it("stores what is sent and thanks the sender in a status region; required fields refuse empty", () => {
    const app = appFor();
    const element = sectionElement("Join the library");
    form.render(element, { type: "form", entity: "Member", submitLabel: "Join", thanks: "Thanks — see you soon!" }, app);
    const f = element.querySelector("form");
    expect(nameOf(f)).toBe("Join the library");
    const status = element.querySelector('[role="status"]');
    click(button(f, "Join"));
    submit(f);
    expect(byLabel(f, "Name").getAttribute("aria-invalid")).toBe("true");
    expect(status.textContent).toBe("");
    expect(store.list("Member")).toEqual([]);
    type(byLabel(f, "Name"), "Ada");
    type(byLabel(f, "Phone"), "0117 496 0000");
    submit(f);
    expect(status.textContent).toBe("Thanks — see you soon!");
    expect(store.list("Member")).toMatchObject([{ name: "Ada", phone: "0117 496 0000" }]);
    expect(byLabel(f, "Name").value).toBe("");
  });

  it("offers only the section's fields", () => {
    const app = appFor();
    const element = sectionElement("Contact");
    form.render(element, { type: "form", entity: "BookLoan", fields: ["title", "genre"], submitLabel: "Send", thanks: "Thanks" }, app);
    expect(texts(element, "label")).toEqual(["Title", "Genre"]);
  });
});
