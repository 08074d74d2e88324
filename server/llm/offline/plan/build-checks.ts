// Acceptance checks derived from the plan. Each check runs in a fresh browser context (empty
// storage), so every check sets up the data it needs.
import type { TAcceptanceCheck, TPlan, TPlanEntity, TPlanField } from "~/server/plan/plan-schema";
import { slugOf } from "./naming";
import { editedPrimaryValue, primaryFieldOf, sampleValue } from "./sample-values";
import type { ToolId } from "./tool-catalog";
import { toolById } from "./tool-catalog";
import {
  addButtonName, columnSummary, deleteButtonName, editButtonName, entityLabel, entityPath, formatNumber,
  loadSampleDataName, metricFieldOf, moveButtonName, requiredMessage, saveButtonName, searchLabel, statusFieldOf,
  totalLabel, waitlistButtonName, waitlistCount, waitlistThanks,
} from "./ui-names";

type Step = TAcceptanceCheck["steps"][number];

const text = (v: string | number | boolean): string => String(v);
const idOf = (prefix: string, entity: TPlanEntity): string => `${prefix}-${slugOf(entity.name, "item")}`.slice(0, 60);

function fieldStep(field: TPlanField, value: string | number | boolean): Step | undefined {
  if (field.type === "boolean") return undefined;
  if (field.type === "enum") return value === "" ? undefined : { action: "select", label: field.label, value: text(value) };
  return { action: "fill", label: field.label, value: text(value) };
}

/** Steps that fill the fields a record needs (primary + required), optionally overriding the primary value. */
function fillRecord(entity: TPlanEntity, index: number, primaryOverride?: string, alsoFill: string[] = []): Step[] {
  const primary = primaryFieldOf(entity);
  const steps: Step[] = [];
  for (const field of entity.fields) {
    if (field.name !== primary.name && !field.required && !alsoFill.includes(field.name)) continue;
    const value = field.name === primary.name && primaryOverride !== undefined ? primaryOverride : sampleValue(entity, field, index);
    const step = fieldStep(field, value);
    if (step) steps.push(step);
  }
  return steps;
}

const primaryText = (entity: TPlanEntity, index: number): string => text(sampleValue(entity, primaryFieldOf(entity), index));

/** Creates one record of each parent first, then selects it in the child's form. */
function createWithParents(plan: TPlan, entity: TPlanEntity, index: number, alsoFill: string[] = []): Step[] {
  const path = entityPath(entity);
  const parents = entity.belongsTo
    .filter((p) => p !== entity.name)
    .map((p) => plan.entities.find((e) => e.name === p))
    .filter((p): p is TPlanEntity => p !== undefined);
  const steps: Step[] = [];
  for (const parent of parents) {
    steps.push({ action: "goto", path: entityPath(parent) }, ...fillRecord(parent, 0), { action: "click", role: "button", name: addButtonName(parent) }, { action: "expectText", text: primaryText(parent, 0) });
  }
  steps.push({ action: "goto", path }, ...fillRecord(entity, index, undefined, alsoFill));
  for (const parent of parents) steps.push({ action: "select", label: entityLabel(parent), value: primaryText(parent, 0) });
  steps.push({ action: "click", role: "button", name: addButtonName(entity) });
  return steps;
}

function crudChecks(plan: TPlan, entity: TPlanEntity, full: boolean): TAcceptanceCheck[] {
  const label = entity.pluralLabel.toLowerCase();
  const first = primaryText(entity, 0);
  const second = primaryText(entity, 1);
  const path = entityPath(entity);
  const primary = primaryFieldOf(entity);
  const edited = editedPrimaryValue(entity);
  // The full check also proves validation: an empty submit must explain what is missing.
  const validate: Step[] = full ? [{ action: "goto", path }, { action: "click", role: "button", name: addButtonName(entity) }, { action: "expectText", text: requiredMessage(primary) }] : [];
  const checks: TAcceptanceCheck[] = [
    {
      id: idOf("create", entity),
      description: `${full ? "An empty form explains what is missing; adding" : "Adding"} a ${entityLabel(entity).toLowerCase()} shows it in the list and it is still there after a reload.`,
      steps: [...validate, ...createWithParents(plan, entity, 0), { action: "expectText", text: first }, { action: "reload" }, { action: "expectText", text: first }],
    },
  ];
  if (!full) return checks;
  checks.push(
    {
      id: idOf("search", entity),
      description: `Searching ${label} filters the list.`,
      steps: [
        { action: "goto", path },
        ...fillRecord(entity, 0), { action: "click", role: "button", name: addButtonName(entity) }, { action: "expectText", text: first },
        ...fillRecord(entity, 1), { action: "click", role: "button", name: addButtonName(entity) }, { action: "expectText", text: second },
        { action: "fill", label: searchLabel(entity), value: first },
        { action: "expectText", text: first }, { action: "expectNoText", text: second },
      ],
    },
    {
      id: idOf("edit", entity),
      description: `Editing a ${entityLabel(entity).toLowerCase()} saves the change.`,
      steps: [
        { action: "goto", path }, ...fillRecord(entity, 0), { action: "click", role: "button", name: addButtonName(entity) }, { action: "expectText", text: first },
        { action: "click", role: "button", name: editButtonName(first) },
        { action: "fill", label: primary.label, value: edited },
        { action: "click", role: "button", name: saveButtonName(entity) },
        { action: "expectText", text: edited }, { action: "expectNoText", text: first },
        { action: "reload" }, { action: "expectText", text: edited },
      ],
    },
    {
      id: idOf("delete", entity),
      description: `Deleting a ${entityLabel(entity).toLowerCase()} removes it for good.`,
      steps: [
        { action: "goto", path }, ...fillRecord(entity, 0), { action: "click", role: "button", name: addButtonName(entity) }, { action: "expectText", text: first },
        { action: "click", role: "button", name: deleteButtonName(first) },
        { action: "expectNoText", text: first }, { action: "reload" }, { action: "expectNoText", text: first },
      ],
    },
  );
  return checks;
}

function boardChecks(entity: TPlanEntity): TAcceptanceCheck[] {
  const status = statusFieldOf(entity);
  const columns = status?.options ?? [];
  const first = primaryText(entity, 0);
  const add: Step[] = [{ action: "goto", path: "/board" }, ...fillRecord(entity, 0).filter((s) => !(s.action === "select" && s.label === status?.label)), { action: "click", role: "button", name: addButtonName(entity) }, { action: "expectText", text: first }];
  const checks: TAcceptanceCheck[] = [
    {
      id: "board-add-card",
      description: `A new card lands in the "${columns[0] ?? "first"}" column and survives a reload.`,
      steps: [...add, ...(columns[0] ? [{ action: "expectText", text: columnSummary(1, columns[0]) } as Step] : []), { action: "reload" }, { action: "expectText", text: first }],
    },
    {
      id: "board-delete-card",
      description: "Deleting a card removes it from the board.",
      steps: [...add, { action: "click", role: "button", name: deleteButtonName(first) }, { action: "expectNoText", text: first }, { action: "reload" }, { action: "expectNoText", text: first }],
    },
  ];
  if (columns.length >= 2) {
    checks.splice(1, 0, {
      id: "board-move-card",
      description: `A card can be moved to "${columns[1]}" and stays there after a reload.`,
      steps: [...add, { action: "click", role: "button", name: moveButtonName(first, columns[1]!) }, { action: "expectText", text: columnSummary(1, columns[1]!) }, { action: "reload" }, { action: "expectText", text: columnSummary(1, columns[1]!) }, { action: "expectText", text: columnSummary(0, columns[0]!) }],
    });
  }
  return checks;
}

function dashboardChecks(plan: TPlan, entity: TPlanEntity): TAcceptanceCheck[] {
  const metric = metricFieldOf(entity);
  const checks: TAcceptanceCheck[] = [
    {
      id: "dashboard-sample-data",
      description: "Loading the sample data fills the dashboard with charts and recent records.",
      steps: [{ action: "goto", path: "/" }, { action: "click", role: "button", name: loadSampleDataName }, { action: "expectText", text: primaryText(entity, 0) }, { action: "reload" }, { action: "expectText", text: primaryText(entity, 0) }],
    },
  ];
  if (metric) {
    const value = Number(sampleValue(entity, metric, 0));
    const expected = `${totalLabel(metric)} ${formatNumber(value)}`;
    checks.unshift({
      id: "dashboard-totals",
      description: `Adding a ${entityLabel(entity).toLowerCase()} updates the ${totalLabel(metric).toLowerCase()} on the overview.`,
      steps: [...createWithParents(plan, entity, 0, [metric.name]), { action: "expectText", text: primaryText(entity, 0) }, { action: "goto", path: "/" }, { action: "expectText", text: expected }, { action: "reload" }, { action: "expectText", text: expected }],
    });
  }
  return checks;
}

function landingChecks(): TAcceptanceCheck[] {
  return [
    {
      id: "landing-waitlist",
      description: "Joining the waitlist confirms the signup and counts it after a reload.",
      steps: [{ action: "goto", path: "/" }, { action: "fill", label: "Email", value: "ada@example.com" }, { action: "click", role: "button", name: waitlistButtonName }, { action: "expectText", text: waitlistThanks }, { action: "reload" }, { action: "expectText", text: waitlistCount(1) }],
    },
    {
      id: "landing-waitlist-invalid",
      description: "An invalid email is rejected with a helpful message.",
      steps: [{ action: "goto", path: "/" }, { action: "fill", label: "Email", value: "not-an-email" }, { action: "click", role: "button", name: waitlistButtonName }, { action: "expectText", text: "Enter a valid email address" }, { action: "expectText", text: waitlistCount(0) }],
    },
  ];
}

function toolChecks(tool: ToolId): TAcceptanceCheck[] {
  const path = toolById(tool).path;
  const go: Step = { action: "goto", path };
  const click = (name: string): Step => ({ action: "click", role: "button", name });
  const expect = (t: string): Step => ({ action: "expectText", text: t });
  const fill = (label: string, value: string): Step => ({ action: "fill", label, value });
  const select = (label: string, value: string): Step => ({ action: "select", label, value });
  const reload: Step = { action: "reload" };
  switch (tool) {
    case "calculator":
      return [
        { id: "calculator-multiply", description: "7 × 6 gives 42 and the result is kept in the history after a reload.", steps: [go, click("7"), click("Multiply"), click("6"), click("Equals"), expect("7 × 6 = 42"), reload, expect("7 × 6 = 42")] },
        { id: "calculator-decimals", description: "Decimal arithmetic: 1.5 + 2.25 gives 3.75.", steps: [go, click("1"), click("Decimal point"), click("5"), click("Add"), click("2"), click("Decimal point"), click("2"), click("5"), click("Equals"), expect("1.5 + 2.25 = 3.75")] },
        { id: "calculator-divide-by-zero", description: "Dividing by zero shows an error instead of Infinity.", steps: [go, click("8"), click("Divide"), click("0"), click("Equals"), expect("Cannot divide by zero"), click("Clear"), { action: "expectNoText", text: "Cannot divide by zero" }] },
      ];
    case "converter":
      return [
        { id: "converter-temperature", description: "100 °C converts to 212 °F and the conversion is remembered.", steps: [go, select("Category", "Temperature"), fill("Value", "100"), select("From", "Celsius (°C)"), select("To", "Fahrenheit (°F)"), expect("100 °C = 212 °F"), reload, expect("100 °C = 212 °F")] },
        { id: "converter-length", description: "5 km converts to 3.11 miles.", steps: [go, select("Category", "Length"), fill("Value", "5"), select("From", "Kilometers (km)"), select("To", "Miles (mi)"), expect("5 km = 3.11 mi")] },
      ];
    case "tip":
      return [
        { id: "tip-split", description: "A $100 bill with a 15% tip split by 2 is $57.50 each, remembered after a reload.", steps: [go, fill("Bill amount", "100"), fill("Tip percentage", "15"), fill("People", "2"), expect("Tip $15.00"), expect("Total $115.00"), expect("Per person $57.50"), reload, expect("Per person $57.50")] },
        { id: "tip-preset", description: "The 20% preset updates the tip.", steps: [go, fill("Bill amount", "50"), fill("People", "1"), click("20%"), expect("Tip $10.00"), expect("Total $60.00")] },
      ];
    case "timer":
      return [
        { id: "timer-set-and-run", description: "Setting 3 minutes shows 03:00; start, pause and reset work; the duration is remembered.", steps: [go, fill("Minutes", "3"), fill("Seconds", "0"), expect("03:00"), click("Start"), expect("Running"), click("Pause"), expect("Paused"), click("Reset"), expect("03:00"), reload, expect("03:00")] },
      ];
    case "stopwatch":
      return [
        { id: "stopwatch-laps", description: "Start, lap, pause and reset; laps survive a reload.", steps: [go, expect("00:00.00"), click("Start"), expect("Running"), click("Lap"), expect("Lap 1"), click("Pause"), expect("Paused"), reload, expect("Lap 1"), click("Reset"), expect("00:00.00"), { action: "expectNoText", text: "Lap 1" }] },
      ];
    case "pomodoro":
      return [
        { id: "pomodoro-modes", description: "Focus is 25:00, a short break is 05:00, and start/pause/reset work.", steps: [go, expect("25:00"), click("Short break"), expect("05:00"), click("Start"), expect("Running"), click("Pause"), expect("Paused"), click("Reset"), expect("05:00"), click("Focus"), expect("25:00")] },
      ];
    case "wordcount":
      return [
        { id: "wordcount-counts", description: "Counts words and sentences of a text and keeps the draft after a reload.", steps: [go, fill("Text", "The quick brown fox jumps. It runs!"), expect("Words 7"), expect("Sentences 2"), reload, expect("Words 7")] },
      ];
    case "bmi":
      return [
        { id: "bmi-compute", description: "180 cm and 75 kg give a BMI of 23.1 (healthy weight), remembered after a reload.", steps: [go, fill("Height (cm)", "180"), fill("Weight (kg)", "75"), expect("BMI 23.1"), expect("Healthy weight"), reload, expect("BMI 23.1")] },
      ];
  }
}

export function buildChecks(plan: TPlan, tool: ToolId | undefined): TAcceptanceCheck[] {
  const firstPath = plan.pages[0]?.path ?? "/";
  const checks: TAcceptanceCheck[] = [
    { id: "app-loads", description: "The app loads with its name in the header and no errors.", steps: [{ action: "goto", path: firstPath }, { action: "expectText", text: plan.appName }] },
  ];
  const [main, ...rest] = plan.entities;
  switch (plan.kind) {
    case "tool":
      if (tool) checks.push(...toolChecks(tool));
      break;
    case "landing":
      checks.push(...landingChecks());
      break;
    case "kanban":
      if (main) checks.push(...boardChecks(main));
      for (const e of rest) checks.push(...crudChecks(plan, e, false));
      break;
    case "dashboard":
      if (main) checks.push(...dashboardChecks(plan, main), ...crudChecks(plan, main, false));
      for (const e of rest) checks.push(...crudChecks(plan, e, false));
      break;
    case "crud":
      plan.entities.forEach((e, i) => checks.push(...crudChecks(plan, e, i === 0)));
      break;
  }
  return checks.slice(0, 20);
}
