// Plans for the widgets tests, written by hand where the offline compiler does not (yet) compose
// the eval prompt into these sections as asked: a setlist built from a song library, medication doses per time of day with what is still due, egg
// counts per hen, and a water tracker with a daily goal. Their checks come from the generators.
import { ZPlan, type TPlan, type TPlanInput } from "~/server/plan/plan-schema";
import { buildAcceptanceChecks } from "../../checks/index";

type Input = Omit<TPlanInput, "acceptanceChecks" | "tasks" | "features" | "summary" | "kind" | "theme"> & Partial<TPlanInput>;

export function handWritten(input: Input): TPlan {
  const base = ZPlan.parse({
    summary: input.appName, kind: "crud", theme: { colorScheme: "light", accent: "#4f46e5" }, features: [],
    tasks: [{ id: "build", agent: "CodeGen", description: "Build it" }],
    acceptanceChecks: [{ id: "pending", description: "pending", steps: [{ action: "reload" }] }],
    storage: { key: input.appName.toLowerCase().replace(/[^a-z0-9]+/g, "-"), version: 1 },
    ...input,
  });
  return ZPlan.parse({ ...base, acceptanceChecks: buildAcceptanceChecks(base) });
}

const planned = (id: string, kind: "entity" | "field" | "interaction" | "computed" | "view" | "content", text: string, quote: string) => ({ id, kind, text, quote, promptIndex: 0, status: "planned" as const });

export const setlistPlan = () =>
  handWritten({
    appName: "Setlist Builder",
    requirements: [
      planned("r1", "entity", "Keep a library of songs", "song library"),
      planned("r2", "field", "Each song has a title, key and length in minutes", "title, key, length in minutes"),
      planned("r3", "interaction", "Drag songs into a setlist", "drag songs into a setlist"),
      planned("r4", "computed", "Shows the total set length", "total set length"),
    ],
    entities: [
      {
        name: "Song", pluralLabel: "Songs", requirementIds: ["r1"],
        fields: [{ name: "title", label: "Title", type: "string", required: true }, { name: "key", label: "Key", type: "string" }, { name: "minutes", label: "Length", type: "number", unit: "min", min: 0, requirementIds: ["r2"] }],
      },
      { name: "SetlistItem", pluralLabel: "Setlist", belongsTo: ["Song"], fields: [{ name: "position", label: "Position", type: "number" }], requirementIds: ["r3"] },
    ],
    pages: [
      { path: "/", title: "Setlist", purpose: "Build the set", sections: [{ type: "sequence", title: "Setlist", entity: "SetlistItem", itemOf: "Song", total: { label: "Total set length", of: { field: "Song.minutes" }, format: "minutes" }, requirementIds: ["r3", "r4"] }] },
      { path: "/songs", title: "Songs", purpose: "The song library", sections: [{ type: "records", title: "Song library", entity: "Song", requirementIds: ["r1", "r2"] }] },
    ],
  });

export const medicationsPlan = () =>
  handWritten({
    appName: "Mum's Medications",
    requirements: [
      planned("r1", "entity", "Keep a list of medications", "medications"),
      planned("r2", "field", "Each medication has the times of day she takes it", "times of day she takes it (morning, noon, evening)"),
      planned("r3", "interaction", "Tick each dose when she has taken it today", "tick each dose when she's taken it today"),
      planned("r4", "view", "Show which doses are still due", "show which ones are still due"),
    ],
    entities: [
      {
        name: "Medication", pluralLabel: "Medications", requirementIds: ["r1"],
        fields: [
          { name: "name", label: "Name", type: "string", required: true },
          { name: "dose", label: "Dose", type: "string" },
          { name: "times", label: "Times of day", type: "enum", multiple: true, options: ["Morning", "Noon", "Evening"], requirementIds: ["r2"] },
        ],
      },
      { name: "DoseTaken", pluralLabel: "Doses taken", belongsTo: ["Medication"], fields: [{ name: "date", label: "Date", type: "date", required: true }, { name: "slot", label: "Time of day", type: "enum", options: ["Morning", "Noon", "Evening"] }], requirementIds: ["r3"] },
    ],
    pages: [
      { path: "/", title: "Today", purpose: "Tick today's doses", sections: [{ type: "checkins", title: "Today's doses", entity: "Medication", logEntity: "DoseTaken", mode: "tick", slotsField: "times", showDueToday: true, requirementIds: ["r3", "r4"] }] },
      { path: "/medications", title: "Medications", purpose: "The medications", sections: [{ type: "records", title: "Medications", entity: "Medication", requirementIds: ["r1", "r2"] }] },
    ],
  });

export const hensPlan = () =>
  handWritten({
    appName: "Hen Eggs",
    requirements: [
      planned("r1", "entity", "Keep a list of hens", "hens"),
      planned("r2", "interaction", "Write down how many eggs each hen lays every day", "how many eggs each one lays every day"),
    ],
    entities: [
      { name: "Hen", pluralLabel: "Hens", fields: [{ name: "name", label: "Name", type: "string", required: true }], requirementIds: ["r1"] },
      { name: "EggCount", pluralLabel: "Egg counts", belongsTo: ["Hen"], fields: [{ name: "date", label: "Date", type: "date", required: true }, { name: "count", label: "Eggs", type: "number", min: 0 }], requirementIds: ["r2"] },
    ],
    pages: [
      { path: "/", title: "Eggs", purpose: "Count today's eggs", sections: [{ type: "checkins", title: "Eggs today", entity: "Hen", logEntity: "EggCount", mode: "count", requirementIds: ["r2"] }] },
      { path: "/hens", title: "Hens", purpose: "The hens", sections: [{ type: "records", title: "Hens", entity: "Hen", requirementIds: ["r1"] }] },
    ],
  });

/** No records section: the check-ins section adds the drinks itself. */
export const waterPlan = () =>
  handWritten({
    appName: "Water Tracker",
    requirements: [planned("r1", "interaction", "Log glasses of water through the day", "log glasses through the day"), planned("r2", "content", "The goal is 8 a day", "goal 8 a day")],
    entities: [
      { name: "Drink", pluralLabel: "Drinks", fields: [{ name: "name", label: "Drink", type: "string", required: true }] },
      { name: "DrinkLog", pluralLabel: "Drink logs", belongsTo: ["Drink"], fields: [{ name: "date", label: "Date", type: "date", required: true }, { name: "count", label: "Glasses", type: "number", min: 0 }] },
    ],
    pages: [{ path: "/", title: "Today", purpose: "Count glasses", sections: [{ type: "checkins", title: "Glasses today", entity: "Drink", logEntity: "DrinkLog", mode: "count", dailyGoal: 8, showDueToday: true, requirementIds: ["r1", "r2"] }] }],
  });
