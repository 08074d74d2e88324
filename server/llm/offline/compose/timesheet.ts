// Hours worked for each record this week and what they earn: "a weekly report of hours and
// earnings at each client's hourly rate". The hours are time entries kept for the record (a date
// and the hours); the record shows its hours this week (entries dated this week, summed) and,
// when earnings are asked for, those hours × its hourly rate. Both are computed values, never typed in.
import { earningWords, liveTimerPatterns, rateFields, weeklyHoursPatterns } from "../catalog/timesheet";
import { findAny } from "../understand/match-pattern";
import { addSection, isClaimed, pageFor, requirement, type Draft, type EntityDraft } from "./draft";
import { addField, ensureEntity, labelOf } from "./records";

export function composeTimesheet(draft: Draft): void {
  const { tokens } = draft.reading;
  const hit = findAny(tokens, weeklyHoursPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return;
  // Whose hours: the record with an hourly rate, else the only top-level record.
  const tops = [...draft.entities.values()].filter((e) => !e.belongsTo.length);
  const rated = tops.filter((e) => e.fields.some((f) => rateFields.includes(String(f.name))));
  const owner: EntityDraft | undefined = rated.length === 1 ? rated[0] : tops.length === 1 ? tops[0] : undefined;
  if (!owner || owner.computed.some((c) => c.name === "hoursThisWeek")) return;
  const rate = owner.fields.find((f) => rateFields.includes(String(f.name)) && (f.type === "money" || f.type === "number"));
  // "… of hours and earnings": the earnings word just after joins the ask.
  let to = hit.to;
  const earningAt = tokens.slice(hit.to, hit.to + 4).findIndex((t) => earningWords.includes(t.word) || earningWords.includes(t.lemma));
  const isEarningFree = earningAt >= 0 && ["and", "&", ",", "plus"].includes(tokens[hit.to]?.word ?? "") && !isClaimed(draft, hit.to + earningAt, hit.to + earningAt + 1);
  const hoursId = requirement(draft, "computed", `Each ${labelOf(owner)} shows the hours logged for them this week`, hit.from, hit.to);
  const entryName = "TimeEntry";
  const entries = ensureEntity(draft, entryName, "Time entries", hoursId);
  addField(entries, { name: "task", label: "Task", type: "string", required: true }, hoursId);
  addField(entries, { name: "date", label: "Date", type: "date", required: true }, hoursId);
  addField(entries, { name: "hours", label: "Hours", type: "number", min: 0, unit: "h", required: true }, hoursId);
  if (!entries.belongsTo.includes(owner.name)) entries.belongsTo.push(owner.name);
  addSection(draft, pageFor(draft, "/time-entries", "Time entries", `Log the hours worked for each ${labelOf(owner)}`), { type: "records", title: "Time entries", entity: entryName, requirementIds: [hoursId] });
  const hours = { agg: "sum" as const, entity: entryName, of: { field: "hours" }, where: [{ field: "date", op: "inRange" as const, period: { range: "thisWeek" as const } }] };
  // A timer running on the page is not planned: hours are logged as entries, and the reason says so.
  const timer = findAny(tokens, liveTimerPatterns);
  if (timer && !isClaimed(draft, timer.from, timer.to)) {
    requirement(draft, "interaction", `A start/stop timer on each ${labelOf(owner)}`, timer.from, timer.to, { reason: `The generated app cannot run a live timer on each ${labelOf(owner)} yet; hours are logged as time entries (a date and the hours) instead.` });
  }
  owner.computed.push({ name: "hoursThisWeek", label: "Hours this week", expr: hours, format: "hours", requirementIds: [hoursId] });
  if (!isEarningFree || !rate) return;
  to = hit.to + earningAt + 1;
  const earnId = requirement(draft, "computed", `Each ${labelOf(owner)} shows this week's earnings: their hours this week × their ${String(rate.label).toLowerCase()}`, hit.to + earningAt, to);
  owner.computed.push({ name: "earningsThisWeek", label: "Earnings this week", expr: { op: "mul", args: [hours, { field: String(rate.name) }] }, format: "money", requirementIds: [earnId] });
}
