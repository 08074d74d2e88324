// Ticks kept per record per month: "I'm a landlord with 4 flats … each month mark whether rent
// came in … show total rent collected this year". Each record (a flat) gets a tick for the month on
// show (a check-ins section with `every: "month"`, its log one record per record and month, dated
// the month's 1st); "total rent collected this year" sums the record's amount (its money field,
// the rent) over the months ticked in the period; "highlight anyone who's late" is a computed
// "Days late" on the record, highlighted when this month is not ticked once the 5th has passed.
//
// The phrase is claimed before the records are read ("mark" is no list of marks), and the section
// is added once they are.
import pluralize from "pluralize";
import type { TValueExpr } from "~/server/plan/app-spec";
import { collectedTotalPatterns, latePatterns, monthlyMarkPatterns } from "../catalog/app-shapes";
import { findAny } from "../understand/match-pattern";
import { isNoun, sentenceOf } from "../understand/reading";
import { addSection, isClaimed, pageFor, requirement, type Draft, type EntityDraft } from "./draft";
import { addField, ensureEntity, labelOf } from "./records";
import { findPeriod } from "./views";

const capitalized = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** Rent and the like fall due on the 1st; a month not ticked is late once this day has passed. */
export const lateAfterDay = 5;
const clauseEnds = new Set([",", ".", ";", "!", "?", "and", "but", "so"]);

export type MonthlyMark = { id: string; noun: string | null; from: number; to: number };

/** "each month mark whether rent came in": the requirement, claimed before the records are read. */
export function claimMonthlyMarks(draft: Draft): MonthlyMark | undefined {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, monthlyMarkPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return undefined;
  // The quote runs to the end of the clause: "… whether rent came in".
  let to = hit.to;
  while (to < tokens.length && !clauseEnds.has(tokens[to]!.word)) to++;
  const at = tokens.slice(hit.from, to).findIndex((t) => t.word === "whether" || t.word === "if");
  // What comes in each month: the first noun after "whether" ("rent"), if any.
  const noun = tokens.slice(hit.from + at + 1, to).find((t) => isNoun(t) && t.lemma !== "month" && !["they", "it"].includes(t.word));
  const what = noun ? noun.lemma : "payment";
  const id = requirement(draft, "interaction", `Each month, tick for each record whether the ${what} came in; each month's tick is kept`, hit.from, to);
  return { id, noun: noun ? noun.lemma : null, from: hit.from, to };
}

/** The record ticked each month: one named after "per"/"each" in the sentence ("rent amount per flat"), else the main record. */
function tickedFor(draft: Draft, mark: MonthlyMark): EntityDraft | undefined {
  const { tokens } = draft.reading;
  const sentence = sentenceOf(draft.reading, mark.from);
  const all = [...draft.entities.values()].filter((e) => e.name !== "ContactMessage" && !e.belongsTo.length);
  const named = tokens.slice(sentence.from, sentence.to).find((t, i) => ["per", "each", "every"].includes(tokens[sentence.from + i - 1]?.word ?? "") && all.some((e) => labelOf(e) === t.lemma));
  return (named && all.find((e) => labelOf(e) === named.lemma)) ?? all[0];
}

export function composeMonthlyMarks(draft: Draft, mark: MonthlyMark | undefined): void {
  if (!mark) return;
  const entity = tickedFor(draft, mark);
  if (!entity) return;
  const what = mark.noun ?? "payment";
  // A check-in log ("…Checkin") is named by its month and record: it gets no name field.
  const logName = `${capitalized(what.replace(/[^a-z]/g, "") || "payment")}Checkin`.slice(0, 40);
  const log = ensureEntity(draft, logName, `${capitalized(what)} months`, mark.id);
  addField(log, { name: "date", label: "Month", type: "date", required: true }, mark.id);
  if (!log.belongsTo.includes(entity.name)) log.belongsTo.push(entity.name);
  const page = pageFor(draft, "/", capitalized(what), `Tick the ${what} that came in each month`);
  addSection(draft, page, { type: "checkins", title: `${capitalized(what)} came in`, entity: entity.name, logEntity: logName, mode: "tick", every: "month", showDueToday: false, requirementIds: [mark.id] });

  const { tokens } = draft.reading;
  // "highlight anyone who's late": days past the 5th with this month not ticked (0 once ticked).
  const late = findAny(tokens, latePatterns);
  if (late && !isClaimed(draft, late.from, late.to)) {
    const id = requirement(draft, "view", `Highlight each ${labelOf(entity)} whose ${what} for this month is not ticked once the ${lateAfterDay}th has passed, with the days late`, late.from, late.to);
    const tickedThisMonth: TValueExpr = { agg: "count", entity: logName, where: [{ field: "date", op: "inRange", period: { range: "thisMonth" } }] };
    const notTicked: TValueExpr = { op: "sub", args: [{ const: 1 }, { op: "min", args: [{ const: 1 }, tickedThisMonth] }] };
    const pastDue: TValueExpr = { op: "max", args: [{ const: 0 }, { op: "sub", args: [{ fn: "dayOfMonth", args: [{ today: true }] }, { const: lateAfterDay }] }] };
    entity.computed.push({ name: "daysLate", label: "Days late", expr: { op: "mul", args: [notTicked, pastDue] }, format: "integer", highlight: { when: { op: "gt", value: 0 }, tone: "danger" }, requirementIds: [id] });
  }

  // "total rent collected this year": the record's amount for each month ticked, in the period.
  const amount = entity.fields.find((f) => f.type === "money");
  if (!mark.noun || !amount) return;
  const hit = findAny(tokens, collectedTotalPatterns.map((p) => p.replace("{noun}", `${what}|${pluralize.plural(what)}`)));
  if (!hit || isClaimed(draft, hit.from, hit.to)) return;
  const sentence = sentenceOf(draft.reading, hit.from);
  const period = findPeriod(draft, hit.to, Math.min(sentence.to, hit.to + 4));
  const to = period && !isClaimed(draft, period.from, period.to) ? period.to : hit.to;
  const label = `${capitalized(what)} collected${period ? ` ${period.label}` : ""}`;
  const id = requirement(draft, "computed", `The total ${what} of the months ticked${period ? `, ${period.label}` : ""} (each ${labelOf(entity)}'s ${String(amount.label).toLowerCase()} per month)`, hit.from, to);
  const where = period ? [{ field: "date", op: "inRange" as const, period: { range: period.range, ...(period.n ? { n: period.n } : {}) } }] : undefined;
  addSection(draft, page, { type: "stats", title: label, items: [{ label, value: { agg: "sum", entity: logName, of: { field: `${entity.name}.${amount.name}` }, ...(where ? { where } : {}) }, format: "money", requirementIds: [id] }], requirementIds: [id] });
}
