// Dates that come round every year: "show the upcoming birthdays this month, with how old they're
// turning". Each record's next birthday is computed (its month and day from today on); a view
// lists those whose next birthday falls in the period, soonest first; the age turned is the next
// birthday's year minus the year of birth.
import { anniversaryFields, turningPatterns, upcomingPatterns, upcomingWindowPatterns, windowUnitDays } from "../catalog/anniversaries";
import { findAny } from "../understand/match-pattern";
import { addSection, claim, isClaimed, requirement, tag, type Draft } from "./draft";
import { labelOf } from "./records";
import { findPeriod, recordsPage } from "./views";

export type UpcomingWindow = { from: number; to: number; days: number };

/**
 * "coming up in the next 30 days", "within 2 weeks": how far ahead to look, when the prompt is
 * about dates that come round every year. Claimed before the records are read ("days" is no field).
 */
export function claimUpcomingWindow(draft: Draft): UpcomingWindow | undefined {
  const { tokens } = draft.reading;
  if (!tokens.some((t) => ["birthday", "birthdays", "anniversary", "anniversaries"].includes(t.lemma) || ["birthday", "anniversary"].includes(t.word))) return undefined;
  const hit = findAny(tokens, upcomingWindowPatterns);
  if (!hit || isClaimed(draft, hit.from, hit.to)) return undefined;
  const words = tokens.slice(hit.from, hit.to);
  const unit = words.find((t) => windowUnitDays[t.word] !== undefined);
  const n = Number(words.find((t) => t.isNumber)?.text ?? 1);
  if (!unit || !Number.isFinite(n) || n <= 0 || n > 366) return undefined;
  claim(draft, hit.from, hit.to);
  return { from: hit.from, to: hit.to, days: Math.round(n * windowUnitDays[unit.word]!) };
}

export function composeAnniversaries(draft: Draft, window?: UpcomingWindow): void {
  const entity = [...draft.entities.values()].find((e) => e.fields.some((f) => f.type === "date" && anniversaryFields.includes(String(f.name))));
  const field = entity?.fields.find((f) => f.type === "date" && anniversaryFields.includes(String(f.name)));
  const { tokens } = draft.reading;
  if (!entity || !field) {
    if (window) requirement(draft, "view", "Lists what is coming up soon", window.from, window.to, { reason: "The offline compiler looks ahead this way only for dates that come round every year (birthdays, anniversaries), and the app keeps none." });
    return;
  }
  const what = String(field.label).toLowerCase();
  const nextName = `next${String(field.name)[0]!.toUpperCase()}${String(field.name).slice(1)}`.slice(0, 40);
  // The next date is shown beside each record, for whichever requirement needs it.
  const next = (id: string) => {
    if (!entity.computed.some((c) => c.name === nextName)) entity.computed.push({ name: nextName, label: `Next ${what}`, expr: { fn: "nextAnniversary", args: [{ field: String(field.name) }] }, format: "date", requirementIds: [] });
    tag(entity.computed.find((c) => c.name === nextName)!, id);
  };
  const upcoming = findAny(tokens, upcomingPatterns);
  // The phrase names the records ("birthdays coming up"), which their mention claimed: its other words must be free.
  const isFree = upcoming && tokens.slice(upcoming.from, upcoming.to).every((t, k) => ["birthday", "anniversary"].includes(t.lemma) || !isClaimed(draft, upcoming.from + k, upcoming.from + k + 1));
  // "whose birthday is coming up in the next 30 days"; "birthdays within 2 weeks" says it without an upcoming word.
  const said = upcoming && isFree ? upcoming : window ? { from: window.from, to: window.to } : undefined;
  if (said) {
    const period = window ? undefined : findPeriod(draft, said.to, Math.min(tokens.length, said.to + 3));
    // "this month", "this week"; "in the next 2 weeks" counts days; without either, the coming 30 days.
    const isPeriod = period && ["thisWeek", "thisMonth", "thisYear"].includes(period.range);
    const to = isPeriod ? period.to : Math.max(said.to, window?.to ?? 0);
    const from = ["the", "my"].includes(tokens[said.from - 1]?.word ?? "") ? said.from - 1 : said.from;
    const days = window?.days ?? 30;
    const when = isPeriod ? period.label : `in the next ${days} days`;
    const id = requirement(draft, "view", `Lists the ${entity.pluralLabel.toLowerCase()} whose next ${what} is ${when}, soonest first`, from, to);
    next(id);
    addSection(draft, recordsPage(draft, entity), {
      type: "records", title: `Upcoming ${what}s ${when}`.slice(0, 80), entity: entity.name,
      where: [isPeriod ? { field: nextName, op: "inRange", period: { range: period.range } } : { field: nextName, op: "withinNextDays", days }],
      sort: { field: nextName, direction: "asc" }, create: false, emptyText: `No ${what}s ${when}`, requirementIds: [id],
    });
  }
  const turning = findAny(tokens, turningPatterns);
  if (turning && !isClaimed(draft, turning.from, turning.to)) {
    const id = requirement(draft, "computed", `Shows the age each ${labelOf(entity)} turns on their next ${what}`, turning.from, turning.to);
    next(id);
    entity.computed.push({ name: "turning", label: "Turning", expr: { op: "sub", args: [{ fn: "year", args: [{ field: nextName }] }, { fn: "year", args: [{ field: String(field.name) }] }] }, format: "integer", requirementIds: [id] });
  }
}
