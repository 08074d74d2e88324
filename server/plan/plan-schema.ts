// The structured plan the PromptCompiler agent produces: the contract between the planning
// model (offline compiler or a real LLM) and every agent after it. Validated with zod wherever
// it crosses a boundary (model output, the approval editor, the database).
//
// A plan says what the user asked for (`requirements`, each traced to the prompt's words), what
// the app is made of (`entities`, `pages` of `sections`, `theme`; see app-spec.ts) and how to
// check each requirement in a browser (`acceptanceChecks`, see check-steps.ts). Fields added
// since the first plans have defaults, so plans stored by earlier versions still parse.
import { z } from "zod";
import { agentNames } from "./agent-names";
import { identifier, requirementId, requirementIds, ZComputedField, ZCondition, ZRecordAction, ZSection, ZSharing, ZStorage, ZTheme } from "./app-spec";
import { ZAcceptanceCheck } from "./check-steps";
import { fieldTypes } from "./field-types";
import { plannedRequirementStatuses, requirementKinds } from "./requirements";

export const ZPlanField = z.object({
  name: identifier,
  label: z.string().min(1).max(60),
  type: z.enum(fieldTypes),
  required: z.boolean().default(false),
  /** Allowed values, for `enum` fields (in order: board columns, stages). */
  options: z.array(z.string().min(1).max(40)).max(20).optional(),
  /** An enum field that holds several of its options (times of day: morning and evening). */
  multiple: z.boolean().optional(),
  /** The options are the records of this entity, kept by id (with `multiple`: the players picked for a match). */
  ref: identifier.optional(),
  /** At most this many options may be chosen, for a field with `multiple` ("a starting 11"). */
  maxChoices: z.number().int().min(1).max(100).optional(),
  /** Bounds for number, money and rating fields (a rating is 1..max). */
  min: z.number().optional(),
  max: z.number().optional(),
  /** Shown after numbers: "min", "kg", "km". */
  unit: z.string().max(12).optional(),
  /** The value a new record starts with (a default option, 0, false). */
  defaultValue: z.union([z.string().max(200), z.number(), z.boolean()]).optional(),
  /** Options renamed or removed by a follow-up → the option their records move to (old board columns). */
  optionRenames: z.record(z.string().min(1).max(40), z.string().min(1).max(40)).optional(),
  requirementIds,
});

export const ZPlanEntity = z.object({
  name: identifier.describe("singular PascalCase, e.g. Task"),
  pluralLabel: z.string().min(1).max(60),
  fields: z.array(ZPlanField).min(1).max(30),
  /** Other entity names this one belongs to (many-to-one). */
  belongsTo: z.array(identifier).max(5).default([]),
  /** Values derived from the record, its parent or its children (line total, amount owed, streak). */
  computed: z.array(ZComputedField).max(12).optional(),
  /** Buttons on each record that set fields ("Mark returned"). */
  actions: z.array(ZRecordAction).max(6).optional(),
  /**
   * A new record is added only when these hold, tested on it before it is kept (a reward is
   * swapped only for a kid with the points: "Kid.points" gte "Reward.cost"); else the message shows.
   */
  addOnlyWhen: z.object({ conditions: z.array(ZCondition).min(1).max(4), message: z.string().min(1).max(200), requirementIds }).optional(),
  /**
   * A start/stop timer on each record ("a timer per client"): Start keeps the start time on the
   * record (so a reload finds it running), Stop adds a record of `entity` belonging to it, dated
   * today, with the elapsed hours. One timer runs at a time: starting another stops this one.
   */
  timer: z.object({
    /** The entity the logged time goes into (time entries), which belongs to this one. */
    entity: identifier,
    hoursField: identifier,
    dateField: identifier,
    /** A text field of the entry filled with "Timer", when the entry needs one (its task). */
    noteField: identifier.optional(),
    requirementIds,
  }).optional(),
  /** Names this entity had in earlier versions: the app moves their stored records over. */
  formerNames: z.array(identifier).max(5).optional(),
  /** Records the app starts with when it has none (the categories a budget was asked for). */
  initialRecords: z.array(z.record(z.string().min(1).max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))).max(50).optional(),
  requirementIds,
});

export const appKinds = ["crud", "kanban", "dashboard", "landing", "tool", "content"] as const;

export const ZPlanPage = z.object({
  path: z.string().regex(/^\/[a-z0-9\-/]*$/, "must be a lowercase path starting with /"),
  title: z.string().min(1).max(60),
  purpose: z.string().min(1).max(300),
  /** What the page shows, top to bottom. Optional for plans whose CodeGen writes its own UI. */
  sections: z.array(ZSection).max(20).optional(),
  requirementIds,
});

export const ZRequirement = z.object({
  id: requirementId,
  kind: z.enum(requirementKinds),
  /** What will be true of the app, in the user's terms: "Each loan has a due date". */
  text: z.string().min(1).max(200),
  /** The words of the prompt it comes from, verbatim (a substring of that prompt). */
  quote: z.string().min(1).max(200),
  /** Which prompt: 0 for the first, n for the n-th follow-up. */
  promptIndex: z.number().int().min(0).max(1000).default(0),
  status: z.enum(plannedRequirementStatuses),
  /** Why it cannot be built, for unsupported requirements. */
  reason: z.string().max(300).optional(),
});

export const ZPlanTask = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  agent: z.enum(agentNames),
  description: z.string().min(1).max(300),
  dependsOn: z.array(z.string()).default([]),
});

/** What a follow-up changed, for the conversation; nothing added or changed means nothing to build. */
export const ZPlanChanges = z.object({
  added: z.array(z.string().min(1).max(200)).max(30).default([]),
  changed: z.array(z.string().min(1).max(200)).max(30).default([]),
  /** Things asked for that the app already has, with where to find them. */
  alreadyThere: z.array(z.string().min(1).max(300)).max(30).default([]),
});

export const ZPlan = z.object({
  appName: z.string().min(1).max(60),
  summary: z.string().min(1).max(600),
  kind: z.enum(appKinds),
  theme: ZTheme,
  requirements: z.array(ZRequirement).max(80).optional(),
  pages: z.array(ZPlanPage).min(1).max(12),
  entities: z.array(ZPlanEntity).max(12),
  features: z.array(z.string().min(1).max(200)).max(30),
  acceptanceChecks: z.array(ZAcceptanceCheck).min(1).max(80),
  tasks: z.array(ZPlanTask).min(1).max(40),
  /** Set by the pipeline (stable per project); generated apps store their data under it. */
  storage: ZStorage.optional(),
  /** Present when the prompt asked for the data to be shared between devices. */
  sharing: ZSharing.optional(),
  /** For follow-ups: what this plan changed compared with the previous one. */
  changes: ZPlanChanges.optional(),
});

export type TPlan = z.infer<typeof ZPlan>;
export type TPlanEntity = z.infer<typeof ZPlanEntity>;
export type TPlanField = z.infer<typeof ZPlanField>;
export type TPlanPage = z.infer<typeof ZPlanPage>;
export type TRequirement = z.infer<typeof ZRequirement>;
export { ZAcceptanceCheck, type TAcceptanceCheck } from "./check-steps";

/** A file an agent wants to write into a version. Paths are checked again by the version writer. */
export const ZGeneratedFile = z.object({
  path: z
    .string()
    .min(1)
    .max(200)
    .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[A-Za-z0-9._\-/]+$/, "must be a relative path inside the project (no .., no leading /)"),
  content: z.string().max(512 * 1024, "a generated file must be at most 512 KiB"),
});
export type TGeneratedFile = z.infer<typeof ZGeneratedFile>;

/** Shapes accepted by ZPlan.parse (defaults optional): what compilers build before parsing. */
export type TPlanInput = z.input<typeof ZPlan>;
export type TPlanEntityInput = z.input<typeof ZPlanEntity>;
export type TPlanFieldInput = z.input<typeof ZPlanField>;
export type TAcceptanceCheckInput = z.input<typeof ZAcceptanceCheck>;
