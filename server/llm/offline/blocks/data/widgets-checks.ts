// Acceptance checks for the interaction sections — check-ins, board, sequence and feed — written
// the way the prompt's author would try them: tick a habit today and read a streak of 1, tick it
// yesterday too and read 2; move a card to the last column and find it there (and not in its old
// one) after a reload; build a setlist, reorder it, and read the total; post two messages and see
// the newest first with who wrote them. Each asserts specific names and values, so a broken
// section fails. Every check starts from a fixed clock, so the days it names are known here.
//
// Records the checks need (habits, songs) are added the way a user would: in the entity's records
// section (its form "Add <singular>", fields by label), or with the section's own add form.
import type { TSection } from "~/server/plan/app-spec";
import type { TAcceptanceCheckInput, TPlan, TPlanEntity, TPlanField, TPlanPage, TRequirement } from "~/server/plan/plan-schema";
import { formatValue } from "~/server/llm/offline/runtime/src/engine/expr.js";
import { feedFieldsOf } from "~/server/llm/offline/runtime/src/sections/feed.js";
import {
  addOneName, addToName, boardColumnsName, countLabel, dayText, dueListName, dueText, figureLabel, moveCardName, moveUpName, periodText, removeItemName,
  mondayOf, sequenceLibraryName, sequenceListName, shiftDay, shiftMonth, singularLabelOf, singularWords, takeOneName, tickLabel, weekGridName, weekText,
} from "~/server/llm/offline/runtime/src/widgets/names.js";
import type { CheckContext, SectionCheckGenerator } from "../registry";
import { toneWords } from "./computed-checks";
import { sectionTitleOf } from "../section-title";

type Check = TAcceptanceCheckInput;
type Step = Check["steps"][number];
type Section<T extends TSection["type"]> = Extract<TSection, { type: T }>;

/** The day every check runs on (a Tuesday), so the day names in labels are known. */
export const checkDay = "2026-03-10";
const clock: Step = { action: "clock", at: `${checkDay}T09:00` };
const yesterday = shiftDay(checkDay, -1);

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 30) || "section";

/** Titles no interface text, column or section name contains by accident. */
const titles = ["Marigold", "Juniper", "Saffron", "Quokka"];

// ─── Requirements → checks ───────────────────────────────────────────────────

/** The section's planned requirements (unsupported ones get no checks). */
function requirementsOf(section: { requirementIds?: string[] }, ctx: CheckContext): TRequirement[] {
  const all = ctx.plan.requirements ?? [];
  return (section.requirementIds ?? []).flatMap((id) => {
    const found = all.find((r) => r.id === id);
    if (!found) return all.length ? [] : [{ id, kind: "interaction", text: "", quote: "", promptIndex: 0, status: "planned" } as TRequirement];
    return found.status === "planned" ? [found] : [];
  });
}

type Draft = { key: string; id: string; description: string; steps: Step[] };
type Rule = { key: string; test: (requirement: TRequirement, words: string) => boolean };

/** Each requirement goes to the first rule's check that exists and accepts it, else to the first (main) check. */
function finish(drafts: Draft[], requirements: TRequirement[], rules: Rule[]): Check[] {
  if (!drafts.length) return [];
  const present = new Set(drafts.map((d) => d.key));
  const ids = new Map<string, string[]>();
  for (const requirement of requirements) {
    const words = `${requirement.text} ${requirement.quote}`.toLowerCase();
    const key = rules.find((r) => present.has(r.key) && r.test(requirement, words))?.key ?? drafts[0]!.key;
    ids.set(key, [...(ids.get(key) ?? []), requirement.id]);
  }
  return drafts.map((d) => {
    const requirementIds = ids.get(d.key) ?? [];
    return { id: d.id, description: d.description.slice(0, 300), ...(requirementIds.length ? { requirementIds } : {}), steps: d.steps.slice(0, 60) };
  });
}

// ─── Adding records as a user ────────────────────────────────────────────────

type Values = Record<string, string | string[]>;

/** The records section that adds records of an entity (an unfiltered one first), with its page. */
function recordsHome(entityName: string, plan: TPlan): { page: TPlanPage; title: string } | null {
  const found: { page: TPlanPage; section: Section<"records"> }[] = [];
  for (const page of plan.pages) for (const s of page.sections ?? []) if (s.type === "records" && s.entity === entityName && s.create !== false) found.push({ page, section: s });
  const best = found.find((f) => !f.section.where?.length) ?? found[0];
  return best ? { page: best.page, title: sectionTitleOf(best.section, plan) } : null;
}

/** A value a required field gets when the check does not care which. */
function filler(field: TPlanField): string | string[] | null {
  switch (field.type) {
    case "date":
      return "{{today}}";
    case "number":
    case "money":
    case "rating":
      return String(Math.max(field.min ?? 1, 1));
    case "boolean":
      return null;
    case "enum":
      return field.multiple ? [field.options?.[0] ?? ""] : field.options?.[0] ?? null;
    case "email":
      return "someone@example.com";
    case "url":
      return "https://example.com";
    case "time":
      return "09:30";
    case "image":
      return "picture";
    default:
      return "Example";
  }
}

/** Steps that put a value into a field of the form named `form` (the records section's conventions, DATA.md). */
function fill(field: TPlanField, value: string | string[], form: string): Step[] {
  if (field.type === "image") return [{ action: "upload", label: field.label, file: "picture", within: form }];
  if (field.type === "enum" && field.multiple) {
    const chosen = Array.isArray(value) ? value : [value];
    return (field.options ?? []).map((option): Step => ({ action: chosen.includes(option) ? "check" : "uncheck", label: option, within: form }));
  }
  if (field.type === "enum" || field.type === "rating") return [{ action: "select", label: field.label, value: String(value), within: form }];
  return [{ action: "fill", label: field.label, value: String(value), within: form }];
}

/**
 * Steps that add records of `entity` in its records section: the given values, every other
 * required field filled with something. Null when the app has no records section for it.
 */
function addRecordsSteps(entity: TPlanEntity, records: Values[], plan: TPlan): Step[] | null {
  const home = recordsHome(entity.name, plan);
  if (!home) return null;
  const form = `Add ${singularWords(entity.name)}`;
  const steps: Step[] = [{ action: "goto", path: home.page.path }];
  for (const values of records) {
    for (const field of entity.fields) {
      const value = values[field.name] ?? (field.required ? filler(field) : null);
      if (value !== null && value !== undefined) steps.push(...fill(field, value, form));
    }
    steps.push({ action: "click", role: "button", name: form, within: form });
  }
  return steps;
}

// ─── Check-ins ───────────────────────────────────────────────────────────────

export const checkinsChecks: SectionCheckGenerator<"checkins"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity);
  const log = plan.entities.find((e) => e.name === section.logEntity);
  if (!entity || !log || !entity.fields.length) return [];
  const within = sectionTitleOf(section, plan);
  const titleField = entity.fields[0]!;
  const slotsField = section.slotsField ? entity.fields.find((f) => f.name === section.slotsField && f.options?.length) : undefined;
  const isCount = section.mode === "count";
  // Monthly ticks (rent paid per flat): the same check a month at a time.
  const every = section.every;
  const isMonthly = every === "month";
  if (isMonthly && isCount) return [];
  const current = isMonthly ? shiftMonth(checkDay, 0) : checkDay;
  const previous = isMonthly ? shiftMonth(checkDay, -1) : yesterday;
  const [previousName, currentName] = isMonthly ? ["Previous month", "This month"] : ["Previous day", "Today"];

  // Two records; with slots, the first is taken at the first and last times of day, the second at one.
  const [a, b] = titles as [string, string];
  const options = slotsField?.options ?? [];
  const slotsA = slotsField && !isCount ? [...new Set([options[0]!, options[options.length - 1]!])] : [];
  const slotsB = slotsField && !isCount ? [options[Math.floor(options.length / 2)]!] : [];
  const home = recordsHome(entity.name, plan);
  let setup: Step[];
  if (home) {
    const values = [a, b].map((title, i): Values => ({ [titleField.name]: title, ...(slotsField ? { [slotsField.name]: i === 0 ? slotsA : slotsB } : {}) }));
    setup = [clock, ...addRecordsSteps(entity, values, plan)!, { action: "goto", path: page.path }];
  } else {
    // No records section: the check-ins section adds them itself, by title only (no slots).
    if (slotsA.length) return [];
    const form = `Add ${singularWords(entity.name)}`;
    setup = [clock, { action: "goto", path: page.path }];
    for (const title of [a, b]) setup.push({ action: "fill", label: titleField.label, value: title, within: form }, { action: "click", role: "button", name: form, within: form });
  }
  const slotA = slotsA[0] ?? null;
  const box = (title: string, day: string, slot: string | null): Step => ({ action: "expectElement", role: "checkbox", name: tickLabel(title, day, slot, every), within, state: "checked" });
  const unticked = (title: string, day: string, slot: string | null): Step => ({ ...box(title, day, slot), state: "unchecked" } as Step);
  const drafts: Draft[] = [];
  const name = slug(within);

  if (!isCount) {
    const period = isMonthly ? "this month" : "today";
    drafts.push({
      key: "tick",
      id: `checkins-${name}-tick`,
      description: `Ticking ${a}${slotA ? ` (${slotA})` : ""} for ${period} keeps it ticked after a reload, leaves ${b} and other ${isMonthly ? "months" : "days"} unticked, and unticking clears it`,
      steps: [
        ...setup,
        { action: "expectText", text: periodText(current, every), within },
        unticked(a, current, slotA),
        { action: "check", label: tickLabel(a, current, slotA, every), within },
        box(a, current, slotA),
        ...(slotsA.length > 1 ? [unticked(a, current, slotsA[1]!)] : []),
        unticked(b, current, slotsB[0] ?? null),
        { action: "reload" },
        box(a, current, slotA),
        { action: "click", role: "button", name: previousName, within },
        { action: "expectText", text: periodText(previous, every), within },
        unticked(a, previous, slotA),
        ...(isMonthly ? [{ action: "check", label: tickLabel(b, previous, null, every), within } as Step, { action: "reload" } as Step, { action: "click", role: "button", name: previousName, within } as Step, box(b, previous, null), unticked(a, previous, null)] : []),
        { action: "click", role: "button", name: currentName, within },
        box(a, current, slotA),
        ...(isMonthly ? [unticked(b, current, null)] : []),
        { action: "uncheck", label: tickLabel(a, current, slotA, every), within },
        { action: "reload" },
        unticked(a, current, slotA),
      ],
    });
  } else {
    const goal = section.dailyGoal && section.dailyGoal <= 12 ? section.dailyGoal : null;
    const count = (title: string, day: string, value: number): Step => ({ action: "expectValue", label: countLabel(title, day), value: String(value), within });
    const plus = (title: string): Step => ({ action: "click", role: "button", name: addOneName(title), within });
    const steps: Step[] = [
      ...setup,
      count(a, checkDay, 0),
      plus(a), plus(a), plus(a),
      count(a, checkDay, 3),
      { action: "click", role: "button", name: takeOneName(a), within },
      count(a, checkDay, 2),
      count(b, checkDay, 0),
      { action: "reload" },
      count(a, checkDay, 2),
      { action: "click", role: "button", name: "Previous day", within },
      count(a, yesterday, 0),
      plus(a),
      count(a, yesterday, 1),
      { action: "click", role: "button", name: "Today", within },
      count(a, checkDay, 2),
    ];
    if (goal) {
      // A has 2 by now: more until the goal, which is then said to be reached.
      if (goal > 2) steps.push({ action: "expectNoText", text: "goal reached", within });
      for (let i = 2; i < goal; i++) steps.push(plus(a));
      steps.push(count(a, checkDay, Math.max(goal, 2)), { action: "expectText", text: "goal reached", within });
    }
    drafts.push({
      key: "count",
      id: `checkins-${name}-count`,
      description: `Counting ${a} up three times and down once reads 2 for today, after a reload too; yesterday counts apart${goal ? `; reaching ${goal} says the goal is reached` : ""}`,
      steps,
    });
  }

  if (isMonthly) return [...finish(drafts, requirementsOf(section, ctx), []), ...monthlyLateChecks(section, page, ctx), ...monthlyTotalChecks(section, page, ctx)];

  // Streaks (and other values computed per record): today, then yesterday too.
  const streak = (entity.computed ?? []).find((c) => "agg" in c.expr && c.expr.agg === "streak" && c.expr.entity === log.name);
  if (streak) {
    const value = (title: string, n: number): Step => ({ action: "expectValue", label: figureLabel(streak.label, title), value: String(n), within });
    const doToday: Step[] = isCount ? [{ action: "click", role: "button", name: addOneName(a), within }] : [{ action: "check", label: tickLabel(a, checkDay, slotA), within }];
    const doYesterday: Step[] = isCount ? [{ action: "click", role: "button", name: addOneName(a), within }] : [{ action: "check", label: tickLabel(a, yesterday, slotA), within }];
    drafts.push({
      key: "streak",
      id: `checkins-${name}-streak`,
      description: `${streak.label}: ${a} done today reads 1; done yesterday too reads 2 (and still after a reload); ${b}, never done, reads 0`,
      steps: [
        ...setup,
        value(a, 0),
        ...doToday,
        value(a, 1),
        { action: "click", role: "button", name: "Previous day", within },
        ...doYesterday,
        value(a, 2),
        { action: "reload" },
        value(a, 2),
        value(b, 0),
      ],
    });
  }

  if (section.showDueToday && !(isCount && (section.dailyGoal ?? 1) > 12)) {
    const due = (title: string, slot: string | null, present: boolean): Step => ({ action: present ? "expectText" : "expectNoText", text: dueText(title, slot), within: dueListName });
    // Done today: ticked, or counted up to the daily goal.
    const doA: Step[] = isCount
      ? Array.from({ length: Math.min(section.dailyGoal ?? 1, 12) }, (): Step => ({ action: "click", role: "button", name: addOneName(a), within }))
      : [{ action: "check", label: tickLabel(a, checkDay, slotA), within }];
    drafts.push({
      key: "due",
      id: `checkins-${name}-due-today`,
      description: `"${dueListName}" lists what is not done today: ${a} leaves it when done${slotsA.length > 1 ? ` for the ${slotA}, its ${slotsA[1]} stays` : ""}, ${b} stays`,
      steps: [
        ...setup,
        due(a, slotA, true),
        ...doA,
        due(a, slotA, false),
        ...(slotsA.length > 1 ? [due(a, slotsA[1]!, true)] : []),
        due(b, slotsB[0] ?? null, true),
        { action: "reload" },
        due(a, slotA, false),
        due(b, slotsB[0] ?? null, true),
      ],
    });
  }
  return finish(drafts, requirementsOf(section, ctx), rules.checkins);
};

/**
 * "highlight anyone who's late" over monthly ticks: a highlighted value of the ticked record that
 * reads the log. On 10 March, Marigold ticked for March is not late (0, no highlight); Juniper,
 * ticked for February only, is 5 days late (past the 5th) and highlighted — a tick of another
 * month counted, or lateness counted from the 1st, shows otherwise.
 */
function monthlyLateChecks(section: Section<"checkins">, page: TPlanPage, ctx: CheckContext): Check[] {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity)!;
  const within = sectionTitleOf(section, plan);
  const home = recordsHome(entity.name, plan);
  const display = home && (home.page.sections ?? []).find((s) => s.type === "records" && s.entity === entity.name);
  const [a, b] = titles as [string, string];
  const checks: Check[] = [];
  for (const computed of entity.computed ?? []) {
    const tone = computed.highlight?.tone;
    if (!home || !display || display.type !== "records" || !tone || !JSON.stringify(computed.expr).includes(`"entity":"${section.logEntity}"`)) continue;
    if (display.columns?.length && !display.columns.includes(computed.name)) continue;
    const adds = addRecordsSteps(entity, [{ [entity.fields[0]!.name]: a }, { [entity.fields[0]!.name]: b }], plan);
    if (!adds) continue;
    const shown = (n: number) => (display.display === "table" ? "" : `${computed.label} `) + formatValue(n, computed.format ?? "integer");
    const tick = (title: string, month: number): Step => ({ action: "check", label: tickLabel(title, shiftMonth(checkDay, month), null, "month"), within });
    const steps: Step[] = [
      clock, ...adds,
      { action: "goto", path: page.path },
      tick(a, 0),
      { action: "click", role: "button", name: "Previous month", within },
      tick(b, -1),
      { action: "goto", path: home.page.path },
      { action: "expectText", text: `${shown(5)} ${toneWords[tone]}`, within: b },
      { action: "expectText", text: shown(0), within: a },
      { action: "expectNoText", text: toneWords[tone], within: a },
    ];
    checks.push({
      id: `checkins-${slug(computed.label)}-late`,
      description: `On 10 March, ${a} ticked for March reads ${shown(0)} and is not highlighted; ${b}, ticked for February only, reads ${shown(5)} (past the 5th) and is highlighted`.slice(0, 300),
      ...(computed.requirementIds?.length ? { requirementIds: computed.requirementIds } : {}),
      steps,
    });
  }
  return checks;
}

/**
 * "total rent collected this year" over monthly ticks: each stats figure that sums a field of the
 * ticked record over the log. Marigold (800) is ticked this month and last, Juniper (650) last
 * month and in December of last year: 2250 this year — not 2900 (every tick), 1450 (the rents
 * whatever is ticked) nor 4 (the ticks counted).
 */
function monthlyTotalChecks(section: Section<"checkins">, page: TPlanPage, ctx: CheckContext): Check[] {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity)!;
  const within = sectionTitleOf(section, plan);
  const [a, b] = titles as [string, string];
  const checks: Check[] = [];
  for (const statsPage of plan.pages) {
    for (const stats of statsPage.sections ?? []) {
      if (stats.type !== "stats") continue;
      for (const item of stats.items) {
        const value = item.value;
        if (!("agg" in value) || value.agg !== "sum" || value.entity !== section.logEntity || !value.of || !("field" in value.of)) continue;
        const amount = entity.fields.find((f) => `${entity.name}.${f.name}` === (value.of as { field: string }).field && f.type === "money");
        const onlyThisYear = value.where?.length === 1 && value.where[0]!.op === "inRange" && value.where[0]!.period?.range === "thisYear";
        if (!amount || (value.where?.length && !onlyThisYear)) continue;
        const home = recordsHome(entity.name, plan);
        const adds = home ? addRecordsSteps(entity, [{ [entity.fields[0]!.name]: a, [amount.name]: "800" }, { [entity.fields[0]!.name]: b, [amount.name]: "650" }], plan) : null;
        if (!adds) continue;
        const statsWithin = sectionTitleOf(stats, plan);
        const samePage = statsPage.path === page.path;
        const read = (n: number): Step[] => (samePage ? [{ action: "expectValue", label: item.label, value: formatValue(n, item.format ?? "money"), within: statsWithin }] : []);
        const tick = (title: string, month: number): Step => ({ action: "check", label: tickLabel(title, shiftMonth(checkDay, month), null, "month"), within });
        const back: Step = { action: "click", role: "button", name: "Previous month", within };
        const total = onlyThisYear ? 2250 : 2900;
        const steps: Step[] = [
          clock, ...adds, { action: "goto", path: page.path },
          ...read(0),
          tick(a, 0), ...read(800),
          back, tick(a, -1), tick(b, -1), ...read(2250),
          // December of last year (the check runs in March).
          back, back, tick(b, -3), ...read(total),
          { action: "reload" },
          { action: "goto", path: statsPage.path },
          { action: "expectValue", label: item.label, value: formatValue(total, item.format ?? "money"), within: statsWithin },
        ];
        checks.push({
          id: `checkins-${slug(item.label)}-total`,
          description: `"${item.label}": ${a} (800) ticked this month and last, ${b} (650) last month${onlyThisYear ? " and in December of last year, which does not count" : " and in December"} → ${formatValue(total, item.format ?? "money")}`.slice(0, 300),
          ...(item.requirementIds?.length || stats.requirementIds?.length ? { requirementIds: item.requirementIds?.length ? item.requirementIds : stats.requirementIds } : {}),
          steps: steps.slice(0, 60),
        });
      }
    }
  }
  return checks;
}

const rules = {
  checkins: [
    { key: "streak", test: (r, words) => r.kind === "computed" || /streak|in a row/.test(words) },
    { key: "due", test: (_r, words) => /\bdue\b|still (to|not)|left today|remaining/.test(words) },
  ] satisfies Rule[],
  board: [{ key: "drag", test: (_r, words) => /\bdrag/.test(words) }] satisfies Rule[],
  sequence: [{ key: "drag", test: (_r, words) => /\bdrag/.test(words) && !/total|length|sum/.test(words) }] satisfies Rule[],
};

// ─── Board ───────────────────────────────────────────────────────────────────

export const boardChecks: SectionCheckGenerator<"board"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const entity = plan.entities.find((e) => e.name === section.entity);
  const field = entity?.fields.find((f) => f.name === section.columnField);
  const columns = field?.options ?? [];
  if (!entity || !field || columns.length < 2) return [];
  const within = sectionTitleOf(section, plan);
  const titleField = entity.fields[0]!;
  const form = `Add ${singularWords(entity.name)}`;
  const [a, b] = titles as [string, string];
  const first = columns[0]!;
  const second = columns[1]!;
  const last = columns[columns.length - 1]!;
  const add = (title: string, column: string): Step[] => [
    { action: "fill", label: titleField.label, value: title, within: form },
    { action: "select", label: field.label, value: column, within: form },
    { action: "click", role: "button", name: form, within: form },
  ];
  const name = slug(within);
  const drafts: Draft[] = [
    {
      key: "columns",
      id: `board-${name}-columns`,
      description: `The board has the columns ${columns.join(", ")} in that order, and a card added to ${second} is listed there`,
      steps: [
        clock,
        { action: "goto", path: page.path },
        ...columns.map((column): Step => ({ action: "expectElement", role: "list", name: column, within })),
        { action: "expectOrder", texts: columns, within: boardColumnsName(within) },
        ...add(a, second),
        { action: "expectText", text: a, within: second },
        { action: "expectNoText", text: a, within: first },
        { action: "expectText", text: "1 card", within: second },
      ],
    },
    {
      key: "move",
      id: `board-${name}-move`,
      description: `A card moved from ${first} to ${second}, then to ${last}, is listed under ${last} and not under its old columns, also after a reload`,
      steps: [
        clock,
        { action: "goto", path: page.path },
        ...add(a, first),
        { action: "expectText", text: a, within: first },
        { action: "click", role: "button", name: moveCardName(a, second), within },
        { action: "expectText", text: a, within: second },
        { action: "expectNoText", text: a, within: first },
        ...columns.slice(2).map((column): Step => ({ action: "click", role: "button", name: moveCardName(a, column), within })),
        { action: "expectText", text: a, within: last },
        ...(last !== second ? [{ action: "expectNoText", text: a, within: second } as Step] : []),
        { action: "reload" },
        { action: "expectText", text: a, within: last },
        { action: "expectNoText", text: a, within: first },
        ...(last !== second ? [{ action: "expectNoText", text: a, within: second } as Step] : []),
      ],
    },
  ];
  if (section.drag !== false) {
    drafts.push({
      key: "drag",
      id: `board-${name}-drag`,
      description: `Dragging a card from ${first} onto ${last} moves it there, and it stays after a reload`,
      steps: [
        clock,
        { action: "goto", path: page.path },
        ...add(b, first),
        { action: "expectText", text: b, within: first },
        { action: "drag", from: { role: "listitem", name: b, within: first }, to: { role: "list", name: last, within } },
        { action: "expectText", text: b, within: last },
        { action: "expectNoText", text: b, within: first },
        { action: "reload" },
        { action: "expectText", text: b, within: last },
        { action: "expectNoText", text: b, within: first },
      ],
    });
  }
  const requirements = requirementsOf(section, ctx);
  // The columns' names are checked by the columns check; moving (by button) is the main behaviour.
  return finish(drafts, requirements, [...rules.board, { key: "columns", test: (r) => r.kind === "content" }, { key: "move", test: () => true }]);
};

// ─── Sequence ────────────────────────────────────────────────────────────────

/** The number an item of the sequence adds to its total: a field of the item or of what it picks ("Song.minutes"). */
function totalField(section: Section<"sequence">, plan: TPlan): { entity: TPlanEntity; field: TPlanField } | null {
  const of = section.total?.of;
  const expr = of && "agg" in of ? (of.entity === section.entity ? of.of : undefined) : of;
  if (!expr || !("field" in expr)) return null;
  const [owner, fieldName] = expr.field.includes(".") ? (expr.field.split(".") as [string, string]) : [section.entity, expr.field];
  const entity = plan.entities.find((e) => e.name === owner);
  const field = entity?.fields.find((f) => f.name === fieldName && (f.type === "number" || f.type === "money"));
  return entity && field ? { entity, field } : null;
}

export const sequenceChecks: SectionCheckGenerator<"sequence"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const source = plan.entities.find((e) => e.name === section.itemOf);
  if (!source || !source.fields.length) return [];
  const within = sectionTitleOf(section, plan);
  const list = sequenceListName(source.pluralLabel, within);
  const library = sequenceLibraryName(source.pluralLabel, within);
  // A half minute among them: a total that rounds each song (or the sum) to whole minutes is caught.
  const amounts = [4.5, 3, 5];
  const [a, b, c] = titles as [string, string, string];
  const summed = totalField(section, plan);
  const valuesOf = (title: string, i: number): Values => ({
    [source.fields[0]!.name]: title,
    ...(summed && summed.entity.name === source.name ? { [summed.field.name]: String(amounts[i]) } : {}),
  });
  const addSongs = addRecordsSteps(source, [a, b, c].map(valuesOf), plan);
  if (!addSongs) return [];
  const pick = (title: string): Step[] => [
    { action: "select", label: singularLabelOf(source.name), value: title, within },
    { action: "click", role: "button", name: addToName(within), within },
  ];
  // Added in another order than the library's, so the list's order is the sequence's own.
  const setup: Step[] = [clock, ...addSongs, { action: "goto", path: page.path }, ...pick(c), ...pick(a), ...pick(b)];
  const format = section.total?.format ?? "number";
  const total = (n: number): Step[] => (section.total && summed && summed.entity.name === source.name ? [{ action: "expectValue", label: section.total.label, value: formatValue(n, format), within }] : []);
  const [na, nb, nc] = amounts as [number, number, number];
  const name = slug(within);
  const drafts: Draft[] = [
    {
      key: "order",
      id: `sequence-${name}-order`,
      description: `Items are listed in the order added${section.total ? `, ${section.total.label} sums them` : ""}; Move up changes the order, which stays after a reload; Remove takes one out`,
      steps: [
        ...setup,
        { action: "expectOrder", texts: [c, a, b], within: list },
        ...total(na + nb + nc),
        { action: "click", role: "button", name: moveUpName(b), within },
        { action: "expectOrder", texts: [c, b, a], within: list },
        { action: "reload" },
        { action: "expectOrder", texts: [c, b, a], within: list },
        { action: "click", role: "button", name: removeItemName(c), within },
        { action: "expectOrder", texts: [b, a], within: list },
        { action: "expectNoText", text: c, within: list },
        ...total(na + nb),
      ],
    },
    {
      key: "drag",
      id: `sequence-${name}-drag`,
      description: `Items dragged from the library onto an item's place go in there${section.total ? `, ${section.total.label} counts them` : ""}; dragging the last item onto the first puts it first, which stays after a reload`,
      steps: [
        clock, ...addSongs, { action: "goto", path: page.path }, ...pick(a),
        // From the library: onto the only item's place (before it), then between the two.
        { action: "drag", from: { role: "listitem", name: c, within: library }, to: { role: "listitem", name: a, within: list } },
        { action: "expectOrder", texts: [c, a], within: list },
        ...total(nc + na),
        { action: "drag", from: { role: "listitem", name: b, within: library }, to: { role: "listitem", name: a, within: list } },
        { action: "expectOrder", texts: [c, b, a], within: list },
        ...total(na + nb + nc),
        { action: "drag", from: { role: "listitem", name: a, within: list }, to: { role: "listitem", name: c, within: list } },
        { action: "expectOrder", texts: [a, c, b], within: list },
        { action: "reload" },
        { action: "expectOrder", texts: [a, c, b], within: list },
      ],
    },
  ];
  return finish(drafts, requirementsOf(section, ctx), rules.sequence);
};

// ─── Week plan ───────────────────────────────────────────────────────────────

export const weekPlanChecks: SectionCheckGenerator<"weekPlan"> = (section, page, ctx) => {
  const plan = ctx.plan;
  const source = plan.entities.find((e) => e.name === section.itemOf);
  const slots = section.slots ?? [];
  if (!source || !source.fields.length || slots.length < 1) return [];
  const within = sectionTitleOf(section, plan);
  const grid = weekGridName(source.pluralLabel, within);
  const first = slots[0]!;
  const last = slots[slots.length - 1]!;
  const [a, b, c] = titles as [string, string, string];
  const put = (day: string, slot: string, value: string): Step[] => [
    { action: "fill", label: `${day} ${slot}`, value, within },
    { action: "press", key: "Enter" },
  ];
  const days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  const name = slug(within);
  const drafts: Draft[] = [
    {
      key: "week",
      id: `week-plan-${name}-week`,
      description: `The week on show runs Monday to Sunday with a ${slots.join(", ")} slot each day; what is put in Monday ${first} and Sunday ${last} is shown there, belongs to that week only, and stays after a reload`,
      steps: [
        clock,
        { action: "goto", path: page.path },
        { action: "expectText", text: weekText(mondayOf(checkDay)), within },
        { action: "expectOrder", texts: days, within: grid },
        { action: "expectOrder", texts: slots.length > 1 ? slots : [first, days[0]!], within: grid },
        ...put("Monday", first, `${a} porridge`),
        ...put("Sunday", last, `${b} stew`),
        { action: "expectValue", label: `Monday ${first}`, value: `${a} porridge`, within },
        // Next week's Monday is a slot of its own: what goes there leaves this week's as it was.
        { action: "click", role: "button", name: "Next week", within },
        { action: "expectText", text: weekText(shiftDay(mondayOf(checkDay), 7)), within },
        ...put("Monday", first, `${c} toast`),
        { action: "click", role: "button", name: "This week", within },
        { action: "expectValue", label: `Monday ${first}`, value: `${a} porridge`, within },
        { action: "reload" },
        { action: "expectValue", label: `Monday ${first}`, value: `${a} porridge`, within },
        { action: "expectValue", label: `Sunday ${last}`, value: `${b} stew`, within },
      ],
    },
  ];
  // "pick a dinner for each day from my recipes": a record of one's own, added first, is what a slot holds.
  const picks = requirementsOf(section, ctx).some((r) => /picked from your/.test(r.text));
  const addPicked = picks && addRecordsSteps(source, [{ [source.fields[0]!.name]: "Pasta" }], plan);
  if (addPicked) {
    drafts.push({
      key: "picked",
      id: `week-plan-${name}-picked`,
      description: `A ${source.name.toLowerCase()} added to ${source.pluralLabel.toLowerCase()} ("Pasta") put in Monday ${first} shows there and stays after a reload`,
      steps: [
        clock,
        ...addPicked,
        { action: "goto", path: page.path },
        ...put("Monday", first, "Pasta"),
        { action: "expectValue", label: `Monday ${first}`, value: "Pasta", within },
        { action: "expectValue", label: `Tuesday ${first}`, value: "", within },
        { action: "reload" },
        { action: "expectValue", label: `Monday ${first}`, value: "Pasta", within },
      ],
    });
  }
  const shopping = section.shopping;
  const field = shopping && source.fields.find((f) => f.name === shopping.field);
  const addMeals = field && addRecordsSteps(source, [
    { [source.fields[0]!.name]: a, [field.name]: "Oats, Milk" },
    { [source.fields[0]!.name]: b, [field.name]: "Flour, milk, Eggs" },
    { [source.fields[0]!.name]: c, [field.name]: "Rice, Kelp" },
  ], plan);
  if (shopping && addMeals) {
    const list = shopping.title;
    const listed = (words: string[]): Step[] => words.map((text): Step => ({ action: "expectText", text, within: list }));
    const absent = (words: string[]): Step[] => words.map((text): Step => ({ action: "expectNoText", text, within: list }));
    drafts.push({
      key: "shopping",
      id: `week-plan-${name}-shopping`,
      description: `${list} lists what the meals planned this week need, each once (${a} on Monday and ${b} on Sunday share Milk), not next week's ${c}; a tick stays after a reload; a meal taken out of the week takes its ingredients with it`,
      steps: [
        clock,
        ...addMeals,
        { action: "goto", path: page.path },
        ...put("Monday", first, a),
        ...put("Sunday", last, b),
        { action: "click", role: "button", name: "Next week", within },
        ...put("Monday", first, c),
        { action: "click", role: "button", name: "This week", within },
        ...listed(["Oats", "Milk", "Flour", "Eggs"]),
        ...absent(["Rice", "Kelp"]),
        { action: "expectCount", role: "listitem", within: list, count: 4 },
        { action: "check", label: "Milk", within: list },
        { action: "reload" },
        { action: "expectElement", role: "checkbox", name: "Milk", within: list, state: "checked" },
        { action: "expectElement", role: "checkbox", name: "Oats", within: list, state: "unchecked" },
        ...put("Sunday", last, ""),
        ...listed(["Oats", "Milk"]),
        ...absent(["Flour", "Eggs"]),
        { action: "expectCount", role: "listitem", within: list, count: 2 },
      ],
    });
  }
  return finish(drafts, requirementsOf(section, ctx), [{ key: "shopping", test: (r, words) => r.kind === "computed" || /shopping|grocer|ingredient/.test(words) }, { key: "picked", test: (r) => /picked from your/.test(r.text) }]);
};

// ─── Feed ────────────────────────────────────────────────────────────────────

export const feedChecks: SectionCheckGenerator<"feed"> = (section, page, ctx) => {
  const entity = ctx.plan.entities.find((e) => e.name === section.entity);
  if (!entity || !entity.fields.length) return [];
  const within = sectionTitleOf(section, ctx.plan);
  const { author, message } = feedFieldsOf(entity);
  const form = `Add ${singularWords(entity.name)}`;
  const posts = [
    { author: "Marigold", text: "Quokka greetings from the coast" },
    { author: "Juniper", text: "Wombat wishes for the party" },
  ];
  const write = (post: (typeof posts)[number]): Step[] => [
    ...(author ? [{ action: "fill", label: author.label, value: post.author, within: form } as Step] : []),
    { action: "fill", label: message.label, value: post.text, within: form },
    { action: "click", role: "button", name: "Post", within: form },
  ];
  const shown = section.order === "oldest" ? posts : [...posts].reverse();
  const order: Step = { action: "expectOrder", texts: shown.flatMap((p) => (author ? [p.author, p.text] : [p.text])), within };
  const drafts: Draft[] = [
    {
      key: "feed",
      id: `feed-${slug(within)}`,
      description: `Posts show ${author ? "who wrote them, " : ""}what they say and when, ${section.order === "oldest" ? "oldest" : "newest"} first, and stay after a reload`,
      steps: [
        clock,
        { action: "goto", path: page.path },
        ...write(posts[0]!),
        ...(author ? [{ action: "expectElement", role: "article", name: posts[0]!.author, within } as Step] : []),
        { action: "expectText", text: posts[0]!.text, within },
        ...write(posts[1]!),
        order,
        { action: "expectText", text: dayText(checkDay).replace(/^\w+ /, ""), within },
        { action: "expectCount", role: "article", within, count: 2 },
        { action: "reload" },
        order,
        { action: "expectCount", role: "article", within, count: 2 },
      ],
    },
  ];
  // The check types the author and the message, so it also proves the fields the prompt named.
  const fieldRequirements = [author, message].flatMap((field) => (field ? requirementsOf(field as { requirementIds?: string[] }, ctx) : []));
  const requirements = [...requirementsOf(section, ctx), ...fieldRequirements];
  return finish(drafts, requirements.filter((r, i) => requirements.findIndex((other) => other.id === r.id) === i), []);
};
