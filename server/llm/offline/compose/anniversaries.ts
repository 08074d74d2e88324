// Dates that come round every year: "show the upcoming birthdays this month, with how old they're
// turning". Each record's next birthday is computed (its month and day from today on); a view
// lists those whose next birthday falls in the period, soonest first; the age turned is the next
// birthday's year minus the year of birth.
import { anniversaryFields, turningPatterns, upcomingPatterns } from "../catalog/anniversaries";
import { findAny } from "../understand/match-pattern";
import { addSection, isClaimed, requirement, tag, type Draft } from "./draft";
import { labelOf } from "./records";
import { findPeriod, recordsPage } from "./views";

export function composeAnniversaries(draft: Draft): void {
  const entity = [...draft.entities.values()].find((e) => e.fields.some((f) => f.type === "date" && anniversaryFields.includes(String(f.name))));
  const field = entity?.fields.find((f) => f.type === "date" && anniversaryFields.includes(String(f.name)));
  if (!entity || !field) return;
  const { tokens } = draft.reading;
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
  if (upcoming && isFree) {
    const period = findPeriod(draft, upcoming.to, Math.min(tokens.length, upcoming.to + 3));
    // "this month", "this week"; without one, the coming 30 days.
    const isPeriod = period && ["thisWeek", "thisMonth", "thisYear"].includes(period.range);
    const to = isPeriod ? period.to : upcoming.to;
    const from = ["the", "my"].includes(tokens[upcoming.from - 1]?.word ?? "") ? upcoming.from - 1 : upcoming.from;
    const when = isPeriod ? period.label : "in the next 30 days";
    const id = requirement(draft, "view", `Lists the ${entity.pluralLabel.toLowerCase()} whose next ${what} is ${when}, soonest first`, from, to);
    next(id);
    addSection(draft, recordsPage(draft, entity), {
      type: "records", title: `Upcoming ${what}s ${when}`.slice(0, 80), entity: entity.name,
      where: [isPeriod ? { field: nextName, op: "inRange", period: { range: period.range } } : { field: nextName, op: "withinNextDays", days: 30 }],
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
