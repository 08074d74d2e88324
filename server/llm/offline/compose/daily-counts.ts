// Counts kept per record per day: "write down how many eggs each one lays every day. Show eggs per
// hen this week and who's the best layer". Each record (a hen) gets a count for the day on show
// with + and − (a check-ins section in count mode, its log one record per record and day, the
// count labelled with what is counted); "eggs per hen this week" totals the log per record over
// the period; "the best layer" is that table's top row.
import pluralize from "pluralize";
import { bestCounterPatterns, dailyCountPatterns } from "../catalog/app-shapes";
import { entityConcepts } from "../catalog/entities";
import { fieldConcepts } from "../catalog/fields";
import { findAny, findPattern } from "../understand/match-pattern";
import { isNoun, isVerb, sentenceOf } from "../understand/reading";
import { addSection, isClaimed, pageFor, requirement, type Draft, type EntityDraft } from "./draft";
import { addField, ensureEntity, labelOf, primaryField } from "./records";
import { findPeriod } from "./views";

const capitalized = (word: string): string => word[0]!.toUpperCase() + word.slice(1);

/** The words that name a record: its label and its catalog words ("hen", "chicken"). */
const wordsFor = (entity: EntityDraft): string[] => [...new Set([labelOf(entity), ...(entityConcepts.find((c) => c.name === entity.name)?.words ?? [])].filter((w) => /^[a-z]+$/.test(w)))];

/** The end of a phrase and the period right after it ("eggs per hen this week", "… for the last 7 days"). */
function withPeriod(draft: Draft, to: number, period: ReturnType<typeof findPeriod>): number {
  if (!period || period.from < to || isClaimed(draft, period.from, period.from + 1)) return to;
  const between = draft.reading.tokens.slice(to, period.from);
  return between.length <= 2 && between.every((t) => ["for", "the", "in", "over", "during", "of"].includes(t.word)) ? period.to : to;
}

/** The record a count is kept for: one named in the phrase ("each hen"), else the app's main record. */
function countedFor(draft: Draft, from: number, to: number): EntityDraft | undefined {
  const { tokens } = draft.reading;
  const all = [...draft.entities.values()].filter((e) => e.name !== "ContactMessage");
  return all.find((e) => tokens.slice(from, to).some((t) => t.lemma === labelOf(e))) ?? all.find((e) => !e.belongsTo.length);
}

export function composeDailyCounts(draft: Draft): void {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, dailyCountPatterns);
  // The phrase may name the records ("how many eggs my hens lay"): only its words up to the counted noun must be free.
  if (!hit || isClaimed(draft, hit.from, hit.from + 3)) return;
  // What is counted: the noun after "how many" ("eggs"), which names the count.
  const noun = tokens[hit.from + 2];
  const entity = countedFor(draft, hit.from + 3, hit.to);
  if (!isNoun(noun) || !entity || noun!.lemma === labelOf(entity)) return;
  const concept = fieldConcepts.find((c) => c.words.includes(noun!.lemma) && c.type === "number");
  const countLabel = concept?.label ?? capitalized(pluralize.plural(noun!.lemma));
  // "count how many", "write down how many": the verb that asks for it belongs to the quote.
  let from = hit.from;
  if (tokens[from - 1]?.word === "down" && tokens[from - 2]?.lemma === "write") from -= 2;
  else if (isVerb(tokens[from - 1]) && !["want", "know", "see", "show"].includes(tokens[from - 1]!.lemma)) from -= 1;
  if (isClaimed(draft, from, hit.from)) from = hit.from;
  const id = requirement(draft, "interaction", `Write down the ${countLabel.toLowerCase()} of each ${labelOf(entity)} for each day; each day's count is kept`, from, hit.to);
  const logName = `${capitalized(noun!.lemma.replace(/[^a-z]/g, ""))}Count`.slice(0, 40);
  const log = ensureEntity(draft, logName, `${capitalized(noun!.lemma)} counts`, id);
  addField(log, { name: "date", label: "Date", type: "date", required: true }, id);
  addField(log, { name: "count", label: countLabel, type: "number", min: 0 }, id);
  if (!log.belongsTo.includes(entity.name)) log.belongsTo.push(entity.name);
  addSection(draft, pageFor(draft, "/", "Today", `Count today's ${countLabel.toLowerCase()}`), { type: "checkins", title: `${countLabel} today`, entity: entity.name, logEntity: logName, mode: "count", showDueToday: false, requirementIds: [id] });

  const groupBy = { field: `${entity.name}.${String(primaryField(entity)?.name ?? "name")}` };
  const measures = [{ label: countLabel, agg: "sum" as const, of: { field: "count" }, format: "integer" as const }];
  // "eggs per hen this week": the log's total per record, over the period said in the sentence.
  let period: ReturnType<typeof findPeriod>;
  // "total eggs per chicken", "the number of eggs for each hen".
  for (const match of findPattern(tokens, `the? total|number? of? ${noun!.lemma} per|by|for each? ${wordsFor(entity).join("|")}`)) {
    // The record's name may already be claimed by its mention: only the words before it must be free.
    if (isClaimed(draft, match.from, match.to - 1)) continue;
    const sentence = sentenceOf(draft.reading, match.from);
    period = findPeriod(draft, sentence.from, sentence.to);
    const to = withPeriod(draft, match.to, period);
    const perId = requirement(draft, "computed", `Total ${countLabel.toLowerCase()} per ${labelOf(entity)}${period ? `, ${period.label}` : ""}`, match.from, to);
    const where = period ? [{ field: "date", op: "inRange" as const, period: { range: period.range, ...(period.n ? { n: period.n } : {}) } }] : undefined;
    addSection(draft, pageFor(draft, "/", "Today", `Count today's ${countLabel.toLowerCase()}`), { type: "groupTable", title: `${countLabel} per ${labelOf(entity)}${period ? ` ${period.label}` : ""}`, entity: logName, groupBy, measures, ...(where ? { where } : {}), requirementIds: [perId] });
  }
  // "who's the best layer": the record with the highest total, over the same period.
  const best = findAny(tokens, bestCounterPatterns);
  if (best && !isClaimed(draft, best.from, best.to)) {
    const sentence = sentenceOf(draft.reading, best.from);
    const bestPeriod = findPeriod(draft, sentence.from, sentence.to) ?? period;
    // "who's the best layer": the question's words belong to the quote.
    let from = best.from;
    if (tokens[from - 1]?.word === "the") from--;
    if (tokens[from - 1]?.word === "is") from--;
    if (["who", "who's", "which", "whos"].includes(tokens[from - 1]?.word ?? "")) from--;
    else from = best.from;
    const to = withPeriod(draft, best.to, bestPeriod);
    const bestId = requirement(draft, "computed", `The ${labelOf(entity)} with the most ${countLabel.toLowerCase()}${bestPeriod ? ` ${bestPeriod.label}` : ""}`, from, to);
    const where = bestPeriod ? [{ field: "date", op: "inRange" as const, period: { range: bestPeriod.range, ...(bestPeriod.n ? { n: bestPeriod.n } : {}) } }] : undefined;
    const title = capitalized(draft.reading.prompt.slice(tokens[best.from]!.start, tokens[best.to - 1]!.end).toLowerCase());
    addSection(draft, pageFor(draft, "/", "Today", `Count today's ${countLabel.toLowerCase()}`), { type: "groupTable", title: title.slice(0, 80), entity: logName, groupBy, measures, ...(where ? { where } : {}), sort: { measure: 0, direction: "desc" }, limit: 1, requirementIds: [bestId] });
  }
}
