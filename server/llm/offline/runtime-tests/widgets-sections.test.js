// @vitest-environment happy-dom
// The check-ins, board, sequence and feed sections as a user drives them, over the real store
// (engine/store.js on localStorage) and the shell's app context with a fixed "today": what they
// show, what ticking, counting, moving, reordering and posting do, and what a reload (a fresh
// render over the same storage) still shows.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAppContext } from "../runtime/src/engine/app.js";
import { createStore } from "../runtime/src/engine/store.js";
import * as board from "../runtime/src/sections/board.js";
import * as checkins from "../runtime/src/sections/checkins.js";
import * as feed from "../runtime/src/sections/feed.js";
import * as sequence from "../runtime/src/sections/sequence.js";
import * as weekPlan from "../runtime/src/sections/weekPlan.js";
import { shoppingList } from "../runtime/src/sections/weekPlan.js";
import { moveTo, ordered } from "../runtime/src/sections/sequence.js";
import { countLabel, tickLabel } from "../runtime/src/widgets/names.js";
import { click, type } from "./dom-helpers.js";

const spec = {
  appName: "Widgets",
  theme: { colorScheme: "light", accent: "#4f46e5" },
  storage: { key: "widgets-test", version: 1 },
  entities: [
    {
      name: "Habit", pluralLabel: "Habits", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }],
      computed: [{ name: "streak", label: "Current streak", expr: { agg: "streak", entity: "HabitCheckin", dateField: "date", unit: "day" }, format: "integer" }],
    },
    { name: "HabitCheckin", pluralLabel: "Habit check-ins", belongsTo: ["Habit"], fields: [{ name: "date", label: "Date", type: "date", required: true }, { name: "count", label: "Count", type: "number", defaultValue: 1 }] },
    {
      name: "Medication", pluralLabel: "Medications", belongsTo: [],
      fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "times", label: "Times of day", type: "enum", multiple: true, options: ["Morning", "Noon", "Evening"] }],
    },
    { name: "Dose", pluralLabel: "Doses", belongsTo: ["Medication"], fields: [{ name: "date", label: "Date", type: "date" }, { name: "slot", label: "Time of day", type: "enum", options: ["Morning", "Noon", "Evening"] }] },
    { name: "Hen", pluralLabel: "Hens", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }] },
    { name: "EggCount", pluralLabel: "Egg counts", belongsTo: ["Hen"], fields: [{ name: "date", label: "Date", type: "date" }, { name: "count", label: "Eggs", type: "number" }] },
    { name: "Card", pluralLabel: "Cards", belongsTo: [], fields: [{ name: "title", label: "Title", type: "string", required: true }, { name: "status", label: "Column", type: "enum", options: ["Backlog", "Doing", "Review", "Done"], defaultValue: "Backlog" }] },
    { name: "Song", pluralLabel: "Songs", belongsTo: [], fields: [{ name: "title", label: "Title", type: "string", required: true }, { name: "minutes", label: "Length", type: "number", unit: "min" }] },
    { name: "SetlistItem", pluralLabel: "Setlist", belongsTo: ["Song"], fields: [{ name: "position", label: "Position", type: "number" }] },
    { name: "Meal", pluralLabel: "Meals", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "ingredients", label: "Ingredients", type: "text" }] },
    { name: "PlannedMeal", pluralLabel: "Planned meals", belongsTo: [], fields: [{ name: "date", label: "Date", type: "date" }, { name: "slot", label: "Slot", type: "string" }, { name: "name", label: "Meal", type: "string" }] },
    { name: "Message", pluralLabel: "Messages", belongsTo: [], fields: [{ name: "name", label: "Name", type: "string", required: true }, { name: "message", label: "Message", type: "text" }] },
  ],
  pages: [{ path: "/habits", title: "Habits", sections: [{ type: "records", entity: "Habit" }] }],
};

const today = new Date(2026, 2, 10, 9); // Tuesday 10 March 2026
let clock = today;
let cleanups = [];

/** Renders `section` with `module` the way the shell does (a <section> labelled by its <h2>). */
function open(module, section) {
  const store = createStore({ spec, storage: localStorage });
  const app = { ...createAppContext({ spec, store, announce: () => {} }), today: () => new Date(clock) };
  const element = document.createElement("section");
  element.setAttribute("aria-labelledby", "t");
  const heading = document.createElement("h2");
  heading.id = "t";
  heading.textContent = section.title;
  element.append(heading);
  document.body.replaceChildren(element);
  const cleanup = module.render(element, section, app);
  if (typeof cleanup === "function") cleanups.push(cleanup);
  return { root: element, store };
}

/** The control whose accessible name is `name`: aria-label, else a <label for>'s text. */
function named(root, name) {
  const byAria = [...root.querySelectorAll("[aria-label]")].find((el) => el.getAttribute("aria-label") === name);
  if (byAria) return byAria;
  const label = [...root.querySelectorAll("label")].find((l) => l.textContent.trim() === name);
  if (!label) throw new Error(`Nothing named "${name}"`);
  return root.ownerDocument.getElementById(label.getAttribute("for"));
}
const buttonNamed = (root, name) => {
  const found = [...root.querySelectorAll("button")].find((b) => (b.getAttribute("aria-label") ?? b.textContent.trim()) === name);
  if (!found) throw new Error(`No button "${name}"`);
  return found;
};
const tick = (box) => {
  box.checked = !box.checked;
  box.dispatchEvent(new Event("change", { bubbles: true }));
};
const text = (el) => el.textContent.replace(/\s+/g, " ").trim();
const regionNamed = (root, name) => [...root.querySelectorAll("[aria-labelledby]")].find((el) => el.tagName !== "UL" && document.getElementById(el.getAttribute("aria-labelledby"))?.textContent === name);

beforeEach(() => {
  localStorage.clear();
  clock = today;
});
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

describe("check-ins", () => {
  const habits = { type: "checkins", title: "Today", entity: "Habit", logEntity: "HabitCheckin", mode: "tick" };

  it("ticks a habit for today, counts the streak with yesterday, and keeps the ticks", () => {
    const { root, store } = open(checkins, habits);
    expect(text(root)).toContain("No habits yet");
    store.create("Habit", { name: "Read" });
    store.create("Habit", { name: "Run" });
    expect(text(root)).toContain("Tuesday 10 March 2026");
    tick(named(root, tickLabel("Read", "2026-03-10")));
    expect(store.list("HabitCheckin")).toEqual([expect.objectContaining({ habitId: store.list("Habit")[0].id, date: "2026-03-10", count: 1 })]);
    expect(text(named(root, "Current streak for Read"))).toBe("1 day");
    expect(text(named(root, "Current streak for Run"))).toBe("0 days");

    click(buttonNamed(root, "Previous day"));
    expect(text(root.querySelector("h3"))).toBe("Monday 9 March 2026");
    expect(named(root, tickLabel("Read", "2026-03-09")).checked).toBe(false);
    tick(named(root, tickLabel("Read", "2026-03-09")));
    expect(text(named(root, "Current streak for Read"))).toBe("2 days");
    expect(buttonNamed(root, "Next day").disabled).toBe(false);
    click(buttonNamed(root, "Today"));
    expect(named(root, tickLabel("Read", "2026-03-10")).checked).toBe(true);
    expect(buttonNamed(root, "Next day").disabled).toBe(true);

    // Unticking removes the check-in; a fresh render (a reload) sees what is stored.
    tick(named(root, tickLabel("Read", "2026-03-10")));
    expect(store.list("HabitCheckin").map((c) => c.date)).toEqual(["2026-03-09"]);
    const again = open(checkins, habits).root;
    expect(named(again, tickLabel("Read", "2026-03-10")).checked).toBe(false);
    expect(text(named(again, "Current streak for Read"))).toBe("1 day");
  });

  it("links to the records page when there are none, and adds them itself when no page keeps them", () => {
    const { root } = open(checkins, habits);
    expect(root.querySelector("a").getAttribute("href")).toBe("#/habits");
    const { root: hens, store } = open(checkins, { type: "checkins", title: "Eggs", entity: "Hen", logEntity: "EggCount", mode: "count" });
    type(named(hens, "Name"), "Daisy");
    hens.querySelector("form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    expect(store.list("Hen").map((h) => h.name)).toEqual(["Daisy"]);
  });

  it("ticks a habit once a month with every: month, dated the month's 1st, and moves by months", () => {
    const { root, store } = open(checkins, { ...habits, every: "month" });
    store.create("Habit", { name: "Read" });
    expect(text(root.querySelector("h3"))).toBe("March 2026This month");
    tick(named(root, tickLabel("Read", "2026-03-01", null, "month")));
    expect(store.list("HabitCheckin")).toEqual([expect.objectContaining({ date: "2026-03-01", count: 1 })]);
    click(buttonNamed(root, "Previous month"));
    expect(text(root.querySelector("h3"))).toBe("February 2026");
    expect(named(root, tickLabel("Read", "2026-02-01", null, "month")).checked).toBe(false);
    tick(named(root, tickLabel("Read", "2026-02-01", null, "month")));
    click(buttonNamed(root, "This month"));
    expect(named(root, tickLabel("Read", "2026-03-01", null, "month")).checked).toBe(true);
    expect(store.list("HabitCheckin").map((c) => c.date).sort()).toEqual(["2026-02-01", "2026-03-01"]);
  });

  it("keeps doses per time of day and lists what is still due today", () => {
    const { root, store } = open(checkins, { type: "checkins", title: "Doses", entity: "Medication", logEntity: "Dose", mode: "tick", slotsField: "times", showDueToday: true });
    store.create("Medication", { name: "Aspirin", times: ["Evening", "Morning"] });
    store.create("Medication", { name: "Vitamin D", times: ["Noon"] });
    const due = () => [...root.querySelectorAll(".checkins-due li")].map(text);
    expect(due()).toEqual(["Aspirin (Morning)", "Aspirin (Evening)", "Vitamin D (Noon)"]);
    tick(named(root, tickLabel("Aspirin", "2026-03-10", "Morning")));
    expect(store.list("Dose")).toEqual([expect.objectContaining({ date: "2026-03-10", slot: "Morning" })]);
    expect(due()).toEqual(["Aspirin (Evening)", "Vitamin D (Noon)"]);
    expect(named(root, tickLabel("Aspirin", "2026-03-10", "Evening")).checked).toBe(false);
    // Yesterday's ticks do not make today's doses done.
    click(buttonNamed(root, "Previous day"));
    tick(named(root, tickLabel("Vitamin D", "2026-03-09", "Noon")));
    expect(due()).toEqual(["Aspirin (Evening)", "Vitamin D (Noon)"]);
    click(buttonNamed(root, "Today"));
    tick(named(root, tickLabel("Aspirin", "2026-03-10", "Evening")));
    tick(named(root, tickLabel("Vitamin D", "2026-03-10", "Noon")));
    expect(due()).toEqual([]);
    expect(text(root.querySelector(".checkins-due"))).toContain("All done for today");
  });

  it("counts with + and −, towards a daily goal", () => {
    const { root, store } = open(checkins, { type: "checkins", title: "Eggs", entity: "Hen", logEntity: "EggCount", mode: "count", dailyGoal: 2 });
    store.create("Hen", { name: "Daisy" });
    const count = () => text(named(root, countLabel("Daisy", "2026-03-10")));
    expect(count()).toBe("0");
    expect(buttonNamed(root, "Take one from Daisy").disabled).toBe(true);
    click(buttonNamed(root, "Add one to Daisy"));
    click(buttonNamed(root, "Add one to Daisy"));
    click(buttonNamed(root, "Add one to Daisy"));
    expect(count()).toBe("3");
    expect(text(root)).toContain("goal reached");
    expect(store.list("EggCount")).toEqual([expect.objectContaining({ date: "2026-03-10", count: 3 })]);
    click(buttonNamed(root, "Take one from Daisy"));
    expect(count()).toBe("2");
    click(buttonNamed(root, "Take one from Daisy"));
    click(buttonNamed(root, "Take one from Daisy"));
    expect(store.list("EggCount")).toEqual([]);
  });
});

describe("board", () => {
  const section = { type: "board", title: "Board", entity: "Card", columnField: "status", drag: true };

  it("shows a column per option, adds a card to a column, moves it with buttons and by dragging", () => {
    const { root, store } = open(board, section);
    expect([...root.querySelectorAll(".board-column h3")].map(text)).toEqual(["Backlog", "Doing", "Review", "Done"]);
    type(named(root, "Title"), "Write report");
    root.querySelector("form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    store.create("Card", { title: "Fix login", status: "Review" });
    const cardsIn = (column) => [...regionNamed(root, column).querySelectorAll(".board-card-title")].map(text);
    expect(cardsIn("Backlog")).toEqual(["Write report"]);
    expect(text(regionNamed(root, "Backlog"))).toContain("1 card");
    expect(root.querySelector('[aria-label="Move Write report to Backlog"]')).toBeNull();
    click(buttonNamed(root, "Move Write report to Doing"));
    expect(cardsIn("Backlog")).toEqual([]);
    expect(cardsIn("Doing")).toEqual(["Write report"]);
    // Keyboard users keep their place: focus moves with the card to its next "Move" button.
    buttonNamed(root, "Move Write report to Review").focus();
    click(buttonNamed(root, "Move Write report to Review"));
    expect(document.activeElement.getAttribute("aria-label")).toBe("Move Write report to Done");
    click(buttonNamed(root, "Move Write report to Doing"));
    click(buttonNamed(root, "Move Fix login to Done"));
    expect(cardsIn("Done")).toEqual(["Fix login"]);

    // HTML5 drag and drop: the card onto another column.
    const dragged = [...root.querySelectorAll(".board-card")].find((c) => text(c).startsWith("Write report"));
    dragged.dispatchEvent(new Event("dragstart", { bubbles: true }));
    const target = regionNamed(root, "Done");
    const over = new Event("dragover", { bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    target.dispatchEvent(new Event("drop", { bubbles: true, cancelable: true }));
    expect(cardsIn("Done").sort()).toEqual(["Fix login", "Write report"]);
    expect(store.list("Card").map((c) => c.status)).toEqual(["Done", "Done"]);
    expect(cardsIn("Doing")).toEqual([]);
  });

  it("puts cards without a known column in the default column", () => {
    const { root, store } = open(board, section);
    store.create("Card", { title: "Stray", status: "Archived" });
    expect([...regionNamed(root, "Backlog").querySelectorAll(".board-card-title")].map(text)).toEqual(["Stray"]);
  });
});

describe("sequence", () => {
  const section = { type: "sequence", title: "Setlist", entity: "SetlistItem", itemOf: "Song", total: { label: "Total set length", of: { field: "Song.minutes" }, format: "minutes" } };

  it("orders by position and moves an item to another's place", () => {
    expect(ordered([{ id: "a", position: 2 }, { id: "b" }, { id: "c", position: 1 }], "position").map((i) => i.id)).toEqual(["c", "a", "b"]);
    expect(moveTo(["a", "b", "c"], "c", 0)).toEqual(["c", "a", "b"]);
    expect(moveTo(["a", "b", "c"], "a", 2)).toEqual(["b", "c", "a"]);
    expect(moveTo(["a", "b"], "a", 5)).toEqual(["a", "b"]);
  });

  it("adds songs in order, totals their length, reorders, removes, and keeps the order", () => {
    const { root, store } = open(sequence, section);
    for (const [title, minutes] of [["Intro", 3], ["Anthem", 5], ["Ballad", 4]]) store.create("Song", { title, minutes });
    const add = (title) => {
      const select = named(root, "Song");
      select.value = [...select.options].find((o) => o.textContent === title).value;
      root.querySelector("form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    };
    add("Intro");
    add("Anthem");
    add("Ballad");
    const order = (el = root) => [...el.querySelectorAll(".sequence-title")].map(text);
    expect(order()).toEqual(["Intro", "Anthem", "Ballad"]);
    expect(text(named(root, "Total set length"))).toBe("12 min");
    expect(buttonNamed(root, "Move Intro up").disabled).toBe(true);
    click(buttonNamed(root, "Move Ballad up"));
    expect(order()).toEqual(["Intro", "Ballad", "Anthem"]);
    // At the top, Move up is disabled: focus stays on the item itself.
    buttonNamed(root, "Move Ballad up").focus();
    click(buttonNamed(root, "Move Ballad up"));
    expect(order()).toEqual(["Ballad", "Intro", "Anthem"]);
    expect(document.activeElement.querySelector(".sequence-title").textContent).toBe("Ballad");
    click(buttonNamed(root, "Move Ballad down"));
    click(buttonNamed(root, "Move Intro down"));
    expect(order()).toEqual(["Ballad", "Intro", "Anthem"]);
    // Dragging Anthem onto Ballad's place puts it first.
    const items = root.querySelectorAll(".sequence-item");
    items[2].dispatchEvent(new Event("dragstart", { bubbles: true }));
    items[0].dispatchEvent(new Event("dragover", { bubbles: true, cancelable: true }));
    items[0].dispatchEvent(new Event("drop", { bubbles: true, cancelable: true }));
    expect(order()).toEqual(["Anthem", "Ballad", "Intro"]);
    click(buttonNamed(root, "Remove Ballad"));
    expect(order()).toEqual(["Anthem", "Intro"]);
    expect(text(named(root, "Total set length"))).toBe("8 min");
    expect(store.list("Song")).toHaveLength(3);
    expect(order(open(sequence, section).root)).toEqual(["Anthem", "Intro"]);
  });

  it("takes songs dragged from the library onto an item's place or into the set, and counts only the set's", () => {
    const { root, store } = open(sequence, section);
    for (const [title, minutes] of [["Intro", 3], ["Anthem", 5], ["Ballad", 4]]) store.create("Song", { title, minutes });
    const order = (el = root) => [...el.querySelectorAll(".sequence-title")].map(text);
    const library = named(root, "Songs to add to Setlist");
    const drag = (title, target) => {
      [...library.querySelectorAll("li")].find((li) => text(li) === title).dispatchEvent(new Event("dragstart", { bubbles: true }));
      target.dispatchEvent(new Event("dragover", { bubbles: true, cancelable: true }));
      target.dispatchEvent(new Event("drop", { bubbles: true, cancelable: true }));
    };
    // Onto the empty set, then onto the first item's place: before it.
    drag("Ballad", root.querySelector(".sequence-body"));
    drag("Intro", root.querySelector(".sequence-item"));
    expect(order()).toEqual(["Intro", "Ballad"]);
    expect(text(named(root, "Total set length"))).toBe("7 min");
    expect(store.list("Song")).toHaveLength(3);
    expect(order(open(sequence, section).root)).toEqual(["Intro", "Ballad"]);
  });
});

describe("week plan", () => {
  const section = { type: "weekPlan", title: "Meal plan", entity: "PlannedMeal", itemOf: "Meal", slots: ["Breakfast", "Lunch", "Dinner"], shopping: { title: "Shopping list", field: "ingredients" } };
  const plan = (root, name, value) => {
    const input = named(root, name);
    input.value = value;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  };
  const shopping = (root) => [...root.querySelectorAll(".week-shopping-item")].map(text);

  it("combines what the planned records need, each once, case aside, and skips free text", () => {
    const sources = [{ name: "Porridge", ingredients: "oats, milk" }, { name: "Pancakes", ingredients: "Flour\nMilk; eggs" }];
    const planned = [{ name: "porridge" }, { name: "Toast with friends" }, { name: "Pancakes" }];
    expect(shoppingList(planned, sources, (s) => s.name, "ingredients")).toEqual([
      { key: "oats", text: "oats", count: 1 }, { key: "milk", text: "milk", count: 2 }, { key: "flour", text: "Flour", count: 1 }, { key: "eggs", text: "eggs", count: 1 },
    ]);
  });

  it("shows Monday to Sunday by slot, keeps what is typed in a slot, and lists this week's shopping only", () => {
    const { root, store } = open(weekPlan, section);
    store.create("Meal", { name: "Porridge", ingredients: "oats, milk" });
    store.create("Meal", { name: "Pancakes", ingredients: "flour, milk, eggs" });
    store.create("Meal", { name: "Curry", ingredients: "rice, chickpeas" });
    const rows = [...root.querySelectorAll(".week-grid tbody th")].map(text);
    expect(rows).toEqual(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
    expect(text(root.querySelector(".checkins-day"))).toContain("Week of Monday 9 March 2026");
    plan(root, "Monday Breakfast", "Porridge");
    plan(root, "Sunday Dinner", "pancakes");
    plan(root, "Tuesday Lunch", "Leftovers");
    expect(named(root, "Monday Breakfast").value).toBe("Porridge");
    expect(shopping(root)).toEqual(["oats", "milk × 2", "flour", "eggs"]);
    // Next week's curry is not on this week's list.
    buttonNamed(root, "Next week").click();
    plan(root, "Monday Dinner", "Curry");
    expect(shopping(root)).toEqual(["rice", "chickpeas"]);
    buttonNamed(root, "This week").click();
    expect(shopping(root)).toEqual(["oats", "milk × 2", "flour", "eggs"]);
    // Emptying a slot takes its meal off the list.
    plan(root, "Sunday Dinner", "");
    expect(shopping(root)).toEqual(["oats", "milk"]);
    tick(named(root, "milk"));
    const again = open(weekPlan, section).root;
    expect(named(again, "Monday Breakfast").value).toBe("Porridge");
    expect(named(again, "Tuesday Lunch").value).toBe("Leftovers");
    expect(named(again, "Sunday Dinner").value).toBe("");
    expect(named(again, "milk").checked).toBe(true);
    expect(named(again, "oats").checked).toBe(false);
  });
});

describe("feed", () => {
  const section = { type: "feed", title: "Guestbook", entity: "Message", order: "newest" };

  it("posts with a name and a message, newest first, with the time, and offers no edit or delete", () => {
    const { root, store } = open(feed, section);
    expect(text(root)).toContain("No messages yet");
    const post = (name, message) => {
      type(named(root, "Name"), name);
      type(named(root, "Message"), message);
      root.querySelector("form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    };
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2026, 2, 10, 9, 0));
    post("Alice", "Lovely day!");
    vi.setSystemTime(new Date(2026, 2, 10, 9, 5));
    post("Bob", "See you soon");
    vi.useRealTimers();
    expect(store.list("Message").map((m) => m.name)).toEqual(["Alice", "Bob"]);
    const fresh = open(feed, section);
    const articles = [...fresh.root.querySelectorAll("article")];
    expect(articles.map((a) => text(a.querySelector(".feed-author")))).toEqual(["Bob", "Alice"]);
    expect(text(articles[1])).toContain("Lovely day!");
    expect(articles[1].querySelector("time").getAttribute("datetime")).toBe(new Date(2026, 2, 10, 9, 0).toISOString());
    expect(text(articles[1].querySelector("time"))).toBe("10 March 2026, 09:00");
    expect(text(articles[0].querySelector("time"))).toBe("10 March 2026, 09:05");
    expect(fresh.root.querySelectorAll("article button")).toHaveLength(0);
    expect(named(fresh.root, "Message").value).toBe("");
  });

  it("refuses an empty message, and shows oldest first when asked", () => {
    const { root, store } = open(feed, { ...section, order: "oldest" });
    type(named(root, "Name"), "Alice");
    root.querySelector("form").dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    expect(store.list("Message")).toEqual([]);
    expect(text(root)).toContain("Write a message first");
    expect(feed.orderPosts([{ createdAt: "2026-03-10T10:00:00Z", n: 2 }, { createdAt: "2026-03-10T09:00:00Z", n: 1 }], "oldest").map((p) => p.n)).toEqual([1, 2]);
  });
});
