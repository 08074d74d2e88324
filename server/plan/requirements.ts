// What a prompt asked for, as the plan records it, and what became of each thing asked for.
// Zod-free on purpose: the dashboard's checklist, the analytics and the pipeline all import it.
//
// A requirement is one thing the user asked for, traced to their words. The PromptCompiler
// (offline compiler or a model) writes them; QA checks each planned one in a browser; a run is
// Succeeded only when every requirement passed.

export const requirementKinds = [
  "name", // the app's or business's name
  "entity", // a kind of record the app keeps (books, loans, habits)
  "field", // a piece of information on a record (due date, rating 1–5)
  "relation", // records linked to records (each loan is for a member)
  "computed", // a derived figure (total owed per client, current streak, 10 km → mi)
  "view", // a filtered, sorted or grouped list (overdue loans, newest first)
  "chart", // a chart of a given type over a given period
  "content", // words, data or options the app must contain (menu items, quiz questions, columns)
  "interaction", // something the user does (tick each day, drag cards, flip a card)
  "page", // a page or screen
  "section", // a part of a page (opening hours, contact form)
  "look", // appearance (dark mode, warm colours, big text)
] as const;
export type RequirementKind = (typeof requirementKinds)[number];

/** The compiler's verdict before anything is built. */
export const plannedRequirementStatuses = ["planned", "unsupported"] as const;
export type PlannedRequirementStatus = (typeof plannedRequirementStatuses)[number];

/**
 * The verdict after QA:
 * - passed: every check of the requirement passed in the browser;
 * - failed: a check failed (after the repair rounds);
 * - unsupported: the compiler said up front it cannot build this (with a reason);
 * - unverified: it was built but could not be checked (no browser on this machine, or no check).
 */
export const requirementOutcomes = ["passed", "failed", "unsupported", "unverified"] as const;
export type RequirementOutcome = (typeof requirementOutcomes)[number];

export const requirementKindLabels: Record<RequirementKind, string> = {
  name: "Name",
  entity: "Records",
  field: "Field",
  relation: "Link",
  computed: "Calculation",
  view: "View",
  chart: "Chart",
  content: "Content",
  interaction: "Interaction",
  page: "Page",
  section: "Section",
  look: "Look",
};

export const requirementOutcomeLabels: Record<RequirementOutcome, string> = {
  passed: "Passed",
  failed: "Failed",
  unsupported: "Not supported",
  unverified: "Not verified",
};

/** One requirement's result as QA reports it and the run keeps it. */
export type RequirementResult = {
  id: string;
  outcome: RequirementOutcome;
  /** Why it failed, is unsupported or unverified; null when it passed. */
  message: string | null;
  /** The acceptance checks that verify it. */
  checkIds: string[];
};

/** Counts over a run's requirement results, as stored on the Run and charted in analytics. */
export type RequirementTally = Record<RequirementOutcome, number> & { total: number };

export function tallyRequirements(results: readonly Pick<RequirementResult, "outcome">[]): RequirementTally {
  const tally: RequirementTally = { total: results.length, passed: 0, failed: 0, unsupported: 0, unverified: 0 };
  for (const result of results) tally[result.outcome] += 1;
  return tally;
}

/** True only when there is nothing to report: every requirement passed. */
export function isFullyMet(tally: RequirementTally): boolean {
  return tally.passed === tally.total;
}
