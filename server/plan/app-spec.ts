// The app spec inside a plan: what the generated app is made of, declaratively. Entities hold
// records; pages are stacks of sections (building blocks); computed values and filters are small
// JSON expressions, never code. The offline CodeGen renders any valid spec with a generic browser
// runtime (server/llm/offline/runtime/), and the acceptance checks are derived from the same spec,
// so what is planned, built and checked agree. A model may write the spec too; a model's CodeGen
// may also ignore it and write its own code, as long as the checks pass.
//
// Every part that exists because the user asked for something carries `requirementIds`, so
// nothing is built that no requirement asks for (or needs).
import { z } from "zod";

export const identifier = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z][A-Za-z0-9]*$/, "must start with a letter and contain only letters and digits");
export const requirementId = z.string().regex(/^r[a-z0-9-]{1,40}$/, "requirement ids look like r1, r12 or r-loans");
export const requirementIds = z.array(requirementId).max(20).optional();
const label = z.string().min(1).max(80);
const shortText = z.string().min(1).max(200);
const longText = z.string().min(1).max(2000);
const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

// ─── Expressions ─────────────────────────────────────────────────────────────

export const dateRanges = ["today", "thisWeek", "thisMonth", "thisYear", "lastNDays", "lastNWeeks", "lastNMonths", "all"] as const;
export const ZDateRange = z.object({
  range: z.enum(dateRanges),
  /** For lastN*: how many days, weeks or months, counting the current one. */
  n: z.number().int().min(1).max(366).optional(),
});

export const conditionOps = [
  "eq", "neq", "lt", "lte", "gt", "gte", "in", "notIn", "contains",
  "isTrue", "isFalse", "isEmpty", "notEmpty",
  // Date field relative to today (the page's clock):
  "beforeToday", "onOrBeforeToday", "isToday", "afterToday", "inRange", "olderThanDays", "withinNextDays",
  // Month and day only, ignoring the year (birthdays, anniversaries): in `period` or within `days`.
  "anniversaryInRange", "anniversaryWithinDays",
] as const;

/**
 * A test on one record. The left side is a field of the record (or a field of a linked parent,
 * "Client.name") or a computed value of the entity; the right side is `value`, another field
 * (`valueField`), `days` for the relative date ops, or `period` for inRange.
 */
export const ZCondition = z.object({
  field: z.string().min(1).max(81),
  op: z.enum(conditionOps),
  value: z.union([scalar, z.array(z.union([z.string().max(200), z.number()])).max(30)]).optional(),
  valueField: z.string().min(1).max(81).optional(),
  days: z.number().int().min(0).max(3660).optional(),
  period: ZDateRange.optional(),
});
export type TCondition = z.infer<typeof ZCondition>;

export const aggregateOps = ["count", "sum", "avg", "min", "max", "streak"] as const;

export type TValueExpr =
  | { field: string }
  | { const: string | number | boolean | null }
  | { today: true }
  | { op: "add" | "sub" | "mul" | "div" | "min" | "max"; args: [TValueExpr, TValueExpr] }
  | { fn: "daysSince" | "daysUntil" | "yearsSince" | "year" | "dayOfMonth" | "nextAnniversary" | "round1" | "round2" | "percent"; args: TValueExpr[] }
  | {
      /** Over the records of `entity` linked to this record (they belong to it), or all of them at top level. */
      agg: (typeof aggregateOps)[number];
      entity: string;
      /** The value summed/averaged; a field name or an expression on each child record. */
      of?: TValueExpr;
      where?: TCondition[];
      /** For streak: the date field and the unit of the streak. */
      dateField?: string;
      unit?: "day" | "week";
    };

export const ZValueExpr: z.ZodType<TValueExpr> = z.lazy(() =>
  z.union([
    z.object({ field: z.string().min(1).max(81) }),
    z.object({ const: scalar }),
    z.object({ today: z.literal(true) }),
    z.object({ op: z.enum(["add", "sub", "mul", "div", "min", "max"]), args: z.tuple([ZValueExpr, ZValueExpr]) }),
    z.object({ fn: z.enum(["daysSince", "daysUntil", "yearsSince", "year", "dayOfMonth", "nextAnniversary", "round1", "round2", "percent"]), args: z.array(ZValueExpr).min(1).max(3) }),
    z.object({
      agg: z.enum(aggregateOps),
      entity: identifier,
      of: ZValueExpr.optional(),
      where: z.array(ZCondition).max(6).optional(),
      dateField: z.string().min(1).max(40).optional(),
      unit: z.enum(["day", "week"]).optional(),
    }),
  ]),
);

export const valueFormats = ["number", "integer", "money", "percent", "minutes", "hours", "date", "text", "stars"] as const;

// ─── Entities ────────────────────────────────────────────────────────────────

export const ZComputedField = z.object({
  name: identifier,
  label,
  expr: ZValueExpr,
  format: z.enum(valueFormats).default("number"),
  /** Highlight the value, e.g. red when a budget goes negative. */
  highlight: z.object({ when: ZCondition.omit({ field: true }), tone: z.enum(["danger", "warning", "success"]) }).optional(),
  requirementIds,
});
export type TComputedField = z.infer<typeof ZComputedField>;

/** A button on each record that sets fields: "Mark returned", "Watered today", "Mark paid". */
export const ZRecordAction = z.object({
  label: z.string().min(1).max(40),
  set: z.record(z.string().min(1).max(40), z.union([scalar, z.object({ today: z.literal(true) }), z.object({ toggle: z.literal(true) }), z.object({ increment: z.number() })])),
  /** Only offered on records that pass these tests (e.g. not yet returned). */
  showWhen: z.array(ZCondition).max(4).optional(),
  requirementIds,
});

// ─── Sections (building blocks of pages) ────────────────────────────────────

const sort = z.object({ field: z.string().min(1).max(81), direction: z.enum(["asc", "desc"]).default("asc") });
const grouping = z.union([
  z.object({ field: z.string().min(1).max(81) }),
  z.object({ dateField: z.string().min(1).max(40), bucket: z.enum(["day", "week", "month", "year"]) }),
]);
const measure = z.object({ label, agg: z.enum(["count", "sum", "avg", "min", "max"]), of: ZValueExpr.optional(), format: z.enum(valueFormats).default("number") });
const base = { title: z.string().min(1).max(80).optional(), requirementIds };

export const ZSection = z.discriminatedUnion("type", [
  /** The records of an entity: list or table, with add/edit/delete, search, sort, grouping, filters and actions. */
  z.object({
    type: z.literal("records"),
    ...base,
    entity: identifier,
    display: z.enum(["table", "list", "cards"]).default("list"),
    /** Fields and computed values shown per record, in order; default all fields. */
    columns: z.array(z.string().min(1).max(81)).max(20).optional(),
    where: z.array(ZCondition).max(6).optional(),
    sort: sort.optional(),
    groupBy: grouping.optional(),
    search: z.boolean().default(true),
    /** Fields offered as filter selects above the list (enum, boolean or a parent). */
    filters: z.array(z.string().min(1).max(81)).max(5).default([]),
    create: z.boolean().default(true),
    edit: z.boolean().default(true),
    delete: z.boolean().default(true),
    actions: z.array(ZRecordAction).max(6).default([]),
    /** One record per value of this date field: adding again on the same day edits that day's record. */
    onePerDate: z.string().min(1).max(40).optional(),
    emptyText: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  /** Headline figures: totals, counts, averages, with optional highlight. */
  z.object({
    type: z.literal("stats"),
    ...base,
    items: z.array(z.object({ label, value: ZValueExpr, format: z.enum(valueFormats).default("number"), requirementIds })).min(1).max(8),
  }),
  /** A table of aggregates per group: owed per client, eggs per hen this week, count per diet. */
  z.object({
    type: z.literal("groupTable"),
    ...base,
    entity: identifier,
    groupBy: grouping,
    /** Show every option of an enum/parent even with no records (counts of 0). */
    includeEmptyGroups: z.boolean().default(true),
    where: z.array(ZCondition).max(6).optional(),
    measures: z.array(measure).min(1).max(5),
    sort: z.object({ measure: z.number().int().min(0).max(4), direction: z.enum(["asc", "desc"]) }).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  }),
  z.object({
    type: z.literal("chart"),
    ...base,
    title: z.string().min(1).max(80),
    chartType: z.enum(["pie", "donut", "bar", "line"]),
    entity: identifier,
    groupBy: grouping,
    measure: measure.omit({ label: true }).extend({ label: label.optional() }),
    /** Which records count: by date range on a date field, and/or conditions. */
    period: z.object({ dateField: z.string().min(1).max(40) }).extend(ZDateRange.shape).optional(),
    where: z.array(ZCondition).max(6).optional(),
  }),
  /** Daily (or monthly) check-ins on each record of `entity`: tick (done / not done) or count per day, with navigation between days. */
  z.object({
    type: z.literal("checkins"),
    ...base,
    entity: identifier,
    /** The entity that stores one check-in (date + count/slot), belonging to `entity`. */
    logEntity: identifier,
    mode: z.enum(["tick", "count"]),
    /** A multi-option field of `entity` whose options are separate check-ins per day (doses: morning, evening). */
    slotsField: z.string().min(1).max(40).optional(),
    dailyGoal: z.number().int().min(1).max(1000).optional(),
    /** Lists what is still not done today. */
    showDueToday: z.boolean().default(false),
    /** One check-in per calendar month instead of per day (rent paid for each flat each month). */
    every: z.enum(["day", "month"]).optional(),
  }),
  z.object({
    type: z.literal("board"),
    ...base,
    entity: identifier,
    /** The enum field whose options are the columns, in order. */
    columnField: identifier,
    drag: z.boolean().default(true),
  }),
  /** An ordered selection of records of another entity (a setlist from a song library), reorderable, with a total. */
  z.object({
    type: z.literal("sequence"),
    ...base,
    entity: identifier,
    /** The parent entity each item picks (Song); `entity` belongs to it. */
    itemOf: identifier,
    total: z.object({ label, of: ZValueExpr, format: z.enum(valueFormats).default("number") }).optional(),
  }),
  /**
   * A week of days (Monday to Sunday) by slots of the day (Breakfast, Lunch, Dinner): each slot holds a
   * record of `itemOf` named there, or free text; optionally the shopping list of the week's planned records.
   */
  z.object({
    type: z.literal("weekPlan"),
    ...base,
    /** The entity that stores one filled slot: a date field `date`, a text field `slot` and a text field `name`. */
    entity: identifier,
    /** The records a slot names (Meal), whose `shopping.field` lists what each needs. */
    itemOf: identifier,
    slots: z.array(label).min(1).max(6),
    /** What the week's planned records need, combined (each once, with a count when needed more than once), tickable. */
    shopping: z.object({ title: label, field: identifier, requirementIds }).optional(),
  }),
  /** An append-only feed: a composer and the posts, with author and time (guestbook, message wall). */
  z.object({ type: z.literal("feed"), ...base, entity: identifier, order: z.enum(["newest", "oldest"]).default("newest") }),
  z.object({
    type: z.literal("quiz"),
    ...base,
    source: z.discriminatedUnion("kind", [
      /** A bundled data set (e.g. "europe-capitals"); see the runtime's data folder. */
      z.object({ kind: z.literal("dataset"), dataset: z.string().regex(/^[a-z0-9-]{1,60}$/), count: z.number().int().min(1).max(100).optional() }),
      z.object({ kind: z.literal("times-table"), tables: z.array(z.number().int().min(1).max(20)).min(1).max(20), pickTable: z.boolean().default(true), questions: z.number().int().min(1).max(50).default(10) }),
      z.object({ kind: z.literal("inline"), questions: z.array(z.object({ prompt: shortText, options: z.array(z.string().min(1).max(100)).max(6).optional(), answer: z.string().min(1).max(100) })).min(1).max(50) }),
      z.object({ kind: z.literal("entity"), entity: identifier, promptField: identifier, answerField: identifier }),
    ]),
    score: z.enum(["fraction", "percent", "stars"]).default("fraction"),
  }),
  z.object({ type: z.literal("flashcards"), ...base, entity: identifier, frontField: identifier, backField: identifier, spaced: z.boolean().default(false) }),
  /** A calculator, converter or generator from the runtime's tool registry, configured. */
  z.object({
    type: z.literal("tool"),
    ...base,
    tool: z.string().regex(/^[a-z0-9-]{1,40}$/),
    config: z.record(z.string().min(1).max(40), z.union([scalar, z.array(z.union([z.string().max(100), z.number()])).max(40)])).default({}),
  }),
  z.object({
    type: z.literal("timer"),
    ...base,
    mode: z.enum(["pomodoro", "countdown", "stopwatch"]),
    workMinutes: z.number().min(0.1).max(600).optional(),
    breakMinutes: z.number().min(0.1).max(120).optional(),
    longBreakMinutes: z.number().min(0.1).max(120).optional(),
    longBreakEvery: z.number().int().min(2).max(12).optional(),
    /** For countdown: the target date-time (ISO) or a month-day that recurs ("09-12"). */
    target: z.string().max(40).optional(),
    sound: z.boolean().default(false),
    countToday: z.boolean().default(false),
    /** Lets the user change the lengths (kept across reloads). */
    editable: z.boolean().default(false),
    /** An entity that records each finished session (what was worked on). */
    logEntity: identifier.optional(),
  }),
  // ── Site sections ──
  z.object({ type: z.literal("hero"), ...base, title: label, tagline: z.string().max(300).optional(), cta: z.object({ label: z.string().min(1).max(40), target: z.string().max(80) }).optional() }),
  z.object({ type: z.literal("menu"), ...base, groups: z.array(z.object({ name: label, items: z.array(z.object({ name: label, price: z.string().max(20), description: z.string().max(200).optional() })).min(1).max(30) })).min(1).max(12) }),
  z.object({ type: z.literal("hours"), ...base, rows: z.array(z.object({ days: label, hours: label })).min(1).max(14) }),
  z.object({ type: z.literal("contact"), ...base, lines: z.array(shortText).min(1).max(8) }),
  /** A form that adds a record to `entity` (contact messages, booking requests, RSVPs) and thanks the sender. */
  z.object({ type: z.literal("form"), ...base, entity: identifier, fields: z.array(identifier).max(15).optional(), submitLabel: z.string().min(1).max(40), thanks: shortText }),
  z.object({ type: z.literal("pricing"), ...base, tiers: z.array(z.object({ name: label, price: z.string().max(30), period: z.string().max(30).optional(), features: z.array(shortText).max(10) })).min(1).max(6) }),
  z.object({ type: z.literal("faq"), ...base, items: z.array(z.object({ question: shortText, answer: longText })).min(1).max(20) }),
  z.object({ type: z.literal("testimonials"), ...base, items: z.array(z.object({ quote: longText, author: label })).min(1).max(12) }),
  z.object({ type: z.literal("gallery"), ...base, items: z.array(z.object({ caption: label })).min(1).max(24) }),
  z.object({ type: z.literal("features"), ...base, items: z.array(z.object({ title: label, text: shortText })).min(1).max(12) }),
  z.object({ type: z.literal("text"), ...base, paragraphs: z.array(longText).min(1).max(10) }),
  /** Says plainly what the app cannot do and what it does instead (e.g. no live prices offline). */
  z.object({ type: z.literal("notice"), ...base, tone: z.enum(["info", "warning"]).default("info"), text: shortText }),
]);
export type TSection = z.infer<typeof ZSection>;
export type TSectionType = TSection["type"];

export const ZTheme = z.object({
  colorScheme: z.enum(["light", "dark"]).default("light"),
  accent: z.string().regex(/^#[0-9a-fA-F]{6}$/).default("#4f46e5"),
  /** A named palette for backgrounds and surfaces; "default" keeps neutral greys. */
  palette: z.enum(["default", "warm", "cool", "sage", "bright", "pastel", "mono"]).optional(),
  font: z.enum(["sans", "serif", "rounded", "mono"]).optional(),
  /** 1 = normal; 1.25 and 1.5 for big text. */
  textScale: z.number().min(1).max(2).optional(),
  requirementIds,
});
export type TTheme = z.infer<typeof ZTheme>;

/**
 * The app's records are shared between devices (the prompt asked for it): the app keeps them on
 * its server beside the app (`_data/`, server/app-data/) and follows other devices' changes live.
 */
export const ZSharing = z.object({ live: z.literal(true), requirementIds });
export type TSharing = z.infer<typeof ZSharing>;

/** Where the app keeps its data: stable for the project, so a new version finds the user's data; `version` drives migrations. */
export const ZStorage = z.object({
  key: z.string().regex(/^[a-z0-9-]{4,60}$/),
  version: z.number().int().min(1).max(10_000),
});
