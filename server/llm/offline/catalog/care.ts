// Things done to a record again and again ("water" a plant, "groom" a dog), and the words that ask
// for the records whose turn has come. Read by compose/due.ts; its own words join the spelling
// vocabulary through vocabulary.ts.

/** A recurring act in its three forms: "water", "watered", "watering". */
export type CareVerb = { verb: string; done: string; doing: string };

export const careVerbs: CareVerb[] = [
  { verb: "water", done: "watered", doing: "watering" },
  { verb: "feed", done: "fed", doing: "feeding" },
  { verb: "groom", done: "groomed", doing: "grooming" },
  { verb: "clean", done: "cleaned", doing: "cleaning" },
  { verb: "service", done: "serviced", doing: "servicing" },
  { verb: "wash", done: "washed", doing: "washing" },
  { verb: "walk", done: "walked", doing: "walking" },
  { verb: "check", done: "checked", doing: "checking" },
  { verb: "change", done: "changed", doing: "changing" },
  { verb: "fertilise", done: "fertilised", doing: "fertilising" },
  { verb: "fertilize", done: "fertilized", doing: "fertilizing" },
  { verb: "prune", done: "pruned", doing: "pruning" },
  { verb: "repot", done: "repotted", doing: "repotting" },
  { verb: "visit", done: "visited", doing: "visiting" },
  { verb: "see", done: "seen", doing: "seeing" },
];

/**
 * "which plants need watering today", "show which ones are due": the records whose turn has come.
 * `{doing}` / `{verb}` stand for a care verb's forms.
 */
export const duePatterns = ["which|what … need|needs {doing}|{verb} today|now?", "need|needs to {verb} today", "which|what … are|is due today?", "need|needs {doing} today", "due for a? {doing}|{verb}"];

/** "a button to say I watered it", "mark it watered": a button that records the act as done today. */
export const donePatterns = ["button|buttons … {done} it|them? today?", "mark|marks|tick … as? {done} today?", "say|log|record i|we? {done} it|them? today?"];

/**
 * "who i havent seen in over 2 months", "dogs not groomed for over a month": records whose last
 * date lies further back than a span. `{done}` stands for the care verb's past participle.
 */
export const notSincePatterns = ["havent|haven't|hasnt|hasn't|not seen|been|{done} in|for over|more? than? #|a day|week|month|year"];

/** Days in each unit of such a span; a month counts 30 days (the app compares whole days). */
export const spanDays: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };

/** "so i can text them", "so I know who to call": a purpose that needs the way to reach them, and which field that is. */
export const contactPurposes: { pattern: string; field: "phone" | "email" }[] = [
  { pattern: "so|to i|we? can|could? text|call|phone|ring them|him|her", field: "phone" },
  { pattern: "so|to i|we? can|could? email|mail them|him|her", field: "email" },
  // "grouped by supplier so I know who to call": whom to reach, not how.
  { pattern: "so i|we? know|see who|whom to? call|ring|phone|text", field: "phone" },
  { pattern: "so i|we? know|see who|whom to? email|mail", field: "email" },
];

/** "water them every 5 days", "groomed every 6 weeks": an interval said after the act, in days. */
export const intervalPattern = "every #? day|week|month";
