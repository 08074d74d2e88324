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
export const duePatterns = ["which|what … need|needs {doing}|{verb} today|now?", "which|what … are|is due today?", "need|needs {doing} today", "due for a? {doing}|{verb}"];

/** "a button to say I watered it", "mark it watered": a button that records the act as done today. */
export const donePatterns = ["button|buttons … {done} it|them|today?", "mark|marks|tick … as? {done} today?", "say|log|record i|we? {done} it|them|today?"];
