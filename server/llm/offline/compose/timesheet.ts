// Hours worked for each record this week and what they earn: "a weekly report of hours and
// earnings at each client's hourly rate". The hours are time entries kept for the record (a date
// and the hours); the record shows its hours this week (entries dated this week, summed) and,
// when earnings are asked for, those hours × its hourly rate. Both are computed values, never typed in.
// A start/stop timer on each record ("a timer per client", "clock in/clock out per job") logs
// those entries: Start keeps the start time on the record, Stop adds an entry of the elapsed hours.
import { earningWords, rateFields, timedWorkPatterns, timeTrackingPatterns, timerOwnerLinks, timerPatterns, weeklyHoursPatterns } from "../catalog/timesheet";
import { findAny, findPattern } from "../understand/match-pattern";
import { sentenceOf } from "../understand/reading";
import { addSection, claim, isClaimed, pageFor, requirement, type Draft, type EntityDraft } from "./draft";
import { addField, ensureEntity, labelOf } from "./records";

/** The timer asked for: its requirement and its words, read before the records so no field stands in for it. */
export type TimerAsk = { id: string; from: number; to: number };

const joiners = ["and", "&", ",", "plus"];

/**
 * Claims "a start/stop timer" before the records are read, and returns the word indices no field
 * may take: the timer's, with "per client" after it, and a weekly report of hours with its
 * earnings (they are computed values of the record, not fields typed in).
 */
export function claimTimesheet(draft: Draft): { timer?: TimerAsk; notFields: number[] } {
  const { tokens } = draft.reading;
  const notFields: number[] = [];
  const span = (from: number, to: number) => {
    for (let i = from; i < to; i++) notFields.push(i);
  };
  const weekly = findAny(tokens, weeklyHoursPatterns);
  if (weekly && !isClaimed(draft, weekly.from, weekly.to)) {
    span(weekly.from, weekly.to);
    const earning = earningAfter(draft, weekly.to);
    if (earning >= 0) span(weekly.to, earning + 1);
  }
  const hit = findAny(tokens, timerPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to) || !findAny(tokens, timeTrackingPatterns)) return { notFields };
  // "per client", "for each project": the owner's words belong to the timer, not to a field.
  let to = hit.to;
  const link = tokens.slice(hit.to, hit.to + 2).findIndex((t) => timerOwnerLinks.includes(t.word));
  if (link >= 0) to = hit.to + link + 2;
  span(hit.from, to);
  const id = requirement(draft, "interaction", "A start/stop timer on each record", hit.from, hit.to);
  // "track time on each project with a timer": the time tracked is the timer's.
  const sentence = sentenceOf(draft.reading, hit.from);
  for (const work of findPattern(tokens, timedWorkPatterns[0]!, sentence.from, sentence.to)) if (!isClaimed(draft, work.from, work.to)) claim(draft, work.from, work.to);
  return { timer: { id, from: hit.from, to }, notFields };
}

/** Index of "earnings" joined to the report ("hours and earnings"), or -1. */
function earningAfter(draft: Draft, at: number): number {
  const { tokens } = draft.reading;
  if (!joiners.includes(tokens[at]?.word ?? "")) return -1;
  const found = tokens.slice(at, at + 4).findIndex((t) => earningWords.includes(t.word) || earningWords.includes(t.lemma));
  return found < 0 || isClaimed(draft, at + found, at + found + 1) ? -1 : at + found;
}

/** The record a timer is for: the one named after "per"/"each" in its sentence (after the timer first), else the given one. */
function timedRecord(draft: Draft, timer: TimerAsk, tops: EntityDraft[], fallback: EntityDraft | undefined): EntityDraft | undefined {
  const { tokens } = draft.reading;
  const sentence = sentenceOf(draft.reading, timer.from);
  const named = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (!timerOwnerLinks.includes(tokens[i - 1]?.word ?? "")) continue;
      const owner = tops.find((e) => labelOf(e) === tokens[i]!.lemma || labelOf(e) === tokens[i]!.word);
      if (owner) return owner;
    }
    return undefined;
  };
  return named(timer.from, sentence.to) ?? named(sentence.from, timer.from) ?? fallback;
}

export function composeTimesheet(draft: Draft, timer?: TimerAsk): void {
  const { tokens } = draft.reading;
  const found = findAny(tokens, weeklyHoursPatterns);
  // The report's words are claimed by the report alone (claimTimesheet kept fields off them).
  const hit = found && !isClaimed(draft, found.from, found.to) ? found : undefined;
  if (!hit && !timer) return;
  // Whose hours: the record the timer is for, else the record with an hourly rate, else the only top-level record.
  const tops = [...draft.entities.values()].filter((e) => !e.belongsTo.length && e.name !== "TimeEntry");
  const rated = tops.filter((e) => e.fields.some((f) => rateFields.includes(String(f.name))));
  const fallback: EntityDraft | undefined = rated.length === 1 ? rated[0] : tops.length === 1 ? tops[0] : undefined;
  const owner = timer ? timedRecord(draft, timer, tops, fallback) : fallback;
  if (!owner) {
    if (timer) unsupportTimer(draft, timer, "The offline compiler could not tell which records the timer is for.");
    return;
  }
  // A follow-up adding a timer to records whose hours are already kept: the timer logs into those entries.
  if (owner.computed.some((c) => c.name === "hoursThisWeek")) {
    const entries = draft.entities.get("TimeEntry");
    if (timer && entries?.belongsTo.includes(owner.name)) addTimer(draft, owner, timer, entries);
    else if (timer) unsupportTimer(draft, timer, `The ${labelOf(owner)}'s hours are kept in a way the timer cannot log into.`);
    return;
  }
  const rate = owner.fields.find((f) => rateFields.includes(String(f.name)) && (f.type === "money" || f.type === "number"));
  const hoursId = hit ? requirement(draft, "computed", `Each ${labelOf(owner)} shows the hours logged for them this week`, hit.from, hit.to) : timer!.id;
  const entryName = "TimeEntry";
  const entries = ensureEntity(draft, entryName, "Time entries", hoursId);
  // What was worked on: a task, unless the hours are kept for tasks themselves (then their parent select is "Task").
  const note = labelOf(owner) === "task" ? { name: "note", label: "Note" } : { name: "task", label: "Task" };
  addField(entries, { ...note, type: "string", required: true }, hoursId);
  addField(entries, { name: "date", label: "Date", type: "date", required: true }, hoursId);
  addField(entries, { name: "hours", label: "Hours", type: "number", min: 0, unit: "h", required: true }, hoursId);
  if (!entries.belongsTo.includes(owner.name)) entries.belongsTo.push(owner.name);
  addSection(draft, pageFor(draft, "/time-entries", "Time entries", `Log the hours worked for each ${labelOf(owner)}`), { type: "records", title: "Time entries", entity: entryName, requirementIds: [hoursId] });
  const hours = { agg: "sum" as const, entity: entryName, of: { field: "hours" }, where: [{ field: "date", op: "inRange" as const, period: { range: "thisWeek" as const } }] };
  owner.computed.push({ name: "hoursThisWeek", label: "Hours this week", expr: hours, format: "hours", requirementIds: [hoursId] });
  if (timer) addTimer(draft, owner, timer, entries);
  if (!hit || !rate) return;
  const earning = earningAfter(draft, hit.to);
  if (earning < 0) return;
  const earnId = requirement(draft, "computed", `Each ${labelOf(owner)} shows this week's earnings: their hours this week × their ${String(rate.label).toLowerCase()}`, earning, earning + 1);
  owner.computed.push({ name: "earningsThisWeek", label: "Earnings this week", expr: { op: "mul", args: [hours, { field: String(rate.name) }] }, format: "money", requirementIds: [earnId] });
}

/** Start/Stop on each record of `owner`, logging into `entries` (task or note, date, hours); says so in the requirement. */
function addTimer(draft: Draft, owner: EntityDraft, timer: TimerAsk, entries: EntityDraft): void {
  const text = `A start/stop timer on each ${labelOf(owner)}: Stop logs the elapsed hours as a time entry dated today (in their hours this week); one timer runs at a time, so starting another ${labelOf(owner)}'s stops and logs this one`;
  const asked = draft.requirements.find((r) => r.id === timer.id);
  if (asked) asked.text = text.slice(0, 200);
  const note = entries.fields.find((f) => f.type === "string" && (f.name === "task" || f.name === "note"));
  owner.timer = { entity: entries.name, hoursField: "hours", dateField: "date", ...(note ? { noteField: String(note.name) } : {}), requirementIds: [timer.id] };
}

function unsupportTimer(draft: Draft, timer: TimerAsk, reason: string): void {
  const asked = draft.requirements.find((r) => r.id === timer.id);
  if (asked) Object.assign(asked, { status: "unsupported", reason });
}
