// The check of a start/stop timer on each record (an entity's `timer`, compose/timesheet.ts), on
// the page's simulated clock: a client's timer started and run 90 minutes ticks to 1:30, is still
// running after a reload, and Stop logs 1.5 h dated today, so the client's hours this week (and
// earnings at 60 an hour, 90.00) grow by it. Then one timer at a time: the first client's timer
// run 30 minutes more is stopped and logged by starting the second's (2 h, 120.00), whose own
// hour logs 1 h (40.00 at 40 an hour). The time entries list shows the three entries.
import type { TAcceptanceCheckInput, TPlanEntity } from "~/server/plan/plan-schema";
import { formatValue } from "~/server/llm/offline/runtime/src/engine/expr.js";
import type { CheckContext } from "../registry";
import { addRecordSteps, homeOf, sampleRecord, shownText, titleText, Words, type Step } from "./record-samples";

type Check = TAcceptanceCheckInput;

const MINUTE = 60_000;
/** A Tuesday morning: the entries logged fall in this week whichever day a week starts on. */
const CHECK_MORNING = "2026-03-10T09:00";
const rates = [60, 40];

export function timerChecks(entity: TPlanEntity, ctx: CheckContext, key: string): Check[] {
  const { plan } = ctx;
  const timer = entity.timer;
  const home = homeOf(entity.name, plan);
  const entries = timer && plan.entities.find((e) => e.name === timer.entity);
  const entriesHome = entries && homeOf(entries.name, plan);
  // The record is found by its title in a list; a table row's buttons are checked elsewhere.
  if (!timer || !home || !entries || !entriesHome || home.section.display === "table") return [];
  const hoursField = entries.fields.find((f) => f.name === timer.hoursField);
  if (!hoursField) return [];
  const shows = (name: string) => !home.section.columns?.length || home.section.columns.includes(name);
  const hoursThisWeek = entity.computed?.find((c) => c.name === "hoursThisWeek" && shows(c.name));
  const earnings = entity.computed?.find((c) => c.name === "earningsThisWeek" && shows(c.name));
  const rate = earnings && "op" in earnings.expr ? earnings.expr.args.map((a) => ("field" in a ? a.field : undefined)).find(Boolean) : undefined;

  const words = new Words();
  const [a, b] = [0, 1].map((i) => ({ ...sampleRecord(entity, words.take(), i, { onlyRequired: true }), ...(rate ? { [rate]: rates[i]! } : {}) })) as [Record<string, string | number>, Record<string, string | number>];
  const [aTitle, bTitle] = [titleText(entity, a), titleText(entity, b)];
  const addA = addRecordSteps(entity, a, plan);
  const addB = addRecordSteps(entity, b, plan, {}, { goto: false });
  if (!addA || !addB) return [];
  const region = home.title;
  const button = (verb: "Start" | "Stop", title: string): Step => ({ action: "click", role: "button", name: `${verb} timer ${title}`, within: region });
  const offers = (verb: "Start" | "Stop", title: string): Step => ({ action: "expectElement", role: "button", name: `${verb} timer ${title}`, within: region });
  // What the record shows after the hours logged this week (and their earnings at its rate).
  const totals = (title: string, hours: number, rateOf: number): Step[] => [
    ...(hoursThisWeek ? [{ action: "expectText" as const, text: `${hoursThisWeek.label} ${formatValue(hours, "hours")}`, within: title }] : []),
    ...(earnings && rate ? [{ action: "expectText" as const, text: `${earnings.label} ${formatValue(hours * rateOf, "money")}`, within: title }] : []),
  ];
  const steps: Step[] = [
    { action: "clock", at: CHECK_MORNING },
    ...addA,
    ...addB,
    { action: "goto", path: home.page.path },
    ...totals(aTitle, 0, rates[0]!),
    button("Start", aTitle),
    offers("Stop", aTitle),
    { action: "advanceClock", ms: 90 * MINUTE },
    // The running time ticks on the page (the clock's seconds may run on a little: minutes are what count).
    { action: "expectText", text: "1:30:", within: aTitle },
    { action: "reload" },
    offers("Stop", aTitle),
    { action: "expectText", text: "1:30:", within: aTitle },
    button("Stop", aTitle),
    offers("Start", aTitle),
    ...totals(aTitle, 1.5, rates[0]!),
    // One timer at a time: starting the second client's stops the first's and logs it.
    button("Start", aTitle),
    { action: "advanceClock", ms: 30 * MINUTE },
    button("Start", bTitle),
    offers("Start", aTitle),
    offers("Stop", bTitle),
    ...totals(aTitle, 2, rates[0]!),
    { action: "advanceClock", ms: 60 * MINUTE },
    button("Stop", bTitle),
    ...totals(bTitle, 1, rates[1]!),
    { action: "goto", path: entriesHome.page.path },
  ];
  const label = (hours: number): Step => ({ action: "expectText", text: `${hoursField.label} ${shownText(hoursField, hours)}`, within: entriesHome.title });
  steps.push(label(1.5), label(0.5), label(1), { action: "expectText", text: aTitle, within: entriesHome.title }, { action: "expectText", text: bTitle, within: entriesHome.title });
  const singular = entity.name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  const ids = (timer.requirementIds ?? []).filter((id) => (plan.requirements ?? []).some((r) => r.id === id && r.status === "planned") || !plan.requirements);
  return [{
    id: `entity-${key}-timer`.slice(0, 60),
    description: `A ${singular}'s timer run 90 minutes on the page's clock ticks to 1:30, keeps running after a reload and logs 1.5 h when stopped${earnings ? ` (${formatValue(90, "money")} at ${rates[0]} an hour)` : ""}; starting another ${singular}'s timer stops and logs the running one`,
    requirementIds: ids,
    steps,
  }];
}
